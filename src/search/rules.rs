//! Each language's affix rules, as data: what `affix` takes off a query
//! word, and what the index writes for search.js (`json`). See `affix` for
//! what each language's rules do.
//!
//! All text here is in normalised form (see `normalise`): accents folded,
//! taa marbuta as `ه`.

pub use super::rule_set::{Rules, Suffix};

const ARABIC: Rules = Rules {
    groups: true,
    // The `ا` of an imperative (`احذف`, `احفظ`, `اشرح`) before its verbal
    // noun, which is the bare root (`حذف`, `حفظ`, `شرح`): each typed for the
    // other, three letters left. So the `ت`, `ي` and `ن` of a present tense
    // (`لا تنشر`, do not publish; `يسجّل`, `نستخدم`): `نشر الصور` was a
    // correction to *تنشر*. On a query word only: a page's `تاريخ` (a date)
    // is not `اريخ`; and search.js puts one before a query word only where
    // no word of the site has the article before the form it makes, which
    // is then a noun (`جار`, a neighbour, is not `التجار`, the traders).
    query_prefixes: &[("ا", 3), ("ت", 3), ("ي", 3), ("ن", 3)],
    prefixes: &[
        ("وبال", 2, true),
        ("فبال", 2, true),
        ("وكال", 2, true),
        ("فكال", 2, true),
        ("ولل", 2, true),
        ("فلل", 2, true),
        ("وال", 2, true),
        ("فال", 2, true),
        ("بال", 2, true),
        ("كال", 2, true),
        ("لل", 2, true),
        ("ال", 2, true),
        ("وب", 3, false),
        ("وك", 3, false),
        ("ول", 3, false),
        ("فب", 3, false),
        ("فك", 3, false),
        ("فل", 3, false),
        ("و", 3, false),
        ("ف", 3, false),
        ("ب", 3, false),
        ("ك", 3, false),
        ("ل", 3, false),
    ],
    // Plurals of nouns ending in `ي` first (`الناجيات`, `المحامين`), so
    // that they group with the singular (`الناجي`, group `ناج`) and the
    // other plural, not with a group of their own (`ناجي`).
    suffixes: &[
        ("يات", "", 2),
        ("يين", "", 2),
        ("يون", "", 2),
        ("ات", "", 2),
        ("ون", "", 2),
        ("ين", "", 2),
        ("ان", "", 2),
        ("ها", "", 2),
        ("يه", "", 2),
        ("ه", "", 2),
        ("ي", "", 2),
    ],
    // Broken plurals of guidance, which no ending makes: a plural of the
    // site brings its group to its singular's (`الأطفال`, `الطفل`), and a
    // query finds either (`ضحايا`, `ضحية`; `النساء`, `المرأة`). Whole words,
    // after any joined letters (`والأطفال`).
    irregular: &[
        ("اطفال", "طفل", 0),
        ("ضحايا", "ضحيه", 0),
        ("نساء", "مراه", 0),
        ("نساء", "امراه", 0),
        ("حقوق", "حق", 0),
        ("عمال", "عامل", 0),
        ("اشخاص", "شخص", 0),
        ("وثايق", "وثيقه", 0),
        // Numbers (a helpline's) and devices (encrypted ones).
        ("ارقام", "رقم", 0),
        ("اجهزه", "جهاز", 0),
    ],
    query_suffixes: &[
        ("طفل", "اطفال", 0),
        ("ضحيه", "ضحايا", 0),
        ("امراه", "نساء", 0),
        ("مراه", "نساء", 0),
        ("حق", "حقوق", 0),
        ("عامل", "عمال", 0),
        ("شخص", "اشخاص", 0),
        ("وثيقه", "وثايق", 0),
        ("رقم", "ارقام", 0),
        ("جهاز", "اجهزه", 0),
        // The alif of an indefinite accusative (`طفلاً`, typed `طفلا`: "a
        // child", as in `كيف أحيل طفلا`), its tanween already ignored.
        ("ا", "", 3),
        ("تهم", "ه", 2),
        ("تها", "ه", 2),
        ("ته", "ه", 2),
        ("تك", "ه", 2),
        ("هم", "", 2),
        ("كم", "", 2),
        // A verbal noun typed for the verb a page gives as an instruction
        // (`تشفير`, encryption: *شفّر*, encrypt; `تسجيل`, `توثيق`,
        // `تبليغ`): whole words of guidance, not the pattern, which would
        // take `تلميذ` (a pupil) for `لمذ`.
        ("تشفير", "شفر", 0),
        ("تسجيل", "سجل", 0),
        ("توثيق", "وثق", 0),
        ("تبليغ", "بلغ", 0),
        // And for the participle a page writes (`تشفير`: *مجلد مشفّر*, an
        // encrypted folder; `تسجيل`: *مسجّل*; `توثيق`: *موثّق*).
        ("تشفير", "مشفر", 0),
        ("تسجيل", "مسجل", 0),
        ("توثيق", "موثق", 0),
        // Days typed as the plural (`2 ايام`) where a page writes the
        // dual (*خلال يومين*, within two days; group `يوم`).
        ("ايام", "يوم", 0),
    ],
    // `و` typed for the hamza on its seat (`سوال`, `شوون`, `مسوول`, as
    // phones type them without hamza), which normalisation writes `ي`.
    // And a hamza typed on its own after the `ى` it sits on (`الطوارىء` for
    // *الطوارئ*, emergencies; `شيء` for *شيئا*), normalised `يء`.
    inner: &[("و", "ي", 1), ("يء", "ي", 1)],
    numbers: super::numbers::ARABIC,
    // `NGO` for the page's *منظمة غير حكومية* (its group holds
    // `الحكومة`, the government, too: the page with the whole phrase has
    // both). Not `كلمة السر` for *كلمة مرور* (password): it is a safety
    // plan's code word too.
    acronyms: &[("ngo", "حكوميه", 0)],
    ..Rules::NONE
};

