//! Somali rules (see `rules`): no stemmer nor affixes yet, only numbers
//! typed as digits (`3 maalmood` for *saddex maalmood*, see `numbers`)
//! and `ID` for the page's `aqoonsi` (identity; *kaarka aqoonsiga*, the
//! identity card), which was read as the initials of two words.

use super::rule_set::Rules;

pub(super) static SOMALI: Rules = Rules {
    groups: false,
    joins: false,
    own_groups: false,
    drop: &[],
    prefixes: &[],
    suffixes: &[],
    irregular: &[],
    query_suffixes: &[],
    sounds: &[],
    inner: &[],
    stems: &[],
    acronyms: &[("id", "aqoonsiga", 0), ("id", "aqoonsi", 0)],
    numbers: super::numbers::SOMALI,
};
