//! Turkish rules (see `rules`).
//!
//! Snowball's Turkish stemmer takes off a noun's endings, not a verb's, so
//! a verb typed in another form than the page's (`çalışıyor`, is working,
//! where the page says *çalışan*; `korumak`, to protect, *korunması*;
//! `reddetti`, she refused, *reddederse*) found nothing. On a query word
//! not on the site, the present `-iyor` (`-ıyor`, `-uyor`, `-üyor`, as
//! normalised), the infinitive `-mak`, `-mek`, and the past `-dı`, `-tı`,
//! `-du`… (with `-lar`, `-ler`; negative `-madı`, `-medi`) come off where
//! three letters remain, and the stem finds the words it starts (four
//! letters or more: `sil`, of `silmek`, finds only a word `sil`). Query
//! only: Snowball makes the groups. Not `yemek` (food, `ye`) nor `kadı`.

use super::rule_set::Rules;

pub(super) static TURKISH: Rules = Rules {
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
    stems: &[
        ("iyorlar", "", 3),
        ("uyorlar", "", 3),
        ("iyor", "", 3),
        ("uyor", "", 3),
        ("madi", "", 3),
        ("medi", "", 3),
        ("mak", "", 3),
        ("mek", "", 3),
        ("dilar", "", 3),
        ("diler", "", 3),
        ("dular", "", 3),
        ("tilar", "", 3),
        ("tiler", "", 3),
        ("di", "", 3),
        ("du", "", 3),
        ("ti", "", 3),
        ("tu", "", 3),
    ],
    acronyms: &[],
};
