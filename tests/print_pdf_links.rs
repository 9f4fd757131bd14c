//! Links from a PDF to other pages of the site: with `base_url` they lead
//! to the published page; without it they are plain text, since a link
//! relative to the site leads nowhere once the PDF is e-mailed.

mod common;
use common::pdf::uris;
use common::{Site, browser};

#[test]
fn pdf_links_to_the_site_need_its_address() {
    let Some(browser) = browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    let path = "guidance/handbook/02-signs.en.md";
    site.write(
        path,
        format!(
            "{}\n\nSee [the checklist](../checklist/index.md) and [the agency](https://example.net/about).\n",
            site.read(path)
        ),
    );
    let pdf = site.out().join("en/handbook/handbook.en.pdf");
    let browser = browser.to_str().unwrap();
    let o = site.run(&["pdf", "--browser", browser]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(uris(&pdf), ["https://example.net/about"]);
    // The print page still links to it.
    let print = site.page("en/handbook/print.html");
    let links = print.select("a[href$='checklist/index.html']");
    assert!(!links.is_empty());
    for a in links {
        assert_eq!(a.value().attr("href"), Some("../checklist/index.html"));
    }

    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{yaml}base_url: https://example.org/guide/\n"),
    );
    let o = site.run(&["pdf", "--browser", browser]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        uris(&pdf),
        [
            "https://example.net/about",
            "https://example.org/guide/en/checklist/index.html"
        ]
    );
}
