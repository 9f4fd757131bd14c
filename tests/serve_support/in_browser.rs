//! `serve` in real Chromium: no Content-Security-Policy violation on a
//! served page, on the error overlay or on the error page; reload on edit
//! still works under the policy; the overlay reads at 4.5:1 or better.

use super::common::cdp::Cdp;
use super::common::{Site, browser};
use super::server::Server;
use super::{BROKEN_YAML, BROKEN_YAML_ERROR, CHAPTER};
use serde_json::json;

/// Runs before the page's own scripts: records CSP violations, and whether
/// the reload script's event stream is open (so edits are not missed).
const WATCH: &str = r#"
window.__fg = { csp: [], open: false };
document.addEventListener("securitypolicyviolation", function (e) {
  __fg.csp.push(e.violatedDirective + " " + e.blockedURI + " at " + e.sourceFile + ":" + e.lineNumber);
}, true);
(function () {
  var Real = window.EventSource;
  window.EventSource = function (url, init) {
    var es = new Real(url, init);
    es.addEventListener("open", function () { __fg.open = true; });
    return es;
  };
  window.EventSource.prototype = Real.prototype;
})();
"#;

/// The lowest contrast ratio among the overlay's text elements, each
/// against the first opaque background behind it (WCAG formula).
const MIN_CONTRAST: &str = r#"(function () {
  var host = document.getElementById("fieldguide-error");
  var root = host.shadowRoot || document;
  var box = root.querySelector(".fg-box");
  function rgba(c) {
    var p = c.match(/[\d.]+/g).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }
  function lum(c) {
    function f(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function background(el) {
    for (var e = el; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
      var c = rgba(getComputedStyle(e).backgroundColor);
      if (c.a > 0) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  }
  var worst = 99, seen = 0, where = "";
  [box].concat(Array.prototype.slice.call(box.querySelectorAll("*"))).forEach(function (el) {
    var text = Array.prototype.some.call(el.childNodes, function (n) {
      return n.nodeType === 3 && n.textContent.trim();
    });
    if (!text) return;
    var fg = rgba(getComputedStyle(el).color), bg = background(el);
    if (fg.a < 1 || bg.a < 1) { worst = 0; where = el.className + " is translucent"; return; }
    var a = lum(fg), b = lum(bg);
    var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    seen++;
    if (ratio < worst) { worst = ratio; where = el.className; }
  });
  return JSON.stringify({ worst: worst, seen: seen, where: where, visible: !box.hidden && box.getBoundingClientRect().height > 0 });
})()"#;

fn violations(cdp: &mut Cdp) -> String {
    cdp.eval("JSON.stringify(window.__fg.csp)")
        .as_str()
        .unwrap()
        .to_string()
}

fn overlay_text(cdp: &mut Cdp) -> String {
    let v = cdp.eval(
        "(function () { var h = document.getElementById('fieldguide-error'); \
         return (h.shadowRoot || document).querySelector('.fg-text').textContent; })()",
    );
    v.as_str().unwrap().to_string()
}

/// Checks the overlay's contrast in the browser: every text element seen,
/// each 4.5:1 or better.
fn assert_readable(cdp: &mut Cdp) {
    let v = cdp.eval(MIN_CONTRAST);
    let r: serde_json::Value = serde_json::from_str(v.as_str().unwrap()).unwrap();
    assert_eq!(r["visible"], json!(true), "{r}");
    assert_eq!(r["seen"], json!(3), "title, errors and note: {r}");
    let worst = r["worst"].as_f64().unwrap();
    assert!(worst >= 4.5, "contrast {worst:.2} for {}", r["where"]);
}

#[test]
fn in_chromium_pages_reload_and_the_overlay_shows_with_no_csp_violation() {
    let Some(browser) = browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let mut cdp = Cdp::launch(&browser);
    cdp.on_new_document(WATCH);
    cdp.navigate(&server.url("/en/handbook/signs.html"));
    cdp.wait_until("window.__fg.open && document.readyState === 'complete'");
    assert_eq!(violations(&mut cdp), "[]");

    // Edit: the open page reloads by itself and shows the new text.
    let original = site.read(CHAPTER);
    cdp.eval("window.__before = 1");
    site.write(CHAPTER, format!("{original}\nA freshly added sentence.\n"));
    cdp.wait_until(
        "!window.__before && window.__fg.open && \
         document.querySelector('main').textContent.includes('A freshly added sentence.')",
    );
    assert_eq!(violations(&mut cdp), "[]");

    // Break it: the overlay appears, styled, readable, with the caret.
    site.write(CHAPTER, BROKEN_YAML);
    cdp.wait_until(
        "(function () { var h = document.getElementById('fieldguide-error'); \
         return !!h && !h.shadowRoot.querySelector('.fg-box').hidden; })()",
    );
    assert!(overlay_text(&mut cdp).contains(BROKEN_YAML_ERROR));
    assert_readable(&mut cdp);
    assert_eq!(violations(&mut cdp), "[]");

    // Fix it: the overlay goes and the page shows the fixed text.
    site.write(CHAPTER, format!("{original}\nFixed again.\n"));
    cdp.wait_until(
        "!document.getElementById('fieldguide-error') && \
         document.querySelector('main').textContent.includes('Fixed again.')",
    );
    assert_eq!(violations(&mut cdp), "[]");
    assert_eq!(cdp.complaints(), Vec::<String>::new());
}

#[test]
fn in_chromium_the_error_page_turns_into_the_site_once_it_builds() {
    let Some(browser) = browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    let original = site.read(CHAPTER);
    site.write(CHAPTER, BROKEN_YAML);
    let server = Server::start(&site);
    let mut cdp = Cdp::launch(&browser);
    cdp.on_new_document(WATCH);
    cdp.navigate(&server.url("/en/handbook/signs.html"));
    cdp.wait_until("window.__fg.open && document.readyState === 'complete'");
    assert!(overlay_text(&mut cdp).contains(BROKEN_YAML_ERROR));
    assert_readable(&mut cdp);
    assert_eq!(violations(&mut cdp), "[]");

    site.write(CHAPTER, &original);
    cdp.wait_until(
        "!document.documentElement.hasAttribute('data-fieldguide-error-page') && \
         !!document.querySelector('main h1')",
    );
    let title = cdp.eval("document.querySelector('main h1').textContent");
    assert_eq!(title, json!("Signs"));
    assert_eq!(violations(&mut cdp), "[]");
    assert_eq!(cdp.complaints(), Vec::<String>::new());
}

#[test]
fn in_chromium_the_sample_site_runs_under_the_servers_policy() {
    let Some(browser) = browser::require() else {
        return;
    };
    let site = Site::sample();
    let server = Server::start(&site);
    let mut cdp = Cdp::launch(&browser);
    cdp.on_new_document(WATCH);
    // The theme's scripts at work: search, checklists, the language menu,
    // a right-to-left home.
    for (path, ready) in [
        ("/", "true"),
        (
            "/en/search.html?q=consent",
            "document.querySelectorAll('#search-results li').length > 0",
        ),
        (
            "/en/risk-checklist/before-an-activity.html",
            "(function () { var b = document.querySelector('input.task'); \
             b.click(); return b.checked; })()",
        ),
        (
            "/fr/pocket-guide/print.html",
            "[].some.call(document.styleSheets, function (s) { \
             return s.href && s.href.indexOf('print-page.css') > 0; })",
        ),
        (
            "/ar/index.html",
            "(function () { var d = document.querySelector('details.languages'); \
             d.open = true; return getComputedStyle(d.querySelector('summary')).display !== 'none'; })()",
        ),
    ] {
        cdp.navigate(&server.url(path));
        cdp.wait_until("window.__fg.open && document.readyState === 'complete'");
        cdp.wait_until(ready);
        assert_eq!(violations(&mut cdp), "[]", "{path}");
    }
    assert_eq!(cdp.complaints(), Vec::<String>::new());
}