const FRENCH: Rules = Rules {
    drop: &[
        "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    ],
    // Elided `l'`, `d'`, `s'`, `n'`, `j'` typed without the apostrophe
    // (`lenfant`, `sinformer`, `nexiste`, `jaccepte`), when four letters
    // remain: not `lest` (`l'est`) nor `dans` (`d'ans`), nor `sage`
    // (`âge`); three after `n`, which starts few words (`nest`, `nont`:
    // `n'est` is not corrected to `next`). Not `c'`, `qu'`,
    // `m'`, `t'`, rare in guidance and often a word's own letter (`cours`
    // is not `ours`, `quelle` not `elle`, `moral` not `oral`).
    prefixes: &[
        ("l", 4, false),
        ("d", 4, false),
        ("s", 4, false),
        ("n", 3, false),
        ("j", 4, false),
    ],
    suffixes: &[
        ("euses", "eur", 2),
        ("trices", "teur", 2),
        ("euse", "eur", 2),
        ("trice", "teur", 2),
        ("ennes", "en", 2),
        ("elles", "el", 2),
        ("enne", "en", 2),
        ("elle", "el", 2),
        ("ives", "if", 2),
        ("eres", "er", 2),
        ("ive", "if", 2),
        ("ere", "er", 2),
        ("aux", "al", 2),
        ("ees", "e", 2),
        ("es", "", 2),
        ("e", "", 2),
        ("s", "", 2),
        ("x", "", 2),
    ],
    // `travaux` of `travail` (Snowball groups `-aux` with `-al`, not
    // `-ail`): joins the plural to its singular's group where both are on
    // the site, and tried the other way on a query (`travail` where the
    // site has only `travaux`).
    // And irregular verbs: a form of the site joins its infinitive's
    // group (`fait`, `faire`), a longer verb's too (`permis`, `permettre`;
    // `devient`, `devenir`), and a query tries either.
    irregular: &[
        ("aux", "ail", 2),
        ("fait", "faire", 0),
        ("font", "faire", 0),
        ("dit", "dire", 0),
        ("vu", "voir", 0),
        ("pris", "prendre", 0),
        ("mis", "mettre", 0),
        ("vient", "venir", 0),
        ("viennent", "venir", 0),
        ("venu", "venir", 0),
        ("va", "aller", 0),
        ("vont", "aller", 0),
    ],
    // Then verb endings, down to the Snowball group of the page's form, as
    // in Spanish: the infinitive or participle typed for the instruction
    // the page gives (`vérifier`, `appelée`: *Vérifiez*, group `verif`),
    // and the other way (`orientez`: *Orienter*).
    query_suffixes: &[
        ("ail", "aux", 2),
        ("faire", "fait", 0),
        ("faire", "font", 0),
        ("dire", "dit", 0),
        ("voir", "vu", 0),
        ("prendre", "pris", 0),
        ("mettre", "mis", 0),
        ("venir", "vient", 0),
        ("venir", "viennent", 0),
        ("venir", "venu", 0),
        ("aller", "va", 0),
        ("aller", "vont", 0),
        ("ees", "", 3),
        ("ier", "", 3),
        ("iez", "", 3),
        ("ee", "", 3),
        ("er", "", 3),
        ("ez", "", 3),
        ("ir", "", 3),
    ],
    numbers: super::numbers::FRENCH,
    // NGO, UNHCR, GBV, IDP as English writes them.
    acronyms: &[
        ("ngo", "ong", 0),
        ("unhcr", "hcr", 0),
        ("acnur", "hcr", 0),
        ("gbv", "vbg", 0),
        ("idp", "pdi", 0),
        // The ILO (and its office, the BIT), HIV, STIs, WHO and IOM.
        ("ilo", "oit", 0),
        ("bit", "oit", 0),
        ("hiv", "vih", 0),
        ("sti", "ist", 0),
        ("who", "oms", 0),
        ("iom", "oim", 0),
        // `24 h`: hours as a unit alone after the number.
        ("h", "heures", 0),
        // `email` and `mail` as typed for the page's *courriel*.
        ("email", "courriel", 0),
        ("mail", "courriel", 0),
    ],
    ..Rules::NONE
};

/// The rules of a language (by its primary subtag: `fr-CA` has French
/// rules), if it has any.
pub fn rules(code: &str) -> Option<&'static Rules> {
    match crate::config::primary_language(code).as_str() {
        "ar" => Some(&ARABIC),
        "fr" => Some(&FRENCH),
        "en" => Some(&super::english::ENGLISH),
        "pt" => Some(&super::portuguese::PORTUGUESE),
        "es" => Some(&super::spanish::SPANISH),
        "ru" => Some(&super::russian::RUSSIAN),
        "sw" => Some(&super::swahili::SWAHILI),
        "ha" => Some(&super::hausa::HAUSA),
        "fa" => Some(&super::persian::PERSIAN),
        "tr" => Some(&super::turkish::TURKISH),
        "uk" => Some(&super::ukrainian::UKRAINIAN),
        "so" => Some(&super::somali::SOMALI),
        "de" => Some(&super::german::GERMAN),
        "it" => Some(&super::italian::ITALIAN),
        "pl" => Some(&super::polish::POLISH),
        "ps" => Some(&super::pashto::PASHTO),
        "am" => Some(&super::amharic::AMHARIC),
        "id" => Some(&super::indonesian::INDONESIAN),
        "tl" | "fil" => Some(&super::tagalog::TAGALOG),
        "ro" => Some(&super::romanian::ROMANIAN),
        "hi" => Some(&super::indic::HINDI),
        "ne" => Some(&super::indic::NEPALI),
        _ => None,
    }
}

