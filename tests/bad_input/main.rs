//! End-to-end: broken input gets `path:line:col: error: message`, exit code
//! 1, and the previous output stays exactly as it was.

#[path = "../common/mod.rs"]
mod common;
mod streams;
mod yaml;

use common::{Site, tree};

/// Builds the fixture once (good), breaks it with `breakage`, builds again,
/// and checks the failure. Returns stderr.
fn fails(breakage: impl FnOnce(&Site)) -> String {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    breakage(&site);
    let o = site.build();
    assert_eq!(o.code, 1, "expected failure, got:\n{}", o.stderr);
    assert!(o.stderr.contains("nothing was written"), "{}", o.stderr);
    assert_eq!(tree(&site.out()), before, "the previous output changed");
    o.stderr
}

fn assert_has(stderr: &str, line: &str) {
    assert!(
        stderr.lines().any(|l| l == line),
        "expected line\n  {line}\nin:\n{stderr}"
    );
}

/// A page that cannot be read says so once: links to it are not called
/// missing (a wiki moved in without front matter would get one such error
/// per cross-link).
#[test]
fn links_to_a_page_with_errors_are_not_called_missing() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/04-home.en.md",
            "# Home\n\nNo front matter.\n",
        );
        s.write(
            "guidance/handbook/02-signs.en.md",
            "---\ntitle: Signs\n---\n## Physical signs {#physical-signs}\nSee [home](04-home.md) and [gone](05-gone.md).\n",
        );
    });
    assert!(
        e.contains("guidance/handbook/04-home.en.md:1:1: error:"),
        "{e}"
    );
    assert!(!e.contains("04-home.md`"), "{e}");
    // A page that is not there at all still is.
    assert!(e.contains("link to a missing page `05-gone.md`"), "{e}");
}

#[test]
fn malformed_yaml() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/02-signs.en.md",
            "---\ntitle: Signs\nsummary: [unclosed\n---\nText\n",
        )
    });
    assert!(
        e.contains(
            "guidance/handbook/02-signs.en.md:3:10: error: invalid front matter: this `[` is never closed"
        ),
        "{e}"
    );
}

#[test]
fn unclosed_front_matter() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/02-signs.en.md",
            "---\ntitle: Signs\n\nText\n",
        )
    });
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:1:1: error: the front matter starting here is never closed",
    );
}

#[test]
fn missing_title_and_unknown_key() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/02-signs.en.md",
            "---\ntitel: Signs\n---\nText\n",
        )
    });
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:1:1: error: missing `title` in front matter",
    );
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:2:1: warning: unknown front-matter key `titel`",
    );
    assert!(e.contains("did you mean `title`?"), "{e}");
}

#[test]
fn unknown_key_is_a_warning_and_strict_makes_it_an_error() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\nauthor_notes: x\n---\n## Physical signs {#physical-signs}\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr.contains(
            "guidance/handbook/02-signs.en.md:3:1: warning: unknown front-matter key `author_notes`"
        ),
        "{}",
        o.stderr
    );
    let before = tree(&site.out());
    let o = site.run(&["build", "--strict"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .contains("02-signs.en.md:3:1: error: unknown front-matter key"),
        "{}",
        o.stderr
    );
    assert_eq!(tree(&site.out()), before);
}

#[test]
fn unknown_language_suffix() {
    let e = fails(|s| s.write("guidance/handbook/02-signs.xx.md", "---\ntitle: X\n---\n"));
    assert!(
        e.contains("guidance/handbook/02-signs.xx.md: error: unknown language suffix `.xx`"),
        "{e}"
    );
}

#[test]
fn duplicate_slugs() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/04-signs.en.md",
            "---\ntitle: Signs again\n---\n",
        )
    });
    assert!(
        e.contains("error: two pages would both be published as `signs`"),
        "{e}"
    );
}

#[test]
fn missing_page_and_missing_anchor() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/02-signs.en.md",
            "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nSee [gone](03-gone.md) and\n[bad anchor](01-intro.md#nowhere).\n",
        )
    });
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:7:5: error: link to a missing page `03-gone.md`",
    );
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:8:1: error: link to a missing anchor `#nowhere` in `guidance/handbook/01-intro.en.md`",
    );
}

#[test]
fn file_that_is_not_utf8() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/02-signs.en.md",
            b"---\ntitle: Signs\n---\ncaf\xe9\n",
        )
    });
    assert!(
        e.contains("guidance/handbook/02-signs.en.md:4:4: error: the file is not valid UTF-8"),
        "{e}"
    );
}

#[test]
fn empty_file() {
    let e = fails(|s| s.write("guidance/handbook/02-signs.en.md", ""));
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md: error: the file is empty",
    );
}

