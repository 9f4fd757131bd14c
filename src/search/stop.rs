//! Function words left out of a query that has other words, per language
//! (by the primary subtag): `how to refer a child` searches `refer child`.
//! Kept, a page that has only `how`, `to` and `a` had three words of five
//! and was shown as a partial match, and one with `child` but not
//! `interview` could rank above the interview page for `how to interview a
//! child`. A query of such words alone is searched as typed. Questions are
//! typed as asked, so question words and modal verbs are in the lists too
//! (`¿Qué debo hacer…?`, `que dois-je faire`, `почему нужно`, `ridhaa ni
//! nini`, `yaya zan`, `كيف يمكنني`): kept, `nini` was corrected to `nani`
//! and `hay` to the `may` of an English page.
//!
//! The lists go into each index with the elided articles (`"e"` of the
//! rules), where search.js reads them; nothing is left out of the index
//! itself, so snippets and a query of function words alone still work.
//! Only words that carry no meaning of their own in guidance: never
//! negations (`not`, `pas`, `no`), nor words that are also acronyms or
//! names in this field (`who` is WHO, `us`, `may`, `will`), nor Swahili
//! `jinsi` (also "sex, kind"); `it` only in small letters: a word of the
//! list typed in capitals is kept, as an acronym (`IT`). All normalised
//! (see `normalise`).

use crate::config::LangId;
use crate::content::model::Site;

/// The function words an index of language `l` leaves out: its own, and
/// those of the languages of pages its tree shows untranslated (a reader
/// of the French tree types `how to store case files` for an English page
/// shown there), except the words its own pages have (`mine`): one French
/// annex on an English site made `son` a function word of every English
/// query, a Portuguese one `no`, and English pages made Vietnamese `mẹ`
/// (mother, folded to `me`) and `an` (safe) ones.
pub fn of_index(site: &Site, l: LangId, mine: impl Fn(&[&str]) -> Vec<bool>) -> Vec<&'static str> {
    let mut shown = vec![l];
    for node in &site.nodes {
        if let Some(d) = node.doc_for(l) {
            let lang = site.docs[d.0].file.lang;
            if !shown.contains(&lang) {
                shown.push(lang);
            }
        }
    }
    let mut out: Vec<&'static str> = words(&site.config.languages[l].code).to_vec();
    let mut others: Vec<&'static str> = Vec::new();
    for &lang in &shown[1..] {
        for w in words(&site.config.languages[lang].code) {
            if !out.contains(w) && !others.contains(w) {
                others.push(w);
            }
        }
    }
    let kept = mine(&others);
    out.extend(
        others
            .iter()
            .zip(kept)
            .filter(|(_, own)| !own)
            .map(|(w, _)| *w),
    );
    out
}

/// Arabic, a few words a line (rustfmt would give each its own).
#[rustfmt::skip]
const ARABIC: &[&str] = &[
    "في", "من", "علي", "الي", "عن", "او", "ما", "كيف", "هل", "هذا", "هذه", "ذلك", "التي",
    "الذي", "مع", "ثم", "اي", "ان", "هي", "هو", "اذا", "عند", "حتي", "لكن",
    // Questions: what, why, when, where; I; can, can I; must, should.
    "ماذا", "لماذا", "متي", "اين", "انا", "يمكن", "يمكنني", "يجب", "ينبغي",
    // "What do I do if…": do (I), was.
    "افعل", "نفعل", "كان",
    // …and "if" as also asked (`ماذا أفعل لو`), "was" and "is" of a woman
    // or a thing (`إذا كانت الضحية طفلة`).
    "لو", "كانت", "يكون", "تكون",
];

/// Russian, likewise.
#[rustfmt::skip]
const RUSSIAN: &[&str] = &[
    "и", "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "от", "до", "для", "из", "у",
    "за", "а", "но", "или", "как", "что", "это", "ли", "же", "бы",
    // Pronouns; questions: where (to), when, who, why, which; can, need, must.
    "я", "мне", "мы", "вы", "он", "она", "они", "где", "куда", "когда", "кто", "почему",
    "зачем", "какой", "какая", "какие", "можно", "может", "нужно", "надо", "нужен", "нужна",
    "нужны", "должен", "должна", "должны",
    // "What to do if…": kept, `делать` lost its ending and found `дело`.
    "делать", "сделать", "если",
    // …and as also asked (`что мне делать, если у него нет паспорта`,
    // `что нам делать`, `как быть`): kept, `него` was corrected to `Его`.
    "делаю", "быть", "был", "была", "были", "его", "ее", "их", "него", "нее", "них", "ему",
    "ей", "им", "нам", "нас", "вам", "вас", "меня",
];

