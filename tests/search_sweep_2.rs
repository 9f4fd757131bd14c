//! End-to-end, in headless Chromium from `file://`: judged queries from a
//! second sweep of search quality, on the `search-judged-2` fixture (short
//! guidance pages in English, French, Arabic and Swahili, some shown
//! untranslated): what a reader expects first, for queries as field
//! workers type them.

mod common;
use common::search_page::{Hit, found};
use common::{Site, browser};
use std::path::Path;

fn find(b: &Path, site: &Site, lang: &str, q: &str) -> (Vec<String>, bool, Vec<Hit>) {
    found(b, &site.out(), lang, q)
}

/// The fixture, built.
fn site() -> Site {
    let site = Site::fixture("search-judged-2");
    site.build_ok();
    site
}

/// Asserts that `q` in `lang` shows `first` first, as found (not as a
/// correction), and also finds each of `also`.
fn expect(b: &Path, site: &Site, lang: &str, q: &str, first: &str, also: &[&str]) {
    let (pages, fixed, hits) = find(b, site, lang, q);
    let want = |p: &str| format!("field/{p}.html");
    assert_eq!(pages.first(), Some(&want(first)), "{lang} `{q}`: {hits:#?}");
    for p in also {
        assert!(
            pages.contains(&want(p)),
            "{lang} `{q}` misses {p}: {hits:#?}"
        );
    }
    assert!(!fixed, "{lang} `{q}` is no misspelling: {hits:#?}");
}

/// A dotted acronym is one word, as typed without its dots: `UN` finds the
/// page that writes *U.N.*, `ONU` the one that writes *O.N.U.*, and `I.D.`
/// both *I.D. card* and *refugee ID*. Before, `UN` found nothing, `ONU`
/// was corrected to `ont`, and `I.D.` searched `d` alone (`i` is a
/// function word), missing the page that says *ID*.
#[test]
fn dotted_acronyms_are_one_word() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q, first, also) in [
        ("en", "UN", "trafficking", &[][..]),
        ("en", "U.N. agencies", "trafficking", &[]),
        ("en", "I.D.", "hotlines", &["trafficking"]),
        ("en", "ID card", "hotlines", &[]),
        ("fr", "ONU", "trafficking", &[]),
        ("fr", "onu", "trafficking", &[]),
    ] {
        expect(&b, &site, lang, q, first, also);
    }
}

/// Swahili nouns change their class prefix from singular to plural, not
/// their ending: `mvulana` finds the page that says *wavulana*, `mlezi`
/// *walezi* (not corrected to *malezi*), `vitambulisho` *kitambulisho*,
/// `vituo` *kituo*, `misaada` *msaada*, `watu` *mtu*. Before, `mvulana` and
/// `watu` found nothing, and the others were shown as misspellings
/// corrected ("Showing results for kitambulisho").
#[test]
fn swahili_singulars_and_plurals_find_each_other() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (q, first) in [
        ("mvulana", "children"),
        ("msichana", "children"),
        ("mlezi", "children"),
        ("vitambulisho", "hotlines"),
        ("vituo", "children"),
        ("misaada", "hotlines"),
        ("watu", "hotlines"),
        ("mtoto wavulana", "children"),
    ] {
        expect(&b, &site, "sw", q, first, &[]);
    }
    // English pages shown untranslated keep their words: `other` is not
    // `mother` without a prefix.
    let (pages, _, hits) = find(&b, &site, "sw", "other");
    assert_eq!(pages, ["field/trafficking.html"], "{hits:#?}");
}

/// Swahili writes the letter `ng'` with an apostrophe (`ng'ombe`, cattle),
/// which phones make hard to type: `ngombe` finds it as a word, as in
/// Hausa. Before, it found nothing (the site's words were `ng` and `ombe`).
#[test]
fn swahili_ng_apostrophe_is_one_word() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in ["ngombe", "ng'ombe", "ng’ombe"] {
        expect(&b, &site, "sw", q, "children", &[]);
    }
}

/// Text pasted from a PDF keeps its ligatures (`ﬁ`, `ﬂ`, `ﬃ`: one
/// character for two or three letters): `file` finds *ﬁle*, as written.
/// Before, `file`, `flag` and `confidential` found nothing there.
#[test]
fn ligatures_are_their_letters() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in ["file", "flag", "confidential", "affiliated", "case files"] {
        expect(&b, &site, "en", q, "records", &[]);
    }
}

/// A phone number is typed as one run of digits, the site writes it in
/// groups: `2348001234567`, `8001234567` and `08001234567` (with the trunk
/// 0) find the page that writes *+234 800 123 4567*, and `247` the one
/// open *24/7*. Before, the first three found nothing, and `247` was
/// corrected to `24`.
#[test]
fn a_number_typed_whole_finds_it_written_in_groups() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in [
        "2348001234567",
        "+2348001234567",
        "8001234567",
        "08001234567",
        "247",
        "helpline 8001234567",
    ] {
        expect(&b, &site, "en", q, "hotlines", &[]);
    }
    // A number the site does not write finds nothing.
    let (pages, _, hits) = find(&b, &site, "en", "9991234567");
    assert!(pages.is_empty(), "{hits:#?}");
}
