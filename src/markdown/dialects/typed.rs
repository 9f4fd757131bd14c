//! Links and commands typed in a way Markdown does not read, shown as
//! written without a word: a link with a space between its text and its
//! target (`[the guide] (intake.md)`, as people type it and some editors
//! wrap it), a link typed with a Chinese or Japanese input method's
//! full-width brackets (`［指南］（intake.md）`), and LaTeX commands left
//! on a line of their own by a pandoc-to-PDF workflow (`\newpage`,
//! `\vspace{1cm}`). Nothing is lost, so each stays as written; the author
//! is told, once per kind and page, at the first place.

use super::ticks::Ticks;

/// Longest link text or target looked at: each stretch of a hostile line
/// is searched a bounded distance, so that a scan stays linear.
const MAX_TARGET: usize = 300;

/// The first link (or image) in `line` with spaces between `]` and `(`,
/// whose parentheses hold what can only be a target (an address, an
/// anchor, a path, a file with its extension): where it starts, and its
/// length. `[sic] (2019)` and `[1] (see below)` are not links.
pub(super) fn spaced_link(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(close) = memchr::memchr(b']', &b[from..]).map(|i| from + i) {
        from = close + 1;
        let gap = b[close + 1..]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        let paren = close + 1 + gap;
        if gap == 0 || b.get(paren) != Some(&b'(') {
            continue;
        }
        let ahead = &b[paren..b.len().min(paren + MAX_TARGET)];
        let Some(end) = memchr::memchr(b')', ahead).map(|i| paren + i) else {
            continue;
        };
        let back = close.saturating_sub(MAX_TARGET);
        let Some(open) = memchr::memrchr2(b'[', b']', &b[back..close])
            .map(|o| back + o)
            .filter(|&o| b[o] == b'[')
        else {
            continue;
        };
        let start = if open > 0 && b[open - 1] == b'!' {
            open - 1
        } else {
            open
        };
        let text = line[open + 1..close].trim();
        // A task's box (`- [x] (form.pdf)`) and a footnote are no link's text.
        let task = text.eq_ignore_ascii_case("x") || text.starts_with('^');
        if text.is_empty() || task || !is_target(&line[paren + 1..end]) || ticks.in_code(start) {
            continue;
        }
        return Some((start, end + 1 - start));
    }
    None
}

/// What only a link's target looks like: no space, and an address, an
/// anchor, a path or a file name with an extension (a letter first).
fn is_target(t: &str) -> bool {
    if t.is_empty() || t.contains(char::is_whitespace) {
        return false;
    }
    let path = t.split('#').next().unwrap_or(t);
    let ext = path.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.starts_with(|c: char| c.is_ascii_alphabetic())
            && ext.bytes().all(|c| c.is_ascii_alphanumeric())
    });
    let lead = [
        "#", "/", "./", "../", "http://", "https://", "mailto:", "tel:",
    ]
    .iter()
    .any(|p| t.starts_with(p) && t.len() > p.len());
    lead || ext
}

/// The first link typed with full-width brackets, `［指南］（intake.md）`
/// (or with a full-width pair on one side only, `[指南]（intake.md）`):
/// where it starts (at its `！` or `!` for an image), and its length.
pub(super) fn wide_link(line: &str) -> Option<(usize, usize)> {
    // `］` and `（` (one of which such a link has) are written `EF BC …`
    // in UTF-8: a line without those bytes, most lines, is not read on.
    memchr::memmem::find(line.as_bytes(), &[0xEF, 0xBC])?;
    let mut ticks = Ticks::new(line);
    // Each closing bracket once, left to right.
    for (mid, c) in line.char_indices().filter(|&(_, c)| c == ']' || c == '］') {
        let from = mid + c.len_utf8();
        let Some(paren) = line[from..]
            .chars()
            .next()
            .filter(|&p| p == '(' || p == '（')
        else {
            continue;
        };
        // One of the brackets at least is full-width: `[a](b)` is a link.
        if c == ']' && paren == '(' {
            continue;
        }
        let from = from + paren.len_utf8();
        let back = floor(line, mid.saturating_sub(MAX_TARGET));
        let before = &line[back..mid];
        let Some(open) = before.rfind(['［', '[', ']', '］']).map(|o| back + o) else {
            continue;
        };
        if !matches!(line[open..].chars().next(), Some('［' | '[')) {
            continue;
        }
        let ahead = &line[from..floor(line, (from + MAX_TARGET).min(line.len()))];
        let Some(end) = ahead.find(['）', ')']) else {
            continue;
        };
        let close_len = ahead[end..].chars().next().map_or(1, char::len_utf8);
        let start = match line[..open].chars().next_back() {
            Some(c @ ('！' | '!')) => open - c.len_utf8(),
            _ => open,
        };
        if !ticks.in_code(start) {
            return Some((start, from + end + close_len - start));
        }
    }
    None
}

