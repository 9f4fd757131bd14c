//! End-to-end, in headless Chromium from `file://`: what a twenty-first
//! sweep of search found with judged queries typed as on a phone, on the
//! `search-judged-21` fixture (sample guidance in nine languages, Urdu new
//! among them; its `judged-queries.tsv` holds the queries).

mod common;
use common::browser;
use common::search_page::{expect, judged_site};

/// A Russian or Ukrainian verb in the other aspect than the page's:
/// `заполнять` (*Заполните*), `видаляти` (*Видаляйте*) and `отзывать`
/// (*отозвать*) were "Showing results for" the page's word; `зашифрувати`
/// (*зашифрованій*) and `супроводжувати` (*Супроводьте*) found nothing;
/// `сопровождать`, `забрать`, `переслать` and `заповнювати` matched one
/// word of two; `торговцы` (*торговец*) and `сперечатися`
/// (*сперечайтеся*) were corrections, `дані` (*даних*) a correction to
/// `дні` (days).
#[test]
fn russian_and_ukrainian_verbs_in_the_other_aspect_find_the_page() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-21");
    for (lang, q, first) in [
        ("ru", "заполнять бланк согласия", "consent"),
        ("ru", "отзывать согласие", "consent"),
        ("ru", "сопровождать на встречу", "referral"),
        ("ru", "забрать паспорт", "interview"),
        ("ru", "переслать фото", "data"),
        ("ru", "торговцы людьми", "harm"),
        ("uk", "сперечатися", "harm"),
        ("uk", "заповнювати бланк згоди", "consent"),
        ("uk", "супроводжувати", "referral"),
        ("uk", "забрати паспорт", "interview"),
        ("uk", "зашифрувати", "data"),
        ("uk", "видаляти повідомлення", "data"),
        ("uk", "переслати фото", "data"),
        ("uk", "особисті дані", "data"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}

/// A Spanish infinitive with its pronoun joined: `borrarlos` and
/// `explicarle` found nothing on pages that say *Borre*, *Explíquele*;
/// `acompañarla` and `entregarle` were "Showing results for" the page's
/// *Acompáñela*, *entréguele*. Portuguese `criptografada` (Brazil) matched
/// one word of two on a page that says *encriptada* (Portugal).
#[test]
fn a_spanish_infinitive_with_its_pronoun_finds_the_instruction() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-21");
    for (lang, q, first) in [
        ("es", "borrarlos", "data"),
        ("es", "explicarle", "consent"),
        ("es", "acompañarla", "referral"),
        ("es", "entregarle una copia", "consent"),
        ("pt", "pasta criptografada", "data"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}

/// A verb's past or perfect in Swahili, where four letters remain:
/// `nimejaza fomu` (I filled in) and `amefuta ujumbe` (she deleted)
/// matched one word of two on pages that say *Jaza*, *Futa*. Turkish
/// `my`: `belgelerim` (my papers) and `onamımı` (my consent) were
/// "Showing results for" *Belgelerin*, *onamını*, `pasaportumu` for
/// *Pasaportunu*.
#[test]
fn swahili_tenses_and_turkish_possessives_find_the_page_word() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-21");
    for (lang, q, first) in [
        ("sw", "nimejaza fomu", "consent"),
        ("sw", "amefuta ujumbe", "data"),
        ("tr", "belgelerim", "interview"),
        ("tr", "pasaportumu", "interview"),
        ("tr", "onamımı", "consent"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}

/// Urdu typed on an Arabic or Persian keyboard, with `ه` for `ہ` and `ھ`,
/// `ي` or `ى` for `ے`: `بهروسه` (trust) found nothing on a page that
/// says *بھروسہ*; `پناه گاه` (shelter), `هنگامی`, `دوسرى كاغذات` and
/// `صوتي پيغامات` were "Showing results for" the page's words.
#[test]
fn urdu_typed_on_an_arabic_keyboard_finds_the_page_word() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-21");
    for (q, first) in [
        ("بهروسه", "interview"),
        ("پناه گاه خالی", "referral"),
        ("هنگامی نمبر", "harm"),
        ("دوسرى كاغذات", "interview"),
        ("صوتي پيغامات", "data"),
    ] {
        expect(&b, &site, "ur", q, first);
    }
}
