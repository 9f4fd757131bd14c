//! End-to-end: what search finds, and how fast, in real headless Chromium
//! from `file://`. The judged queries are `tests/search_queries.tsv`:
//! misspellings, word forms, French elisions and Arabic joined letters, as
//! field staff type them, each with the page it must find in the first
//! five results.

mod common;
use common::{Site, browser};
use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::Path;

#[allow(dead_code)]
#[path = "../benches/build.rs"]
mod bench;

/// (language, kind, query, expected page, site: a fixture of
/// `tests/fixtures`, or empty for the sample).
fn judged() -> Vec<[String; 5]> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search_queries.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() == 4 || cols.len() == 5, "{l}");
            std::array::from_fn(|i| cols.get(i).unwrap_or(&"").to_string())
        })
        .collect()
}

/// Runs `script` in `dir` (a language folder of a built site) with the
/// index and search.js loaded, from `file://`; the script leaves its
/// answer in `out`. The script is a file of the site, as a strict
/// Content-Security-Policy would want.
fn run(b: &Path, dir: &Path, script: &str) -> serde_json::Value {
    std::fs::write(
        dir.join("harness.js"),
        format!("var out; (function () {{ {script} }})(); document.getElementById('out').textContent = JSON.stringify(out);"),
    )
    .unwrap();
    std::fs::write(
        dir.join("harness.html"),
        "<!DOCTYPE html><meta charset=\"utf-8\"><pre id=\"out\"></pre>
<script src=\"search-index.js\"></script><script src=\"../assets/search.js\"></script><script src=\"harness.js\"></script>",
    )
    .unwrap();
    let dom = browser::dump_dom(b, &browser::file_url(&dir.join("harness.html")));
    let html = Html::parse_document(&dom);
    let sel = Selector::parse("#out").unwrap();
    let out: String = html.select(&sel).next().unwrap().text().collect();
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {dom}"))
}

#[test]
fn judged_queries_find_their_page_in_the_first_five() {
    let Some(b) = browser::require() else { return };
    let queries = judged();
    // At least 20 queries in each language, covering each kind of query.
    let mut kinds: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for [lang, kind, _, _, site] in &queries {
        if site.is_empty() {
            kinds.entry(lang).or_default().push(kind);
        }
    }
    for (lang, wanted) in [
        ("en", &["typo", "form", "partial"][..]),
        ("fr", &["typo", "form", "elision", "partial"]),
        ("ar", &["typo", "form", "prefix", "partial"]),
    ] {
        let have = &kinds[lang];
        assert!(have.len() >= 20, "{lang}: {} queries", have.len());
        for k in wanted {
            assert!(have.contains(k), "{lang}: no {k} query");
        }
    }
    let (mut found, mut report) = (0, String::new());
    let mut sites: Vec<&str> = queries.iter().map(|q| q[4].as_str()).collect();
    sites.sort();
    sites.dedup();
    for name in sites {
        let site = if name.is_empty() {
            Site::sample()
        } else {
            Site::fixture(name)
        };
        site.build_ok();
        let mut langs: Vec<&str> = queries
            .iter()
            .filter(|q| q[4] == name)
            .map(|q| q[0].as_str())
            .collect();
        langs.sort();
        langs.dedup();
        for lang in langs {
            let mine: Vec<&[String; 5]> = queries
                .iter()
                .filter(|q| q[0] == lang && q[4] == name)
                .collect();
            let qs: Vec<&str> = mine.iter().map(|q| q[2].as_str()).collect();
            let json = serde_json::to_string(&qs).unwrap().replace('<', "\\u003c");
            let script = format!(
                "out = {json}.map(function (q) {{
                   return window.fieldguideFind(q).pages.slice(0, 5).map(function (p) {{ return p.url; }});
                 }});"
            );
            let got: Vec<Vec<String>> =
                serde_json::from_value(run(&b, &site.out().join(lang), &script)).unwrap();
            for (q, top) in mine.iter().zip(&got) {
                if top.contains(&q[3]) {
                    found += 1;
                } else {
                    report.push_str(&format!(
                        "  {name} {lang} {} {:?}: wanted {}, got {top:?}\n",
                        q[1], q[2], q[3]
                    ));
                }
            }
        }
    }
    let share = found as f64 / queries.len() as f64;
    eprintln!(
        "judged queries: {found} of {} found in the first five ({:.0}%)\n{report}",
        queries.len(),
        share * 100.0
    );
    assert!(share >= 0.95, "{:.0}% found:\n{report}", share * 100.0);
}

