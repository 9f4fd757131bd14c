//! Cutting a file at its `---` lines, and recognising the lines that were
//! meant to be `---` but are not: Word turns hyphens into dashes, and an
//! invisible space after `---` hides it from every parser.

use crate::diagnostics::Diagnostic;
use crate::yaml::describe_char;
use std::path::Path;

/// A file cut into front matter and body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file text.
    pub body_offset: usize,
    /// Number of lines before the body (0-based line of the body's first line).
    pub body_line: usize,
}

/// Why a file could not be cut into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
}

impl SplitError {
    pub fn diagnostic(&self, rel: &Path) -> Diagnostic {
        Diagnostic::error(rel, self.line, self.col, self.message.clone())
            .with_hint(self.hint.clone())
    }
}

fn is_fence(line: &str, closing: bool) -> bool {
    let l = line.trim_end_matches(['\n', '\r', ' ', '\t']);
    l == "---" || (closing && l == "...")
}

fn dash_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2010}' => "hyphens (U+2010)",
        '\u{2011}' => "non-breaking hyphens (U+2011)",
        '\u{2012}' => "figure dashes (U+2012)",
        '\u{2013}' => "en dashes (U+2013)",
        '\u{2014}' => "em dashes (U+2014)",
        '\u{2015}' => "horizontal bars (U+2015)",
        '\u{2212}' => "minus signs (U+2212)",
        '\u{2e3a}' | '\u{2e3b}' => "long dashes (U+2E3A)",
        '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => "full-width dashes",
        _ => return None,
    })
}

/// A line that was meant to be `---`: dashes of any kind (at least one
/// that is not a hyphen, or a number of hyphens other than three), or
/// `---` with an invisible character. `start` says which end it is.
fn look_alike(line: &str, line_no: usize, start: bool) -> Option<SplitError> {
    let l = line.trim_end_matches(['\n', '\r', ' ', '\t']);
    let dashy = |c: char| c == '-' || dash_name(c).is_some();
    let invisible = |c: char| c != '\t' && describe_char(c).is_some();
    if l.is_empty() || !l.chars().all(|c| dashy(c) || invisible(c)) || !l.chars().any(dashy) {
        return None;
    }
    let which = if start { "starts" } else { "ends" };
    let (col, odd) = l
        .chars()
        .enumerate()
        .find(|(_, c)| *c != '-')
        .map_or((0, None), |(i, c)| (i + 1, Some(c)));
    let message = match odd {
        Some(c) if dash_name(c).is_some() => format!(
            "`{l}` is made of {}, but the line that {which} front matter is three hyphens `---`",
            dash_name(c).unwrap_or("dashes")
        ),
        Some(c) => {
            let (name, _) = describe_char(c).unwrap_or(("a character", ""));
            format!(
                "this `---` line has {name} (U+{:04X}) at column {col}, so it does not count as the line that {which} front matter; delete it",
                u32::from(c)
            )
        }
        None if l.len() == 3 => return None,
        None => format!(
            "this line has {} hyphens; the line that {which} front matter has exactly three: `---`",
            l.len()
        ),
    };
    Some(SplitError {
        line: line_no,
        col: col.max(1),
        message,
        hint: "type three hyphens (the minus key) and nothing else on the line; word processors turn `---` into a dash, so edit the file in a plain-text editor".into(),
    })
}

/// Front matter below blank lines or an HTML comment (as Word, editors and
/// linters leave them: `<!-- markdownlint-disable -->`, a licence header):
/// otherwise read as text, the page would only be told it has no title.
fn below_the_first_line(text: &str) -> Option<SplitError> {
    let mut lines = text.split_inclusive('\n').peekable();
    let (mut before, mut comment) = (0, false);
    while let Some(l) = lines.peek() {
        let t = l.trim();
        if !l.ends_with('\n') || !(t.is_empty() || t.starts_with("<!--")) {
            break;
        }
        if t.starts_with("<!--") {
            // The comment, to the line that closes it.
            comment = true;
            for l in lines.by_ref() {
                before += 1;
                if l.contains("-->") {
                    break;
                }
            }
        } else {
            lines.next();
            before += 1;
        }
    }
    let fence = lines.next()?;
    if before == 0 || !is_fence(fence, false) || !lines.any(|l| is_fence(l, true)) {
        return None;
    }
    let (what, hint) = match (comment, before) {
        (true, _) => (
            "an HTML comment comes",
            "move the comment below the front matter's closing `---`, or delete it",
        ),
        (false, 1) => ("a blank line comes", "delete the blank lines above `---`"),
        (false, _) => ("blank lines come", "delete the blank lines above `---`"),
    };
    Some(SplitError {
        line: before + 1,
        col: 1,
        message: format!("front matter must begin on the first line: {what} before this `---`"),
        hint: hint.into(),
    })
}

