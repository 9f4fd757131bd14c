//! Reading one `values.yaml`: each entry's label, kind, value and
//! verification date, every problem at its line.

use super::ValueKind;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::yaml::{Located, Node};
use std::collections::BTreeMap;

const KEYS: &[&str] = &["label", "kind", "value", "verified"];

/// Text for all languages, or per language code.
#[derive(Debug, Default, Clone)]
pub(super) struct PerLanguage {
    pub(super) all: Option<String>,
    pub(super) by_code: BTreeMap<String, String>,
}

impl PerLanguage {
    pub(super) fn get(&self, code: &str) -> Option<&str> {
        self.by_code
            .get(code)
            .or(self.all.as_ref())
            .map(String::as_str)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.all.is_none() && self.by_code.is_empty()
    }
}

/// One entry as written in one file.
#[derive(Debug, Default, Clone)]
pub(super) struct Entry {
    pub(super) label: PerLanguage,
    pub(super) kind: Option<ValueKind>,
    pub(super) value: PerLanguage,
    pub(super) verified: Option<String>,
    /// The line of the entry's name, and the line and column of its value.
    pub(super) line: usize,
    pub(super) value_at: Option<(usize, usize)>,
}

/// A name `{{...}}` can use: a letter, then letters, digits, `-` or `_`.
/// What is between `{{` and `}}`, when it is no local value's name
/// (`{{ hotline }}` is one): template code of Hugo or Jekyll.
pub fn is_expression(inner: &str) -> bool {
    !valid_name(inner.trim_matches(' '))
}

pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Every entry of one file, by name. `own`: the site's own file, whose
/// language codes must be the site's (the base may have more languages).
pub(super) fn file(
    text: &str,
    at: &Located,
    config: &Config,
    own: bool,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    let Ok(Some(root)) = at.read(text, diags) else {
        return out;
    };
    let Some(entries) = root.entries() else {
        diags.push(at.shape_error(
            &root,
            "values.yaml must be a mapping of names to values".into(),
            "hotline: { label: { en: National hotline }, kind: phone }",
        ));
        return out;
    };
    for (k, v) in entries {
        let name = k.as_text().unwrap_or("");
        if !valid_name(name) {
            diags.push(
                at.error(k, format!("`{name}` cannot name a value"))
                    .with_hint(
                        "start with a letter; use letters, digits, `-` and `_`: emergency_number",
                    ),
            );
            continue;
        }
        let mut entry = Entry {
            line: k.pos.line + at.line_offset,
            ..Entry::default()
        };
        match v.entries() {
            Some(fields) => {
                for (fk, fv) in fields {
                    field(&mut entry, fk, fv, at, config, own, diags);
                }
            }
            // `hotline: "+227 ..."`: a value alone.
            None if v.scalar().is_some() => {
                entry.value = per_language("value", v, at, config, own, diags);
                entry.value_at = Some((v.pos.line + at.line_offset, v.pos.col));
            }
            None => diags.push(at.shape_error(
                v,
                format!("`{name}` must be a mapping"),
                "hotline: { value: \"+000 00 00 00\", verified: 2026-11-01 }",
            )),
        }
        out.insert(name.to_string(), entry);
    }
    out
}

fn field(
    entry: &mut Entry,
    k: &Node,
    v: &Node,
    at: &Located,
    config: &Config,
    own: bool,
    diags: &mut Vec<Diagnostic>,
) {
    match k.as_text().unwrap_or("") {
        "label" => entry.label = per_language("label", v, at, config, own, diags),
        "kind" => entry.kind = kind(v, at, diags),
        "value" => {
            entry.value = per_language("value", v, at, config, own, diags);
            entry.value_at = Some((v.pos.line + at.line_offset, v.pos.col));
        }
        "verified" => match v.as_text() {
            Some(d) if crate::content::front_matter::is_date(d) => {
                entry.verified = Some(d.to_string());
            }
            _ => diags.push(
                at.error(
                    v,
                    crate::content::front_matter::date_message("verified", v.as_text()),
                )
                .with_hint(format!(
                    "the day someone last checked the value; {}",
                    crate::content::front_matter::date_hint("verified", v.as_text())
                )),
            ),
        },
        other => diags.push(at.unknown_key(
            k,
            KEYS,
            format!("unknown key `{other}` in values.yaml"),
            None,
        )),
    }
}

