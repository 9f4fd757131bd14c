//! End-to-end, in headless Chromium from `file://`: judged queries from an
//! eleventh sweep of search quality, on the `search-judged-11` fixture
//! (sample guidance on interviews, referral and identity documents in
//! English, Chinese, Japanese, Thai, Burmese, Hindi, Tamil and Korean,
//! written for these tests): scripts written without spaces between words,
//! scripts whose words carry combining marks (a virama, a tone mark), and
//! Korean particles joined to the word.
//! Before this sweep a Chinese or Thai paragraph was one word, found only
//! from its start (`保密` found nothing), and a Hindi word was cut at each
//! virama (`स्वास्थ्य` was four words), and a Korean word of two
//! syllables did not find it followed by a particle (`여권`, *여권이*).

mod common;
use common::search_page::{expect, expect_found, find, judged_site, plain, search};
use common::{Site, browser};

/// The fixture, built.
fn site() -> Site {
    judged_site("search-judged-11")
}

/// Queries a reader would type, each with the page they would pick first:
/// a word inside a sentence written without spaces, and a word whose
/// letters carry marks.
#[test]
fn a_word_written_without_spaces_or_with_marks_finds_its_page_first() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q, first) in [
        ("zh", "知情同意", "consent"),
        ("zh", "同意", "consent"),
        ("zh", "保密", "consent"),
        ("zh", "转介", "referral"),
        ("zh", "诊所", "referral"),
        ("zh", "律师", "referral"),
        ("zh", "身份证", "identity"),
        ("zh", "护照", "identity"),
        ("ja", "同意", "consent"),
        ("ja", "秘密", "consent"),
        ("ja", "弁護士", "referral"),
        ("ja", "診療所", "referral"),
        ("ja", "パスポート", "identity"),
        ("th", "ความยินยอม", "consent"),
        ("th", "ความลับ", "consent"),
        ("th", "การส่งต่อ", "referral"),
        ("th", "คลินิก", "referral"),
        ("th", "บัตรประชาชน", "identity"),
        ("th", "หนังสือเดินทาง", "identity"),
        ("my", "သဘောတူညီချက်", "consent"),
        ("my", "ဆေးခန်း", "referral"),
        ("my", "မှတ်ပုံတင်", "identity"),
        ("hi", "सहमति", "consent"),
        ("hi", "गोपनीयता", "consent"),
        ("hi", "स्वास्थ्य", "referral"),
        ("hi", "पासपोर्ट", "identity"),
        ("ta", "ஒப்புதல்", "consent"),
        ("ta", "சுகாதார", "referral"),
        ("ta", "கடவுச்சீட்டு", "identity"),
        // Korean joins particles to a word of two syllables: *여권이*,
        // *기록은*, *권리를*, *사본을*.
        ("ko", "여권", "identity"),
        ("ko", "기록", "consent"),
        ("ko", "권리", "referral"),
        ("ko", "사본", "identity"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}

/// A phrase no page has whole is looked for by its pairs of characters,
/// each a query word, as search engines read Chinese: `本人の同意を得る`
/// finds the page that says *本人の同意を得てください*, `保密记录` the page
/// with *保密* and *记录*. Before, they found nothing.
#[test]
fn a_phrase_no_page_has_whole_is_looked_for_by_its_pairs() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q, first) in [
        ("ja", "本人の同意を得る", "consent"),
        ("zh", "保密记录", "consent"),
        ("zh", "如何转介到诊所", "referral"),
        ("th", "ส่งต่อคลินิกสุขภาพ", "referral"),
    ] {
        expect_found(&b, &site, lang, q, first);
    }
}

/// The characters of a query in such a script are looked for one after
/// the other, not anywhere in the page: `意同` (the two characters of
/// `同意` the other way round) finds nothing, and `ลับความ` (`ความลับ` in
/// another order) only pages with some of its pairs, each saying so; two
/// phrases typed apart are both wanted.
#[test]
fn units_are_found_in_their_order() {
    let Some(b) = browser::require() else { return };
    let site = site();
    for (lang, q) in [("zh", "意同"), ("ja", "意同")] {
        let (pages, _, hits) = find(&b, &site, lang, q);
        assert!(pages.is_empty(), "{lang} `{q}`: {hits:#?}");
    }
    let (_, _, hits) = find(&b, &site, "th", "ลับความ");
    assert!(hits.iter().all(|h| h.partial.is_some()), "{hits:#?}");
    let (pages, _, hits) = find(&b, &site, "th", "ความลับ บันทึก");
    assert_eq!(
        pages.first().map(String::as_str),
        Some("field/consent.html")
    );
    assert!(hits[0].partial.is_none(), "{hits:#?}");
}

/// A snippet shows the text as written: no space put between two Chinese
/// characters, Thai's spaces between phrases kept, the words found marked
/// whole (a Hindi word with its viramas, not its pieces), a Burmese
/// sentence ended at its full stop.
#[test]
fn snippets_keep_the_text_as_written() {
    let Some(b) = browser::require() else { return };
    let site = site();
    let out = site.out();
    let (_, hits) = search(&b, &out, "zh", "知情同意");
    assert!(
        hits[0].snippet.contains("每次访谈之前都要请求知情同意。"),
        "{hits:#?}"
    );
    assert_eq!(hits[0].marks.concat(), "知情同意知情同意", "{hits:#?}");
    let (_, hits) = search(&b, &out, "th", "การสัมภาษณ์");
    assert!(
        hits[0].snippet.contains("ก่อนการสัมภาษณ์ทุกครั้ง อธิบายวัตถุประสงค์"),
        "{hits:#?}"
    );
    // A Burmese sentence ends at `။`: the snippet is the sentence found.
    let (_, hits) = search(&b, &out, "my", "ရည်ရွယ်ချက်");
    assert_eq!(hits[0].snippet, "ရည်ရွယ်ချက်ကို ရှင်းပြပါ။", "{hits:#?}");
    let (_, hits) = search(&b, &out, "hi", "स्वास्थ्य");
    assert!(!hits[0].marks.is_empty(), "{hits:#?}");
    assert!(hits[0].marks.iter().all(|m| m == "स्वास्थ्य"), "{hits:#?}");
    assert!(
        hits[0].snippet.contains("व्यक्ति को स्वास्थ्य और कानूनी"),
        "{hits:#?}"
    );
}

/// The count of pages found is worded by the plural rules of the language
/// its words are in: a site without Chinese interface strings shows the
/// English ones, `1 page found`, not the `1 pages found` that Chinese
/// rules (one form for every number) would pick.
#[test]
fn the_count_follows_the_rules_of_the_language_it_is_written_in() {
    let Some(b) = browser::require() else { return };
    let site = site();
    let out = site.out();
    for (lang, q) in [("zh", "护照"), ("th", "คลินิก"), ("hi", "पासपोर्ट")]
    {
        let (status, hits) = search(&b, &out, lang, q);
        assert_eq!(hits.len(), 1, "{lang} `{q}`: {hits:#?}");
        assert_eq!(plain(&status), "1 page found", "{lang} `{q}`");
    }
}
