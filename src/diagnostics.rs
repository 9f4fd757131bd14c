//! Problems found while building, as values.
//!
//! Loading and checking collect every problem instead of stopping at the
//! first: an author fixing ten broken links wants ten lines, not ten builds.

pub mod collapse;

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding, located in a file (relative to the site folder).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
    /// A second note for experts, such as a parser's own wording. Boxed to
    /// keep the struct small: it travels in many `Result`s.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
    /// Length of the span to underline, in characters (at least 1).
    #[serde(skip)]
    pub width: usize,
}

impl Diagnostic {
    pub fn error(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        msg: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            line,
            col,
            message: msg.into(),
            hint: None,
            note: None,
            width: 1,
        }
    }

    pub fn warning(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        msg: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, line, col, msg)
        }
    }

    /// A file that is not UTF-8 text, at `path`; for text in another
    /// encoding, with how to save it as UTF-8 (Notepad's "Unicode" is
    /// UTF-16).
    pub fn undecodable(path: impl Into<PathBuf>, e: crate::text::Undecodable) -> Self {
        let d = Self::error(path, e.line, e.col, e.message);
        if !e.other_encoding {
            return d;
        }
        d.with_hint(
            "save it as UTF-8: in Notepad, File > Save as, Encoding: UTF-8; in VS Code, click the encoding in the status bar, Save with Encoding, UTF-8",
        )
    }

    /// The same message as a warning (a site published with known defects).
    pub fn as_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into().into_boxed_str());
        self
    }

    pub fn with_width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    /// `path:line:col: severity: message`, the form editors and CI parse;
    /// `path: severity: message` for the whole file (line 0), as GCC says
    /// it: `:1:1` would send the reader to a line that is not the problem.
    pub fn headline(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = escape_controls(&display_path(&self.path), false);
        let message = escape_controls(&self.message, false);
        match self.position() {
            Some((line, col)) => format!("{path}:{line}:{col}: {sev}: {message}"),
            None => format!("{path}: {sev}: {message}"),
        }
    }

    /// Line and column (at least 1), or `None` for a message about the
    /// whole file.
    pub fn position(&self) -> Option<(usize, usize)> {
        (self.line > 0).then(|| (self.line, self.col.max(1)))
    }

    fn sort_key(&self) -> (&Path, usize, usize, Severity, &str) {
        (
            &self.path,
            self.line,
            self.col,
            self.severity,
            &self.message,
        )
    }
}

/// Control characters written as `\u{1b}`, so text from a page or a file
/// name cannot move the cursor, recolour or clear the terminal, or forge a
/// line of output. `keep_newlines` is for hints and notes, whose own line
/// breaks are part of their layout: each is followed by the layout's
/// indent ([`INDENT`]). A newline that is not came from a page or a file
/// name (a link to `file:///x%0Aerror:%20…`, a file named with one) and
/// is shown escaped, so that it cannot start a line of its own.
pub fn escape_controls(text: &str, keep_newlines: bool) -> String {
    if !keep_newlines || !text.contains('\n') {
        return escape_except(text, |_| false);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(if line.starts_with(INDENT) {
                "\n"
            } else {
                "\\u{a}"
            });
        }
        out.push_str(&escape_except(line, |_| false));
    }
    out
}

/// How a hint's or note's own further lines start: under its text.
const INDENT: &str = "      ";

