//! A generated index shows no "not translated" notice, and the hints for
//! Word's curly quotes, a language suffix in capitals, a refused title and
//! a file with old Mac line endings point at the fix.

mod common;

fn site() -> common::Site {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write(
        "site.yaml",
        "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n",
    );
    site
}

/// A folder without an index gets one made for it: there is nothing to
/// translate, so no language says it is not translated.
#[test]
fn a_generated_index_has_no_fallback_notice() {
    let site = site();
    site.write(
        "guidance/noindex/01-chapter.en.md",
        "---\ntitle: Chapter\n---\n\nHello.\n",
    );
    site.build_ok();
    for lang in ["en", "fr"] {
        let page = site.page(&format!("{lang}/noindex/index.html"));
        assert!(
            page.select(".notice-fallback").is_empty(),
            "{lang}: {}",
            page.text
        );
    }
    // On the print page, only the chapter falls back, in French.
    let notices = |lang: &str| {
        let print = site.page(&format!("{lang}/noindex/print.html"));
        print.select(".print-fallback").len()
    };
    assert_eq!((notices("en"), notices("fr")), (0, 1));
    // The chapter itself is still not translated into French.
    let fr = site.page("fr/noindex/chapter.html");
    assert_eq!(fr.select(".notice-fallback").len(), 1);
}

fn check(site: &common::Site) -> String {
    let o = site.run(&["check"]);
    assert_ne!(o.code, 0);
    o.stderr
}

#[test]
fn curly_quotes_are_replaced_by_straight_ones() {
    let site = site();
    site.write(
        "guidance/p/01-a.en.md",
        "---\ntitle: “Step 1: Prepare”\n---\n\nx\n",
    );
    let err = check(&site);
    assert!(
        err.contains(
            "= hint: replace the curly quotes “ ” with straight ones: title: \"Step 1: Prepare\"\n"
        ),
        "{err}"
    );
}

#[test]
fn a_language_suffix_in_capitals_is_renamed() {
    let site = site();
    site.write("guidance/p/01-a.en.md", "---\ntitle: A\n---\n\nx\n");
    site.write("guidance/p/02-extra.FR.md", "---\ntitle: E\n---\n\nx\n");
    // Read as French since sweep 25, with a warning (`tests/corpus_sweep_25.rs`).
    let err = site.run(&["check"]).stderr;
    assert!(
        err.contains("warning: language suffix `.FR` should be written `.fr`"),
        "{err}"
    );
    assert!(
        err.contains("= hint: rename the file `02-extra.fr.md`\n"),
        "{err}"
    );
}

#[test]
fn a_refused_or_empty_title_gets_one_message() {
    let site = site();
    site.write("guidance/p/01-a.en.md", "---\ntitle: [a, b]\n---\n\nx\n");
    site.write("guidance/p/02-b.en.md", "---\ntitle:\n---\n\nx\n");
    let err = check(&site);
    let about = |file: &str| {
        err.lines()
            .filter(|l| l.starts_with(&format!("guidance/p/{file}:")))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        about("01-a.en.md"),
        ["guidance/p/01-a.en.md:2:8: error: `title` must be text"],
        "{err}"
    );
    assert_eq!(
        about("02-b.en.md"),
        ["guidance/p/02-b.en.md:2:1: error: `title` is empty"],
        "{err}"
    );
}

#[test]
fn old_mac_line_endings_show_the_source_line() {
    let site = site();
    site.write(
        "guidance/p/01-a.en.md",
        "---\rtitle: CR\rsummary: [a\r---\r\rx\r",
    );
    let err = check(&site);
    assert!(err.contains("01-a.en.md:3:10: error"), "{err}");
    assert!(err.contains("\n3 | summary: [a\n"), "{err}");
}
