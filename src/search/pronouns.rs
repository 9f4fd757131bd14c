//! Arabic writes a possessive pronoun joined to its noun, and a final taa
//! marbuta becomes `ت` before it: `سلامة` -> `سلامتك` (your safety),
//! `أسرة` -> `أسرتك`, `سفر` -> `سفرك`. Guidance speaks to the reader and
//! the survivor this way, so such a word of the site joins its noun's
//! group where the noun is a word of the site too (`السلامة`): a search
//! for the safety page then finds the warning that says *سلامتك*, and the
//! other way round. Without the noun on the site the word keeps its own
//! group, since the same letters may be the noun's own (`شريك`, a
//! partner, is not `شري` + `ك`). The index carries these groups: search.js
//! makes none of them.

use super::affix::{self, Rules};
use std::collections::HashMap;

/// The pronouns joined to a noun, in normalised form, longest first.
const PRONOUNS: [&str; 11] = [
    "كما", "هما", "كم", "كن", "هم", "هن", "ها", "نا", "ك", "ه", "ي",
];

/// The nouns a word with a joined pronoun may be, most likely first: the
/// noun whose taa marbuta became `ت` (`سلامتك`: `سلامه`), then the word
/// without its pronoun (`سفرك`: `سفر`), two letters at least.
fn nouns(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in PRONOUNS {
        let Some(stem) = word.strip_suffix(p) else {
            continue;
        };
        if let Some(noun) = stem.strip_suffix('ت')
            && noun.chars().count() >= 2
        {
            out.push(format!("{noun}ه"));
        }
        if stem.chars().count() >= 3 {
            out.push(stem.to_string());
        }
    }
    out
}

/// Moves each word of the index's own language (`own`) that is a noun
/// with a joined pronoun, after any joined letter (`وسلامتك`), to the
/// group of that noun, when the noun is a word of the site, alone or after
/// the article (`سلامة`, `السلامة`). `keys` and `carried` (whether the
/// index carries the key) are changed in place. Only under rules that
/// make groups (Arabic).
pub(super) fn join(
    terms: &[&str],
    own: &[bool],
    r: &Rules,
    keys: &mut [String],
    carried: &mut [bool],
) {
    if !r.groups || r.own_groups {
        return;
    }
    let own_terms = || terms.iter().enumerate().filter(|&(i, _)| own[i]);
    // Each word of the site, and each without its article (with any letter
    // joined before it), to its index.
    let mut bare: HashMap<&str, usize> = HashMap::new();
    for (i, &term) in own_terms() {
        bare.entry(term).or_insert(i);
        if let Some(rest) = affix::without_article(term, r) {
            bare.entry(rest).or_insert(i);
        }
    }
    let first = keys.to_vec();
    for (i, &term) in own_terms() {
        // A noun with the article takes no pronoun.
        if affix::without_article(term, r).is_some() {
            continue;
        }
        let mut forms = vec![term];
        forms.extend(affix::loose_prefix(term, r));
        let noun = forms
            .iter()
            .flat_map(|f| nouns(f))
            .find_map(|n| bare.get(n.as_str()).copied());
        if let Some(j) = noun
            && first[j] != keys[i]
        {
            keys[i] = first[j].clone();
            carried[i] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::search::affix;
    use crate::search::normalise::normalise;

    /// Each word's group, and whether the index carries it, as the build
    /// makes them for Arabic pages.
    fn groups(surfaces: &[&str]) -> Vec<(String, bool)> {
        let terms: Vec<String> = surfaces.iter().map(|s| normalise(s)).collect();
        let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
        let r = affix::rules("ar").unwrap();
        let mut keys = affix::groups(&terms, &vec![None; terms.len()], r);
        let mut carried = vec![false; terms.len()];
        super::join(&terms, &vec![true; terms.len()], r, &mut keys, &mut carried);
        keys.into_iter().zip(carried).collect()
    }

    #[test]
    fn a_noun_with_a_joined_pronoun_joins_the_nouns_group() {
        let g = groups(&[
            "السلامة",
            "سلامتك",
            "وسلامته",
            "الأسرة",
            "أسرتك",
            "السفر",
            "سفرك",
            "هويته",
            "الهوية",
            "منظمتك",
            "المنظمة",
        ]);
        assert_eq!(g[1].0, g[0].0);
        assert_eq!(g[2].0, g[0].0);
        assert_eq!(g[4].0, g[3].0);
        assert_eq!(g[6].0, g[5].0);
        assert_eq!(g[7].0, g[8].0);
        assert_eq!(g[9].0, g[10].0);
        // The index carries these groups: search.js cannot make them.
        assert!(g[1].1 && g[4].1 && g[6].1);
        assert_ne!(g[0].0, g[3].0);
    }

    #[test]
    fn without_the_noun_on_the_site_a_word_keeps_its_group() {
        // `شريك` (a partner) is not `شري` + `ك`; `سلامتك` alone stays.
        let g = groups(&["شريك", "سلامتك", "الشر"]);
        assert_eq!(g[0], ("شريك".to_string(), false));
        assert_eq!(g[1], ("سلامتك".to_string(), false));
        // Nor does a word with the article take a pronoun: `الملك` stays.
        let g = groups(&["الملك", "الم"]);
        assert_eq!(g[0].0, "ملك");
    }
}
