//! Tagalog rules (see `rules`).
//!
//! Tagalog has no Snowball stemmer here, and makes its verbs and verbal
//! nouns with prefixes (`pahinga`, rest: *magpahinga*, to rest; `tulog`,
//! sleep: *pagtulog*, *matulog*) and its objects and places with `-an`,
//! `-in` (`burahin`, erase; `kanlungan`, a shelter), so `pahinga` found
//! nothing on a page that says *Magpahinga*. The words of Tagalog pages
//! are grouped without one prefix and one suffix, where four letters
//! remain, and the index carries the groups. Not `na-` (also the linker
//! *na*, and a past), `i-` or `pa-`, whose words too often are another
//! word with it (`pasaporte`, `ipaliwanag`); the infix `-um-`, `-in-` and
//! the repeated syllable of other aspects stay as written.

use super::rule_set::Rules;

pub(super) static TAGALOG: Rules = Rules {
    own_groups: true,
    // Longest first where one starts another (`makipag-` before `mag-`).
    prefixes: &[
        ("pakikipag", 4, true),
        ("makipag", 4, true),
        ("nakipag", 4, true),
        ("mag", 4, true),
        ("nag", 4, true),
        ("pag", 4, true),
        ("ma", 4, true),
    ],
    suffixes: &[("han", "", 4), ("hin", "", 4), ("an", "", 4), ("in", "", 4)],
    ..Rules::NONE
};
