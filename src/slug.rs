//! Unicode-aware slugs for file names and heading ids.

use std::collections::HashSet;

/// Lowercases and keeps letters and digits of every script (an Arabic
/// heading keeps its Arabic letters); everything else becomes one `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else if is_invisible(c) {
            // Joiners and direction marks carry no meaning in an id.
        } else {
            pending_dash = true;
        }
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{AD}' | '\u{640}')
}

/// Splits a `01-indicators` file or folder name into its order (`1`) and
/// slug (`indicators`). A name that is only a number keeps it as the slug.
pub fn order_and_slug(name: &str) -> (Option<i64>, String) {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &name[digits.len()..];
        if let Some(rest) = rest.strip_prefix(['-', '_', '.', ' ']) {
            let slug = slugify(rest);
            if !slug.is_empty() {
                return (digits.parse().ok(), slug);
            }
        }
    }
    let slug = slugify(name);
    (None, if slug.is_empty() { "page".into() } else { slug })
}

/// Hands out ids unique within one page: `a`, `a-1`, `a-2`.
#[derive(Default)]
pub struct UniqueIds {
    used: HashSet<String>,
}

impl UniqueIds {
    /// Reserves an id exactly as given (explicit `{#id}`); false if taken.
    pub fn reserve(&mut self, id: &str) -> bool {
        self.used.insert(id.to_string())
    }

    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        (1..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| self.used.insert(c.clone()))
            .unwrap_or_default()
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
    }

    #[test]
    fn file_names() {
        assert_eq!(
            order_and_slug("01-indicators"),
            (Some(1), "indicators".into())
        );
        assert_eq!(order_and_slug("10_Part Two"), (Some(10), "part-two".into()));
        assert_eq!(order_and_slug("2024"), (None, "2024".into()));
        assert_eq!(order_and_slug("notes"), (None, "notes".into()));
        assert_eq!(order_and_slug("???"), (None, "page".into()));
    }

    #[test]
    fn unique_ids() {
        let mut u = UniqueIds::default();
        assert!(u.reserve("a-1"));
        assert_eq!(u.unique("a"), "a");
        assert_eq!(u.unique("a"), "a-2");
        assert_eq!(u.unique(""), "section");
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
                let id = ids.unique(&slugify(h));
                prop_assert!(!id.is_empty());
                prop_assert!(!id.contains(char::is_whitespace));
                prop_assert!(!id.contains(['"', '<', '>', '#', '/', '?', '&']));
                prop_assert!(seen.insert(id));
            }
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
