//! Light affix rules per language: what a query word may be once its
//! joined prefixes and inflection endings are taken off.
//!
//! The rules are data, written into each index (`"r"`), and one small
//! algorithm reads them on both sides: [`variants`] here and `variants` in
//! `templates/static/search.js`, tested on the same cases
//! (`affix_cases.tsv`). The browser tries a query word's variants, least
//! stripped first, against the index's words and word groups; it never
//! needs a stemmer of its own.
//!
//! - Arabic: the conjunctions و and ف, the prepositions ب, ك and ل and the
//!   article ال, alone or combined (`وال`, `بال`, `لل`…), then one ending
//!   (plural `ات ون ين ان`, pronouns `ها ه`, taa marbuta written `ه` after
//!   normalisation, nisba `ي يه`), as Arabic light stemmers do. Prefixes
//!   holding the article also make the word groups of Arabic ([`group`]):
//!   a lone و, ف, ب, ك or ل may be part of the word itself (وثائق), so the
//!   index joins such a word to a group only when the rest is a word of the
//!   site (see `stem`).
//! - French: elided articles (`l'`, `d'`, `qu'`…) are separate words and
//!   are dropped from a query; `l` and `d` typed without the apostrophe
//!   (`linterprete`) come off as prefixes when four letters remain (not
//!   `lune` -> `une`); plural and feminine endings.
//! - English: plural, `-ed`, `-ing` endings; the possessive `'s` is dropped.
//! - Portuguese and Spanish: plural endings (`-ões` of `-ão`, `-éis` of
//!   `-el`, `-ns` of `-m`; `-ces` of `-z`…), which also join a plural of
//!   the site to its singular's group (`joins`, see `stem`).
//!
//! All text here is in normalised form (see `normalise`): accents folded,
//! taa marbuta as `ه`.

use std::collections::HashSet;

/// A language's rules.
pub struct Rules {
    /// Whether the rules also make the language's word groups (Arabic);
    /// else groups come from a stemmer, or there are none.
    pub groups: bool,
    /// Whether the endings also join a word of the site to the group of
    /// the word they leave, when that is a word of the site too (made at
    /// build time, see `stem`; Portuguese and Spanish plurals, which
    /// Snowball leaves apart: `homens`, `homem`; `veces`, `vez`).
    pub joins: bool,
    /// Words dropped from a query that has other words (elided articles).
    pub drop: &'static [&'static str],
    /// (prefix, letters that must remain, used for Arabic word groups).
    pub prefixes: &'static [(&'static str, usize, bool)],
    /// (ending, replacement, letters that must remain before it).
    pub suffixes: &'static [Suffix],
    /// Endings tried on query words only, after `suffixes`, never used for
    /// groups (Arabic pronouns joined to a word: `موافقته` is `موافقة` +
    /// `ه`, its taa marbuta written `ت`).
    pub query_suffixes: &'static [Suffix],
}

/// (ending, replacement, letters that must remain before it).
pub type Suffix = (&'static str, &'static str, usize);

const ARABIC: Rules = Rules {
    groups: true,
    joins: false,
    drop: &[],
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
    suffixes: &[
        ("ات", "", 2),
        ("ون", "", 2),
        ("ين", "", 2),
        ("ان", "", 2),
        ("ها", "", 2),
        ("يه", "", 2),
        ("ه", "", 2),
        ("ي", "", 2),
    ],
    query_suffixes: &[
        ("تهم", "ه", 2),
        ("تها", "ه", 2),
        ("ته", "ه", 2),
        ("تك", "ه", 2),
        ("هم", "", 2),
        ("كم", "", 2),
    ],
};

