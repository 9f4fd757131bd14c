//! A translation keeps its source's anchors. A heading with no `{#id}`
//! gets its id from its text, so a translated heading would get another,
//! and every link to the source's anchor (from this page or, rewritten to
//! this language, from another) would break the build. Import writes the
//! source's id on such a heading, `## Signes à surveiller {#signs-to-watch}`,
//! whenever the translated text would give another.

use super::segments::Kind;
use crate::slug::{UniqueIds, heading_id};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A heading's text as its id is made from it (the renderer's title: its
/// text and code, without marks), and its explicit `{#id}` if any.
fn read(text: &str) -> (String, Option<String>) {
    let md = format!("# {text}");
    let (mut plain, mut id, mut inside) = (String::new(), None, false);
    for event in Parser::new_ext(&md, crate::markdown::md_options()) {
        match event {
            Event::Start(Tag::Heading { id: i, .. }) => {
                inside = true;
                id = i.map(|i| i.to_string());
            }
            Event::End(TagEnd::Heading(_)) => inside = false,
            Event::Text(t) if inside => push_named(&mut plain, &t),
            Event::Code(t) if inside => plain.push_str(&t),
            _ => {}
        }
    }
    (plain.trim().to_string(), id)
}

/// Text with each local value as its name, as the renderer makes a
/// heading's id of it (`{{ city }}` gives `city`).
fn push_named(plain: &mut String, t: &str) {
    let mut last = 0;
    for f in crate::markdown::values::scan(t, false) {
        plain.push_str(&t[last..f.start]);
        plain.push_str(f.name);
        last = f.end;
    }
    plain.push_str(&t[last..]);
}

/// For each of `units` (kind and source text), the id its heading has in
/// the source page when it has no `{#id}`: as the renderer gives them, in
/// order, unique in the page. `None` for other units.
pub fn source_ids<'a>(units: impl Iterator<Item = (Kind, &'a str)>) -> Vec<Option<String>> {
    let mut ids = UniqueIds::default();
    units
        .map(|(kind, text)| {
            if kind != Kind::Heading {
                return None;
            }
            match read(text) {
                (_, Some(explicit)) => {
                    ids.reserve(&explicit);
                    None
                }
                (plain, None) => Some(ids.unique(&heading_id(&plain))),
            }
        })
        .collect()
}

/// A translated heading with the source's id added when its own text
/// would give another one (`source_id`: from [`source_ids`]).
pub fn keep_id(kind: Kind, translation: &str, source_id: Option<&str>) -> String {
    let Some(id) = source_id.filter(|_| kind == Kind::Heading && !translation.is_empty()) else {
        return translation.to_string();
    };
    match read(translation) {
        (plain, None) if heading_id(&plain) != id => format!("{translation} {{#{id}}}"),
        _ => translation.to_string(),
    }
}

/// A translated heading whose `{#id}` was typed before its text, as a
/// right-to-left editor invites (the source's end, on the right, is the
/// start of Arabic text), with the id put back at its end, where
/// Markdown reads it; else the heading as it is.
pub fn id_to_end(kind: Kind, translation: &str) -> String {
    let unchanged = || translation.to_string();
    if kind != Kind::Heading {
        return unchanged();
    }
    let text = translation.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
    });
    let Some(end) = text.find('}').filter(|_| text.starts_with("{#")) else {
        return unchanged();
    };
    let (block, rest) = text.split_at(end + 1);
    let rest = rest.trim();
    if block.contains(char::is_whitespace) || rest.is_empty() || rest.ends_with('}') {
        return unchanged();
    }
    format!("{rest} {block}")
}

/// Whether `id`, written on the translation of a heading with no `{#id}`,
/// is the id the source heading has (its text's, or that made unique).
pub fn is_source_id(source: &str, id: &str) -> bool {
    let base = heading_id(&read(source).0);
    let base = if base.is_empty() { "section" } else { &base };
    id == base
        || id
            .strip_prefix(base)
            .and_then(|r| r.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_in_a_heading_gives_the_id_its_name_as_the_renderer_does() {
        let ids = source_ids([(Kind::Heading, "Help in {{ city }}")].into_iter());
        assert_eq!(ids, [Some("help-in-city".to_string())]);
        let kept = keep_id(Kind::Heading, "Aide à {{city}}", Some("help-in-city"));
        assert_eq!(kept, "Aide à {{city}} {#help-in-city}");
        assert_eq!(
            keep_id(Kind::Heading, "Help in {{city}}", Some("help-in-city")),
            "Help in {{city}}"
        );
    }

    #[test]
    fn an_id_typed_first_goes_to_the_end() {
        let h = |t| id_to_end(Kind::Heading, t);
        assert_eq!(h("{#signs} العلامات"), "العلامات {#signs}");
        assert_eq!(h("\u{200F}{#signs}  العلامات "), "العلامات {#signs}");
        assert_eq!(h("العلامات {#signs}"), "العلامات {#signs}");
        assert_eq!(h("{#signs}"), "{#signs}");
        assert_eq!(h("{#a b} x"), "{#a b} x");
        assert_eq!(id_to_end(Kind::Paragraph, "{#signs} x"), "{#signs} x");
    }

    #[test]
    fn a_translated_heading_keeps_the_source_anchor() {
        let units = [
            (Kind::Heading, "Signs to watch"),
            (Kind::Paragraph, "Read [the signs](#signs-to-watch)."),
            (Kind::Heading, "Safe {#safe}"),
            (Kind::Heading, "Signs to **watch**"),
        ];
        let ids = source_ids(units.into_iter());
        assert_eq!(
            ids,
            [
                Some("signs-to-watch".to_string()),
                None,
                None,
                Some("signs-to-watch-1".to_string())
            ]
        );
        assert_eq!(
            keep_id(Kind::Heading, "Signes à surveiller", ids[0].as_deref()),
            "Signes à surveiller {#signs-to-watch}"
        );
        // Already there, or the same id anyway: unchanged.
        for same in ["Signes à surveiller {#signs-to-watch}", "Signs to watch"] {
            assert_eq!(keep_id(Kind::Heading, same, ids[0].as_deref()), same);
        }
        assert!(is_source_id("Signs to watch", "signs-to-watch"));
        assert!(is_source_id("Signs to watch", "signs-to-watch-1"));
        assert!(!is_source_id("Signs to watch", "signes-à-surveiller"));
    }
}
