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
//!   Irregular plurals (`women`, `children`, `people`, `lives`, `crises`,
//!   `criteria`…) are tried both ways, and join a plural of the site to its
//!   singular's group ([`singulars`], see `stem`).
//! - Portuguese and Spanish: plural endings (`-ões` of `-ão`, `-éis` of
//!   `-el`, `-ns` of `-m`; `-ces` of `-z`…), which also join a plural of
//!   the site to its singular's group (`joins`, see `stem`).
//!
//! All text here is in normalised form (see `normalise`): accents folded,
//! taa marbuta as `ه`. The rules themselves are in `rules`.

use std::collections::HashSet;

pub use super::rules::{Rules, Suffix, json, rules};

fn letters(s: &str) -> usize {
    s.chars().count()
}

/// The forms a query word may stand for, least stripped first: the word
/// itself; without each prefix it starts with; each of those without each
/// ending it has (replaced where the rule says: endings, irregular plurals,
/// then query endings); so is the word with a letter typed for another
/// (`inner_forms`). The word first, then the others by length, longest
/// first, ties in rule order; no repeats. A verb's prefixes
/// (`verb_prefixes`) are not taken off here: search.js looks for the word
/// without one only when its own forms find nothing. search.js does
/// exactly this.
pub fn variants(word: &str, rules: &Rules) -> Vec<String> {
    let n = letters(word);
    let mut stems = vec![word.to_string()];
    let query = rules.query_prefixes.iter().map(|&(p, min)| (p, min));
    let prefixes: Vec<(&str, usize)> = if rules.verb_prefixes {
        Vec::new()
    } else {
        rules
            .prefixes
            .iter()
            .map(|&(p, min, _)| (p, min))
            .chain(query)
            .collect()
    };
    for (p, min) in prefixes {
        if let Some(rest) = word.strip_prefix(p)
            && n - letters(p) >= min
        {
            stems.push(rest.to_string());
        }
    }
    stems.extend(inner_forms(word, rules));
    let mut out: Vec<String> = Vec::new();
    let mut push = |v: String| {
        if !out.contains(&v) {
            out.push(v);
        }
    };
    for s in &stems {
        push(s.to_string());
        let len = letters(s);
        let endings = rules.suffixes.iter().chain(rules.irregular);
        let query = rules.query_suffixes.iter().chain(rules.acronyms);
        let query = query.chain(rules.numbers).chain(rules.stems);
        for &(suffix, with, min) in endings.chain(query) {
            if let Some(rest) = s.strip_suffix(suffix)
                && len - letters(suffix) >= min
            {
                push(format!("{rest}{with}"));
            }
        }
    }
    // The word itself first, though a query ending may lengthen it (`calf`,
    // `calves`). Stable: equal lengths keep the order they were made in.
    out[1..].sort_by_key(|v| std::cmp::Reverse(letters(v)));
    out
}

/// The word with each letter that the rules say may stand for another
/// (`Rules::inner`), from the rule's place on, written as that other: one
/// at a time, in order, then all at once (`информации`, *інформації*).
fn inner_forms(word: &str, rules: &Rules) -> Vec<String> {
    let mut out = Vec::new();
    for &(typed, meant, from) in rules.inner {
        let start = word.char_indices().nth(from).map_or(word.len(), |(i, _)| i);
        let (head, tail) = word.split_at(start);
        for (i, _) in tail.match_indices(typed) {
            let i = start + i;
            out.push(format!("{}{meant}{}", &word[..i], &word[i + typed.len()..]));
        }
        out.push(format!("{head}{}", tail.replace(typed, meant)));
    }
    out
}

/// Whether a query word finds `word` of the site as its end, the head of
/// a compound (German `pass`, *Reisepass*), with at least `Rules::heads`
/// letters before it, and four letters itself. search.js's `head` does
/// the same.
pub fn is_head(word: &str, query: &str, rules: &Rules) -> bool {
    let (n, q) = (letters(word), letters(query));
    rules.heads > 0 && q > 3 && word.ends_with(query) && n - q >= rules.heads
}

/// The singulars an irregular plural may stand for (`women` -> `woman`),
/// in rule order: what it joins at build time (see `stem`).
pub fn singulars(word: &str, rules: &Rules) -> Vec<String> {
    let len = letters(word);
    rules
        .irregular
        .iter()
        .filter_map(|&(plural, singular, min)| {
            let rest = word.strip_suffix(plural)?;
            (len - letters(plural) >= min).then(|| format!("{rest}{singular}"))
        })
        .collect()
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
    let stem = without_article(word, rules).unwrap_or(word);
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
    prefix_off(word, rules, false)
}

/// The word without the first grouping prefix it has (the article, with
/// any letter joined before it: `والسلامة` -> `سلامة`), when enough remains.
pub fn without_article<'a>(word: &'a str, rules: &Rules) -> Option<&'a str> {
    prefix_off(word, rules, true)
}

/// The rest of the word after the first prefix it has that is (or is not)
/// `grouping`, when enough letters remain.
fn prefix_off<'a>(word: &'a str, rules: &Rules, grouping: bool) -> Option<&'a str> {
    rules.prefixes.iter().find_map(|&(p, min, g)| {
        let rest = word.strip_prefix(p)?;
        (g == grouping && letters(rest) >= min).then_some(rest)
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
    fn an_imperatives_alef_comes_off_a_query_word_only() {
        // A query's `احذف` is the page's `حذف`, but a page's `إحالة` (a
        // referral) is not `ا` + `الحالة` (the case): no group joins them.
        let ar = rules("ar").unwrap();
        let terms = ["احاله", "الحاله", "احذف", "حذف"];
        let keys = groups(&terms, &[None, None, None, None], ar);
        assert_eq!((keys[0].as_str(), keys[1].as_str()), ("احال", "حال"));
        assert_eq!(keys[2], "احذف");
        assert!(variants("احذف", ar).contains(&"حذف".to_string()));
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
    fn irregular_plurals_stand_for_their_singulars() {
        let en = rules("en").unwrap();
        for (plural, singular) in [
            ("women", "woman"),
            ("policemen", "policeman"),
            ("grandchildren", "grandchild"),
            ("people", "person"),
            ("halves", "half"),
            ("analyses", "analysis"),
            ("crises", "crisis"),
            ("criteria", "criterion"),
        ] {
            assert_eq!(singulars(plural, en), [singular], "{plural}");
            assert!(variants(plural, en).contains(&singular.to_string()));
            // And a singular typed where the site has the plural.
            assert!(variants(singular, en).contains(&plural.to_string()));
        }
        assert!(singulars("woman", en).is_empty());
        assert!(singulars("leaves", rules("fr").unwrap()).is_empty());
    }
}
