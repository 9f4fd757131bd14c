//! Persian rules (see `rules`): plurals in `-ها` (with or without the zero-width non-joiner,
//! which normalisation drops: `پرونده‌ها`, `پروندهها`), `-های` and `-ان`
//! (`کودکان`), and the ezafe `ی` after a silent `ه` (`خانه‌ی امن`), three
//! letters left (`تنها`, alone, keeps its `ها`), four before `-ان`
//! (`میزان`, amount, is not `میز`, a desk); and the verb prefixes
//! `می‌`, `نمی‌` (`نمی‌دانند` finds *می‌دانند*). The plurals also join a
//! word of the site to its singular's group where both are on the site.
//! An infinitive typed for the page's instruction finds it with its `ب`
//! (`پرسیدن`: *بپرسید*).

use super::rule_set::Rules;

pub(super) const PERSIAN: Rules = Rules {
    joins: true,
    prefixes: &[("نمي", 2, false), ("مي", 2, false)],
    // The `ب` of an instruction or a wish, put before a query word the
    // site does not have (`پرسیدن`, to ask: *بپرسید*, ask; `بگیرید`).
    query_prefixes: &[("ب", 3)],
    suffixes: &[("هاي", "", 3), ("ها", "", 3), ("ان", "", 4), ("هي", "ه", 2)],
    // Arabic broken plurals Persian guidance writes (`مدارک`, documents, of
    // `مدرک`; `اسناد` of `سند`), both ways, as Arabic's.
    irregular: &[
        ("مدارك", "مدرك", 0),
        ("اسناد", "سند", 0),
        ("موارد", "مورد", 0),
        ("افراد", "فرد", 0),
        ("مراكز", "مركز", 0),
        ("قوانين", "قانون", 0),
    ],
    // A verb's person endings, on a query word only: what is left finds
    // the words it starts, the page's person (`میپذیرند`, they accept:
    // *می‌پذیرد*). Three letters left (`باید`, must, is not `با`, with),
    // four before `-د` alone (`کلید`, a key, is not `کلی`, overall).
    query_suffixes: &[
        ("ند", "", 3),
        // An infinitive, for the page's past stem (`پرسیدن`, to ask:
        // `پرسید`, found with the `ب` of *بپرسید*, see `query_prefixes`).
        ("دن", "د", 3),
        ("تن", "ت", 3),
        ("يد", "", 3),
        ("د", "", 4),
        ("مدرك", "مدارك", 0),
        ("سند", "اسناد", 0),
        ("مورد", "موارد", 0),
        ("فرد", "افراد", 0),
        ("مركز", "مراكز", 0),
        ("قانون", "قوانين", 0),
    ],
    // On an Arabic keyboard, which has no `گ`, `پ`, `چ`, a Persian word is
    // typed with `ک` (`ك`), `ب`, `ج` for them (`كروه` for *گروه*, a group;
    // `باسخ` for *پاسخ*): one at a time and all at once, on a query word not
    // on the site.
    inner: &[("ك", "گ", 0), ("ب", "پ", 0), ("ج", "چ", 0)],
    numbers: super::numbers::PERSIAN,
    // `NGO` as Persian pages write it, in one word (`غیردولتی`, or with the
    // zero-width non-joiner that normalisation drops); and the loanword
    // typed for a page's word (`پاسپورت`, passport: *گذرنامه*; `پسورد`,
    // password: *گذرواژه*).
    acronyms: &[
        ("ngo", "غيردولتي", 0),
        ("پاسپورت", "گذرنامه", 0),
        ("پسورد", "گذرواژه", 0),
    ],
    ..Rules::NONE
};
