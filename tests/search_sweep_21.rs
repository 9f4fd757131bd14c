//! End-to-end, in headless Chromium from `file://`: what a twenty-first
//! sweep of search found with judged queries typed as on a phone, on the
//! `search-judged-21` fixture (sample guidance in nine languages, Urdu new
//! among them; its `judged-queries.tsv` holds the queries).

mod common;
use common::browser;
use common::search_page::{expect, judged_site};

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
