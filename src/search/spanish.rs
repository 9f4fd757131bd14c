//! Spanish affix rules (see `rules`), kept apart for their length.

use super::rule_set::Rules;

// Spanish plurals: `-ces` of `-z` (`veces`, `vez`), `-es` (`mujeres`,
// `naciones`), `-s`.
pub(super) const SPANISH: Rules = Rules {
    groups: false,
    joins: true,
    own_groups: false,
    drop: &[],
    prefixes: &[],
    suffixes: &[("ces", "z", 2), ("es", "", 2), ("s", "", 2)],
    irregular: &[],
    // A singular typed where the site has only the plural (`capaz`,
    // `capaces`; `luz`, `luces`); `-es` and `-s` plurals start with theirs.
    // Then verb, participle and gender endings, down to the Snowball group
    // of another form of the site's, as in Russian (`proteger` finds
    // `protegidas`, group `proteg`; `acompañado`, `acompañadas`).
    // `c` and `g` are written `qu`, `gu` before `e` (`explicar`,
    // `explique`; `pagar`, `pague`), and an instruction ends in `-e`
    // (`guarde`).
    query_suffixes: &[
        ("z", "ces", 2),
        ("car", "qu", 3),
        ("gar", "gu", 3),
        ("que", "c", 3),
        ("gue", "g", 3),
        ("ados", "", 3),
        ("adas", "", 3),
        ("idos", "", 3),
        ("idas", "", 3),
        ("ado", "", 3),
        ("ada", "", 3),
        ("ido", "", 3),
        ("ida", "", 3),
        ("ar", "", 3),
        ("er", "", 3),
        ("ir", "", 3),
        ("an", "", 3),
        ("en", "", 3),
        ("os", "", 3),
        ("as", "", 3),
        ("o", "", 3),
        ("a", "", 3),
        ("e", "", 3),
    ],
    // Letters said alike, as Spanish is often spelt as it sounds: `ll` and
    // `y` (`yamar`), `b` and `v`, `s` and `z` or a soft `c` (`organisar`,
    // `sentro`), and a silent `h` (`ospital`).
    sounds: &[
        ("ll", "y"),
        ("v", "b"),
        ("z", "s"),
        ("ce", "se"),
        ("ci", "si"),
        ("h", ""),
    ],
    // NGO, UNHCR (and French HCR), GBV, IDP as English writes them.
    acronyms: &[
        ("ngo", "ong", 0),
        ("unhcr", "acnur", 0),
        ("hcr", "acnur", 0),
        ("gbv", "vbg", 0),
        ("idp", "pdi", 0),
    ],
};
