//! The search results page as a reader sees it: opened from disk in
//! headless Chromium with a query in its address, and read back.

use super::browser;
use super::cdp::Cdp;
use scraper::{ElementRef, Html, Selector};
use std::cell::RefCell;
use std::path::Path;

thread_local! {
    /// A browser per test thread, kept from query to query: starting
    /// Chromium for each of the sweeps' thousands of queries was most of
    /// the test suite's time.
    static BROWSER: RefCell<Option<Cdp>> = const { RefCell::new(None) };
}

/// `url` opened in this thread's browser (started on first use, with a
/// phone's window), its DOM as the page left it.
fn dom_of(b: &Path, url: &str) -> String {
    BROWSER.with_borrow_mut(|tab| {
        tab.get_or_insert_with(|| Cdp::launch_with(b, &["--window-size=390,844"]))
            .dom_of(url)
    })
}

/// A URL query value.
pub fn encode(q: &str) -> String {
    let mut out = String::new();
    for b in q.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One result as the reader sees it.
#[derive(Debug)]
pub struct Hit {
    pub title: String,
    pub href: String,
    pub publication: String,
    pub snippet: String,
    /// Texts in <mark>, title and snippet.
    pub marks: Vec<String>,
    pub title_marked: bool,
    /// `lang` of the title link, on pages shown in another language.
    pub lang: Option<String>,
    /// "Words matched: 1 of 2", on pages that lack some of the words.
    pub partial: Option<String>,
    /// `lang` and `dir` of the snippet.
    pub snippet_lang: Option<(String, String)>,
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

pub fn text(e: ElementRef) -> String {
    e.text().collect()
}

/// The results and status line of a dumped results page.
pub fn results(dom: &str) -> (String, Vec<Hit>) {
    let html = Html::parse_document(dom);
    let status = html
        .select(&sel("#search-status"))
        .next()
        .map(text)
        .unwrap_or_default();
    let hits = html
        .select(&sel("#search-results > li"))
        .map(|li| {
            let a = li.select(&sel("h2 a")).next().expect("a result has a link");
            Hit {
                title: text(a),
                href: a.value().attr("href").unwrap().to_string(),
                publication: li.select(&sel(".search-pub")).next().map(text).unwrap(),
                snippet: li.select(&sel(".search-snippet")).next().map(text).unwrap(),
                marks: li.select(&sel("mark")).map(text).collect(),
                title_marked: a.select(&sel("mark")).next().is_some(),
                lang: a.value().attr("lang").map(str::to_string),
                partial: li
                    .select(&sel(".search-partial"))
                    .next()
                    .map(|p| plain(&text(p))),
                snippet_lang: li.select(&sel(".search-snippet")).next().and_then(|p| {
                    let v = p.value();
                    Some((v.attr("lang")?.to_string(), v.attr("dir")?.to_string()))
                }),
            }
        })
        .collect();
    (status, hits)
}

/// Opens `<lang>/search.html?q=...` from disk and returns what it shows.
pub fn search(b: &Path, out: &Path, lang: &str, q: &str) -> (String, Vec<Hit>) {
    let url = format!(
        "{}?q={}",
        browser::file_url(&out.join(format!("{lang}/search.html"))),
        encode(q)
    );
    results(&dom_of(b, &url))
}

/// Strips Unicode isolation marks (Fluent wraps numbers in them).
pub fn plain(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

/// The results page for `q` as Chromium leaves it.
pub fn search_dom(b: &Path, out: &Path, lang: &str, q: &str) -> String {
    let url = format!(
        "{}?q={}",
        browser::file_url(&out.join(format!("{lang}/search.html"))),
        encode(q)
    );
    dom_of(b, &url)
}

/// The pages `q` finds (without anchors), whether the page said it
/// searched other words instead ("Showing results for …"), and the hits.
pub fn found(b: &Path, out: &Path, lang: &str, q: &str) -> (Vec<String>, bool, Vec<Hit>) {
    let dom = search_dom(b, out, lang, q);
    let fixed = Html::parse_document(&dom)
        .select(&sel("#search-fix:not([hidden])"))
        .next()
        .is_some();
    let hits = results(&dom).1;
    let pages = hits
        .iter()
        .map(|h| h.href.split('#').next().unwrap().to_string())
        .collect();
    (pages, fixed, hits)
}

/// The judged-queries fixture `name`, built.
pub fn judged_site(name: &str) -> super::Site {
    let site = super::Site::fixture(name);
    site.build_ok();
    site
}

/// [`found`] on a built site.
pub fn find(b: &Path, site: &super::Site, lang: &str, q: &str) -> (Vec<String>, bool, Vec<Hit>) {
    found(b, &site.out(), lang, q)
}

/// The pages (`<slug>` of `field/<slug>.html`) `q` finds in `lang`, and
/// whether it said it searched another word instead.
pub fn field_pages(b: &Path, site: &super::Site, lang: &str, q: &str) -> (Vec<String>, bool) {
    let (pages, fixed, _) = find(b, site, lang, q);
    let slugs = pages
        .iter()
        .map(|p| {
            p.trim_start_matches("field/")
                .trim_end_matches(".html")
                .to_string()
        })
        .collect();
    (slugs, fixed)
}

/// Asserts that `q` in `lang` shows `field/<first>.html` first, as found
/// (not as a correction).
pub fn expect_found(b: &Path, site: &super::Site, lang: &str, q: &str, first: &str) -> Vec<Hit> {
    let (pages, fixed, hits) = find(b, site, lang, q);
    let want = format!("field/{first}.html");
    assert_eq!(pages.first(), Some(&want), "{lang} `{q}`: {hits:#?}");
    assert!(!fixed, "{lang} `{q}` is no misspelling: {hits:#?}");
    hits
}

/// [`expect_found`], with every word found (not as a partial match).
pub fn expect(b: &Path, site: &super::Site, lang: &str, q: &str, first: &str) {
    let hits = expect_found(b, site, lang, q, first);
    assert!(hits[0].partial.is_none(), "{lang} `{q}`: {hits:#?}");
}

/// Runs `script` (JavaScript whose last value is left in `out`, a JSON
/// text) in a page of `site`'s `lang` folder that loads the search index
/// and `search.js` as the search page does, in Chromium from `file://`;
/// returns what it left, parsed.
pub fn in_search_folder<T: serde::de::DeserializeOwned>(
    b: &Path,
    site: &super::Site,
    lang: &str,
    script: &str,
) -> T {
    let dir = site.out().join(lang);
    std::fs::write(
        dir.join("probe.js"),
        format!("var out;\n{script}\ndocument.getElementById('out').textContent = out;"),
    )
    .unwrap();
    std::fs::write(
        dir.join("probe.html"),
        "<!DOCTYPE html><meta charset=\"utf-8\"><pre id=\"out\"></pre>
<script src=\"search-index.js\"></script><script src=\"../assets/search.js\"></script><script src=\"probe.js\"></script>",
    )
    .unwrap();
    let dom = browser::dump_dom(b, &browser::file_url(&dir.join("probe.html")));
    let out: String = Html::parse_document(&dom)
        .select(&sel("#out"))
        .next()
        .unwrap()
        .text()
        .collect();
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {dom}"))
}

/// The first three pages (their addresses) each query of `lang` finds,
/// and whether it searched another word instead, run in one page of the
/// language's folder.
pub fn first_three(
    b: &Path,
    site: &super::Site,
    lang: &str,
    qs: &[&str],
) -> Vec<(Vec<String>, bool)> {
    let script = format!(
        "out = JSON.stringify({}.map(function (q) {{
           var r = window.fieldguideFind(q, 1);
           return [r.pages.slice(0, 3).map(function (p) {{ return p.url; }}), r.fixes.some(function (f) {{ return f !== null; }})];
         }}));",
        serde_json::to_string(qs).unwrap()
    );
    in_search_folder(b, site, lang, &script)
}

/// A page's name in its address (`field/consent.html` -> `consent`).
pub fn slug(url: &str) -> &str {
    url.rsplit('/').next().unwrap().trim_end_matches(".html")
}
