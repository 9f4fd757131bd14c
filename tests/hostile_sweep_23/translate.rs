//! What a translator's file can make the site publish.

use crate::common::Site;
use crate::translating::{export, guidance, import, set_msgstr};

/// Sample content: a contacts table as pandoc writes a Word table with
/// merged cells, an HTML block whose link is the hotline's.
const CONTACTS: &str = "---\ntitle: Contacts\n---\n\n<table>\n<tr><td>National hotline (sample)</td><td><a href=\"https://hotline.example.org/report\">Report a case</a></td></tr>\n</table>\n";

/// An HTML block's tags were read by splitting at each `<`: a translator
/// who wrote `<a href="https://other.example/" ` before the source's own
/// `<a href="https://hotline.example.org/report">` passed the check (the
/// piece without its `>` was skipped), and a browser, reading one tag,
/// took its first `href`: the French page's hotline link led to the
/// other host. Now the tag is read as the browser reads it, and import
/// refuses the page at the translator's line, naming it.
#[test]
fn a_translation_cannot_send_an_html_blocks_link_to_another_host() {
    let site = Site::fixture("basic");
    site.write("guidance/checklist/02-contacts.en.md", CONTACTS);
    let dir = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", dir.path(), &[]);
    let po = files
        .into_iter()
        .find(|f| f.ends_with("checklist.po"))
        .unwrap();
    let text = std::fs::read_to_string(&po).unwrap();
    let key = "02-contacts/html1";
    assert!(text.contains(&format!("msgctxt \"{key}\"")), "{text}");
    set_msgstr(&po, "02-contacts/title", "Contacts utiles");
    set_msgstr(
        &po,
        key,
        "<table>\n<tr><td>Ligne nationale (exemple)</td><td><a href=\"https://other.example/\" <a href=\"https://hotline.example.org/report\">Signaler un cas</a></td></tr>\n</table>",
    );
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("https://other.example/")
            && o.stderr.contains(&format!("msgctxt \"{key}\"")),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before, "a page was written");
    // Built, the French readers get the source's page and its link.
    site.build_ok();
    let page = site.page("fr/checklist/contacts.html");
    let hrefs: Vec<String> = page
        .select("main a[href^='http']")
        .iter()
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert_eq!(hrefs, ["https://hotline.example.org/report"]);
}

/// A translator could add a class to a heading (`{#signs .sr-only}`), which
/// the page keeps: the theme's `.sr-only` hid the French heading on screen
/// while import compared only its id. Now a heading's classes are compared
/// too, and the page is refused at the translator's line.
#[test]
fn a_translation_cannot_hide_a_heading_with_a_class() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/checklist/03-signs.en.md",
        "---\ntitle: Signs\n---\n\n## Warning signs {#signs}\n\nA person who cannot say where they live (sample content).\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", dir.path(), &[]);
    let po = files
        .into_iter()
        .find(|f| f.ends_with("checklist.po"))
        .unwrap();
    set_msgstr(&po, "03-signs/title", "Signes");
    set_msgstr(
        &po,
        "03-signs#signs/p1",
        "Une personne qui ne peut pas dire où elle vit.",
    );
    set_msgstr(&po, "03-signs#signs", "Signes d'alerte {#signs .sr-only}");
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("the heading's classes changed from none to {.sr-only}"),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before, "a page was written");
}
