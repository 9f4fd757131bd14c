//! End-to-end: a local edition's adapted page whose base page the global
//! team renamed or removed. It replaces nothing any more (both pages are
//! published), so `check` warns at its `adapts:` line, naming the base file
//! that looks like its page renamed, and `status` lists it.
//!
//! The fixture `tests/fixtures/edition` holds `global/` (the base) and
//! `local/` (the Lakeland edition), which replaces `guide/02-contacts.en.md`.

mod common;
use common::edition::Edition;

const PAGE: &str = "guidance/guide/02-contacts.en.md";

/// The edition with its page stamped (`adapts:` on line 3), and the base's
/// page under another name (`to`), or gone (`None`).
fn base_renamed(to: Option<&str>) -> Edition {
    let e = Edition::new();
    let o = e.run(&["stamp", e.local().join(PAGE).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(e.site.read(&format!("local/{PAGE}")).contains("\nadapts: "));
    for lang in ["en", "fr"] {
        let old = format!("global/guidance/guide/02-contacts.{lang}.md");
        let text = e.site.read(&old);
        e.site.remove(&old);
        if let Some(to) = to {
            e.site
                .write(&format!("global/guidance/guide/{to}.{lang}.md"), text);
        }
    }
    e
}

#[test]
fn an_adapted_page_whose_base_page_was_renamed_is_warned_about_at_its_adapts_line() {
    // Renamed without a change: found by its content.
    let e = base_renamed(Some("07-phone-numbers"));
    let o = e.run(&["check"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let head = format!(
        "{PAGE}:3:1: warning: this page adapts the base's page `guide/02-contacts`, which the base no longer has; `../global/guidance/guide/07-phone-numbers.en.md` looks like it, renamed"
    );
    assert!(o.stderr.lines().any(|l| l == head), "{}", o.stderr);
    assert!(
        o.stderr
            .contains("rename this file (and its other languages) to `07-phone-numbers.en.md`"),
        "{}",
        o.stderr
    );
    let o = e.run(&["status", "--strict"]);
    assert_eq!(o.code, 1, "{}", o.stdout);
    let heading = o
        .stdout
        .lines()
        .position(|l| l == "adapted pages whose base page is gone")
        .unwrap_or_else(|| panic!("{}", o.stdout));
    assert_eq!(
        o.stdout.lines().nth(heading + 1),
        Some(
            "  guidance/guide/02-contacts.en.md  (../global/guidance/guide/07-phone-numbers.en.md looks like it, renamed: rename this file to 07-phone-numbers.en.md, or remove `adapts:` if it is now a page of its own)"
        )
    );
}

#[test]
fn a_renamed_and_edited_base_page_is_found_by_its_number() {
    let e = base_renamed(Some("02-phones"));
    e.site.write(
        "global/guidance/guide/02-phones.en.md",
        "---\ntitle: Phones\n---\n\nThe global phone numbers.\n",
    );
    let o = e.run(&["status", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        report["adapted_base_gone"],
        serde_json::json!([{
            "file": PAGE,
            "renamed": "../global/guidance/guide/02-phones.en.md",
            "rename_to": "02-phones.en.md"
        }])
    );
}

#[test]
fn an_adapted_page_whose_base_page_was_removed_is_told_what_to_do() {
    let e = base_renamed(None);
    let o = e.run(&["check"]);
    let head = format!(
        "{PAGE}:3:1: warning: this page adapts the base's page `guide/02-contacts`, which the base no longer has"
    );
    assert!(o.stderr.lines().any(|l| l == head), "{}", o.stderr);
    assert!(
        o.stderr
            .contains("if this is now a page of its own, remove the `adapts:` line"),
        "{}",
        o.stderr
    );
    // A page that adapts nothing is not reported while its base page is there.
    let e = Edition::new();
    let o = e.run(&["check"]);
    assert!(!o.stderr.contains("adapts the base's page"), "{}", o.stderr);
}
