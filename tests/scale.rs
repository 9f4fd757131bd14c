//! The cost of a page does not grow with the size of the site: a page's
//! navigation shows the path to it and the entries around it, so a flat
//! handbook of hundreds of chapters is not written hundreds of times over.

mod common;
use common::{Site, tree};

/// A site with one publication of `n` chapters and no parts.
fn flat(n: usize) -> Site {
    let site = Site::fixture("basic");
    for i in 0..n {
        site.write(
            &format!("guidance/flat/{i:04}-c{i}.en.md"),
            format!("---\ntitle: Chapter {i}\n---\nText of chapter {i}.\n"),
        );
    }
    site.write(
        "guidance/flat/index.en.md",
        "---\ntitle: Flat\n---\nAll of it.\n",
    );
    site
}

fn site_bytes(site: &Site, prefix: &str) -> usize {
    tree(&site.out())
        .iter()
        .filter(|(k, _)| k.starts_with(prefix) && !k.ends_with("print.html"))
        .map(|(_, v)| v.len())
        .sum()
}

#[test]
fn a_flat_handbook_of_hundreds_of_chapters_stays_linear() {
    let small = flat(150);
    small.build_ok();
    let big = flat(600);
    big.build_ok();
    // The chapter pages of the English tree: 4x the pages, about 4x the bytes.
    let (a, b) = (site_bytes(&small, "en/flat/"), site_bytes(&big, "en/flat/"));
    assert!(
        b < a * 5,
        "150 chapters: {a} bytes; 600 chapters: {b} bytes"
    );

    // A chapter's navigation: the entries around it and a link to them all.
    let page = big.page("en/flat/c300.html");
    let entries = page.select(".pub-nav li");
    assert!(entries.len() <= 23, "{} entries", entries.len());
    let current = page.attr(".pub-nav a[aria-current=page]", "href");
    assert_eq!(current, "c300.html");
    let more = page.one(".pub-nav li.nav-more a");
    assert_eq!(more.value().attr("href"), Some("index.html"));
    assert!(more.text().collect::<String>().contains("(600)"));
    // The publication's page lists every chapter.
    let index = big.page("en/flat/index.html");
    assert_eq!(index.select("section.children li").len(), 600);
}
