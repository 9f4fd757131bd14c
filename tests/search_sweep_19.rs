//! End-to-end, in headless Chromium from `file://`: what a nineteenth
//! sweep of search found with judged queries typed as on a phone, on the
//! `search-judged-19` fixture (sample guidance in nine languages, Spanish
//! and Russian among them; its `judged-queries.tsv` holds the queries).

mod common;
use common::browser;
use common::search_page::{expect, judged_site};

/// On a Russian keyboard, which has no `і`, a Ukrainian word is typed with
/// `и` for it wherever it is: `информація` and `информации` (its first
/// letter and its ending; *інформацією*), `организация` (*організації*)
/// found nothing, and `пидтримка` was "Showing results for *підтримку*".
#[test]
fn ukrainian_i_typed_as_the_russian_letter_at_the_start_and_end_finds_the_word() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-19");
    for (q, first) in [
        ("информація", "consent"),
        ("информации", "consent"),
        ("организация", "referral"),
        ("пидтримка", "interview"),
        ("инши копії", "data"),
    ] {
        expect(&b, &site, "uk", q, first);
    }
}
