//! End-to-end, in headless Chromium from `file://`: judged queries from a
//! fifth sweep of search quality, on the `search-judged-5` fixture (short
//! sample pages in eight languages, written for these tests): questions
//! typed as asked, word forms a stemmer keeps apart, and numbers typed in
//! another format than the page's.

mod common;
use common::search_page::{expect, find, judged_site};
use common::{Site, browser};

/// The fixture, built.
fn site() -> Site {
    judged_site("search-judged-5")
}

/// A question typed as asked: its question words and modal verbs (`¿Qué
/// debo hacer…?`, `que dois-je faire`, `Je … nini?`, `почему нужно`,
/// `yaya zan`, `لماذا`, `what must I do if`) are function words like `how`
/// and `can`. Before, each was a word the page lacked: `¿Cómo puedo derivar
/// a un niño?` showed "Words matched: 2 of 3"; `¿Qué debo hacer con una
/// llamada?`, `je ridhaa inahitajika`, `почему нужно согласие` and `what
/// must I do if a child calls the helpline` found nothing; `¿Hay una línea
/// de ayuda?` showed "results for *may*" (a word of an English page), and
/// `ridhaa ni nini` "results for *nani*" (Swahili "who" for "what"); and
/// `must`, `should` (`يجب`, `lazima`, `dole`, `должен`, `tengo que`,
/// `tenho que`) left "Words matched: 2 of 3".
#[test]
fn question_words_and_modals_are_function_words() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q, first) in [
        ("es", "¿Cómo puedo derivar a un niño?", "referral"),
        ("es", "¿Qué debo hacer con una llamada?", "referral"),
        ("es", "¿Hay una línea de ayuda?", "referral"),
        ("es", "¿Quién guarda la lista?", "referral"),
        (
            "fr",
            "que dois-je faire pour orienter un enfant",
            "referral",
        ),
        ("fr", "quand faut-il demander le consentement", "consent"),
        ("fr", "pourquoi demander le consentement", "consent"),
        ("pt", "como posso encaminhar uma criança?", "referral"),
        (
            "pt",
            "o que devo fazer para encaminhar uma criança",
            "referral",
        ),
        ("sw", "ridhaa ni nini", "consent"),
        ("sw", "je ridhaa inahitajika", "consent"),
        ("ar", "لماذا الموافقة", "consent"),
        ("ar", "كيف يمكنني إحالة طفل", "referral"),
        ("ru", "Как мне направить ребёнка?", "referral"),
        ("ru", "почему нужно согласие", "consent"),
        ("ha", "yaya zan tura yaro", "referral"),
        ("ha", "yaya ake tura yaro", "referral"),
        ("ar", "هل يجب طلب الموافقة", "consent"),
        ("sw", "je lazima kuomba ridhaa", "consent"),
        ("ha", "dole ne a nemi izini", "consent"),
        ("ru", "должен ли я спросить согласие", "consent"),
        ("es", "¿Tengo que llamar a la familia?", "referral"),
        ("pt", "tenho que encaminhar uma criança", "referral"),
        ("en", "could I send the form by e-mail", "referral"),
        (
            "en",
            "what would the NGO do with the referral form",
            "referral",
        ),
    ] {
        let (pages, fixed, hits) = find(&b, &site, lang, q);
        let want = format!("field/{first}.html");
        assert_eq!(pages.first(), Some(&want), "{lang} `{q}`: {hits:#?}");
        assert!(!fixed, "{lang} `{q}`: {hits:#?}");
        // Every word left is on the page, but for `inahitajika` (is it
        // needed), which no page has.
        if q != "je ridhaa inahitajika" {
            assert!(hits[0].partial.is_none(), "{lang} `{q}`: {hits:#?}");
        }
    }
    // Still shown, with the words of the page: `calls` is on no page.
    let (pages, _, hits) = find(
        &b,
        &site,
        "en",
        "what must I do if a child calls the helpline",
    );
    assert_eq!(
        pages.first().map(String::as_str),
        Some("field/referral.html")
    );
    assert_eq!(hits[0].partial.as_deref(), Some("Words matched: 2 of 3"));
}

/// An Arabic noun in the indefinite accusative, written with its alif
/// (`طفلاً`, typed `طفلا`: "a child", as in `كيف أحيل طفلا`): found as the
/// word `طفل` of the page. Before, it was shown as a misspelling ("Showing
/// results for طفل").
#[test]
fn an_arabic_accusative_alif_is_an_ending() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in ["طفلا", "طفلاً"] {
        expect(&b, &site, "ar", q, "referral");
    }
}

