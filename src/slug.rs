//! Unicode-aware slugs for file names and heading ids, and the Unicode
//! normalisation every name and id goes through.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// `s` in Unicode Normalization Form C. Editors on macOS save `é` as `e` and
/// a combining accent (NFD); normalised, both spellings are the same text.
/// Text that is already NFC (nearly all of it) is returned without a copy.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Lowercases and keeps letters and digits of every script (an Arabic
/// heading keeps its Arabic letters), with the marks that follow them (a
/// Devanagari virama, a Thai tone mark: `स्वास्थ्य`, not `स-वास-थ-य`);
/// everything else becomes one `-`. For file names and the ids of tasks
/// and footnotes, which readers' saved checklists and old links depend on.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in nfc(text).chars() {
        if is_spelling_mark(c) {
            // Part of the letter before it; alone, nothing.
            if !pending_dash && !out.is_empty() {
                out.push(c);
            }
        } else if c.is_alphanumeric() || c == '_' {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else if crate::text::is_invisible(c) || c == '\u{640}' || draws_only(c) {
            // Joiners and direction marks carry no meaning in an id.
        } else {
            pending_dash = true;
        }
    }
    out
}

/// A combining mark that is part of how a word is spelt: not one that
/// only changes how it is drawn ([`draws_only`]).
fn is_spelling_mark(c: char) -> bool {
    !c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Mark && !draws_only(c)
}

/// Variation selectors (an emoji's `\u{fe0f}`) and the grapheme joiner.
fn draws_only(c: char) -> bool {
    matches!(c, '\u{34f}' | '\u{180b}'..='\u{180f}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}')
}

/// A heading's id, by GitHub's rule, so that links written for GitHub keep
/// working: lowercase; letters, marks, digits, `_` and `-` kept; each space
/// becomes `-`; everything else (punctuation, symbols, other spaces) is
/// removed. `Numéros d’urgence` -> `numéros-durgence`.
pub fn heading_id(text: &str) -> String {
    let lower = nfc(text).to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        if c == ' ' {
            out.push('-');
        } else if c.is_ascii() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                out.push(c);
            }
        } else if keeps_in_id(c) {
            out.push(c);
        }
    }
    out
}

fn keeps_in_id(c: char) -> bool {
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark | GeneralCategoryGroup::Number
    ) || c.general_category() == GeneralCategory::ConnectorPunctuation
}

/// A key that ignores case, accents and punctuation: two ids with the same
/// key are what an author would call the same heading. For "did you mean".
pub fn loose_key(s: &str) -> String {
    s.nfd()
        .filter(|c| c.is_alphanumeric() && c.general_category_group() != GeneralCategoryGroup::Mark)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits a `01-indicators` file or folder name into its order (`1`) and
/// slug (`indicators`). A name that is only a number keeps it as the slug.
pub fn order_and_slug(name: &str) -> (Option<i64>, String) {
    let (numbers, slug) = numbered(name);
    (numbers.first().copied(), slug)
}

/// A Jekyll post's date, `2019-05-01-informed-consent`: year, month and
/// day (so that posts sort by date, not all under the year), and the rest.
/// Jekyll also takes a month or day of one digit (`2020-1-5-identification`),
/// which older sites have.
fn jekyll_date(name: &str) -> Option<(Vec<i64>, &str)> {
    let mut parts = name.splitn(4, '-');
    let (year, month, day, rest) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let number = |s: &str, widths: std::ops::RangeInclusive<usize>| {
        (widths.contains(&s.len()) && s.bytes().all(|d| d.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
    };
    let (y, m, d) = (
        number(year, 4..=4)?,
        number(month, 1..=2)?,
        number(day, 1..=2)?,
    );
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| (vec![y, m, d], rest))
}

/// A Notion export's name without the page id Notion adds to every file
/// and folder (`Consent 3f2a9c1b2d4e5f60718293a4b5c6d7e8`): an address
/// made of it would carry 32 letters no reader can type or remember.
fn without_notion_id(name: &str) -> &str {
    match name
        .len()
        .checked_sub(33)
        .and_then(|i| name.split_at_checked(i))
    {
        Some((base, id))
            if !base.trim().is_empty()
                && id.starts_with(' ')
                && id[1..]
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) =>
        {
            base
        }
        _ => name,
    }
}

/// Whether `stem` (a file's name without `.md`, maybe with a language
/// suffix, or a folder's) ends with the page id Notion adds, which page
/// names leave out.
pub fn has_notion_id(stem: &str) -> bool {
    let without_lang = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    [stem, without_lang]
        .iter()
        .any(|s| without_notion_id(s).len() < s.len())
}

/// Like [`order_and_slug`], with every number of a dotted prefix: Word's
/// numbered headings give names like `1.2.10-scope`, which sort after
/// `1.2.9-x` and are published as `scope`. Empty for a name without one.
pub fn numbered(name: &str) -> (Vec<i64>, String) {
    let name = without_notion_id(name);
    if let Some((date, rest)) = jekyll_date(name) {
        let slug = slugify(rest);
        if !slug.is_empty() {
            return (date, slug);
        }
    }
    let b = name.as_bytes();
    let mut numbers = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            break;
        }
        // Too long to be a number: last.
        numbers.push(name[start..i].parse().unwrap_or(i64::MAX));
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    if let Some(rest) = name[i..].strip_prefix(['-', '_', '.', ' '])
        && !numbers.is_empty()
    {
        let slug = slugify(rest);
        if !slug.is_empty() {
            return (numbers, slug);
        }
    }
    let slug = slugify(name);
    (
        Vec::new(),
        if slug.is_empty() { "page".into() } else { slug },
    )
}

