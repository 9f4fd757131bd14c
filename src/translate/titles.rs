//! Titles a reader sees when pointing at an image or a link: an inline
//! image's (`![…](map.png "Route")`) and a link reference definition's
//! (`[form]: forms/consent.pdf "The consent form, printable"`). Each is a
//! segment of its own, given to translators as read (escapes undone), where
//! it can be written back: between its delimiters, on one line, with no
//! entity. Otherwise it stays the source's.

use super::link_defs::LinkDef;
use super::segments::{Kind, Segment};
use std::collections::HashSet;
use std::ops::Range;

/// Where an inline image's title is, between its quotes or brackets:
/// found back from the image's end.
pub fn image_title(text: &str, image: &Range<usize>, title: &str) -> Option<Range<usize>> {
    let raw = text[image.clone()].strip_suffix(')')?.trim_end();
    delimited(text, image.start..image.start + raw.len(), title)
}

/// The segments of the titles the link reference definitions `defs` of
/// `text` give, in file order, with the index of the heading
/// each sits under. Keyed by label (`/link.consent-form.title`), so that
/// adding a definition or a block leaves the others' keys alone.
pub fn link_titles(text: &str, defs: Vec<LinkDef>, headings: &[(usize, usize)]) -> Vec<Segment> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for def in defs {
        let Some(title) = def.title else { continue };
        let end = def.span.start + text[def.span.clone()].trim_end().len();
        let Some(range) = delimited(text, def.span.start..end, &title) else {
            continue;
        };
        if title.trim().is_empty() {
            continue;
        }
        let mut key = format!("/link.{}.title", slug(&def.label));
        let mut n = 1;
        while !seen.insert(key.clone()) {
            n += 1;
            key = format!("/link.{}-{n}.title", slug(&def.label));
        }
        let under = headings
            .iter()
            .take_while(|h| h.0 < range.start)
            .last()
            .map(|h| h.1);
        out.push(Segment {
            key,
            kind: Kind::LinkTitle,
            text: title,
            range,
            under,
            frame: None,
        });
    }
    out
}

/// A label as a key's part: letters and digits, other runs as one `-`
/// (a key's part never holds `/`, `#` or `.`, which separate its parts).
fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("def");
    }
    out
}

/// The title's range inside `span`, which ends with its closing delimiter
/// (`"`, `'` or `)`): `None` when what is between the delimiters does not
/// read as `title` (an entity, a line break).
fn delimited(text: &str, span: Range<usize>, title: &str) -> Option<Range<usize>> {
    let raw = &text[span.clone()];
    let close = raw.chars().last()?;
    let open = match close {
        '"' | '\'' => close,
        ')' => '(',
        _ => return None,
    };
    let inner = &raw[..raw.len() - 1];
    let bytes = inner.as_bytes();
    // The opening delimiter: the last one not escaped by a backslash.
    let at = (0..bytes.len()).rev().find(|&i| {
        bytes[i] == open as u8
            && bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 0
    })?;
    let body = &inner[at + 1..];
    if body.contains(['\n', '\r']) || unescape(body) != title {
        return None;
    }
    let start = span.start + at + 1;
    Some(start..start + body.len())
}

/// Markdown's backslash escapes undone: `\"` is `"`.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(md: &str) -> Vec<(String, String, String)> {
        link_titles(md, super::super::link_defs::link_defs(md, 0), &[])
            .into_iter()
            .map(|s| (s.key, s.text, md[s.range].to_string()))
            .collect()
    }

    #[test]
    fn a_link_definition_title_is_a_segment_where_it_can_be_written_back() {
        let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            titles("See [the form][Consent Form].\n\n[Consent Form]: f.pdf \"The form\"\n"),
            [t("/link.consent-form.title", "The form", "The form")]
        );
        assert_eq!(
            titles("[a]: x.pdf 'l\\'enfant'\n[a/b#c]: y.pdf\n  (Two \\(2\\))\n"),
            [
                t("/link.a.title", "l'enfant", "l\\'enfant"),
                t("/link.a-b-c.title", "Two (2)", "Two \\(2\\)"),
            ]
        );
        // Not written back as read: stays the source's, no segment.
        assert!(titles("[a]: x.pdf \"A &amp; B\"\n").is_empty());
        assert!(titles("[a]: x.pdf \"two\nlines\"\n").is_empty());
        assert!(titles("[a]: x.pdf\n").is_empty());
        // Labels that give the same key part are told apart.
        let two = titles("[a b]: x \"One\"\n[a-b]: y \"Two\"\n");
        assert_eq!(two[0].0, "/link.a-b.title");
        assert_eq!(two[1].0, "/link.a-b-2.title");
    }

    #[test]
    fn a_title_sits_under_the_heading_before_it() {
        let md = "# A\n\n[x]: a \"T\"\n\n# B\n\n[y]: b \"U\"\n";
        let defs = super::super::link_defs::link_defs(md, 0);
        let segs = link_titles(md, defs, &[(0, 7), (md.find("# B").unwrap(), 9)]);
        assert_eq!(segs[0].under, Some(7));
        assert_eq!(segs[1].under, Some(9));
    }

    proptest::proptest! {
        /// Whatever a translator types as a link's title (quotes, brackets,
        /// backslashes, `&`), in whichever delimiter the source used: the
        /// page is written and reads back with that title, the address the
        /// source's, or it is refused naming the segment; never a panic.
        #[test]
        fn any_translated_link_title_reads_back_or_is_refused(
            title in "[a-z \"'()\\\\&;#*_<>]{0,12}",
            delim in 0usize..3,
        ) {
            let (open, close) = [('"', '"'), ('\'', '\''), ('(', ')')][delim];
            let src = format!(
                "---\ntitle: T\n---\nSee [the form][f].\n\n[f]: forms/new.pdf {open}Form{close}\n"
            );
            let parsed = super::super::fields::parse(&src).unwrap();
            let mut t: Vec<String> = parsed.segments.iter().map(|s| s.text.clone()).collect();
            let i = parsed.segments.iter().position(|s| s.kind == Kind::LinkTitle).unwrap();
            t[i] = title.clone();
            let job = super::super::assemble::Job {
                source: &src,
                existing: None,
                translations: &t,
                hash: "0123456789abcdef",
            };
            match super::super::assemble::assemble(&job) {
                Ok(out) => {
                    let defs = super::super::link_defs::link_defs(&out, 0);
                    proptest::prop_assert_eq!(defs.len(), 1);
                    proptest::prop_assert_eq!(defs[0].dest.as_str(), "forms/new.pdf");
                    let want = title.trim();
                    let got = defs[0].title.as_deref().unwrap_or_default().trim().to_string();
                    proptest::prop_assert_eq!(got, want);
                }
                Err(f) => proptest::prop_assert!(f.segment.is_some() || title.trim().is_empty(), "{}", f),
            }
        }
    }
}
