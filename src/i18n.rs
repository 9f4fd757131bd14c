//! Interface strings (`templates/i18n/<lang>.ftl`, Fluent), with fallback to
//! the default language. Fluent gives translators real plural rules (Arabic
//! has six forms) in a format their tools know.

use crate::config::LangId;
use crate::config::{Config, Direction};
use crate::diagnostics::Diagnostic;
use crate::markdown::{Label, Labels};
use crate::theme::Theme;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::BTreeSet;
use std::path::PathBuf;

pub struct I18n {
    bundles: Vec<FluentBundle<FluentResource>>,
    keys: Vec<BTreeSet<String>>,
    default: LangId,
    default_code: String,
    /// Where a string missing in the default language too comes from: the
    /// site's English, else the theme's own English strings, kept after
    /// the site's languages (a Thai-only site, whose default language has
    /// no strings of its own, shows the theme's English ones).
    base: LangId,
    /// Each language's code and direction, in the site's order: what a
    /// string's language is marked with when it differs from the page's.
    langs: Vec<(String, Direction)>,
    /// The ids the theme's templates give their own elements (`main`,
    /// `search-box`): a page's Markdown must not take them.
    theme_ids: std::sync::Arc<[String]>,
    /// Each language's strings that take no arguments, formatted once:
    /// templates ask for the same few dozen on every page, and formatting
    /// them each time was a fiftieth of a large build's CPU time.
    plain: Vec<std::collections::HashMap<String, String>>,
}

