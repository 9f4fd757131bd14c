//! End-to-end, in headless Chromium from `file://`: what a twenty-third
//! sweep of search found with judged queries typed as on a phone, on the
//! `search-judged-23` fixture (sample guidance in ten languages, Amharic
//! new among them; its `judged-queries.tsv` holds the queries).

mod common;
use common::browser;
use common::search_page::{expect, field_pages as pages, judged_site};


/// Amharic as it is typed: letters said alike for the page's (`ሰራተኞች`
/// for *ሠራተኞችን*, `ሃሳብ` for *ሐሳቧን*, `እቅድ` for *ዕቅዷን*), a stem whose
/// last vowel the page's ending changes (`ሰራተኛ`; `ፋይሎች` for *ፋይል*),
/// and a word the page writes with a preposition joined
/// (`ስራ ሰዓት`, *የሥራ ሰዓቱንና*) found nothing, or another page.
#[test]
fn amharic_finds_the_pages_spelling_and_form() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-23");
    for (q, first) in [
        ("ሰራተኞች", "selfcare"),
        ("ሰራተኛ", "selfcare"),
        ("ሃሳብ", "consent"),
        ("እቅድ", "case"),
        ("ፋይሎች", "data"),
        ("ስራ ሰዓት", "referral"),
    ] {
        expect(&b, &site, "am", q, first);
    }
}
