//! Word splitting and normalisation for search.
//!
//! The index is built here, at build time; queries are normalised in the
//! reader's browser by `templates/static/search.js`. Both sides follow the
//! same rules, written once each:
//!
//! - a word is a run of letters, digits and combining marks (any script:
//!   a Devanagari virama, a Thai tone mark or a Tamil vowel sign is part of
//!   its word) and the ignored characters below; everything else separates
//!   words;
//! - in the scripts written without spaces between words ([`is_unspaced`]:
//!   Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar), each character
//!   with the marks after it is a word of its own, a *unit*: nothing tells
//!   where their words end, so search.js looks for a query's units one
//!   after the other (a phrase). Nothing is implied between a unit and the
//!   word beside it: a space there is written;
//! - a word is in NFKC: compatibility forms are their letters (Arabic
//!   presentation forms, as text copied from a PDF has them; full-width
//!   letters), a decomposed letter is one (`и` and a breve are `й`);
//! - a word is lower-cased (Unicode rules, on the whole word);
//! - ignored: combining accents (U+0300-U+036F), Arabic harakat
//!   (U+064B-U+065F), superscript alef (U+0670), tatweel (U+0640), soft
//!   hyphen, zero-width (non-)joiner, the modifier apostrophe U+02BC
//!   (Hausa `ʼya`), and the nukta and virama of Devanagari and Bengali,
//!   which phones' keyboards make it slow to type and writers leave out
//!   (`मजदूरी` for *मज़दूरी*, `अन्तरवार्ता` for *अन्तर्वार्ता*);
//! - in languages that write letters joined by an apostrophe as one word
//!   ([`apostrophe_words`]: Hausa `ma'aikaci`, `'ya'ya`; Swahili `ng'ombe`;
//!   English `don't`, `person's`), an apostrophe `'` or `’` between two word characters
//!   belongs to the word and is ignored like U+02BC, so that `ma'aikaci`,
//!   `ma’aikaci`, `maʼaikaci` and `maaikaci` are one term, and `don't` is
//!   `dont`, not `don` and a word `t`; elsewhere it separates words
//!   (French `l'`);
//! - letters written one by one after dots are one word, its term without
//!   them: a dotted acronym (`U.N.`, `I.D.`, `O.N.U.`) is `un`, `id`,
//!   `onu`, as typed without dots (the last dot ends the sentence or not);
//! - folded, by [`FOLD_TABLE`]: Latin letters with accents or hooks to their
//!   base letters (`é` -> `e`, `ɓ` -> `b`, `ß` -> `ss`), the ligatures of
//!   text pasted from a PDF to their letters (`ﬁ` -> `fi`), Arabic alef and
//!   hamza forms (`أ إ آ ٱ` -> `ا`; `ئ ؤ ى` -> `ي`: the seat of a hamza
//!   varies by region, `مسئول` and `مسؤول`, `شئون` and `شؤون`, so both
//!   seats are one letter, as typed without hamza on `ي`), taa marbuta
//!   (`ة`, Persian `ۀ` -> `ه`), Persian yeh and keheh, Urdu's own `ہ`,
//!   `ھ` and `ے` (-> `ه`, `ي`: typed on an Arabic or Persian keyboard, and
//!   often so in Urdu text, `پناه گاه` for *پناہ گاہ*), Pashto's own
//!   letters to the Persian ones a Persian keyboard types for them (`ټ ډ
//!   ړ ڼ ښ ږ ګ` -> `ت د ر ن ش ژ گ`, `ې ۍ` -> `ي`: `تیلیفون` for
//!   *ټیلیفون*, `نیته` for *نېټه*), Arabic-Indic digits to ASCII,
//!   final sigma, and Russian `ё` -> `е` (most Russian text writes `е`
//!   for both; `й` stays a letter of its own); and the Ukrainian and
//!   Belarusian `і` as the Latin `i`, which looks the same and which
//!   readers type for it where their keyboard has none (`торгiвля`); the
//!   Ethiopic letters that Amharic says alike, as most writers spell them
//!   (`ሠ` as `ሰ`, `ሐ` and `ኀ` as `ሀ`, `ዐ` as `አ`, `ፀ` as `ጸ`, each in its
//!   seven forms; `ሃ`, `ኣ` as `ሀ`, `አ`: `ሰራተኛ` for *ሠራተኛ*, `ሃሳብ` for
//!   *ሐሳብ*), and Tigrinya's `ቐ` and `ኸ` as the `ቀ` and `ከ` they are
//!   written with a mark added to, as often typed (`ጸቅጢ` for *ጸቕጢ*,
//!   `ፍቃድ` for *ፍቓድ*); in Devanagari and Bengali, a long `ई ऊ` and their vowel
//!   signs as the short ones (Bengali `কিভাবে` and *কীভাবে* are both
//!   written), and the nasals `ङ ञ` (written before a consonant, with the
//!   virama that is ignored) and Hindi's chandrabindu as the anusvara
//!   (Nepali `संकेत` for *सङ्केत*, Hindi `हां` for *हाँ*);
//! - a Greek letter with a tonos or diaeresis (U+0386-U+03CE) is its
//!   canonical decomposition, whose marks are ignored: phones type Greek
//!   mostly without them (`διαβατηριο` for *διαβατήριο*). In code, not
//!   in the table: eleven more pairs in every index took a small Arabic
//!   one past its size budget;
//! - an Ethiopic syllable is its consonant and a mark of its vowel (see
//!   [`push_letter`]).
//!
//! `FOLD_TABLE` is written into each index, where search.js reads it: one
//! table for both sides. `cases.tsv` holds the cases both implementations
//! are tested against.