/// Persian, normalised as search writes it (`ی` as `ي`, `ک` as `ك`, `آ`
/// as `ا`, the zero-width non-joiner of `می‌توانم` dropped): prepositions,
/// conjunctions, pronouns and the words of a question as asked (`اگر
/// کودک تنها است چه باید بکنم`, what must I do if a child is alone).
#[rustfmt::skip]
const PERSIAN: &[&str] = &[
    "از", "به", "در", "با", "براي", "تا", "بر", "و", "يا", "كه", "اگر", "را", "اين", "ان",
    "يك", "هم", "است", "هست", "من", "ما", "او", "شما", "انها", "چه", "چي", "چطور", "چگونه",
    "كجا", "چرا", "ايا", "كدام", "بايد", "ميتوانم", "ميتوانيم", "كنم", "كنيم", "بكنم", "چكار",
    // The infinitive of a light verb, typed after the noun of a compound
    // verb (`ثبت کردن`, to record; `ارجاع دادن`, to refer), where the page
    // gives the instruction (*ثبت کنید*): the noun carries the meaning, and
    // `کردن` matched no page word, or the wrong one (`دادن`).
    "كردن", "نمودن", "شدن", "دادن", "گرفتن", "زدن", "داشتن", "گذاشتن",
];

/// Hindi, normalised as search writes it (the nukta and virama dropped, a
/// long `ई` as the short `इ`: `की` is `कि`): postpositions, pronouns and a
/// question's words, and the same as typed in Latin letters (`tashkari
/// ke sanket`, signs of trafficking; `referral kaise kare`), which are
/// otherwise read as Hindi's consonants (see search.js `consonants`).
#[rustfmt::skip]
const HINDI: &[&str] = &[
    "के", "का", "कि", "को", "में", "से", "पर", "है", "हैं", "था", "थि", "और", "या", "कैसे",
    "कया", "कयों", "कब", "कहां", "कौन", "मैं", "हम", "आप", "वह", "वे", "यह", "ये", "इस", "उस",
    "अगर", "तो", "भि", "करें", "करुं", "करना", "करते", "चाहिए", "लिए",
    "ke", "ka", "ki", "ko", "me", "mein", "se", "hai", "kaise", "kya", "kyu", "kyun", "kab",
    "kahan", "kaun", "main", "aap", "agar", "bhi", "kare", "karen", "karna", "chahiye", "liye",
    "aur",
];

/// Bengali, likewise (`কী`, `কীভাবে` as `কি`, `কিভাবে`, as often typed).
#[rustfmt::skip]
const BENGALI: &[&str] = &[
    "কি", "কিভাবে", "কেন", "কোথায", "কখন", "কে", "কার", "কাকে", "আমি", "আমরা", "আপনি", "তিনি",
    "সে", "এই", "ওই", "এবং", "ও", "বা", "যদি", "তাহলে", "করব", "করবো", "করতে", "করা", "হবে",
    "হয", "এর", "থেকে", "জনয", "উচিত",
    "kivabe", "kibhabe", "keno", "kothay", "ami", "apni", "korbo", "korte", "kora", "jonno",
    "ebong",
];

/// Nepali, likewise.
#[rustfmt::skip]
const NEPALI: &[&str] = &[
    "के", "कसरि", "किन", "कहां", "कहिले", "को", "म", "हामि", "तपाइं", "उनि", "यो", "तयो", "र",
    "वा", "भने", "यदि", "गरने", "गरनुपरछ", "गरन", "गरछ", "छ", "हो", "मा", "ले", "लाइ", "का",
    "कि", "बाट", "संग", "पनि",
    "kasari", "garne", "garnu", "lai",
];

