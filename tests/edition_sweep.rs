//! End-to-end: a sweep of local editions as a country office uses them,
//! each test a defect found and fixed (see `editions.rs` for the basics).

mod common;
use common::edition::Edition;

/// A link from the edition's own page to a page the edition omits is the
/// edition's broken link (an error, as any broken link), not a base page's
/// link it cannot fix (a warning telling it to adapt the page).
#[test]
fn an_editions_own_link_to_a_page_it_omits_is_its_broken_link() {
    let e = Edition::new();
    e.site.write(
        "local/guidance/guide/05-local-services.en.md",
        "---\ntitle: Local services\n---\n\nSee [law](03-local-law.md).\n",
    );
    let o = e.run(&["build"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let line = o
        .stderr
        .lines()
        .find(|l| l.starts_with("guidance/guide/05-local-services.en.md:5:5: "))
        .unwrap_or_else(|| panic!("{}", o.stderr));
    assert_eq!(
        line,
        "guidance/guide/05-local-services.en.md:5:5: error: link to `03-local-law.md`, which this edition omits"
    );
    assert!(
        o.stderr
            .contains("hint: remove the link, or publish the page: take `omit: true` out of guidance/guide/03-local-law.md"),
        "{}",
        o.stderr
    );
    // The base's own link to it stays a warning.
    assert!(o.stderr.contains(
        "../global/guidance/guide/01-intro.en.md:5:42: warning: link to `03-local-law.md`, which this edition omits"
    ));
}

/// A warning in the base's site.yaml (a misspelled key: the option it meant
/// is lost in the edition too) is shown by the edition's build, at the
/// base's file, as the base's errors are.
#[test]
fn the_bases_site_yaml_warnings_show_in_the_editions_build() {
    let e = Edition::new();
    let yaml = std::fs::read_to_string(e.site.path().join("global/site.yaml")).unwrap();
    e.site
        .write("global/site.yaml", format!("{yaml}broken_link: warning\n"));
    let o = e.build_ok();
    assert!(
        o.stderr
            .contains("../global/site.yaml:10:1: warning: unknown key `broken_link` in site.yaml"),
        "{}",
        o.stderr
    );
}