use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::char::decompose_canonical;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// Groups `target=sources` separated by spaces: each source character
/// (already lower-case) becomes the target. search.js reads it from the
/// index.
pub const FOLD_TABLE: &str = "a=àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ ae=æǣǽ b=ƀɓḃḅḇ c=çćĉċčƈȼḉ d=ðďđƌɗɖḋḍḏḑḓ e=èéêëēĕėęěȅȇȩɇɛḕḗḙḛḝẹẻẽếềểễệ f=ƒḟ ff=ﬀ ffi=ﬃ ffl=ﬄ fi=ﬁ fl=ﬂ g=ĝğġģǧǵɠḡ h=ĥħȟḣḥḧḩḫẖ i=ìíîïĩīĭįıǐȉȋɨḭḯỉịі j=ĵǰɉ k=ķƙǩḱḳḵ l=ĺļľŀłḷḹḻḽ m=ḿṁṃ n=ñńņňŋƞǹɲṅṇṉṋ o=òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱɔṍṏṑṓọỏốồổỗộớờởỡợ oe=œ p=ƥṕṗ q=ɋ r=ŕŗřȑȓɍṙṛṝṟ s=śŝşšſșṡṣṥṧṩẛ ss=ß t=ţťŧƭțṫṭṯṱẗ u=ùúûüũūŭůűųưǔǖǘǚǜȕȗʉṳṵṷṹṻụủứừửữự v=ṽṿ w=ŵẁẃẅẇẉẘ x=ẋẍ y=ýÿŷƴȳɏẏẙỳỵỷỹ z=źżžƶȥẑẓẕ ا=أإآٱ ي=ئؤىیےۓېۍ ك=ک گ=ګ ت=ټ د=ډ ر=ړ ن=ڼ ش=ښ ژ=ږ ه=ةۀہۂۃھ σ=ς е=ё ሀ=ሃሐሓኀኃ ሁ=ሑኁ ሂ=ሒኂ ሄ=ሔኄ ህ=ሕኅ ሆ=ሖኆ ሰ=ሠ ሱ=ሡ ሲ=ሢ ሳ=ሣ ሴ=ሤ ስ=ሥ ሶ=ሦ ሷ=ሧ አ=ኣዐዓ ኡ=ዑ ኢ=ዒ ኤ=ዔ እ=ዕ ኦ=ዖ ጸ=ፀ ጹ=ፁ ጺ=ፂ ጻ=ፃ ጼ=ፄ ጽ=ፅ ጾ=ፆ ጿ=ፇ ቀ=ቐ ቁ=ቑ ቂ=ቒ ቃ=ቓ ቄ=ቔ ቅ=ቕ ቆ=ቖ ከ=ኸ ኩ=ኹ ኪ=ኺ ካ=ኻ ኬ=ኼ ክ=ኽ ኮ=ኾ इ=ई उ=ऊ ि=ी ु=ू ं=ँङञ ই=ঈ উ=ঊ ি=ী ু=ূ ং=ঙঞ 0=٠۰ 1=١۱ 2=٢۲ 3=٣۳ 4=٤۴ 5=٥۵ 6=٦۶ 7=٧۷ 8=٨۸ 9=٩۹";

