//! A whole page as segments: the front matter's `title` and `summary`
//! (located in the YAML so that they can be replaced in place), then the
//! body's blocks.

use super::segments::{Kind, Segment};
use crate::content::front_matter;
use serde_yaml::Value;
use std::ops::Range;

/// The front-matter keys a translator translates.
pub const FIELDS: [(&str, Kind); 2] = [("title", Kind::Title), ("summary", Kind::Summary)];

/// A page cut into segments.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Title, summary, the body's blocks in file order, then the titles its
    /// link definitions give.
    pub segments: Vec<Segment>,
    /// The body's block structure (the front matter's fields and link titles
    /// pair by key).
    pub shape: Vec<String>,
    /// Where the line that closes the front matter starts (new keys go
    /// before it).
    pub fm_close: usize,
    /// Where the front matter's YAML starts.
    pub fm_start: usize,
    pub body_offset: usize,
}

impl Parsed {
    pub fn title(&self) -> Option<&str> {
        self.segments
            .iter()
            .find(|s| s.kind == Kind::Title)
            .map(|s| s.text.as_str())
    }

    /// The segments a translator sees (not code blocks).
    pub fn translatable(&self) -> impl Iterator<Item = &Segment> {
        self.segments.iter().filter(|s| s.kind != Kind::Fixed)
    }
}

/// Cuts a page file's text into segments; `None` without front matter.
pub fn parse(text: &str) -> Option<Parsed> {
    let split = front_matter::split(text).ok()?;
    let yaml_start = split.yaml.as_ptr() as usize - text.as_ptr() as usize;
    if split.body_offset == 0 {
        return None;
    }
    let fm_close = yaml_start + split.yaml.len();
    let values: Value = if split.yaml.trim().is_empty() {
        Value::Null
    } else {
        serde_yaml::from_str(split.yaml).ok()?
    };
    let mut segments = Vec::new();
    for (key, kind) in FIELDS {
        let Some(value) = values.get(key).and_then(Value::as_str) else {
            continue;
        };
        let Some(range) = value_range(text, yaml_start..fm_close, key) else {
            continue;
        };
        if value.trim().is_empty() {
            continue;
        }
        segments.push(Segment {
            key: format!("/{key}"),
            kind,
            text: value.to_string(),
            range,
            under: None,
            frame: None,
        });
    }
    let blocks = super::walk::body(text, split.body_offset);
    let first_body = segments.len();
    segments.extend(blocks.segments.into_iter().map(|mut s| {
        s.under = s.under.map(|u| u + first_body);
        s
    }));
    Some(Parsed {
        segments,
        shape: blocks.shape,
        fm_close,
        fm_start: yaml_start,
        body_offset: split.body_offset,
    })
}

/// The bytes of a top-level key's value in the front matter: from just
/// after `key:` to the end of its last (indented) continuation line.
pub fn value_range(text: &str, yaml: Range<usize>, key: &str) -> Option<Range<usize>> {
    let mut pos = yaml.start;
    let prefix = format!("{key}:");
    while pos < yaml.end {
        let line_end = text[pos..yaml.end].find('\n').map_or(yaml.end, |p| pos + p);
        if text[pos..line_end].starts_with(&prefix) {
            let start = pos + prefix.len();
            let mut end = line_end;
            let mut next = line_end + 1;
            while next < yaml.end {
                let e = text[next..yaml.end]
                    .find('\n')
                    .map_or(yaml.end, |p| next + p);
                if !text[next..e].starts_with([' ', '\t']) {
                    break;
                }
                end = e;
                next = e + 1;
            }
            return Some(start..start + text[start..end].trim_end().len());
        }
        pos = line_end + 1;
    }
    None
}

/// A YAML value for a front-matter line: double-quoted, with JSON's
/// escapes (which YAML reads the same way). JSON leaves some characters
/// bare that YAML reads as line breaks (U+0085, U+2028, U+2029) or does
/// not allow (other C1 controls, U+FEFF, U+FFFE, U+FFFF): those are
/// escaped too, so the value reads back as written.
pub fn yaml_value(value: &str) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '\u{7f}'..='\u{9f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{feff}'
            | '\u{fffe}'
            | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_summary_are_located() {
        let text =
            "---\ntitle: \"A \\\"b\\\"\"\nsummary: >\n  Two\n  lines\norder: 2\n---\nBody.\n";
        let p = parse(text).unwrap();
        let keys: Vec<(&str, &str)> = p
            .segments
            .iter()
            .map(|s| (s.key.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("/title", "A \"b\""),
                ("/summary", "Two lines\n"),
                ("/p1", "Body.")
            ]
        );
        assert_eq!(&text[p.segments[0].range.clone()], " \"A \\\"b\\\"\"");
        assert_eq!(&text[p.segments[1].range.clone()], " >\n  Two\n  lines");
        assert_eq!(&text[p.fm_close..], "---\nBody.\n");
    }

    #[test]
    fn quoted_values_read_back() {
        for v in [
            "Plain",
            "a: b # c",
            "« guillemets » \\ \"q\"",
            "دليل الجيب",
            "line\u{2028}sep\u{85}nel\u{2029}\u{feff}\u{9c}",
        ] {
            let yaml = format!("title: {}\n", yaml_value(v));
            let back: Value = serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(back["title"].as_str(), Some(v));
        }
    }
}
