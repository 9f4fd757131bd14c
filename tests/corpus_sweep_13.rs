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

/// Notion adds a 32-letter page id to every file and folder it exports:
/// the ids were kept in the addresses readers see and type.
#[test]
fn notions_page_ids_stay_out_of_addresses() {
    let s = Site::fixture("basic");
    let id = "3f2a9c1b2d4e5f60718293a4b5c6d7e8";
    let folder = format!("guidance/Field notes {id}");
    s.write(
        &format!("{folder}/index.en.md"),
        "---\ntitle: Field notes\nkind: guidelines\n---\n\nRead [consent](<Informed consent 1a2b3c4d5e6f70819a2b3c4d5e6f7081.md>).\n",
    );
    s.write(
        &format!("{folder}/Informed consent 1a2b3c4d5e6f70819a2b3c4d5e6f7081.en.md"),
        "---\ntitle: Informed consent\n---\n\nAsk first.\n",
    );
    s.build_ok();
    let home = s.page("en/field-notes/index.html");
    let links: Vec<_> = home
        .select("a[href*='consent']")
        .iter()
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    assert!(!links.is_empty());
    assert!(
        links.iter().all(|h| h == "informed-consent.html"),
        "{links:?}"
    );
    assert!(
        s.out()
            .join("en/field-notes/informed-consent.html")
            .exists()
    );
}
