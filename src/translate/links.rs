//! A segment's links as the page publishes them: a reference link
//! (`[form][f]`, `[form]`) goes where the source page's definition
//! (`[f]: forms/consent.pdf`) sends it, so a translation that writes the
//! same link inline (`[formulaire](forms/consent.pdf)`, as translators and
//! their tools do) keeps it. When a link does change, one message names
//! it and gives the Markdown to write.

use super::compare::{compare, minus};
use pulldown_cmark::LinkType;
use std::collections::HashMap;

/// The source page's link definitions: label (as Markdown matches it,
/// see `label`) to address.
#[derive(Debug, Default)]
pub struct Defs(HashMap<String, String>);

impl Defs {
    /// The link definitions of the source page of `node`.
    pub fn of_source(
        site: &crate::content::model::Site,
        node: crate::content::model::NodeId,
    ) -> Defs {
        let node = &site.nodes[node];
        let Some(id) = node.docs[node.source_lang] else {
            return Defs::default();
        };
        let text = &site.doc(id).file.text;
        let Some(parsed) = super::fields::parse(text) else {
            return Defs::default();
        };
        Defs::from_pairs(
            super::link_defs::link_defs(text, parsed.body_offset)
                .into_iter()
                .map(|d| (d.label, d.dest)),
        )
    }

    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Defs {
        // The first definition of a label is the one Markdown uses.
        let mut map = HashMap::new();
        for (l, d) in pairs {
            map.entry(label(&l)).or_insert(d);
        }
        Defs(map)
    }

    pub fn get(&self, reference: &str) -> Option<&str> {
        self.0.get(&label(reference)).map(String::as_str)
    }
}

/// A reference link's label as Markdown matches it to its definition:
/// without case, its spaces and line breaks as one space (`[Ref]`,
/// `[REF]` and `[ref]` are one link).
pub fn label(reference: &str) -> String {
    reference
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One link of a segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Where it goes: its address, or `[label]` for a reference link the
    /// page does not define (it publishes as text).
    pub target: String,
    /// A reference link's label as written (`f` in `[form][f]`).
    pub label: Option<String>,
    pub kind: LinkType,
    /// The link as written, and where its text is in that.
    pub written: String,
    pub text: std::ops::Range<usize>,
}

impl Link {
    fn text(&self) -> &str {
        self.written.get(self.text.clone()).unwrap_or("")
    }

    /// A reference link the page does not define: its target is its label.
    fn undefined(&self) -> bool {
        self.label
            .as_ref()
            .is_some_and(|l| self.target == format!("[{}]", label(l)))
    }

    /// Where it goes, said for a message.
    fn goes(&self) -> String {
        match &self.label {
            Some(l) if self.undefined() => {
                format!("goes nowhere (the page has no definition `[{l}]: …`, so it shows as text)")
            }
            _ => format!("goes to `{}`", self.target),
        }
    }

    /// This link (the source's) written with another link's text.
    fn with_text_of(&self, other: &Link) -> String {
        match (&self.label, self.kind) {
            (
                Some(l),
                LinkType::Shortcut
                | LinkType::ShortcutUnknown
                | LinkType::Collapsed
                | LinkType::CollapsedUnknown,
            ) => format!("[{}][{l}]", other.text()),
            _ => format!(
                "{}{}{}",
                &self.written[..self.text.start],
                other.text(),
                &self.written[self.text.end..]
            ),
        }
    }
}

/// A link being read from a parser's events: its text is between the
/// first and the last event inside it.
pub struct Reading {
    link: Link,
    at: usize,
    text: std::ops::Range<usize>,
}

impl Reading {
    /// A link that starts at `at`, written as `written`.
    pub fn new(kind: LinkType, dest: &str, id: &str, written: &str, at: usize) -> Reading {
        let reference = !matches!(
            kind,
            LinkType::Inline | LinkType::Autolink | LinkType::Email
        );
        let link = Link {
            target: dest.to_string(),
            label: reference.then(|| id.to_string()),
            kind,
            written: written.to_string(),
            text: 0..0,
        };
        Reading {
            link,
            at,
            text: usize::MAX..at,
        }
    }

    /// An event inside the link, at `range`.
    pub fn see(&mut self, range: &std::ops::Range<usize>) {
        self.text.start = self.text.start.min(range.start);
        self.text.end = self.text.end.max(range.end);
    }

    pub fn done(mut self) -> Link {
        let end = self.text.end.saturating_sub(self.at);
        self.link.text = self.text.start.saturating_sub(self.at).min(end)..end;
        self.link
    }
}

/// Reports how the translation's links differ from the source's, by
/// where they go. A link that changed (one of each side left, one of them
/// a reference link) is one message naming both and what to write.
pub fn compare_links(out: &mut Vec<String>, source: &[Link], translation: &[Link]) {
    let targets = |v: &[Link]| -> Vec<String> {
        let mut t: Vec<String> = v.iter().map(|l| l.target.clone()).collect();
        t.sort();
        t
    };
    let (s, t) = (targets(source), targets(translation));
    let (missing, extra) = (minus(&s, &t), minus(&t, &s));
    if let ([m], [x]) = (&missing[..], &extra[..]) {
        let m = source.iter().find(|l| l.target == *m);
        let x = translation.iter().find(|l| l.target == *x);
        if let (Some(m), Some(x)) = (m, x)
            && (m.label.is_some() || x.label.is_some())
        {
            let source_goes = if m.undefined() {
                String::new()
            } else {
                format!(" {}", m.goes())
            };
            out.push(format!(
                "the translation's link `{}` {}, where the source's `{}`{source_goes}: write `{}` to keep the source's link",
                x.written,
                x.goes(),
                m.written,
                m.with_text_of(x)
            ));
            return;
        }
    }
    // A reference link left out: how the source writes it says what to
    // keep, its address alone would not.
    let mut rest = s.clone();
    if extra.is_empty() {
        for m in source
            .iter()
            .filter(|l| l.label.is_some() && !l.undefined())
        {
            if !t.contains(&m.target) && rest.contains(&m.target) {
                rest.retain(|x| *x != m.target);
                out.push(format!(
                    "the translation has no link to `{}`, which the source writes `{}`: keep it, as `[your text][{}]`",
                    m.target,
                    m.written,
                    m.label.as_deref().unwrap_or_default()
                ));
            }
        }
    }
    compare(out, "link to", &rest, &t);
}
