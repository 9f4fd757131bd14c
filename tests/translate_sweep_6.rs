//! End-to-end: a translation round trip, sixth sweep. Word tables with
//! merged cells come out of pandoc as raw `<table>` HTML; such a block was
//! copied into every translation from the source, never offered to
//! translators, and the page counted as translated: French readers got the
//! English referral table without a word.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::Site;
use helpers::*;

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\ndownload: false\n";
const EN: &str = "---\ntitle: Referral\n---\n\nWho to call:\n\n<table>\n<tr><th>Service</th><th>When to refer</th></tr>\n<tr><td>Health clinic</td><td>Injuries</td></tr>\n</table>\n\n<!-- checked with the clinic in May -->\n";
const TABLE_FR: &str = "<table>\n<tr><th>Service</th><th>Quand orienter</th></tr>\n<tr><td>Centre de santé</td><td>Blessures</td></tr>\n</table>";

/// An HTML block's text is a segment like a paragraph's: exported with a
/// note saying to keep its tags, imported into the page, published in the
/// reader's language. A block without text (a comment) is not offered.
#[test]
fn an_html_tables_text_goes_to_translators_and_comes_back() {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write("guidance/pub/index.en.md", EN);
    let (_out, file) = export_one(&site, "po");
    let entry = po_entry(&file, "index/html1");
    assert!(
        entry.msgid.contains("<td>Health clinic</td>"),
        "{}",
        entry.msgid
    );
    assert!(
        entry
            .comment
            .as_deref()
            .unwrap_or("")
            .contains("keep every tag"),
        "{entry:?}"
    );
    let po = std::fs::read_to_string(&file).unwrap();
    assert!(!po.contains("checked with the clinic"), "{po}");

    // A tag changed (a link slipped in): refused, nothing written.
    set_msgstr(&file, "index/title", "Orientation");
    set_msgstr(&file, "index/p1", "Qui appeler :");
    set_msgstr(
        &file,
        "index/html1",
        &TABLE_FR.replace(
            "<td>Blessures</td>",
            "<td><a href=\"https://x.example\">Blessures</a></td>",
        ),
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("<a href=\"https://x.example\">"),
        "{}",
        o.stderr
    );
    assert!(!site.path().join("guidance/pub/index.fr.md").exists());

    set_msgstr(&file, "index/html1", TABLE_FR);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.read("guidance/pub/index.fr.md");
    assert!(page.contains(TABLE_FR), "{page}");
    assert!(
        page.contains("<!-- checked with the clinic in May -->"),
        "{page}"
    );
    site.build_ok();
    let fr = site.page("fr/pub/index.html");
    let table = fr.text_of("div.content table");
    assert!(
        table.contains("Centre de santé") && !table.contains("Health"),
        "{table}"
    );
    let o = site.run(&["status"]);
    assert!(o.stdout.contains(" 1 page: 1 up to date"), "{}", o.stdout);
}
