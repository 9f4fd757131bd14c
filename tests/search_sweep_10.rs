//! End-to-end, in headless Chromium from `file://`: judged queries from a
//! tenth sweep of search quality, on the `search-judged-10` fixture
//! (sample guidance for protection staff, labour inspectors and border
//! officials in English, French, Spanish, Portuguese, Arabic, Hausa and
//! Russian, written for these tests): the abbreviations field staff type
//! for words the guidance writes out.

mod common;
use common::search_page::{expect, find, judged_site};
use common::{Site, browser};

/// The fixture, built.
fn site() -> Site {
    judged_site("search-judged-10")
}

/// Queries a reader would type, each with the page they would pick first
/// (every one was judged, and found so, before this sweep's changes): they
/// keep it first, every word found.
#[test]
fn a_field_workers_query_finds_the_page_about_it_first() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q, first) in [
        ("en", "lost ID", "identity"),
        ("en", "IDs", "identity"),
        ("en", "birth cert", "identity"),
        ("en", "₦5000", "identity"),
        ("en", "separated kids", "children"),
        ("en", "under-18s", "children"),
        ("en", "48hrs/week", "labour"),
        ("en", "payslips", "labour"),
        ("en", "min wage", "labour"),
        ("en", "20kg", "labour"),
        ("en", "nonrefoulement", "border"),
        ("en", "72hrs", "health"),
        ("en", "psycho-social support", "health"),
        ("en", "$25", "cash"),
        ("en", "evouchers", "cash"),
        ("en", "woman-headed households", "cash"),
        ("fr", "carte didentite", "identity"),
        ("fr", "enfants separes", "children"),
        ("fr", "48h par semaine", "labour"),
        ("fr", "OIT", "labour"),
        ("fr", "interet superieur de l'enfant", "children"),
        ("es", "cedula", "identity"),
        ("es", "ninos separados", "children"),
        ("es", "edad minima 15 años", "labour"),
        ("es", "dinero movil", "cash"),
        ("pt", "certidao de nascimento", "identity"),
        ("pt", "criancas desacompanhadas", "children"),
        ("pt", "contracepcao", "health"),
        ("ar", "شهاده الميلاد", "identity"),
        ("ar", "اطفال غير مصحوبين", "children"),
        ("ar", "٤٨ ساعة", "labour"),
        ("ar", "الاعادة القسرية", "border"),
        ("ha", "katin dan kasa", "identity"),
        ("ha", "saoi 48", "labour"),
        ("ha", "maaikata", "labour"),
        ("ha", "lafiyar kwakwalwa", "health"),
        ("ru", "ЗАГС", "identity"),
        ("ru", "свидетельства о рождении", "identity"),
        ("ru", "разлученные дети", "children"),
        ("ru", "48ч", "labour"),
        ("ru", "просители убежища", "border"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}

/// An acronym for words the guidance writes out in full finds them: `PEP`
/// the page on *post-exposure prophylaxis*, `DOB` the one that asks for
/// the *date of birth*, `FTR` *family tracing and reunification* (a
/// function word between skipped), `UASC` *unaccompanied and separated
/// children* (one counted), `CNI` *carte nationale d'identité*. Typed in
/// capitals, it is read so before a misspelling; in small letters, where
/// no word of the site is one letter away (`mhpss`). Before, most found
/// nothing, and `DOB`, `FTR`, `CNI`, `DNI` and `IST` were shown as
/// misspellings of *do*, *for*, *ni* and *is*.
#[test]
fn an_acronym_finds_the_words_the_site_writes_out() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q, first) in [
        ("en", "PEP", "health"),
        ("en", "PFA", "health"),
        ("en", "MHPSS", "health"),
        ("en", "STIs", "health"),
        ("en", "DOB", "identity"),
        ("en", "D.O.B.", "identity"),
        ("en", "mhpss", "health"),
        ("en", "UASC", "children"),
        ("en", "FTR", "children"),
        ("en", "BIA", "children"),
        ("en", "RSD", "border"),
        ("en", "PEP within 72 hours", "health"),
        ("fr", "CNI", "identity"),
        ("fr", "IST", "health"),
        ("es", "DNI", "identity"),
        ("pt", "BI", "identity"),
    ] {
        expect(&b, &site, lang, q, first);
    }
    let (_, _, hits) = find(&b, &site, "en", "PEP");
    assert!(
        hits[0].marks.iter().any(|m| m == "prophylaxis"),
        "the words are marked: {hits:#?}"
    );
    // A misspelling is still one.
    let (found, fixed, hits) = find(&b, &site, "en", "pasport");
    assert_eq!(found[0], "field/identity.html", "{hits:#?}");
    assert!(fixed, "{hits:#?}");
}

/// The ILO, HIV and STIs as the reader's other language writes them:
/// `ILO` finds the French page on the *OIT* (and `BIT`, its office), the
/// Russian one on the *МОТ*; `HIV` finds the French and Portuguese pages
/// that say *VIH*; `OIT` finds the English page on the *ILO*. Before, each
/// found nothing.
#[test]
fn an_agencys_acronym_as_another_language_writes_it() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q, first) in [
        ("fr", "ILO", "labour"),
        ("fr", "HIV", "health"),
        ("es", "ILO", "labour"),
        ("pt", "ILO", "labour"),
        ("pt", "HIV", "health"),
        ("ru", "ILO", "labour"),
        ("en", "OIT", "labour"),
        ("en", "VIH", "health"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}

/// Units as field notes write them (`15 yrs`, `15yrs`, `48hrs/wk`,
/// `20 kilos` for the page's *kg*), and `minor` and `orphanage` for the
/// page's *child* and *children's home*: every word found. Before, `yrs`,
/// `wk`, `kilos` and `minor` were left unfound ("Words matched: 1 of 2"),
/// and `15yrs` and `orphanage` found nothing.
#[test]
fn units_and_words_field_notes_use() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q, first) in [
        ("en", "15 yrs", "labour"),
        ("en", "15yrs", "labour"),
        ("en", "48hrs/wk", "labour"),
        ("en", "20 kilos", "labour"),
        ("en", "unaccompanied minor", "children"),
        ("en", "unaccompanied minors", "children"),
        ("en", "orphanage", "children"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}

/// A Brazilian word on a European Portuguese page (`estupro`, the page's
/// *violação*): found as a word. Before, it found nothing.
#[test]
fn a_brazilian_word_on_a_european_portuguese_page() {
    let Some(b) = browser::require() else { return };
    let site = site();
    expect(&b, &site, "pt", "estupro", "health");
    expect(&b, &site, "pt", "estupro 72 horas", "health");
}
