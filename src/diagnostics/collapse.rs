//! Floods of one message told once: an unknown key on every page of a
//! migrated site, or thousands of broken links of an old corpus, show
//! their first places and then a count, in the terminal and in `serve`'s
//! overlay alike.

use super::{Diagnostic, Severity};
use std::collections::HashMap;

/// The same message said in its first few files only: an unknown key on
/// every page of a migrated site would otherwise fill the terminal. Within
/// those files every place is shown.
const SAME_MESSAGE_FILES: usize = 10;

/// The same kind of message with different names in it (`link to a missing
/// page `a.md``, `... `b.md``) is shown this many times: an old corpus
/// published with `broken_links: warning` can have thousands, and one
/// converted by a tool that left `intro.md` beside `Intro.md` in every
/// folder, as many errors.
const SAME_KIND_PLACES: usize = 50;

/// Of one kind, this many messages are counted on lines of their own
/// (`unknown key `weight`: 290 more places` says which key); the rest
/// are added to the kind's line. An old corpus's hundreds of missing
/// pages, each linked from more than ten files, were one line each.
const SAME_KIND_LINES: usize = 10;

/// `diags` without the messages said the same way (the same severity and
/// message) in more files than [`SAME_MESSAGE_FILES`], or of a kind shown
/// [`SAME_KIND_PLACES`] times already, and how many places were left out,
/// per message (or kind: its names as `…`) in order of first place.
/// Errors are grouped like warnings: the count still fails the build, and
/// the first ones say what to fix.
pub fn collapse(diags: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<(Severity, String, usize)>) {
    let mut seen: HashMap<(Severity, String), Vec<std::path::PathBuf>> = HashMap::new();
    let mut kinds: HashMap<(Severity, String), usize> = HashMap::new();
    let mut more: Vec<(Severity, String, usize)> = Vec::new();
    let mut count_more = |severity: Severity, message: String| match more
        .iter_mut()
        .find(|(s, m, _)| *s == severity && *m == message)
    {
        Some((_, _, k)) => *k += 1,
        None => more.push((severity, message, 1)),
    };
    let mut kept = Vec::with_capacity(diags.len());
    for d in diags {
        let files = seen.entry((d.severity, d.message.clone())).or_default();
        if !files.contains(&d.path) {
            if files.len() == SAME_MESSAGE_FILES {
                count_more(d.severity, d.message);
                continue;
            }
            files.push(d.path.clone());
        }
        let kind = names_hidden(&d.message);
        let shown = kinds.entry((d.severity, kind.clone())).or_default();
        if *shown == SAME_KIND_PLACES {
            count_more(d.severity, kind);
            continue;
        }
        *shown += 1;
        kept.push(d);
    }
    (kept, fold_floods(more))
}

/// `more` with each kind's messages past its first [`SAME_KIND_LINES`]
/// added to the kind's own line, which stands where the kind was first
/// counted.
fn fold_floods(more: Vec<(Severity, String, usize)>) -> Vec<(Severity, String, usize)> {
    let mut lines: HashMap<(Severity, String), usize> = HashMap::new();
    let mut at: HashMap<(Severity, String), usize> = HashMap::new();
    let mut out: Vec<(Severity, String, usize)> = Vec::with_capacity(more.len());
    for (severity, message, n) in more {
        let kind = names_hidden(&message);
        if kind != message {
            let shown = lines.entry((severity, kind.clone())).or_default();
            if *shown < SAME_KIND_LINES {
                *shown += 1;
                out.push((severity, message, n));
                continue;
            }
        }
        match at.get(&(severity, kind.clone())) {
            Some(&i) => out[i].2 += n,
            None => {
                at.insert((severity, kind.clone()), out.len());
                out.push((severity, kind, n));
            }
        }
    }
    out
}

