//! End-to-end: a site moved from a Hugo-like layout (`tests/fixtures/
//! migration`: 39 files, 14 pages in English, French and Arabic) with the
//! defects real migrations bring: images never committed, bare e-mail
//! addresses and domains as links, links to removed pages, site-absolute
//! `/images/...` kept in `static/`, ordinary inline HTML, Hugo's `_index.md`
//! and front-matter keys (`weight`, `date`, `description`, `draft`), Word
//! leftovers (bullets, non-breaking spaces, a byte-order mark, CRLF lines).

mod common;
use common::{Site, broken_links, tree};
use std::collections::BTreeMap;

/// Defects that are errors (without `broken_links: warning`), at their place.
const ERRORS: &[&str] = &[
    // An image never committed.
    "guidance/water-points/01-why-water-points-fail.en.md:9:1",
    // A site-absolute image that is not in static/ either.
    "guidance/water-points/02-choosing-a-site.en.md:14:1",
    // A link to a removed page.
    "guidance/water-points/05-reporting.en.md:6:23",
    // An e-mail address without `mailto:`, a domain without `https://`.
    "guidance/water-points/06-contacts.en.md:13:14",
    "guidance/water-points/06-contacts.en.md:14:17",
    // The same in the Arabic page.
    "guidance/water-points/06-contacts.ar.md:9:13",
    "guidance/water-points/06-contacts.ar.md:10:1",
];

/// Warnings, in every branch, each at its place.
const WARNINGS: &[&str] = &[
    // Hugo's front-matter keys (`weight` and `description` are read).
    "guidance/water-points/02-choosing-a-site.en.md:3:1: warning: unknown front-matter key `date`",
    "guidance/water-points/04-water-committees.fr.md:4:1: warning: unknown front-matter key `date`",
    // Hugo's section pages.
    "guidance/water-points/03-maintenance/_index.md: warning: `_index.md` is Hugo's name for a folder's own page: read as this folder's index",
    "guidance/water-points/03-maintenance/_index.fr.md: warning: `_index.md` is Hugo's name for a folder's own page: read as this folder's index",
];

/// Every page: 14 in each language (the draft `04-games` is left out).
const PAGES: &[&str] = &[
    "water-points/index.html",
    "water-points/why-water-points-fail.html",
    "water-points/choosing-a-site.html",
    "water-points/maintenance/index.html",
    "water-points/maintenance/daily-checks.html",
    "water-points/maintenance/monthly-checks.html",
    "water-points/maintenance/spare-parts.html",
    "water-points/water-committees.html",
    "water-points/reporting.html",
    "water-points/contacts.html",
    "hygiene-sessions/index.html",
    "hygiene-sessions/before-the-session.html",
    "hygiene-sessions/running-the-session.html",
    "hygiene-sessions/after-the-session.html",
];

