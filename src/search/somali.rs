//! Somali rules (see `rules`): no stemmer nor affixes yet, only numbers
//! typed as digits (`3 maalmood` for *saddex maalmood*, see `numbers`),
//! a noun in `-o` with its article, and `ID` for the page's `aqoonsi`
//! (identity; *kaarka aqoonsiga*, the identity card), which was read as
//! the initials of two words, with `NGO`, `passport` and `password`.

use super::rule_set::Rules;

pub(super) static SOMALI: Rules = Rules {
    // A noun in `-o` with the article the page writes joined to it, its
    // `o` then `a` (`oggolaansho`, consent: *oggolaanshaha*): the stem in
    // `-a` finds the words it starts.
    stems: &[("o", "a", 4)],
    // `NGO` for the page's *hay'adda aan dowliga ahayn* (an organisation
    // not of the government; `dowladda`, the government, is another
    // word), and English words typed for the page's.
    acronyms: &[
        ("id", "aqoonsiga", 0),
        ("id", "aqoonsi", 0),
        ("ngo", "dowliga", 0),
        ("ngo", "dowli", 0),
        ("ngos", "dowliga", 0),
        ("passport", "baasaboorka", 0),
        ("passport", "baasaboor", 0),
        ("password", "sirta", 0),
    ],
    numbers: super::numbers::SOMALI,
    ..Rules::NONE
};
