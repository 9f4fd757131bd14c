//! End-to-end, in headless Chromium from `file://`: what a fourteenth
//! sweep of search found (word forms of Arabic, Hausa, Russian, Spanish
//! and Portuguese; acronyms typed in capitals; abbreviations in snippets).

mod common;
use common::browser;
use common::search_page::{field_pages as pages, find, judged_site};

/// Arabic joins a possessive pronoun to its noun, and a taa marbuta
/// becomes `ت` before it: the safety warning says *سلامتك* (your safety),
/// the interview question *أسرتك* (your family), *سفرك* (your travel).
/// Searching the noun missed them. Plurals of nouns ending in `ي`
/// (`الناجيات`, women survivors) fell in a group of their own; `المرأة`
/// (the woman) was the start of `المراهق` (the adolescent); and `سوال`,
/// typed without the hamza as phones type it, was a misspelling.
#[test]
fn arabic_words_are_found_in_the_forms_pages_write() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-14");
    for (q, want) in [
        ("السلامة", "visit"),
        ("الأسرة", "questions"),
        ("السفر", "questions"),
        ("سلامتك", "risk"),
        ("الناجيات", "shelter"),
        ("محامي", "consent"),
    ] {
        let (found, fixed) = pages(&b, &site, "ar", q);
        assert!(found.iter().any(|p| p == want), "`{q}`: {found:?}");
        assert!(!fixed, "`{q}` is no misspelling");
    }
    let (found, _) = pages(&b, &site, "ar", "الناجيات");
    assert_eq!(found.first().map(String::as_str), Some("shelter"));
    // The woman, not the adolescent.
    let (found, _) = pages(&b, &site, "ar", "المرأة");
    assert_eq!(found, ["shelter"]);
    for q in ["سوال", "شوون", "مسوول"] {
        let (found, fixed) = pages(&b, &site, "ar", q);
        assert!(
            !found.is_empty() && !fixed,
            "`{q}`: {found:?}, fixed {fixed}"
        );
    }
}

/// Instructions are given in a form whose stem changes (Spanish *Elija*,
/// *Siéntese* for `elegir`, `sentarse`; Russian *Запишите*, *Выберите*
/// for `записать`, `выбрать`; Portuguese *Planeie* for `planear`), and
/// Hausa pages write plurals and definite forms (*alamun*, *takardun*):
/// the word as a field worker types it found nothing.
#[test]
fn verbs_and_nouns_are_found_by_their_changed_stems() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-14");
    for (lang, q) in [
        ("es", "elegir"),
        ("es", "sentarse"),
        ("ru", "записать"),
        ("ru", "выбрать"),
        ("pt", "planear"),
        ("ha", "alama"),
        ("ha", "takarda"),
    ] {
        let (found, fixed) = pages(&b, &site, lang, q);
        assert_eq!(found, ["room"], "{lang} `{q}`");
        assert!(!fixed, "{lang} `{q}` is no misspelling");
    }
    let (found, _) = pages(&b, &site, "es", "se niega");
    assert_eq!(found, ["consent"]);
    // A unit as field notes write it, where the site has its singular (`a
    // 16-year-old`): `yrs` was corrected to *yes*.
    let (found, fixed) = pages(&b, &site, "en", "16 yrs");
    assert_eq!(
        (found.first().map(String::as_str), fixed),
        (Some("consent"), false)
    );
}

/// An acronym typed in capitals is not corrected to an ordinary word
/// (French `NRM` was *nom*), nor found as the start of one (Russian `МОМ`
/// listed *момент*).
#[test]
fn acronyms_typed_in_capitals_stay_acronyms() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-14");
    let (found, fixed) = pages(&b, &site, "fr", "NRM");
    assert!(found.is_empty() && !fixed, "{found:?}");
    let (found, _) = pages(&b, &site, "ru", "МОМ");
    assert_eq!(found, ["contacts"]);
    // Typed in small letters, it is a word's start as before.
    let (found, _) = pages(&b, &site, "ru", "мом");
    assert!(found.iter().any(|p| p == "stop"), "{found:?}");
}

/// A dot after French `M.`, Spanish `Dra.` or Russian `ул.` (street)
/// ended the snippet's sentence: "Приют находится по адресу **ул**." hid
/// the street.
#[test]
fn snippets_go_on_after_abbreviations() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-14");
    for (lang, q, whole) in [
        (
            "fr",
            "M. Diallo",
            "Adressez-vous à M. Diallo au guichet d'accueil.",
        ),
        (
            "es",
            "Dra. López clínica",
            "Llame a la Dra. López en la clínica.",
        ),
        ("ru", "ул. Ленина", "Ленина, д. 5 рядом с больницей"),
    ] {
        let (_, _, hits) = find(&b, &site, lang, q);
        let snippet = &hits.first().expect("a result").snippet;
        assert!(snippet.contains(whole), "{lang} `{q}`: {snippet}");
    }
}

/// The snippet showed another form of the word typed when the word itself
/// was in the next sentence: `suivi` showed the sentence with *suivant*,
/// `informed consent` the one with *information*.
#[test]
fn snippets_show_the_word_as_typed() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-14");
    for (lang, q, whole) in [
        ("fr", "suivi", "Un appel de suivi a lieu sept jours après."),
        (
            "en",
            "informed consent",
            "Consent can be withdrawn at any time.",
        ),
    ] {
        let (_, _, hits) = find(&b, &site, lang, q);
        let hit = hits
            .iter()
            .find(|h| h.href.starts_with("field/followup.html"))
            .unwrap_or_else(|| panic!("{lang} `{q}`: {hits:#?}"));
        assert!(hit.snippet.contains(whole), "{lang} `{q}`: {}", hit.snippet);
    }
}