/// `check --format json`: each finding as `path:line:col: severity: message`,
/// or `path: severity: message` for the whole file (no line: `null`).
fn findings(site: &Site) -> (i32, Vec<String>) {
    let o = site.run(&["check", "--format", "json"]);
    let report: serde_json::Value =
        serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", o.stdout, o.stderr));
    let list = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let place = match (f["line"].as_u64(), f["column"].as_u64()) {
                (Some(line), Some(col)) => format!(":{line}:{col}"),
                _ => String::new(),
            };
            format!(
                "{}{place}: {}: {}",
                f["path"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    (o.code, list)
}

/// Findings by place (`path:line:col`).
fn by_place(list: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in list {
        let place = f.splitn(4, ':').take(3).collect::<Vec<_>>().join(":");
        out.entry(place).or_default().push(f.clone());
    }
    out
}

#[test]
fn without_broken_links_warning_every_defect_is_reported_once_at_its_line() {
    let site = Site::fixture("migration");
    let (code, list) = findings(&site);
    assert_eq!(code, 1, "{list:#?}");
    let places = by_place(&list);
    for e in ERRORS {
        let found = places.get(*e).map(Vec::as_slice).unwrap_or_default();
        assert_eq!(found.len(), 1, "{e}: {found:?}\n{list:#?}");
        assert!(found[0].contains(": error: "), "{found:?}");
    }
    for w in WARNINGS {
        assert_eq!(list.iter().filter(|f| f == w).count(), 1, "{w}\n{list:#?}");
    }
    // No other error: nothing about the layout, the front matter or the
    // model, only the link and image defects.
    for f in list.iter().filter(|f| f.contains(": error: ")) {
        let place = f.splitn(4, ':').take(3).collect::<Vec<_>>().join(":");
        assert!(ERRORS.contains(&place.as_str()), "unexpected: {f}");
    }
    // Nothing is written when the build fails.
    let o = site.build();
    assert_eq!(o.code, 1);
    assert!(!site.out().exists());
}

/// The fixture with every link and image defect fixed as the messages say.
fn repaired() -> Site {
    let site = Site::fixture("migration");
    let fix = |rel: &str, from: &str, to: &str| {
        let text = site.read(rel);
        assert!(text.contains(from), "{rel}: {from}");
        site.write(rel, text.replace(from, to));
    };
    let wp = "guidance/water-points";
    fix(
        &format!("{wp}/01-why-water-points-fail.en.md"),
        "images/broken-handle.jpg",
        "images/apron.png",
    );
    fix(
        &format!("{wp}/02-choosing-a-site.en.md"),
        "/images/district-map.png",
        "images/apron.png",
    );
    fix(
        &format!("{wp}/02-choosing-a-site.en.md"),
        "/images/pump-diagram.png",
        "images/apron.png",
    );
    fix(
        &format!("{wp}/02-choosing-a-site.fr.md"),
        "/images/pump-diagram.png",
        "images/apron.png",
    );
    fix(
        &format!("{wp}/05-reporting.en.md"),
        "07-survey-form.md",
        "06-contacts.md",
    );
    for lang in ["en", "ar"] {
        let rel = format!("{wp}/06-contacts.{lang}.md");
        fix(&rel, "](water-team@", "](mailto:water-team@");
    }
    fix(
        &format!("{wp}/06-contacts.ar.md"),
        "07-survey-form.md",
        "05-reporting.md",
    );
    fix(
        &format!("{wp}/06-contacts.en.md"),
        "](district-portal.",
        "](https://district-portal.",
    );
    fix(
        "guidance/hygiene-sessions/03-after-the-session.fr.md",
        "06-contacts.md#numéros-durgence",
        "06-contacts.md",
    );
    site
}

#[test]
fn once_its_links_are_fixed_every_page_is_published_in_every_language() {
    let site = repaired();
    let o = site.build_ok();
    for w in WARNINGS {
        assert_eq!(o.stderr.matches(w).count(), 1, "{w}\n{}", o.stderr);
    }
    for lang in ["en", "fr", "ar"] {
        for page in PAGES {
            let p = site.page(&format!("{lang}/{page}"));
            assert_eq!(p.attr("html", "lang"), lang);
            assert_eq!(
                p.attr("html", "dir"),
                if lang == "ar" { "rtl" } else { "ltr" }
            );
        }
    }
    // Nothing else: 14 pages, 2 print pages, a home and a search page.
    let files = tree(&site.out());
    for lang in ["en", "fr", "ar"] {
        let html = files
            .keys()
            .filter(|k| k.starts_with(&format!("{lang}/")) && k.ends_with(".html"))
            .count();
        assert_eq!(html, 14 + 2 + 2, "{lang}: {:?}", files.keys());
    }
    assert!(
        broken_links(&site.out()).is_empty(),
        "{:#?}",
        broken_links(&site.out())
    );
    // Hugo's `_index.md` is the part's page, in the languages it exists in.
    assert_eq!(
        site.page("en/water-points/maintenance/index.html")
            .text_of("article h1"),
        "Maintenance"
    );
    assert_eq!(
        site.page("fr/water-points/maintenance/index.html")
            .text_of("article h1"),
        "Entretien"
    );
    // Word's non-breaking spaces inside a title are the author's text, kept.
    assert_eq!(
        site.page("fr/water-points/water-committees.html")
            .text_of("article h1"),
        "Comités de l\u{2019}eau\u{a0}\u{2013} rôles"
    );
    // A byte-order mark and Windows line ends change nothing.
    assert_eq!(
        site.page("fr/water-points/reporting.html")
            .text_of("article h1"),
        "Signaler une panne"
    );
    assert_eq!(
        site.page("en/water-points/choosing-a-site.html")
            .select("article img")
            .len(),
        2
    );
    // Hugo's `draft: true` is a draft here too.
    assert!(!site.out().join("en/hygiene-sessions/games.html").exists());
}

/// `/images/...` from `static/`, GitHub anchors,
/// sanitised HTML and the hints for the usual mistakes.
#[test]
fn only_the_defects_are_errors_and_no_tag_is_shown() {
    let site = Site::fixture("migration");
    let (code, list) = findings(&site);
    assert_eq!(code, 1);
    let errors: Vec<String> = list
        .iter()
        .filter(|f| f.contains(": error: "))
        .map(|f| f.splitn(4, ':').take(3).collect::<Vec<_>>().join(":"))
        .collect();
    let mut expected: Vec<String> = ERRORS.iter().map(|e| e.to_string()).collect();
    expected.sort();
    let mut errors_sorted = errors.clone();
    errors_sorted.sort();
    assert_eq!(errors_sorted, expected, "{list:#?}");
    // Each defect once, with the hint for its usual mistake.
    for (place, hint) in [
        ("guidance/water-points/06-contacts.en.md:13:14", "mailto:"),
        ("guidance/water-points/06-contacts.en.md:14:17", "https://"),
    ] {
        let o = site.run(&["check"]);
        let at = o.stderr.find(place).unwrap_or_else(|| panic!("{place}"));
        assert!(
            o.stderr[at..].lines().take(6).any(|l| l.contains(hint)),
            "{place}: {hint}"
        );
    }
    // Ordinary inline HTML passes; Word bullets are explained, once each.
    assert!(
        !list.iter().any(|f| f.contains("raw HTML is shown as text")),
        "{list:#?}"
    );
    let bullets = list
        .iter()
        .filter(|f| f.starts_with("guidance/water-points/03-maintenance/01-daily-checks.en.md:"))
        .filter(|f| f.contains('•'))
        .count();
    assert!(bullets >= 1, "{list:#?}");
}

#[test]
fn with_broken_links_warning_every_page_is_published_and_no_tag_is_shown() {
    let site = Site::fixture("migration");
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    let o = site.build_ok();
    assert!(
        o.stderr
            .contains("5 broken links and 2 missing images published as text"),
        "{}",
        o.stderr
    );
    for e in ERRORS {
        assert_eq!(
            o.stderr.matches(&format!("{e}: warning: ")).count(),
            1,
            "{e}\n{}",
            o.stderr
        );
    }
    for lang in ["en", "fr", "ar"] {
        for page in PAGES {
            assert!(site.out().join(lang).join(page).is_file(), "{lang}/{page}");
        }
    }
    // The image kept in static/ is published once, linked relatively.
    assert!(site.out().join("images/pump-diagram.png").is_file());
    assert_eq!(
        site.page("en/water-points/choosing-a-site.html")
            .attr("article img", "src"),
        "../../images/pump-diagram.png"
    );
    for (path, bytes) in tree(&site.out()) {
        if !path.ends_with(".html") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for tag in [
            "&lt;br",
            "&lt;i&gt;",
            "&lt;sup",
            "&lt;sub",
            "&lt;span",
            "&lt;p&gt;",
            "&lt;a ",
            "&lt;details",
        ] {
            assert!(!text.contains(tag), "{path} shows {tag} to readers");
        }
    }
    assert!(
        broken_links(&site.out()).is_empty(),
        "{:#?}",
        broken_links(&site.out())
    );
    // `check` still fails on them.
    assert_eq!(site.run(&["check"]).code, 1);
}

/// Old corpora carry odd metadata too: with `broken_links: warning` a date
/// written `10/02/2026` and an unknown `{{value}}` in a translation are
/// warnings at their place, and the site is published (before, either
/// stopped the whole site). A date with a time, as Hugo writes it, is read.
#[test]
fn with_broken_links_warning_odd_dates_and_unknown_values_are_published() {
    let site = Site::fixture("migration");
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    let index = "guidance/water-points/index.en.md";
    site.write(
        index,
        site.read(index)
            .replace("reviewed: 2026-02-10", "reviewed: 10/02/2026"),
    );
    let pocket = "guidance/hygiene-sessions/index.en.md";
    let text = site.read(pocket);
    let text = text.replacen("---\n", "---\nreviewed: 2026-03-15T09:30:00+01:00\n", 1);
    site.write(pocket, text);
    let committees = "guidance/water-points/04-water-committees.fr.md";
    site.write(
        committees,
        format!("{}\nAppelez le {{{{hotlin}}}}.\n", site.read(committees)),
    );
    let o = site.build_ok();
    let warned = |at: &str, what: &str| {
        assert!(
            o.stderr.contains(&format!("{at}: warning: {what}")),
            "{at}\n{}",
            o.stderr
        )
    };
    warned(
        "guidance/water-points/index.en.md:6:11",
        "`reviewed` must be a date written YYYY-MM-DD",
    );
    let line = site.read(committees).lines().count();
    warned(
        &format!("{committees}:{line}:12"),
        "unknown value `{{hotlin}}`; shown as written, in braces",
    );
    assert!(
        !o.stderr.contains("hygiene-sessions/index.en.md"),
        "{}",
        o.stderr
    );
    // Published without the bad date; the date with a time shows its day.
    let water = site.page("en/water-points/print.html");
    assert!(
        water
            .select("dd")
            .iter()
            .all(|dd| !dd.text().any(|t| t.contains("2026")))
    );
    let hygiene = site.page("en/hygiene-sessions/print.html");
    assert!(
        hygiene
            .select("dd")
            .iter()
            .any(|dd| dd.text().collect::<String>() == "2026-03-15"),
        "{}",
        hygiene
            .select("dl")
            .first()
            .map(|d| d.html())
            .unwrap_or_default()
    );
    // The French page is published as French, the name as written.
    let page = site.page("fr/water-points/water-committees.html");
    assert_eq!(page.attr("html", "lang"), "fr");
    assert!(page.text_of("article").contains("Appelez le {{hotlin}}."));
    assert_eq!(site.run(&["check"]).code, 1);
}