const FRENCH: Rules = Rules {
    groups: false,
    joins: false,
    drop: &[
        "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    ],
    prefixes: &[("l", 4, false), ("d", 4, false)],
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
    query_suffixes: &[],
};

const ENGLISH: Rules = Rules {
    groups: false,
    joins: false,
    drop: &["s"],
    prefixes: &[],
    suffixes: &[
        ("ies", "y", 2),
        ("ied", "y", 2),
        ("ing", "e", 2),
        ("ing", "", 2),
        ("ers", "", 3),
        ("es", "", 2),
        ("ed", "e", 2),
        ("ed", "", 2),
        ("er", "", 3),
        ("ly", "", 3),
        ("s", "", 2),
    ],
    query_suffixes: &[],
};

// Portuguese plurals: `-ões`, `-ães` of `-ão`, `-ais` of `-al`, `-éis` of
// `-el` and `-eis` of `-il`, `-óis`, `-uis`, `-ns` of `-m`, `-res`, `-zes`,
// `-ses` (`países`), `-s`. `-ães` last: `mães` is `mãe` before `mão`.
const PORTUGUESE: Rules = Rules {
    groups: false,
    joins: true,
    drop: &[],
    prefixes: &[],
    suffixes: &[
        ("oes", "ao", 2),
        ("ais", "al", 2),
        ("eis", "el", 2),
        ("eis", "il", 2),
        ("ois", "ol", 2),
        ("uis", "ul", 2),
        ("ns", "m", 2),
        ("res", "r", 2),
        ("zes", "z", 2),
        ("ses", "s", 2),
        ("s", "", 2),
        ("aes", "ao", 2),
    ],
    query_suffixes: &[],
};

// Spanish plurals: `-ces` of `-z` (`veces`, `vez`), `-es` (`mujeres`,
// `naciones`), `-s`.
const SPANISH: Rules = Rules {
    groups: false,
    joins: true,
    drop: &[],
    prefixes: &[],
    suffixes: &[("ces", "z", 2), ("es", "", 2), ("s", "", 2)],
    query_suffixes: &[],
};

/// The rules of a language (by its primary subtag: `fr-CA` has French
/// rules), if it has any.
pub fn rules(code: &str) -> Option<&'static Rules> {
    let primary = code.split(['-', '_']).next().unwrap_or("");
    match primary.to_ascii_lowercase().as_str() {
        "ar" => Some(&ARABIC),
        "fr" => Some(&FRENCH),
        "en" => Some(&ENGLISH),
        "pt" => Some(&PORTUGUESE),
        "es" => Some(&SPANISH),
        _ => None,
    }
}

fn letters(s: &str) -> usize {
    s.chars().count()
}

/// The forms a query word may stand for, least stripped first: the word
/// itself; without each prefix it starts with; each of those without each
/// ending it has (replaced where the rule says), query endings included. Sorted by length, longest
/// first, ties in rule order; no repeats. search.js does exactly this.
pub fn variants(word: &str, rules: &Rules) -> Vec<String> {
    let n = letters(word);
    let mut stems = vec![word];
    for &(p, min, _) in rules.prefixes {
        if let Some(rest) = word.strip_prefix(p)
            && n - letters(p) >= min
        {
            stems.push(rest);
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut push = |v: String| {
        if !out.contains(&v) {
            out.push(v);
        }
    };
    for s in stems {
        push(s.to_string());
        let len = letters(s);
        for &(suffix, with, min) in rules.suffixes.iter().chain(rules.query_suffixes) {
            if let Some(rest) = s.strip_suffix(suffix)
                && len - letters(suffix) >= min
            {
                push(format!("{rest}{with}"));
            }
        }
    }
    // Stable: equal lengths keep the order they were made in.
    out.sort_by_key(|v| std::cmp::Reverse(letters(v)));
    out
}

/// What a query word not on the site finds through its variants: the
/// first of them, least stripped first (the word itself left out), that is
/// a word or group key of the site (`is_key`), or, under rules that make
/// groups, whose group key is (`موافقته` -> `موافقه` -> `موافق`, when the
/// site writes only `الموافقة`). search.js's `find` does the same.
pub fn found_variant(word: &str, rules: &Rules, is_key: impl Fn(&str) -> bool) -> Option<String> {
    variants(word, rules).into_iter().skip(1).find_map(|v| {
        if is_key(&v) {
            return Some(v);
        }
        let g = group(&v, rules);
        (rules.groups && is_key(&g)).then_some(g)
    })
}

/// A word's group key under the rules (Arabic): the first grouping prefix
/// it has, then the first ending, each only when enough letters remain.
/// search.js makes Arabic groups itself with the same rules (`group`),
/// so that the index need not carry them.
pub fn group(word: &str, rules: &Rules) -> String {
    let mut stem = word;
    for &(p, min, grouping) in rules.prefixes {
        if grouping
            && let Some(rest) = stem.strip_prefix(p)
            && letters(rest) >= min
        {
            stem = rest;
            break;
        }
    }
    let len = letters(stem);
    for &(suffix, with, min) in rules.suffixes {
        if let Some(rest) = stem.strip_suffix(suffix)
            && len - letters(suffix) >= min
        {
            return format!("{rest}{with}");
        }
    }
    stem.to_string()
}

/// A single-letter (or two-letter) joined prefix that is not part of a word
/// group (`ب` in `بمترجم`), and the rest of the word, when enough remains.
pub fn loose_prefix<'a>(word: &'a str, rules: &Rules) -> Option<&'a str> {
    rules.prefixes.iter().find_map(|&(p, min, grouping)| {
        let rest = word.strip_prefix(p)?;
        (!grouping && letters(rest) >= min).then_some(rest)
    })
}