/// Hands out ids unique within one page: `a`, `a-1`, `a-2`, as GitHub does.
/// Each base remembers the last number it tried, so a page of 20,000
/// identical headings costs 20,000 steps, not 200 million.
#[derive(Default)]
pub struct UniqueIds {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl UniqueIds {
    /// With `taken` already taken (the theme's own ids).
    pub fn reserving(taken: &[String]) -> Self {
        UniqueIds {
            used: taken.iter().cloned().collect(),
            next: HashMap::new(),
        }
    }

    /// Reserves an id exactly as given (explicit `{#id}`); false if taken.
    pub fn reserve(&mut self, id: &str) -> bool {
        self.used.insert(id.to_string())
    }

    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(0);
        loop {
            *n += 1;
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// The site's file names as authors mistype them: by lower-case path and
/// by slug. Built once per site, on the first link to a missing target,
/// so that hints cost the same whatever the number of broken links.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Lower-cased path to its real spelling: `handbook/02-signs` for a
    /// page, `handbook/images/flow.png` for a file, `/logo.png` for a file
    /// of `static/`.
    pub folded: HashMap<String, String>,
    /// (folder, slug) to the first page file name with that slug there.
    pub by_slug: HashMap<(PathBuf, String), String>,
    /// Slug ([`loose_key`]: without case, accents or punctuation) to every
    /// page with it (`dir/stem`), in any folder, sorted: a link written for
    /// an old site's folders finds the page that moved.
    pub anywhere: HashMap<String, Vec<String>>,
}

impl NameIndex {
    /// `pages`: each page's `dir/stem` and slug; `files`: files of
    /// `guidance/`; `statics`: files of `static/`.
    pub fn new<'a>(
        pages: impl Iterator<Item = (&'a Path, &'a str)>,
        files: impl Iterator<Item = &'a Path>,
        statics: impl Iterator<Item = &'a String>,
    ) -> Self {
        let mut ix = NameIndex::default();
        let slash = |p: &Path| p.to_string_lossy().replace('\\', "/");
        for (page, slug) in pages {
            let s = slash(page);
            ix.folded.insert(s.to_lowercase(), s.clone());
            let dir = page.parent().unwrap_or(Path::new("")).to_path_buf();
            let name = page.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let entry = ix.by_slug.entry((dir, slug.to_string())).or_default();
            if entry.is_empty() || name < entry.as_str() {
                *entry = name.to_string();
            }
            ix.anywhere.entry(loose_key(slug)).or_default().push(s);
        }
        for pages in ix.anywhere.values_mut() {
            pages.sort();
        }
        for f in files {
            let s = slash(f);
            ix.folded.insert(s.to_lowercase(), s);
        }
        for s in statics {
            ix.folded
                .insert(format!("/{}", s.to_lowercase()), format!("/{s}"));
        }
        ix
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Physical signs"), "physical-signs");
        assert_eq!(
            slugify("  Who is at risk? (and why)"),
            "who-is-at-risk-and-why"
        );
        assert_eq!(slugify("Sécurité d'abord"), "sécurité-d-abord");
        assert_eq!(slugify("المؤشرات الجسدية"), "المؤشرات-الجسدية");
        assert_eq!(slugify("ÉTAPE 2"), "étape-2");
        assert_eq!(slugify("\u{200F}!!!"), "");
        assert_eq!(slugify("pre\u{301}fecture"), "préfecture");
        // Marks stay with their letters: a virama, a Thai tone mark, a
        // Tamil pulli; a variation selector or a mark alone does not.
        assert_eq!(slugify("स्वास्थ्य सेवा"), "स्वास्थ्य-सेवा");
        assert_eq!(slugify("การส่งต่อ"), "การส่งต่อ");
        assert_eq!(slugify("தமிழ்"), "தமிழ்");
        assert_eq!(slugify("Done ✅\u{fe0f} a\u{fe0f}b"), "done-ab");
        assert_eq!(slugify("\u{94d}x \u{301}"), "x");
    }

