//! Word leftovers in YAML: characters that look like a space (or like
//! nothing) but are not one to YAML, and tabs, where they change what the
//! lines mean: in the indentation, in a key, and between a key and its value.
//! Inside a value they are the author's text and left alone (a Persian title
//! needs its zero-width non-joiners, French its non-breaking spaces).

use super::{Data, Node, Pos};

/// One character found where YAML needs a plain space or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leftover {
    pub pos: Pos,
    pub ch: char,
    pub place: Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Indentation,
    Key,
    AfterColon,
}

/// What to call a character an author cannot see, and what to do about it:
/// `("a non-breaking space", "type a normal space")`. `None` for ordinary
/// characters.
pub fn describe_char(c: char) -> Option<(&'static str, &'static str)> {
    const SPACE: &str = "type a normal space";
    const DELETE: &str = "delete it";
    Some(match c {
        '\t' => ("a tab", "indent with spaces"),
        '\u{a0}' => ("a non-breaking space", SPACE),
        '\u{202f}' => ("a narrow non-breaking space", SPACE),
        '\u{2007}' => ("a figure space", SPACE),
        '\u{2000}'..='\u{200a}' | '\u{205f}' | '\u{1680}' => ("a typographic space", SPACE),
        '\u{3000}' => ("a full-width (ideographic) space", SPACE),
        '\u{200b}' => ("a zero-width space", DELETE),
        '\u{2060}' => ("a word joiner", DELETE),
        '\u{feff}' => (
            "a stray byte-order mark (zero-width no-break space)",
            DELETE,
        ),
        '\u{ad}' => ("a soft hyphen", DELETE),
        '\u{200c}' => ("a zero-width non-joiner", DELETE),
        '\u{200d}' => ("a zero-width joiner", DELETE),
        '\u{200e}' => ("a left-to-right mark", DELETE),
        '\u{200f}' => ("a right-to-left mark", DELETE),
        '\u{61c}' => ("an Arabic letter mark", DELETE),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            ("a bidirectional control character", DELETE)
        }
        _ => return None,
    })
}

/// `a non-breaking space (U+00A0) at column 7; type a normal space`.
pub fn sentence(ch: char, col: usize) -> String {
    let (name, fix) = describe_char(ch).unwrap_or(("a character", "delete it"));
    format!("{name} (U+{:04X}) at column {col}; {fix}", u32::from(ch))
}

fn odd(c: char) -> bool {
    describe_char(c).is_some()
}

/// Leftovers in the text, line by line, for explaining a parse that failed.
pub fn find_leftovers(text: &str) -> Vec<Leftover> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(l) = in_line(line) {
            out.push(Leftover {
                pos: Pos {
                    line: i + 1,
                    col: l.0,
                },
                ch: l.1,
                place: l.2,
            });
        }
    }
    out
}

/// The first leftover of one line: `(column, char, place)`.
fn in_line(line: &str) -> Option<(usize, char, Place)> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    // Indentation, and the `- ` of list items, which count as indentation.
    loop {
        while i < chars.len() && (chars[i] == ' ' || odd(chars[i])) {
            if chars[i] != ' ' {
                return Some((i + 1, chars[i], Place::Indentation));
            }
            i += 1;
        }
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|&c| c == ' ' || odd(c)) {
            i += 1;
            continue;
        }
        break;
    }
    // A key written plainly: up to the first `:` that ends it.
    let first = *chars.get(i)?;
    if "#\"'[]{}|>&*!%@`".contains(first) {
        return None;
    }
    let rest = &chars[i..];
    let colon = (0..rest.len()).find(|&j| {
        rest[j] == ':'
            && rest
                .get(j + 1)
                .is_none_or(|&c| c == ' ' || c == '\t' || odd(c))
    })?;
    if let Some(j) = rest[..colon].iter().position(|&c| odd(c) && c != '\t') {
        return Some((i + j + 1, rest[j], Place::Key));
    }
    match rest.get(colon + 1) {
        // A tab there is named too: the parser refuses it after a key.
        Some(&c) if odd(c) => Some((i + colon + 2, c, Place::AfterColon)),
        _ => None,
    }
}

/// A leftover in a plain value that was meant to be a list or a mapping:
/// `-\u{a0}en` or `size:\u{a0}A5` read as text. Only for values of the
/// wrong shape, since in text these characters may be meant.
pub fn in_scalar(node: &Node) -> Option<Leftover> {
    let s = node.scalar().filter(|s| s.plain)?;
    let (col, ch, place) = in_line(s.text.lines().next()?)?;
    Some(Leftover {
        pos: Pos {
            line: node.pos.line,
            col: node.pos.col + col - 1,
        },
        ch,
        place,
    })
}

/// Leftovers inside the keys of a tree that parsed: `  size` indented with
/// non-breaking spaces reads as a key named "\u{a0}\u{a0}size".
pub fn in_keys(root: &Node) -> Vec<Leftover> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        match &n.data {
            Data::Scalar(_) => {}
            Data::Seq(items) => stack.extend(items),
            Data::Map(entries) => {
                for (k, v) in entries {
                    if let Some(s) = k.scalar().filter(|s| s.plain) {
                        let mut chars = s.text.chars().enumerate();
                        if let Some((j, ch)) = chars.find(|(_, c)| odd(*c)) {
                            let place = if s.text.chars().take(j).all(odd) {
                                Place::Indentation
                            } else {
                                Place::Key
                            };
                            let pos = Pos {
                                line: k.pos.line,
                                col: k.pos.col + j,
                            };
                            out.push(Leftover { pos, ch, place });
                        }
                    }
                    stack.push(v);
                }
            }
        }
    }
    out.sort_by_key(|l| l.pos);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(line: &str) -> Option<(usize, char, Place)> {
        in_line(line)
    }

    #[test]
    fn names_code_point_and_column() {
        assert_eq!(
            sentence('\u{a0}', 7),
            "a non-breaking space (U+00A0) at column 7; type a normal space"
        );
        assert_eq!(
            sentence('\u{200b}', 1),
            "a zero-width space (U+200B) at column 1; delete it"
        );
    }

    #[test]
    fn finds_leftovers_where_they_change_the_meaning() {
        assert_eq!(
            first("title:\u{a0}Signs"),
            Some((7, '\u{a0}', Place::AfterColon))
        );
        assert_eq!(
            first("\u{a0}\u{a0}size: A5"),
            Some((1, '\u{a0}', Place::Indentation))
        );
        assert_eq!(first("\tsize: A5"), Some((1, '\t', Place::Indentation)));
        assert_eq!(
            first("  - \u{a0}item"),
            Some((5, '\u{a0}', Place::Indentation))
        );
        assert_eq!(first("ti\u{200b}tle: x"), Some((3, '\u{200b}', Place::Key)));
    }

    #[test]
    fn leaves_values_alone() {
        assert_eq!(first("title: Signs\u{a0}: bis"), None);
        assert_eq!(first("title: \"\u{a0}x\""), None);
        assert_eq!(first("title: می\u{200c}خواهم"), None);
        // A tab after the key is named: the parser refuses it there.
        assert_eq!(first("title:\tSigns"), Some((7, '\t', Place::AfterColon)));
        assert_eq!(first("# \u{a0} comment"), None);
    }

    #[test]
    fn finds_leftovers_in_parsed_keys() {
        let root = super::super::parse("print:\n\u{a0}\u{a0}size: A5\n")
            .unwrap()
            .unwrap();
        let found = in_keys(&root);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pos, Pos { line: 2, col: 1 });
        assert_eq!(found[0].place, Place::Indentation);
    }
}
