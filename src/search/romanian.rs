//! Romanian rules (see `rules`).
//!
//! Romanian pages are grouped by Snowball's stemmer, which the index runs
//! on words without their accents, as phones type them; it leaves a verb's
//! infinitive and its instruction apart (`criptare`, *criptate*,
//! `criptat`; `ștergere`, *Ștergeți*, `sterget`), and a noun with its
//! article in another case than the page's (`consimtamantului`,
//! *consimțământul*) found nothing: each was "Showing results for" the
//! page's word. A query word loses its article and case ending, or the
//! ending of its long infinitive or participle, where four letters
//! remain, and the stem finds the words it starts (`insotire`:
//! *Însoțiți*; `traducere`: *a traduce*).

use super::rule_set::Rules;

pub(super) static ROMANIAN: Rules = Rules {
    query_suffixes: &[
        ("urilor", "", 4),
        ("urile", "", 4),
        ("ului", "", 4),
        ("ilor", "", 4),
        ("elor", "", 4),
        ("area", "", 4),
        ("erea", "", 4),
        ("irea", "", 4),
        ("uri", "", 4),
        ("lor", "", 4),
        ("are", "", 4),
        ("ere", "", 4),
        ("ire", "", 4),
        ("ari", "", 4),
        ("eri", "", 4),
        ("iri", "", 4),
        ("ul", "", 4),
        ("ei", "", 4),
        ("ii", "", 4),
        ("ie", "", 4),
        ("le", "", 4),
    ],
    ..Rules::NONE
};
