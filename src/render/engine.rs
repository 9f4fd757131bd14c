//! The template engine: the theme's Tera templates compiled once, with
//! the functions they call (`t()` and its kin for the interface strings,
//! `css_string`), and Tera's errors as our diagnostics.

use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use crate::i18n::{I18n, fluent_value};
use crate::theme::Theme;
use fluent_bundle::FluentArgs;
use std::sync::Arc;
use tera::{Kwargs, State, StringInput, Tera};

/// Compiles the theme's templates and registers `t()`.
pub fn templates(
    theme: &Theme,
    i18n: Arc<I18n>,
    codes: Vec<String>,
    default: LangId,
    diags: &mut Vec<Diagnostic>,
) -> Option<Tera> {
    let mut tera = Tera::new();
    let mut sources = Vec::new();
    let before = diags.len();
    for (name, bytes) in theme.templates() {
        match crate::text::decode(bytes) {
            Ok(text) => {
                // The built-in theme contacts no other host (a unit test
                // holds it); a site's own template is checked.
                if theme.overridden.contains(name) && name.ends_with(".html") {
                    let shown = std::path::PathBuf::from(theme.display_path(name));
                    diags.extend(super::connects::check(&shown, &text));
                }
                sources.push((name.to_string(), text))
            }
            Err(e) => diags.push(Diagnostic::undecodable(theme.display_path(name), e)),
        }
    }
    // Tera would add its own error for each template that extends or
    // includes one left out (`'404.html' is inheriting from 'base.html',
    // which doesn't exist`), naming another file than the one to fix.
    if sources.len() < theme.templates().count() {
        return None;
    }
    register_functions(&mut tera, i18n, codes, default);
    if let Err(e) = tera.add_raw_templates(sources) {
        diags.push(template_error(theme, &e, None));
        return None;
    }
    // A template that contacts another host is not used.
    (!diags[before..]
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error))
    .then_some(tera)
}

/// A value as a CSS string literal, safe inside `<style>`.
fn css_string(value: &str, _: Kwargs, _: &State) -> tera::Value {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' => {
                out.push_str(&format!("\\{:x} ", c as u32))
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    tera::Value::safe_string(&out)
}

/// Tera's own `replace` filter, to the letter, but finding `from` with
/// memchr's vectorised search: the default theme replaces `<pre>` in
/// every page's content, and `str::replace` took a seventh of the time
/// spent in templates (perf, 10,000 x 3).
fn replace(val: StringInput, kwargs: Kwargs, state: &State) -> tera::TeraResult<tera::Value> {
    let from = kwargs.must_get::<&str>("from")?;
    let to = kwargs.must_get::<StringInput>("to")?;
    if state.autoescaping_enabled() && (val.is_safe() || to.is_safe()) {
        let out = replace_all(&val.rendered(state)?, from, &to.rendered(state)?);
        Ok(tera::Value::safe_string(&out))
    } else {
        Ok(tera::Value::from(replace_all(
            val.as_str(),
            from,
            to.as_str(),
        )))
    }
}

/// `text.replace(from, to)`.
fn replace_all(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return text.replace(from, to);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    // A match of valid UTF-8 in valid UTF-8 starts on a character.
    for at in memchr::memmem::find_iter(text.as_bytes(), from.as_bytes()) {
        out.push_str(&text[copied..at]);
        out.push_str(to);
        copied = at + from.len();
    }
    out.push_str(&text[copied..]);
    out
}

/// The arguments every interface-string function takes: `key`, the
/// language asked for (`lang=`, else the page's `lang_code`), and the
/// Fluent arguments (every other keyword but `within` and those ending in
/// `_lang`: `source_lang="en"` says the argument `source` is in English).
struct Lookup {
    key: String,
    /// Index of the language asked for.
    lang: LangId,
    /// Its code, as asked (the enclosing element's language by default).
    code: String,
    args: FluentArgs<'static>,
    /// The arguments whose language is given, each set in `args` to a
    /// marker that [`Lookup::marked_html`] replaces: (marker, value,
    /// language code).
    marked: Vec<(String, String, String)>,
}

/// Marks an argument's place in a formatted string: private-use
/// characters, which interface strings and language names do not hold.
fn marker(i: usize) -> String {
    format!("\u{E000}{i}\u{E001}")
}

