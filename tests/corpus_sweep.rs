//! Defects found by a third black-box sweep with real-world corpora and
//! hostile input: each test is the smallest site that showed one, run
//! through the real binary.

mod common;

use common::Site;

fn site() -> Site {
    Site::fixture("basic")
}

/// Markdown that CommonMark shows as text or drops, with no error: a
/// reference link whose definition stayed on another page (a document
/// split into chapters), a footnote with no note, and a table row with
/// more cells than its header (a `|` inside `code`). The page was
/// published with `[the signs][signs]` and `[^3]` as literal text and the
/// row's last cell gone, without a word; each is a warning at its place.
#[test]
fn markdown_shown_as_text_or_dropped_is_warned_at_its_place() {
    let s = Site::signs_with(
        "See [the signs][signs], [intro][] and the note[^3].\n\
         \n\
         | Sign | Where |\n\
         | --- | --- |\n\
         | `a|b` | arms | legs |\n\
         \n\
         Fine: [sic], \\[^4], `[^5]` and [physical][ok].\n\
         \n\
         [ok]: #physical-signs\n",
    );
    let rel = "guidance/handbook/02-signs.en.md";
    let o = s.run(&["check"]);
    assert_eq!(o.code, 0, "warnings, not errors:\n{}", o.stderr);
    for (place, what) in [
        ("13:5", "`[the signs][signs]` is shown as text"),
        ("13:25", "`[intro][]` is shown as text"),
        ("13:47", "footnote `[^3]` is shown as text"),
        ("17:11", "`arms | legs` is not shown"),
    ] {
        assert!(
            o.stderr
                .contains(&format!("{rel}:{place}: warning: {what}")),
            "{what} at {place}:\n{}",
            o.stderr
        );
    }
    assert_eq!(o.stderr.matches(": warning:").count(), 4, "{}", o.stderr);
    // `build` says the same.
    let o = s.build_ok();
    assert_eq!(o.stderr.matches(": warning:").count(), 4, "{}", o.stderr);
}

/// A folder or file whose name is not UTF-8 (unpacked from a zip made on
/// an older Windows): each file in such a folder under `guidance/`, and
/// any such file under `static/`, failed the build with "cannot read: no
/// such file or folder" for a file that is there. Each is skipped with a
/// warning naming it, a folder once, and the site builds.
#[cfg(unix)]
#[test]
fn names_that_are_not_unicode_are_skipped_and_named() {
    use std::os::unix::ffi::OsStrExt;
    let s = site();
    let at = |rel: &[u8]| s.path().join(std::ffi::OsStr::from_bytes(rel));
    std::fs::create_dir_all(at(b"guidance/handbook/R\xe9union")).unwrap();
    std::fs::write(
        at(b"guidance/handbook/R\xe9union/01-a.en.md"),
        "---\ntitle: A\n---\n",
    )
    .unwrap();
    std::fs::create_dir_all(at(b"static/r\xe9seau")).unwrap();
    std::fs::write(at(b"static/r\xe9seau/map.png"), b"x").unwrap();
    std::fs::write(at(b"static/caf\xe9.png"), b"x").unwrap();
    let o = s.build();
    assert_eq!(o.code, 0, "{}", o.stderr);
    for line in [
        "guidance/handbook/R\u{fffd}union: warning: folder name is not valid Unicode; skipped, with everything in it",
        "static/r\u{fffd}seau: warning: folder name is not valid Unicode; skipped, with everything in it",
        "static/caf\u{fffd}.png: warning: file name is not valid Unicode; skipped",
    ] {
        assert!(o.stderr.contains(line), "{line}:\n{}", o.stderr);
    }
    assert!(!o.stderr.contains("cannot read"), "{}", o.stderr);
    assert_eq!(o.stderr.matches(": warning:").count(), 3, "{}", o.stderr);
}

