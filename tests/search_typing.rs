//! End-to-end: search as the reader uses the results page, in real
//! headless Chromium from `file://`: results as one types, a query
//! submitted or given in the address. See `search.rs` for what a query
//! finds.

mod common;
use common::{Site, browser};
use scraper::{ElementRef, Html, Selector};

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect()
}

/// The titles of a dumped results page's results, and the words marked in
/// them.
fn results(dom: &str) -> (Vec<String>, Vec<String>) {
    let html = Html::parse_document(dom);
    let titles = html
        .select(&sel("#search-results h2 a"))
        .map(text)
        .collect();
    let marks = html
        .select(&sel("#search-results mark"))
        .map(text)
        .collect();
    (titles, marks)
}

#[test]
fn results_update_as_the_reader_types() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    // The real results page with a script that types into it, one letter
    // at a time, and notes the status after each letter.
    let page = site.read("public/fr/search.html");
    // The script is a file of the site: the page's Content-Security-Policy
    // allows no inline script.
    let typing = "document.addEventListener('DOMContentLoaded', function () {
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
";
    site.write("public/fr/__typing.js", typing);
    site.write(
        "public/fr/typing.html",
        page.replace(
            "</body>",
            "<pre id=\"log\"></pre><script src=\"__typing.js\"></script></body>",
        ),
    );
    let dom = browser::dump_dom(&b, &browser::file_url(&site.out().join("fr/typing.html")));
    let html = Html::parse_document(&dom);
    let log = html.select(&sel("#log")).next().map(text).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 5, "{log}");
    for l in &lines {
        let (_, status) = l.split_once('=').unwrap();
        assert!(!status.is_empty(), "no results while typing: {log}");
    }
    let (titles, marks) = results(&dom);
    assert!(!titles.is_empty());
    assert!(marks.iter().all(|m| m.to_lowercase().starts_with("sécur") || m.to_lowercase().starts_with("secur")));
    // The address keeps the query, for the back button.
    assert!(html.select(&sel("#search-input")).next().is_some());
}

/// A query given in the address, or submitted, is finished: a last word of
/// one letter is not the start of a longer one (`7` of `24/7` is not
/// `72`). While typing, a start needs two letters.
#[test]
fn a_finished_query_takes_no_single_letter_as_a_start() {
    let Some(b) = browser::require() else { return };
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-hotline.en.md",
        "---\ntitle: Hotline\n---\n\nThe hotline answers 24/7.\n",
    );
    site.write(
        "guidance/handbook/05-follow-up.en.md",
        "---\ntitle: Follow-up\n---\n\nCall back within 72 hours.\n",
    );
    site.build_ok();
    for q in ["24%2F7", "7"] {
        let url = format!(
            "{}?q={q}",
            browser::file_url(&site.out().join("en/search.html"))
        );
        let (titles, marks) = results(&browser::dump_dom(&b, &url));
        assert_eq!(titles, ["Hotline"], "{q}");
        assert!(
            marks.iter().all(|m| m == "24" || m == "7"),
            "{q}: {marks:?}"
        );
    }
    // Typed one letter at a time, then submitted.
    let script = "document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('search-form'), input = form.elements.q, log = document.getElementById('log'),
    steps = [['7', 'input'], ['ho', 'input'], ['24/7', 'submit']], i = 0;
  function step() {
    input.value = steps[i][0];
    if (steps[i][1] === 'input') input.dispatchEvent(new Event('input', { bubbles: true }));
    else form.dispatchEvent(new Event('submit', { cancelable: true }));
    setTimeout(function () {
      var titles = Array.from(document.querySelectorAll('#search-results h2 a')).map(function (a) { return a.textContent; });
      log.textContent += steps[i][0] + '=' + titles.join('|') + '\\n';
      if (++i < steps.length) step();
    }, 400);
  }
  step();
});
";
    site.write("public/en/__typing.js", script);
    let page = site.read("public/en/search.html");
    site.write(
        "public/en/typing.html",
        page.replace(
            "</body>",
            "<pre id=\"log\"></pre><script src=\"__typing.js\"></script></body>",
        ),
    );
    let dom = browser::dump_dom(&b, &browser::file_url(&site.out().join("en/typing.html")));
    let html = Html::parse_document(&dom);
    let log = html.select(&sel("#log")).next().map(text).unwrap();
    let lines: Vec<(&str, Vec<&str>)> = log
        .lines()
        .map(|l| {
            let (q, titles) = l.split_once('=').unwrap();
            (q, titles.split('|').filter(|t| !t.is_empty()).collect())
        })
        .collect();
    assert_eq!(lines.len(), 3, "{log}");
    assert_eq!(lines[0], ("7", vec!["Hotline"]), "{log}");
    // Two letters are a start: `hotline`, `hours`.
    assert!(
        ["Hotline", "Follow-up"]
            .iter()
            .all(|t| lines[1].1.contains(t)),
        "{log}"
    );
    assert_eq!(lines[2], ("24/7", vec!["Hotline"]), "{log}");
}
