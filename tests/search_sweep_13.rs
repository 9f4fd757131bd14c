//! End-to-end, in headless Chromium from `file://`: what a thirteenth
//! sweep of search found.

mod common;
use common::search_page::{expect, in_search_folder, judged_site};
use common::{Site, browser};

/// Each query's time in ms, the best of three, as `fieldguideFind` runs
/// them in the English search page's folder.
fn times(b: &std::path::Path, site: &Site, queries: &[String]) -> Vec<f64> {
    let json = serde_json::to_string(queries).unwrap();
    in_search_folder(
        b,
        site,
        "en",
        &format!(
            "out = JSON.stringify({json}.map(function (q) {{
               var best = Infinity;
               for (var k = 0; k < 3; k++) {{
                 var t = performance.now();
                 window.fieldguideFind(q, true);
                 best = Math.min(best, performance.now() - t);
               }}
               return best;
             }}));"
        ),
    )
}

/// A pasted column of case or phone numbers: each run of numbers was tried
/// as one number from each of its places, and 1,600 numbers blocked the
/// page for 9 s (the time grew as the cube of the count). Compared in one
/// run: 1,600 numbers against 100 (16 times as many) now take at most
/// about as much longer, not thousands of times.
#[test]
fn a_pasted_column_of_numbers_takes_time_in_proportion() {
    let Some(b) = browser::require() else { return };
    // A page of phone, room and case numbers, as a contacts page has.
    let contacts: String = (0..40)
        .map(|i| {
            format!(
                "- Office {i}: call +234 {} {} {}, room {}, case {}-{}.\n",
                700 + i * 7,
                100 + i * 13,
                1000 + i * 211,
                100 + i * 19,
                100 + i * 17,
                200 + i * 11
            )
        })
        .collect();
    let site = Site::signs_with(&format!("## Contacts\n\n{contacts}"));
    site.build_ok();
    let numbers = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{}", 100 + (i * 37) % 900))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let t = times(&b, &site, &[numbers(100), numbers(1600)]);
    let (small, big) = (t[0].max(1.0), t[1]);
    assert!(
        big < 60.0 * small,
        "100 numbers: {:.1} ms, 1,600: {big:.1} ms",
        t[0]
    );
}

/// A word found only as the start of a longer one (`photo`, the page's
/// *photograph*) found nothing once typed as a plural: `photos`, `threats`
/// (*threatened*), French `photos` (*photographiez*), Spanish `fotos`
/// (*fotografíe*); results vanished as the word was finished. Another
/// form of the word now finds what that form starts.
#[test]
fn a_plural_finds_the_words_its_singular_starts() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-13");
    for (lang, q, first) in [
        ("en", "photos", "consent"),
        ("en", "threats", "risk"),
        ("fr", "photos", "consent"),
        ("fr", "suicide", "risk"),
        ("es", "fotos", "consent"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}

/// "What do I do if…", typed as asked: `hago` and `si` (Spanish), `fais`
/// and `si` (French) were searched as words, so the page about a child
/// in danger matched 3 words of 4 and pages with only *si* were listed
/// beside it.
#[test]
fn what_do_i_do_if_is_searched_by_its_meaning() {
    let Some(b) = browser::require() else { return };
    let site = judged_site("search-judged-13");
    for (lang, q, first) in [
        ("es", "¿Qué hago si un niño está en peligro?", "danger"),
        ("fr", "que fais-je si un enfant est en danger", "danger"),
        ("en", "what do I do if a child is in danger", "danger"),
    ] {
        expect(&b, &site, lang, q, first);
    }
}