#[test]
fn every_problem_is_reported_sorted() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/02-signs.en.md",
            "---\ntitle: Signs\n---\n## Physical signs {#physical-signs}\n[a](nope.md)\n",
        );
        s.write(
            "guidance/checklist/01-before.en.md",
            "---\ntitle: [x\n---\n",
        );
        s.write("guidance/handbook/01-intro.fr.md", "");
    });
    let heads: Vec<&str> = e.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(heads.len(), 3, "{e}");
    let mut sorted = heads.clone();
    sorted.sort();
    assert_eq!(heads, sorted);
    assert!(e.contains("3 errors"), "{e}");
}

#[test]
fn bad_site_yaml() {
    let e = fails(|s| {
        s.write(
            "site.yaml",
            "title: T\ndefault_language: en\nlanguages:\n  - { code: en_GB }\n",
        )
    });
    assert!(
        e.contains("site.yaml:4:13: error: `en_GB` is not a valid language tag"),
        "{e}"
    );
    assert!(e.contains("write `en-GB`"), "{e}");
}

#[test]
fn refuses_unsafe_output_folders() {
    let site = Site::fixture("basic");
    // A non-empty folder fieldguide did not create.
    let other = site.path().join("elsewhere");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("thesis.docx"), "precious").unwrap();
    let o = site.run(&["build", "--out", other.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("was not created by fieldguide"),
        "{}",
        o.stderr
    );
    assert_eq!(
        std::fs::read_to_string(other.join("thesis.docx")).unwrap(),
        "precious"
    );
    // The source itself.
    let o = site.run(&["build", "--out", site.path().to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("contains the site's source"),
        "{}",
        o.stderr
    );
    let o = site.run(&[
        "build",
        "--out",
        site.path().join("guidance/out").to_str().unwrap(),
    ]);
    assert_eq!(o.code, 1);
}

#[test]
fn missing_site_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
    let o = cmd
        .args(["build", "--source"])
        .arg(dir.path().join("nope"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("site.yaml") && err.contains("cannot read"),
        "{err}"
    );
}

#[test]
fn an_index_needs_a_title_too() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/index.en.md",
            "---\nkind: guidelines\n---\nText\n",
        )
    });
    assert_has(
        &e,
        "guidance/handbook/index.en.md:1:1: error: missing `title` in front matter",
    );
}

#[test]
fn toml_front_matter_is_explained() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/02-signs.en.md",
            "+++\ntitle = \"Signs\"\n+++\nText\n",
        )
    });
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:1:1: error: front matter in TOML (`+++`) is not supported",
    );
}

/// Hugo's JSON front matter is named as such, not as a missing title; a
/// page without a title is told the one its first heading or its file
/// name gives (a wiki page has none).
#[test]
fn json_front_matter_and_missing_titles_are_explained() {
    let e = fails(|s| {
        s.write(
            "guidance/handbook/02-signs.en.md",
            "{\n  \"title\": \"Signs\"\n}\n\nText\n",
        );
        s.write(
            "guidance/handbook/04-informed-consent.en.md",
            "# Informed consent\n\nAsk first.\n",
        );
        s.write(
            "guidance/handbook/05-Referral-Pathways.en.md",
            "Who to call.\n",
        );
    });
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:1:1: error: front matter in JSON (`{`) is not supported",
    );
    assert!(!e.contains("02-signs.en.md:1:1: error: missing"), "{e}");
    assert!(
        e.contains("needs a title, as its first heading says:\n      ---\n      title: Informed consent\n      ---"),
        "{e}"
    );
    assert!(
        e.contains("needs a title, for example from its file name:\n      ---\n      title: Referral Pathways\n      ---"),
        "{e}"
    );
}

#[test]
fn a_publication_without_index_still_builds() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/03-field-notes/01-day-one.en.md",
        "---\ntitle: Day one\n---\nNotes.\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr
            .contains("guidance/03-field-notes: warning: publication folder has no index.en.md"),
        "{}",
        o.stderr
    );
    assert_eq!(
        site.page("en/field-notes/index.html").text_of("h1"),
        "Field notes"
    );
}

/// A named pipe where a page or a static file would be is not read (a
/// read would block) and is said, so that the missing page is no mystery.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_named_not_read() {
    let site = Site::fixture("basic");
    site.write("static/feed.txt", "x");
    for rel in ["guidance/handbook/05-fifo.en.md", "static/pipe"] {
        let path =
            std::ffi::CString::new(site.path().join(rel).into_os_string().into_encoded_bytes())
                .unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    }
    let o = site.build();
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_has(
        &o.stderr,
        "guidance/handbook/05-fifo.en.md: warning: not read: it is a named pipe (FIFO), not a file",
    );
    assert_has(
        &o.stderr,
        "static/pipe: warning: not published: it is a named pipe (FIFO), not a file",
    );
}
