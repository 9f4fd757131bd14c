//! Each page split into words and separators: its own small vocabulary
//! (tokens with counts, in an interner, see `intern`) and its title and
//! text as streams of numbers into that vocabulary, with where its sections
//! start. `builder` merges these into the language's vocabulary.

use super::intern::Interner;
use super::normalise::{apostrophe_words, is_unit, is_word_char, runs_in};
use super::stream::Stream;
use crate::content::model::{DocId, Site};
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

/// A page's words as [`PageWords::split`] takes them.
struct Source<'a> {
    title: &'a str,
    /// The front matter's `summary:`, indexed before the text.
    summary: &'a str,
    headings: &'a [TocEntry],
    text: &'a str,
    /// Whether letters joined by an apostrophe are one word (Hausa: see
    /// `normalise::apostrophe_words`).
    apostrophes: bool,
}

impl<'a> PageWords<'a> {
    /// Splits a page: its title, its table of contents (whose headings are
    /// looked for in the text, in order) and its plain text, by the rules
    /// of any language.
    pub fn new(title: &'a str, headings: &'a [TocEntry], text: &'a str) -> Self {
        PageWords::split(Source {
            title,
            summary: "",
            headings,
            text,
            apostrophes: false,
        })
    }

    /// Splits document `d`'s page: its title and summary (found as the
    /// page's text: the page shows it to no one, but it says what the page
    /// is about), its table of contents and its plain text, by the rules of
    /// the document's language.
    pub fn of_doc(site: &'a Site, d: DocId, headings: &'a [TocEntry], text: &'a str) -> Self {
        let doc = site.doc(d);
        PageWords::split(Source {
            title: doc.title(),
            summary: doc.fm.summary.as_deref().unwrap_or(""),
            headings,
            text,
            apostrophes: apostrophe_words(&site.config.languages[doc.file.lang].code),
        })
    }

    fn split(page: Source<'a>) -> Self {
        let Source {
            title,
            summary,
            headings,
            text,
            apostrophes,
        } = page;
        let mut ids = Interner::with_capacity(text.len() / 32 + 16);
        let mut title_stream = Stream::with_capacity(8);
        push_stream(&mut ids, title, &mut title_stream, &[], apostrophes);
        let toc: Vec<_> = headings.iter().filter(|e| !e.title.is_empty()).collect();
        let titles: Vec<&str> = toc.iter().map(|e| e.title.as_str()).collect();
        let mut body = Stream::with_capacity((summary.len() + text.len()) / 6);
        push_summary(&mut ids, summary, &mut body, apostrophes);
        let found = push_stream(&mut ids, text, &mut body, &titles, apostrophes);
        body.shrink_to_fit();
        PageWords {
            vocab: ids.entries,
            title: title_stream,
            body,
            sections: found
                .into_iter()
                .map(|(h, pos, len)| (pos, Cow::Borrowed(toc[h].id.as_str()), len))
                .collect(),
            text_bytes: title.len() + summary.len() + text.len(),
        }
    }
}

/// Appends a page's summary to `out`, ended as a sentence (its own final
/// punctuation, else a full stop) so that snippets keep it apart from the
/// text after it.
fn push_summary<'a>(ids: &mut Interner<'a>, summary: &'a str, out: &mut Stream, apostrophes: bool) {
    let summary = summary.trim();
    let Some(end) = summary.rfind(is_word_char) else {
        return;
    };
    let end = end + summary[end..].chars().next().map_or(1, char::len_utf8);
    push_stream(ids, &summary[..end], out, &[], apostrophes);
    let tail = summary[end..].trim();
    let stop = tail.contains([
        '.', '!', '?', ';', '\u{61f}', '\u{61b}', '\u{6d4}', '\u{2026}', '\u{3002}', '\u{964}',
        '\u{965}', '\u{104b}', '\u{1362}', '\u{589}', '\u{ff01}', '\u{ff1f}', '\u{ff1b}',
    ]);
    // search.js ends a sentence at such a mark followed by a space.
    let sep = if stop {
        format!("{tail} ")
    } else {
        format!("{tail}. ")
    };
    out.push(ids.id(Cow::Owned(sep)));
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
    apostrophes: bool,
) -> Vec<(usize, usize, usize)> {
    // Where this text starts: after the summary, in a page's text.
    let first = out.len();
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
    // Whether the last word was a unit (Chinese, Thai: see `normalise`).
    let mut after_unit = false;
    for (at, run, word) in runs_in(text, apostrophes) {
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
            let near = next..headings.len().min(next + 3);
            if let Some((h, end)) = heading_at(text, (at, run, word), headings, &firsts, near) {
                if open.is_some() {
                    close(&mut found, out.len());
                }
                found.push((h, out.len(), 0));
                open = Some(end);
                next = h + 1;
                (wanted, punct) = window(next);
            }
        }
        if word {
            after_unit = is_unit(run);
            out.push(ids.id(Cow::Borrowed(run)));
        } else if let Some(sep) = separator(
            run,
            out.len() == first,
            after_unit || is_unit(&text[at + run.len()..]),
        ) {
            out.push(ids.id(sep));
        }
    }
    if open.is_some() {
        close(&mut found, out.len());
    }
    found
}

