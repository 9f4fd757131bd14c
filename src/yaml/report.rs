//! YAML problems as diagnostics at their place in the file: the YAML of
//! front matter starts a line into its file, site.yaml at its first line.

use super::explain::{explain, leftover_hint};
use super::lint::{Leftover, find_leftovers, in_keys, in_scalar, sentence};
use super::{Node, Pos, duplicate_keys, parse};
use crate::diagnostics::{Diagnostic, closest};
use std::path::Path;

/// Where a YAML text sits: its file, the file line before its first line,
/// and what authors call it ("front matter", "site.yaml").
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    pub rel: &'a Path,
    pub line_offset: usize,
    pub what: &'static str,
}

/// The text could not be used; the reasons are in the diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

impl Located<'_> {
    fn at(&self, pos: Pos) -> (usize, usize) {
        (pos.line + self.line_offset, pos.col)
    }

    pub fn error(&self, node: &Node, msg: impl Into<String>) -> Diagnostic {
        let (line, col) = self.at(node.pos);
        Diagnostic::error(self.rel, line, col, msg).with_width(node.width)
    }

    pub fn warning(&self, node: &Node, msg: impl Into<String>) -> Diagnostic {
        let (line, col) = self.at(node.pos);
        Diagnostic::warning(self.rel, line, col, msg).with_width(node.width)
    }

    /// A warning for a key fieldguide does not know, with a did-you-mean
    /// hint, or `otherwise` (else the known keys) when nothing is close.
    pub fn unknown_key(
        &self,
        key: &Node,
        known: &[&str],
        message: String,
        otherwise: Option<&str>,
    ) -> Diagnostic {
        let name = key.as_text().unwrap_or("");
        let d = self.warning(key, message);
        match closest(name, known) {
            Some(s) => d.with_hint(format!("did you mean `{s}`?")),
            None => match otherwise {
                Some(h) => d.with_hint(h),
                None => d.with_hint(format!("known keys: {}", known.join(", "))),
            },
        }
    }

    /// Parses `text`, reporting syntax errors (in plain words, the parser's
    /// as a note), invisible characters in keys and keys given twice.
    /// `Ok(None)` for an empty text.
    pub fn read(
        &self,
        text: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<Option<Node>, Unreadable> {
        // Never point past the text (its closing `---`, for front matter).
        let last = text.lines().count() + 1;
        let root = match parse(text) {
            Ok(root) => root,
            Err(e) => {
                for x in explain(text, &e) {
                    let pos = Pos {
                        line: x.pos.line.clamp(1, last),
                        col: if x.pos.line > last { 1 } else { x.pos.col },
                    };
                    let (line, col) = self.at(pos);
                    let mut d = Diagnostic::error(self.rel, line, col, self.invalid(&x.message))
                        .with_hint(x.hint);
                    if let Some((p, raw)) = x.raw {
                        let (l, c) = self.at(p);
                        d = d.with_note(format!(
                            "the YAML parser says: {raw} (line {l}, column {c})"
                        ));
                    }
                    diags.push(d);
                }
                return Err(Unreadable);
            }
        };
        let Some(root) = root else { return Ok(None) };
        // `title:\u{a0}Signs` reads as one string, not as a key: say why.
        let leftovers = if root.scalar().is_some() {
            find_leftovers(text)
        } else {
            in_keys(&root)
        };
        for l in &leftovers {
            let (line, col) = self.at(l.pos);
            diags.push(
                Diagnostic::error(
                    self.rel,
                    line,
                    col,
                    self.invalid(&sentence(l.ch, l.pos.col)),
                )
                .with_hint(leftover_hint(l.ch, l.place)),
            );
        }
        for (key, first) in duplicate_keys(&root) {
            let name = key.as_text().unwrap_or("");
            diags.push(
                self.error(
                    key,
                    format!(
                        "`{name}` is given twice; the first is at line {}",
                        self.at(first).0
                    ),
                )
                .with_hint("keep one of them"),
            );
        }
        // Written as escapes (`"\u0000"`, `"\e"`): no page or file name
        // can carry them, and a terminal would obey them.
        let mut controls = false;
        let mut todo = vec![&root];
        while let Some(n) = todo.pop() {
            todo.extend(n.items().unwrap_or_default());
            for (k, v) in n.entries().unwrap_or_default() {
                todo.extend([k, v]);
            }
            let Some(c) = n.scalar().and_then(|s| {
                s.text
                    .chars()
                    .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            }) else {
                continue;
            };
            controls = true;
            diags.push(
                self.error(
                    n,
                    self.invalid(&format!(
                        "this value holds a control character (U+{:04X}), which no page can show",
                        u32::from(c)
                    )),
                )
                .with_hint("remove the escape that writes it (such as `\\u0000` or `\\e`)"),
            );
        }
        if leftovers.is_empty() && !controls {
            Ok(Some(root))
        } else {
            Err(Unreadable)
        }
    }

    /// An error for a value of the wrong shape (`msg`, `hint`), unless a
    /// Word leftover made it so: then the leftover, with `msg` as the note.
    pub fn shape_error(&self, v: &Node, msg: String, hint: &str) -> Diagnostic {
        match in_scalar(v) {
            Some(l) => self.leftover(&l).with_note(msg),
            None => self.error(v, msg).with_hint(hint),
        }
    }

    fn leftover(&self, l: &Leftover) -> Diagnostic {
        let (line, col) = self.at(l.pos);
        Diagnostic::error(
            self.rel,
            line,
            col,
            self.invalid(&sentence(l.ch, l.pos.col)),
        )
        .with_hint(leftover_hint(l.ch, l.place))
    }

    fn invalid(&self, message: &str) -> String {
        format!("invalid {}: {message}", self.what)
    }
}
