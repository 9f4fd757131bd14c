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

/// Edits a PO file's text: `from` replaced by `to`.
fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from} not in {text}");
    std::fs::write(file, text.replace(from, to)).unwrap();
}

/// A French translation of the guidelines, imported and stamped, and the
/// file that made it exported again (so that it records them).
fn translated() -> (Site, std::path::PathBuf) {
    let site = site();
    // Beside the site, in its folder: removed with it.
    let out = site.path().join("exported");
    let files = export(&site, "fr", "po", &out, &[]);
    let po = files
        .iter()
        .find(|f| f.ends_with("pub.po"))
        .unwrap()
        .clone();
    translate_all(&po, "", |s| format!("(fr) {s}"));
    assert_eq!(import(&site, std::slice::from_ref(&po)).code, 0);
    std::fs::remove_dir_all(&out).unwrap();
    let files = export(&site, "fr", "po", &out, &[]);
    let po = files
        .iter()
        .find(|f| f.ends_with("pub.po"))
        .unwrap()
        .clone();
    (site, po)
}

#[test]
fn a_file_for_another_publication_is_refused_and_nothing_kept() {
    let (site, po) = translated();
    edit(
        &po,
        "X-Fieldguide-Publication: pub",
        "X-Fieldguide-Publication: card",
    );
    translate_all(&po, "index", |s| format!("(fr, edited) {s}"));
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("the file seems to be for the publication `pub`, not `card`")
            && o.stderr.contains("nothing of it is imported"),
        "{}",
        o.stderr
    );
    assert!(
        !o.stderr.contains("no block of the source has this key"),
        "{}",
        o.stderr
    );
    assert!(!site.path().join("translations/pending").exists());
    assert!(!site.path().join("guidance/card/index.fr.md").exists());
    // With no publication named at all (a tool dropped the field), the
    // keys say which: imported into it, with a warning at the header.
    edit(&po, "X-Fieldguide-Publication: card\\n", "");
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let header = std::fs::read_to_string(&po)
        .unwrap()
        .lines()
        .position(|l| l == "msgstr \"\"")
        .unwrap()
        + 1;
    // The header's line: its `msgstr ""`, which holds the fields.
    let at = format!("pub.po:{header}:1: warning");
    assert!(
        o.stderr.contains(&at)
            && o.stderr
                .contains("the file does not say which publication it is for")
            && o.stderr
                .contains("its entries' keys are `pub`'s, so it is imported into `pub`"),
        "{at}: {}",
        o.stderr
    );
    let page = site.read("guidance/pub/index.fr.md");
    assert!(
        page.contains("(fr, edited) Intro of the guidelines."),
        "{page}"
    );
    assert!(!site.path().join("guidance/card/index.fr.md").exists());
}

#[test]
fn a_file_that_names_no_publication_and_whose_keys_are_no_ones_is_refused() {
    let site = site();
    let po = site.path().join("pub.po");
    std::fs::write(
        &po,
        "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"nowhere/page#1\"\nmsgid \"A sentence no page of the site has.\"\nmsgstr \"Une phrase.\"\n",
    )
    .unwrap();
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("pub.po:2:1: error")
            && o.stderr
                .contains("the file does not say which publication it is for")
            && o.stderr.contains("the file's name says `pub`"),
        "{}",
        o.stderr
    );
    assert!(!site.path().join("guidance/pub/index.fr.md").exists());
    assert!(!site.path().join("translations/pending").exists());
}

#[test]
fn a_file_relabelled_with_another_language_is_refused() {
    let (site, po) = translated();
    let mut po = po;
    let moved = site.path().join("elsewhere/pub.po");
    std::fs::create_dir_all(moved.parent().unwrap()).unwrap();
    std::fs::copy(&po, &moved).unwrap();
    po = moved;
    edit(&po, "Language: fr", "Language: es");
    translate_all(&po, "01-ask/p1", |_| "(fr) Une question à la fois.".into());
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("the file says its language is `es`, but it was exported for `fr`"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("left as exported"), "{}", o.stderr);
    assert!(!site.path().join("guidance/pub/01-ask.es.md").exists());
}

#[test]
#[cfg(unix)]
fn a_linked_translation_is_never_read_nor_written_through() {
    let site = site();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    let body = "---\ntitle: [SECRET-TITLE\n---\n\nSECRET-BODY\n";
    std::fs::write(&secret, body).unwrap();
    std::os::unix::fs::symlink(&secret, site.path().join("guidance/pub/01-ask.fr.md")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = site.run(&[
        "translate",
        "export",
        "--lang",
        "fr",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(!o.stderr.contains("SECRET"), "{}", o.stderr);
    for f in walkdir::WalkDir::new(out.path()).into_iter().flatten() {
        if f.file_type().is_file() {
            let text = std::fs::read_to_string(f.path()).unwrap_or_default();
            assert!(!text.contains("SECRET"), "{}", f.path().display());
        }
    }
    let po = out.path().join("pub.po");
    if po.exists() {
        translate_all(&po, "", |s| format!("(fr) {s}"));
        let o = import(&site, std::slice::from_ref(&po));
        assert!(!o.stderr.contains("SECRET"), "{}", o.stderr);
    }
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), body);
}
