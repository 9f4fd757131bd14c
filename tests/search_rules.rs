//! End-to-end: the rules written twice, in Rust (index time) and in
//! search.js (query time), give the same answers on the same cases: word
//! normalisation (`src/search/cases.tsv`), affix variants and groups
//! (`src/search/affix_cases.tsv`), and the Arabic word groups search.js
//! makes itself. Run in Chromium from `file://`, and in node where it is
//! installed.

mod common;
use common::{Site, browser};
use scraper::{Html, Selector};
use std::path::Path;

/// Runs `script` in Chromium from `file://`, in a page of `lang`'s folder
/// that has loaded the index and search.js; the script leaves its answer
/// in `out`. Scripts are files of the site, as a strict
/// Content-Security-Policy would want.
fn in_chromium(b: &Path, site: &Site, lang: &str, script: &str) -> serde_json::Value {
    let dir = site.out().join(lang);
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

/// Runs `script` in node, where it is installed (a quicker second opinion;
/// the Chromium tests cover search.js either way).
fn in_node(site: &Site, lang: &str, script: &str) -> Option<serde_json::Value> {
    let Ok(node) = std::process::Command::new("node").arg("--version").output() else {
        eprintln!("skipped: node is not installed (the Chromium test covers search.js)");
        return None;
    };
    assert!(node.status.success());
    let program = format!(
        "const fs = require('fs');
         const window = {{ document: {{ getElementById: () => null }} }};
         new Function('window', fs.readFileSync({index:?}, 'utf8') + fs.readFileSync({js:?}, 'utf8'))(window);
         let out; (function () {{ {script} }})();
         console.log(JSON.stringify(out));",
        index = site.out().join(format!("{lang}/search-index.js")),
        js = site.out().join("assets/search.js"),
    );
    let out = std::process::Command::new("node")
        .arg("-e")
        .arg(program)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

/// A script computing each of `inputs`' search terms, as `cases.tsv` has
/// them.
fn words_script(inputs: &[String]) -> String {
    let json = serde_json::to_string(inputs)
        .unwrap()
        .replace('<', "\\u003c");
    format!("out = {json}.map(function (s) {{ return window.fieldguideWords(s).join(' '); }});")
}

/// A script computing the affix variants and group of each word.
fn affix_script(inputs: &[String]) -> String {
    let json = serde_json::to_string(inputs)
        .unwrap()
        .replace('<', "\\u003c");
    format!(
        "var a = window.fieldguideAffix;
         out = {json}.map(function (s) {{
           var t = window.fieldguideWords(s)[0];
           return [a.variants(t).join(' '), a.group(t)];
         }});"
    )
}

/// Checks the answers of `words_script` and `affix_script` for `lang`:
/// English takes the normalisation cases of any language, the others
/// those of their own (Hausa: apostrophes between letters).
fn check_cases(
    runner: &str,
    lang: &str,
    run: &mut dyn FnMut(&str, &str) -> Option<serde_json::Value>,
) {
    let cases: Vec<(String, String, String)> = fieldguide::search::normalise::cases()
        .into_iter()
        // Cases for every language are run on the French index: English
        // and Hausa keep letters joined by an apostrophe in one word.
        .filter(|c| c.2 == lang || (c.2.is_empty() && lang == "fr"))
        .collect();
    if !cases.is_empty() {
        let inputs: Vec<String> = cases.iter().map(|c| c.0.clone()).collect();
        let Some(got) = run(lang, &words_script(&inputs)) else {
            return;
        };
        let got: Vec<String> = serde_json::from_value(got).unwrap();
        assert_eq!(got.len(), cases.len());
        for ((input, expected, _), got) in cases.iter().zip(&got) {
            assert_eq!(got, expected, "{runner}, {lang} input {input:?}");
        }
    }
    if fieldguide::search::affix::rules(lang).is_none() {
        assert!(!cases.is_empty(), "{lang}: no cases");
        return;
    }
    let cases: Vec<[String; 4]> = fieldguide::search::affix::cases()
        .into_iter()
        .filter(|c| c[0] == lang)
        .collect();
    assert!(cases.len() >= 10, "{lang}: {} affix cases", cases.len());
    let inputs: Vec<String> = cases.iter().map(|c| c[1].clone()).collect();
    let Some(got) = run(lang, &affix_script(&inputs)) else {
        return;
    };
    let got: Vec<(String, String)> = serde_json::from_value(got).unwrap();
    for ([_, word, group, variants], (v, g)) in cases.iter().zip(&got) {
        assert_eq!(v, variants, "{runner}, {lang} {word}: variants");
        if !group.is_empty() {
            assert_eq!(g, group, "{runner}, {lang} {word}: group");
        }
    }
}

#[test]
fn normalisation_and_affixes_in_node_match_the_shared_cases() {
    let site = Site::sample();
    site.build_ok();
    for lang in ["en", "fr", "ar", "ha"] {
        check_cases("node", lang, &mut |l, script| in_node(&site, l, script));
    }
    // Portuguese and Spanish, on a site that has them.
    let site = Site::fixture("search-sweep");
    site.build_ok();
    for lang in ["pt", "es"] {
        check_cases("node", lang, &mut |l, script| in_node(&site, l, script));
    }
    // Ukrainian and Swahili, whose groups the index carries, and Turkish.
    let site = Site::fixture("search-judged-17");
    site.build_ok();
    for lang in ["uk", "sw", "tr"] {
        check_cases("node", lang, &mut |l, script| in_node(&site, l, script));
    }
    // Persian and Somali, on a site that has them.
    let site = Site::fixture("search-judged-18");
    site.build_ok();
    for lang in ["fa", "so"] {
        check_cases("node", lang, &mut |l, script| in_node(&site, l, script));
    }
    // German, Italian and Polish.
    let site = Site::fixture("search-judged-20");
    site.build_ok();
    for lang in ["de", "it", "pl"] {
        check_cases("node", lang, &mut |l, script| in_node(&site, l, script));
    }
    // Russian and Urdu.
    let site = Site::fixture("search-judged-21");
    site.build_ok();
    for lang in ["ru", "ur"] {
        check_cases("node", lang, &mut |l, script| in_node(&site, l, script));
    }
    // Pashto and Amharic.
    let site = Site::fixture("search-judged-23");
    site.build_ok();
    for lang in ["ps", "am"] {
        check_cases("node", lang, &mut |l, script| in_node(&site, l, script));
    }
}

#[test]
fn normalisation_and_affixes_in_chromium_match_the_shared_cases() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    for lang in ["en", "fr", "ar", "ha"] {
        check_cases("Chromium", lang, &mut |l, script| {
            Some(in_chromium(&b, &site, l, script))
        });
    }
    let site = Site::fixture("search-sweep");
    site.build_ok();
    for lang in ["pt", "es"] {
        check_cases("Chromium", lang, &mut |l, script| {
            Some(in_chromium(&b, &site, l, script))
        });
    }
    let site = Site::fixture("search-judged-17");
    site.build_ok();
    for lang in ["uk", "sw", "tr"] {
        check_cases("Chromium", lang, &mut |l, script| {
            Some(in_chromium(&b, &site, l, script))
        });
    }
    let site = Site::fixture("search-judged-18");
    site.build_ok();
    for lang in ["fa", "so"] {
        check_cases("Chromium", lang, &mut |l, script| {
            Some(in_chromium(&b, &site, l, script))
        });
    }
    let site = Site::fixture("search-judged-20");
    site.build_ok();
    for lang in ["de", "it", "pl"] {
        check_cases("Chromium", lang, &mut |l, script| {
            Some(in_chromium(&b, &site, l, script))
        });
    }
    let site = Site::fixture("search-judged-21");
    site.build_ok();
    for lang in ["ru", "ur"] {
        check_cases("Chromium", lang, &mut |l, script| {
            Some(in_chromium(&b, &site, l, script))
        });
    }
    let site = Site::fixture("search-judged-23");
    site.build_ok();
    for lang in ["ps", "am"] {
        check_cases("Chromium", lang, &mut |l, script| {
            Some(in_chromium(&b, &site, l, script))
        });
    }
}

/// The head of a compound (German `pass`, *Reisepass*): search.js's
/// `head` answers as `affix::is_head` does, in node and Chromium, on words
/// it must find and words it must not (`offene` is not *Betroffene*, nor
/// `wort` *Passwort*: four letters before them; `pas`, three letters, not
/// *Reisepas*; no heads in French).
#[test]
fn compound_heads_in_the_browser_match_the_rust_rule() {
    let cases = [
        ("de", "reisepass", "pass"),
        ("de", "gruppenchat", "chat"),
        ("de", "einwilligungsformular", "formular"),
        ("de", "betroffene", "offene"),
        ("de", "passwort", "wort"),
        ("de", "reisepas", "pas"),
        ("de", "pass", "pass"),
        ("fr", "dossierchiffre", "chiffre"),
    ];
    let script = |lang: &str| {
        let mine: Vec<_> = cases.iter().filter(|c| c.0 == lang).collect();
        let pairs: Vec<[&str; 2]> = mine.iter().map(|c| [c.1, c.2]).collect();
        format!(
            "out = {}.map(function (c) {{ return !!window.fieldguideAffix.head(c[0], c[1]); }});",
            serde_json::to_string(&pairs).unwrap()
        )
    };
    let want = |lang: &str| -> serde_json::Value {
        let r = fieldguide::search::affix::rules(lang).unwrap();
        let got: Vec<bool> = cases
            .iter()
            .filter(|c| c.0 == lang)
            .map(|c| fieldguide::search::affix::is_head(c.1, c.2, r))
            .collect();
        serde_json::json!(got)
    };
    assert_eq!(
        want("de"),
        serde_json::json!([true, true, true, false, false, false, false])
    );
    let site = Site::fixture("search-judged-20");
    site.build_ok();
    for lang in ["de", "fr"] {
        if let Some(got) = in_node(&site, lang, &script(lang)) {
            assert_eq!(got, want(lang), "node, {lang}");
        }
    }
    let Some(b) = browser::require() else { return };
    for lang in ["de", "fr"] {
        assert_eq!(
            in_chromium(&b, &site, lang, &script(lang)),
            want(lang),
            "Chromium, {lang}"
        );
    }
}

#[test]
fn arabic_groups_made_in_chromium_match_the_rust_rules() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let got = in_chromium(&b, &site, "ar", "out = window.fieldguideGroups();");
    let rows: Vec<(String, Option<String>, String)> = serde_json::from_value(got).unwrap();
    assert!(rows.len() > 1000, "{} words", rows.len());
    let terms: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let carried: Vec<Option<String>> = rows.iter().map(|r| r.1.clone()).collect();
    let rules = fieldguide::search::affix::rules("ar").unwrap();
    let expected = fieldguide::search::affix::groups(&terms, &carried, rules);
    for (row, want) in rows.iter().zip(&expected) {
        assert_eq!(&row.2, want, "{}", row.0);
    }
    // The article and joined letters come off; English words of pages
    // shown from English keep their Snowball groups.
    let group_of = |t: &str| &rows.iter().find(|r| r.0 == t).unwrap().2;
    assert_eq!(group_of("المترجم"), "مترجم");
    assert_eq!(group_of("بمترجم"), "مترجم");
    assert_eq!(group_of("والاحاله"), "احال");
    assert_eq!(group_of("smuggling"), "smuggl");
    assert!(rows.iter().any(|r| r.1.is_some()));
}
