//! Everything on a print page is inside a landmark (axe's `region`): the
//! "back to the publication" line is the page's banner, the document its
//! `<main>`.

mod common;
use common::Site;

#[test]
fn everything_on_a_print_page_is_in_a_landmark() {
    let site = Site::fixture("basic");
    site.build_ok();
    for page in ["en/handbook/print.html", "ar/handbook/print.html"] {
        let doc = site.page(page);
        let outside: Vec<String> = doc
            .select("body > *")
            .iter()
            .map(|e| e.value().name().to_string())
            .filter(|n| !matches!(n.as_str(), "header" | "main" | "nav" | "footer" | "script"))
            .collect();
        assert!(
            outside.is_empty(),
            "{page}: {outside:?} outside any landmark"
        );
        // The banner still leads back to the publication.
        assert_eq!(
            doc.select("header.screen-only a[href='index.html']").len(),
            1,
            "{page}"
        );
    }
}
