//! Pashto rules (see `rules`), on a query word only: a plural or oblique
//! ending typed where the page writes another form of the noun. Typed
//! `فورمونه` (forms) was "Showing results for" the page's *فورمونو*,
//! `قاچاقبران` (traffickers) for *قاچاقبر*, `مرکې` (interviews) for *مرکه*;
//! the noun without its ending finds the words it starts. Four letters
//! before `-ان` (`باران`, rain, is not `بار`, a load), three before the
//! others. All written as search normalises Pashto (`ې`, `ۍ` as `ي`).

use super::rule_set::Rules;

pub(super) static PASHTO: Rules = Rules {
    query_suffixes: &[
        // Plural, direct and oblique, of things (`فورمونه`, `کوډونو`) and
        // of people (`قاچاقبران`, `ماشومانو`).
        ("ونه", "", 3),
        ("ونو", "", 3),
        ("انو", "", 4),
        ("ان", "", 4),
        // A feminine noun in `-ه` and its plural or oblique in `-ې`
        // (`مرکه`, `مرکې`; `موخه`, `موخې`), each typed for the other.
        ("ي", "ه", 3),
        ("ه", "ي", 3),
    ],
    ..Rules::NONE
};
