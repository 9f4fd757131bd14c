//! End-to-end: offline search. The index files and the search form are
//! checked in the HTML; matching, ranking, snippets and typing run in real
//! headless Chromium from `file://`.

mod common;
use common::{Site, browser};
use scraper::{ElementRef, Html, Selector};
use std::path::Path;

/// The JSON object a `search-index.js` assigns.
fn index_json(out: &Path, lang: &str) -> serde_json::Value {
    let js = std::fs::read_to_string(out.join(format!("{lang}/search-index.js"))).unwrap();
    let body = js
        .strip_prefix("window.fieldguideSearch=")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("search-index.js assigns window.fieldguideSearch");
    serde_json::from_str(body).expect("the index is valid JSON")
}

/// `cases.tsv`, shared with the Rust unit tests: (input, expected terms).
fn cases() -> Vec<(String, String)> {
    fieldguide::search::normalise::cases()
}

/// A URL query value.
fn encode(q: &str) -> String {
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
struct Hit {
    title: String,
    href: String,
    publication: String,
    snippet: String,
    /// Texts in <mark>, title and snippet.
    marks: Vec<String>,
    title_marked: bool,
    /// `lang` of the title link, on pages shown in another language.
    lang: Option<String>,
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect()
}

/// The results and status line of a dumped results page.
fn results(dom: &str) -> (String, Vec<Hit>) {
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
            }
        })
        .collect();
    (status, hits)
}

/// Opens `<lang>/search.html?q=...` from disk and returns what it shows.
fn search(b: &Path, out: &Path, lang: &str, q: &str) -> (String, Vec<Hit>) {
    let url = format!(
        "{}?q={}",
        browser::file_url(&out.join(format!("{lang}/search.html"))),
        encode(q)
    );
    results(&browser::dump_dom(b, &url))
}

/// Strips Unicode isolation marks (Fluent wraps numbers in them).
fn plain(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn every_language_gets_an_index_within_budget() {
    let site = Site::sample();
    let o = site.build_ok();
    for lang in ["en", "fr", "ar", "ha"] {
        let idx = index_json(&site.out(), lang);
        assert_eq!(idx["lang"], lang);
        let docs = idx["docs"].as_array().unwrap();
        // Every page of the language tree, fallbacks included.
        let pages = common::html_files(&site.out().join(lang))
            .iter()
            .filter(|p| {
                !p.ends_with("print.html") && !p.ends_with("search.html") && {
                    let rel = p.strip_prefix(site.out().join(lang)).unwrap();
                    rel.components().count() > 1
                }
            })
            .count();
        assert_eq!(docs.len(), pages, "{lang}: one entry per page");
        for d in docs {
            let path = format!(
                "{}{}",
                idx["pubs"][d[0].as_u64().unwrap() as usize][1]
                    .as_str()
                    .unwrap(),
                d[1].as_str().unwrap()
            );
            assert!(
                site.out().join(lang).join(common::decode(&path)).is_file(),
                "{lang}: {path} does not exist"
            );
        }
        // The summary line, and the budget stated in README.md.
        let line = o
            .stderr
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("search {lang}:")))
            .unwrap_or_else(|| panic!("no search line for {lang}:\n{}", o.stderr));
        let pct: f64 = line
            .split(", ")
            .nth(1)
            .and_then(|s| s.split('%').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("cannot read the ratio in {line}"));
        assert!(pct <= 90.0, "{lang}: index over budget: {line}");
    }
    // Arabic and Hausa show untranslated pages from English: marked as such.
    let ar = index_json(&site.out(), "ar");
    assert!(
        ar["docs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d.get(5).and_then(|l| l.as_str()) == Some("en"))
    );
}

