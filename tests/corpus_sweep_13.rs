//! What this round's outside sweep of real-world input found.

mod common;

use common::Site;

/// When the source language's own page cannot be read
/// (`broken_links: warning`), its French translation is shown in its
/// place: the summary said "shown from the source language" of the source
/// language itself.
#[test]
fn the_source_languages_page_is_said_to_be_shown_from_another_language() {
    let s = Site::fixture("basic");
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    let index = "guidance/handbook/index.en.md";
    let page = s.read(index);
    s.write(
        index,
        page.replacen("title: Handbook\n", "title: Handbook\ntitle: Again\n", 1),
    );
    let o = s.build_ok();
    let all = format!("{}{}", o.stdout, o.stderr);
    let en = all
        .lines()
        .map(str::trim_start)
        .find(|l| l.starts_with("en ") && l.contains("pages:"))
        .unwrap_or_else(|| panic!("no summary line for en:\n{all}"));
    assert!(en.contains("1 shown from another language"), "{en}");
    let fr = all
        .lines()
        .map(str::trim_start)
        .find(|l| l.starts_with("fr ") && l.contains("pages:"))
        .unwrap_or_else(|| panic!("no summary line for fr:\n{all}"));
    assert!(!fr.contains("another language"), "{fr}");
}