impl Lookup {
    /// `mark`: arguments whose language is given get markers (`t_span`,
    /// which writes HTML); else they are set as they are.
    fn of(
        kwargs: &Kwargs,
        state: &State,
        codes: &[String],
        default: LangId,
        mark: bool,
    ) -> tera::TeraResult<Self> {
        let key: String = kwargs.must_get("key")?;
        let code = match kwargs.get::<String>("lang")? {
            Some(l) => l,
            None => state.get::<String>("lang_code")?.unwrap_or_default(),
        };
        let lang = codes
            .iter()
            .position(|c| *c == code)
            .map_or(default, LangId);
        let mut args = FluentArgs::new();
        let mut marked = Vec::new();
        for (k, v) in kwargs.iter() {
            let name = k.as_str().unwrap_or("");
            if name == "key" || name == "lang" || name == "within" || name.ends_with("_lang") {
                continue;
            }
            // Looked for only by `t_span`: `t` is called for every string.
            let in_lang = if mark {
                kwargs.get::<String>(&format!("{name}_lang"))?
            } else {
                None
            };
            match in_lang {
                Some(in_lang) => {
                    let m = marker(marked.len());
                    let value = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                    marked.push((m.clone(), value, in_lang));
                    args.set(name.to_string(), m);
                }
                _ => args.set(name.to_string(), fluent_value(v)),
            }
        }
        Ok(Lookup {
            key,
            lang,
            code,
            args,
            marked,
        })
    }

    /// The string as HTML, each argument whose language is given inside
    /// `<span lang dir>` when that is not the string's own language (a
    /// language's name in a sentence of another: "shown in English").
    fn marked_html(&self, text: &str, i18n: &I18n) -> tera::TeraResult<String> {
        let source = i18n
            .source(self.lang, &self.key)
            .map_err(tera::Error::message)?;
        let mut html = escape(text);
        for (m, value, in_lang) in &self.marked {
            let value = escape(value);
            let attrs = match i18n.index(in_lang) {
                Some(l) => crate::config::lang_attrs(
                    in_lang,
                    i18n.dir(l),
                    i18n.code(source),
                    Some(i18n.dir(source)),
                ),
                None => String::new(),
            };
            let span = if attrs.is_empty() {
                value
            } else {
                format!("<span{attrs}>{value}</span>")
            };
            html = html.replace(m.as_str(), &span);
        }
        Ok(html)
    }

    /// ` lang="en"` (and ` dir="ltr"` when the directions differ) when the
    /// string comes from another language than the element it sits in
    /// (`within=`, else the language asked for); else nothing.
    fn attrs(&self, kwargs: &Kwargs, i18n: &I18n) -> tera::TeraResult<String> {
        let source = i18n
            .source(self.lang, &self.key)
            .map_err(tera::Error::message)?;
        let within = kwargs
            .get::<String>("within")?
            .unwrap_or_else(|| self.code.clone());
        Ok(i18n.mark(source, &within))
    }
}

