//! End-to-end: what `translate import` keeps. A draft translation's text
//! and front matter, a local edition's reliance on its base, and a
//! translation changed in the site since a file was exported.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::{Site, copy_dir, tree};
use helpers::*;
use std::path::{Path, PathBuf};

const STOPPING_FR: &str = "guidance/pocket-guide/04-stopping-and-closing.fr.md";
const ASKING_FR: &str = "guidance/pocket-guide/03-asking-questions.fr.md";

/// Sets the msgstr of these entries, as a translator's tool would.
fn set_po(file: &Path, edits: &[(&str, &str)]) {
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    for e in po.entries.iter_mut() {
        let key = e.msgctxt.clone().unwrap();
        if let Some((_, text)) = edits.iter().find(|(k, _)| *k == key) {
            e.msgstr = Some(text.to_string());
        }
    }
    std::fs::write(file, po.to_string()).unwrap();
}

fn msgstr(file: &Path, key: &str) -> String {
    po_entry(file, key).msgstr.unwrap()
}

#[test]
fn a_draft_translation_is_exported_and_keeps_its_front_matter() {
    let site = Site::sample();
    let page = site.read(STOPPING_FR);
    let drafted = page.replacen(
        "translation_of:",
        "# reviewed by the team\ndraft: true\nextra: {reviewer: Ana}\ntranslation_of:",
        1,
    );
    site.write(STOPPING_FR, &drafted);
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let file = out.path().join("pocket-guide.po");
    msgfmt_check(&file);
    let title = po_entry(&file, "04-stopping-and-closing/title");
    assert_eq!(title.msgstr.as_deref(), Some("S'arrêter et conclure"));
    assert!(title.flags.is_empty(), "{title:?}");
    set_po(
        &file,
        &[("04-stopping-and-closing/title", "Arrêter et conclure")],
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!("wrote {STOPPING_FR}")),
        "{}",
        o.stderr
    );
    // Only the title changed: the draft stays a draft, with its keys and
    // its comment as they were.
    let want = drafted.replace(
        "title: \"S'arrêter et conclure\"",
        "title: \"Arrêter et conclure\"",
    );
    assert_eq!(site.read(STOPPING_FR), want);
}

#[test]
fn an_edition_gets_only_the_pages_that_differ_from_its_base() {
    let site = Site::sample();
    let edition = site.path().join("arvenia");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&root.join("examples/arvenia"), &edition);
    let yaml = std::fs::read_to_string(edition.join("site.yaml")).unwrap();
    std::fs::write(
        edition.join("site.yaml"),
        yaml.replace("base: ../..", "base: .."),
    )
    .unwrap();
    let before = tree(&edition);
    let out = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| common::edition::run_in(&edition, args);
    let o = run(&[
        "translate",
        "export",
        "--lang",
        "fr",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let file = out.path().join("pocket-guide.po");
    set_po(
        &file,
        &[("04-stopping-and-closing/title", "Arrêter et conclure")],
    );
    let o = run(&["translate", "import", file.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let after = tree(&edition);
    let added: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .filter(|k| !k.starts_with("translations/"))
        .collect();
    assert_eq!(added, [&STOPPING_FR.to_string()], "{}", o.stderr);
    assert!(
        o.stderr.contains("imported: 1 page written, 6 unchanged"),
        "{}",
        o.stderr
    );
}

/// Exports fr once and returns two copies of the pocket guide's file.
fn two_copies(site: &Site, out: &Path) -> (PathBuf, PathBuf) {
    export(site, "fr", "po", &out.join("x"), &[]);
    let copy = |name: &str| {
        let dir = out.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("pocket-guide.po");
        std::fs::copy(out.join("x/pocket-guide.po"), &f).unwrap();
        f
    };
    (copy("a"), copy("b"))
}

#[test]
fn a_stale_file_does_not_undo_newer_translations() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(&site, out.path());
    let title = "03-asking-questions/title";
    let para = "03-asking-questions#principles/list1.1";
    let old_para = msgstr(&a, para);
    assert!(!old_para.is_empty());
    set_po(&b, &[(title, "Titre B"), (para, "Paragraphe B.")]);
    set_po(&a, &[(title, "Titre A")]);
    let o = import(&site, std::slice::from_ref(&b));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let o = import(&site, std::slice::from_ref(&a));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.read(ASKING_FR);
    // A changed the title: its change wins. It did not touch the
    // paragraph, which B changed since: B's stays.
    assert!(page.contains("title: \"Titre A\""), "{page}");
    assert!(page.contains("- Paragraphe B.\n"), "{page}");
    assert!(!page.contains(&old_para), "{page}");
    assert!(
        o.stderr.contains("warning: 1 segment is left as exported, but changed in the site since this file was exported: the site's newer translation is kept"),
        "{}",
        o.stderr
    );
}

#[test]
fn two_files_that_disagree_in_one_run_write_nothing_for_that_page() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(&site, out.path());
    let title = "03-asking-questions/title";
    set_po(&a, &[(title, "Titre A")]);
    set_po(&b, &[(title, "Titre B")]);
    let before = site.read(ASKING_FR);
    let o = import(&site, &[a.clone(), b.clone()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let line = msgstr_line(&std::fs::read_to_string(&a).unwrap(), title);
    let want = format!(
        "{}:{line}:1: error: msgctxt \"{title}\": this file and {} (line {line}) give this segment different translations: nothing is written for {ASKING_FR}",
        b.display(),
        a.display()
    );
    assert!(
        o.stderr.contains(&want),
        "missing {want}\nin:\n{}",
        o.stderr
    );
    assert!(o.stderr.contains("1 refused"), "{}", o.stderr);
    assert_eq!(site.read(ASKING_FR), before);

    // A file that leaves the segment as exported gives way to one that
    // changed it.
    set_po(
        &a,
        &[(title, &msgstr(&out.path().join("x/pocket-guide.po"), title))],
    );
    let o = import(&site, &[a, b]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(site.read(ASKING_FR).contains("title: \"Titre B\""));
}

#[test]
fn files_exported_before_the_record_import_as_before() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(&site, out.path());
    let para = "03-asking-questions#principles/list1.1";
    let old_para = msgstr(&a, para);
    set_po(&b, &[(para, "Paragraphe B.")]);
    // Without the `#.` record, an old file cannot tell what it changed.
    let text = std::fs::read_to_string(&a).unwrap();
    let old: String = text
        .lines()
        .filter(|l| !l.starts_with("#. fieldguide: exported translation "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&a, old).unwrap();
    assert_eq!(import(&site, std::slice::from_ref(&b)).code, 0);
    let o = import(&site, std::slice::from_ref(&a));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(site.read(ASKING_FR).contains(&old_para));
}
