//! Hausa words of the site joined to the word they are a form of: the
//! definite (`yaron`, the child) and plurals in `-oyi`, `-oci`, `-omi`
//! (`alamomin`). Apart from `hausa`, the rules' data, which `rules` lists
//! and this reads through `affix`.

use super::affix;
use super::hausa::HAUSA;
use super::rule_set::Rules;
use std::collections::HashMap;

/// Plural endings and their singulars' (`hanyoyi`, `hanya`; `asibitoci`,
/// `asibiti`; `alamomi`, `alama`), as the query endings above have them.
const PLURALS: [(&str, &str); 3] = [("oyi", "a"), ("oci", "i"), ("omi", "a")];

/// Words whose `-r` is a verb's, not the definite's: `bayar` (give) is
/// not *the* `baya` (back), nor `samar` (provide) `sama` (sky).
const VERBS_IN_R: [&str; 2] = ["bayar", "samar"];

fn vowel(c: char) -> bool {
    "aeiou".contains(c)
}

/// The words a Hausa word may be a form of, most likely first: without the
/// definite `-n` after a vowel or `-r` after `a` (`yaron`, the child:
/// `yaro`; `hanyar`, the way: `hanya`) or `-in` after a consonant
/// (`mutumin`: `mutum`), three letters left; then that word or the word
/// itself as a plural's singular (`alamomin`: `alamomi`, `alama`;
/// `mutanen`: `mutane`, `mutum`), or a singular's irregular plural
/// (`yaron`: `yaro`, `yara`).
fn bases(word: &str) -> Vec<String> {
    let letters: Vec<char> = word.chars().collect();
    let n = letters.len();
    let mut forms = vec![word.to_string()];
    if n >= 4 {
        let (last, before) = (letters[n - 1], letters[n - 2]);
        if (last == 'n' && vowel(before))
            || (last == 'r' && before == 'a' && !VERBS_IN_R.contains(&word))
        {
            forms.push(letters[..n - 1].iter().collect());
        }
    }
    if n >= 5 && word.ends_with("in") && !vowel(letters[n - 3]) {
        forms.push(letters[..n - 2].iter().collect());
    }
    let mut out: Vec<String> = forms[1..].to_vec();
    for form in &forms {
        for (plural, singular) in PLURALS {
            if let Some(rest) = form.strip_suffix(plural)
                && rest.chars().count() >= 3
            {
                out.push(format!("{rest}{singular}"));
            }
        }
        out.extend(affix::singulars(form, &HAUSA));
        let plurals = HAUSA.irregular.iter().filter(|i| i.1 == form.as_str());
        out.extend(plurals.map(|i| i.0.to_string()));
    }
    out
}

/// Moves each Hausa word of the index's own pages (`own`) that is a form
/// of another word of the site (see [`bases`]: its definite form, or a
/// plural in `-oyi`, `-oci`, `-omi`) to that word's group, after plurals
/// have joined their singulars' (see `stem`): `yara` (children) then finds
/// the page that says *Yaron* (the child), `mutane` (people) the one that
/// says *mutumin*, `alama` the one that says *alamomin*. Only a word of
/// the site is joined, so `domin` (because) stays whole. `keys` and
/// `carried` (whether the index carries the key) are changed in place.
/// Only under the Hausa rules.
pub(super) fn join(
    terms: &[&str],
    own: &[bool],
    r: &Rules,
    keys: &mut [String],
    carried: &mut [bool],
) {
    if !std::ptr::eq(r, &HAUSA) {
        return;
    }
    let mut site: HashMap<&str, usize> = HashMap::new();
    for (i, &term) in terms.iter().enumerate().filter(|&(i, _)| own[i]) {
        site.entry(term).or_insert(i);
    }
    // A group's key -> the group it joins.
    let mut into: HashMap<String, String> = HashMap::new();
    let root = |into: &HashMap<String, String>, k: &str| {
        let mut k = k.to_string();
        while let Some(next) = into.get(&k) {
            k = next.clone();
        }
        k
    };
    for (i, &term) in terms.iter().enumerate().filter(|&(i, _)| own[i]) {
        let Some(j) = bases(term)
            .iter()
            .find_map(|b| site.get(b.as_str()).copied())
        else {
            continue;
        };
        let (from, to) = (root(&into, &keys[i]), root(&into, &keys[j]));
        if from != to {
            into.insert(from, to);
        }
    }
    for (i, &term) in terms.iter().enumerate().filter(|&(i, _)| own[i]) {
        let key = root(&into, &keys[i]);
        if key != keys[i] {
            carried[i] = key != term;
            keys[i] = key;
        }
    }
}
