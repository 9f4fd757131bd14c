//! Every page defends itself where it is hosted: a Content-Security-Policy
//! `<meta>` allowing scripts, styles, images and fonts from the site only,
//! and the theme (search, checklists, the language menu, print pages,
//! offline reading) works under it, from `file://` and over HTTP.
#![cfg(unix)]

mod common;
use common::cdp::Cdp;
use common::{Site, browser, html_files};
use scraper::{Html, Selector};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

#[test]
fn every_page_carries_the_policy() {
    let site = Site::sample();
    site.build_ok();
    let sel = Selector::parse(r#"meta[http-equiv="Content-Security-Policy"]"#).unwrap();
    let mut pages = 0;
    for file in html_files(&site.out()) {
        let html = Html::parse_document(&std::fs::read_to_string(&file).unwrap());
        let metas: Vec<_> = html.select(&sel).collect();
        assert_eq!(metas.len(), 1, "{}", file.display());
        assert_eq!(
            metas[0].value().attr("content"),
            Some(fieldguide::render::CSP),
            "{}",
            file.display()
        );
        // No inline script or style for the policy to block.
        for inline in ["script:not([src])", "style", "[style]"] {
            let s = Selector::parse(inline).unwrap();
            assert_eq!(html.select(&s).count(), 0, "{inline} in {}", file.display());
        }
        pages += 1;
    }
    assert!(pages > 50, "{pages}");
    for directive in ["script-src 'self'", "object-src 'none'", "base-uri 'none'"] {
        assert!(fieldguide::render::CSP.contains(directive));
    }
}

/// A site's own `base.html` that leaves the policy out, or puts a script
/// before it, still publishes pages whose first element in `<head>` is the
/// policy: a theme override cannot turn it off.
#[test]
fn a_theme_override_cannot_drop_the_policy() {
    let site = Site::fixture("basic");
    let theme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"))
            .unwrap();
    let meta = r#"<meta http-equiv="Content-Security-Policy" content="{{ csp }}">"#;
    assert!(theme.contains(meta));
    for (name, base) in [
        (
            "left out",
            theme.replace(meta, "<script>document.title='pwned'</script>"),
        ),
        (
            "after a script",
            theme.replace(
                meta,
                &format!("<script>document.title='pwned'</script>{meta}"),
            ),
        ),
    ] {
        site.write("templates/base.html", &base);
        site.build_ok();
        let sel = Selector::parse("head > *").unwrap();
        let mut pages = 0;
        for file in html_files(&site.out()) {
            let html = Html::parse_document(&std::fs::read_to_string(&file).unwrap());
            let Some(first) = html.select(&sel).next() else {
                continue;
            };
            if html
                .select(&Selector::parse("script:not([src])").unwrap())
                .count()
                == 0
            {
                continue; // a page not made from base.html
            }
            assert_eq!(first.value().name(), "meta", "{name}: {}", file.display());
            assert_eq!(
                first.value().attr("content"),
                Some(fieldguide::render::CSP),
                "{name}: {}",
                file.display()
            );
            assert!(
                html.root_element().value().attr("lang").is_some(),
                "{name}: {}",
                file.display()
            );
            pages += 1;
        }
        assert!(pages > 5, "{name}: {pages}");
    }
}

/// Serves `root` over HTTP on a free port, as a plain static host would.
fn static_server(root: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                let path = line
                    .split(' ')
                    .nth(1)
                    .unwrap_or("/")
                    .split('?')
                    .next()
                    .unwrap_or("/");
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) <= 2 {
                        break;
                    }
                }
                let mut rel = common::decode(path.trim_start_matches('/'));
                if rel.is_empty() || rel.ends_with('/') {
                    rel.push_str("index.html");
                }
                let file = root.join(&rel);
                let (status, body) = match std::fs::read(&file) {
                    Ok(b) if !rel.contains("..") => ("200 OK", b),
                    _ => ("404 Not Found", b"not found".to_vec()),
                };
                let kind = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html; charset=utf-8",
                    Some("css") => "text/css",
                    Some("js") => "text/javascript",
                    Some("json") => "application/json",
                    Some("svg") => "image/svg+xml",
                    _ => "application/octet-stream",
                };
                let mut s = &stream;
                let _ = write!(
                    s,
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = s.write_all(&body);
            });
        }
    });
    port
}

/// Records policy violations before any of the page's own scripts run.
const WATCH: &str = r#"
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  __csp.push(e.violatedDirective + " " + e.blockedURI + " at " + e.sourceFile + ":" + e.lineNumber);
}, true);
"#;

/// Visits the pages where the theme's scripts work, and checks that each
/// works with no violation.
fn visit_all(cdp: &mut Cdp, base: &str) {
    for (path, ready) in [
        (
            "index.html",
            "document.querySelectorAll('main a').length > 1",
        ),
        (
            "en/search.html?q=consent",
            "document.querySelectorAll('#search-results li').length > 0",
        ),
        (
            "en/risk-checklist/before-an-activity.html",
            "(function () { var b = document.querySelector('input.task'); \
             b.click(); return b.checked; })()",
        ),
        (
            "ar/index.html",
            "(function () { var d = document.querySelector('details.languages'); \
             d.open = true; return getComputedStyle(d.querySelector('summary')).display !== 'none'; })()",
        ),
        (
            "fr/pocket-guide/print.html",
            // A stylesheet that failed to load has no sheet, so is not listed.
            "[].some.call(document.styleSheets, function (s) { \
             return s.href && s.href.indexOf('print-page.css') > 0; })",
        ),
        (
            "en/identification-guidelines/indicators.html",
            "!!document.querySelector('main h1')",
        ),
    ] {
        cdp.navigate(&format!("{base}{path}"));
        cdp.wait_until("document.readyState === 'complete'");
        cdp.wait_until(ready);
        let v = cdp.eval("JSON.stringify(window.__csp)");
        assert_eq!(v.as_str().unwrap(), "[]", "{base}{path}");
    }
    assert_eq!(cdp.complaints(), Vec::<String>::new(), "{base}");
}

fn file_base(out: &Path) -> String {
    let mut url = browser::file_url(&out.join("index.html"));
    url.truncate(url.len() - "index.html".len());
    url
}

#[test]
fn the_theme_works_under_the_policy_from_disk_and_over_http() {
    let Some(chrome) = browser::require() else {
        return;
    };
    let site = Site::sample();
    // Offline reading on: its service worker must register under the policy.
    site.write(
        "site.yaml",
        format!("{}offline: true\n", site.read("site.yaml")),
    );
    site.build_ok();
    let mut cdp = Cdp::launch(&chrome);
    cdp.on_new_document(WATCH);
    visit_all(&mut cdp, &file_base(&site.out()));

    let port = static_server(site.out());
    let base = format!("http://127.0.0.1:{port}/");
    visit_all(&mut cdp, &base);
    cdp.navigate(&format!("{base}en/index.html"));
    cdp.wait_until(
        "!!navigator.serviceWorker && navigator.serviceWorker.getRegistration().then(function (r) { return !!r; })",
    );
    let v = cdp.eval("JSON.stringify(window.__csp)");
    assert_eq!(v.as_str().unwrap(), "[]");
}