fn fold_map() -> &'static HashMap<char, &'static str> {
    static MAP: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for group in FOLD_TABLE.split(' ') {
            if let Some((to, from)) = group.split_once('=') {
                for c in from.chars() {
                    map.insert(c, to);
                }
            }
        }
        map
    })
}

/// Whether a language writes letters joined by an apostrophe as one word
/// (Hausa; Swahili `ng'ombe`, `ng'ambo`, whose `ng'` is a letter, typed
/// `ngombe` on a phone; and English contractions and possessives, by the
/// primary subtag): the index says so to search.js (`"a"`). `person's` is
/// then the term `persons`, which the stemmer groups with `person`.
/// Ukrainian and Belarusian write it inside common words (`сім'я` family,
/// `возз'єднання` reunification): split, `сім'я` found the `сім` (seven)
/// of `сім днів` first.
pub fn apostrophe_words(code: &str) -> bool {
    let primary = crate::config::primary_language(code);
    ["ha", "sw", "en", "uk", "be"].contains(&primary.as_str())
}

/// The apostrophes that join letters under [`apostrophe_words`] (U+02BC
/// is an ignored mark everywhere).
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Marks that belong to a word but are not part of its search term.
pub fn is_ignored(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}'
            | '\u{64b}'..='\u{65f}'
            | '\u{670}'
            | '\u{640}'
            | '\u{ad}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2bc}'
            | '\u{93c}'
            | '\u{94d}'
            | '\u{9bc}'
            | '\u{9cd}'
    )
}

/// Letters, digits and marks of any script (Unicode `Alphabetic`, `N*` and
/// `M*`, as `\p{Alphabetic}\p{M}\p{N}` in JavaScript), and the ignored
/// characters.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_ignored(c) || is_mark(c)
}

/// A combining mark (`M*`): a vowel sign, a virama, a tone mark.
fn is_mark(c: char) -> bool {
    !c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Mark
}

/// Scripts written without spaces between words, where each character
/// (with its marks) is a unit of its own: Thai and Lao, Myanmar (and its
/// Extended-A and -B blocks), Khmer, Han (with `々 〆 〇`), Hiragana and
/// Katakana (also half-width). search.js has the same ranges (`U`).
pub fn is_unspaced(c: char) -> bool {
    matches!(
        c as u32,
        0x0E00..=0x0EFF
            | 0x1000..=0x109F
            | 0x1780..=0x17FF
            | 0x19E0..=0x19FF
            | 0x3005..=0x3007
            | 0x3040..=0x30FF
            | 0x31F0..=0x31FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA9E0..=0xA9FF
            | 0xAA60..=0xAA7F
            | 0xF900..=0xFAFF
            | 0xFF66..=0xFF9F
            | 0x20000..=0x323AF
    )
}

/// What a unit takes after its character: marks, the ignored characters,
/// and the half-width (semi-)voiced marks, which NFKC joins to the letter
/// before them (`ﾊﾟ` is `パ`).
fn in_unit(c: char) -> bool {
    is_mark(c) || is_ignored(c) || matches!(c, '\u{ff9e}' | '\u{ff9f}')
}

/// Whether a word (as [`runs`] gives it) is a unit of an unspaced script.
pub fn is_unit(word: &str) -> bool {
    // Every unspaced script is past U+0E00, written in three or four bytes:
    // the first byte answers for nearly every word (this is asked of every
    // word and space of the site).
    word.as_bytes().first().is_some_and(|&b| b >= 0xE0)
        && word.chars().next().is_some_and(is_unspaced)
}