/// Cuts `text` (already decoded, no BOM) at the `---` lines.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_end = text.find('\n').map_or(text.len(), |p| p + 1);
    if !is_fence(&text[..first_end], false) {
        if let Some(e) = look_alike(&text[..first_end], 1, true) {
            return Err(e);
        }
        if let Some(e) = below_the_first_line(text) {
            return Err(e);
        }
        return Ok(Split {
            yaml: "",
            yaml_line: 1,
            body: text,
            body_offset: 0,
            body_line: 0,
        });
    }
    let mut pos = first_end;
    let mut line_no = 1;
    let mut meant = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |p| pos + p + 1);
        line_no += 1;
        if is_fence(&text[pos..end], true) {
            return Ok(Split {
                yaml: &text[first_end..pos],
                yaml_line: 2,
                body: &text[end..],
                body_offset: end,
                body_line: line_no,
            });
        }
        if meant.is_none() {
            meant = look_alike(&text[pos..end], line_no, false);
        }
        pos = end;
    }
    Err(meant.unwrap_or_else(|| SplitError {
        line: 1,
        col: 1,
        message: "the front matter starting here is never closed".into(),
        hint: "end the front matter with a line containing only `---`".into(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_crlf() {
        let s = split("---\r\ntitle: A\r\n---\r\nbody\r\n").unwrap();
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(s.body, "body\r\n");
        assert_eq!(s.body_line, 3);
    }

    #[test]
    fn blank_lines_before_the_front_matter_are_named() {
        let e = split("\r\n  \n---\ntitle: A\n---\nbody\n").unwrap_err();
        assert_eq!((e.line, e.col), (3, 1));
        assert_eq!(
            e.message,
            "front matter must begin on the first line: blank lines come before this `---`"
        );
        let e =
            split("<!-- markdownlint-disable MD041 -->\n<!--\nold: x\n-->\n---\ntitle: A\n---\n")
                .unwrap_err();
        assert_eq!((e.line, e.col), (5, 1));
        assert_eq!(
            e.message,
            "front matter must begin on the first line: an HTML comment comes before this `---`"
        );
        // A comment above a page with no front matter, or a rule, is text.
        assert!(split("<!-- x -->\n# Hi\n").is_ok());
        assert!(split("<!-- x\n---\ntext\n").is_ok());
        // A thematic break after a blank line, with no closing fence, is text.
        assert_eq!(split("\n---\ntext\n").unwrap().body, "\n---\ntext\n");
    }

    #[test]
    fn unclosed_is_an_error() {
        let e = split("---\ntitle: A\nbody\n").unwrap_err();
        assert_eq!((e.line, e.col), (1, 1));
        assert_eq!(e.message, "the front matter starting here is never closed");
    }

    #[test]
    fn no_front_matter() {
        let s = split("# hi\n").unwrap();
        assert_eq!(s.body, "# hi\n");
        assert_eq!(split("- a list\n").unwrap().body, "- a list\n");
    }

    #[test]
    fn dashes_instead_of_hyphens() {
        let e = split("———\ntitle: A\n———\n").unwrap_err();
        assert_eq!((e.line, e.col), (1, 1));
        assert_eq!(
            e.message,
            "`———` is made of em dashes (U+2014), but the line that starts front matter is three hyphens `---`"
        );
        let e = split("–––\ntitle: A\n").unwrap_err();
        assert!(
            e.message.starts_with("`–––` is made of en dashes (U+2013)"),
            "{}",
            e.message
        );
        let e = split("---\ntitle: A\n—-—\nbody\n").unwrap_err();
        assert_eq!((e.line, e.col), (3, 1));
        assert!(
            e.message.contains("the line that ends front matter"),
            "{}",
            e.message
        );
        let e = split("-----\ntitle: A\n").unwrap_err();
        assert_eq!(
            e.message,
            "this line has 5 hyphens; the line that starts front matter has exactly three: `---`"
        );
        let e = split("---\u{a0}\ntitle: A\n---\n").unwrap_err();
        assert_eq!((e.line, e.col), (1, 4));
        assert!(
            e.message
                .contains("a non-breaking space (U+00A0) at column 4"),
            "{}",
            e.message
        );
    }
}
