//! `print:` and `checklist:` in a publication's front matter, typed: a
//! misspelt key or an impossible margin is reported here, at its line,
//! instead of falling back to a default in silence when the page is drawn.

use crate::diagnostics::Diagnostic;
use crate::yaml::{Located, Node};
use serde::Serialize;

const PRINT_KEYS: &[&str] = &["size", "margins", "booklet"];
const CHECKLIST_KEYS: &[&str] = &["remember"];
/// No margin is wider than this (a third of an A4 page's width).
const MAX_MARGIN_MM: f32 = 70.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PaperSize {
    A4,
    A5,
    A6,
    Letter,
}

impl PaperSize {
    pub const ALL: [PaperSize; 4] = [Self::A4, Self::A5, Self::A6, Self::Letter];

    /// `A5`, `a5`, `Letter`...
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
    }

    /// As authors write it: `A4`, `A5`, `A6`, `letter`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::A5 => "A5",
            Self::A6 => "A6",
            Self::Letter => "letter",
        }
    }

    /// Width and height in millimetres.
    pub fn mm(self) -> (f32, f32) {
        match self {
            Self::A4 => (210.0, 297.0),
            Self::A5 => (148.0, 210.0),
            Self::A6 => (105.0, 148.0),
            Self::Letter => (215.9, 279.4),
        }
    }
}

/// Page margins, one to four lengths as in CSS (top, right, bottom, left),
/// held in millimetres.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Margins {
    values_mm: Vec<f32>,
}

impl Margins {
    /// Top, right, bottom and left, expanded as CSS does.
    pub fn sides_mm(&self) -> [f32; 4] {
        let v = &self.values_mm;
        let at = |i: usize| v.get(i).copied().unwrap_or(0.0);
        match v.len() {
            1 => [at(0); 4],
            2 => [at(0), at(1), at(0), at(1)],
            3 => [at(0), at(1), at(2), at(1)],
            _ => [at(0), at(1), at(2), at(3)],
        }
    }