/// The search term of one word: lower-cased, folded, marks, apostrophes and
/// dots removed (a word holds an apostrophe or a dot only where it joins
/// letters). May be
/// empty (a word of marks only).
pub fn normalise(word: &str) -> String {
    if word.is_ascii() {
        let mut term = word.to_ascii_lowercase();
        term.retain(|c| c != '\'' && c != '.');
        return term;
    }
    // Compatibility forms as their letters: Arabic presentation forms, as
    // text copied from a PDF has them (`ﺍﻟﻤﻮﺍﻓﻘﺔ`: `الموافقة`), full-width
    // and superscript digits; and a decomposed letter as one (`й`).
    let nfkc: String;
    let word = if is_nfkc_quick(word.chars()) == IsNormalized::Yes {
        word
    } else {
        nfkc = word.nfkc().collect();
        &nfkc
    };
    let map = fold_map();
    let mut out = String::with_capacity(word.len());
    for c in word.to_lowercase().chars() {
        // (A compatibility form may hold a space: `ﹰ` is a space and a mark.)
        if is_ignored(c) || is_apostrophe(c) || c == '.' || c.is_whitespace() {
            continue;
        }
        if ('\u{0386}'..='\u{03CE}').contains(&c) {
            decompose_canonical(c, |d| fold_letter(&mut out, map, d));
        } else {
            fold_letter(&mut out, map, c);
        }
    }
    out
}

/// Pushes `c` folded by the table, or nothing where it is ignored (a mark
/// of a decomposed Greek letter).
fn fold_letter(out: &mut String, map: &HashMap<char, &'static str>, c: char) {
    if is_ignored(c) {
        return;
    }
    match map.get(&c) {
        Some(to) => to.chars().for_each(|c| push_letter(out, c)),
        None => push_letter(out, c),
    }
}

/// Pushes `c`, an Ethiopic syllable (U+1200-U+135A, rows of eight) as its
/// consonant (the row's sixth form, `ል`, which has no vowel or `ə`) and a
/// mark of its vowel (an Ethiopic digit, `፩` for the first form): Amharic
/// and Tigrinya write a consonant and its vowel in one letter, and an
/// ending changes the stem's last (`ፋይል`, a file, `ፋይሎች`, files; `እቅድ`,
/// a plan, `ዕቅዱ`, the plan), so the stem as typed is the start of the
/// page's form, as in other scripts. search.js's `term` does the same.
fn push_letter(out: &mut String, c: char) {
    let n = c as u32;
    match (n, n & 7) {
        (0x1200..=0x135A, order) if order != 5 => {
            out.extend(
                [n - order + 5, 0x1369 + order]
                    .into_iter()
                    .filter_map(char::from_u32),
            );
        }
        _ => out.push(c),
    }
}

/// Splits `text` into maximal runs of word characters and of other
/// characters: `(byte offset, run, is_word)`. The runs cover the text.
pub fn runs(text: &str) -> Runs<'_> {
    runs_in(text, false)
}

/// [`runs`], with letters joined by an apostrophe in one word where
/// `apostrophes` (see [`apostrophe_words`]).
pub fn runs_in(text: &str, apostrophes: bool) -> Runs<'_> {
    Runs {
        text,
        pos: 0,
        apostrophes,
    }
}

pub struct Runs<'a> {
    text: &'a str,
    pos: usize,
    apostrophes: bool,
}

impl<'a> Iterator for Runs<'a> {
    type Item = (usize, &'a str, bool);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let (text, start) = (self.text, self.pos);
        let bytes = text.as_bytes();
        if start >= bytes.len() {
            return None;
        }
        let (c, mut end) = char_at(text, start);
        let word = is_word_char(c);
        if word && is_unspaced(c) {
            // A unit: the character and the marks after it.
            while let Some(m) = text[end..].chars().next().filter(|&m| in_unit(m)) {
                end += m.len_utf8();
            }
            self.pos = end;
            return Some((start, &text[start..end], true));
        }
        let same = if word { ASCII_WORD } else { ASCII_OTHER };
        loop {
            while end < bytes.len() {
                // ASCII (most of the text, even in Arabic: spaces,
                // punctuation, digits) takes the fast path: one table
                // look-up a byte.
                let b = BYTE_CLASS[bytes[end] as usize];
                if b == same {
                    end += 1;
                } else if b != NON_ASCII {
                    break;
                } else {
                    let (c, next) = char_at(text, end);
                    // A unit starts a word of its own.
                    if is_word_char(c) != word || (word && is_unspaced(c)) {
                        break;
                    }
                    end = next;
                }
            }
            // Asked only where it can join: every run ends here.
            match (word && self.apostrophes)
                .then(|| joined(text, end))
                .flatten()
            {
                Some(next) => end = next,
                None => break,
            }
        }
        if word {
            end = dotted(text, start, end);
        }
        self.pos = end;
        Some((start, &text[start..end], word))
    }
}

