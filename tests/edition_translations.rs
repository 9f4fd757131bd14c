//! End-to-end: translation status and export in a local edition, for the
//! translations it shows from its base. A stale base translation is
//! compared with the source it was stamped against, kept in the base's
//! `translations/sources/`, so the edition reports what the base reports.
//!
//! The fixture `tests/fixtures/edition` holds `global/` (the base: en, fr,
//! ar) and `local/` (the Lakeland edition: en, fr).

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::edition::{Edition, run_in};

const INTRO_EN: &str = "global/guidance/guide/01-intro.en.md";
const INTRO_FR: &str = "global/guidance/guide/01-intro.fr.md";

/// The segment counts `status --lang fr` gives the page whose translation
/// is `file`, run in `site`.
fn segments(e: &Edition, site: &str, file: &str) -> serde_json::Value {
    let o = run_in(
        &e.site.path().join(site),
        &["status", "--lang", "fr", "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let pages = report["languages"][0]["pages"].as_array().unwrap();
    pages
        .iter()
        .find(|p| p["file"] == file)
        .unwrap_or_else(|| panic!("{file} not in {pages:?}"))["segments"]
        .clone()
}

/// The base's French translation of its intro, stamped, then its English
/// source changed in one block.
fn stale_base_translation() -> Edition {
    let e = Edition::new();
    let o = run_in(
        &e.site.path().join("global"),
        &["stamp", e.site.path().join(INTRO_FR).to_str().unwrap()],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let en = e.site.read(INTRO_EN);
    e.site
        .write(INTRO_EN, en.replace("for help.", "for help, day or night."));
    e
}

#[test]
fn a_stale_base_translation_counts_as_in_the_base() {
    let e = stale_base_translation();
    let base = segments(&e, "global", "guidance/guide/01-intro.fr.md");
    assert_eq!(
        base,
        serde_json::json!({"translated": 2, "changed": 1, "missing": 0})
    );
    let edition = segments(&e, "local", "../global/guidance/guide/01-intro.fr.md");
    assert_eq!(edition, base);
}

#[test]
fn an_edition_exports_a_stale_base_translations_unchanged_blocks_as_translated() {
    let e = stale_base_translation();
    let out = e.site.path().join("out");
    let o = run_in(
        &e.local(),
        &[
            "translate",
            "export",
            "--lang",
            "fr",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let po = out.join("guide.po");
    let changed = helpers::po_entry(&po, "01-intro/p1");
    assert!(changed.flags.iter().any(|f| f == "fuzzy"), "{changed:?}");
    assert_eq!(
        changed.previous_msgid.as_deref(),
        Some("Call {{hotline}} for help. The law is in [local law](03-local-law.md).")
    );
    let title = helpers::po_entry(&po, "01-intro/title");
    assert!(title.flags.is_empty(), "{title:?}");
    assert_eq!(title.msgstr.as_deref(), Some("Introduction"));
}
