//! Swahili rules (see `rules`).
//!
//! Noun classes: a noun's singular and plural differ by their
//! prefix, not their ending (`mtoto`, `watoto`; `mkimbizi`, `wakimbizi`;
//! `mwaka`, `miaka`; `kituo`, `vituo`; `chakula`, `vyakula`), so the words
//! of Swahili pages are grouped without it (`toto`, `kimbizi`, `aka`, `tuo`,
//! `akula`; `mu-` before a `u` goes with it, as in its plurals: `muuguzi`,
//! `wauguzi`, `guzi`; `muundo`, `miundo`, `ndo`), and a query word is
//! tried without it: each form finds the others, whichever the site has.
//! Three letters must remain, so `wakati` and `watu` keep theirs (`mtu`, `kitu` have endings of their own). Not
//! `ma-` (class 6), whose words too often are another word with it
//! (`makazi`, shelter; `kazi`, work), nor `u-`, `ku-`, `ji-`. The index
//! carries these groups: English words of pages shown untranslated keep
//! theirs (`mother` is not `other`). Verbs likewise lose their infinitive
//! `ku-`, with the object `m-` or `wa-` after it (`kumpeleka`, `kupeleka`,
//! `kuwapeleka`: `peleka`), where four letters remain: `kubwa` (big) is
//! not `mbwa` (dog), both `bwa` else; and an instruction in the
//! subjunctive `-e` joins its verb (`Mpeleke`, `Wapeleke`: `peleka`; not
//! with three letters or fewer before it: `mbele`), so does `-eni`, its
//! plural (`pelekeni`). A noun of class 14 made from a verb loses its `u-`
//! where five letters remain (`usafirishaji`, trafficking; not `usiku`,
//! night, which is not `siku`, day), and the agent or action `-aji` gives
//! back the verb's `-a` (`wasafirishaji`, traffickers; `usafirishaji`:
//! `safirisha`, as `kusafirisha`). The locative `-ni` comes off where four
//! letters remain (`hatarini`, in danger: `hatari`; `nyumbani`, at home;
//! not `amani`, peace). So does a verb's conditional `aki-` (`Akikataa`,
//! if she refuses: `kataa`), where five letters remain (not `akili`).
//!
//! On a query word only, a verb's subject and tense prefixes come off
//! where five letters remain, and so does the conditional of the others
//! (`wakikataa`, if they refuse; not `wa-` `ki-` in the index, where
//! `wakimbizi` keeps `kimbizi`) (`anakataa`, she refuses: `kataa`, as
//! *kukataa*; `ameondoka`, `alisafirishwa`), and its passive `-wa` gives
//! back the verb's `-a` where three letters remain (`anasafirishwa`, she is
//! trafficked: `safirisha`, as *kusafirisha*; not `dawa`, medicine). Five,
//! not four: `wananchi` (citizens) is not `nchi` (country).

use super::rule_set::Rules;

pub(super) static SWAHILI: Rules = Rules {
    own_groups: true,
    prefixes: &[
        ("kuwa", 4, true),
        ("kum", 4, true),
        ("ku", 4, true),
        ("muu", 3, true),
        ("miu", 3, true),
        ("mw", 3, true),
        ("mi", 3, true),
        ("m", 3, true),
        ("wau", 3, true),
        ("wa", 3, true),
        ("ki", 3, true),
        ("vi", 3, true),
        ("ch", 3, true),
        ("vy", 3, true),
        ("u", 5, true),
        // The conditional `-ki-` after the subject (`Akikataa`, if she
        // refuses: `kataa`, as *kukataa*), where five letters remain (not
        // `akili`, mind); only `a-` in the index: `waki-` would take
        // `wakimbizi` (refugees) from `mkimbizi`.
        ("aki", 5, true),
        // Subject (I, you, she, we, they; not `m-`, you all: `mtaalamu`,
        // an expert, is no `alamu`) and tense (present,
        // past, future, perfect): query words only. Four letters after
        // the past and perfect (`nimejaza`, I filled in: *Jaza*;
        // `amefuta`, she deleted: *Futa*), five after the others
        // (`wananchi`, citizens, is no `nchi`, country).
        ("nina", 5, false),
        ("nili", 4, false),
        ("nita", 5, false),
        ("nime", 4, false),
        ("una", 5, false),
        ("uli", 4, false),
        ("uta", 5, false),
        ("ume", 4, false),
        ("ana", 5, false),
        ("ali", 4, false),
        ("ata", 5, false),
        ("ame", 4, false),
        ("tuna", 5, false),
        ("tuli", 4, false),
        ("tuta", 5, false),
        ("tume", 4, false),
        ("wana", 5, false),
        ("wali", 4, false),
        ("wata", 5, false),
        ("wame", 4, false),
        ("waki", 5, false),
        ("tuki", 5, false),
        ("niki", 5, false),
        ("uki", 5, false),
    ],
    suffixes: &[
        ("aji", "a", 3),
        ("eni", "a", 4),
        ("ni", "", 4),
        ("e", "a", 4),
    ],
    // And plurals no prefix makes: `wanawake` (women) of `mwanamke`,
    // `wanaume` (men) of `mwanamume`.
    irregular: &[
        ("watu", "mtu", 0),
        ("vitu", "kitu", 0),
        ("wanawake", "mwanamke", 0),
        ("wanaume", "mwanamume", 0),
        // Loanwords and nouns of class 5 take `ma-` in the plural
        // (`mafaili`, files; `mashirika`, organisations), which no prefix
        // rule takes off (`makazi`, shelter, is not `kazi`, work).
        ("mafaili", "faili", 0),
        ("mashirika", "shirika", 0),
    ],
    query_suffixes: &[
        ("mtu", "watu", 0),
        ("kitu", "vitu", 0),
        ("mwanamke", "wanawake", 0),
        ("mwanamume", "wanaume", 0),
        ("wa", "a", 3),
        ("faili", "mafaili", 0),
        ("shirika", "mashirika", 0),
    ],
    numbers: super::numbers::SWAHILI,
    // `ID` and `password` in English, for the page's words.
    // `NGO` for the page's *shirika lisilo la kiserikali* (its group
    // holds `serikali`, the government, too: the page with the whole
    // phrase has both).
    acronyms: &[
        ("id", "kitambulisho", 0),
        ("password", "nenosiri", 0),
        ("passport", "pasipoti", 0),
        ("ngo", "kiserikali", 0),
        ("ngos", "kiserikali", 0),
    ],
    ..Rules::NONE
};
