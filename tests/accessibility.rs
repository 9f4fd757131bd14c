//! Accessible and valid output: axe-core (WCAG 2.1 A and AA) in headless
//! Chromium on every page type in English and Arabic, and the W3C Nu HTML
//! checker on every page of the sample site.

mod common;
use common::{Site, browser};

/// One page of each type, in English and in Arabic.
const PAGES: &[&str] = &[
    "index.html",
    "en/index.html",
    "ar/index.html",
    "en/pocket-guide/index.html",
    "ar/pocket-guide/index.html",
    "en/pocket-guide/asking-questions.html",
    "ar/pocket-guide/asking-questions.html",
    "ar/identification-guidelines/indicators.html",
    "ha/pocket-guide/asking-questions.html",
    "fr/identification-guidelines/referral-pathways.html",
    "en/identification-guidelines/what-to-do.html",
    "en/risk-checklist/before-an-activity.html",
    "ar/risk-checklist/before-an-activity.html",
    "en/pocket-guide/print.html",
    "ar/pocket-guide/print.html",
    "en/search.html",
    "ar/search.html",
];

const SCRIPT: &str = r#"
var pages = PAGES, out = document.getElementById("result"), report = [];
var frame = document.createElement("iframe");
frame.style.cssText = "width:390px;height:800px;border:0";
document.body.appendChild(frame);
// axe is loaded as a file of the site, so each page's
// Content-Security-Policy (scripts from the site only) allows it.
function next(i) {
  if (i >= pages.length) { out.textContent = JSON.stringify(report); return; }
  frame.onload = function () {
    var w = frame.contentWindow, d = frame.contentDocument;
    var s = d.createElement("script");
    s.src = AXE_URL;
    s.onerror = function () { report.push({ page: pages[i], rule: "axe-not-loaded", nodes: [] }); next(i + 1); };
    s.onload = function () { run(w, d, i); };
    d.head.appendChild(s);
  };
  frame.src = pages[i];
}
function run(w, d, i) {
    w.axe.run(d, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }).then(function (r) {
      r.violations.forEach(function (v) {
        report.push({ page: pages[i], rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(function (n) { return n.html.slice(0, 160); }) });
      });
      next(i + 1);
    }, function (e) { report.push({ page: pages[i], rule: "axe-error", nodes: [String(e)] }); next(i + 1); });
}
next(0);
"#;

#[test]
fn every_page_type_passes_axe_in_english_and_arabic() {
    let Some(chromium) = browser::require() else {
        return;
    };
    let Some(axe) = browser::tool("axe-core/axe.min.js") else {
        return;
    };
    let site = Site::sample();
    site.build_ok();
    for page in PAGES {
        assert!(site.out().join(page).is_file(), "{page} missing");
    }
    std::fs::copy(axe, site.out().join("__axe.js")).unwrap();
    // Relative to each page: the pages are one or two folders deep.
    let script = SCRIPT
        .replace("PAGES", &serde_json::to_string(PAGES).unwrap())
        .replace(
            "AXE_URL",
            "'../'.repeat(pages[i].split('/').length - 1) + '__axe.js'",
        );
    let result = browser::harness(&chromium, &site.out(), &script);
    let violations: serde_json::Value =
        serde_json::from_str(&result).unwrap_or_else(|e| panic!("{e}: {result}"));
    assert_eq!(
        violations.as_array().map(Vec::len),
        Some(0),
        "{violations:#}"
    );
}

#[test]
fn every_sample_page_is_valid_html() {
    let Some(jar) = browser::tool("vnu-jar/build/dist/vnu.jar") else {
        return;
    };
    let site = Site::sample();
    site.build_ok();
    let o = std::process::Command::new("java")
        .args(["-jar"])
        .arg(&jar)
        .args(["--errors-only", "--format", "json", "--skip-non-html"])
        .arg(site.out())
        .output()
        .expect("java runs the Nu HTML checker");
    let report: serde_json::Value = serde_json::from_slice(&o.stderr)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    let errors: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error")
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"].as_str().unwrap_or(""),
                m["lastLine"],
                m["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    let shown: Vec<&String> = errors.iter().take(30).collect();
    assert!(
        errors.is_empty(),
        "{} errors, the first: {shown:#?}",
        errors.len()
    );
}
