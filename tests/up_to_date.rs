//! A rebuild with nothing changed writes nothing and says so; anything
//! that could change the output (a page, an image, a static file, a
//! template, site.yaml, an option, a file of the output) makes it build in
//! full, and the output is then what a build into an empty folder gives.

mod common;

use common::Site;
use std::collections::BTreeMap;

/// The output's files, but its manifest: its seal is keyed by the site's
/// folder too, which differs between the two builds compared.
fn tree(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    let mut t = common::tree(dir);
    t.remove(".fieldguide-output");
    t
}

/// Compares two outputs, naming the files that differ.
fn assert_same(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>, what: &str) {
    let differ: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .collect();
    assert!(differ.is_empty(), "{what}: {differ:?} differ");
}

const UP_TO_DATE: &str = "nothing changed since the last build";

fn rebuild(site: &Site) -> common::Output {
    site.build_ok()
}

fn assert_full(site: &Site, why: &str) {
    let o = rebuild(site);
    assert!(!o.stderr.contains(UP_TO_DATE), "{why}: {}", o.stderr);
    assert!(o.stderr.contains("largest page"), "{why}: {}", o.stderr);
}

fn assert_kept(site: &Site) {
    let o = rebuild(site);
    assert!(o.stderr.contains(UP_TO_DATE), "{}", o.stderr);
    assert!(o.stderr.contains("(0 written,"), "{}", o.stderr);
}

/// A fresh build of the same site into an empty folder.
fn clean_build(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let copy = tempfile::tempdir().unwrap();
    for entry in ["site.yaml", "guidance", "static", "templates"] {
        let from = site.path().join(entry);
        if from.is_dir() {
            common::copy_dir(&from, &copy.path().join(entry));
        } else if from.is_file() {
            std::fs::copy(&from, copy.path().join(entry)).unwrap();
        }
    }
    let out = copy.path().join("public");
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(["build", "--source"])
        .arg(copy.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    tree(&out)
}

#[test]
fn a_rebuild_with_nothing_changed_writes_nothing_and_the_output_stays_exact() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    assert_kept(&site);
    assert_kept(&site);
    assert_same(&tree(&site.out()), &before, "rebuilt");
    assert_same(&before, &clean_build(&site), "built afresh");
}

#[test]
fn each_kind_of_input_makes_the_next_build_run_in_full() {
    let site = Site::fixture("basic");
    site.write("static/notes.txt", "one");
    site.build_ok();
    assert_kept(&site);
    let edits: [(&str, &[u8]); 6] = [
        (
            "guidance/handbook/02-signs.en.md",
            b"---\ntitle: Signs, edited\n---\n## Physical signs {#physical-signs}\nEdited.\n",
        ),
        ("guidance/handbook/05-new.en.md", b"---\ntitle: New\n---\nNew.\n"),
        ("guidance/handbook/images/flow.png", b"\x89PNG\r\n\x1a\nchanged"),
        ("static/notes.txt", b"two"),
        ("templates/static/site.css", b"body { color: #222; }\n"),
        (
            "site.yaml",
            "title: Retitled\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n  - { code: ar, name: العربية }\n".as_bytes(),
        ),
    ];
    for (rel, bytes) in edits {
        site.write(rel, bytes);
        assert_full(&site, rel);
        assert_same(&tree(&site.out()), &clean_build(&site), rel);
        assert_kept(&site);
    }
    // A link inside guidance/ is left out with a warning, which loading
    // says, not the files read: it still makes the build run.
    std::os::unix::fs::symlink(
        "flow.png",
        site.path().join("guidance/handbook/images/again.png"),
    )
    .unwrap();
    let o = rebuild(&site);
    assert!(!o.stderr.contains(UP_TO_DATE), "{}", o.stderr);
    assert!(o.stderr.contains("again.png"), "{}", o.stderr);
    assert_kept(&site);
    site.remove("guidance/handbook/05-new.en.md");
    assert_full(&site, "a page removed");
    assert!(!site.out().join("en/handbook/new.html").exists());
    // An option: the same site with its drafts is another site.
    let o = site.run(&["build", "--drafts"]);
    assert!(!o.stderr.contains(UP_TO_DATE), "{}", o.stderr);
}