/// The rules as the index writes them: `{"g":1 when they make groups,
/// "e":[...],"p":[[prefix,min,1 when it makes groups, 2 when a query's
/// only],...],
/// "s":[[ending,replacement,min],...],"i":[irregular plurals, the same],
/// "q":[query endings, the same],"h":[[letters, said as],...],"c":letters
/// before a compound's head,"o":1 when the prefixes are a verb's}`. `"e"`
/// also lists the language's function words (`stop`), left out of a query
/// the same way.
pub fn json(rules: Option<&Rules>, stop: &[&str]) -> String {
    let r = rules.unwrap_or(&Rules::NONE);
    let prefixes: Vec<(&str, usize, u8)> = r
        .prefixes
        .iter()
        .map(|&(p, m, g)| (p, m, u8::from(g)))
        .chain(r.query_prefixes.iter().map(|&(p, m)| (p, m, 2)))
        .collect();
    let drop: Vec<&str> = r.drop.iter().chain(stop).copied().collect();
    let query = [r.query_suffixes, r.acronyms, r.numbers, r.stems].concat();
    serde_json::json!({
        "g": u8::from(r.groups),
        "e": drop,
        "p": prefixes,
        "s": r.suffixes,
        "i": r.irregular,
        "q": query,
        "h": r.sounds,
        "w": r.inner,
        "c": r.heads,
        "o": u8::from(r.verb_prefixes),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalise::normalise;

    #[test]
    fn rules_are_written_normalised() {
        for code in [
            "ar", "fr", "en", "pt", "es", "ru", "sw", "ha", "fa", "uk", "tr", "so", "de", "it",
            "pl", "ps", "am", "id", "tl", "ro", "hi", "ne",
        ] {
            let r = rules(code).unwrap();
            let all = r
                .drop
                .iter()
                .chain(r.prefixes.iter().map(|p| &p.0))
                .chain(r.query_prefixes.iter().map(|p| &p.0))
                .chain(r.suffixes.iter().flat_map(|s| [&s.0, &s.1]))
                .chain(r.irregular.iter().flat_map(|s| [&s.0, &s.1]))
                .chain(r.query_suffixes.iter().flat_map(|s| [&s.0, &s.1]))
                .chain(r.sounds.iter().flat_map(|s| [&s.0, &s.1]))
                .chain(r.acronyms.iter().flat_map(|s| [&s.0, &s.1]))
                .chain(r.numbers.iter().flat_map(|s| [&s.0, &s.1]))
                .chain(r.stems.iter().flat_map(|s| [&s.0, &s.1]))
                .chain(r.inner.iter().flat_map(|s| [&s.0, &s.1]));
            for s in all {
                assert_eq!(normalise(s), *s, "{code}: {s}");
            }
        }
        assert!(rules("fr-CA").is_some() && rules("yo").is_none());
    }

    #[test]
    fn prefixes_are_tried_longest_first() {
        // A shorter prefix listed first would hide a longer one (ال in وال).
        for code in ["ar", "fr", "sw", "ru", "uk", "am", "id", "tl"] {
            let p = rules(code).unwrap().prefixes;
            for (i, a) in p.iter().enumerate() {
                for b in &p[i + 1..] {
                    assert!(
                        !(b.0.starts_with(a.0) && b.0 != a.0 && a.2 == b.2),
                        "{code}: {} before {}",
                        a.0,
                        b.0
                    );
                }
            }
        }
    }

    #[test]
    fn the_rules_serialise_for_the_browser() {
        let v: serde_json::Value = serde_json::from_str(&json(rules("fr"), &[])).unwrap();
        assert_eq!(v["e"][0], "c");
        assert_eq!(v["p"][0], serde_json::json!(["l", 4, 0]));
        assert_eq!(v["s"][0], serde_json::json!(["euses", "eur", 2]));
        assert_eq!(
            (&v["g"], &v["i"][0]),
            (&0.into(), &serde_json::json!(["aux", "ail", 2]))
        );
        let v: serde_json::Value = serde_json::from_str(&json(rules("ar"), &[])).unwrap();
        assert_eq!((&v["g"], &v["p"][0][2]), (&1.into(), &1.into()));
        let v: serde_json::Value = serde_json::from_str(&json(rules("en"), &[])).unwrap();
        assert_eq!(v["i"][0], serde_json::json!(["men", "man", 0]));
        assert_eq!(
            json(None, &[]),
            "{\"c\":0,\"e\":[],\"g\":0,\"h\":[],\"i\":[],\"o\":0,\"p\":[],\"q\":[],\"s\":[],\"w\":[]}"
        );
        // Only a verb's prefixes are marked as such (search.js `R.o`).
        let o = |code| json(rules(code), &[]).contains("\"o\":1");
        assert!(o("ru") && o("uk") && !o("fr") && !o("ar") && !o("fa"));
        let v: serde_json::Value = serde_json::from_str(&json(rules("en"), &["the"])).unwrap();
        assert_eq!((&v["e"][0], &v["e"][1]), (&"s".into(), &"the".into()));
    }

    #[test]
    fn portuguese_and_spanish_plural_endings_go_both_ways() {
        // Each query ending is a plural ending the other way, so that a
        // singular typed finds a plural of the site (`homem`, `homens`).
        for code in ["pt", "es"] {
            let r = rules(code).unwrap();
            assert!(!r.query_suffixes.is_empty(), "{code}");
            // European and Brazilian Portuguese spellings go both ways
            // among the query endings themselves.
            // So do `c`, `g` before `e` (`explicar`, `explique`).
            let spelling = |e: &str| {
                code == "pt" && (e.contains('c') || e.starts_with("ist"))
                    || e.contains("qu")
                    || e.contains("gu")
            };
            let plural = |q: &&Suffix| !q.1.is_empty() && !spelling(q.0) && !spelling(q.1);
            // Irregular verbs go both ways too (`decir`, `dijo`).
            for &(s, p, m) in r.query_suffixes.iter().filter(plural) {
                let back = (p, s, m);
                let found = r.suffixes.contains(&back) || r.irregular.contains(&back);
                assert!(found, "{code}: {s} -> {p}");
            }
        }
    }

    #[test]
    fn irregular_plurals_go_both_ways() {
        // Each plural ending is also tried the other way on a query.
        for code in ["en", "ha"] {
            let r = rules(code).unwrap();
            let back: Vec<Suffix> = r.irregular.iter().map(|&(p, s, m)| (s, p, m)).collect();
            // First, before any other query endings (Hausa `-n`).
            assert_eq!(back, r.query_suffixes[..back.len()], "{code}");
        }
    }
}
