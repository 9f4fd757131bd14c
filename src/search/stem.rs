//! Word groups: the words of a language's vocabulary that a search for one
//! of them also finds (`consent`, `consenting`, `consented`).
//!
//! Made here, once, and written into the index as each word's group key,
//! so that the browser needs no stemmer: Snowball stemmers (rust-stemmers)
//! for the languages they cover; Arabic by the light affix rules of
//! `affix` (the Snowball Arabic stemmer leaves `والمترجم` whole but cuts
//! `الضحية` to `الضح`), which the browser applies itself, so that Arabic
//! groups cost the index nothing; Swahili words without their noun-class
//! prefixes (`mtoto`, `watoto`), by the same rules; no groups elsewhere.
//! Each word is stemmed
//! by the language of the pages it was found in: an English page shown in
//! the Arabic tree keeps English groups.

use super::affix::{self, Rules};
use super::normalise::normalise;
use super::pronouns;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, HashMap};

/// The Snowball stemmer of a language, if it has one (not Arabic: see
/// above).
pub(super) fn snowball(code: &str) -> Option<Stemmer> {
    let algorithm = match crate::config::primary_language(code).as_str() {
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
    /// Whether it was found in pages of the index's own language (only
    /// those words are joined by the language's rules, see below).
    pub own: bool,
}

/// Every word's group key, and whether the index must carry it (a key
/// the browser cannot make): Snowball stems where the word's language has
/// a stemmer and the stem is not the term (Snowball wants the accents,
/// French `-é`, `-ée`, but lower case; its stem is then normalised like any
/// term). In a language whose affix rules make groups (`rules`, Arabic),
/// every other word is grouped by them, as search.js does again (see
/// `affix::groups`); where they group a language's own words (Swahili
/// noun classes), its pages' words are grouped by them and carried;
/// elsewhere a word is its own group. Then plurals join
/// their singulars' groups (see [`join`]), Arabic nouns written with
/// a joined pronoun their nouns' (see `pronouns`), and Hausa definite forms
/// and plurals their words' (see `hausa_forms`).
pub(super) fn keys(words: &[Word], rules: Option<&Rules>) -> Vec<(String, bool)> {
    let carried: Vec<Option<String>> = words
        .iter()
        .map(|w| {
            let stem = match (w.stemmer, rules) {
                (Some(s), _) => normalise(&s.stem(&w.surface.to_lowercase())),
                (None, Some(r)) if r.own_groups && w.own => affix::group(w.term, r),
                (None, Some(r)) if r.groups => return latin_after_prefix(w.term, r),
                _ => return None,
            };
            (stem != w.term).then_some(stem)
        })
        .collect();
    let terms: Vec<&str> = words.iter().map(|w| w.term).collect();
    let mut keys = match rules {
        Some(r) if r.groups => affix::groups(&terms, &carried, r),
        _ => terms
            .iter()
            .zip(&carried)
            .map(|(t, c)| c.clone().unwrap_or_else(|| t.to_string()))
            .collect(),
    };
    let mut carried: Vec<bool> = carried.iter().map(Option::is_some).collect();
    if let Some(r) = rules {
        join(words, r, &mut keys, &mut carried);
        let own: Vec<bool> = words.iter().map(|w| w.own).collect();
        pronouns::join(&terms, &own, r, &mut keys, &mut carried);
        super::hausa_forms::join(&terms, &own, r, &mut keys, &mut carried);
    }
    keys.into_iter().zip(carried).collect()
}

/// The Latin word or number after a letter written joined to it (Arabic
/// `وUNHCR`, `و116`): its group, which the browser cannot make (a lone
/// joined letter comes off only when the rest is a word of the site), so
/// that `UNHCR` finds it as a word rather than as a misspelling.
fn latin_after_prefix(term: &str, r: &Rules) -> Option<String> {
    r.prefixes
        .iter()
        .filter(|p| !p.2)
        .find_map(|p| term.strip_prefix(p.0))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
        .map(str::to_string)
}

/// Joins plurals of the index's language to their singulars' groups where
/// both are words of the site, which Snowball leaves apart: what a query
/// finds for the plural it then also finds for the singular's pages, and
/// the other way round. Where the rules join (`Rules::joins`: Portuguese,
/// Spanish), a word whose ending, taken off as a query's would be, leaves
/// another word of the site moves to that word's group (`homens` ->
/// `homem`, `opções` -> `opção`). An irregular plural (`Rules::irregular`:
/// English `women`, `analyses`) brings its whole group to its singular's,
/// since a word has one group: `analysed` and `analysing` stay with
/// `analyses`, and `lives` with `live` and `living`.
fn join(words: &[Word], r: &Rules, keys: &mut [String], carried: &mut [bool]) {
    if !r.joins && r.irregular.is_empty() {
        return;
    }
    let mut own: HashMap<&str, usize> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        if w.own {
            own.entry(w.term).or_insert(i);
        }
    }
    let of = |v: &String| own.get(v.as_str()).copied();
    let first = keys.to_vec();
    // A plural is also known by its group, without joined letters (Arabic):
    // `والأطفال` (group `اطفال`) joins `الطفل` (group `طفل`), which no word
    // `والطفل` would show, and `للنساء` joins `المرأة` (group `مرا`); or
    // by its Snowball group, whatever its ending: Russian `детей` (group
    // `дет`) joins `ребёнка` (group `ребенк`).
    let mut own_groups: HashMap<&str, usize> = HashMap::new();
    for (i, _) in words.iter().enumerate().filter(|(_, w)| w.own) {
        own_groups.entry(first[i].as_str()).or_insert(i);
    }
    let of_group = |v: &String| own_groups.get(v.as_str()).copied();
    // A plural's endings only: those a query word alone is tried with
    // (`homem` as `homens`) would join a singular to its plural's group.
    let plurals = Rules {
        query_suffixes: &[],
        acronyms: &[],
        numbers: &[],
        stems: &[],
        ..*r
    };
    // A plural's group -> its singular's.
    let mut merged: BTreeMap<&str, &str> = BTreeMap::new();
    for (i, w) in words.iter().enumerate().filter(|(_, w)| w.own) {
        let singular = affix::singulars(w.term, r).iter().find_map(of);
        let by_group = || {
            let singulars = affix::singulars(&first[i], r);
            singulars.iter().find_map(|s| of_group(&affix::group(s, r)))
        };
        if let Some(j) = singular.or_else(by_group) {
            if first[i] != first[j] {
                // Two singulars for one group: the smaller key, whatever
                // order the words come in.
                let to = merged.entry(&first[i]).or_insert(&first[j]);
                *to = (*to).min(first[j].as_str());
            }
        } else if r.joins
            && let Some(j) = affix::variants(w.term, &plurals)
                .iter()
                .skip(1)
                .find_map(of)
        {
            keys[i] = first[j].clone();
            carried[i] = keys[i] != w.term;
        }
    }
    for (i, w) in words.iter().enumerate().filter(|(_, w)| w.own) {
        if let Some(to) = merged.get(first[i].as_str()) {
            keys[i] = to.to_string();
            carried[i] = keys[i] != w.term;
        }
    }
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
                own: true,
            })
            .collect();
        keys(&words, affix::rules(code))
            .into_iter()
            .map(|k| k.0)
            .collect()
    }

    #[test]
    fn english_and_french_forms_share_a_group() {
        let en = group_all("en", &["Consent", "consenting", "consented", "victims"]);
        assert_eq!(en, ["consent", "consent", "consent", "victim"]);
        let fr = group_all("fr-BE", &["Sécurité", "protégées", "protégé", "passeurs"]);
        assert_eq!(fr, ["secur", "proteg", "proteg", "passeur"]);
    }

    #[test]
    fn swahili_groups_leave_out_noun_class_prefixes_of_its_own_words() {
        let sw = group_all("sw", &["Mtoto", "watoto", "vituo", "watu", "mtu", "wakati"]);
        assert_eq!(sw, ["toto", "toto", "tuo", "mtu", "mtu", "kati"]);
        // Words only of pages in another language keep theirs.
        let term = "mother";
        let word = Word {
            surface: term,
            term,
            stemmer: None,
            own: false,
        };
        assert_eq!(keys(&[word], affix::rules("sw")), [(term.into(), false)]);
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
        // Broken plurals join their singulars' groups, whatever letters
        // are joined to either.
        let ar = group_all(
            "ar",
            &["والأطفال", "الطفل", "للنساء", "المرأة", "الضحايا", "ضحية"],
        );
        assert_eq!((&ar[0], &ar[2], &ar[4]), (&ar[1], &ar[3], &ar[5]));
        assert_ne!(ar[0], ar[2]);
        // Unless a Latin word or a number follows it, alone or not.
        assert_eq!(
            group_all("ar", &["وUNHCR", "وIOM", "و116", "والمفوضية"]),
            ["unhcr", "iom", "116", "مفوض"]
        );
    }

    #[test]
    fn portuguese_and_spanish_plurals_join_their_singulars_group() {
        // Snowball leaves these apart (`homem` -> `hom`, `homens` whole).
        let pt = group_all(
            "pt",
            &[
                "homem", "homens", "opção", "opções", "papel", "papéis", "leis",
            ],
        );
        assert_eq!(pt[0], pt[1]);
        assert_eq!(pt[2], pt[3]);
        assert_eq!(pt[4], pt[5]);
        assert_ne!(pt[0], pt[2]);
        // No singular on the site: its Snowball stem as before.
        assert_eq!(pt[6], "leis");
        let es = group_all("es", &["vez", "veces", "voz", "voces", "mujer", "mujeres"]);
        assert_eq!((&es[0], &es[2], &es[4]), (&es[1], &es[3], &es[5]));
        // Only words of the index's language are joined.
        let terms = ["homem", "homens"];
        let words: Vec<Word> = terms
            .iter()
            .map(|t| Word {
                surface: t,
                term: t,
                stemmer: None,
                own: *t == "homem",
            })
            .collect();
        let keys = keys(&words, affix::rules("pt"));
        assert_eq!(keys[1], ("homens".to_string(), false));
    }

    #[test]
    fn russian_children_join_childs_group_by_their_snowball_group() {
        let words = ["детей", "детям", "ребёнка", "ребёнку", "будет", "детский"];
        let ru = group_all("ru", &words);
        assert_eq!(ru[0], ru[2]);
        assert_eq!(ru[1], ru[3]);
        assert!(ru[4] != ru[0] && ru[5] != ru[0], "{ru:?}");
    }

    #[test]
    fn english_irregular_plurals_join_their_singulars_group() {
        let words = [
            "woman",
            "women",
            "man",
            "men",
            "child",
            "children",
            "person",
            "people",
            "wife",
            "wives",
            "life",
            "lives",
            "living",
            "half",
            "halves",
            "leaf",
            "leaves",
            "analysis",
            "analyses",
            "analysed",
            "crisis",
            "crises",
            "criterion",
            "criteria",
            "phenomenon",
            "phenomena",
            "personal",
        ];
        let en = group_all("en", &words);
        let key = |w: &str| &en[words.iter().position(|x| *x == w).unwrap()];
        for (singular, plural) in [
            ("woman", "women"),
            ("man", "men"),
            ("child", "children"),
            ("person", "people"),
            ("wife", "wives"),
            ("life", "lives"),
            ("half", "halves"),
            ("leaf", "leaves"),
            ("analysis", "analyses"),
            ("crisis", "crises"),
            ("criterion", "criteria"),
            ("phenomenon", "phenomena"),
        ] {
            assert_eq!(key(singular), key(plural), "{plural}");
        }
        // The plural's other forms come with it; other groups stay apart.
        assert_eq!(key("living"), key("life"));
        assert_eq!(key("analysed"), key("analysis"));
        assert_ne!(key("woman"), key("man"));
        // Without its singular on the site, a plural keeps its own group.
        assert_eq!(group_all("en", &["women", "lives"]), ["women", "live"]);
    }

    #[test]
    fn european_and_brazilian_portuguese_spellings_share_a_group() {
        let words = [
            "contacto",
            "contactar",
            "contato",
            "registar",
            "registrar",
            "acção",
            "ação",
            "facto",
            "fato",
            "pacote",
        ];
        let pt = group_all("pt", &words);
        let key = |w: &str| &pt[words.iter().position(|x| *x == w).unwrap()];
        for (a, b) in [
            ("contacto", "contato"),
            ("contactar", "contato"),
            ("registar", "registrar"),
            ("acção", "ação"),
            ("facto", "fato"),
        ] {
            assert_eq!(key(a), key(b), "{a} {b}");
        }
        assert_ne!(key("pacote"), key("fato"));
    }

    #[test]
    fn french_travaux_joins_travail() {
        // Snowball makes `traval` of `travaux` (`-aux` as `-al`), and
        // leaves `travail` whole.
        let fr = group_all("fr", &["travail", "travaux", "nationaux", "national"]);
        assert_eq!(fr[0], fr[1]);
        assert_eq!(fr[2], fr[3]);
        assert_ne!(fr[0], fr[2]);
        // Without its singular on the site, a plural keeps its group.
        assert_eq!(group_all("fr", &["travaux"]), ["traval"]);
    }

    #[test]
    fn irregular_verbs_join_their_verbs_group() {
        let en = group_all(
            "en",
            &["go", "went", "tell", "told", "understand", "understood"],
        );
        assert_eq!((&en[1], &en[3], &en[5]), (&en[0], &en[2], &en[4]));
        let fr = group_all("fr", &["faire", "fait", "permettre", "permis", "faites"]);
        assert_eq!((&fr[1], &fr[3], &fr[4]), (&fr[0], &fr[2], &fr[0]));
        let es = group_all("es", &["decir", "dijo", "obtener", "obtiene", "dicen"]);
        assert_eq!((&es[1], &es[3], &es[4]), (&es[0], &es[2], &es[0]));
        let pt = group_all("pt", &["dizer", "disse", "satisfazer", "satisfeito"]);
        assert_eq!((&pt[1], &pt[3]), (&pt[0], &pt[2]));
        let ru = group_all("ru", &["пойти", "пошёл", "найти", "нашли"]);
        assert_eq!((&ru[1], &ru[3]), (&ru[0], &ru[2]));
        let sw = group_all("sw", &["mwanamke", "wanawake"]);
        assert_eq!(sw[0], sw[1]);
        // Swahili `mu-` before a `u` comes off with it, as `wa-` does.
        let sw = group_all("sw", &["muuguzi", "wauguzi", "mume", "waume"]);
        assert_eq!(sw, ["guzi", "guzi", "ume", "ume"]);
    }

    #[test]
    fn languages_without_a_stemmer_keep_words_whole() {
        assert_eq!(group_all("ha", &["Ƙasa", "ƙasashe"]), ["kasa", "kasashe"]);
        // But for plurals of guidance, whose singulars are on the site.
        let ha = group_all(
            "ha",
            &["yaro", "yara", "mace", "mata", "ma'aikata", "ma'aikaci"],
        );
        assert_eq!(ha, ["yaro", "yaro", "mace", "mace", "maaikaci", "maaikaci"]);
        // And definite forms and plurals, of words of the site or of their
        // irregular singular or plural (`yaron`, the child, where the
        // site has `yara`, children); `domin` (because) and the verb
        // `bayar` (give) stay whole.
        let ha = group_all(
            "ha",
            &[
                "yara", "Yaron", "mutane", "mutum", "mutumin", "mutanen", "alama", "alamomin",
                "hanya", "hanyar", "hanyoyin", "domin", "baya", "bayar", "bayan",
            ],
        );
        assert_eq!(
            ha,
            [
                "yara", "yara", "mutum", "mutum", "mutum", "mutum", "alama", "alama", "hanya",
                "hanya", "hanya", "domin", "baya", "bayar", "baya"
            ]
        );
    }
}