#[test]
fn the_search_form_is_on_every_page_and_works_without_scripts() {
    let site = Site::fixture("basic");
    site.build_ok();
    let out = site.out();
    for file in common::html_files(&out) {
        let rel = file
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel == "index.html" || rel.ends_with("print.html") {
            continue;
        }
        // The 404 page is in the default language, its links from the root.
        let not_found = rel == "404.html";
        let lang = if not_found {
            "en"
        } else {
            rel.split('/').next().unwrap()
        };
        let p = site.page(&rel);
        let form = if rel.ends_with("/search.html") {
            p.one("main form[role=search]")
        } else {
            p.one("header form[role=search]")
        };
        assert_eq!(form.value().attr("method"), Some("get"), "{rel}");
        let action = form.value().attr("action").unwrap();
        let target = match action.strip_prefix('/') {
            Some(abs) if not_found => out.join(abs),
            _ => file.parent().unwrap().join(action),
        };
        assert_eq!(
            target.canonicalize().unwrap(),
            out.join(lang).join("search.html").canonicalize().unwrap(),
            "{rel}: the form goes to the language's results page"
        );
        let input = form
            .select(&sel("input[name=q]"))
            .next()
            .unwrap_or_else(|| panic!("{rel}: no input named q"));
        let id = input.value().attr("id").unwrap();
        assert_eq!(
            form.select(&sel(&format!("label[for={id}]"))).count(),
            1,
            "{rel}: the input has a label"
        );
        assert!(form.select(&sel("button[type=submit]")).next().is_some());
    }
    // The results page: its own template and the interface language.
    let p = site.page("fr/search.html");
    assert_eq!(p.attr("body", "class"), "page-search");
    assert_eq!(p.text_of("h1"), common::label("fr", "search-heading"));
    assert_eq!(
        p.attr("script[src='search-index.js']", "src"),
        "search-index.js"
    );
    assert_eq!(
        p.attr("script[src$='search.js']:not([src^=search])", "src"),
        "../assets/search.js"
    );
    assert!(p.text.contains("<noscript>"));
    assert!(common::broken_links(&out).is_empty());
}

#[test]
fn index_bytes_do_not_depend_on_threads() {
    let site = Site::sample();
    let index = |threads: &str| {
        let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
        let out = site.path().join(format!("out-{threads}"));
        cmd.args(["build", "--quiet", "--source"])
            .arg(site.path())
            .arg("--out")
            .arg(&out)
            .env("RAYON_NUM_THREADS", threads)
            .assert()
            .success();
        ["en", "fr", "ar", "ha"]
            .map(|l| std::fs::read(out.join(format!("{l}/search-index.js"))).unwrap())
    };
    assert!(index("1") == index("4"));
}

#[test]
fn search_js_stays_offline_and_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/static");
    let js = std::fs::read_to_string(root.join("search.js")).unwrap();
    for bad in [
        "fetch(",
        "XMLHttpRequest",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "http:",
        "https:",
        "import(",
    ] {
        assert!(!js.contains(bad), "search.js must not use {bad}");
    }
    // The theme's budget: CSS and JavaScript together, the index excluded.
    let total: u64 = ["site.css", "site.js", "search.js"]
        .iter()
        .map(|f| std::fs::metadata(root.join(f)).unwrap().len())
        .sum();
    assert!(
        total <= 30_000,
        "site.css + site.js + search.js = {total} bytes"
    );
}