/// The interface-string files a language code reads, in order: its own,
/// then its language's when the rest of the code names only a region
/// (`pt-BR`, `es-419`: `pt`, `es`), never another script (`ha-Arab` does
/// not read Hausa in Latin letters).
fn file_codes(code: &str) -> Vec<String> {
    let mut out = vec![code.to_string()];
    if let Some((base, rest)) = code.split_once(['-', '_'])
        && rest.split(['-', '_']).all(|t| {
            (t.len() == 2 && t.bytes().all(|b| b.is_ascii_alphabetic()))
                || (t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit()))
        })
    {
        out.push(base.to_string());
    }
    // A code CLDR writes otherwise (`prs` Dari is `fa-AF`, `ara` is `ar`):
    // then the strings of the language it stands for.
    if let Ok(tag) = code.parse::<icu_locale_core::LanguageIdentifier>()
        && let canonical = crate::config::canonical(&tag)
        && canonical.language != tag.language
    {
        for c in [canonical.to_string(), canonical.language.to_string()] {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

impl I18n {
    pub fn load(theme: &Theme, config: &Config, diags: &mut Vec<Diagnostic>) -> Self {
        let builtin = Theme::builtin();
        let mut bundles = Vec::new();
        let mut keys = Vec::new();
        for lang in &config.languages {
            // Plural rules by the code CLDR knows (`prs` as `fa-AF`).
            let known = lang
                .code
                .parse()
                .map(|t| crate::config::canonical(&t).to_string());
            let id: unic_langid::LanguageIdentifier =
                known.unwrap_or_default().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            let mut lang_keys = BTreeSet::new();
            // Built-in strings first, then the site's file over them, key by
            // key; for a regional variant (`pt-BR`), its language's file
            // when it has none of its own.
            let codes = file_codes(&lang.code);
            let mut layers: Vec<(&[u8], bool, String)> = Vec::new();
            if let Some((b, code)) = codes
                .iter()
                .find_map(|c| builtin.strings(c).map(|b| (b, c)))
            {
                layers.push((b, false, format!("i18n/{code}.ftl")));
            }
            if let Some((s, file)) = codes.iter().find_map(|c| {
                let file = format!("i18n/{c}.ftl");
                theme
                    .overridden
                    .contains(&file)
                    .then(|| theme.strings(c))
                    .flatten()
                    .map(|s| (s, file))
            }) {
                layers.push((s, true, file));
            }
            for (bytes, site, file) in layers {
                let path = if site {
                    PathBuf::from(theme.display_path(&file))
                } else {
                    PathBuf::from(format!("templates/{file}"))
                };
                add_layer(&mut bundle, &mut lang_keys, bytes, &path, diags);
            }
            bundles.push(bundle);
            keys.push(lang_keys);
        }
        let default = config.default_index();
        let mut langs: Vec<(String, Direction)> = config
            .languages
            .iter()
            .map(|l| (l.code.clone(), l.dir))
            .collect();
        let base = match langs.iter().position(|(c, _)| c == "en") {
            Some(i) => LangId(i),
            None => {
                let (bundle, english) = builtin_english(&builtin, diags);
                bundles.push(bundle);
                keys.push(english);
                langs.push(("en".into(), Direction::Ltr));
                LangId(langs.len() - 1)
            }
        };
        // Readers of a language without strings see the default
        // language's, or English when it has none either.
        let fallback = if keys[default].is_empty() {
            langs[base.0].0.as_str()
        } else {
            config.default_language.as_str()
        };
        for (i, lang) in config.lang_ids().zip(&config.languages) {
            if keys[i].is_empty() && lang.code != fallback {
                diags.push(
                    // At the language in site.yaml: the .ftl file does not exist.
                    Diagnostic::warning("site.yaml", lang.at.0, lang.at.1, format!(
                        "no interface strings for `{}`; readers see them in `{fallback}`",
                        lang.code
                    ))
                    .with_hint(format!("create templates/i18n/{}.ftl: copy templates/i18n/en.ftl from the fieldguide repository and translate it", lang.code)),
                );
            }
        }
        let mut i18n = I18n {
            bundles,
            keys,
            default,
            default_code: config.default_language.clone(),
            base,
            langs,
            theme_ids: theme.ids().into(),
            plain: Vec::new(),
        };
        i18n.plain = i18n.plain_strings();
        i18n
    }

    fn has(&self, lang: LangId, key: &str) -> bool {
        self.bundles
            .get(lang.0)
            .and_then(|b| b.get_message(key))
            .is_some_and(|m| m.value().is_some())
    }

    fn format(&self, lang: LangId, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundles.get(lang.0)?;
        let msg = bundle.get_message(key)?;
        let pattern = msg.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }

    /// Every key of any language, formatted in each language as `get` does
    /// with no arguments (an empty list: a string that needs one shows its
    /// placeholder, as it would).
    fn plain_strings(&self) -> Vec<std::collections::HashMap<String, String>> {
        let all: BTreeSet<&String> = self.keys.iter().flatten().collect();
        let none = FluentArgs::new();
        (0..self.bundles.len())
            .map(|l| {
                all.iter()
                    .filter_map(|&k| {
                        Some((k.clone(), self.format_with(LangId(l), k, Some(&none)).ok()?))
                    })
                    .collect()
            })
            .collect()
    }

    /// The string in `lang`, else in the default language. `Err` names the
    /// missing key, which is a build error.
    pub fn get(
        &self,
        lang: LangId,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, String> {
        if let Some(s) = args
            .filter(|a| a.iter().next().is_none())
            .and_then(|_| self.plain.get(lang.0)?.get(key))
        {
            return Ok(s.clone());
        }
        self.format_with(lang, key, args)
    }

    fn format_with(
        &self,
        lang: LangId,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, String> {
        self.format(lang, key, args)
            .or_else(|| self.format(self.default, key, args))
            .or_else(|| self.format(self.base, key, args))
            .ok_or_else(|| {
                format!(
                    "missing interface string `{key}`: add it to templates/i18n/{}.ftl",
                    self.default_code
                )
            })
    }

    /// The language `get` takes `key` from for readers of `lang`: `lang`
    /// itself, or the default language when `lang` lacks it (no `.ftl` of
    /// its own, or a partial one). Templates mark a string from another
    /// language with its `lang` (and `dir`), so that screen readers
    /// pronounce it right. `Err` as for `get`.
    pub fn source(&self, lang: LangId, key: &str) -> Result<LangId, String> {
        if self.has(lang, key) {
            Ok(lang)
        } else if self.has(self.default, key) {
            Ok(self.default)
        } else if self.has(self.base, key) {
            Ok(self.base)
        } else {
            Err(format!(
                "missing interface string `{key}`: add it to templates/i18n/{}.ftl",
                self.default_code
            ))
        }
    }

    /// The code of language `i` (as in site.yaml).
    pub fn code(&self, i: LangId) -> &str {
        self.langs.get(i.0).map_or("", |(c, _)| c.as_str())
    }

    /// The direction of language `i`.
    pub fn dir(&self, i: LangId) -> Direction {
        self.langs.get(i.0).map_or(Direction::Ltr, |(_, d)| *d)
    }

    /// The index of the language with this code.
    pub fn index(&self, code: &str) -> Option<LangId> {
        self.langs.iter().position(|(c, _)| c == code).map(LangId)
    }

    /// For code paths where a missing string must not stop the build: the key itself.
    pub fn text(&self, lang: LangId, key: &str) -> String {
        self.get(lang, key, None)
            .unwrap_or_else(|_| key.to_string())
    }

    /// Keys of the default language that `lang` lacks.
    pub fn missing(&self, lang: LangId) -> Vec<String> {
        self.keys[self.default]
            .difference(&self.keys[lang])
            .cloned()
            .collect()
    }

    pub fn labels(&self, lang: LangId) -> Labels {
        Labels {
            note: self.label(lang, "callout-note"),
            tip: self.label(lang, "callout-tip"),
            important: self.label(lang, "callout-important"),
            warning: self.label(lang, "callout-warning"),
            caution: self.label(lang, "callout-caution"),
            footnotes: self.label(lang, "footnotes"),
            back_to_text: self.text(lang, "footnote-back"),
            table: self.text(lang, "table-label"),
            missing_image: self.label(lang, "missing-image"),
            to_fill_in: self.label(lang, "value-to-fill-in"),
            theme_ids: self.theme_ids.clone(),
        }
    }

    /// `key` in `lang`, marked with the language it really is in when it
    /// fell back to another.
    fn label(&self, lang: LangId, key: &str) -> Label {
        let text = self.text(lang, key);
        let attrs = self
            .source(lang, key)
            .map(|source| self.mark(source, self.code(lang)))
            .unwrap_or_default();
        Label { text, attrs }
    }

    /// ` lang="en"` (and ` dir="ltr"` when the directions differ) for a
    /// string in language `source` inside an element in language `within`
    /// (a code); nothing when they are the same. Codes are BCP 47 tags
    /// (letters, digits, hyphens): nothing in them needs escaping.
    pub fn mark(&self, source: LangId, within: &str) -> String {
        let within_dir = self.index(within).map(|w| self.dir(w));
        crate::config::lang_attrs(self.code(source), self.dir(source), within, within_dir)
    }
}

/// Adds the strings of one `.ftl` file (`bytes`, shown as `path` in
/// messages) over those already in `bundle`, and their keys to `keys`.
fn add_layer(
    bundle: &mut FluentBundle<FluentResource>,
    keys: &mut BTreeSet<String>,
    bytes: &[u8],
    path: &std::path::Path,
    diags: &mut Vec<Diagnostic>,
) {
    let text = match crate::text::decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::undecodable(path.to_path_buf(), e));
            return;
        }
    };
    let resource = match FluentResource::try_new(text.clone()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                let (l, c) = crate::text::line_col(&text, e.pos.start);
                diags.push(Diagnostic::error(
                    path,
                    l,
                    c,
                    format!("invalid Fluent syntax: {}", e.kind),
                ));
            }
            r
        }
    };
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            keys.insert(m.id.name.to_string());
        }
    }
    bundle.add_resource_overriding(resource);
}

