//! YAML read into a small tree that remembers where each value was written,
//! so `site.yaml` and front matter report every problem at its own line and
//! column (serde's YAML gives positions for syntax errors only).
//!
//! The events come from `saphyr-parser` (maintained, YAML 1.2, a span on
//! every event, and a pull parser: nothing is built that we do not ask for).
//! The tree is built with an explicit stack, nesting is limited to
//! [`MAX_DEPTH`] and alias expansion to [`MAX_NODES`], so hostile input costs
//! time linear in its size.

mod explain;
mod lint;
mod report;

pub use explain::explain;
pub use lint::{describe_char, find_leftovers};
pub use report::Located;

use saphyr_parser::{Event, Parser, ScanError, Span};
use std::collections::HashMap;

/// Deeper nesting than any front matter or site.yaml needs; a limit keeps
/// `[[[[...` from costing time (or stack) in proportion to its depth.
pub const MAX_DEPTH: usize = 64;
/// Values in one document after aliases are expanded (an "alias bomb" of a
/// few lines would otherwise stand for billions).
pub const MAX_NODES: usize = 100_000;

/// 1-based line and column (in characters) in the YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    fn of(m: &saphyr_parser::Marker) -> Self {
        Pos {
            line: m.line(),
            col: m.col() + 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    /// Characters to underline from `pos` (the node's first line).
    pub width: usize,
    pub data: Data,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    Scalar(Scalar),
    Seq(Vec<Node>),
    /// Entries in the order written, duplicates kept (see [`duplicate_keys`]).
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The text as written (quotes removed); `1.10` stays `1.10`.
    pub text: String,
    /// Plain (unquoted, not a block scalar): only these are numbers,
    /// booleans or null.
    pub plain: bool,
    /// An explicit tag's suffix (`str` for `!!str`).
    pub tag: Option<String>,
}

/// Why the text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The parser's own complaint, kept in `raw`.
    Syntax,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Aliases expand to more than [`MAX_NODES`] values.
    TooBig,
    /// A second document (`---`) in the same text.
    SecondDocument,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub pos: Pos,
    pub kind: ErrorKind,
    /// The parser's message, for experts (empty for our own limits).
    pub raw: String,
}

