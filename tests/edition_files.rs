//! End-to-end: the files of a local edition that are not pages. The base's
//! files under `guidance/` that pages show, and its site-wide `static/`
//! folder, are published in the edition unless the edition has its own at
//! the same path; files no page uses stay private, and names that do not
//! work everywhere are errors, in the base as in the edition, each named
//! where it is.
//!
//! The fixture `tests/fixtures/edition` holds `global/` (the base) and
//! `local/` (the Lakeland edition); its base's chapter shows
//! `guide/images/flow.png`.

mod common;
use common::edition::Edition;

#[test]
fn the_base_files_pages_use_and_its_static_folder_are_published_under_the_editions_own() {
    let e = Edition::new();
    e.site.write("global/static/logo.png", "BASE-LOGO");
    e.site.write("global/static/brand/mark.png", "BASE-MARK");
    e.site.write("local/static/logo.png", "LOCAL-LOGO");
    e.site
        .write("global/guidance/guide/images/case-notes.docx", "private");
    e.build_ok();
    let public = |rel: &str| std::fs::read_to_string(e.local().join("public").join(rel)).unwrap();
    assert_eq!(public("logo.png"), "LOCAL-LOGO");
    assert_eq!(public("brand/mark.png"), "BASE-MARK");
    assert_eq!(public("en/guide/images/flow.png"), "PNG-EN");
    assert!(!e.exists("en/guide/images/case-notes.docx"));
    let o = e.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        report["not_published"],
        serde_json::json!(["../global/guidance/guide/images/case-notes.docx"])
    );
}

#[test]
fn a_name_that_does_not_work_everywhere_is_an_error_in_the_base_too() {
    let e = Edition::new();
    e.site.write("global/guidance/guide/images/con.png", "x");
    e.site.write("global/static/aux.png", "x");
    let o = e.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let places: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| l.contains("error: this name does not work on every system"))
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(
        places,
        [
            "../global/guidance/guide/images/con.png",
            "../global/static/aux.png"
        ]
    );
}