/// Each query's correction (the word searched instead, in lower case) and
/// the pages found, as a finished query (given in the address).
fn corrections(b: &Path, dir: &Path, queries: &[&str]) -> Vec<(Option<String>, Vec<String>)> {
    let json = serde_json::to_string(queries).unwrap();
    let script = format!(
        "out = {json}.map(function (q) {{
           var f = window.fieldguideFind(q, true);
           return [f.fixes[0] && f.fixes[0].toLowerCase(), f.pages.map(function (p) {{ return p.url; }})];
         }});"
    );
    serde_json::from_value(run(b, dir, &script)).unwrap()
}

/// A word of four letters (or three) with one typo that matches no word,
/// nor the start of one, is corrected to a word one edit away, not read as
/// two short words the site has side by side (`onse` is `once`, not
/// `on se…`); a word of the site, or the start of one, is never corrected.
#[test]
fn short_misspellings_are_corrected_and_short_words_kept() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let typos = [
        ("onse", "once"),
        ("goth", "both"),
        ("wrok", "work"),
        ("rsk", "risk"),
    ];
    let qs: Vec<&str> = typos.iter().map(|t| t.0).collect();
    for ((q, fixed), (fix, pages)) in typos
        .iter()
        .zip(corrections(&b, &site.out().join("en"), &qs))
    {
        assert_eq!(fix.as_deref(), Some(*fixed), "{q}");
        assert!(!pages.is_empty(), "{q}");
    }
    let words = ["kind", "mail", "once", "risk", "ris", "wor"];
    for (q, (fix, pages)) in words
        .iter()
        .zip(corrections(&b, &site.out().join("en"), &words))
    {
        assert_eq!(fix, None, "{q}");
        assert!(!pages.is_empty(), "{q}");
    }
    // Four letters the site writes as two of two with a hyphen are still
    // found as such (`wifi`, `Wi-Fi`), not corrected to `wife`.
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-wifi.en.md",
        "---\ntitle: Connections\n---\n\nAvoid public Wi-Fi for case files.\n",
    );
    site.write(
        "guidance/handbook/05-family.en.md",
        "---\ntitle: Family\n---\n\nAsk the wife and the husband apart.\n",
    );
    site.build_ok();
    let got = corrections(&b, &site.out().join("en"), &["wifi"]);
    assert_eq!(got[0].0, None);
    assert_eq!(got[0].1, ["handbook/wifi.html"]);
}

/// Every four-letter word of the sample's English with one letter changed
/// or two swapped (every seventh such typo), where that is no word of the
/// site, no start of one and no form of one, is corrected to a word one
/// edit away: not left unfound, nor read as two short words.
#[test]
fn four_letter_typos_are_corrected_within_one_edit() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let script = r#"
      var rows = window.fieldguideGroups(), keys = new Set(), four = new Set(), tried = 0, bad = [], n = 0;
      rows.forEach(function (r) { keys.add(r[0]); keys.add(r[2]); if (/^[a-z]{4}$/.test(r[0])) four.add(r[0]); });
      var all = Array.from(keys);
      function osa(a, b) {
        for (var d = [], i = 0, j; i <= a.length; i++) for (d[i] = [i], j = 1; j <= b.length; j++) {
          d[i][j] = !i ? j : Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
            i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? d[i - 2][j - 2] + 1 : 9);
        }
        return d[a.length][b.length];
      }
      four.forEach(function (w) {
        var qs = [], i, c;
        for (i = 0; i < 4; i++) for (c = 97; c < 123; c++) qs.push(w.slice(0, i) + String.fromCharCode(c) + w.slice(i + 1));
        for (i = 0; i < 3; i++) qs.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
        qs.forEach(function (q) {
          if (n++ % 7 || keys.has(q) || all.some(function (k) { return k.lastIndexOf(q, 0) === 0; })) return;
          if (window.fieldguideAffix.variants(q).slice(1).some(function (v) { return keys.has(v); })) return;
          tried++;
          var fix = window.fieldguideFind(q, true).fixes[0];
          if (fix === null || osa(q, window.fieldguideWords(fix)[0]) > 1) bad.push(q + " -> " + fix);
        });
      });
      out = [tried, bad];
    "#;
    let (tried, bad): (usize, Vec<String>) =
        serde_json::from_value(run(&b, &site.out().join("en"), script)).unwrap();
    eprintln!("four-letter typos: {tried} tried");
    assert!(tried > 1000, "{tried} tried");
    assert!(bad.is_empty(), "not corrected within one edit: {bad:?}");
}

