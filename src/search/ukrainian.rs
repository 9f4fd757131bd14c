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
//! either (they find each other by their start). Verbs are left alone:
//! their forms change more than their ending.

use super::rule_set::Rules;

pub(super) static UKRAINIAN: Rules = Rules {
    groups: false,
    joins: false,
    own_groups: true,
    drop: &[],
    prefixes: &[],
    // Longest first where one ends another (`-ами` before `-и`).
    suffixes: &[
        ("ами", "", 4),
        ("ями", "", 4),
        ("ого", "", 4),
        ("ому", "", 4),
        ("ими", "", 4),
        ("ові", "", 4),
        ("еві", "", 4),
        ("ою", "", 4),
        ("ею", "", 4),
        ("єю", "", 4),
        ("ів", "", 4),
        ("їв", "", 4),
        ("ам", "", 4),
        ("ям", "", 4),
        ("ах", "", 4),
        ("ях", "", 4),
        ("ом", "", 4),
        ("ем", "", 4),
        ("єм", "", 4),
        ("ий", "", 4),
        ("ій", "", 4),
        ("ої", "", 4),
        ("их", "", 4),
        ("им", "", 4),
        ("ім", "", 4),
        ("ок", "к", 4),
        ("ець", "ц", 4),
        ("а", "", 4),
        ("я", "", 4),
        ("и", "", 4),
        ("і", "", 4),
        ("ї", "", 4),
        ("у", "", 4),
        ("ю", "", 4),
        ("о", "", 4),
        ("е", "", 4),
        ("є", "", 4),
        ("ь", "", 4),
    ],
    irregular: &[],
    query_suffixes: &[],
    sounds: &[],
    inner: &[],
    stems: &[],
    acronyms: &[],
};
