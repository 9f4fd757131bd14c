//! YAML errors in plain language, at the line the author has to change.
//!
//! The parser says where it stopped and in its own terms ("mapping values
//! are not allowed in this context"). Authors think in indentation, quotes
//! and tabs, so each usual cause is recognised from the text around that
//! place and said that way; the parser's words stay as a note for experts.

use super::lint::{Place, find_leftovers, sentence};
use super::{ErrorKind, MAX_DEPTH, MAX_NODES, Pos, YamlError};

/// One problem, said plainly, positioned in the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub pos: Pos,
    pub message: String,
    pub hint: String,
    /// Where the parser stopped and what it said, when it said anything.
    pub raw: Option<(Pos, String)>,
}

/// The problems behind `err`: Word leftovers and tabs first (they are the
/// cause whatever the parser says), else the parser's error reworded.
pub fn explain(text: &str, err: &YamlError) -> Vec<Explained> {
    let raw = (!err.raw.is_empty()).then(|| (err.pos, err.raw.clone()));
    match err.kind {
        ErrorKind::TooDeep => {
            return vec![Explained {
                pos: run_start(text, err.pos),
                message: format!("values are nested more than {MAX_DEPTH} levels deep"),
                hint: "a few levels are all fieldguide reads; look for a long run of `[` or `{`, or put the value in quotes".into(),
                raw,
            }];
        }
        ErrorKind::TooBig => {
            return vec![Explained {
                pos: err.pos,
                message: format!("aliases (`*name`) here stand for more than {MAX_NODES} values"),
                hint: "write the values out instead of repeating aliases of aliases".into(),
                raw,
            }];
        }
        ErrorKind::SecondDocument => {
            return vec![Explained {
                pos: err.pos,
                message: "a second YAML document starts here".into(),
                hint: "one document only: remove this `---` line (or comment it out with `#`)"
                    .into(),
                raw,
            }];
        }
        ErrorKind::Syntax => {}
    }
    let leftovers: Vec<_> = find_leftovers(text)
        .into_iter()
        // At or just after where the parser stopped (it may name the start
        // of the value a tab ended); any tab when the parser complains of one.
        .filter(|l| l.pos.line <= err.pos.line + 1 || (l.ch == '\t' && err.raw.contains("tab")))
        .collect();
    if !leftovers.is_empty() {
        return leftovers
            .iter()
            .enumerate()
            .map(|(i, l)| Explained {
                pos: l.pos,
                message: match (l.ch, l.place) {
                    ('\t', Place::AfterColon) => {
                        format!(
                            "a tab (U+0009) at column {} after the key; type a space",
                            l.pos.col
                        )
                    }
                    _ => sentence(l.ch, l.pos.col),
                },
                hint: leftover_hint(l.ch, l.place).into(),
                raw: if i == 0 { raw.clone() } else { None },
            })
            .collect();
    }
    let lines: Vec<&str> = text.lines().collect();
    let (pos, message, hint) = reword(&lines, err);
    vec![Explained {
        pos,
        message,
        hint,
        raw,
    }]
}

/// The first `[` or `{` of the run that ends at `at` (the parser stops
/// deep inside `[[[[...`; the author wants to see where it begins).
fn run_start(text: &str, at: Pos) -> Pos {
    let Some(line) = text.lines().nth(at.line.wrapping_sub(1)) else {
        return at;
    };
    let before: Vec<char> = line.chars().take(at.col.saturating_sub(1)).collect();
    let mut col = before.len();
    while col > 0 && "[{ ".contains(before[col - 1]) {
        col -= 1;
    }
    while before.get(col) == Some(&' ') {
        col += 1;
    }
    if col < before.len() {
        Pos {
            line: at.line,
            col: col + 1,
        }
    } else {
        at
    }
}

pub fn leftover_hint(ch: char, place: Place) -> &'static str {
    match (ch, place) {
        ('\t', Place::AfterColon) => "YAML needs a normal space after `key:`, not a tab",
        ('\t', _) => {
            "YAML indentation must be spaces, never tabs: replace the tab with spaces, lining the key up with the others at its level"
        }
        (_, Place::Indentation) => {
            "word processors put non-breaking and other special spaces where you typed spaces; YAML only counts normal spaces as indentation, so these lines are not read as part of the key above"
        }
        (_, Place::Key) => {
            "an invisible character inside a key makes it a different key; retype the key"
        }
        (_, Place::AfterColon) => {
            "YAML needs a normal space after `key:`; word processors often put a non-breaking one there"
        }
    }
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|&c| c == ' ').count()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The 1-based line of the last content line before `line`.
fn previous_content(lines: &[&str], line: usize) -> Option<usize> {
    (1..line.min(lines.len() + 1))
        .rev()
        .find(|&l| is_content(lines[l - 1]))
}

