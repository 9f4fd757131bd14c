//! Polish rules (see `rules`).
//!
//! Polish has no Snowball stemmer here, and a noun or adjective changes
//! its ending with its case (`zgoda`, consent; `zgody`, `zgodę`, `zgodą`;
//! `hasło`, `hasłem`; `organizacja partnerska`, *organizacji
//! partnerskiej*), so a query in another case than the page's found it
//! only as a misspelling, or not at all (`zgoda` found the page that says
//! *za jej zgodą*, not the one on consent). As for Ukrainian, the words of
//! Polish pages are grouped without one case ending, the first of the list
//! that leaves four letters, and the index carries the groups; a query
//! word not on the site is tried without each ending, down to a group of
//! the site. A vowel that drops in other cases drops with it (`ulotek`,
//! of leaflets: *ulotki*; `-ek` is `-k`), and the consonant of a locative
//! in `-e` is its own (`czacie`, in the chat: `czat`; `folderze`:
//! `folder`; `zgodzie`: `zgoda`), where three letters remain (`ludzie`,
//! people, keeps its `dzie`; `życie`, life, its `cie`).
//!
//! A verbal noun (`wycofanie`, withdrawal) finds the page's infinitive
//! (*wycofać*) by its stem.

use super::rule_set::Rules;

pub(super) static POLISH: Rules = Rules {
    own_groups: true,
    // Longest first where one ends another (`-ami` before `-i`; `-iej` of
    // `partnerskiej` before `-ej`, which would leave `partnerski`).
    suffixes: &[
        ("dzie", "d", 3),
        ("cie", "t", 3),
        ("rze", "r", 3),
        ("iego", "", 4),
        ("iemu", "", 4),
        ("iej", "", 4),
        ("ami", "", 4),
        ("ach", "", 4),
        ("ego", "", 4),
        ("emu", "", 4),
        ("ymi", "", 4),
        ("imi", "", 4),
        ("ych", "", 4),
        ("ich", "", 4),
        ("owi", "", 4),
        ("ek", "k", 4),
        ("om", "", 4),
        ("ow", "", 4),
        ("em", "", 4),
        ("ym", "", 4),
        ("im", "", 4),
        ("ej", "", 4),
        ("a", "", 4),
        ("e", "", 4),
        ("i", "", 4),
        ("o", "", 4),
        ("u", "", 4),
        ("y", "", 4),
    ],
    stems: &[("anie", "a", 3), ("enie", "", 4)],
    ..Rules::NONE
};