/// Which of the headings `near` (the next few looked for) starts in the run
/// at `at` (a word, or separators that may hold a heading's first
/// character), and the byte where it ends.
fn heading_at(
    text: &str,
    (at, run, word): (usize, &str, bool),
    headings: &[&str],
    firsts: &[(char, bool)],
    near: std::ops::Range<usize>,
) -> Option<(usize, usize)> {
    for h in near {
        let (c, word_led) = firsts[h];
        let start = match (word, word_led) {
            // In a script written without spaces a heading's words may
            // stand in any sentence (`同意` in *知情同意。*): there it starts
            // only a block, as a heading does.
            (true, true) if is_unit(run) && !(at == 0 || text[..at].ends_with('\n')) => continue,
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
            return Some((h, start + heading.len()));
        }
    }
    None
}

/// The token of a run of separators, if any: single spaces between words
/// are implied, but not beside a unit (`beside_unit`: Chinese, Thai, where
/// words are written without them), and a text starts without whitespace
/// (`first`: the run starts the text).
fn separator(run: &str, first: bool, beside_unit: bool) -> Option<Cow<'_, str>> {
    if run == " " && !beside_unit {
        return None;
    }
    let sep = squash(run);
    if sep == " " && !beside_unit {
        return None;
    }
    let sep = match sep {
        _ if !first => sep,
        Cow::Borrowed(s) => Cow::Borrowed(s.trim_start()),
        Cow::Owned(s) => Cow::Owned(s.trim_start().to_string()),
    };
    (!sep.is_empty()).then_some(sep)
}

/// Sets the length of the last heading found: it ends before token `end`.
fn close(found: &mut [(usize, usize, usize)], end: usize) {
    if let Some(last) = found.last_mut() {
        last.2 = end.saturating_sub(last.1).max(1);
    }
}