#[test]
fn normalisation_in_node_matches_the_shared_cases() {
    // Chromium runs the same check below; node is a quicker second opinion
    // where it is installed.
    let Ok(node) = std::process::Command::new("node").arg("--version").output() else {
        eprintln!("skipped: node is not installed (the Chromium test covers search.js)");
        return;
    };
    assert!(node.status.success());
    let site = Site::fixture("basic");
    site.build_ok();
    let cases = cases();
    let inputs: Vec<&str> = cases.iter().map(|c| c.0.as_str()).collect();
    let script = format!(
        "const fs = require('fs');
         const window = {{ document: {{ getElementById: () => null }} }};
         new Function('window', fs.readFileSync({index:?}, 'utf8') + fs.readFileSync({js:?}, 'utf8'))(window);
         console.log(JSON.stringify({inputs}.map(s => window.fieldguideWords(s).join(' '))));",
        index = site.out().join("en/search-index.js"),
        js = site.out().join("assets/search.js"),
        inputs = serde_json::to_string(&inputs).unwrap(),
    );
    let out = std::process::Command::new("node")
        .arg("-e")
        .arg(script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    for ((input, expected), got) in cases.iter().zip(&got) {
        assert_eq!(got, expected, "node, input {input:?}");
    }
}

#[test]
fn normalisation_in_chromium_matches_the_shared_cases() {
    let Some(b) = browser::require() else { return };
    let site = Site::fixture("basic");
    site.build_ok();
    let cases = cases();
    let inputs: Vec<&str> = cases.iter().map(|c| c.0.as_str()).collect();
    let json = serde_json::to_string(&inputs)
        .unwrap()
        .replace('<', "\\u003c");
    site.write(
        "public/en/cases.html",
        format!(
            "<!DOCTYPE html><meta charset=\"utf-8\"><pre id=\"out\"></pre>
<script src=\"search-index.js\"></script><script src=\"../assets/search.js\"></script>
<script>document.getElementById('out').textContent = JSON.stringify({json}.map(function (s) {{ return window.fieldguideWords(s).join(' '); }}));</script>"
        ),
    );
    let dom = browser::dump_dom(&b, &browser::file_url(&site.out().join("en/cases.html")));
    let html = Html::parse_document(&dom);
    let out = html.select(&sel("#out")).next().map(text).unwrap();
    let got: Vec<String> = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {dom}"));
    assert_eq!(got.len(), cases.len());
    for ((input, expected), got) in cases.iter().zip(&got) {
        assert_eq!(got, expected, "Chromium, input {input:?}");
    }
}

#[test]
fn english_results_rank_titles_first_and_link_to_sections() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let (status, hits) = search(&b, &site.out(), "en", "referral");
    assert!(hits.len() >= 3, "{status}: {hits:?}");
    assert_eq!(plain(&status), format!("{} pages found", hits.len()));
    // Title matches first, then pages that only mention the word.
    let titled = hits.iter().take_while(|h| h.title_marked).count();
    assert!(titled >= 2, "{hits:?}");
    assert!(hits[titled..].iter().all(|h| !h.title_marked), "{hits:?}");
    assert!(hits.iter().any(|h| h.title == "Referral Pathways"));
    for h in &hits {
        assert!(!h.publication.is_empty());
        assert!(
            h.marks
                .iter()
                .all(|m| m.to_lowercase().starts_with("referral")),
            "{h:?}"
        );
        assert!(!h.href.starts_with('/') && !h.href.contains("://"), "{h:?}");
        let page = h.href.split('#').next().unwrap();
        assert!(site.out().join("en").join(page).is_file(), "{h:?}");
    }
    // A body match links to the section its snippet is in.
    let body = hits
        .iter()
        .find(|h| !h.snippet.is_empty() && h.href.contains('#'));
    assert!(body.is_some(), "{hits:?}");
    // Every query word must match; prefixes match as one types.
    let (_, both) = search(&b, &site.out(), "en", "refer conse");
    assert!(!both.is_empty() && both.len() <= hits.len() + 20);
    for h in &both {
        // The snippet shows the first match; the page holds both words.
        assert!(!h.marks.is_empty(), "{h:?}");
        let page = site.read(&format!("public/en/{}", h.href.split('#').next().unwrap()));
        let page = page.to_lowercase();
        assert!(page.contains("refer") && page.contains("conse"), "{h:?}");
    }
    let (status, none) = search(&b, &site.out(), "en", "xylophonezzz");
    assert!(none.is_empty());
    assert_eq!(status, common::label("en", "search-none"));
}

