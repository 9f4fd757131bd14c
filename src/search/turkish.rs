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
//!
//! A verb made with `etmek` writes its `t` as `d` before a vowel
//! (`reddetti`, she refused, `reddetmek`, but *reddedebilir*; `kaydetti`,
//! *kaydedin*): its past, infinitive and negative give the stem in `-ed`,
//! where three letters remain before (not `yetti`, it sufficed). The past
//! in the first person comes off where four letters remain (`gönderdim`,
//! I sent; not `yardım`, help, `yar`), and a verbal noun in `-me`, `-ma` where five letters
//! remain (`şifreleme`, encrypting: *şifreleyin*; not `elma`, apple).
//! A noun's plural, dative, locative and ablative come off too, the stem
//! finding the page's form (`dolaplar`: *dolapta*).

use super::rule_set::Rules;

pub(super) static TURKISH: Rules = Rules {
    // `my` joined to a noun, and its object (`belgelerim`, my papers;
    // `pasaportumu`, my passport, where the page says *belgelerini*,
    // *Pasaportunu*): off where four letters remain (not `bilim`, science).
    query_suffixes: &[
        ("larimi", "", 4),
        ("lerimi", "", 4),
        ("larim", "", 4),
        ("lerim", "", 4),
        ("imi", "", 4),
        ("umu", "", 4),
        ("im", "", 4),
        ("um", "", 4),
    ],
    stems: &[
        ("ettiler", "ed", 3),
        ("etmedi", "ed", 3),
        ("etmek", "ed", 3),
        ("ettim", "ed", 3),
        ("ettik", "ed", 3),
        ("etti", "ed", 3),
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
        // A verb of three letters (`sil`, delete; `ver`, give) typed in
        // the past (`sildim`, `sildi`) finds the page's instruction in
        // `-in` (*silin*): its stem alone finds only a word `sil`.
        ("dim", "in", 3),
        ("dum", "un", 3),
        ("tim", "in", 3),
        ("di", "in", 3),
        ("du", "un", 3),
        ("ti", "in", 3),
        ("dim", "", 4),
        ("tim", "", 4),
        ("di", "", 3),
        ("du", "", 3),
        ("ti", "", 3),
        ("tu", "", 3),
        ("me", "", 5),
        ("ma", "", 5),
        // A noun's plural and case endings typed where the page writes
        // another (`dolaplar`, cabinets: *dolapta*; `tercümana`, to the
        // interpreter: *tercüman*), four letters left, five before a lone
        // vowel (`kale`, a castle, is not `kal`, stay): Snowball groups the
        // page's forms, not a form typed that the site lacks.
        ("larda", "", 4),
        ("lerde", "", 4),
        ("lara", "", 4),
        ("lere", "", 4),
        ("lar", "", 4),
        ("ler", "", 4),
        ("dan", "", 4),
        ("den", "", 4),
        ("tan", "", 4),
        ("ten", "", 4),
        ("da", "", 4),
        ("de", "", 4),
        ("ta", "", 4),
        ("te", "", 4),
        ("ya", "", 4),
        ("ye", "", 4),
        ("a", "", 5),
        ("e", "", 5),
    ],
    numbers: super::numbers::TURKISH,
    // `NGO` for the page's STK (*sivil toplum kuruluşu*), read from its
    // words as an acronym.
    acronyms: &[("ngo", "stk", 0)],
    ..Rules::NONE
};