const ASCII_OTHER: u8 = 0;
const ASCII_WORD: u8 = 1;
const NON_ASCII: u8 = 2;

/// The class of each byte value: ASCII letters and digits, other ASCII, or
/// part of a longer character.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            ASCII_OTHER
        };
        b += 1;
    }
    t
};

/// Where the word goes on when an apostrophe at byte `i` is followed by a
/// word character: after the apostrophe.
fn joined(text: &str, i: usize) -> Option<usize> {
    let mut chars = text.get(i..)?.chars();
    let a = chars.next().filter(|&c| is_apostrophe(c))?;
    chars
        .next()
        .is_some_and(|c| is_word_char(c) && !is_unspaced(c))
        .then(|| i + a.len_utf8())
}

/// Where a word that is one letter ends when it starts a dotted acronym
/// (`U.N.`, `I.D.`, `O.N.U.`): after its last letter, each one letter
/// after a dot. Else `end`, where it ends.
fn dotted(text: &str, start: usize, end: usize) -> usize {
    // Only a word of one character can start one: its first byte says how
    // long its first character is (every word is asked).
    let first = match text.as_bytes()[start] {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    };
    if start + first != end {
        return end;
    }
    let letter = |i: usize| {
        let mut chars = text.get(i..)?.chars();
        let c = chars
            .next()
            .filter(|&c| c.is_alphabetic() && !is_unspaced(c))?;
        let next = i + c.len_utf8();
        (!chars.next().is_some_and(is_word_char)).then_some(next)
    };
    if letter(start) != Some(end) {
        return end;
    }
    let mut last = end;
    while let Some(next) = text[last..]
        .strip_prefix('.')
        .and_then(|_| letter(last + 1))
    {
        last = next;
    }
    last
}

/// The character at byte `i`, and where the next one starts.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), i + 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, i + c.len_utf8())
}

/// The search terms of a text, in order (what a query becomes).
pub fn words(text: &str) -> Vec<String> {
    words_in(text, false)
}

