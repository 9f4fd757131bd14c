//! Ukrainian rules (see `rules`).
//!
//! Ukrainian has no Snowball stemmer here, and a noun or adjective changes
//! its ending with its case and number (`торгівля`, trafficking;
//! `торгівлі`, of it; `безпека`, `безпеки`; `документи`, `документів`;
//! `пароль`, `паролем`), so a query in another case than the page's found
//! it only as a misspelling, or not at all. The words of Ukrainian pages
//! are grouped without one case ending, the first of the list that leaves
//! four letters (`торгівл`, `безпек`, `документ`, `парол`), as the
//! Swahili noun classes are: the index carries these groups, and a query
//! word not on the site is tried without each ending, down to a group of
//! the site. A vowel that drops in other cases (`притулок`, shelter;
//! `притулку`; `роботодавець`, employer, `роботодавцем`) drops with it:
//! `-ок` is `-к`, `-ець` `-ц`. Four letters, not three:
//! `сім'ю` (family) is not `сім` (seven), `даних` not `дані`'s group
//! either (they find each other by their start).
//!
//! A verb is typed as its infinitive, past or noun (`шифрувати`,
//! `шифрування`, to encrypt, encryption; `видалити`, `видалив`, to delete,
//! he deleted) where a page gives the instruction (*Шифруйте*,
//! *Видаляйте*): on a query word not on the site, `-увати`, `-ування`
//! give the stem in `-у`, `-ити`, `-ив`, `-ила`, `-или` and `-ення` come
//! off where four letters remain, `-ати`, `-ання` leave the `-а`, and the
//! stem finds the words it starts (not `діти`, children, nor `кити`).

use super::rule_set::Rules;

pub(super) static UKRAINIAN: Rules = Rules {
    own_groups: true,
    verb_prefixes: true,
    // Verb prefixes, as in Russian (see there): `шифрувати` finds
    // *зашифрованій*, `направити` *Перенаправляйте*.
    prefixes: &[
        ("пере", 4, false),
        ("роз", 4, false),
        ("пiд", 4, false),
        ("при", 4, false),
        ("про", 4, false),
        ("вiд", 4, false),
        ("за", 4, false),
        ("по", 4, false),
        ("ви", 4, false),
        ("на", 4, false),
        ("до", 4, false),
        ("об", 4, false),
        ("з", 6, false),
        ("с", 6, false),
        ("у", 6, false),
        ("о", 6, false),
    ],
    // Longest first where one ends another (`-ами` before `-и`).
    suffixes: &[
        ("ами", "", 4),
        ("ями", "", 4),
        ("ого", "", 4),
        ("ому", "", 4),
        ("ими", "", 4),
        ("овi", "", 4),
        ("евi", "", 4),
        ("ою", "", 4),
        ("ею", "", 4),
        ("єю", "", 4),
        ("iв", "", 4),
        ("їв", "", 4),
        ("ам", "", 4),
        ("ям", "", 4),
        ("ах", "", 4),
        ("ях", "", 4),
        ("ом", "", 4),
        ("ем", "", 4),
        ("єм", "", 4),
        ("ий", "", 4),
        ("iй", "", 4),
        ("ої", "", 4),
        ("их", "", 4),
        ("им", "", 4),
        ("iм", "", 4),
        ("ок", "к", 4),
        ("ець", "ц", 4),
        ("а", "", 4),
        ("я", "", 4),
        ("и", "", 4),
        ("i", "", 4),
        ("ї", "", 4),
        ("у", "", 4),
        ("ю", "", 4),
        ("о", "", 4),
        ("е", "", 4),
        ("є", "", 4),
        ("ь", "", 4),
    ],
    // A noun in `-ка`, `-га`, `-ха` writes `ц`, `з`, `с` before the `-і`
    // of its dative and locative (`картка`, a case card: *у картці*;
    // `допомога`, help: *допомозі*; `рука`: *руці*): typed in one, it
    // finds the group of the other (`картц`, `картк`), or the word where
    // the stem is short (`руці`: *рука*; `рука`, `руки`, `руку`, *руці*,
    // which found nothing). Query only: `місці` (place) is no `-ка` noun, and finds
    // its own group first.
    query_suffixes: &[
        ("цi", "ка", 2),
        ("ка", "цi", 2),
        ("ки", "цi", 2),
        ("ку", "цi", 2),
        ("зi", "га", 2),
        ("цi", "к", 4),
        ("зi", "г", 4),
        ("сi", "х", 4),
        ("ка", "ц", 4),
        ("га", "з", 4),
        ("ха", "с", 4),
        // A plural in `-і` typed for the page's `-их`, or back, where three
        // letters stay and no group reaches (`дані`, data: *даних*, by the
        // start `дани`; not `-их` itself, which, longer, came before the
        // word's own forms: `инши`, *інші*, found *інших*).
        ("i", "и", 3),
        ("их", "i", 3),
    ],
    // `и` typed for `і` (written `i`, see `normalise`) on a Russian
    // keyboard, which has no `і` (`посвидчення`, *посвідчення*;
    // `информации`, *інформації*, its first letter and its ending):
    // one at a time and all at once, on a query word not on the site.
    inner: &[("и", "i", 0)],
    stems: &[
        ("ування", "у", 3),
        ("ювання", "ю", 3),
        ("увати", "у", 3),
        ("ювати", "ю", 3),
        // The imperfective typed for the perfective the page gives, or
        // back (`заповнювати`: *Заповніть*; `видаляти`: *Видаліть*), where
        // four letters remain (not `гуляти`); `д` written `дж` in it and
        // its noun (`супроводжувати`, `підтвердження`: *Супроводьте*,
        // *підтвердіть*) where five do; a verb in `-увати` and its noun
        // their participle in `-ований` (`зашифрувати`, `шифрування`:
        // *зашифрованій*).
        ("джувати", "д", 5),
        ("дження", "д", 5),
        ("ювати", "", 4),
        ("увати", "ов", 3),
        ("ування", "ов", 3),
        ("яти", "", 4),
        // A verb in `-нути` where the page gives the instruction
        // (`повернути`: *поверніть*), three letters left.
        ("нути", "н", 3),
        // Aspect pairs whose stem changes (`забрати`, `забирати`:
        // *Заберіть*, *забирайте*; `переслати`, `пересилати`: *Перешліть*,
        // *пересилайте*), each typed for the other, after a prefix.
        ("бирати", "бер", 2),
        ("брати", "бира", 2),
        ("силати", "шл", 2),
        ("слати", "сила", 2),
        ("слати", "шл", 2),
        // A reflexive infinitive where the page gives the instruction
        // (`сперечатися`: *сперечайтеся*), four letters left.
        ("атися", "а", 4),
        ("ятися", "я", 4),
        ("итися", "", 4),
        ("ення", "", 4),
        ("ання", "а", 4),
        ("ити", "", 4),
        ("ила", "", 4),
        ("или", "", 4),
        ("ив", "", 4),
        ("ати", "а", 4),
    ],
    numbers: super::numbers::UKRAINIAN,
    // `НУО` and `NGO` for the page's *неурядова організація* (the group of
    // `неурядова`, `неурядової`).
    acronyms: &[("нуо", "неурядов", 0), ("ngo", "неурядов", 0)],
    ..Rules::NONE
};