/// The largest character boundary of `s` at or before `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The same link written with half-width marks, `[指南](intake.md)`.
pub(super) fn narrow(shown: &str) -> String {
    shown
        .chars()
        .map(|c| match c {
            '［' => '[',
            '］' => ']',
            '（' => '(',
            '）' => ')',
            '！' => '!',
            c => c,
        })
        .collect()
}

/// A LaTeX command on a line of its own, `\newpage`, `\vspace{1cm}`,
/// `\begin{center}`: a backslash, a name of letters, then nothing but
/// `{…}` and `[…]` groups. (`\*` and `\_` are Markdown's escapes, and a
/// Windows path has a second backslash.)
pub(super) fn latex(line: &str) -> Option<(usize, usize)> {
    let t = line.trim();
    let rest = t.strip_prefix('\\')?;
    let name = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    if name < 3 {
        return None;
    }
    let mut args = rest[name..].trim_start();
    // Braces as escapes: tools matching braces in the source count them.
    const OPEN: char = '\u{7B}';
    const CLOSE: char = '\u{7D}';
    while let Some(open) = args.chars().next().filter(|&c| c == OPEN || c == '[') {
        let close = if open == OPEN { CLOSE } else { ']' };
        let end = args.find(close)?;
        args = args[end + 1..].trim_start();
    }
    let lead = line.len() - line.trim_start().len();
    args.is_empty().then_some((lead, t.len()))
}

/// The warning and hint for a link with a space before its target.
pub(super) fn spaced_words(shown: &str, more: &str) -> (String, String) {
    let fixed = shown
        .split_once(']')
        .map(|(a, b)| format!("{a}]{}", b.trim_start()));
    (
        format!(
            "`{shown}` is shown as text, not as a link{more}: Markdown reads a link only when `(` comes right after `]`"
        ),
        match fixed.filter(|_| !shown.ends_with('…')) {
            Some(f) => format!("take the space out: `{f}`"),
            None => "take the space between `]` and `(` out".to_string(),
        },
    )
}

/// The warning and hint for a link typed with full-width brackets.
pub(super) fn wide_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "`{shown}` is shown as text, not as a link{more}: `［］（）` are full-width brackets, not Markdown's"
        ),
        format!(
            "type the brackets with the input method in half-width (English) mode: `{}`",
            narrow(shown)
        ),
    )
}

/// The warning and hint for a LaTeX command on a line of its own.
pub(super) fn latex_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "a LaTeX command `{shown}` is shown as text{more}: fieldguide makes web and print pages from Markdown, not through LaTeX"
        ),
        "delete the line: print pages start each chapter on a new page and set their own spacing; for a table of contents, each page lists its own sections".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::{latex, narrow, spaced_link, wide_link};

    fn piece(f: fn(&str) -> Option<(usize, usize)>, s: &str) -> Option<String> {
        f(s).map(|(i, n)| s[i..i + n].to_string())
    }

    #[test]
    fn links_with_a_space_before_their_target() {
        for (line, link) in [
            (
                "See [the guide] (intake.md) first.",
                "[the guide] (intake.md)",
            ),
            ("![Map]  (images/map.png)", "![Map]  (images/map.png)"),
            (
                "[Site] (https://example.org)",
                "[Site] (https://example.org)",
            ),
            ("[above] (#consent)", "[above] (#consent)"),
        ] {
            assert_eq!(piece(spaced_link, line).as_deref(), Some(link), "{line}");
        }
        for none in [
            "Smith [ed.] (2020) wrote",
            "[1] (see below)",
            "[sic] (e.g.)",
            "[x](a.md) is a link",
            "`[code] (a.md)`",
            "a ] (b.md)",
            "[v] (v1.2)",
            "- [x] (form.pdf) done",
            "a note[^1] (a.pdf)",
        ] {
            assert_eq!(piece(spaced_link, none), None, "{none}");
        }
    }

    #[test]
    fn links_with_full_width_brackets() {
        assert_eq!(
            piece(wide_link, "见［指南］（01-intro.md）。").as_deref(),
            Some("［指南］（01-intro.md）")
        );
        assert_eq!(
            piece(wide_link, "！［图］（a.png）").as_deref(),
            Some("！［图］（a.png）")
        );
        assert_eq!(
            piece(wide_link, "[指南]（a.md）").as_deref(),
            Some("[指南]（a.md）")
        );
        assert_eq!(narrow("！［图］（a.png）"), "![图](a.png)");
        for none in ["（注：见下）", "[a](b.md)", "［注］ text", "（a）［b］"] {
            assert_eq!(piece(wide_link, none), None, "{none}");
        }
    }

    #[test]
    fn latex_commands_alone_on_a_line() {
        for line in [
            "\\newpage",
            "  \\vspace{1cm}",
            "\\begin{center}",
            "\\includegraphics[width=5cm]{a.png}",
        ] {
            assert_eq!(piece(latex, line).as_deref(), Some(line.trim()), "{line}");
        }
        for none in [
            "\\*not\\*",
            "\\Users\\ana",
            "\\noindent Text after",
            "a \\newpage",
            "\\ab",
            "\\vspace{1cm",
        ] {
            assert_eq!(piece(latex, none), None, "{none}");
        }
    }
}