/// Types each query into the real results page, one letter at a time, and
/// returns (milliseconds to load the page's search, each keystroke's
/// milliseconds: search and results drawn).
fn keystrokes(b: &Path, dir: &Path, queries: &[&str]) -> (f64, Vec<f64>) {
    let page = std::fs::read_to_string(dir.join("search.html")).unwrap();
    let json = serde_json::to_string(queries).unwrap();
    // Deferred after search.js: it runs once search.js has read the index.
    std::fs::write(
        dir.join("typing.js"),
        format!(
            "(function () {{
  var loaded = performance.now(), form = document.getElementById('search-form'), times = [];
  {json}.forEach(function (q) {{
    for (var i = 1; i <= q.length; i++) {{
      form.elements.q.value = q.slice(0, i);
      var t0 = performance.now();
      form.dispatchEvent(new Event('submit', {{ cancelable: true }}));
      if (!document.getElementById('search-status').textContent) throw new Error('no answer');
      times.push(performance.now() - t0);
    }}
  }});
  var pre = document.createElement('pre');
  pre.id = 'times';
  pre.textContent = JSON.stringify([loaded, times]);
  document.body.appendChild(pre);
}})();"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("typing.html"),
        page.replace(
            "</body>",
            "<script src=\"typing.js\" defer></script></body>",
        ),
    )
    .unwrap();
    let dom = browser::dump_dom(b, &browser::file_url(&dir.join("typing.html")));
    let html = Html::parse_document(&dom);
    let sel = Selector::parse("#times").unwrap();
    let out: String = html
        .select(&sel)
        .next()
        .unwrap_or_else(|| panic!("no timings: {dom}"))
        .text()
        .collect();
    serde_json::from_str(&out).unwrap()
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Prints the figures; fails only far past the goal (the machines that run
/// tests are shared and noisy): the median keystroke at most the goal,
/// nine in ten within four times it. Not the slowest one: on a loaded
/// machine a single keystroke waits for the scheduler (255 ms once, with
/// a median of 2 ms), which says nothing about search.
fn check_speed(what: &str, (load, times): (f64, Vec<f64>), goal: f64) {
    let max = times.iter().copied().fold(0.0, f64::max);
    let med = median(&times);
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let p90 = sorted[sorted.len() * 9 / 10];
    eprintln!(
        "{what}: index read in {load:.0} ms; {} keystrokes, median {med:.1} ms, 90th percentile {p90:.1} ms, slowest {max:.1} ms (goal {goal} ms)",
        times.len()
    );
    assert!(med <= goal, "{what}: median keystroke {med:.1} ms");
    assert!(p90 <= goal * 4.0, "{what}: 90th percentile {p90:.1} ms");
}

#[test]
fn each_keystroke_answers_quickly_on_the_sample() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let en = keystrokes(
        &b,
        &site.out().join("en"),
        &["refferal pathway", "interviewing victims", "consnet"],
    );
    check_speed("sample, English", en, 50.0);
    let ar = keystrokes(&b, &site.out().join("ar"), &["والمترجم", "بالموافقة"]);
    check_speed("sample, Arabic", ar, 50.0);
}

#[test]
fn each_keystroke_answers_quickly_on_a_thousand_chapters() {
    let Some(b) = browser::require() else { return };
    // The benchmark corpus (benches/build.rs), one language of it.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    for f in bench::generate(&root, 1000) {
        if !f.to_string_lossy().ends_with(".en.md") {
            std::fs::remove_file(f).unwrap();
        }
    }
    std::fs::write(
        root.join("site.yaml"),
        "title: Bench\ndefault_language: en\ndownload: false\nlanguages:\n  - { code: en, name: English }\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["build", "--quiet", "--source"])
        .arg(&root)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::metadata(out.join("en/search-index.js"))
        .unwrap()
        .len();
    eprintln!("1,000 chapters: index {:.1} MB", bytes as f64 / 1e6);
    let en = keystrokes(
        &b,
        &out.join("en"),
        &["referral safety", "consnet", "interviw practitioner"],
    );
    check_speed("1,000 chapters, English", en, 200.0);
}