#[test]
fn french_matches_without_accents_and_arabic_across_letter_forms() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let out = site.out();
    // French, typed without accents.
    let (_, hits) = search(&b, &out, "fr", "securite");
    assert!(hits.len() >= 3, "{hits:?}");
    assert!(
        hits.iter()
            .flat_map(|h| &h.marks)
            .any(|m| m == "sécurité" || m == "Sécurité"),
        "{hits:?}"
    );
    for h in &hits {
        assert!(
            h.snippet.contains("sécurité")
                || h.title.contains("écurité")
                || h.snippet.contains("Sécurité"),
            "{h:?}"
        );
    }
    // Arabic: the text has الإحالة (alef with hamza below, taa marbuta);
    // the query has a bare alef and heh.
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("guidance/pocket-guide/05-needs-and-referral.ar.md"),
    )
    .unwrap();
    assert!(source.contains("الإحالة"));
    let (status, hits) = search(&b, &out, "ar", "الاحاله");
    assert!(!hits.is_empty(), "{status}");
    assert!(
        hits.iter()
            .flat_map(|h| &h.marks)
            .any(|m| m.contains("الإحالة")),
        "{hits:?}"
    );
    // The count uses Arabic plural forms.
    let n = hits.len();
    let form = match n % 100 {
        _ if n == 1 => "one",
        _ if n == 2 => "two",
        3..=10 => "few",
        11..=99 => "many",
        _ => "other",
    };
    let expected = match form {
        "one" => "عُثر على صفحة واحدة".to_string(),
        "two" => "عُثر على صفحتين".to_string(),
        "few" => format!("عُثر على {n} صفحات"),
        _ => format!("عُثر على {n} صفحة"),
    };
    assert_eq!(plain(&status), expected);
    // Hamza on waw and on yeh, typed as plain letters: still found.
    for (query, word) in [("الموشرات", "المؤشرات"), ("الاسيله", "الأسئلة")]
    {
        let (_, hits) = search(&b, &out, "ar", query);
        assert!(
            hits.iter().flat_map(|h| &h.marks).any(|m| m == word),
            "{query}: {hits:?}"
        );
    }
    // An untranslated page is found in the Arabic tree, in English, marked.
    let (_, hits) = search(&b, &out, "ar", "trafficking smuggling");
    let fallback = hits
        .iter()
        .find(|h| h.lang.as_deref() == Some("en"))
        .unwrap_or_else(|| panic!("{hits:?}"));
    let page = fallback.href.split('#').next().unwrap();
    assert!(out.join("ar").join(page).is_file(), "{fallback:?}");
}

#[test]
fn results_update_as_the_reader_types() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    // The real results page with a script that types into it, one letter
    // at a time, and notes the status after each letter.
    let page = site.read("public/fr/search.html");
    let typing = "<pre id=\"log\"></pre><script>
document.addEventListener('DOMContentLoaded', function () {
  var input = document.getElementById('search-input'), q = 'secur', i = 1,
    log = document.getElementById('log'), status = document.getElementById('search-status');
  function step() {
    input.value = q.slice(0, i);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(function () {
      log.textContent += input.value + '=' + status.textContent + '\\n';
      if (++i <= q.length) step();
    }, 400);
  }
  step();
});
</script></body>";
    site.write("public/fr/typing.html", page.replace("</body>", typing));
    let dom = browser::dump_dom(&b, &browser::file_url(&site.out().join("fr/typing.html")));
    let html = Html::parse_document(&dom);
    let log = html.select(&sel("#log")).next().map(text).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 5, "{log}");
    for l in &lines {
        let (_, status) = l.split_once('=').unwrap();
        assert!(!status.is_empty(), "no results while typing: {log}");
    }
    let (_, hits) = results(&dom);
    assert!(!hits.is_empty());
    assert!(hits.iter().flat_map(|h| &h.marks).all(|m| m.to_lowercase().starts_with("sécur") || m.to_lowercase().starts_with("secur")));
    // The address keeps the query, for the back button.
    assert!(html.select(&sel("#search-input")).next().is_some());
}

#[test]
fn hostile_titles_and_text_are_shown_as_text() {
    let Some(b) = browser::require() else { return };
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-hostile.en.md",
        "---\ntitle: \"<img src=x onerror=alert(1)> Zanzibar & <b>bold</b>\"\n---\n\nZanzibar text with <script>alert(2)</script> and \u{2028} a line separator.\n",
    );
    site.build_ok();
    let raw = std::fs::read_to_string(site.out().join("en/search-index.js")).unwrap();
    assert!(!raw.contains(['\u{2028}', '\u{2029}']));
    let (_, hits) = search(&b, &site.out(), "en", "zanzibar");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        hits[0].title,
        "<img src=x onerror=alert(1)> Zanzibar & <b>bold</b>"
    );
    let url = format!(
        "{}?q=zanzibar",
        browser::file_url(&site.out().join("en/search.html"))
    );
    let dom = browser::dump_dom(&b, &url);
    let html = Html::parse_document(&dom);
    let list = html.select(&sel("#search-results")).next().unwrap();
    for tag in ["img", "script", "b"] {
        assert_eq!(
            list.select(&sel(tag)).count(),
            0,
            "<{tag}> in results: {dom}"
        );
    }
}