/// Text escaped as Tera escapes what templates print.
fn escape(text: &str) -> String {
    let mut buf = Vec::with_capacity(text.len());
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(text, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

/// The interface-string functions templates call:
///
/// - `t(key=..., lang=..., ...)`: the string, in `lang` (default: the
///   page's language) or, when that language lacks it, in the default
///   language. For attributes, and for text whose element is marked with
///   `t_lang` or `t_attrs`.
/// - `t_lang(key=..., lang=...)`: the language that string really is in,
///   as `{code, dir}`, for an element that states its `lang` anyway.
/// - `t_attrs(key=..., lang=..., within=...)`: ` lang="en"` (with ` dir`
///   when the directions differ) for the element showing the string, when
///   it is in another language than the element's (`within`, default:
///   the language asked for); else nothing.
/// - `t_span(key=..., lang=..., within=..., ...)`: the string as HTML,
///   inside `<span lang dir>` when `t_attrs` would mark it; for a string
///   that shares its element with other text. `<arg>_lang="en"` marks the
///   argument `<arg>` the same way, when it is in another language than
///   the string (a language's name: "shown in English").
fn register_functions(tera: &mut Tera, i18n: Arc<I18n>, codes: Vec<String>, default: LangId) {
    tera.register_filter("css_string", css_string);
    tera.register_filter("replace", replace);
    let codes = Arc::new(codes);
    {
        let (i18n, codes) = (i18n.clone(), codes.clone());
        tera.register_function(
            "t",
            move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
                let l = Lookup::of(&kwargs, state, &codes, default, false)?;
                i18n.get(l.lang, &l.key, Some(&l.args))
                    .map_err(tera::Error::message)
            },
        );
    }
    {
        let (i18n, codes) = (i18n.clone(), codes.clone());
        tera.register_function(
            "t_lang",
            move |kwargs: Kwargs, state: &State| -> tera::TeraResult<tera::Value> {
                let l = Lookup::of(&kwargs, state, &codes, default, false)?;
                let source = i18n.source(l.lang, &l.key).map_err(tera::Error::message)?;
                let mut map = std::collections::BTreeMap::new();
                map.insert("code", tera::Value::from(i18n.code(source)));
                map.insert("dir", tera::Value::from(i18n.dir(source).as_str()));
                Ok(tera::Value::from(map))
            },
        );
    }
    {
        let (i18n, codes) = (i18n.clone(), codes.clone());
        tera.register_function(
            "t_attrs",
            move |kwargs: Kwargs, state: &State| -> tera::TeraResult<tera::Value> {
                let l = Lookup::of(&kwargs, state, &codes, default, false)?;
                Ok(tera::Value::safe_string(&l.attrs(&kwargs, &i18n)?))
            },
        );
    }
    tera.register_function(
        "t_span",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<tera::Value> {
            let l = Lookup::of(&kwargs, state, &codes, default, true)?;
            let text = i18n
                .get(l.lang, &l.key, Some(&l.args))
                .map_err(tera::Error::message)?;
            let attrs = l.attrs(&kwargs, &i18n)?;
            let text = l.marked_html(&text, &i18n)?;
            let html = if attrs.is_empty() {
                text
            } else {
                format!("<span{attrs}>{text}</span>")
            };
            Ok(tera::Value::safe_string(&html))
        },
    );
}

/// A Tera error as one of our diagnostics: `templates/x.html:line:col: ...`.
pub(super) fn template_error(theme: &Theme, e: &tera::Error, page: Option<&str>) -> Diagnostic {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&format!("\n{s}"));
        source = s.source();
    }
    // Tera's report reads "error: msg\n --> name:line:col"; take the place from it.
    let (mut file, mut line, mut col) = (String::from("templates"), 0, 0);
    let mut message = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ")
        .to_string();
    for l in text.lines() {
        if let Some(loc) = l.trim_start().strip_prefix("--> ") {
            let mut parts = loc.rsplitn(3, ':');
            let c = parts.next().and_then(|c| c.parse().ok());
            let ln = parts.next().and_then(|n| n.parse().ok());
            if let (Some(c), Some(ln), Some(name)) = (c, ln, parts.next()) {
                file = theme.display_path(name);
                line = ln;
                col = c;
            }
        } else if let Some(m) = l.strip_prefix("error: ") {
            message = m.to_string();
        }
    }
    if let Some(p) = page {
        message = format!("{message} (while rendering {p})");
    }
    Diagnostic::error(file, line, col, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_all_is_str_replace() {
        for (text, from, to) in [
            ("<pre>a</pre><pre>b</pre>", "<pre>", "<pre class=\"x\">"),
            ("no match", "<pre>", "x"),
            ("aaaa", "aa", "b"),
            ("aaa", "aa", ""),
            ("", "a", "b"),
            ("شرح «شرح» شرح", "شرح", "é"),
            ("abc", "", "-"),
            ("ééé", "é", "e"),
        ] {
            assert_eq!(
                replace_all(text, from, to),
                text.replace(from, to),
                "{text}"
            );
        }
    }

    #[test]
    fn the_replace_filter_renders_as_teras_own() {
        let template = "{{ a | replace(from=\"b\", to=\"<i>\") }}|{{ s | safe | replace(from=\"<p>\", to=\"<p class=x>\") }}|{{ a | replace(from=\"<\", to=s) }}";
        let mut ctx = tera::Context::new();
        ctx.insert("a", "a<b>");
        ctx.insert("s", "<p>1</p><p>2</p>");
        let render = |ours: bool| {
            let mut tera = Tera::new();
            if ours {
                tera.register_filter("replace", replace);
            }
            tera.add_raw_template("t.html", template).unwrap();
            tera.render("t.html", &ctx).unwrap()
        };
        let ours = render(true);
        assert_eq!(ours, render(false));
        assert!(
            ours.starts_with("a&lt;&lt;i&gt;&gt;|&lt;p class=x&gt;1</p>"),
            "{ours}"
        );
    }
}