/// Indonesian: prepositions, pronouns, a question's words.
#[rustfmt::skip]
const INDONESIAN: &[&str] = &[
    "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "apa", "bagaimana", "cara", "apakah",
    "saya", "aku", "ia", "dia", "itu", "ini", "atau", "jika", "kalau", "harus", "bisa", "boleh",
    "ada", "kapan", "mengapa", "kenapa", "siapa", "mana", "pada", "kepada",
];
/// Tagalog, likewise, and `mag` typed apart before an English verb
/// (`mag refer`, `mag follow up`).
#[rustfmt::skip]
const TAGALOG: &[&str] = &[
    "ang", "ng", "mga", "sa", "na", "ay", "at", "o", "paano", "ano", "sino", "saan", "kailan",
    "bakit", "ko", "ako", "siya", "niya", "ka", "mo", "kung", "ba", "po", "dapat", "pwede",
    "puwede", "para", "nang", "mag",
];

/// Romanian, without its accents (`dacă` as `daca`).
#[rustfmt::skip]
const ROMANIAN: &[&str] = &[
    "de", "la", "si", "cu", "in", "pe", "o", "un", "a", "al", "ale", "ce", "cum", "care", "din",
    "pentru", "sau", "daca", "este", "sunt", "eu", "ea", "el", "noi", "ma", "sa", "se", "ca",
    "unde", "cand", "trebuie", "pot", "poate",
];