/// A Russian adjective or participle in `-нн-` typed in another case than
/// the page's: `электронная почта` finds *электронной почте*,
/// `информированного согласия` *Информированное согласие*, as words.
/// Snowball writes their group with one `н` (`электрон`) or, after a
/// participle's `а`, none (`информирова`), which taking off the ending
/// alone (`электронн`) did not reach: each was shown as a misspelling.
#[test]
fn a_russian_adjective_in_nn_finds_its_other_cases() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in ["электронная почта", "электронную почту", "ЭЛЕКТРОННЫЙ"]
    {
        expect(&b, &site, "ru", q, "referral");
    }
    for q in ["информированного согласия", "информированный"]
    {
        expect(&b, &site, "ru", q, "consent");
    }
}

/// A Swahili verb typed without its infinitive `ku-`, or without the
/// object `m-` after it: `peleka` and `kupeleka mtoto` find the page that
/// says *Kumpeleka mtoto*, and `kuwapeleka watoto` finds it too, as words.
/// Before, `peleka` found nothing and `kupeleka` was shown as a misspelling
/// of *kumpeleka*. Not where fewer than four letters remain: `kubwa` (big)
/// does not find *mbwa* (dog).
#[test]
fn a_swahili_verb_without_its_infinitive_prefix() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in ["peleka", "kupeleka mtoto", "kuwapeleka watoto", "PELEKA"] {
        expect(&b, &site, "sw", q, "referral");
    }
    expect(&b, &site, "sw", "omba ridhaa", "consent");
    let (pages, _, hits) = find(&b, &site, "sw", "kubwa");
    assert!(pages.is_empty(), "{hits:#?}");
}

/// A phone number typed in other groups than the page's: `0722 000 000`
/// (national, trunk 0) finds *+254 722 000 000*, and `+33 1 23 45 67 89`,
/// `+33123456789` or `0033123456789` (international) find *01 23 45 67
/// 89*. Before, `0722 000 000` showed "Words matched: 1 of 2" (`0722` is
/// no group of the page), `+33 1 23 45 67 89` "5 of 6", and `+33123456789`
/// nothing. Groups that are each found stay apart (`1 500`).
#[test]
fn a_phone_number_typed_in_other_groups() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in ["0722 000 000", "0722-000-000", "(0722) 000000"] {
        expect(&b, &site, "en", q, "cash");
    }
    for q in [
        "+33 1 23 45 67 89",
        "+33123456789",
        "0033123456789",
        "0033 1 23 45 67 89",
        "1 500",
    ] {
        expect(&b, &site, "fr", q, "cash");
    }
    // A number that is no page's, in groups or not, finds nothing.
    for q in ["0733 000 000", "+33 9 99 99 99 99"] {
        let (pages, _, hits) = find(&b, &site, "fr", q);
        assert!(pages.is_empty(), "`{q}`: {hits:#?}");
    }
}

/// Arabic copied from a PDF, in presentation forms (`ﺍﻟﻤﻮﺍﻓﻘﺔ`, each
/// letter in its joined shape): found as the letters it shows
/// (*الموافقة*), as words. Before, such a query found nothing.
#[test]
fn arabic_pasted_in_presentation_forms() {
    let Some(b) = browser::require() else { return };
    let site = site();
    expect(&b, &site, "ar", "ﺍﻟﻤﻮﺍﻓﻘﺔ", "consent");
    expect(&b, &site, "ar", "ﺇﺣﺎﻟﺔ ﻃﻔﻞ", "referral");
}

/// A number typed joined to its unit (`72h`, `72hours`), where the page
/// writes them apart (*72 hours*, *72 h*): found as the two words next to
/// each other. Before, `72h` (three letters, too short to be cut in two)
/// was corrected: in English to *722* of a phone number on another page
/// ("Showing results for 722"), in French to *72*.
#[test]
fn a_number_typed_with_its_unit() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in ["72h", "72H", "72hours", "rape 72h"] {
        expect(&b, &site, "en", q, "referral");
    }
    expect(&b, &site, "fr", "72h", "referral");
    // A number alone is still never corrected, nor cut (`116`).
    let (pages, fixed, hits) = find(&b, &site, "en", "116");
    assert!(pages.is_empty() && !fixed, "{hits:#?}");
}

/// `referral`, which Snowball keeps apart from `refer` (`referr`), is one
/// group with it where the site has both: `referral` finds the chapter
/// *Referring a child* first, by its title, before the publication whose
/// title says *referral*. Before, that chapter came second, found only for
/// the *referral form* of its text.
#[test]
fn referral_finds_referring() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for q in ["referral", "referrals", "Referral"] {
        expect(&b, &site, "en", q, "referral");
        let (_, _, hits) = find(&b, &site, "en", q);
        assert!(hits[0].title_marked, "`{q}`: {hits:#?}");
    }
}
