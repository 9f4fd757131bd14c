//! End-to-end: what keeps `translate import` from writing what it should
//! not: over a translation the site cannot read, a page from a file with a
//! key twice, a file for another publication or another language, and a
//! translation that would break the site's anchors.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::Site;
use helpers::*;
use std::path::Path;

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n  - { code: es, name: Español }\ndownload: false\n";

/// A site of two publications, in English only.
fn site() -> Site {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write(
        "guidance/pub/index.en.md",
        "---\ntitle: Pub\nkind: guidelines\n---\n\nIntro of the guidelines.\n",
    );
    site.write(
        "guidance/pub/01-ask.en.md",
        "---\ntitle: Asking\n---\n\nAsk one question at a time.\n\nListen to the answer.\n",
    );
    site.write(
        "guidance/card/index.en.md",
        "---\ntitle: Card\nkind: pocket-guide\n---\n\nIntro of the card.\n",
    );
    site
}

/// Sets the msgstr of every entry of `file` whose key starts with `page`.
fn translate_all(file: &Path, page: &str, tr: impl Fn(&str) -> String) {
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    for e in po.entries.iter_mut() {
        if e.msgctxt.as_deref().is_some_and(|k| k.starts_with(page)) {
            e.msgstr = Some(tr(&e.msgid));
            e.flags.clear();
        }
    }
    std::fs::write(file, po.to_string()).unwrap();
}

#[test]
fn a_translation_that_cannot_be_read_is_warned_about_and_never_replaced() {
    let site = site();
    let fr = "---\ntitle: [Brouillon] Demander\n---\n\nPosez une question à la fois.\n\nÉcoutez la réponse.\n";
    site.write("guidance/pub/01-ask.fr.md", fr);
    let o = site.run(&["translate", "export", "--lang", "fr"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("guidance/pub/01-ask.fr.md:2")
            && o.stderr.contains("this translation cannot be read")
            && o.stderr
                .contains("fix the error at guidance/pub/01-ask.fr.md:2 first"),
        "{}",
        o.stderr
    );
    let po = site.path().join("translations/fr/pub.po");
    translate_all(&po, "", |s| format!("(fr) {s}"));
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("guidance/pub/01-ask.fr.md:2") && o.stderr.contains("it is not replaced"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("1 page written, 0 unchanged, 0 incomplete, 1 refused"),
        "{}",
        o.stderr
    );
    assert_eq!(site.read("guidance/pub/01-ask.fr.md"), fr);
    assert!(site.read("guidance/pub/index.fr.md").contains("(fr) Pub"));
}

#[test]
fn a_key_twice_in_a_file_refuses_its_page() {
    let site = site();
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", out.path(), &[]);
    let po = files.iter().find(|f| f.ends_with("pub.po")).unwrap();
    translate_all(po, "", |s| format!("(fr) {s}"));
    let text = std::fs::read_to_string(po).unwrap();
    let twice =
        "\nmsgctxt \"01-ask/p1\"\nmsgid \"Ask one question at a time.\"\nmsgstr \"Autre chose.\"\n";
    std::fs::write(po, format!("{text}{twice}")).unwrap();
    let o = import(&site, std::slice::from_ref(po));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("this key appears twice")
            && o.stderr
                .contains("nothing is written for guidance/pub/01-ask.fr.md"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("1 page written, 0 unchanged, 0 incomplete, 1 refused"),
        "{}",
        o.stderr
    );
    assert!(!site.path().join("guidance/pub/01-ask.fr.md").exists());
}

#[test]
fn a_translated_heading_keeps_the_anchor_links_point_to() {
    let site = site();
    site.write(
        "guidance/pub/04-edge.en.md",
        "---\ntitle: Edge cases\n---\n\nRead [the signs](#signs-to-watch) first.\n\n## Signs to watch\n\nLook for fear.\n",
    );
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", out.path(), &[]);
    let po = files.iter().find(|f| f.ends_with("pub.po")).unwrap();
    let note = po_entry(po, "04-edge@1").comment.unwrap_or_default();
    assert!(
        note.replace('\n', " ")
            .contains("Links point to it as #signs-to-watch"),
        "{note}"
    );
    translate_all(po, "", |s| match s {
        "Signs to watch" => "Signes à surveiller".into(),
        "Read [the signs](#signs-to-watch) first." => {
            "Lisez d'abord [les signes](#signs-to-watch).".into()
        }
        s => format!("(fr) {s}"),
    });
    let o = import(&site, std::slice::from_ref(po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let fr = site.read("guidance/pub/04-edge.fr.md");
    assert!(
        fr.contains("## Signes à surveiller {#signs-to-watch}\n"),
        "{fr}"
    );
    let o = site.build();
    assert_eq!(o.code, 0, "{}", o.stderr);
    // The id written on the heading does not unpair the page's blocks.
    let again = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", again.path(), &[]);
    let po = files.iter().find(|f| f.ends_with("pub.po")).unwrap();
    let e = po_entry(po, "04-edge@1");
    assert_eq!(
        e.msgstr.as_deref(),
        Some("Signes à surveiller {#signs-to-watch}")
    );
    assert!(e.flags.is_empty(), "{e:?}");
    let p = po_entry(po, "04-edge@1/p1");
    assert_eq!(p.msgstr.as_deref(), Some("(fr) Look for fear."));
    assert!(!p.comment.unwrap_or_default().contains("do not match"));
}
