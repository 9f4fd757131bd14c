//! The print page's headings nest: the publication's title is its one
//! `<h1>`, parts and chapters go a level down for each part they are in,
//! and each chapter's own sections sit below its title. Chromium makes the
//! PDF's bookmarks from these headings, and screen readers list them.

mod common;
use common::Site;

/// Every heading of the print page, in order: (level, text).
fn headings(site: &Site, page: &str) -> Vec<(usize, String)> {
    let page = site.page(page);
    page.select("h1, h2, h3, h4, h5, h6")
        .iter()
        .map(|h| {
            let level = h.value().name()[1..].parse().unwrap();
            (level, h.text().collect::<String>().trim().to_string())
        })
        .collect()
}

fn level(all: &[(usize, String)], text: &str) -> usize {
    all.iter()
        .find(|(_, t)| t == text)
        .unwrap_or_else(|| panic!("no heading `{text}` in {all:?}"))
        .0
}

#[test]
fn print_page_headings_nest_parts_chapters_and_sections() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/03-referral/01-contacts.en.md",
        "---\ntitle: Contacts\n---\n\n## Who to call\n\nText.\n\n### At night\n\nText[^1].\n\n[^1]: A note.\n",
    );
    site.build_ok();
    let all = headings(&site, "en/handbook/print.html");
    assert_eq!(
        all.iter().filter(|(l, _)| *l == 1).count(),
        1,
        "one <h1>, the publication's title: {all:?}"
    );
    assert_eq!(all[0], (1, "Handbook".to_string()));
    // A chapter at the top, and its sections.
    assert_eq!(level(&all, "Introduction"), 2);
    assert_eq!(level(&all, "Signs"), 2);
    assert_eq!(level(&all, "Physical signs"), 3);
    // A part, its chapter, and that chapter's sections and notes.
    assert_eq!(level(&all, "Referral"), 2);
    assert_eq!(level(&all, "Contacts"), 3);
    assert_eq!(level(&all, "Who to call"), 4);
    assert_eq!(level(&all, "At night"), 5);
    // The notes of a chapter at the top (Introduction), then of Contacts.
    let notes: Vec<usize> = all
        .iter()
        .filter(|(_, t)| t == "Notes")
        .map(|(l, _)| *l)
        .collect();
    assert_eq!(notes, [3, 4]);
    // A part in a part.
    assert_eq!(level(&all, "Deep part"), 3);
    assert_eq!(level(&all, "Leaf"), 4);
    // Never more than one level down at a time.
    for w in all.windows(2) {
        assert!(w[1].0 <= w[0].0 + 1, "{:?} then {:?}", w[0], w[1]);
    }
}
