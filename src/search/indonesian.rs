//! Indonesian rules (see `rules`).
//!
//! Indonesian has no Snowball stemmer here, and makes its words with
//! prefixes and suffixes around a root (`rujuk`, refer: *merujuk*,
//! *dirujuk*, *rujukan*; `lelah`, tired: *kelelahan*, exhaustion), so a
//! query in another form than the page's found nothing (`dirujuk`,
//! `lelah`, `penerjemah` for *menerjemahkan*). The words of Indonesian
//! pages are grouped without one prefix and one suffix, where four letters
//! remain, and the index carries the groups. `meN-` and `peN-` take the
//! first letter of many roots with them (`terjemah`: *menerjemahkan*,
//! *penerjemah*, both `erjemah`), so each form finds the others; a root
//! whose `s` became `ny` is found from the form typed (`menyetujui`, to
//! agree: `setuju`, as the page's *persetujuan*). Not `be-`, `se-`,
//! `ter-` before fewer than four letters (`berat`, heavy, keeps its
//! `ber`).

use super::rule_set::Rules;

pub(super) static INDONESIAN: Rules = Rules {
    own_groups: true,
    // Longest first where one starts another (`meny-` before `me-`).
    prefixes: &[
        ("memper", 4, true),
        ("meny", 4, true),
        ("meng", 4, true),
        ("mem", 4, true),
        ("men", 4, true),
        ("me", 4, true),
        ("peny", 4, true),
        ("peng", 4, true),
        ("pem", 4, true),
        ("pen", 4, true),
        ("per", 4, true),
        ("pe", 4, true),
        ("ber", 4, true),
        ("ter", 4, true),
        ("di", 4, true),
        ("ke", 4, true),
    ],
    suffixes: &[("kan", "", 4), ("nya", "", 4), ("an", "", 4), ("i", "", 4)],
    // The `s` of a root that `meN-`, `peN-` made `ny` (query words only:
    // the page's form is grouped as written).
    inner: &[("meny", "s", 0), ("peny", "s", 0)],
    ..Rules::NONE
};
