//! Each page split into words and separators: its own small vocabulary
//! (tokens with counts, in an interner, see `intern`) and its title and
//! text as streams of numbers into that vocabulary, with where its sections
//! start. `builder` merges these into the language's vocabulary.

use super::intern::Interner;
use super::normalise::{is_word_char, runs};
use crate::markdown::TocEntry;
use std::borrow::Cow;

/// One page split into words and separators: its own small vocabulary
/// (`vocab`, with counts) and the title and text as streams into it. What
/// [`super::IndexBuilder`] takes; made apart from it so that pages can be
/// split in parallel, and once for every language that shows them.
pub struct PageWords<'a> {
    pub(super) vocab: Vec<(Cow<'a, str>, u32)>,
    pub(super) title: Stream,
    pub(super) body: Stream,
    /// (stream position, heading id, tokens in the heading) of each section
    /// found in the text.
    pub(super) sections: Vec<(usize, Cow<'a, str>, usize)>,
    pub(super) text_bytes: usize,
}

impl<'a> PageWords<'a> {
    /// Splits a page: its title, its table of contents (whose headings are
    /// looked for in the text, in order) and its plain text.
    pub fn new(title: &'a str, headings: &'a [TocEntry], text: &'a str) -> Self {
        let mut ids = Interner::with_capacity(text.len() / 32 + 16);
        let mut title_stream = Stream::with_capacity(8);
        push_stream(&mut ids, title, &mut title_stream, &[]);
        let toc: Vec<_> = headings.iter().filter(|e| !e.title.is_empty()).collect();
        let titles: Vec<&str> = toc.iter().map(|e| e.title.as_str()).collect();
        let mut body = Stream::with_capacity(text.len() / 6);
        let found = push_stream(&mut ids, text, &mut body, &titles);
        body.shrink_to_fit();
        PageWords {
            vocab: ids.entries,
            title: title_stream,
            body,
            sections: found
                .into_iter()
                .map(|(h, pos, len)| (pos, Cow::Borrowed(toc[h].id.as_str()), len))
                .collect(),
            text_bytes: title.len() + text.len(),
        }
    }
}

/// A document's own token numbers: 16 bits each while the document has
/// fewer than 65,536 distinct tokens (always, in practice), which halves the
/// memory that every page's stream takes until the indexes are written.
pub(super) enum Stream {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Stream {
    pub(super) fn with_capacity(n: usize) -> Self {
        Stream::Narrow(Vec::with_capacity(n))
    }

    pub(super) fn len(&self) -> usize {
        match self {
            Stream::Narrow(v) => v.len(),
            Stream::Wide(v) => v.len(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(super) fn push(&mut self, id: u32) {
        match self {
            Stream::Narrow(v) => match u16::try_from(id) {
                Ok(id) => v.push(id),
                Err(_) => {
                    let mut wide: Vec<u32> = v.iter().map(|&i| u32::from(i)).collect();
                    wide.push(id);
                    *self = Stream::Wide(wide);
                }
            },
            Stream::Wide(v) => v.push(id),
        }
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let (narrow, wide) = match self {
            Stream::Narrow(v) => (&v[..], &[][..]),
            Stream::Wide(v) => (&[][..], &v[..]),
        };
        narrow
            .iter()
            .map(|&i| u32::from(i))
            .chain(wide.iter().copied())
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Stream::Narrow(v) => v.shrink_to_fit(),
            Stream::Wide(v) => v.shrink_to_fit(),
        }
    }

    #[cfg(test)]
    pub(super) fn to_vec(&self) -> Vec<u32> {
        match self {
            Stream::Narrow(v) => v.iter().map(|&i| u32::from(i)).collect(),
            Stream::Wide(v) => v.clone(),
        }
    }
}

/// Appends `text`'s runs to `out`. Also finds where `headings` (the table
/// of contents' titles, in order) start in the text: returns (heading,
/// stream position, tokens it covers) for each found. A heading not found
/// does not hide the next ones.
fn push_stream<'a>(
    ids: &mut Interner<'a>,
    text: &'a str,
    out: &mut Stream,
    headings: &[&str],
) -> Vec<(usize, usize, usize)> {
    let mut found: Vec<(usize, usize, usize)> = Vec::with_capacity(headings.len());
    // The byte where the last heading found ends, until a token starts
    // there or after it: then its length in tokens is known.
    let mut open: Option<usize> = None;
    let mut next = 0;
    // Each heading's first character, and whether it is a word character.
    let firsts: Vec<(char, bool)> = headings
        .iter()
        .map(|h| {
            let c = h.chars().next().unwrap_or(' ');
            (c, is_word_char(c))
        })
        .collect();
    // The next few headings looked for: first bytes of those that start
    // with a word (a cheap test on every word), and whether one starts
    // with punctuation.
    let window = |next: usize| {
        let (mut bytes, mut punct) = ([0u8; 3], false);
        for (i, h) in (next..headings.len().min(next + 3)).enumerate() {
            if firsts[h].1 {
                bytes[i] = headings[h].as_bytes()[0];
            } else {
                punct = true;
            }
        }
        (bytes, punct)
    };
    let (mut wanted, mut punct) = window(0);
    let bytes = text.as_bytes();
    for (at, run, word) in runs(text) {
        if let Some(end) = open
            && at >= end
        {
            close(&mut found, out.len());
            open = None;
        }
        let look = next < headings.len()
            && if word {
                wanted.contains(&bytes[at])
            } else {
                punct
            };
        if look {
            let mut hit = None;
            for h in next..headings.len().min(next + 3) {
                let (c, word_led) = firsts[h];
                let start = match (word, word_led) {
                    (true, true) => at,
                    (false, false) => match run.find(c) {
                        Some(i) => at + i,
                        None => continue,
                    },
                    _ => continue,
                };
                let heading = headings[h];
                if text[start..].starts_with(heading)
                    && !text[start + heading.len()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char)
                {
                    hit = Some((h, start + heading.len()));
                    break;
                }
            }
            if let Some((h, end)) = hit {
                if open.is_some() {
                    close(&mut found, out.len());
                }
                found.push((h, out.len(), 0));
                open = Some(end);
                next = h + 1;
                (wanted, punct) = window(next);
            }
        }
        let token = if word {
            Cow::Borrowed(run)
        } else {
            if run == " " {
                continue;
            }
            let sep = squash(run);
            // Single spaces between words are implied; the text starts
            // without whitespace.
            if sep == " " {
                continue;
            }
            if out.is_empty() {
                match sep {
                    Cow::Borrowed(s) => Cow::Borrowed(s.trim_start()),
                    Cow::Owned(s) => Cow::Owned(s.trim_start().to_string()),
                }
            } else {
                sep
            }
        };
        out.push(ids.id(token));
    }
    if open.is_some() {
        close(&mut found, out.len());
    }
    found
}

/// Sets the length of the last heading found: it ends before token `end`.
fn close(found: &mut [(usize, usize, usize)], end: usize) {
    if let Some(last) = found.last_mut() {
        last.2 = end.saturating_sub(last.1).max(1);
    }
}

/// Whitespace runs become one space.
fn squash(sep: &str) -> Cow<'_, str> {
    let mut prev_space = false;
    let clean = sep.chars().all(|c| {
        let ok = !c.is_whitespace() || (c == ' ' && !prev_space);
        prev_space = c.is_whitespace();
        ok
    });
    if clean {
        return Cow::Borrowed(sep);
    }
    let mut out = String::with_capacity(sep.len());
    let mut space = false;
    for c in sep.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_widen_when_needed() {
        let mut s = Stream::with_capacity(2);
        s.push(7);
        s.push(65_535);
        assert!(matches!(s, Stream::Narrow(_)));
        s.push(65_536);
        assert!(matches!(s, Stream::Wide(_)));
        s.push(3);
        assert_eq!(s.to_vec(), [7, 65_535, 65_536, 3]);
        assert_eq!(s.iter().collect::<Vec<_>>(), [7, 65_535, 65_536, 3]);
    }

    #[test]
    fn whitespace_is_squashed() {
        assert!(matches!(squash(", "), Cow::Borrowed(", ")));
        assert_eq!(squash(" \n\t "), " ");
        assert_eq!(squash(".\u{a0}\u{a0}("), ". (");
        assert_eq!(squash("  "), " ");
    }

    /// Rebuilds a stream's text as search.js does.
    fn text_of(split: &PageWords, stream: &[u32]) -> String {
        let mut out = String::new();
        let mut prev_word = false;
        for &id in stream {
            let t = split.vocab[id as usize].0.as_ref();
            let word = t.chars().next().is_some_and(is_word_char);
            if word && prev_word {
                out.push(' ');
            }
            out.push_str(t);
            prev_word = word;
        }
        out
    }

    #[test]
    fn split_keeps_the_text_with_whitespace_collapsed() {
        let text = "  Sécurité d’abord:  la sécurité,\n\nd'abord. ٢٠٢٤ ";
        let s = PageWords::new("Titre", &[], text);
        assert_eq!(
            text_of(&s, &s.body.to_vec()),
            "Sécurité d’abord: la sécurité, d'abord. ٢٠٢٤"
        );
        assert_eq!(text_of(&s, &s.title.to_vec()), "Titre");
        // "d" and "abord" recur; entries are shared between title and text.
        let count = |w: &str| s.vocab.iter().find(|v| v.0 == w).map(|v| v.1);
        assert_eq!(count("abord"), Some(2));
        assert_eq!(count("Sécurité"), Some(1));
        assert_eq!(count("sécurité"), Some(1));
        assert_eq!(s.text_bytes, "Titre".len() + text.len());
    }

    #[test]
    fn sections_are_found_in_order_with_their_lengths() {
        let text = "Intro text about Risk. Risks more text about risks, referral. Referral who to call. « Notes » here. Last heading";
        let toc: Vec<TocEntry> = [
            ("risks", "Risks"),
            ("gone", "Missing"),
            ("referral", "Referral who"),
            ("notes", "« Notes »"),
            ("last", "Last heading"),
        ]
        .into_iter()
        .map(|(id, title)| TocEntry {
            level: 2,
            id: id.into(),
            title: title.into(),
        })
        .collect();
        let s = PageWords::new("T", &toc, text);
        let body = s.body.to_vec();
        let span = |i: usize| {
            let (pos, ref id, len) = s.sections[i];
            (id.as_ref(), text_of(&s, &body[pos..pos + len]))
        };
        assert_eq!(s.sections.len(), 4);
        assert_eq!(span(0), ("risks", "Risks".to_string()));
        assert_eq!(span(1), ("referral", "Referral who".to_string()));
        assert_eq!(span(2), ("notes", ". « Notes » ".to_string()));
        assert_eq!(span(3), ("last", "Last heading".to_string()));
    }
}
