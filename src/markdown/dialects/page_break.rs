//! A PDF's text (`pdftotext`, and the converters built on it) keeps each
//! printed page's break as a form feed, U+000C, at the start of the next
//! page's first line, and that line is the page's running header (the
//! document's title, again on every page). CommonMark takes a form feed
//! for no space at all: a line `\f## After the interview` was no heading
//! and ran into the paragraph above it, a list after one was a paragraph,
//! and the character went into the page as it was. Each form feed is now
//! read as a space, at the same offset (`converted`), so that the lines
//! after it are read as they are written, with a warning; a line that
//! starts or ends two printed pages or more (a running header or footer),
//! shown as text each time, is named.

use std::borrow::Cow;
use std::collections::HashMap;

/// Longest running header or footer looked at.
const MAX_LINE: usize = 120;

/// What `convert` found: where each form feed was, and a running header
/// or footer (each place it is, in order), if any.
#[derive(Default)]
pub(in crate::markdown) struct PageBreaks {
    pub(in crate::markdown) feeds: Vec<usize>,
    pub(in crate::markdown) running: Vec<usize>,
}

/// `body` with each form feed written as a space.
pub(in crate::markdown) fn convert(body: Cow<'_, str>) -> (Cow<'_, str>, PageBreaks) {
    let mut found = PageBreaks::default();
    if memchr::memchr(0x0c, body.as_bytes()).is_none() {
        return (body, found);
    }
    found.feeds = memchr::memchr_iter(0x0c, body.as_bytes()).collect();
    found.running = running(&body, &found.feeds);
    // A form feed is one byte, and so is the space: offsets are kept.
    let text = body.replace('\u{c}', " ");
    (Cow::Owned(text), found)
}

/// The places of the most repeated line that starts or ends the printed
/// pages that `feeds` (form feeds in `body`) separate, when it does so two
/// times or more: the first non-blank line after a break, and the last
/// before one (above its page number, if it has one).
fn running(body: &str, feeds: &[usize]) -> Vec<usize> {
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, &f) in feeds.iter().enumerate() {
        // Each printed page is looked at between its two breaks only, so
        // that a run of blank pages is not read again from every break.
        let since = if k == 0 { 0 } else { feeds[k - 1] + 1 };
        let until = feeds.get(k + 1).copied().unwrap_or(body.len());
        let after = next_line(body, f + 1, until);
        let before = prev_line(body, f, since).and_then(|(at, line)| {
            match super::printed::page_number(line) {
                Some(_) => prev_line(body, at, since),
                None => Some((at, line)),
            }
        });
        // A page's one line is the line after one break and before the
        // next: the latest place kept, since places come in order.
        for (at, line) in [before, after].into_iter().flatten() {
            let t = line.trim_matches(|c: char| c.is_whitespace());
            let worded = t.chars().any(char::is_alphabetic);
            if worded && t.len() <= MAX_LINE && super::printed::page_number(t).is_none() {
                let places = seen.entry(t).or_default();
                if places.last() != Some(&at) {
                    places.push(at);
                }
            }
        }
    }
    // The most places, then the first: the same whatever the map's order.
    let Some((text, _)) = seen
        .into_iter()
        .filter(|(_, p)| p.len() >= 2)
        .max_by_key(|(_, p)| (p.len(), std::cmp::Reverse(p[0])))
    else {
        return Vec::new();
    };
    // Each line that is that text, the first page's too (above no break).
    let mut places = Vec::new();
    let mut start = 0;
    for line in body.split('\n') {
        let t = line.trim_start_matches(|c: char| c.is_whitespace());
        if t.trim_end() == text {
            places.push(start + line.len() - t.len());
        }
        start += line.len() + 1;
    }
    places
}

/// The first line from `from`, starting before `until`, with words in it:
/// where its text starts, and the line.
fn next_line(body: &str, from: usize, until: usize) -> Option<(usize, &str)> {
    let mut start = from;
    while start < until.min(body.len()) {
        let end =
            memchr::memchr(b'\n', &body.as_bytes()[start..]).map_or(body.len(), |i| start + i);
        let line = &body[start..end];
        let t = line.trim_start_matches(|c: char| c.is_whitespace());
        if !t.trim().is_empty() {
            return Some((start + line.len() - t.len(), line));
        }
        start = end + 1;
    }
    None
}

/// The last line before `to`, from `since` on, with words in it, as
/// [`next_line`] gives it.
fn prev_line(body: &str, to: usize, since: usize) -> Option<(usize, &str)> {
    let mut end = to;
    loop {
        let start = body[since..end]
            .rfind('\n')
            .map_or(since, |i| since + i + 1);
        let line = &body[start..end];
        let t = line.trim_start_matches(|c: char| c.is_whitespace());
        if !t.trim().is_empty() {
            return Some((start + line.len() - t.len(), line));
        }
        if start == since {
            return None;
        }
        end = start - 1;
    }
}

/// The warning for the form feeds.
pub(super) fn feed_words(more: &str) -> (String, String) {
    (
        format!(
            "a form feed (U+000C), the page break of the PDF or document this page was made from, is read as a space{more}: the line after it is read as written"
        ),
        "delete it, and the page number and running header printed with it: a web page has no printed pages, and its print version makes its own".to_string(),
    )
}

/// The warning for a running header or footer.
pub(super) fn running_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "`{shown}` starts or ends each printed page of the document this page was made from, and is shown as text each time{more}: a running header or footer"
        ),
        "delete it where it repeats: the page's title is shown once, at its top".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::convert;
    use std::borrow::Cow;

    #[test]
    fn form_feeds_are_spaces_and_running_headers_are_found() {
        let body = "Handbook 2023\n\nText one.\n\nPage 1 of 3\n\n\u{c}Handbook 2023\n\n## Two\n\nConfidential\nPage 2 of 3\n\u{c}Handbook 2023\n\n- item\n";
        let (text, found) = convert(Cow::Borrowed(body));
        assert_eq!(text.len(), body.len());
        assert!(!text.contains('\u{c}'));
        assert_eq!(found.feeds.len(), 2);
        let places: Vec<&str> = found.running.iter().map(|&at| &body[at..at + 13]).collect();
        assert_eq!(places, ["Handbook 2023"; 3]);
        let (_, found) = convert(Cow::Borrowed("A\u{c}B\n"));
        assert!(found.running.is_empty());
        let (text, found) = convert(Cow::Borrowed("No breaks.\n"));
        assert!(matches!(text, Cow::Borrowed(_)) && found.feeds.is_empty());
    }

    /// Each break's page is read between its two breaks: a header on each
    /// of 200,000 pages, and as many breaks in a run of blank lines, were
    /// read from every break (minutes for 80,000 pages).
    #[test]
    fn many_breaks_are_read_in_linear_time() {
        let pages = "\u{c}Handbook\nText.\n".repeat(200_000);
        let (_, found) = convert(Cow::Owned(pages));
        assert_eq!(found.running.len(), 200_000);
        let blank = format!("{}Words\n", "\u{c}\n".repeat(200_000));
        let (_, found) = convert(Cow::Owned(blank));
        assert!(found.running.is_empty());
    }
}
