//! End-to-end: the translator round trip, seventeenth sweep.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use helpers::{export_one, import, po_entry, set_msgstr};

const SITE: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n";

/// Before, a file imported just as it was exported failed (exit 1) when
/// a fuzzy suggestion held a link its source block does not (a
/// translator who added a link by hand): a suggestion left fuzzy is not
/// written, yet it was checked as if confirmed, and its page refused.
/// Now only what a translator confirms is checked: the untouched file
/// imports without an error, and confirming the suggestion names the
/// link.
#[test]
fn a_suggestion_left_fuzzy_is_not_checked_until_confirmed() {
    let en = "---\ntitle: Steps\n---\n\nSee [the guidelines](other.md).\n\nAsk before you share.\n";
    let fr = "---\ntitle: Étapes\n---\n\nVoir les [lignes directrices](other.md) et le [circuit](other.md#flow).\n\nDemandez avant de partager.\n";
    let site = helpers::one_page_site(SITE, en, fr);
    site.write(
        "guidance/pub/other.en.md",
        "---\ntitle: Other\n---\n\n## Flow {#flow}\n\nText.\n",
    );
    site.write(
        "guidance/pub/index.en.md",
        en.replace("Ask before", "Always ask before"),
    );
    std::fs::remove_dir_all(site.path().join("translations/sources")).unwrap();
    let (_dir, po) = export_one(&site, "po");
    let key = "index/p1";
    assert!(po_entry(&po, key).flags.iter().any(|f| f == "fuzzy"));

    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("error"), "{}", o.stderr);

    let text = po_entry(&po, key).msgstr.unwrap();
    set_msgstr(&po, key, &text);
    let o = import(&site, &[po]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("other.md#flow"), "{}", o.stderr);
}