/// The function words of language `code`, or none.
pub fn words(code: &str) -> &'static [&'static str] {
    let primary = code.split(['-', '_']).next().unwrap_or("");
    match primary.to_ascii_lowercase().as_str() {
        "en" => &[
            "a", "an", "the", "to", "of", "in", "on", "at", "for", "and", "or", "by", "with",
            "from", "as", "is", "are", "be", "was", "were", "do", "does", "how", "what", "when",
            "where", "which", "why", "that", "this", "i", "you", "we", "they", "my", "your", "our",
            "their", "can", "should", "about", "into", "could", "would", "must", "have", "has",
            "did", "if", "there", "me", "whom",
            // Pronouns and an auxiliary, typed in a question (`she was
            // trafficked`): kept, `she` found the pages that have `shelter`
            // and ranked them first (not `us`: US).
            "she", "he", "her", "his", "him", "its", "them", "been", "these", "those",
            // `it`, kept where typed in capitals (`IT`, see search.js
            // `query`): `is it ok to post her photo online?` showed the
            // page that says *check that it is open* first.
            "it",
        ],
        "fr" => &[
            "le", "la", "les", "un", "une", "de", "des", "du", "au", "aux", "a", "et", "ou", "en",
            "dans", "pour", "par", "sur", "avec", "que", "qui", "quoi", "comment", "est", "sont",
            "ce", "cette", "ces", "son", "sa", "ses", "se", "je", "il", "elle", "nous", "vous",
            "ils", "on", "y", "faire", "quand", "quel", "quelle", "quels", "quelles", "pourquoi",
            "puis", "peut", "peuvent", "dois", "doit", "doivent", "faut", "etre", "me", "mon",
            "ma", "mes",
            // Prepositions typed in a request (`orienter une victime vers un
            // foyer`), which would otherwise match most pages; and the
            // words of a question as asked (`que fais-je si…`).
            "vers", "chez", "si", "fais", "fait",
            // And of time, typed in a question (`comment faire un suivi
            // après une orientation`): `après` alone matched the page that
            // says *après une semaine dure* first. Not `sans` (without).
            "apres", "avant", "pendant", "depuis",
            // Pronouns and auxiliaries (`elles ont refusé`): kept, they were
            // corrected to the `else` and `not` of English pages shown here.
            "elles", "ont", "ete", "leur", "leurs", "ai", "avons", "avez", "suis", "sera", "avoir",
        ],
        "es" => &[
            "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "a",
            "y", "o", "e", "u", "en", "con", "por", "para", "que", "como", "cuando", "donde", "es",
            "son", "se", "su", "sus", "le", "les", "mi", "tu", "cual", "cuales", "quien",
            "quienes", "porque", "hay", "puedo", "puede", "pueden", "debo", "debe", "deben",
            "hacer", "yo", "me", "este", "esta", "estos", "estas", "tengo", "tiene",
            // Pronouns and auxiliaries (`ella ha sido explotada`).
            "ella", "ellas", "ellos", "ha", "han", "he", "hemos", "sido", "nos",
            // "¿Qué hago si…?", "¿qué hacemos si…?".
            "hago", "si", "hacemos",
        ],
        "pt" => &[
            "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "ao",
            "aos", "no", "na", "nos", "nas", "em", "e", "ou", "com", "por", "para", "pelo", "pela",
            "que", "como", "quando", "onde", "sao", "se", "seu", "sua", "qual", "quais", "quem",
            "porque", "posso", "pode", "podem", "devo", "deve", "devem", "fazer", "eu", "meu",
            "minha", "este", "esta", "tenho",
            // Pronouns and auxiliaries (`eles têm medo`): kept, `eles` was
            // corrected to the `else` of an English page shown here.
            "ele", "ela", "eles", "elas", "tem", "foi", "ser", "ha",
            // "O que faço se…".
            "faco",
        ],
        "ar" => ARABIC,
        "ha" => &[
            "a", "da", "na", "ta", "ga", "ko", "kuma", "ne", "ce", "wa", "yaya", "me", "ina",
            "zan", "za", "ake", "wane", "wace", "wanne", "shin", "dole", "iya", "kamata",
            // "Me zan yi idan…" (what do I do if): do, if; and "is"
            // (`yana`, `tana`), "in" (`cikin`).
            "yi", "idan", "yana", "tana", "cikin",
        ],
        "sw" => &[
            "ya", "wa", "za", "la", "cha", "vya", "kwa", "na", "katika", "ni", "au", "kwamba",
            "je", "nini", "nani", "gani", "vipi", "wapi", "lini", "ipi", "kwenye", "lazima",
            "naweza", "ninaweza", "unaweza",
            // "Nifanye nini kama…" (what do I do if): do (I, we), if, is (at).
            "nifanye", "tufanye", "kama", "ikiwa", "yuko",
            // Possessives (his, her, my, your, our, their) in the classes
            // of people and of papers: `pasipoti yake` (her passport) was
            // a partial match, 1 word of 2.
            "yake", "wake", "chake", "zake", "vyake", "lake", "yangu", "wangu", "changu", "zangu",
            "yako", "wako", "chako", "zako", "yetu", "wetu", "zetu", "yao", "zao",
        ],
        "ru" => RUSSIAN,
        "fa" => PERSIAN,
        "hi" => HINDI,
        "bn" => BENGALI,
        "ne" => NEPALI,
        "id" => INDONESIAN,
        "tl" | "fil" => TAGALOG,
        "ro" => ROMANIAN,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalise::normalise;

    #[test]
    fn stop_words_are_written_normalised_and_spare_meaningful_words() {
        for code in [
            "en", "fr", "es", "pt", "ar", "ha", "sw", "ru", "fa", "hi", "bn", "ne", "id", "tl",
            "ro",
        ] {
            let list = words(code);
            assert!(!list.is_empty(), "{code}");
            for w in list {
                assert_eq!(normalise(w), *w, "{code}: {w}");
            }
        }
        for (code, kept) in [
            ("en", &["not", "no", "who", "us", "may", "will"][..]),
            ("fr", &["ne", "pas", "non", "sans"]),
            ("es", &["no"]),
            ("pt", &["nao"]),
            ("sw", &["jinsi", "si", "hana", "bila", "wao"]),
            ("ru", &["не", "нет"]),
            ("fa", &["ثبت", "ارجاع", "نه", "نكنيد"]),
            ("hi", &["नहिं", "न", "मत"]),
            ("bn", &["না", "নয"]),
            ("id", &["tidak", "jangan", "bukan"]),
            ("tl", &["hindi", "huwag"]),
            ("ro", &["nu", "fara"]),
        ] {
            for w in kept {
                assert!(!words(code).contains(w), "{code}: {w}");
            }
        }
        assert_eq!(words("fr-CA"), words("fr"));
        assert!(words("xx").is_empty());
    }
}
