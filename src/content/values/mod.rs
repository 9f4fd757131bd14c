//! Named local values: `guidance/values.yaml` declares them (a label and a
//! kind) and may set them; a local edition sets them in its own
//! `values.yaml`, per language where it matters. Markdown uses them as
//! `{{hotline}}` (see `markdown::values`).
//!
//! A value in a language comes from the edition in that language, then the
//! base in that language, then the same in the default language; with none,
//! it is unset, and readers see a gap to fill in.

mod parse;

pub use parse::{dial_digit, is_expression, valid_name};

use super::load::ValuesText;
use crate::config::Config;
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use crate::yaml::Located;
use parse::Entry;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Text,
    Phone,
    Email,
    Url,
    Date,
}

impl ValueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Text => "text",
            ValueKind::Phone => "phone",
            ValueKind::Email => "email",
            ValueKind::Url => "url",
            ValueKind::Date => "date",
        }
    }
}

/// One named value, resolved for every language of the site.
#[derive(Debug, Clone)]
pub struct LocalValue {
    pub kind: ValueKind,
    /// What it is, per language index (the default language's, else the
    /// name, where a language has none).
    pub label: Vec<String>,
    /// The value per language index; `None` when unset.
    pub value: Vec<Option<String>>,
    /// The language each label (`label_lang`) and value (`value_lang`)
    /// is really in, per language index: the default language's where it
    /// fell back to it, else the language itself (also for text written
    /// once for every language, and for the name shown as a label).
    pub label_lang: Vec<LangId>,
    pub value_lang: Vec<LangId>,
    /// When someone last checked it (`verified:`), from whoever set it.
    pub verified: Option<String>,
    /// Where it is set (else declared), for reports.
    pub file: PathBuf,
    pub line: usize,
    /// Set by the site itself rather than inherited from its base.
    pub set_here: bool,
}

/// Every value, by name.
#[derive(Debug, Default, Clone)]
pub struct Values {
    pub by_name: BTreeMap<String, LocalValue>,
}

impl LocalValue {
    /// ` lang="en"` (and ` dir` when the directions differ) for the
    /// element showing the label on a page in `within`, when the label
    /// is in another language; else nothing.
    pub fn label_attrs(&self, config: &Config, within: LangId) -> String {
        config.mark(self.label_lang[within], within)
    }

    /// The same for the element showing the value. Only a text value can
    /// be right to left: the element showing another kind is always
    /// `dir="ltr"` already, and gets only the ` lang`.
    pub fn value_attrs(&self, config: &Config, within: LangId) -> String {
        let source = self.value_lang[within];
        match self.kind {
            ValueKind::Text => config.mark(source, within),
            _ if source == within => String::new(),
            _ => format!(" lang=\"{}\"", config.languages[source].code),
        }
    }
}

impl Values {
    pub fn get(&self, name: &str) -> Option<&LocalValue> {
        self.by_name.get(name)
    }

    pub fn names(&self) -> Vec<&str> {
        self.by_name.keys().map(String::as_str).collect()
    }

    /// The names of the values unset in language `lang`.
    pub fn unset(&self, lang: LangId) -> Vec<&str> {
        self.by_name
            .iter()
            .filter(|(_, v)| v.value[lang].is_none())
            .map(|(n, _)| n.as_str())
            .collect()
    }
}

/// Reads the values files (the base's, then the site's own) into values
/// for each of the site's languages.
pub fn build(texts: &[ValuesText], config: &Config, diags: &mut Vec<Diagnostic>) -> Values {
    let (mut base, mut own) = (None, None);
    for t in texts {
        let at = Located {
            rel: &t.rel,
            line_offset: 0,
            what: "values.yaml",
        };
        let entries = parse::file(&t.text, &at, config, !t.from_base, diags);
        let slot = if t.from_base { &mut base } else { &mut own };
        *slot = Some((t.rel.clone(), entries));
    }
    let empty = (PathBuf::new(), BTreeMap::new());
    let (base_rel, base) = base.unwrap_or_else(|| empty.clone());
    let (own_rel, own) = own.unwrap_or(empty);
    let mut names: Vec<&String> = base.keys().chain(own.keys()).collect();
    names.sort();
    names.dedup();
    let mut values = Values::default();
    for name in names {
        let layers = Layers {
            own: own.get(name).map(|e| (&own_rel, e)),
            base: base.get(name).map(|e| (&base_rel, e)),
        };
        if let (Some((rel, e)), None) = (layers.own, layers.base)
            && config.base_site.is_some()
            && e.kind.is_none()
            && e.label.is_empty()
        {
            let known: Vec<&str> = base.keys().map(String::as_str).collect();
            let hint = match crate::diagnostics::closest(name, &known) {
                Some(c) => format!("did you mean `{c}`?"),
                None => "declare it here with a `label` and a `kind`, or set one the base declares"
                    .to_string(),
            };
            diags.push(
                Diagnostic::error(
                    rel,
                    e.line,
                    1,
                    format!("`{name}` is not declared in the base's values.yaml"),
                )
                .with_hint(hint),
            );
            continue;
        }
        values
            .by_name
            .insert(name.clone(), layers.resolve(name, config, diags));
    }
    values
}

/// One value's entries in the site's own file and in its base's.
struct Layers<'a> {
    own: Option<(&'a PathBuf, &'a Entry)>,
    base: Option<(&'a PathBuf, &'a Entry)>,
}