#[test]
fn a_changed_or_forged_output_is_made_again() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    let page = site.out().join("en/handbook/index.html");
    std::fs::write(&page, "<script>forged</script>").unwrap();
    assert_full(&site, "a page changed");
    assert_same(&tree(&site.out()), &before, "made again");

    // A manifest whose hash matches the forged page, with the seal line
    // kept: the seal no longer opens.
    std::fs::write(&page, "forged").unwrap();
    let manifest = site.out().join(".fieldguide-output");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let forged_hash = blake3::hash(b"forged").to_hex().to_string();
    let forged: String = text
        .lines()
        .map(|l| {
            if l.ends_with(" en/handbook/index.html") {
                format!("{forged_hash} en/handbook/index.html\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert_ne!(forged, text);
    std::fs::write(&manifest, forged).unwrap();
    assert_full(&site, "a forged manifest");
    assert_same(&tree(&site.out()), &before, "made again");

    // A page replaced by a link to a file with the same bytes elsewhere.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("index.html");
    std::fs::copy(&page, &copy).unwrap();
    std::fs::remove_file(&page).unwrap();
    std::os::unix::fs::symlink(&copy, &page).unwrap();
    assert_full(&site, "a page made a link");
    assert!(!std::fs::symlink_metadata(&page).unwrap().is_symlink());
    assert_same(&tree(&site.out()), &before, "made again");

    // A file removed, and a leftover staging folder.
    std::fs::remove_file(site.out().join("en/index.html")).unwrap();
    assert_full(&site, "a page removed from the output");
    std::fs::create_dir_all(site.out().join(".fieldguide-staging/en/x")).unwrap();
    assert_full(&site, "a staging folder left behind, with folders in it");
    assert!(!site.out().join(".fieldguide-staging").exists());
    assert_same(&tree(&site.out()), &before, "made again");
    assert_kept(&site);

    // Files planted where the build writes nothing: a page, a folder of
    // them, a link. The build runs, removes them and names them.
    std::fs::write(site.out().join("en/evil.html"), "<script>1</script>").unwrap();
    std::fs::create_dir_all(site.out().join("fr/planted")).unwrap();
    std::fs::write(site.out().join("fr/planted/x.js"), "x").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), site.out().join("assets/out")).unwrap();
    let o = rebuild(&site);
    assert!(!o.stderr.contains(UP_TO_DATE), "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "removed from the output what this build does not write: `assets/out` (a link), `en/evil.html`, `fr/planted`"
        ),
        "{}",
        o.stderr
    );
    assert_same(&tree(&site.out()), &before, "planted files removed");
    assert!(std::fs::symlink_metadata(site.out().join("assets/out")).is_err());
    assert!(elsewhere.path().join("index.html").is_file());
    // Only an empty folder planted: still not what a build writes.
    rebuild(&site);
    std::fs::create_dir(site.out().join("en/empty")).unwrap();
    assert_full(&site, "an empty folder planted");
    assert!(!site.out().join("en/empty").exists());
    assert_kept(&site);
}

/// A build's stderr without its closing line and the line saying nothing
/// changed: what the site's messages and summary are.
fn said(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| !l.starts_with("built ") && !l.contains(UP_TO_DATE))
        .collect()
}

#[test]
fn a_rebuild_with_nothing_changed_says_again_what_the_build_said() {
    let site = Site::fixture("basic");
    // A file no page links to, and a warning: every build names them.
    site.write("guidance/handbook/case-notes.txt", "private");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\nunknown_key: 1\n---\n## Physical signs {#physical-signs}\nText.\n",
    );
    let first = site.build_ok();
    assert!(first.stderr.contains("case-notes.txt"), "{}", first.stderr);
    assert!(first.stderr.contains("unknown_key"), "{}", first.stderr);
    let second = site.build_ok();
    assert!(second.stderr.contains(UP_TO_DATE), "{}", second.stderr);
    assert_eq!(said(&second.stderr), said(&first.stderr));
    assert!(second.stderr.contains("; 1 warning"), "{}", second.stderr);
    // --strict is another build: it fails on the warning.
    let strict = site.run(&["build", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    // Quiet: nothing but errors.
    let quiet = site.run(&["build", "--quiet"]);
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stderr, "", "{}", quiet.stderr);
}

/// Warnings found while loading (a language without interface strings or
/// a title) are said again too: they do not make every build run in full.
#[test]
fn warnings_about_site_yaml_and_the_theme_do_not_stop_a_rebuild_keeping_the_output() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{yaml}  - {{ code: de, name: Deutsch }}\n"),
    );
    let first = site.build_ok();
    assert!(
        first.stderr.contains("no interface strings for `de`"),
        "{}",
        first.stderr
    );
    assert!(
        first.stderr.contains("no entry for `de`"),
        "{}",
        first.stderr
    );
    let second = site.build_ok();
    assert!(second.stderr.contains(UP_TO_DATE), "{}", second.stderr);
    assert_eq!(said(&second.stderr), said(&first.stderr));
    let strict = site.run(&["build", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
}

#[test]
fn what_is_said_about_the_previous_output_is_not_said_again() {
    let site = Site::fixture("basic");
    site.build_ok();
    // A forged entry in the manifest: the next build refuses it and says
    // so; the one after has nothing to say about it, as a full build would
    // not (its manifest is new).
    let manifest = site.out().join(".fieldguide-output");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str(&format!("{} ../victim.html\n", "ab".repeat(32)));
    std::fs::write(&manifest, text).unwrap();
    let o = site.build_ok();
    assert!(o.stderr.contains("victim.html"), "{}", o.stderr);
    assert!(!o.stderr.contains(UP_TO_DATE), "{}", o.stderr);
    let o = site.build_ok();
    assert!(o.stderr.contains(UP_TO_DATE), "{}", o.stderr);
    assert!(!o.stderr.contains("victim.html"), "{}", o.stderr);
    assert!(o.stderr.contains("; 0 warnings"), "{}", o.stderr);
}

/// A translation left out because it is not UTF-8 does not stop a rebuild
/// from finding nothing changed; changing it (still unreadable, another
/// place to report) does.
#[test]
fn an_unreadable_translation_does_not_stop_a_rebuild_keeping_the_output() {
    let site = Site::fixture("basic");
    // A moved corpus: what cannot be read is left out with a warning.
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}\nbroken_links: warning\n"));
    site.write(
        "guidance/handbook/02-signs.fr.md",
        b"---\ntitle: Signes\n---\n\nCaf\xe9 et th\xe9.\n",
    );
    let first = site.build_ok();
    assert!(first.stderr.contains("02-signs.fr.md"), "{}", first.stderr);
    assert_kept(&site);
    site.write(
        "guidance/handbook/02-signs.fr.md",
        b"---\ntitle: Signes\n---\n\nLe caf\xe9.\n",
    );
    assert_full(&site, "an unreadable translation changed");
    assert_kept(&site);
}
