//! End-to-end: the site's `404.html`, which a server shows for a missing
//! page at any depth: its links start at the root (or at `base_url`), it
//! names every language in its own script, offers the search, and `serve`
//! uses it.

mod common;
#[path = "serve_support/server.rs"]
#[allow(dead_code)]
mod server;
use common::{Site, broken_links};

fn hrefs(p: &common::Page, sel: &str) -> Vec<String> {
    p.select(sel)
        .iter()
        .map(|e| {
            let v = e.value();
            v.attr("href")
                .or(v.attr("src"))
                .or(v.attr("action"))
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn the_404_page_links_from_the_root_in_the_default_language() {
    let site = Site::fixture("basic");
    site.build_ok();
    let p = site.page("404.html");
    assert_eq!(p.attr("html", "lang"), "en");
    assert_eq!(p.text_of("main h1"), "Page not found");
    assert_eq!(p.attr("meta[name=robots]", "content"), "noindex");
    assert_eq!(
        hrefs(&p, ".language-list a"),
        ["/en/index.html", "/fr/index.html", "/ar/index.html"]
    );
    let names: Vec<(String, String)> = p
        .select(".language-list li")
        .iter()
        .map(|li| {
            (
                li.value().attr("lang").unwrap().to_string(),
                li.text().collect::<String>(),
            )
        })
        .collect();
    assert_eq!(names[1], ("fr".into(), "Français Lire en français".into()));
    assert_eq!(names[2].0, "ar");
    assert!(names[2].1.starts_with("العربية"), "{names:?}");
    assert_eq!(hrefs(&p, "form[role=search]"), ["/en/search.html"]);
    assert_eq!(hrefs(&p, "link[rel=stylesheet]"), ["/assets/site.css"]);
    assert_eq!(hrefs(&p, "script[src]"), ["/assets/site.js"]);
    assert_eq!(hrefs(&p, ".site-title"), ["/en/index.html"]);
    // No inline script, no <base>: the Content-Security-Policy allows neither.
    assert!(p.select("base").is_empty());
    assert!(p.select("script:not([src])").is_empty());
    // Every link resolves from the root of the output.
    assert!(
        broken_links(&site.out()).is_empty(),
        "{:#?}",
        broken_links(&site.out())
    );
}

#[test]
fn with_base_url_the_404_page_links_start_at_its_path() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{yaml}base_url: https://example.org/guide\n"),
    );
    site.build_ok();
    let p = site.page("404.html");
    // The address without its host: the same place when served from
    // base_url, and never a load from another host when previewed elsewhere.
    assert_eq!(
        hrefs(&p, ".language-list a"),
        [
            "/guide/en/index.html",
            "/guide/fr/index.html",
            "/guide/ar/index.html"
        ]
    );
    assert_eq!(
        hrefs(&p, "link[rel=stylesheet]"),
        ["/guide/assets/site.css"]
    );
    assert_eq!(hrefs(&p, "form[role=search]"), ["/guide/en/search.html"]);
}

#[test]
fn serve_answers_a_missing_page_at_any_depth_with_the_404_page() {
    let site = Site::fixture("basic");
    let server = server::Server::start(&site);
    for path in [
        "/missing.html",
        "/en/handbook/missing.html",
        "/fr/a/b/c/d.html",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}");
        let p = common::Page {
            html: scraper::Html::parse_document(&r.body),
            text: r.body.clone(),
        };
        assert_eq!(p.text_of("main h1"), "Page not found", "{path}");
        // Each of its links works from there.
        for href in hrefs(
            &p,
            ".language-list a, link[rel=stylesheet], script[src], form[role=search]",
        ) {
            assert_eq!(server.get(&href).status, 200, "{path}: {href}");
        }
    }
}
