//! German rules (see `rules`): Snowball groups the words of German pages;
//! these rules read a query word as phones type it.
//!
//! - `ae`, `oe`, `ue` typed for `ä`, `ö`, `ü` (a keyboard without them, as
//!   German writes them where the letters are missing): `menschenhaendler`
//!   finds *Menschenhändler*, `verschluesselt` *verschlüsselten*, as words,
//!   not as misspellings. One letter at a time and all at once, on a query
//!   word not on the site only: `neue`, `Steuer` are words as typed.
//! - Noun and verb endings, down to the Snowball group of the page's form
//!   (`verschlüsselung` finds *verschlüsselten* by the stem they share).

use super::rule_set::Rules;

pub(super) static GERMAN: Rules = Rules {
    heads: 5,
    // Three letters left: `ein` is not `e`, `aus` not `au`.
    query_suffixes: &[
        ("ungen", "", 3),
        ("ung", "", 3),
        ("en", "", 3),
        ("em", "", 3),
        ("er", "", 3),
        ("es", "", 3),
        ("e", "", 3),
        ("s", "", 3),
    ],
    inner: &[("ae", "a", 0), ("oe", "o", 0), ("ue", "u", 0)],
    ..Rules::NONE
};
