//! Russian affix rules (see `rules`), kept apart for their length.

use super::rule_set::Rules;

/// Russian: case, adjective and verb endings, tried on a query word that
/// is not on the site, so that another form finds the Snowball group of
/// the site's (`согласии` -> `соглас`, the group of `согласие` and
/// `согласия`; `ребенку` -> `ребенк`). Query only: Snowball makes the
/// groups. Each leaves three letters. Past active participles come off
/// with their `вш` (`пострадавший` -> `пострада`, the group of
/// `пострадавших`), as Snowball takes them off after `а` or `я`; after
/// another letter Snowball takes off `ивш` whole (`получивших` ->
/// `получ`), so those come off with it (`получивший` -> `получ`).
/// Adjectives and participles in `-нн-` another case than the site's
/// find its group with one `н` or none (`электронная` -> `электрон`,
/// `информированного` -> `информирова`).
pub(super) const RUSSIAN: Rules = Rules {
    groups: false,
    heads: 0,
    joins: false,
    own_groups: false,
    verb_prefixes: true,
    query_prefixes: &[],
    drop: &[],
    // Verb prefixes, which only find (see `verb_prefixes`): `шифровать`
    // finds *зашифрованной*, `сфотографировать` *фотографируйте*. Four
    // letters remain (`зачем` is not `чем`), six after a prefix of one
    // letter (`вопрос` is not `опрос`: no `в`).
    prefixes: &[
        ("пере", 4, false),
        ("пред", 4, false),
        ("раз", 4, false),
        ("рас", 4, false),
        ("под", 4, false),
        ("при", 4, false),
        ("про", 4, false),
        ("за", 4, false),
        ("по", 4, false),
        ("от", 4, false),
        ("вы", 4, false),
        ("на", 4, false),
        ("до", 4, false),
        ("из", 4, false),
        ("ис", 4, false),
        ("об", 4, false),
        ("со", 4, false),
        ("с", 6, false),
        ("у", 6, false),
        ("о", 6, false),
    ],
    suffixes: &[],
    // `дети` is the plural of `ребёнок`, which no ending makes: its group
    // (`дет`, of `дети`, `детей`, `детям`) joins `ребёнок`'s (`ребенк`, of
    // `ребёнка`, `ребёнку`) where the site has both, as English `children`
    // joins `child` (see `stem`); and each word's forms are tried on a
    // query as the other's, for a site that has one of them only.
    // Verbs of going in `-йти` make their past in `-шёл`, `-шла`, `-шли`
    // (`пойти`, `пошёл`; `прийти`, `пришёл`; `найти`, `нашли`), which no
    // ending makes either: joined and tried the same way; so are the
    // past forms to each other (`пошла`, `пошёл`).
    irregular: &[
        ("дет", "ребенк", 0),
        ("шел", "йти", 0),
        ("шла", "йти", 0),
        ("шли", "йти", 0),
        ("шло", "йти", 0),
        ("шла", "шел", 0),
        ("шли", "шел", 0),
        ("шло", "шел", 0),
    ],
    query_suffixes: &[
        ("йти", "шел", 0),
        ("йти", "шла", 0),
        ("йти", "шли", 0),
        ("йти", "шло", 0),
        ("шел", "шла", 0),
        ("шел", "шли", 0),
        ("шел", "шло", 0),
        ("детьми", "ребенк", 0),
        ("детей", "ребенк", 0),
        ("детям", "ребенк", 0),
        ("детях", "ребенк", 0),
        ("дети", "ребенк", 0),
        ("ребенком", "дет", 0),
        ("ребенок", "дет", 0),
        ("ребенка", "дет", 0),
        ("ребенку", "дет", 0),
        ("ребенке", "дет", 0),
        ("ившими", "", 3),
        ("ившего", "", 3),
        ("ившему", "", 3),
        ("ивший", "", 3),
        ("ившая", "", 3),
        ("ившее", "", 3),
        ("ившие", "", 3),
        ("ивших", "", 3),
        ("ившим", "", 3),
        ("ившей", "", 3),
        ("ившую", "", 3),
        ("ившем", "", 3),
        ("вшими", "", 3),
        ("вшего", "", 3),
        ("вшему", "", 3),
        ("вший", "", 3),
        ("вшая", "", 3),
        ("вшее", "", 3),
        ("вшие", "", 3),
        ("вших", "", 3),
        ("вшим", "", 3),
        ("вшей", "", 3),
        ("вшую", "", 3),
        ("вшем", "", 3),
        // Adjectives and participles in `-нн-`: Snowball writes one `н`
        // (`электронной` -> `электрон`), or none after a participle's `а`
        // or `я` (`информированное` -> `информирова`); the longer first.
        ("нными", "н", 3),
        ("нными", "", 3),
        ("нного", "н", 3),
        ("нного", "", 3),
        ("нному", "н", 3),
        ("нному", "", 3),
        ("нная", "н", 3),
        ("нная", "", 3),
        ("нной", "н", 3),
        ("нной", "", 3),
        ("нное", "н", 3),
        ("нное", "", 3),
        ("нные", "н", 3),
        ("нные", "", 3),
        ("нный", "н", 3),
        ("нный", "", 3),
        ("нную", "н", 3),
        ("нную", "", 3),
        ("нных", "н", 3),
        ("нных", "", 3),
        ("нным", "н", 3),
        ("нным", "", 3),
        ("нном", "н", 3),
        ("нном", "", 3),
        // Nouns whose vowel drops in other cases (`ребенок`, `ребенка`:
        // group `ребенк`; `звонка`, `звонок`), and nouns in `-ья` (`семья`,
        // `семье`: group `сем`), which Snowball takes off with the `ь`.
        ("ком", "ок", 3),
        ("ка", "ок", 3),
        ("ку", "ок", 3),
        ("ке", "ок", 3),
        ("ок", "к", 3),
        ("ек", "к", 3),
        ("ец", "ц", 3),
        ("ьями", "", 3),
        ("ьей", "", 3),
        ("ьям", "", 3),
        ("ьях", "", 3),
        ("ья", "", 3),
        ("ье", "", 3),
        ("ьи", "", 3),
        // Verbs in `-ить`, `-ыть`, which Snowball takes off whole
        // (`позвонить`, `позвоните`: group `позвон`).
        ("ить", "", 3),
        ("ыть", "", 3),
        ("иями", "", 3),
        ("ями", "", 3),
        ("ами", "", 3),
        ("ием", "", 3),
        ("иям", "", 3),
        ("иях", "", 3),
        ("ого", "", 3),
        ("его", "", 3),
        ("ому", "", 3),
        ("ему", "", 3),
        ("ыми", "", 3),
        ("ими", "", 3),
        ("ться", "", 3),
        ("ется", "", 3),
        ("ются", "", 3),
        ("ая", "", 3),
        ("яя", "", 3),
        ("ое", "", 3),
        ("ее", "", 3),
        ("ые", "", 3),
        ("ие", "", 3),
        ("ый", "", 3),
        ("ий", "", 3),
        ("ой", "", 3),
        ("ей", "", 3),
        ("ом", "", 3),
        ("ем", "", 3),
        ("ам", "", 3),
        ("ям", "", 3),
        ("ах", "", 3),
        ("ях", "", 3),
        ("ов", "", 3),
        ("ев", "", 3),
        ("ую", "", 3),
        ("ых", "", 3),
        ("их", "", 3),
        ("ым", "", 3),
        ("им", "", 3),
        ("ию", "", 3),
        ("ия", "", 3),
        ("ии", "", 3),
        ("ью", "", 3),
        ("ет", "", 3),
        ("ит", "", 3),
        ("ут", "", 3),
        ("ют", "", 3),
        ("ть", "", 3),
        ("а", "", 3),
        ("я", "", 3),
        ("о", "", 3),
        ("е", "", 3),
        ("ы", "", 3),
        ("и", "", 3),
        ("у", "", 3),
        ("ю", "", 3),
        ("ь", "", 3),
    ],
    sounds: &[],
    inner: &[],
    stems: &[
        // A verb whose stem changes in the instruction the page gives
        // (`записать`: *Запишите*; `показать`: *Покажите*; `выбрать`:
        // *Выберите*; `позвать`: *Позовите*): the changed stem, whose
        // words search.js finds by their start.
        ("брать", "бер", 2),
        ("звать", "зов", 2),
        ("сать", "ш", 3),
        ("зать", "ж", 3),
        // An imperfective verb in `-ять` typed for the perfective the page
        // gives (`заполнять`: *Заполните*; `объяснять`: *Объясните*): the
        // stem without it, where four letters remain (not `стоять`).
        ("ять", "", 4),
        // A verb in `-овать` typed where the page gives the instruction in
        // `-уйте` (`публиковать`: *публикуйте*; `фотографировать`:
        // *фотографируйте*): the stem in `-у`.
        ("овать", "у", 3),
        // `д` written `жд` in the imperfective and its noun
        // (`сопровождать`, `подтверждение`: *Сопроводите*, *подтвердите*),
        // where five letters remain (not `подождать`).
        ("ждать", "д", 5),
        // Aspect pairs whose stem changes (`забрать`, `забирать`:
        // *Заберите*, *забирайте*; `переслать`, `пересылать`: *Перешлите*,
        // *пересылайте*; `отозвать`, `отзывать`: *Отзовите*), each typed
        // for the other, after a prefix of two letters or more.
        ("бирать", "бер", 2),
        ("брать", "бира", 2),
        ("сылать", "шл", 2),
        ("слать", "сыла", 2),
        ("слать", "шл", 2),
        ("зывать", "озва", 2),
        ("зывать", "зов", 2),
        ("озвать", "зыва", 2),
        ("ждение", "д", 5),
        ("ждения", "д", 5),
        // A noun in `-ец` whose `е` drops in other cases, typed in one of
        // them where the page has it whole (`торговцы`: *торговец*).
        ("цами", "ец", 3),
        ("цам", "ец", 3),
        ("цах", "ец", 3),
        ("цев", "ец", 3),
        ("цем", "ец", 3),
        ("цы", "ец", 3),
        ("ца", "ец", 3),
        ("цу", "ец", 3),
        // Who does it, typed as a man where the page names a woman
        // (`переводчик`: *переводчицей*; `работник`: *работница*).
        ("ик", "иц", 4),
    ],
    numbers: super::numbers::RUSSIAN,
    // NGO as English writes it, and НКО and НПО, both said.
    acronyms: &[
        ("ngo", "нко", 0),
        ("ngo", "нпо", 0),
        ("нпо", "нко", 0),
        ("нко", "нпо", 0),
        ("unhcr", "увкб", 0),
        // The ILO, HIV, STIs, WHO and IOM as English writes them.
        ("ilo", "мот", 0),
        ("hiv", "вич", 0),
        ("sti", "иппп", 0),
        ("who", "воз", 0),
        ("iom", "мом", 0),
    ],
};
