//! Word groups: the words of a language's vocabulary that a search for one
//! of them also finds (`consent`, `consenting`, `consented`).
//!
//! Made here, once, and written into the index as each word's group key,
//! so that the browser needs no stemmer: Snowball stemmers (rust-stemmers)
//! for the languages they cover; Arabic by the light affix rules of
//! `affix` (the Snowball Arabic stemmer leaves `والمترجم` whole but cuts
//! `الضحية` to `الضح`), which the browser applies itself, so that Arabic
//! groups cost the index nothing; no groups elsewhere. Each word is stemmed
//! by the language of the pages it was found in: an English page shown in
//! the Arabic tree keeps English groups.

use super::affix::{self, Rules};
use super::normalise::normalise;
use rust_stemmers::{Algorithm, Stemmer};

/// The Snowball stemmer of a language, if it has one (not Arabic: see
/// above).
pub(super) fn snowball(code: &str) -> Option<Stemmer> {
    let primary = code.split(['-', '_']).next().unwrap_or("");
    let algorithm = match primary.to_ascii_lowercase().as_str() {
        "da" => Algorithm::Danish,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "en" => Algorithm::English,
        "es" => Algorithm::Spanish,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// One vocabulary word to group: its spelling, its term, and the stemmer
/// of the language of the pages it was found in, if any.
pub(super) struct Word<'a> {
    pub surface: &'a str,
    pub term: &'a str,
    pub stemmer: Option<&'a Stemmer>,
}

/// Every word's group key, and whether the index must carry it (a stem
/// the browser cannot make): Snowball stems where the word's language has
/// a stemmer and the stem is not the term (Snowball wants the accents,
/// French `-é`, `-ée`, but lower case; its stem is then normalised like any
/// term). In a language whose affix rules make groups (`rules`, Arabic),
/// every other word is grouped by them, as search.js does again (see
/// `affix::groups`); elsewhere a word is its own group.
pub(super) fn keys(words: &[Word], rules: Option<&Rules>) -> Vec<(String, bool)> {
    let carried: Vec<Option<String>> = words
        .iter()
        .map(|w| {
            let stem = normalise(&w.stemmer?.stem(&w.surface.to_lowercase()));
            (stem != w.term).then_some(stem)
        })
        .collect();
    let terms: Vec<&str> = words.iter().map(|w| w.term).collect();
    let keys = match rules {
        Some(r) => affix::groups(&terms, &carried, r),
        None => terms
            .iter()
            .zip(&carried)
            .map(|(t, c)| c.clone().unwrap_or_else(|| t.to_string()))
            .collect(),
    };
    keys.into_iter()
        .zip(carried)
        .map(|(k, c)| (k, c.is_some()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group_all(code: &str, surfaces: &[&str]) -> Vec<String> {
        let terms: Vec<String> = surfaces.iter().map(|s| normalise(s)).collect();
        let stemmer = snowball(code);
        let words: Vec<Word> = surfaces
            .iter()
            .zip(&terms)
            .map(|(s, t)| Word {
                surface: s,
                term: t,
                stemmer: stemmer.as_ref(),
            })
            .collect();
        let rules = affix::rules(code).filter(|r| r.groups);
        keys(&words, rules).into_iter().map(|k| k.0).collect()
    }

    #[test]
    fn english_and_french_forms_share_a_group() {
        let en = group_all("en", &["Consent", "consenting", "consented", "victims"]);
        assert_eq!(en, ["consent", "consent", "consent", "victim"]);
        let fr = group_all("fr-BE", &["Sécurité", "protégées", "protégé", "passeurs"]);
        assert_eq!(fr, ["secur", "proteg", "proteg", "passeur"]);
    }

    #[test]
    fn arabic_groups_strip_the_article_and_joined_letters() {
        let ar = group_all(
            "ar",
            &[
                "المترجم",
                "للمترجم",
                "بمترجم",
                "الوثائق",
                "وثائق",
                "الإحالة",
                "إحالة",
            ],
        );
        assert_eq!(
            ar,
            ["مترجم", "مترجم", "مترجم", "وثايق", "وثايق", "احال", "احال"]
        );
        // Without another form of the word, a first letter stays.
        assert_eq!(group_all("ar", &["كتاب"]), ["كتاب"]);
    }

    #[test]
    fn languages_without_a_stemmer_keep_words_whole() {
        assert_eq!(group_all("ha", &["Ƙasa", "ƙasashe"]), ["kasa", "kasashe"]);
    }
}