/// [`words`], with letters joined by an apostrophe in one word where
/// `apostrophes` (see [`apostrophe_words`]).
pub fn words_in(text: &str, apostrophes: bool) -> Vec<String> {
    runs_in(text, apostrophes)
        .filter(|r| r.2)
        .map(|r| normalise(r.1))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The shared test cases (`cases.tsv`: input, tab, the expected terms
/// separated by spaces, and the language of the index when the case holds
/// only there), for the Rust unit tests here and the JavaScript ones in
/// `tests/search_rules.rs`. `\u{...}` escapes write invisible characters
/// visibly.
#[doc(hidden)]
pub fn cases() -> Vec<(String, String, String)> {
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("\\u{") {
            out.push_str(&rest[..i]);
            let Some(end) = rest[i..].find('}').map(|e| e + i) else {
                break;
            };
            if let Some(c) = u32::from_str_radix(&rest[i + 3..end], 16)
                .ok()
                .and_then(char::from_u32)
            {
                out.push(c);
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }
    include_str!("cases.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let input = unescape(cols.next().unwrap_or(""));
            let expected = unescape(cols.next().unwrap_or(""));
            (input, expected, cols.next().unwrap_or("").to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_cases() {
        let cases = cases();
        assert!(cases.len() > 20);
        for (input, expected, lang) in cases {
            let got = words_in(&input, apostrophe_words(&lang));
            assert_eq!(got.join(" "), expected, "input: {input:?} ({lang})");
        }
    }

    #[test]
    fn hausa_joins_letters_across_apostrophes() {
        assert!(apostrophe_words("ha") && apostrophe_words("ha-NG"));
        assert!(apostrophe_words("en") && apostrophe_words("en-GB"));
        assert!(apostrophe_words("sw") && apostrophe_words("uk"));
        assert!(!apostrophe_words("fr") && !apostrophe_words("hak"));
        assert_eq!(
            words_in("Don't ask for the person’s papers.", true),
            ["dont", "ask", "for", "the", "persons", "papers"]
        );
        // One word, as written; its term without the apostrophe.
        let text = "ma'aikaci, ma’aikata 'yan’uwa ' a' b";
        let found: Vec<&str> = runs_in(text, true).filter(|r| r.2).map(|r| r.1).collect();
        assert_eq!(found, ["ma'aikaci", "ma’aikata", "yan’uwa", "a", "b"]);
        let joined: String = runs_in(text, true).map(|r| r.1).collect();
        assert_eq!(joined, text);
        assert_eq!(normalise("Ma'aikaci"), "maaikaci");
        assert_eq!(normalise("Ƙa’idoji"), "kaidoji");
        // Elsewhere an apostrophe separates words.
        assert_eq!(words("l'école d’abord"), ["l", "ecole", "d", "abord"]);
    }

    #[test]
    fn search_js_has_the_same_rules() {
        let js = include_str!("../../templates/static/search.js");
        let class = "[\\u0300-\\u036f\\u064b-\\u065f\\u0670\\u0640\\u00ad\\u200c\\u200d\\u02bc\\u093c\\u094d\\u09bc\\u09cd]";
        assert!(js.contains(class), "search.js must ignore {class}");
        for c in [
            '\u{300}', '\u{36f}', '\u{64b}', '\u{65f}', '\u{670}', '\u{640}', '\u{ad}', '\u{200c}',
            '\u{200d}', '\u{2bc}', '\u{93c}', '\u{94d}', '\u{9bc}', '\u{9cd}',
        ] {
            assert!(is_ignored(c));
        }
        for c in ['\u{2ff}', '\u{370}', '\u{64a}', '\u{660}', '\u{671}'] {
            assert!(!is_ignored(c));
        }
        assert!(js.contains(r"[\\p{Alphabetic}\\p{M}\\p{N}"));
        assert!(js.contains(r"[\\p{M}\\uff9e\\uff9f"));
        // The unspaced ranges (`U`), each bounded as in is_unspaced.
        let from = js.find("U = \"[").expect("search.js has U") + 6;
        let to = from + js[from..].find(']').unwrap();
        let hex = |s: &str| {
            let s = s.trim_start_matches("\\\\u").trim_matches(['{', '}']);
            char::from_u32(u32::from_str_radix(s, 16).unwrap()).unwrap()
        };
        let ranges: Vec<(char, char)> = js[from..to]
            .replace("\" +\n        \"", "")
            .split("\\\\u")
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .chunks(2)
            .map(|p| (hex(p[0].trim_end_matches('-')), hex(p[1])))
            .collect();
        assert_eq!(ranges.len(), 14, "{ranges:?}");
        for (lo, hi) in ranges {
            assert!(is_unspaced(lo) && is_unspaced(hi), "{lo:?}-{hi:?}");
            let (before, after) = (lo as u32 - 1, hi as u32 + 1);
            for c in [before, after].into_iter().filter_map(char::from_u32) {
                assert!(!is_unspaced(c), "{c:?} is beside {lo:?}-{hi:?}");
            }
        }
    }

    #[test]
    fn table_sources_are_lower_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for group in FOLD_TABLE.split(' ') {
            let (to, from) = group.split_once('=').unwrap();
            assert!(!to.is_empty());
            for c in from.chars() {
                assert!(seen.insert(c), "{c} twice in FOLD_TABLE");
                assert_eq!(c.to_lowercase().to_string(), c.to_string(), "{c}");
                assert!(is_word_char(c), "{c} is not a word character");
            }
        }
    }

    #[test]
    fn runs_cover_the_text() {
        let text = "Sécurité,  d’abord! ٢٠٢٤ — الْحِمَايَةُ";
        let joined: String = runs(text).map(|r| r.1).collect();
        assert_eq!(joined, text);
        let kinds: Vec<bool> = runs(text).map(|r| r.2).collect();
        assert!(kinds.windows(2).all(|w| w[0] != w[1]));
        assert_eq!(runs("").count(), 0);
        // Units are words of their own, one after the other.
        let text = "在访谈前ABC，ส่งต่อ";
        let found: Vec<(&str, bool)> = runs(text).map(|r| (r.1, r.2)).collect();
        assert_eq!(
            found,
            [
                ("在", true),
                ("访", true),
                ("谈", true),
                ("前", true),
                ("ABC", true),
                ("，", false),
                ("ส่", true),
                ("ง", true),
                ("ต่", true),
                ("อ", true),
            ]
        );
    }

    #[test]
    fn ascii_fast_path_agrees() {
        for w in ["Referral", "SAFETY", "abc123"] {
            let slow: String = w.to_lowercase();
            assert_eq!(normalise(w), slow);
        }
    }
}
