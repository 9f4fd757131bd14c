//! Amharic rules (see `rules`), written as search normalises Amharic: each
//! syllable its consonant and a mark of its vowel (`የ` is `ይ፩`, `ኦች`
//! after a consonant `፯ች`; see `normalise::push_letter`).
//!
//! - The prepositions written joined to the next word, `የ` (of), `በ` (in,
//!   by), `ለ` (for), `ከ` (from): a query word the site writes only with
//!   one before it is found as that word (`ስራ ሰዓት`, working hours: the
//!   page's *የሥራ ሰዓቱን*), and one typed with it is tried without it, two
//!   letters left (a syllable with a vowel counts two): `በር` (a door)
//!   keeps its `በ`. Not in the word groups, as Arabic's lone letters. As
//!   a verb's prefixes are: a query word also finds the words it starts
//!   with one joined (`ቅጽ`, a form: the page's *በቅጾች*, in the forms), and
//!   is tried without one only where its own forms find nothing.
//! - A plural (`-ኦች`, `-ዎች`) or an object's `-ን` typed where the page
//!   writes another form: the stem finds the words it starts (`ፋይሎች`,
//!   files: the page's *ፋይል*); and a last vowel that the page's ending
//!   changes (`ሰራተኛ`: *ሠራተኞች*).

use super::rule_set::Rules;

pub(super) static AMHARIC: Rules = Rules {
    verb_prefixes: true,
    prefixes: &[
        ("ይ፩", 2, false),
        ("ብ፩", 2, false),
        ("ል፩", 2, false),
        ("ክ፩", 2, false),
    ],
    query_suffixes: &[("ው፯ች", "", 3), ("፯ች", "", 3), ("ን", "", 3)],
    // A noun typed as it ends alone, where the page's ending changes its
    // last vowel (`ሰራተኛ`, a worker: *ሠራተኞች*, workers; `ዕቅዱ`, the plan:
    // *ዕቅዷን*): its consonants, without the vowel, find the words they
    // start, three letters left.
    stems: &[("፩", "", 3), ("፪", "", 3), ("፬", "", 3)],
    ..Rules::NONE
};
