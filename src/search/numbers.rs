//! Numbers typed as digits where a page writes them as words (`3 jours`
//! for *trois jours*, `siku 3` for *siku tatu*, `3 ايام` for *ثلاثة
//! أيام*): on a query number not on the site, each language's words for
//! two to ten, tried as `Rules::acronyms` are (see `rules`). Not one
//! (French `un`, Spanish `uno` are articles too), nor a word that is as
//! often another word: Persian `نه` (nine; no) and `ده` (ten; a village),
//! French `neuf` (nine; new), Turkish `on` (ten; and `ön`, front, as
//! folded). Declined languages give the form a count of days takes first
//! (Ukrainian *протягом трьох днів*, Russian *в течение трёх дней*), then
//! the nominative. Normalised, as all rules are.

use super::rule_set::Suffix;

pub(super) const ENGLISH: &[Suffix] = &[
    ("2", "two", 0),
    ("3", "three", 0),
    ("4", "four", 0),
    ("5", "five", 0),
    ("6", "six", 0),
    ("7", "seven", 0),
    ("8", "eight", 0),
    ("9", "nine", 0),
    ("10", "ten", 0),
];

pub(super) const FRENCH: &[Suffix] = &[
    ("2", "deux", 0),
    ("3", "trois", 0),
    ("4", "quatre", 0),
    ("5", "cinq", 0),
    ("6", "six", 0),
    ("7", "sept", 0),
    ("8", "huit", 0),
    ("10", "dix", 0),
];

pub(super) const SPANISH: &[Suffix] = &[
    ("2", "dos", 0),
    ("3", "tres", 0),
    ("4", "cuatro", 0),
    ("5", "cinco", 0),
    ("6", "seis", 0),
    ("7", "siete", 0),
    ("8", "ocho", 0),
    ("9", "nueve", 0),
    ("10", "diez", 0),
];

pub(super) const PORTUGUESE: &[Suffix] = &[
    ("2", "dois", 0),
    ("2", "duas", 0),
    ("3", "tres", 0),
    ("4", "quatro", 0),
    ("5", "cinco", 0),
    ("6", "seis", 0),
    ("7", "sete", 0),
    ("8", "oito", 0),
    ("9", "nove", 0),
    ("10", "dez", 0),
];

/// With the taa marbuta a count of days takes (`ثلاثة أيام`); its group
/// is also the form without it.
pub(super) const ARABIC: &[Suffix] = &[
    ("3", "ثلاثه", 0),
    ("4", "اربعه", 0),
    ("5", "خمسه", 0),
    ("6", "سته", 0),
    ("7", "سبعه", 0),
    ("8", "ثمانيه", 0),
    ("9", "تسعه", 0),
    ("10", "عشره", 0),
];

pub(super) const PERSIAN: &[Suffix] = &[
    ("2", "دو", 0),
    ("3", "سه", 0),
    ("4", "چهار", 0),
    ("5", "پنج", 0),
    ("6", "شش", 0),
    ("7", "هفت", 0),
    ("8", "هشت", 0),
];

pub(super) const SWAHILI: &[Suffix] = &[
    ("2", "mbili", 0),
    ("3", "tatu", 0),
    ("4", "nne", 0),
    ("5", "tano", 0),
    ("6", "sita", 0),
    ("7", "saba", 0),
    ("8", "nane", 0),
    ("9", "tisa", 0),
    ("10", "kumi", 0),
];

pub(super) const UKRAINIAN: &[Suffix] = &[
    ("2", "двох", 0),
    ("2", "два", 0),
    ("2", "двi", 0),
    ("3", "трьох", 0),
    ("3", "три", 0),
    ("4", "чотирьох", 0),
    ("4", "чотири", 0),
    ("5", "пяти", 0),
    ("5", "пять", 0),
    ("6", "шести", 0),
    ("6", "шiсть", 0),
    ("7", "семи", 0),
    ("7", "сiм", 0),
    ("10", "десяти", 0),
    ("10", "десять", 0),
];

pub(super) const RUSSIAN: &[Suffix] = &[
    ("2", "двух", 0),
    ("2", "два", 0),
    ("3", "трех", 0),
    ("3", "три", 0),
    ("4", "четырех", 0),
    ("4", "четыре", 0),
    ("5", "пяти", 0),
    ("5", "пять", 0),
    ("6", "шести", 0),
    ("6", "шесть", 0),
    ("7", "семи", 0),
    ("7", "семь", 0),
    ("10", "десяти", 0),
    ("10", "десять", 0),
];

pub(super) const TURKISH: &[Suffix] = &[
    ("2", "iki", 0),
    ("3", "uc", 0),
    ("4", "dort", 0),
    ("5", "bes", 0),
    ("6", "alti", 0),
    ("7", "yedi", 0),
    ("8", "sekiz", 0),
    ("9", "dokuz", 0),
];

pub(super) const SOMALI: &[Suffix] = &[
    ("2", "laba", 0),
    ("3", "saddex", 0),
    ("4", "afar", 0),
    ("5", "shan", 0),
    ("6", "lix", 0),
    ("7", "toddoba", 0),
    ("8", "siddeed", 0),
    ("9", "sagaal", 0),
    ("10", "toban", 0),
];
