//! Titles and summaries are plain text: what a converter or an author
//! writes there as markup (a local value, an HTML entity, a Markdown link)
//! reaches readers as written, so it is warned about at the value.

use crate::diagnostics::Diagnostic;
use crate::text::Ahead;
use crate::yaml::{Located, Node};

/// A title or summary is plain text: a local value (`{{hotline}}`) is not
/// filled in there, nor a Markdown link made, and readers would see the
/// braces or brackets. Said once per value, at it.
pub(super) fn markup_shown(key: &str, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) {
    let Some(s) = v.as_text() else {
        return;
    };
    if let Some(value) = local_value(s) {
        diags.push(
            at.warning(
                v,
                format!("`{value}` in `{key}` is shown as written, in braces: local values are filled in only in a page's text"),
            )
            .with_hint(format!("write the words it stands for here, and `{value}` in the page's text")),
        );
    } else if let Some(code) = template_code(s) {
        diags.push(
            at.warning(
                v,
                format!("`{code}` in `{key}` is shown as written: fieldguide does not run Hugo or Jekyll templates"),
            )
            .with_hint(format!("write the words it stands for (from the old site's `_config.yml`, `hugo.toml` or data files): `{key}` is plain text")),
        );
    } else if let Some((entity, ch)) = html_entity(s) {
        diags.push(
            at.warning(
                v,
                format!(
                    "`{entity}` in `{key}` is shown as written: `{key}` is plain text, not HTML"
                ),
            )
            .with_hint(format!("write the character itself: {ch}")),
        );
    } else if let Some(inner) = curly_quoted(v) {
        diags.push(
            at.warning(
                v,
                format!("`{key}` is wrapped in quotes a word processor typed, which YAML keeps as part of it: readers see {s}"),
            )
            .with_hint(format!("write it with straight quotes, or none: {key}: \"{inner}\"")),
        );
    } else if let Some((link, words)) = markdown_link(s) {
        diags.push(
            at.warning(
                v,
                format!(
                    "`{link}` in `{key}` is shown as written: `{key}` is plain text, not Markdown"
                ),
            )
            .with_hint(format!(
                "write the words alone here, `{words}`, and the link in the page's text"
            )),
        );
    }
}

/// `s`, a title or summary, with each web address wrapped by a click
/// tracker (Outlook's Safe Links, Google's redirect: pasted from an e-mail
/// or a Google document) written as the address inside, when it has one:
/// shown as written, a Safe Link named the staff mailbox it was sent to on
/// the page, its publication's home and in search. Said at the value.
pub(super) fn unwrapped(
    key: &str,
    s: &str,
    v: &Node,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    if !s.contains("http") {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut found = None;
    let mut rest = s;
    while let Some(i) = rest.find("http") {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        match crate::address::tracked_in(from, 0) {
            Some((len, who, inner)) => {
                out.push_str(&inner);
                found.get_or_insert((who, inner));
                rest = &from[len..];
            }
            None => {
                out.push_str(&from[..4]);
                rest = &from[4..];
            }
        }
    }
    out.push_str(rest);
    let (who, inner) = found?;
    diags.push(
        at.warning(v, format!("a web address in `{key}` goes through {who}"))
            .with_hint(format!("write the address itself, `{inner}` (addresses copied from an e-mail or a Google document are wrapped so); it is published as that address, so that the page does not show the wrapper")),
    );
    Some(out)
}

/// The words of a plain (unquoted) value wrapped whole in one pair of
/// curly quotes, `“Safety planning”`, as Word's AutoFormat types the
/// straight quotes that YAML reads: YAML keeps them, and readers saw the
/// title in quotes in the navigation, the page and search. Quotes inside
/// (`“Know your rights” campaign`) or around a value quoted in YAML are
/// the author's.
fn curly_quoted(v: &Node) -> Option<&str> {
    let crate::yaml::Data::Scalar(scalar) = &v.data else {
        return None;
    };
    let inner = ["“”", "„“", "‘’", "«»"].iter().find_map(|pair| {
        let mut q = pair.chars();
        let (open, close) = (q.next()?, q.next()?);
        let inner = scalar.text.strip_prefix(open)?.strip_suffix(close)?;
        (!inner.contains([open, close]) && !inner.trim().is_empty()).then_some(inner)
    })?;
    scalar.plain.then_some(inner)
}

/// The first `{{name}}` of `s` that names a local value (`\{{` is literal).
fn local_value(s: &str) -> Option<&str> {
    let mut close = Ahead::new("}}");
    s.match_indices("{{").find_map(|(i, _)| {
        if s[..i].ends_with('\\') {
            return None;
        }
        let end = close.find(s, i + 2)?;
        crate::content::values::valid_name(s[i + 2..end].trim_matches(' ')).then(|| &s[i..end + 2])
    })
}

/// The first Hugo or Jekyll template code of `s` (`{{ site.org }}`,
/// `{{< param "org" >}}`, `{% if x %}`), as a migrated page's front matter
/// keeps it: a local value is not (see [`local_value`]).
fn template_code(s: &str) -> Option<&str> {
    [("{{", "}}"), ("{%", "%}")]
        .iter()
        .find_map(|(open, close)| {
            // `\{{` is literal.
            let (i, _) = s
                .match_indices(open)
                .find(|(i, _)| !s[..*i].ends_with('\\'))?;
            let end = i + open.len() + s[i + open.len()..].find(close)? + close.len();
            (!s[i + open.len()..end - close.len()].trim().is_empty()).then(|| &s[i..end])
        })
}

/// The first HTML entity of `s` a converter left (`&amp;`, `&nbsp;`,
/// `&#8217;`), and the character it stands for, as said in a hint.
fn html_entity(s: &str) -> Option<(&str, String)> {
    let mut semicolon = Ahead::new(";");
    s.match_indices('&').find_map(|(i, _)| {
        let end = semicolon.find(s, i)?;
        let name = &s[i + 1..end];
        let ch = match name {
            "amp" => '&',
            "nbsp" => '\u{a0}',
            "quot" => '"',
            "apos" => '\'',
            "lt" => '<',
            "gt" => '>',
            "ndash" => '–',
            "mdash" => '—',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            _ => {
                let code = name.strip_prefix('#')?;
                let n = match code.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => code.parse().ok()?,
                };
                char::from_u32(n)?
            }
        };
        let shown = match ch {
            '\u{a0}' => "a space (or a non-breaking space)".to_string(),
            c => format!("`{c}`"),
        };
        Some((&s[i..=end], shown))
    })
}

/// The first Markdown link of `s`, `[words](target)`, and its words.
fn markdown_link(s: &str) -> Option<(&str, &str)> {
    let (mut middle, mut paren, mut bracket) = (Ahead::new("]("), Ahead::new(")"), Ahead::new("["));
    s.match_indices('[').find_map(|(i, _)| {
        let close = middle.find(s, i)?;
        let end = paren.find(s, close)?;
        let words = &s[i + 1..close];
        // No `[` in the words: the next `[` is past them.
        (bracket.find(s, i + 1).is_none_or(|b| b > close)).then(|| (&s[i..=end], words))
    })
}