fn kind(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<ValueKind> {
    let k = match v.as_text() {
        Some("text") => ValueKind::Text,
        Some("phone") => ValueKind::Phone,
        Some("email") => ValueKind::Email,
        Some("url") => ValueKind::Url,
        Some("date") => ValueKind::Date,
        _ => {
            diags.push(
                at.error(v, "`kind` must be text, phone, email, url or date")
                    .with_hint("kind: phone"),
            );
            return None;
        }
    };
    Some(k)
}

/// Text, or a map from language code to text. Empty text counts as unset.
fn per_language(
    key: &str,
    v: &Node,
    at: &Located,
    config: &Config,
    own: bool,
    diags: &mut Vec<Diagnostic>,
) -> PerLanguage {
    let mut out = PerLanguage::default();
    if v.is_null() {
        return out;
    }
    if let Some(s) = v.as_text() {
        out.all = Some(s.trim().to_string()).filter(|s| !s.is_empty());
        return out;
    }
    let Some(entries) = v.entries() else {
        diags.push(
            at.error(
                v,
                format!("`{key}` must be text, or a map from language code to text"),
            )
            .with_hint(format!("{key}: {{ en: ..., fr: ... }}")),
        );
        return out;
    };
    for (k, t) in entries {
        let code = k.as_text().unwrap_or("");
        if config.language(code).is_none() {
            if own {
                diags.push(at.warning(
                    k,
                    format!("{key} given for `{code}`, which is not a listed language"),
                ));
            }
            continue;
        }
        match t.as_text() {
            Some(s) if !s.trim().is_empty() => {
                out.by_code.insert(code.to_string(), s.trim().to_string());
            }
            Some(_) => {}
            None if t.is_null() => {}
            None => diags.push(at.error(t, format!("`{key}` entries must be `code: text`"))),
        }
    }
    out
}

/// Straight and typographic quotes.
const QUOTES: &str = "\"'“”„‘’‚«»‹›";

/// The ASCII digit a phone number's digit dials: `c` itself, or an
/// Arabic-Indic (U+0660-U+0669) or Extended Arabic-Indic (Persian, Urdu:
/// U+06F0-U+06F9) digit, as Arabic and Persian writers type them.
pub fn dial_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => return Some(c),
        '\u{660}'..='\u{669}' => 0x660,
        '\u{6f0}'..='\u{6f9}' => 0x6f0,
        _ => return None,
    };
    char::from_digit(u32::from(c) - zero, 10)
}

/// Why `value` cannot be a value of `kind`, if it cannot.
pub(super) fn problem(kind: ValueKind, value: &str) -> Option<&'static str> {
    // An override or embedding reverses or reorders the page's text after
    // the value, not only the value's own (marks like U+200F are fine).
    if value
        .chars()
        .any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    {
        return Some(
            "a value may not hold a bidirectional override or isolate (U+202A to U+202E, U+2066 to U+2069): it would reorder the text around it",
        );
    }
    match kind {
        ValueKind::Text => None,
        ValueKind::Phone => {
            let digits = value.chars().filter(|&c| dial_digit(c).is_some()).count();
            let allowed = value
                .chars()
                .all(|c| dial_digit(c).is_some() || " +-.()/".contains(c));
            let plus_first = value.rfind('+').is_none_or(|p| p == 0);
            (!(allowed && plus_first && digits >= 2))
                .then_some("a phone number is digits (0-9, or Arabic-Indic ٠-٩ or ۰-۹), with `+` first and spaces, `-`, `.`, `/` or brackets between")
        }
        // Quotes a word processor typed around the value (`“x@y.org”`)
        // would be part of the link, which then leads nowhere; so would
        // a `mailto:` written in (`mailto:mailto:x@y.org`).
        ValueKind::Email => {
            let ok = value.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.contains('@')
            }) && !value
                .chars()
                .any(|c| c.is_whitespace() || "<>:;,()[]\\".contains(c) || QUOTES.contains(c));
            (!ok).then_some(
                "an e-mail address is name@example.org, without quotes (a word processor types them) or `mailto:`",
            )
        }
        ValueKind::Url => {
            let ok = (value.starts_with("https://") || value.starts_with("http://"))
                && !value
                    .chars()
                    .any(|c| c.is_whitespace() || "<>".contains(c) || QUOTES.contains(c));
            (!ok).then_some(
                "a web address starts with https:// and has no spaces or quotes (a word processor types them)",
            )
        }
        ValueKind::Date => (!crate::content::front_matter::is_date(value))
            .then_some("a date is written YYYY-MM-DD"),
    }
}