/// A message with what it quotes (between backticks) as `…`, and without
/// the count a warning said once per page gives (` (and 3 more on this
/// page)`): pages with different counts are one kind, or a corpus whose
/// pages each hold a few bare addresses was shown 50 places per count.
fn names_hidden(message: &str) -> String {
    let message = without_page_count(message);
    let message = message.as_str();
    let mut out = String::with_capacity(message.len());
    let parts = message.split('`').count();
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are quoted, when their backtick is closed.
        let closed = i % 2 == 1 && i + 1 < parts;
        out.push_str(if closed { "…" } else { part });
    }
    out
}

/// `message` without its ` (and N more on this page)`.
fn without_page_count(message: &str) -> String {
    const OPEN: &str = " (and ";
    const CLOSE: &str = " more on this page)";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(OPEN) {
        let after = &rest[i + OPEN.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&rest[..i]);
        if digits > 0 && after[digits..].starts_with(CLOSE) {
            rest = &after[digits + CLOSE.len()..];
        } else {
            out.push_str(OPEN);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The lines that count what [`collapse`] left out.
pub fn more_lines(more: &[(Severity, String, usize)]) -> Vec<String> {
    more.iter()
        .map(|(severity, message, n)| {
            let places = if *n == 1 { "place" } else { "places" };
            let severity = match severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            format!(
                "{severity}: {message}: {n} more {places} (`fieldguide check --format json` lists every place)"
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_warning_is_shown_in_its_first_files_then_counted() {
        let w = |f: &str, m: &str| Diagnostic::warning(f, 2, 1, m);
        let mut diags: Vec<Diagnostic> = (0..13)
            .map(|i| w(&format!("{i:02}.md"), "unknown key `weight`"))
            .collect();
        // Within the first files, every place: twice in 1.md.
        diags.insert(2, w("01.md", "unknown key `weight`"));
        diags.push(Diagnostic::error("e.md", 1, 1, "missing title"));
        diags.push(w("x.md", "unknown key `tags`"));
        diags.extend((0..5).map(|i| Diagnostic::error(format!("{i}.md"), 1, 1, "same error")));
        let (kept, more) = collapse(diags);
        let files: Vec<&str> = kept.iter().map(|d| d.path.to_str().unwrap()).collect();
        // `weight` in an eleventh file and after is counted.
        let mut wanted = vec!["00.md", "01.md", "01.md"];
        let names: Vec<String> = (2..10).map(|i| format!("{i:02}.md")).collect();
        wanted.extend(names.iter().map(String::as_str));
        wanted.extend(["e.md", "x.md", "0.md", "1.md", "2.md", "3.md", "4.md"]);
        assert_eq!(files, wanted);
        assert_eq!(
            more,
            [(Severity::Warning, "unknown key `weight`".to_string(), 3)]
        );
    }

    #[test]
    fn a_count_on_the_page_is_no_part_of_the_kind() {
        assert_eq!(
            names_hidden("web address `a` is text (and 3 more on this page): write `b`"),
            "web address `…` is text: write `…`"
        );
        assert_eq!(
            names_hidden("x (and so on) (and 12 more on this page)"),
            "x (and so on)"
        );
    }

    #[test]
    fn a_flood_of_one_kind_is_shown_its_first_places_then_counted() {
        let broken = |i: usize| {
            Diagnostic::warning(
                format!("{}.md", i / 100),
                i % 100 + 1,
                1,
                format!("link to a missing page `p{i}.md`; published as its text"),
            )
        };
        let mut diags: Vec<Diagnostic> = (0..3704).map(broken).collect();
        diags.push(Diagnostic::error("e.md", 1, 1, "missing title `x`"));
        diags.push(Diagnostic::warning("x.md", 1, 1, "missing anchor `#a`"));
        let (kept, more) = collapse(diags);
        assert_eq!(kept.len(), SAME_KIND_PLACES + 2);
        assert_eq!(kept[SAME_KIND_PLACES].message, "missing title `x`");
        assert_eq!(
            more,
            [(
                Severity::Warning,
                "link to a missing page `…`; published as its text".to_string(),
                3704 - SAME_KIND_PLACES
            )]
        );
        assert_eq!(names_hidden("a `b` c `d"), "a `…` c `d");
    }

    /// An old corpus linking hundreds of missing pages, each from more
    /// than ten files: the first ten such pages are counted on lines of
    /// their own, the rest on the kind's line, which already counts the
    /// places past the kind's first fifty.
    #[test]
    fn many_messages_of_one_kind_past_their_files_are_counted_as_the_kind() {
        let broken = |file: usize, page: usize| {
            Diagnostic::warning(
                format!("{file:04}.md"),
                page + 1,
                1,
                format!("link to a missing page `p{page}.md`; published as its text"),
            )
        };
        // 300 pages each linked from 12 files, file by file.
        let diags: Vec<Diagnostic> = (0..12)
            .flat_map(|file| (0..300).map(move |page| broken(file, page)))
            .collect();
        let (kept, more) = collapse(diags);
        assert_eq!(kept.len(), SAME_KIND_PLACES);
        let kind = "link to a missing page `…`; published as its text";
        // Each page's 11th and 12th files are counted by message: ten
        // pages on their own lines, the other 290 with the kind.
        assert_eq!(more.len(), 1 + SAME_KIND_LINES, "{more:#?}");
        assert_eq!(more[0].1, kind);
        assert!(more[1..].iter().all(|(_, m, n)| m != kind && *n == 2));
        let total: usize = more.iter().map(|(_, _, n)| n).sum();
        assert_eq!(total, 12 * 300 - SAME_KIND_PLACES);
        // A few keys, each on most pages, still say which.
        let unknown = |file: usize, key: &str| {
            Diagnostic::warning(format!("{file}.md"), 2, 1, format!("unknown key `{key}`"))
        };
        let diags = (0..30).flat_map(|f| [unknown(f, "weight"), unknown(f, "tags")]);
        let (_, more) = collapse(diags.collect());
        let said: Vec<&str> = more.iter().map(|(_, m, _)| m.as_str()).collect();
        assert_eq!(said, ["unknown key `weight`", "unknown key `tags`"]);
    }

    /// A converter that left `intro.md` beside `Intro.md` in 1,500 folders:
    /// as many errors, of one kind. The first are shown, the rest counted
    /// as errors; a warning of the same words is counted apart.
    #[test]
    fn a_flood_of_one_error_is_shown_its_first_places_then_counted() {
        let clash = |i: usize| {
            Diagnostic::error(
                format!("guidance/p{i:04}/intro.md"),
                0,
                0,
                format!(
                    "two pages would both be published as `intro`: this one and `guidance/p{i:04}/Intro.md`"
                ),
            )
        };
        let mut diags: Vec<Diagnostic> = (0..1500).map(clash).collect();
        // The same words in twelve files: the first ten shown.
        diags.extend(
            (0..12).map(|i| Diagnostic::error(format!("s{i}.md"), 0, 0, "the file is empty")),
        );
        diags.push(Diagnostic::warning("w.md", 0, 0, "the file is empty"));
        let (kept, more) = collapse(diags);
        let clashes = kept
            .iter()
            .filter(|d| d.message.starts_with("two pages"))
            .count();
        assert_eq!(clashes, SAME_KIND_PLACES);
        assert_eq!(kept.len(), SAME_KIND_PLACES + 10 + 1);
        assert!(
            kept.iter()
                .all(|d| d.path != std::path::Path::new("s10.md"))
        );
        assert_eq!(
            more,
            [
                (
                    Severity::Error,
                    "two pages would both be published as `…`: this one and `…`".to_string(),
                    1500 - SAME_KIND_PLACES
                ),
                (Severity::Error, "the file is empty".to_string(), 2),
            ]
        );
    }
}
