//! End-to-end: things that used to happen silently now warn: a site title
//! map without one of the site's languages, two chapters with the same
//! number.

mod common;
use common::Site;

#[test]
fn a_title_map_without_a_language_warns_at_the_title() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write("site.yaml", yaml.replace("  ar: دليل الاختبار\n", ""));
    let o = site.run(&["check"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("site.yaml:2:3: warning: the site title has no entry for `ar`: pages in that language show the `en` title"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("0 errors, 1 warning"), "{}", o.stderr);
    // A plain title is every language's title: nothing to say.
    site.write(
        "site.yaml",
        yaml.replace(
            "title:\n  en: Test guidance\n  fr: Guide de test\n  ar: دليل الاختبار\n",
            "title: Test guidance\n",
        ),
    );
    let o = site.run(&["check"]);
    assert!(o.stderr.contains("0 errors, 0 warnings"), "{}", o.stderr);
}

#[test]
fn two_chapters_with_the_same_number_warn() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/02-more.en.md",
        "---\ntitle: More\n---\n\nMore signs.\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr.contains("guidance/handbook/02-signs.en.md: warning: this page and `02-more.en.md` have the same order (2): they are ordered by name, `more` first"),
        "{}",
        o.stderr
    );
    assert_eq!(o.stderr.matches("same order").count(), 1, "{}", o.stderr);
    let nav: Vec<String> = site
        .page("en/handbook/more.html")
        .select(".pub-nav li > a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(nav, ["Introduction", "More", "Signs", "Referral"]);
    // `order:` settles it.
    site.write(
        "guidance/handbook/02-more.en.md",
        "---\ntitle: More\norder: 5\n---\n\nMore signs.\n",
    );
    let o = site.build_ok();
    assert!(!o.stderr.contains("same order"), "{}", o.stderr);
}

/// A source page with a front-matter error gets that error, and nothing
/// false about it: not "the publication has no index", not "the source is
/// gone" for each of its translations.
#[test]
fn a_broken_source_page_gets_its_error_and_no_cascade() {
    let site = Site::fixture("basic");
    let index = site.read("guidance/handbook/index.en.md");
    site.write(
        "guidance/handbook/index.en.md",
        index.replace("reviewed: 2026-10-01", "reviewed: 2026-02-30"),
    );
    let intro = site.read("guidance/handbook/01-intro.en.md");
    site.write(
        "guidance/handbook/01-intro.en.md",
        intro.replacen("---\n", "---\ntitle: [unclosed\n", 1),
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let problems: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .collect();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0]
            .starts_with("guidance/handbook/01-intro.en.md:2:8: error: invalid front matter"),
        "{problems:#?}"
    );
    assert!(
        problems[1].starts_with(
            "guidance/handbook/index.en.md:6:11: error: `reviewed` must be a day that exists"
        ),
        "{problems:#?}"
    );
}

/// `broken_links: warning`: a source page whose front matter cannot be
/// read is left out with a warning, not the whole site: its translation
/// takes its place (marked as a fallback), links to a page with none are
/// published as their text, and `--strict` still fails.
#[test]
fn a_broken_source_page_is_left_out_of_a_site_published_with_known_defects() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    site.write(
        "guidance/handbook/01-intro.en.md",
        "---\ntitle: Introduction\n\tsummary: tab\n---\n\nText.\n",
    );
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: [Signs\n---\n\n## Physical signs {#physical-signs}\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr
            .contains("guidance/handbook/01-intro.en.md:3:1: warning: invalid front matter: a tab"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("this page is not published until it is fixed"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("guidance/handbook/index.en.md:9:61: warning: link to `02-signs.md#physical-signs`, a page left out until its errors are fixed; published as its text"),
        "{}",
        o.stderr
    );
    // English readers get the French introduction, marked as such.
    let intro = site.page("en/handbook/intro.html");
    assert_eq!(intro.attr("article", "lang"), "fr");
    assert!(!site.out().join("en/handbook/signs.html").exists());
    let home = site.page("en/handbook/index.html");
    assert!(home.select("a[href*='signs']").is_empty());
    assert_eq!(site.run(&["build", "--strict"]).code, 1);
}

/// An old site's broken links and missing images fail the build, as they
/// should by default; the failure now says which setting publishes such a
/// site anyway. Before, it said only "build failed: 3 errors", and an
/// author moving a real corpus had to find `broken_links` in README.
#[test]
fn a_failed_build_with_broken_links_names_the_setting_that_publishes_it() {
    let site = Site::signs_with(
        "See [the old page](old-page.md), [the list](#no-such-list) and ![the map](images/map.png).\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("build failed: 3 errors, 0 warnings; nothing was written"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("  the errors include 2 broken links and 1 missing image: with `broken_links: warning` in site.yaml the site is published anyway"),
        "{}",
        o.stderr
    );
    // With the setting, it is; a failure for another reason says nothing of it.
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    site.build_ok();
    site.write("static/evil.html", "<script>alert(1)</script>");
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(!o.stderr.contains("the errors include"), "{}", o.stderr);
}