/// Whitespace runs become one space, or one line break where they hold
/// one: the end of a block (see `markdown::plain`), which search.js takes
/// as the end of a sentence.
fn squash(sep: &str) -> Cow<'_, str> {
    let mut prev_space = false;
    let clean = sep.chars().all(|c| {
        let ok = !c.is_whitespace() || ((c == ' ' || c == '\n') && !prev_space);
        prev_space = c.is_whitespace();
        ok
    });
    if clean {
        return Cow::Borrowed(sep);
    }
    let mut out = String::with_capacity(sep.len());
    let mut run = String::new();
    let flush = |out: &mut String, run: &mut String| {
        if !run.is_empty() {
            out.push(if run.contains('\n') { '\n' } else { ' ' });
            run.clear();
        }
    };
    for c in sep.chars() {
        if c.is_whitespace() {
            run.push(c);
        } else {
            flush(&mut out, &mut run);
            out.push(c);
        }
    }
    flush(&mut out, &mut run);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_squashed() {
        assert!(matches!(squash(", "), Cow::Borrowed(", ")));
        assert_eq!(squash(" \n\t "), "\n");
        assert_eq!(squash(".\n"), ".\n");
        assert_eq!(squash(" \t"), " ");
        assert_eq!(squash(".\u{a0}\u{a0}("), ". (");
        assert_eq!(squash("  "), " ");
    }

    /// Rebuilds a stream's text as search.js does.
    fn text_of(split: &PageWords, stream: &[u32]) -> String {
        let mut out = String::new();
        let mut prev = "";
        for &id in stream {
            let t = split.vocab[id as usize].0.as_ref();
            let word = |w: &str| w.chars().next().is_some_and(is_word_char);
            if word(t) && word(prev) && !is_unit(t) && !is_unit(prev) {
                out.push(' ');
            }
            out.push_str(t);
            prev = t;
        }
        out
    }

    #[test]
    fn split_keeps_the_text_with_whitespace_collapsed() {
        let text = "  Sécurité d’abord:  la sécurité,\t\t d'abord.\n\n ٢٠٢٤ ";
        let s = PageWords::new("Titre", &[], text);
        // A line break (the end of a block) is kept as one.
        assert_eq!(
            text_of(&s, &s.body.to_vec()),
            "Sécurité d’abord: la sécurité, d'abord.\n٢٠٢٤"
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
    fn text_written_without_spaces_keeps_its_spaces_and_no_more() {
        // Units (Chinese, Thai) are words with nothing implied between
        // them or beside them: a space there is a token of its own.
        let text = "请求知情同意。使用UNHCR表格 ok 好\nขอความยินยอม  ก่อน";
        let s = PageWords::new("知情同意", &[], text);
        assert_eq!(
            text_of(&s, &s.body.to_vec()),
            "请求知情同意。使用UNHCR表格 ok 好\nขอความยินยอม ก่อน"
        );
        assert_eq!(text_of(&s, &s.title.to_vec()), "知情同意");
        // 同 and 意 are one entry each, title and text.
        let count = |w: &str| s.vocab.iter().find(|v| v.0 == w).map(|v| v.1);
        assert_eq!(count("意"), Some(2));
        assert_eq!(count("ok"), Some(1));
    }

    fn with_summary(summary: &str, apostrophes: bool) -> PageWords<'_> {
        PageWords::split(Source {
            title: "T",
            summary,
            headings: &[],
            text: "Body text.",
            apostrophes,
        })
    }

    #[test]
    fn a_summary_comes_first_as_a_sentence() {
        for (summary, body) in [
            (" Who to call ", "Who to call. Body text."),
            ("Why it matters!", "Why it matters! Body text."),
            ("« Quoted. »", "« Quoted. » Body text."),
            ("...", "Body text."),
        ] {
            let s = with_summary(summary, false);
            assert_eq!(text_of(&s, &s.body.to_vec()), body, "{summary}");
            assert_eq!(s.text_bytes, "T".len() + summary.len() + "Body text.".len());
        }
        // A document's, from its front matter.
        let a = crate::search::builder::tests::basic();
        let d = (0..a.site.docs.len())
            .map(DocId)
            .find(|&d| a.site.docs[d].fm.summary.as_deref() == Some("Why this handbook exists."))
            .unwrap();
        let s = PageWords::of_doc(&a.site, d, &a.rendered[d].toc, &a.rendered[d].text);
        let text = text_of(&s, &s.body.to_vec());
        assert!(text.starts_with("Why this handbook exists. "), "{text}");
        assert!(text.ends_with(a.rendered[d].text.trim_end()), "{text}");
    }

    #[test]
    fn hausa_keeps_letters_joined_by_an_apostrophe_in_one_word() {
        let s = with_summary("Ma'aikaci da ’yan’uwa.", true);
        let words: Vec<&str> = s.vocab.iter().map(|v| v.0.as_ref()).collect();
        assert!(words.contains(&"Ma'aikaci") && words.contains(&"yan’uwa"));
        let s = with_summary("Ma'aikaci da ’yan’uwa.", false);
        let words: Vec<&str> = s.vocab.iter().map(|v| v.0.as_ref()).collect();
        assert!(words.contains(&"Ma") && words.contains(&"aikaci"));
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

    #[test]
    fn a_heading_in_a_script_without_spaces_starts_a_block() {
        // `同意` is in the first sentence too, but the heading is the block.
        let text = "请求知情同意。\n同意\n正文";
        let toc = [TocEntry {
            level: 2,
            id: "consent".into(),
            title: "同意".into(),
        }];
        let s = PageWords::new("T", &toc, text);
        let body = s.body.to_vec();
        let (pos, _, len) = s.sections[0];
        assert_eq!(text_of(&s, &body[..pos]), "请求知情同意。\n");
        assert_eq!(text_of(&s, &body[pos..pos + len]), "同意");
    }
}
