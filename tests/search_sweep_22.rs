//! End-to-end, in headless Chromium from `file://`: what a twenty-second
//! sweep of search found with judged queries typed as on a phone, on the
//! `search-judged-22` fixture (sample guidance in eight languages, Pashto
//! new among them; its `judged-queries.tsv` holds the queries).

mod common;
use common::browser;
use common::search_page::{expect, field_pages as pages, judged_site};

/// A Russian or Ukrainian verb typed without the prefix the page's has,
/// or with one the page's lacks: `шифровать`, `шифрование`, `шифрувати`,
/// `шифрування` (*зашифрованной*, *зашифрованій*), `направити` and
/// `направлення` (*Перенаправляйте*, *перенаправлення*) found nothing;
/// `опубликовать фотографии`, `опублікувати фото` (*публикуйте*,
/// *публікуйте*), `сопроводить на встречу` (*проводите*) and `спрашивать
/// подробности` (*Не расспрашивайте*) matched one word of two;
/// `повернути паспорт` was "Showing results for" *поверніть*. A word's
/// own forms still come first: `сообщить` finds *сообщайте*, not *общих*
/// (shared) without `со-`, and `спросить` not *просит* without `с-`.
#[test]
fn a_verb_with_or_without_its_prefix_finds_the_page() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-22");
    for (lang, q, first) in [
        ("ru", "шифровать", "data"),
        ("ru", "шифрование", "data"),
        ("ru", "опубликовать фотографии", "harm"),
        ("ru", "сопроводить на встречу", "referral"),
        ("ru", "спрашивать подробности", "interview"),
        ("ru", "сообщить журналистам", "harm"),
        ("uk", "шифрувати", "data"),
        ("uk", "шифрування", "data"),
        ("uk", "направити", "referral"),
        ("uk", "направлення", "referral"),
        ("uk", "опублікувати фото", "harm"),
        ("uk", "повернути паспорт", "interview"),
    ] {
        expect(&b, &site, lang, q, first);
    }
    let (found, fixed) = pages(&b, &site, "ru", "спросить");
    assert!(!fixed && !found.is_empty(), "{found:?}");
    assert!(!found.contains(&"referral".to_string()), "{found:?}");
}

/// An Arabic imperative typed as its verbal noun, or back: `حذف الرسائل`,
/// `حفظ الملاحظات`, `شرح الخدمة` were "Showing results for" the page's
/// *احذف*, *احفظ*, *اشرح*; `طلب الموافقة` showed the referral page
/// (*طلبت*) before the consent page (*اطلب موافقة*); `اسحب موافقتي` was a
/// correction to *سحب*. `احالة` (referral) still finds *الإحالة*, not
/// *الحالة* (the case) without its `ا`.
#[test]
fn an_arabic_imperative_and_its_verbal_noun_find_each_other() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-22");
    for (q, first) in [
        ("حذف الرسائل", "data"),
        ("حفظ الملاحظات", "data"),
        ("شرح الخدمة", "consent"),
        ("طلب الموافقة", "consent"),
        ("اسحب موافقتي", "consent"),
        ("احالة", "referral"),
    ] {
        expect(&b, &site, "ar", q, first);
    }
}

/// Pashto typed on a Persian keyboard, which lacks its own letters: `نیته`
/// (*نېټه*, the date) found nothing; `تیلیفون`, `زنگ ووهئ`, `کوته`,
/// `ژبارونکی`, `پاسورد` and `فولدر` were "Showing results for" the page's
/// *ټیلیفون*, *زنګ*, *کوټه*, *ژباړونکې*, *پاسورډ*, *فولډر*.
#[test]
fn pashto_typed_on_a_persian_keyboard_finds_the_page_word() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-22");
    for (q, first) in [
        ("نیته", "referral"),
        ("تیلیفون", "harm"),
        ("زنگ ووهئ", "harm"),
        ("کوته", "interview"),
        ("ژبارونکی", "interview"),
        ("پاسورد", "data"),
        ("فولدر", "data"),
    ] {
        expect(&b, &site, "ps", q, first);
    }
}