impl Layers<'_> {
    /// Own before base; each first in the language, then in the default.
    /// Also whether it is own, and whether it fell back to the default
    /// (text for every language is found in the language itself).
    fn lookup<'e>(
        &'e self,
        code: &str,
        default: &str,
        field: impl Fn(&'e Entry) -> &'e parse::PerLanguage,
    ) -> Option<(&'e str, bool, bool)> {
        let order = [self.own.map(|o| (o, true)), self.base.map(|b| (b, false))];
        let find = |c: &str| {
            order
                .iter()
                .flatten()
                .find_map(|((_, e), own)| field(e).get(c).map(|t| (t, *own)))
        };
        find(code)
            .map(|(t, own)| (t, own, false))
            .or_else(|| find(default).map(|(t, own)| (t, own, code != default)))
    }

    fn resolve(&self, name: &str, config: &Config, diags: &mut Vec<Diagnostic>) -> LocalValue {
        let entries = [self.own, self.base];
        let entries = entries.iter().flatten();
        let kind = entries
            .clone()
            .find_map(|(_, e)| e.kind)
            .unwrap_or(ValueKind::Text);
        let default = &config.default_language;
        let (mut label, mut label_lang) = (Vec::new(), Vec::new());
        let (mut value, mut value_lang) = (Vec::new(), Vec::new());
        let mut set_here = false;
        for (l, lang) in config.lang_ids().zip(&config.languages) {
            let in_lang = |fell_back: bool| if fell_back { config.default_index() } else { l };
            let lb = self.lookup(&lang.code, default, |e| &e.label);
            label.push(lb.map_or_else(|| name.to_string(), |(t, _, _)| t.to_string()));
            label_lang.push(in_lang(lb.is_some_and(|(_, _, f)| f)));
            let v = self.lookup(&lang.code, default, |e| &e.value);
            set_here |= v.is_some_and(|(_, own, _)| own);
            value.push(v.map(|(t, _, _)| published(kind, t)));
            value_lang.push(in_lang(v.is_some_and(|(_, _, f)| f)));
        }
        if label.iter().all(|l| l == name)
            && let Some((rel, e)) = entries.clone().last()
        {
            diags.push(
                Diagnostic::warning(*rel, e.line, 1, format!("the value `{name}` has no label"))
                    .with_hint("readers see the label where the value is missing: label: { en: National hotline }"),
            );
        }
        // Whoever set the value says when it was checked, and where it is.
        let setter = entries
            .clone()
            .find(|(_, e)| !e.value.is_empty())
            .or(entries.clone().last());
        let (file, line, verified) = setter.map_or((PathBuf::new(), 0, None), |(rel, e)| {
            (
                (*rel).clone(),
                e.value_at.map_or(e.line, |a| a.0),
                e.verified.clone(),
            )
        });
        for (rel, e) in entries {
            check_kind(name, kind, rel, e, diags);
        }
        LocalValue {
            kind,
            label,
            value,
            label_lang,
            value_lang,
            verified,
            file,
            line,
            set_here,
        }
    }
}

/// A url value wrapped by a click tracker is published as the address
/// inside, as a Markdown link's is (`markdown::link_html`): kept, every
/// reader's click on every page showing it told the tracker, and a Safe
/// Link's mailbox was its text.
fn published(kind: ValueKind, t: &str) -> String {
    match crate::address::tracked(t) {
        Some((_, inner)) if kind == ValueKind::Url => inner,
        _ => t.to_string(),
    }
}

fn check_kind(name: &str, kind: ValueKind, rel: &PathBuf, e: &Entry, diags: &mut Vec<Diagnostic>) {
    let texts = e.value.all.iter().chain(e.value.by_code.values());
    let (line, col) = e.value_at.unwrap_or((e.line, 1));
    for t in texts {
        if let Some(why) = parse::problem(kind, t) {
            diags.push(
                Diagnostic::error(
                    rel,
                    line,
                    col,
                    format!("`{t}` is not a valid {} for `{name}`", kind.as_str()),
                )
                .with_hint(why),
            );
        } else if kind == ValueKind::Url {
            diags.extend(unseen_in_address(t, rel, line, col));
        }
    }
}

/// A url value is published as a link, on every page that shows it: what
/// its text hides is said as it is of a Markdown link
/// (`crate::address`), at the value.
fn unseen_in_address(url: &str, rel: &PathBuf, line: usize, col: usize) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some((shown, host)) = crate::address::user_name_in(url) {
        out.push(
            Diagnostic::warning(rel, line, col, format!("`{url}` leads to `{host}`, not to `{shown}`: what comes before `@` in an address is a user name, which makes a link look like another site's"))
                .with_hint("write the site's own address"),
        );
    }
    // An override is refused by `parse::problem` already.
    if let Some((c, false)) = crate::address::unseen(url) {
        out.push(
            Diagnostic::warning(rel, line, col, format!("`{url}` holds U+{:04X}, which takes no room on screen: the address looks like one without it", u32::from(c)))
                .with_hint("delete it (a word processor put it there)"),
        );
    }
    if let Some((who, inner)) = crate::address::tracked(url) {
        out.push(
            Diagnostic::warning(rel, line, col, format!("`{url}` goes through {who}"))
                .with_hint(format!("write the address itself: `{inner}` (links copied from an e-mail or a Google document are wrapped so); it is published as that address, so that no reader's click goes through the wrapper")),
        );
    }
    out
}

#[cfg(test)]
mod tests;