/// Every word's group under rules that make groups, as search.js makes
/// them: the group the index carries (`carried`, from a stemmer), else
/// [`group`]; then a word that starts with a letter that is not part of
/// any group (Arabic `ب` in `بمترجم`) joins the group of the rest when the
/// rest is also a word of the site, or the rest's group a group of the
/// site (then the letter was a prefix, not part of the word as in `وثائق`).
pub fn groups(terms: &[&str], carried: &[Option<String>], rules: &Rules) -> Vec<String> {
    let mut keys: Vec<String> = terms
        .iter()
        .zip(carried)
        .map(|(t, c)| c.clone().unwrap_or_else(|| group(t, rules)))
        .collect();
    let words: HashSet<&str> = terms.iter().copied().collect();
    let found: HashSet<String> = keys.iter().cloned().collect();
    for ((term, c), key) in terms.iter().zip(carried).zip(keys.iter_mut()) {
        if c.is_some() {
            continue;
        }
        if let Some(rest) = loose_prefix(term, rules) {
            let rest_key = group(rest, rules);
            if words.contains(rest) || found.contains(&rest_key) {
                *key = rest_key;
            }
        }
    }
    keys
}

/// The rules as the index writes them: `{"g":1 when they make groups,
/// "e":[...],"p":[[prefix,min,1 when it makes groups],...],
/// "s":[[ending,replacement,min],...],"q":[query endings, the same]}`.
pub fn json(rules: Option<&Rules>) -> String {
    let Some(r) = rules else {
        return "{\"e\":[],\"g\":0,\"p\":[],\"q\":[],\"s\":[]}".into();
    };
    let prefixes: Vec<(&str, usize, u8)> = r
        .prefixes
        .iter()
        .map(|&(p, m, g)| (p, m, u8::from(g)))
        .collect();
    serde_json::json!({
        "g": u8::from(r.groups),
        "e": r.drop,
        "p": prefixes,
        "s": r.suffixes,
        "q": r.query_suffixes,
    })
    .to_string()
}

/// The shared cases (`affix_cases.tsv`: language, word, its group key, its
/// variants separated by spaces), for the tests here and in
/// `tests/search.rs`.
#[doc(hidden)]
pub fn cases() -> Vec<[String; 4]> {
    include_str!("affix_cases.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t').map(str::to_string);
            std::array::from_fn(|_| cols.next().unwrap_or_default())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalise::normalise;

    #[test]
    fn shared_cases() {
        let cases = cases();
        assert!(cases.len() >= 20);
        for [lang, word, group_key, expected] in cases {
            let r = rules(&lang).unwrap();
            let term = normalise(&word);
            assert_eq!(variants(&term, r).join(" "), expected, "{lang} {word}");
            if !group_key.is_empty() {
                assert_eq!(group(&term, r), group_key, "{lang} {word}");
            }
        }
    }

    #[test]
    fn a_variant_is_found_by_its_group_where_rules_make_groups() {
        let ar = rules("ar").unwrap();
        // The site writes only الموافقة and والخطة: their groups are keys.
        let keys = ["الموافقه", "موافق", "والخطه", "خط"];
        let is_key = |s: &str| keys.contains(&s);
        let find = |w: &str| found_variant(&normalise(w), ar, is_key);
        assert_eq!(find("موافقته").as_deref(), Some("موافق"));
        assert_eq!(find("خطتها").as_deref(), Some("خط"));
        assert_eq!(find("بالموافقة").as_deref(), Some("موافق"));
        assert_eq!(find("كتابه"), None);
        // Elsewhere only variants that are keys themselves.
        let en = rules("en").unwrap();
        assert_eq!(
            found_variant("victims", en, |s| s == "victim").as_deref(),
            Some("victim")
        );
        assert_eq!(found_variant("victims", en, |s| s == "vict"), None);
    }

    #[test]
    fn rules_are_written_normalised() {
        for code in ["ar", "fr", "en", "pt", "es"] {
            let r = rules(code).unwrap();
            let all = r
                .drop
                .iter()
                .chain(r.prefixes.iter().map(|p| &p.0))
                .chain(r.suffixes.iter().flat_map(|s| [&s.0, &s.1]))
                .chain(r.query_suffixes.iter().flat_map(|s| [&s.0, &s.1]));
            for s in all {
                assert_eq!(normalise(s), *s, "{code}: {s}");
            }
        }
        assert!(rules("fr-CA").is_some() && rules("ha").is_none());
    }

    #[test]
    fn prefixes_are_tried_longest_first() {
        // A shorter prefix listed first would hide a longer one (ال in وال).
        for code in ["ar", "fr"] {
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
        let v: serde_json::Value = serde_json::from_str(&json(rules("fr"))).unwrap();
        assert_eq!(v["e"][0], "c");
        assert_eq!(v["p"][0], serde_json::json!(["l", 4, 0]));
        assert_eq!(v["s"][0], serde_json::json!(["euses", "eur", 2]));
        assert_eq!(v["g"], 0);
        let v: serde_json::Value = serde_json::from_str(&json(rules("ar"))).unwrap();
        assert_eq!((&v["g"], &v["p"][0][2]), (&1.into(), &1.into()));
        assert_eq!(json(None), "{\"e\":[],\"g\":0,\"p\":[],\"q\":[],\"s\":[]}");
    }
}