    /// For CSS: `10mm 12mm`, as many values as the author wrote.
    pub fn css(&self) -> String {
        self.values_mm
            .iter()
            .map(|v| format!("{}mm", mm(*v)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `105`, `215.9`: millimetres as CSS wants them.
fn mm(v: f32) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// `print:`: each setting left out keeps the default for the kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PrintOptions {
    pub size: Option<PaperSize>,
    pub margins: Option<Margins>,
    pub booklet: Option<bool>,
}

/// `checklist:`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChecklistOptions {
    /// Keep ticks on the device (off by default: shared phones).
    pub remember: bool,
}

fn entries<'n>(
    v: &'n Node,
    key: &str,
    example: &str,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'n [(Node, Node)]> {
    if let Some(e) = v.entries() {
        return Some(e);
    }
    diags.push(at.shape_error(
        v,
        format!(
            "`{key}` must be a mapping of settings, not {}",
            v.kind_name()
        ),
        &format!("for example {key}: {example}"),
    ));
    None
}

fn bool_setting(key: &str, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<bool> {
    let b = v.as_bool();
    if b.is_none() {
        diags.push(at.error(v, format!("`{key}` must be true or false")));
    }
    b
}

pub fn parse_print(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> PrintOptions {
    let mut p = PrintOptions::default();
    let Some(entries) = entries(v, "print", "{ size: A5, margins: 18mm 16mm }", at, diags) else {
        return p;
    };
    for (k, v) in entries {
        match k.as_text().unwrap_or("") {
            "size" => match v.as_text().and_then(PaperSize::parse) {
                Some(s) => p.size = Some(s),
                None => diags.push(
                    at.error(
                        v,
                        format!("unknown paper size `{}`", v.as_text().unwrap_or("")),
                    )
                    .with_hint("size is one of: A4, A5, A6, letter"),
                ),
            },
            "margins" => p.margins = parse_margins(v, at, diags),
            "booklet" => p.booklet = bool_setting("booklet", v, at, diags),
            name => diags.push(at.unknown_key(
                k,
                PRINT_KEYS,
                format!("unknown key `{name}` in `print:`"),
                None,
            )),
        }
    }
    p
}

pub fn parse_checklist(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> ChecklistOptions {
    let mut c = ChecklistOptions::default();
    let Some(entries) = entries(v, "checklist", "{ remember: true }", at, diags) else {
        return c;
    };
    for (k, v) in entries {
        match k.as_text().unwrap_or("") {
            "remember" => c.remember = bool_setting("remember", v, at, diags).unwrap_or(false),
            name => diags.push(at.unknown_key(
                k,
                CHECKLIST_KEYS,
                format!("unknown key `{name}` in `checklist:`"),
                None,
            )),
        }
    }
    c
}

/// `18mm 16mm`, `2cm`, `0.5in 0.75in`, or a list of them.
fn parse_margins(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<Margins> {
    // (text, the node it is in, its character offset there)
    let mut parts: Vec<(String, &Node, usize)> = Vec::new();
    match (v.items(), v.as_text()) {
        (Some(items), _) => {
            for item in items {
                parts.push((item.as_text().unwrap_or("").to_string(), item, 0));
            }
        }
        (None, Some(text)) => {
            let mut offset = 0;
            for word in text.split(' ') {
                if !word.is_empty() {
                    parts.push((word.to_string(), v, offset));
                }
                offset += word.chars().count() + 1;
            }
        }
        (None, None) => {}
    }
    if parts.is_empty() || parts.len() > 4 {
        diags.push(
            at.error(v, "`margins` must be one to four lengths, as in CSS")
                .with_hint("margins: 18mm 16mm (top and bottom, then left and right)"),
        );
        return None;
    }
    let mut values_mm = Vec::new();
    for (text, node, offset) in &parts {
        match length_mm(text) {
            Ok(mm) => values_mm.push(mm),
            Err(why) => {
                let mut d = at.error(node, format!("margin `{text}` {why}"));
                d.col += offset;
                d.width = text.chars().count().max(1);
                diags.push(d.with_hint(
                    "write lengths such as 18mm, 1.5cm, 0.75in or 12pt, between 0 and 70mm",
                ));
                return None;
            }
        }
    }
    Some(Margins { values_mm })
}

/// A length in millimetres, or why it is not one.
fn length_mm(text: &str) -> Result<f32, String> {
    let split = text
        .rfind(|c: char| c.is_ascii_digit() || c == '.')
        .map_or(0, |i| i + 1);
    let (number, unit) = text.split_at(split);
    if number.contains(',') {
        return Err(format!(
            "has a comma; write a decimal point: `{}`",
            text.replace(',', ".")
        ));
    }
    // Digits only: Rust would also read `NaN` and `inf` as numbers.
    let numeric = !number.is_empty()
        && number
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    let value: f64 = match number.parse() {
        Ok(v) if numeric => v,
        _ => return Err("is not a number followed by a unit".into()),
    };
    let factor = match unit {
        "mm" => 1.0,
        "cm" => 10.0,
        "in" => 25.4,
        "pt" => 25.4 / 72.0,
        "" if value == 0.0 => 1.0,
        "" => return Err("has no unit".into()),
        other => {
            return Err(format!(
                "has the unit `{other}`, which is not one of mm, cm, in, pt"
            ));
        }
    };
    let mm = value * factor;
    if mm < 0.0 {
        return Err("must not be negative".into());
    }
    if !mm.is_finite() || mm > f64::from(MAX_MARGIN_MM) {
        return Err(format!("is wider than {MAX_MARGIN_MM}mm"));
    }
    Ok(mm as f32)
}

/// Margins that leave less than half the page across or down.
pub fn check_fits(p: &PrintOptions, default: PaperSize) -> Option<String> {
    let m = p.margins.as_ref()?.sides_mm();
    let (w, h) = p.size.unwrap_or(default).mm();
    if m[1] + m[3] > w / 2.0 || m[0] + m[2] > h / 2.0 {
        return Some(format!(
            "these margins leave less than half of a {} page ({}mm by {}mm) for the text",
            p.size.unwrap_or(default).as_str(),
            mm(w),
            mm(h)
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        assert_eq!(length_mm("18mm"), Ok(18.0));
        assert_eq!(length_mm("1.5cm"), Ok(15.0));
        assert_eq!(length_mm("1in"), Ok(25.4));
        assert_eq!(length_mm("0"), Ok(0.0));
        assert_eq!(length_mm("72pt"), Ok(25.4));
        assert_eq!(length_mm("18"), Err("has no unit".into()));
        assert_eq!(length_mm("1e30mm"), Err("is wider than 70mm".into()));
        assert_eq!(length_mm("1e400mm"), Err("is wider than 70mm".into()));
        assert_eq!(
            length_mm("NaNmm"),
            Err("is not a number followed by a unit".into())
        );
        assert_eq!(
            length_mm("infmm"),
            Err("is not a number followed by a unit".into())
        );
        assert_eq!(length_mm("-5mm"), Err("must not be negative".into()));
        assert_eq!(length_mm("80mm"), Err("is wider than 70mm".into()));
        assert_eq!(
            length_mm("2,5cm"),
            Err("has a comma; write a decimal point: `2.5cm`".into())
        );
        assert_eq!(
            length_mm("2px"),
            Err("has the unit `px`, which is not one of mm, cm, in, pt".into())
        );
    }

    #[test]
    fn margins_as_css() {
        let m = Margins {
            values_mm: vec![10.0, 12.5],
        };
        assert_eq!(m.css(), "10mm 12.5mm");
        assert_eq!(m.sides_mm(), [10.0, 12.5, 10.0, 12.5]);
        let m = Margins {
            values_mm: vec![1.0, 2.0, 3.0],
        };
        assert_eq!(m.sides_mm(), [1.0, 2.0, 3.0, 2.0]);
    }

    #[test]
    fn paper_sizes() {
        assert_eq!(PaperSize::parse("a5"), Some(PaperSize::A5));
        assert_eq!(PaperSize::parse("Letter"), Some(PaperSize::Letter));
        assert_eq!(PaperSize::parse("B5"), None);
        assert_eq!(PaperSize::A6.mm(), (105.0, 148.0));
    }
}