/// A `title:` left empty was "missing `title`" at the `---` line, as if
/// there were none; `title: Null` (YAML's word for no value) the same,
/// with nothing to say why. And any other key left empty (`summary:`,
/// `draft:`, `order:`, as templates and converters leave them) was an
/// error, "must be text: quote it". An empty title is said at its line,
/// `Null` with the quotes to add; other empty keys count as not given.
#[test]
fn empty_front_matter_values_are_said_at_their_line_or_not_given() {
    let s = site();
    s.write(
        "guidance/handbook/04-a.en.md",
        "---\ntitle:\n---\n\nText.\n",
    );
    s.write(
        "guidance/handbook/05-b.en.md",
        "---\ntitle: Null\n---\n\nText.\n",
    );
    s.write(
        "guidance/handbook/06-c.en.md",
        "---\ntitle: C\nsummary:\norder:\ndraft:\naliases:\n---\n\nText.\n",
    );
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("guidance/handbook/04-a.en.md:2:1: error: `title` is empty"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(
            "guidance/handbook/05-b.en.md:2:8: error: `title` is empty: YAML reads `Null` as no value"
        ) && o.stderr.contains("title: \"Null\""),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("06-c.en.md"), "{}", o.stderr);
    assert_eq!(o.stderr.matches(": error:").count(), 2, "{}", o.stderr);
}

/// `fieldguide new -- -guide` printed `cd -guide` as the next command,
/// which the shell reads as an option: it prints `cd ./-guide`.
#[test]
fn new_prints_a_cd_that_works_for_a_name_with_a_leading_dash() {
    let dir = tempfile::tempdir().unwrap();
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .current_dir(dir.path())
        .args(["new", "--", "-guide"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("\n  cd ./-guide\n"), "{err}");
    assert!(dir.path().join("-guide/site.yaml").is_file());
}

/// A title of only a zero-width space (pasted from Word) was published as
/// a heading and a navigation entry that show nothing; it is an error at
/// its line, as an empty title is.
#[test]
fn a_title_of_invisible_characters_is_an_error_at_its_line() {
    let s = site();
    s.write(
        "guidance/handbook/04-a.en.md",
        "---\ntitle: \"\u{200b}\u{200e}\"\n---\n\nText.\n",
    );
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "guidance/handbook/04-a.en.md:2:8: error: `title` holds only invisible characters"
        ),
        "{}",
        o.stderr
    );
}

/// A reference link's target comes from its definition, often far below
/// (`[form]: old/form.pdf`): a broken one was said at each use only, where
/// the target is not written. Each use now names the definition's line,
/// for the error and for the warning of `broken_links: warning`.
#[test]
fn a_broken_reference_target_names_its_definition_line() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n\nSee [the form][f], [f][] and [F].\n\n![Chart][img]\n\n[direct](gone.md)\n\n[f]: missing-form.md\n[img]: images/none.png\n",
    );
    let note_f = "  = note: the target is given by the link definition at line 11: fix it there";
    let note_img = "  = note: the target is given by the link definition at line 12: fix it there";
    for warning in [false, true] {
        if warning {
            let yaml = site.read("site.yaml");
            site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
        }
        let o = site.run(&["build"]);
        assert_eq!(o.code, if warning { 0 } else { 1 }, "{}", o.stderr);
        assert_eq!(
            o.stderr.lines().filter(|l| *l == note_f).count(),
            3,
            "{}",
            o.stderr
        );
        assert_eq!(
            o.stderr.lines().filter(|l| *l == note_img).count(),
            1,
            "{}",
            o.stderr
        );
        // A link that writes its target has no such note.
        assert_eq!(
            o.stderr.matches("= note: the target is given").count(),
            4,
            "{}",
            o.stderr
        );
    }
}

/// A file whose name has a character web addresses cannot hold (`?`) is
/// skipped with a warning; a link to it was "a missing file" with nothing
/// to connect the two. The link's error now says why.
#[test]
fn a_link_to_a_file_skipped_for_its_name_says_why() {
    let site = Site::signs_with("[The form](what%3F.pdf)\n");
    site.write("guidance/handbook/what?.pdf", "%PDF-1.4\n%%EOF\n");
    let o = site.run(&["build"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.lines().any(|l| l
            == "  = hint: a file named `what?.pdf` cannot be published: '?' does not work in web addresses; rename the file, and this link"),
        "{}",
        o.stderr
    );
}