impl Node {
    pub fn scalar(&self) -> Option<&Scalar> {
        match &self.data {
            Data::Scalar(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.scalar().is_some_and(|s| {
            s.plain
                && s.tag.as_deref().is_none_or(|t| t == "null")
                && matches!(s.text.as_str(), "" | "~" | "null" | "Null" | "NULL")
        })
    }

    /// The text of a scalar that is not null: numbers and booleans as written.
    pub fn as_text(&self) -> Option<&str> {
        match self.scalar() {
            Some(s) if !self.is_null() => Some(&s.text),
            _ => None,
        }
    }

    /// Plain, untagged text a resolver may read as another type.
    fn plain_text(&self) -> Option<&str> {
        self.scalar()
            .filter(|s| s.plain && s.tag.as_deref() != Some("str"))
            .map(|s| s.text.as_str())
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.plain_text()? {
            "true" | "True" | "TRUE" => Some(true),
            "false" | "False" | "FALSE" => Some(false),
            _ => None,
        }
    }

    /// A whole number as YAML 1.2 writes one (`12`, `-3`, `0x1f`, `0o17`).
    pub fn as_i64(&self) -> Option<i64> {
        let t = self.plain_text()?;
        if let Some(h) = t.strip_prefix("0x") {
            return i64::from_str_radix(h, 16).ok();
        }
        if let Some(o) = t.strip_prefix("0o") {
            return i64::from_str_radix(o, 8).ok();
        }
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    }

    pub fn as_f64(&self) -> Option<f64> {
        if let Some(i) = self.as_i64() {
            return Some(i as f64);
        }
        let t = self.plain_text()?;
        match t.trim_start_matches(['-', '+']) {
            ".inf" | ".Inf" | ".INF" => {
                return Some(if t.starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                });
            }
            ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
            _ => {}
        }
        let number = t.bytes().any(|b| b.is_ascii_digit())
            && t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
        if number { t.parse().ok() } else { None }
    }

    pub fn entries(&self) -> Option<&[(Node, Node)]> {
        match &self.data {
            Data::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.data {
            Data::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The value of the first entry whose key is `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()?
            .iter()
            .find(|(k, _)| k.as_text() == Some(key))
            .map(|(_, v)| v)
    }

    /// "a list", "a mapping", "text": what an author would call it.
    pub fn kind_name(&self) -> &'static str {
        match &self.data {
            Data::Seq(_) => "a list",
            Data::Map(_) => "a mapping",
            Data::Scalar(_) if self.is_null() => "empty",
            Data::Scalar(_) if self.as_bool().is_some() => "true or false",
            Data::Scalar(_) if self.as_f64().is_some() => "a number",
            Data::Scalar(_) => "text",
        }
    }

    /// The same value for templates (`extra:`), resolved as YAML 1.2 does.
    pub fn to_value(&self) -> serde_yaml::Value {
        use serde_yaml::Value;
        match &self.data {
            Data::Seq(items) => Value::Sequence(items.iter().map(Node::to_value).collect()),
            Data::Map(entries) => Value::Mapping(
                entries
                    .iter()
                    .map(|(k, v)| (k.to_value(), v.to_value()))
                    .collect(),
            ),
            Data::Scalar(s) => {
                if self.is_null() {
                    Value::Null
                } else if let Some(b) = self.as_bool() {
                    Value::Bool(b)
                } else if let Some(i) = self.as_i64() {
                    Value::Number(i.into())
                } else if let Some(f) = self.as_f64() {
                    Value::Number(f.into())
                } else {
                    Value::String(s.text.clone())
                }
            }
        }
    }
}

/// Every key written a second time in any mapping, with where the first
/// one is.
pub fn duplicate_keys(root: &Node) -> Vec<(&Node, Pos)> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        match &n.data {
            Data::Scalar(_) => {}
            Data::Seq(items) => stack.extend(items),
            Data::Map(entries) => {
                let mut seen: HashMap<&str, Pos> = HashMap::new();
                for (k, v) in entries {
                    if let Some(t) = k.as_text() {
                        match seen.get(t) {
                            Some(first) => out.push((k, *first)),
                            None => {
                                seen.insert(t, k.pos);
                            }
                        }
                    }
                    stack.push(v);
                }
            }
        }
    }
    out.sort_by_key(|(k, _)| k.pos);
    out
}

/// One collection being built.
enum Frame {
    Seq(Node, usize),
    Map(Node, usize, Option<Node>),
}

/// Reads one YAML document. Empty text (or only comments) is `Ok(None)`.
pub fn parse(text: &str) -> Result<Option<Node>, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut nodes = 0usize;
    let mut root = None;
    let mut documents = 0;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(syntax)?;
        let pos = Pos::of(&span.start);
        let (node, anchor) = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(error(pos, ErrorKind::SecondDocument));
                }
                continue;
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error(pos, ErrorKind::TooDeep));
                }
                let data = if matches!(event, Event::SequenceStart(..)) {
                    Data::Seq(Vec::new())
                } else {
                    Data::Map(Vec::new())
                };
                let node = Node {
                    pos,
                    width: 1,
                    data,
                };
                stack.push(match node.data {
                    Data::Seq(_) => Frame::Seq(node, anchor),
                    _ => Frame::Map(node, anchor, None),
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq(n, a) | Frame::Map(n, a, _)) => (n, a),
                None => continue,
            },
            Event::Scalar(text, style, anchor, tag) => {
                let width = scalar_width(&span);
                let scalar = Scalar {
                    text: text.into_owned(),
                    plain: style == saphyr_parser::ScalarStyle::Plain,
                    tag: tag.map(|t| t.suffix.clone()),
                };
                let data = Data::Scalar(scalar);
                (Node { pos, width, data }, anchor)
            }
            Event::Alias(id) => {
                let Some((target, size)) = anchors.get(&id) else {
                    continue;
                };
                nodes += size;
                if nodes > MAX_NODES {
                    return Err(error(pos, ErrorKind::TooBig));
                }
                let mut copy = target.clone();
                copy.pos = pos;
                (copy, 0)
            }
            _ => continue,
        };
        nodes += 1;
        if nodes > MAX_NODES {
            return Err(error(pos, ErrorKind::TooBig));
        }
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), count(&node)));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq(seq, _)) => {
                if let Data::Seq(items) = &mut seq.data {
                    items.push(node);
                }
            }
            Some(Frame::Map(map, _, key)) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if let Data::Map(entries) = &mut map.data {
                        entries.push((k, node));
                    }
                }
            },
        }
    }
    Ok(root)
}

fn count(node: &Node) -> usize {
    match &node.data {
        Data::Scalar(_) => 1,
        Data::Seq(items) => 1 + items.iter().map(count).sum::<usize>(),
        Data::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| count(k) + count(v))
                .sum::<usize>()
        }
    }
}

fn scalar_width(span: &Span) -> usize {
    if span.end.line() == span.start.line() {
        span.end.col().saturating_sub(span.start.col()).max(1)
    } else {
        1
    }
}

fn error(pos: Pos, kind: ErrorKind) -> YamlError {
    YamlError {
        pos,
        kind,
        raw: String::new(),
    }
}

fn syntax(e: ScanError) -> YamlError {
    let kind = if e.info() == "recursion limit exceeded" {
        ErrorKind::TooDeep
    } else {
        ErrorKind::Syntax
    };
    YamlError {
        pos: Pos::of(e.marker()),
        kind,
        raw: e.info().to_string(),
    }
}

#[cfg(test)]
mod tests;