/// `text` with every character [`escaped`] written as `\u{1b}`, but those
/// `kept`.
fn escape_except(text: &str, kept: impl Fn(char) -> bool) -> String {
    let shown = |c: char| (escaped(c) || is_mark(c)) && !kept(c);
    if !text.chars().any(shown) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if shown(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `c` is shown escaped: a control character, or one of the
/// bidirectional embeddings, overrides and isolates (U+202A-U+202E,
/// U+2066-U+2069, the set rustc lints as "Trojan Source"), which reorder
/// the rest of the line on screen: `case\u{202e}txt.exe` would read as
/// `caseexe.txt`. The marks (U+200E, U+200F, U+061C) stay in the excerpt
/// of a line: Arabic text carries them, and they reorder nothing beyond
/// their neighbours; a message, path, hint or note shows them escaped too
/// ([`is_mark`]).
fn escaped(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A direction mark (LRM, RLM, Arabic letter mark), shown escaped in a
/// message: there it is what is wrong (a `{{hotline\u{200f}}}` the source
/// does not have), and printed as it is it shows nothing.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// A size as a message says it: in the unit a reader takes in at a glance
/// (`0 bytes`, `3 KB`, `600 MB`, `20 GB`), rounded down. Megabytes up to
/// 10 GB, so that sizes near a limit in MB compare with it.
pub fn size_text(bytes: u64) -> String {
    match bytes {
        b if b < 1 << 10 => format!("{b} bytes"),
        b if b < 1 << 20 => format!("{} KB", b >> 10),
        b if b < 10 << 30 => format!("{} MB", b >> 20),
        b => format!("{} GB", b >> 30),
    }
}

/// Paths are shown with `/` on every platform so messages are stable. On
/// Unix a backslash is part of a file's name, not a separator, and stays.
pub fn display_path(p: &Path) -> String {
    let shown = p.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        shown.replace('\\', "/")
    } else {
        shown.into_owned()
    }
}

/// Sorted by file and line, duplicates removed, so output is deterministic
/// whatever order parallel work finished in.
pub fn sorted(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
    diags
}

/// Turn warnings into errors (`--strict`).
pub fn make_strict(diags: &mut [Diagnostic]) {
    for d in diags {
        d.severity = Severity::Error;
    }
}

/// Reads source lines back for the excerpt under each message.
pub trait SourceLookup {
    fn line_of(&self, path: &Path, line: usize) -> Option<String>;

    /// The part of a line a message at `col` shows: at least the `len`
    /// characters from column `first` (see [`shown_columns`]), and the
    /// column its text starts at. A lookup that keeps its files indexed
    /// cuts it out without copying or counting the whole line, so many
    /// messages on one long line stay cheap.
    fn around(&self, path: &Path, line: usize, col: usize) -> Option<(String, usize)> {
        let _ = col;
        self.line_of(path, line).map(|l| (l, 1))
    }
}

/// The columns of a line a message at `col` may show: from the first, so
/// many characters.
pub fn shown_columns(col: usize) -> (usize, usize) {
    (col.saturating_sub(EXCERPT).max(1), 2 * EXCERPT + 1)
}

/// Renders diagnostics as rustc does: the headline, the source line, a caret
/// under the column, then the hint. Colour only when `color` is set.
pub fn render(diags: &[Diagnostic], source: &dyn SourceLookup, color: bool) -> String {
    let mut out = String::new();
    let (red, yellow, blue, bold, reset) = if color {
        ("\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    for d in diags {
        let sev_color = match d.severity {
            Severity::Error => red,
            Severity::Warning => yellow,
        };
        let head = d.headline();
        // Colour only the severity word, keeping the plain text greppable.
        let sev = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let marker = format!(": {sev}: ");
        if let Some(pos) = head.find(&marker) {
            let _ = writeln!(
                out,
                "{bold}{}{reset}: {sev_color}{bold}{sev}{reset}: {bold}{}{reset}",
                &head[..pos],
                &head[pos + marker.len()..]
            );
        } else {
            let _ = writeln!(out, "{head}");
        }
        let excerpt_at = d.position();
        if let Some((text, first)) =
            excerpt_at.and_then(|(line, col)| source.around(&d.path, line, col))
        {
            let num = d.line.to_string();
            let pad = " ".repeat(num.len());
            let (shown, caret_col) = excerpt(&text, first, d.col.max(1));
            let width = d
                .width
                .clamp(1, (EXCERPT + 1).saturating_sub(caret_col).max(1));
            let (before, under) = on_screen(&shown, caret_col, width);
            let _ = writeln!(out, "{blue}{pad} |{reset}");
            let _ = writeln!(out, "{blue}{num} |{reset} {shown}");
            let _ = writeln!(
                out,
                "{blue}{pad} |{reset} {}{sev_color}{}{reset}",
                " ".repeat(before),
                "^".repeat(under)
            );
        }
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "  = hint: {}", escape_controls(h, true));
        }
        if let Some(n) = &d.note {
            let _ = writeln!(out, "  = note: {}", escape_controls(n, true));
        }
    }
    out
}

/// How many characters of a source line a message shows.
const EXCERPT: usize = 200;

/// The source line as shown under a message (at most [`EXCERPT`]
/// characters, starting with `…` a little before a far column, so a
/// message on a long line stays short; tabs as one space so the caret
/// stays put; control characters escaped), and the number of shown
/// characters before column `col`. `text` is the line from column `first`
/// on (1 for the whole line).
fn excerpt(text: &str, first: usize, col: usize) -> (String, usize) {
    let skip = if col > EXCERPT * 3 / 4 {
        col - 1 - EXCERPT / 4
    } else {
        0
    };
    let mut shown = String::new();
    if skip > 0 {
        shown.push('…');
    }
    let (mut caret, mut taken) = (None, skip);
    let within = skip.saturating_sub(first - 1);
    for c in text.chars().skip(within).take(EXCERPT) {
        taken += 1;
        if taken == col {
            caret = Some(shown.chars().count());
        }
        match c {
            '\t' => shown.push(' '),
            c if escaped(c) => shown.push_str(&escape_controls(&c.to_string(), false)),
            c => shown.push(c),
        }
    }
    // A column just past the shown text (the end of the line) keeps its
    // distance; one further away (a stale position) is capped.
    let caret = caret
        .unwrap_or_else(|| shown.chars().count() + col.saturating_sub(taken + 1).min(EXCERPT / 4));
    (shown, caret)
}

/// Where the caret goes under `shown` on a terminal, for `width`
/// characters from character `at`: the columns before it and under it.
/// Characters are counted as they show: a Chinese or Japanese character
/// takes two columns, a combining mark (Arabic's harakat) none, so the
/// caret stays under the text it points at. Past the line's end, a
/// character is one column.
fn on_screen(shown: &str, at: usize, width: usize) -> (usize, usize) {
    use unicode_width::UnicodeWidthChar;
    let columns = |c: &char| c.width().unwrap_or(0);
    let count = shown.chars().count();
    let before =
        shown.chars().take(at).map(|c| columns(&c)).sum::<usize>() + at.saturating_sub(count);
    let covered: Vec<char> = shown.chars().skip(at).take(width).collect();
    let under = covered.iter().map(columns).sum::<usize>() + (width - covered.len());
    (before, under.max(1))
}

/// Whether stderr is a terminal and colour is wanted.
pub fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Did-you-mean: the closest candidate within a small edit distance.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        // Swapping two neighbours counts once (`titel`).
        let d = strsim::osa_distance(word, c);
        let limit = (c.chars().count() / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Text from content or file names, with control characters (terminal
/// escape sequences, NUL) written as `\u{1b}`, so printing a message can
/// never drive the reader's terminal.
pub fn escape_control(s: &str) -> String {
    escape_except(s, |c| c == '\n' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_said_in_the_unit_a_reader_takes_in() {
        assert_eq!(size_text(0), "0 bytes");
        assert_eq!(size_text(4_000), "3 KB");
        assert_eq!(size_text(31 << 20), "31 MB");
        assert_eq!(size_text(2 << 30), "2048 MB");
        assert_eq!(size_text(20 << 30), "20 GB");
    }

    /// A file named `back\slash.txt` on Unix is shown as named, not as a
    /// folder `back` holding `slash.txt`.
    #[cfg(unix)]
    #[test]
    fn a_backslash_in_a_unix_name_is_kept() {
        assert_eq!(
            display_path(Path::new("static/back\\slash.txt")),
            "static/back\\slash.txt"
        );
    }

    #[test]
    fn headline_format() {
        let d = Diagnostic::error("guidance/a.en.md", 3, 5, "bad");
        assert_eq!(d.headline(), "guidance/a.en.md:3:5: error: bad");
        // About the whole file: no line to go to, and no excerpt.
        let d = Diagnostic::warning("guidance/a.de.md", 0, 0, "unknown language");
        assert_eq!(d.headline(), "guidance/a.de.md: warning: unknown language");
        assert_eq!(
            render(&[d], &Fake, false),
            "guidance/a.de.md: warning: unknown language\n"
        );
    }

    #[test]
    fn suggests_close_keys() {
        assert_eq!(closest("titel", &["title", "summary"]), Some("title"));
        assert_eq!(closest("sumary", &["title", "summary"]), Some("summary"));
        assert_eq!(closest("author", &["title", "summary"]), None);
    }

    #[test]
    fn sorted_and_deduplicated() {
        let v = sorted(vec![
            Diagnostic::error("b.md", 1, 1, "x"),
            Diagnostic::error("a.md", 9, 1, "y"),
            Diagnostic::error("a.md", 2, 1, "z"),
            Diagnostic::error("a.md", 2, 1, "z"),
        ]);
        let lines: Vec<_> = v.iter().map(|d| d.headline()).collect();
        assert_eq!(
            lines,
            [
                "a.md:2:1: error: z",
                "a.md:9:1: error: y",
                "b.md:1:1: error: x"
            ]
        );
    }

    struct Fake;
    impl SourceLookup for Fake {
        fn line_of(&self, _: &Path, _: usize) -> Option<String> {
            Some("titel: Hello".into())
        }
    }

    #[test]
    fn renders_caret_under_column() {
        let d = Diagnostic::warning("a.md", 2, 1, "unknown key `titel`")
            .with_width(5)
            .with_hint("did you mean `title`?");
        let s = render(&[d], &Fake, false);
        assert!(s.contains("2 | titel: Hello\n"), "{s}");
        assert!(s.contains("  | ^^^^^\n"), "{s}");
        assert!(s.contains("= hint: did you mean `title`?"), "{s}");
    }

    struct Hostile;
    impl SourceLookup for Hostile {
        fn line_of(&self, _: &Path, _: usize) -> Option<String> {
            Some("a\u{1b}[2Jb\0c: x".into())
        }
    }

    #[test]
    fn reordering_characters_are_escaped_and_marks_kept() {
        struct Line;
        impl SourceLookup for Line {
            fn line_of(&self, _: &Path, _: usize) -> Option<String> {
                Some("[case](case\u{202e}txt.exe) \u{2067}x\u{2069} نص\u{200f}.".into())
            }
        }
        let d = Diagnostic::error(
            "guidance/case\u{202e}txt.exe",
            1,
            2,
            "`case\u{202e}txt.exe` cannot be published",
        )
        .with_hint("rename \u{202a}it\u{202c}");
        let s = render(&[d], &Line, false);
        assert!(s.starts_with(
            "guidance/case\\u{202e}txt.exe:1:2: error: `case\\u{202e}txt.exe` cannot be published\n"
        ));
        assert!(s.contains("(case\\u{202e}txt.exe) \\u{2067}x\\u{2069} نص\u{200f}."));
        assert!(s.contains("rename \\u{202a}it\\u{202c}"));
        assert!(!s.chars().any(|c| ('\u{202a}'..='\u{202e}').contains(&c)));
        assert_eq!(escape_control("a\u{2066}b"), "a\\u{2066}b");
    }

    #[test]
    fn direction_marks_are_escaped_in_a_message_and_kept_in_the_line() {
        struct Line;
        impl SourceLookup for Line {
            fn line_of(&self, _: &Path, _: usize) -> Option<String> {
                Some("اتصل \u{200f}{{hotline\u{200f}}} الآن.".into())
            }
        }
        let d = Diagnostic::error(
            "t.po",
            1,
            1,
            "the translation has a value `{{hotline\u{200f}}}`, `\u{200e}a\u{61c}`",
        )
        .with_hint("remove the \u{200f}");
        let s = render(&[d], &Line, false);
        assert!(
            s.starts_with("t.po:1:1: error: the translation has a value `{{hotline\\u{200f}}}`, `\\u{200e}a\\u{61c}`\n"),
            "{s}"
        );
        assert!(s.contains("remove the \\u{200f}"), "{s}");
        assert!(s.contains("اتصل \u{200f}{{hotline\u{200f}}} الآن."), "{s}");
    }

    #[test]
    fn control_characters_are_escaped_everywhere() {
        let d = Diagnostic::error(
            "guidance/\u{1b}]0;x\u{7}.md",
            1,
            6,
            "key `\u{1b}[31m`\nforged",
        )
        .with_hint("line one\n      line two \u{9b}\nerror: forged")
        .with_note("raw \r note");
        let s = render(&[d], &Hostile, false);
        assert_eq!(
            s,
            "guidance/\\u{1b}]0;x\\u{7}.md:1:6: error: key `\\u{1b}[31m`\\u{a}forged\n  |\n1 | a\\u{1b}[2Jb\\u{0}c: x\n  |           ^\n  = hint: line one\n      line two \\u{9b}\\u{a}error: forged\n  = note: raw \\u{d} note\n"
        );
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn a_far_column_shows_a_short_excerpt_around_it() {
        struct Long;
        impl SourceLookup for Long {
            fn line_of(&self, _: &Path, _: usize) -> Option<String> {
                Some(format!("{}XYZ{}", "a".repeat(100_000), "b".repeat(100_000)))
            }
        }
        let d = Diagnostic::error("a.md", 1, 100_001, "x").with_width(3);
        let s = render(&[d], &Long, false);
        assert!(s.len() < 1_000, "{} bytes", s.len());
        let lines: Vec<&str> = s.lines().collect();
        let (shown, caret) = (lines[2], lines[3]);
        let at = caret.find('^').unwrap();
        let before: String = shown.chars().take(caret[..at].chars().count()).collect();
        let rest = &shown[before.len()..];
        assert!(rest.starts_with("XYZ"), "{s}");
        assert!(shown.contains('…'), "{s}");
    }

    struct Wide;
    impl SourceLookup for Wide {
        fn line_of(&self, _: &Path, _: usize) -> Option<String> {
            Some("标题：安全 titel: x".into())
        }
    }

    /// A line with Chinese characters (two columns each on a terminal) had
    /// its caret counted in characters, so it stood left of what it named.
    #[test]
    fn caret_counts_columns_as_a_terminal_shows_them() {
        let d = Diagnostic::warning("a.md", 1, 7, "unknown key `titel`").with_width(5);
        let s = render(&[d], &Wide, false);
        assert!(
            s.contains("1 | 标题：安全 titel: x\n  |            ^^^^^\n"),
            "{s}"
        );
        let d = Diagnostic::warning("a.md", 1, 1, "x").with_width(2);
        let s = render(&[d], &Wide, false);
        assert!(s.contains("\n  | ^^^^\n"), "{s}");
    }

    #[test]
    fn caret_past_the_line_end_keeps_its_column() {
        let d = Diagnostic::error("a.md", 1, 9, "x");
        let s = render(&[d], &Fake, false);
        assert!(s.contains("1 | titel: Hello\n  |         ^\n"), "{s}");
    }
}
