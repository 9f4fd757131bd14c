//! Hausa rules (see `rules`): plurals of guidance that no ending makes,
//! since Hausa has no stemmer and forms its plurals inside the word
//! (`yaro`, `yara`; `mace`, `mata`), and on a query word a few endings.

use super::rule_set::Rules;

/// A plural of the site joins its singular's group where both are words
/// of the site, and a query tries either: `yara` finds a page that says
/// *yaro*, `mace` one that says *mata*. Whole words (`ma'aikata` is
/// `maaikata`, see `normalise`).
pub(super) static HAUSA: Rules = Rules {
    irregular: &[
        ("yara", "yaro", 0),
        ("mata", "mace", 0),
        ("maza", "namiji", 0),
        ("mutane", "mutum", 0),
        ("maaikata", "maaikaci", 0),
        ("hakkoki", "hakki", 0),
    ],
    query_suffixes: &[
        ("yaro", "yara", 0),
        ("mace", "mata", 0),
        ("namiji", "maza", 0),
        ("mutum", "mutane", 0),
        ("maaikaci", "maaikata", 0),
        ("hakki", "hakkoki", 0),
        // The definite `-n`, `-r` (`asibitin`, the hospital; `wayar`, the
        // phone), and the plurals in `-oyi`, `-oci`, `-omi` (`kungiyoyi`,
        // `asibitoci`, `hukumomi`), typed where the site has another form.
        ("oyin", "a", 3),
        ("ocin", "i", 3),
        ("omin", "a", 3),
        ("oyi", "a", 3),
        ("oci", "i", 3),
        ("omi", "a", 3),
        ("n", "", 3),
        ("r", "", 3),
        // A singular's last vowel, so that the words its stem starts are
        // found where the site has only a plural or the definite form
        // (`alama`: *alamomi*, *alamun*; `takarda`: *takardun*; `hanya`:
        // *hanyoyin*), as search.js tries another form's start.
        ("a", "", 4),
        ("i", "", 4),
        ("e", "", 4),
        // A possessive joined to the word (`wayata`, my phone; `wayarsa`),
        // typed where the page says another person's (*wayarka*, your
        // phone): the word finds the words it starts. Four letters left:
        // `mota` (a car) keeps its `ta`.
        ("ta", "", 4),
        ("sa", "", 4),
        ("ka", "", 4),
        ("ki", "", 4),
    ],
    ..Rules::NONE
};
