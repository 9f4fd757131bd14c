//! Italian rules (see `rules`): Snowball groups the words of Italian
//! pages; these rules read a query word in another form than the page's.
//!
//! - An agent noun in `-tore` finds its feminine in `-trice`, and the other
//!   way (`operatore` finds *operatrice*), as French `-teur`, `-trice`:
//!   Snowball leaves them apart.
//! - Noun, adjective and verb endings, down to the Snowball group of the
//!   page's form: `pausa` finds *pause* (it was "Showing results for
//!   *pause*"), `maltrattamento` *maltrattamenti*, `ritirare` *ritirato*,
//!   `cancellare` *Cancella* (the instruction), as words.
//! - Elided articles and prepositions (`l'`, `dell'`, `un'`…) are left out
//!   of a query, as French ones are.

use super::rule_set::Rules;

pub(super) static ITALIAN: Rules = Rules {
    drop: &[
        "l", "d", "dell", "all", "dall", "nell", "sull", "un", "c", "s",
    ],
    // Three letters left: `ora` (now) is not `or`.
    query_suffixes: &[
        ("trice", "tore", 2),
        ("trici", "tori", 2),
        ("tore", "trice", 2),
        ("tori", "trici", 2),
        ("amento", "", 3),
        ("amenti", "", 3),
        ("imento", "", 3),
        ("imenti", "", 3),
        ("are", "", 3),
        ("ere", "", 3),
        ("ire", "", 3),
        ("ato", "", 3),
        ("ata", "", 3),
        ("ati", "", 3),
        ("ate", "", 3),
        ("ito", "", 3),
        ("ita", "", 3),
        ("iti", "", 3),
        ("ite", "", 3),
        ("a", "", 3),
        ("e", "", 3),
        ("i", "", 3),
        ("o", "", 3),
    ],
    ..Rules::NONE
};
