//! The bundled sample guidance: what every newcomer sees first.

mod common;
use common::{Site, broken_links};

/// A page (its slug) and the languages it is written in.
type Page = (&'static str, &'static [&'static str]);

/// Chapters (stems) of each publication, and the languages each exists in.
const EXPECTED: &[(&str, &[Page])] = &[
    (
        "identification-guidelines",
        &[
            ("index", &["en", "fr", "ar", "ha"]),
            ("who-is-at-risk", &["en", "fr"]),
            ("indicators", &["en", "fr"]),
            ("what-to-do", &["en", "fr"]),
            ("referral-pathways", &["en", "fr"]),
            ("trafficking-vs-smuggling", &["en", "fr"]),
        ],
    ),
    (
        "risk-checklist",
        &[
            ("index", &["en", "fr", "ar", "ha"]),
            ("before-an-activity", &["en", "fr"]),
            ("assessments-and-distributions", &["en", "fr"]),
            ("case-management", &["en", "fr"]),
            ("data-protection", &["en", "fr"]),
        ],
    ),
    (
        "pocket-guide",
        &[
            ("index", &["en", "fr", "ar", "ha"]),
            ("preparing", &["en", "fr", "ar", "ha"]),
            ("informed-consent", &["en", "fr", "ar", "ha"]),
            ("asking-questions", &["en", "fr", "ar"]),
            ("stopping-and-closing", &["en", "fr", "ar"]),
            ("needs-and-referral", &["en", "fr", "ar"]),
        ],
    ),
];

#[test]
fn sample_builds_without_warnings() {
    let site = Site::sample();
    let o = site.build_ok();
    assert!(o.stderr.contains("; 0 warnings"), "{}", o.stderr);
    assert!(!o.stderr.contains("warning:"), "{}", o.stderr);
}

#[test]
fn sample_has_expected_chapters_links_and_fallbacks() {
    let site = Site::sample();
    site.build_ok();
    let problems = broken_links(&site.out());
    assert!(problems.is_empty(), "{problems:#?}");
    for (publication, pages) in EXPECTED {
        for lang in ["en", "fr", "ar", "ha"] {
            // The chapter list of the publication page, in order.
            let index = site.page(&format!("{lang}/{publication}/index.html"));
            let listed: Vec<String> = index
                .select(".chapter-list > li > a")
                .iter()
                .map(|a| {
                    a.value()
                        .attr("href")
                        .unwrap()
                        .trim_end_matches(".html")
                        .to_string()
                })
                .collect();
            let expected: Vec<&str> = pages.iter().skip(1).map(|(s, _)| *s).collect();
            assert_eq!(listed, expected, "{lang}/{publication}");
            for (stem, langs) in *pages {
                let page = site.page(&format!("{lang}/{publication}/{stem}.html"));
                let translated = langs.contains(&lang);
                let notices = page.select(".notice-fallback").len();
                assert_eq!(
                    notices,
                    usize::from(!translated),
                    "{lang}/{publication}/{stem}: fallback notice"
                );
                let article_lang = page.attr("article", "lang");
                assert_eq!(
                    article_lang,
                    if translated { lang } else { "en" },
                    "{lang}/{publication}/{stem}"
                );
                assert_eq!(
                    page.attr("html", "dir"),
                    if lang == "ar" { "rtl" } else { "ltr" }
                );
            }
        }
    }
}

#[test]
fn sample_marks_itself_as_sample_content() {
    let site = Site::sample();
    site.build_ok();
    for (publication, _) in EXPECTED {
        for lang in ["en", "fr", "ar", "ha"] {
            let page = site.page(&format!("{lang}/{publication}/index.html"));
            assert!(
                !page.select(".content .callout-note").is_empty(),
                "{lang}/{publication}: no sample note"
            );
            let print = site.page(&format!("{lang}/{publication}/print.html"));
            assert_eq!(
                print.select(".cover-status.status-sample").len(),
                1,
                "{lang}/{publication}"
            );
        }
    }
}

#[test]
fn sample_exercises_every_markdown_feature() {
    let site = Site::sample();
    site.build_ok();
    let mut found = std::collections::BTreeSet::new();
    for file in common::html_files(&site.out().join("en")) {
        let rel = file
            .strip_prefix(site.out())
            .unwrap()
            .to_string_lossy()
            .to_string();
        if rel.ends_with("print.html") {
            continue;
        }
        let p = site.page(&rel);
        for (feature, css) in [
            ("table", ".content table"),
            ("footnote", ".content .footnotes"),
            ("task list", ".content input.task"),
            ("strikethrough", ".content del"),
            ("warning", ".content .callout-warning"),
            ("note", ".content .callout-note"),
            ("tip", ".content .callout-tip"),
            ("important", ".content .callout-important"),
            ("caution", ".content .callout-caution"),
            ("image", ".content img[alt]"),
            (
                "cross-publication anchor",
                ".content a[href^='../'][href*='#']",
            ),
        ] {
            if !p.select(css).is_empty() {
                found.insert(feature);
            }
        }
    }
    assert_eq!(found.len(), 11, "missing features; found {found:?}");
}