/// The theme's own English strings, for a site without English whose
/// default language has none of its own.
fn builtin_english(
    builtin: &Theme,
    diags: &mut Vec<Diagnostic>,
) -> (FluentBundle<FluentResource>, BTreeSet<String>) {
    let id: unic_langid::LanguageIdentifier = "en".parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    let mut keys = BTreeSet::new();
    if let Some(bytes) = builtin.strings("en") {
        let path = std::path::Path::new("templates/i18n/en.ftl");
        add_layer(&mut bundle, &mut keys, bytes, path, diags);
    }
    (bundle, keys)
}

/// Converts a template value into a Fluent argument.
pub fn fluent_value(v: &tera::Value) -> FluentValue<'static> {
    if let Some(f) = v.as_f64() {
        return FluentValue::from(f);
    }
    match v.as_str() {
        Some(s) => FluentValue::from(s.to_string()),
        None => FluentValue::from(v.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strings formatted once are those formatting each time gives, in
    /// a language with its own strings, one without (the default's), and
    /// a right-to-left one.
    #[test]
    fn strings_formatted_once_read_as_formatted_each_time() {
        let yaml = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\n  - { code: xx, name: Other }\n";
        let (config, _) = crate::config::parse(yaml, std::path::Path::new("site.yaml"));
        let config = config.expect("a valid site.yaml");
        let i18n = I18n::load(&Theme::builtin(), &config, &mut Vec::new());
        let none = FluentArgs::new();
        let keys: BTreeSet<&String> = i18n.keys.iter().flatten().collect();
        assert!(keys.len() > 20);
        for l in config.lang_ids() {
            for &k in &keys {
                assert_eq!(
                    i18n.get(l, k, Some(&none)),
                    i18n.format_with(l, k, Some(&none)),
                    "{k}"
                );
            }
        }
        assert_eq!(i18n.plain.len(), 3);
    }

    #[test]
    fn a_regional_variant_reads_its_language_not_another_script() {
        assert_eq!(file_codes("pt-BR"), ["pt-BR", "pt"]);
        assert_eq!(file_codes("es-419"), ["es-419", "es"]);
        assert_eq!(file_codes("sw_KE"), ["sw_KE", "sw"]);
        assert_eq!(file_codes("fr"), ["fr"]);
        assert_eq!(file_codes("ha-Arab"), ["ha-Arab"]);
        assert_eq!(file_codes("zh-Hant-TW"), ["zh-Hant-TW"]);
        // Codes CLDR writes otherwise: the strings of the language meant.
        assert_eq!(file_codes("prs"), ["prs", "fa-AF", "fa"]);
        assert_eq!(file_codes("ara"), ["ara", "ar"]);
    }
}