    #[test]
    fn heading_ids_follow_github() {
        assert_eq!(heading_id("Numéros d’urgence"), "numéros-durgence");
        assert_eq!(heading_id("Sécurité d'abord"), "sécurité-dabord");
        assert_eq!(
            heading_id("Who is at risk? (and why)"),
            "who-is-at-risk-and-why"
        );
        assert_eq!(
            heading_id("Step 1: ask -- then act"),
            "step-1-ask----then-act"
        );
        assert_eq!(heading_id("snake_case & C++"), "snake_case--c");
        assert_eq!(heading_id("المؤشرات الجسدية"), "المؤشرات-الجسدية");
        assert_eq!(heading_id("ÉTAPE 2"), "étape-2");
        assert_eq!(heading_id("Emoji 🚨 alert"), "emoji--alert");
        assert_eq!(heading_id("中文 标题"), "中文-标题");
        // Decomposed input gives the composed id.
        assert_eq!(heading_id("Pre\u{301}fecture"), "préfecture");
        // A non-breaking space is not a space to GitHub.
        assert_eq!(heading_id("a\u{a0}b"), "ab");
        // Hindi vowel signs are marks, kept.
        assert_eq!(heading_id("हिन्दी"), "हिन्दी");
    }

    #[test]
    fn loose_keys_ignore_case_accents_and_punctuation() {
        assert_eq!(loose_key("Numéros-d-urgence"), "numerosdurgence");
        assert_eq!(loose_key("numeros_durgence"), "numerosdurgence");
        assert_eq!(loose_key("pre\u{301}fecture"), loose_key("Préfecture"));
    }