fn spaces(n: usize) -> String {
    match n {
        1 => "1 space".into(),
        n => format!("{n} spaces"),
    }
}

/// The parser's message, turned into what to change and where.
fn reword(lines: &[&str], err: &YamlError) -> (Pos, String, String) {
    let raw = err.raw.as_str();
    let at = err.pos;
    let line_text = lines.get(at.line.wrapping_sub(1)).copied().unwrap_or("");
    let start = |line| Pos { line, col: 1 };
    // Shown at the bracket, not where the parser gave up (the next line, or
    // the end of the front matter): that is where an editor should jump.
    if let Some(open) = unclosed_bracket(lines, at) {
        let (c, close) = open.1;
        return (
            open.0,
            format!("this `{c}` is never closed"),
            format!(
                "close it with `{close}`, or put the whole value in quotes if the `{c}` is part of the text"
            ),
        );
    }
    if raw.contains("quoted scalar") {
        return (
            at,
            "the quote that opens this value is never closed".into(),
            "end the value with the same quote mark; inside \"double quotes\" write \\\" for a quote, inside 'single quotes' write ''".into(),
        );
    }
    if raw.starts_with("invalid trailing content after") {
        return (
            at,
            "there is more text after the closing quote".into(),
            "put the whole value inside the quotes, or leave the quotes out".into(),
        );
    }
    if raw.contains("tab") {
        return (
            at,
            "a tab where YAML allows only spaces".into(),
            "replace the tab with spaces".into(),
        );
    }
    if raw.starts_with("unexpected character") || raw.contains("cannot start any token") {
        let c = line_text.chars().nth(at.col - 1).unwrap_or('?');
        return (
            at,
            format!("a value cannot start with `{c}`"),
            quote_hint(line_text),
        );
    }
    if raw.contains("block sequence entries are not allowed") {
        return (
            at,
            "a list item `-` cannot start on the same line as its key".into(),
            "put each item on its own line below the key, indented:\n      key:\n        - first item\n      or write the list in brackets: key: [first item, second item]".into(),
        );
    }
    if raw.contains("anchor") {
        return (
            at,
            "a value starting with `*` names an alias, and no `&anchor` of that name comes before it".into(),
            quote_hint(line_text),
        );
    }
    if raw.contains("mapping values are not allowed") {
        return mapping_value(lines, at, line_text);
    }
    if let Some(found) = text_after_list(line_text, at) {
        return found;
    }
    if raw.contains("<document start>") || raw.contains("did not find expected key") {
        let first = (1..=lines.len()).find(|&l| is_content(lines[l - 1]));
        if let Some(f) = first.filter(|&f| indent(lines[f - 1]) > 0 && f < at.line) {
            let key = lines[f - 1].trim_start().split(':').next().unwrap_or("");
            return (
                start(f),
                format!(
                    "`{key}` starts after a space; the first key must start at the beginning of the line"
                ),
                format!(
                    "remove the {} before `{key}`: keys at the top level all start in the first column",
                    spaces(indent(lines[f - 1]))
                ),
            );
        }
        let prev = previous_content(lines, at.line).map_or(0, |p| indent(lines[p - 1]));
        return (
            start(at.line),
            format!(
                "this line's indentation ({}) does not line up with the lines above it",
                spaces(indent(line_text))
            ),
            format!(
                "keys at the same level start in the same column (the line above starts after {}); a key that belongs under another is indented below it, after a line ending with `:`",
                spaces(prev)
            ),
        );
    }
    (
        at,
        "this is not valid YAML".into(),
        "write one `key: value` per line, indent nested keys with spaces, and put values that contain `: ` or start with a special character in quotes".into(),
    )
}

