//! Hindi and Nepali rules (see `rules`), written normalised (the virama
//! dropped, a long `ई`, `ऊ` as the short one: `लाई` is `लाइ`).
//!
//! Neither has a Snowball stemmer here. A Hindi noun or verb changes its
//! last vowel with its case, number or person (`दुभाषिया`, interpreter;
//! *दुभाषिए*, *दुभाषियों*; `भेजना`, to send; *भेजने*, *भेजें*), so a
//! query in another form than the page's was "Showing results for" it.
//! Nepali writes its postpositions and plural joined to the word
//! (`सेवामा`, in the service; `पीडितलाई`, to the survivor;
//! `सङ्केतहरू`, signs) and its instructions in `-नुहोस्` (`फेर्नुहोस्`,
//! change; `फेर्ने`, to change). The words of their pages are grouped
//! without one such ending where three letters remain, and the index
//! carries the groups.

use super::rule_set::Rules;

pub(super) static HINDI: Rules = Rules {
    own_groups: true,
    // Longest first where one ends another (`-ियों` before `-ों`).
    suffixes: &[
        ("ियों", "", 3),
        ("िया", "", 3),
        ("िए", "", 3),
        ("िये", "", 3),
        ("ाओं", "", 3),
        ("ाएं", "", 3),
        ("ओं", "", 3),
        ("ों", "", 3),
        ("ें", "", 3),
        ("ना", "", 3),
        ("ने", "", 3),
        ("ा", "", 3),
        ("े", "", 3),
    ],
    ..Rules::NONE
};

pub(super) static NEPALI: Rules = Rules {
    own_groups: true,
    suffixes: &[
        ("हरुलाइ", "", 3),
        ("हरुको", "", 3),
        ("हरुमा", "", 3),
        ("हरुले", "", 3),
        ("नुहोस", "", 3),
        ("नुअघि", "", 3),
        ("हरु", "", 3),
        ("लाइ", "", 3),
        ("बाट", "", 3),
        ("संग", "", 3),
        ("नु", "", 3),
        ("ने", "", 3),
        ("मा", "", 3),
        ("ले", "", 3),
        ("को", "", 3),
        ("का", "", 3),
    ],
    ..Rules::NONE
};