    #[test]
    fn nfc_composes_and_borrows_when_it_can() {
        assert_eq!(nfc("pre\u{301}fecture"), "préfecture");
        assert!(matches!(nfc("préfecture"), Cow::Borrowed(_)));
        assert!(matches!(nfc("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn file_names() {
        assert_eq!(
            order_and_slug("01-indicators"),
            (Some(1), "indicators".into())
        );
        assert_eq!(order_and_slug("10_Part Two"), (Some(10), "part-two".into()));
        // A Jekyll post: ordered by its date, named without it.
        assert_eq!(
            numbered("2019-05-01-informed-consent"),
            (vec![2019, 5, 1], "informed-consent".into())
        );
        assert_eq!(
            numbered("2020-1-5-identification"),
            (vec![2020, 1, 5], "identification".into())
        );
        assert_eq!(
            numbered("2020-13-5-x"),
            (vec![2020], "13-5-x".into()),
            "no month 13: the year only"
        );
        assert_eq!(
            numbered("2019-05-x"),
            (vec![2019], "05-x".into()),
            "not a date: the year only"
        );
        // Notion's page ids stay out of addresses.
        assert!(has_notion_id("Untitled 3f2a9c1b2d4e5f60718293a4b5c6d7e8"));
        assert!(has_notion_id(
            "Untitled 3f2a9c1b2d4e5f60718293a4b5c6d7e8.fr"
        ));
        assert!(!has_notion_id("Untitled"));
        assert!(!has_notion_id(" 3f2a9c1b2d4e5f60718293a4b5c6d7e8"));
        assert_eq!(
            order_and_slug("Informed consent 3f2a9c1b2d4e5f60718293a4b5c6d7e8"),
            (None, "informed-consent".into())
        );
        assert_eq!(
            order_and_slug("02 Referral 3f2a9c1b2d4e5f60718293a4b5c6d7e8"),
            (Some(2), "referral".into())
        );
        assert_eq!(
            order_and_slug(" 3f2a9c1b2d4e5f60718293a4b5c6d7e8"),
            (None, "3f2a9c1b2d4e5f60718293a4b5c6d7e8".into()),
            "nothing but the id: kept"
        );
        assert_eq!(
            order_and_slug("x 3F2A9C1B2D4E5F60718293A4B5C6D7E8"),
            (None, "x-3f2a9c1b2d4e5f60718293a4b5c6d7e8".into()),
            "not Notion's"
        );
        assert_eq!(order_and_slug("2024"), (None, "2024".into()));
        assert_eq!(order_and_slug("notes"), (None, "notes".into()));
        assert_eq!(order_and_slug("???"), (None, "page".into()));
        assert_eq!(
            order_and_slug("1. Introduction"),
            (Some(1), "introduction".into())
        );
        // Word's numbered headings, as file names.
        assert_eq!(numbered("1.10-annex"), (vec![1, 10], "annex".into()));
        assert_eq!(numbered("3.2.1 Deep"), (vec![3, 2, 1], "deep".into()));
        assert_eq!(numbered("2.-x"), (vec![2], "x".into()));
        assert_eq!(numbered("1.1"), (vec![], "1-1".into()));
        assert_eq!(
            numbered("99999999999999999999-x"),
            (vec![i64::MAX], "x".into())
        );
    }

    #[test]
    fn unique_ids() {
        let mut u = UniqueIds::default();
        assert!(u.reserve("a-1"));
        assert_eq!(u.unique("a"), "a");
        assert_eq!(u.unique("a"), "a-2");
        assert_eq!(u.unique("a"), "a-3");
        assert_eq!(u.unique(""), "section");
        assert_eq!(u.unique("a-2"), "a-2-1");
    }

    #[test]
    fn many_identical_ids_stay_linear() {
        let mut u = UniqueIds::default();
        for _ in 0..50_000 {
            u.unique("same");
        }
        assert_eq!(u.unique("same"), "same-50000");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the headings, ids on a page are unique and usable in a URL.
        #[test]
        fn ids_are_unique_per_page(headings in proptest::collection::vec("\\PC{0,30}", 0..40)) {
            let mut ids = UniqueIds::default();
            let mut seen = std::collections::HashSet::new();
            for h in &headings {
                for base in [slugify(h), heading_id(h)] {
                    let id = ids.unique(&base);
                    prop_assert!(!id.is_empty());
                    prop_assert!(!id.contains(char::is_whitespace));
                    prop_assert!(!id.contains(['"', '<', '>', '#', '/', '?', '&', '%']));
                    prop_assert!(seen.insert(id));
                }
            }
        }

        /// Composed and decomposed spellings give the same id.
        #[test]
        fn ids_ignore_normalisation_form(h in "\\PC{0,30}") {
            let decomposed: String = h.nfd().collect();
            prop_assert_eq!(heading_id(&h), heading_id(&decomposed));
        }

        /// Slugs never contain path separators or dots that could climb out.
        #[test]
        fn file_slugs_are_safe_path_segments(name in "\\PC{0,40}") {
            let (_, slug) = order_and_slug(&name);
            prop_assert!(!slug.is_empty());
            prop_assert!(!slug.contains(['/', '\\', '.', ':']));
        }
    }
}