/// `title: [Draft] Safety plan`: a value that starts with `[` or `{` is a
/// list or a map to YAML, which ends at its bracket; the parser then stops
/// at the words after it, in terms of keys and indentation.
fn text_after_list(line_text: &str, at: Pos) -> Option<(Pos, String, String)> {
    let (key, value) = line_text.split_once(": ")?;
    let v = value.trim_start();
    let open = v.chars().next().filter(|c| matches!(c, '[' | '{'))?;
    let col = key.chars().count() + 2 + (value.chars().count() - v.chars().count()) + 1;
    let close = if open == '[' { ']' } else { '}' };
    // The parser stopped on this line, after the value's bracket closed.
    let closed = v.find(close)?;
    let after = v[closed + 1..].trim();
    if after.is_empty() || after.starts_with('#') || at.col <= col {
        return None;
    }
    Some((
        Pos { line: at.line, col },
        format!(
            "a value that starts with `{open}` is a {} to YAML, which ends at `{close}`: the words after it are not read",
            if open == '[' { "list" } else { "map" }
        ),
        quote_hint(line_text),
    ))
}

fn quote_hint(line_text: &str) -> String {
    let Some((key, value)) = line_text.split_once(": ") else {
        return "put the value in quotes".into();
    };
    let (key, value) = (key.trim_start(), value.trim());
    let escape = |v: &str| v.replace('\\', "\\\\").replace('"', "\\\"");
    // Word's curly quotes are text to YAML: quoting them would keep them.
    for (open, close) in [('“', '”'), ('‘', '’'), ('„', '“'), ('«', '»')] {
        if let Some(inner) = value.strip_prefix(open).and_then(|v| v.strip_suffix(close)) {
            return format!(
                "replace the curly quotes {open} {close} with straight ones: {key}: \"{}\"",
                escape(inner.trim())
            );
        }
    }
    format!("put the value in quotes: {key}: \"{}\"", escape(value))
}

/// "mapping values are not allowed": a second `: ` in a value, a line
/// indented under a key that already has a value, or a line above that
/// lacks its `: `.
fn mapping_value(lines: &[&str], at: Pos, line_text: &str) -> (Pos, String, String) {
    let before: String = line_text.chars().take(at.col - 1).collect();
    if before.trim_start().trim_start_matches("- ").contains(": ") {
        return (
            at,
            "this value contains `: `, which YAML reads as the start of another key".into(),
            quote_hint(line_text),
        );
    }
    let prev = previous_content(lines, at.line);
    if let Some(p) = prev {
        let (mine, theirs) = (indent(line_text), indent(lines[p - 1]));
        if mine > theirs {
            return (
                Pos {
                    line: at.line,
                    col: 1,
                },
                format!(
                    "this line starts after {}, more than the line above it ({}), so YAML reads it as part of that line's value",
                    spaces(mine),
                    spaces(theirs)
                ),
                "indent keys at the same level by the same number of spaces".into(),
            );
        }
        let above = lines[p - 1].trim();
        if !above.contains(": ") && !above.ends_with(':') {
            return (
                Pos { line: p, col: 1 },
                "this line has no `: ` between a key and its value".into(),
                "write `key: value`, with a space after the colon".into(),
            );
        }
    }
    (
        at,
        "YAML cannot tell which key this belongs to".into(),
        "check the indentation of this line and the one above; put values that contain `: ` in quotes".into(),
    )
}

const PAIRS: [(char, char); 2] = [('[', ']'), ('{', '}')];

/// The innermost `[` or `{` that opens a value before `at` and is still
/// open at the end of the text: `(where, (bracket, its closer))`.
fn unclosed_bracket(lines: &[&str], at: Pos) -> Option<(Pos, (char, char))> {
    let mut stack: Vec<(Pos, char)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // `prev`: the last character on this line that is not a space.
        let (mut prev, mut last, mut quote) = (None, ' ', None);
        for (j, c) in line.chars().enumerate() {
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                last = c;
                continue;
            }
            let value_start = matches!(prev, None | Some(':' | '-' | '[' | '{' | ','));
            match c {
                '#' if last == ' ' => break,
                '"' | '\'' if value_start => quote = Some(c),
                '[' | '{' if value_start || !stack.is_empty() => {
                    let pos = Pos {
                        line: i + 1,
                        col: j + 1,
                    };
                    stack.push((pos, c));
                }
                ']' | '}' if !stack.is_empty() => {
                    stack.pop();
                }
                _ => {}
            }
            if c != ' ' {
                prev = Some(c);
            }
            last = c;
        }
    }
    let (pos, c) = stack.pop().filter(|(p, _)| *p < at)?;
    let close = PAIRS.iter().find(|p| p.0 == c).map_or(']', |p| p.1);
    Some((pos, (c, close)))
}
