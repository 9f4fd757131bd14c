//! What a site's own template writes that has every reader's browser
//! contact another host as a page opens, which the Content-Security-Policy
//! cannot stop: the policy governs what a page loads, not the connections
//! a `<link rel="preconnect">` opens or the names a `rel="dns-prefetch"`
//! looks up (Chromium connects to a preconnect's host under our policy),
//! nor where a `<meta http-equiv="refresh">` sends the reader. Copying a
//! web font's snippet into `base.html` brings the first two; readers may
//! be at risk, so each is an error at its line in the template.

use crate::diagnostics::Diagnostic;
use html5ever::tokenizer::{StartTag, Tag, Token};
use std::path::Path;

/// An error for each tag of the template `text` (shown as `shown`) that
/// contacts another host by itself.
pub fn check(shown: &Path, text: &str) -> Vec<Diagnostic> {
    crate::markdown::html_tokens(text)
        .into_iter()
        .filter_map(|(token, line)| match &token {
            Token::TagToken(tag) if tag.kind == StartTag => {
                contacts(tag).map(|(word, what)| (line, word, what))
            }
            _ => None,
        })
        .map(|(line, word, what)| {
            let line = usize::try_from(line).unwrap_or(0);
            let col = text
                .lines()
                .nth(line.saturating_sub(1))
                .and_then(|l| column_of(l, word))
                .unwrap_or(1);
            Diagnostic::error(shown, line, col, what).with_hint(
                "remove it: pages load nothing from other hosts; copy fonts, stylesheets and scripts into templates/static/ and refer to them there",
            )
        })
        .collect()
}

/// The 1-based column (in characters) of `word` in `line`, in any case.
fn column_of(line: &str, word: &str) -> Option<usize> {
    let at = line.to_ascii_lowercase().find(word)?;
    Some(line.get(..at)?.chars().count() + 1)
}

fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// Whether `tag` contacts another host by itself, and how, in words.
fn contacts(tag: &Tag) -> Option<(&'static str, String)> {
    match &*tag.name {
        "link" => {
            let rel = attr(tag, "rel")?.to_ascii_lowercase();
            // To the site's own host neither does anything: whatever the
            // address (a template value), it is there to reach another.
            let word = ["preconnect", "dns-prefetch"]
                .into_iter()
                .find(|w| rel.split_ascii_whitespace().any(|r| r == *w))?;
            let href = attr(tag, "href").unwrap_or("");
            Some((
                word,
                format!(
                    "`<link rel=\"{word}\">` to `{href}` has every reader's browser contact that host as the page opens, which the Content-Security-Policy cannot stop"
                ),
            ))
        }
        "meta" => {
            if !attr(tag, "http-equiv")?.eq_ignore_ascii_case("refresh") {
                return None;
            }
            let target = refresh_target(attr(tag, "content")?)?;
            is_remote(target).then(|| {
                // `file:` is a file of the reader's own machine, not a host.
                let file = crate::markdown::resolve::scheme_of(target.trim())
                    .is_some_and(|s| s.eq_ignore_ascii_case("file"));
                let place = if file { "a file of the reader's machine" } else { "another host" };
                (
                    "refresh",
                    format!(
                        "`<meta http-equiv=\"refresh\">` sends every reader to `{target}`, {place}, as the page opens"
                    ),
                )
            })
        }
        _ => None,
    }
}

/// Where a refresh's `content` sends the reader, read as browsers read it
/// (HTML's shared declarative refresh steps): `0;url=x`, but also `0,x`,
/// `0 x` and `0;'x'`. `None` when it reloads the page or is no refresh.
fn refresh_target(content: &str) -> Option<&str> {
    fn ws(s: &str) -> &str {
        s.trim_start_matches(['\t', '\n', '\x0c', '\r', ' '])
    }
    let rest = ws(content);
    let after_time = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if after_time.len() == rest.len() {
        return None;
    }
    let rest = ws(after_time);
    let rest = ws(rest.strip_prefix([';', ',']).unwrap_or(rest));
    if rest.is_empty() {
        return None;
    }
    // `url =` before the address, if it is there whole; else the address
    // starts here.
    let named = rest
        .get(..3)
        .is_some_and(|u| u.eq_ignore_ascii_case("url"))
        .then(|| ws(&rest[3..]).strip_prefix('='))
        .flatten()
        .map(ws);
    let url = named.unwrap_or(rest);
    if named.is_none() && rest.starts_with(['u', 'U']) {
        // `u…` that is not `url=`: parsed from here as it is.
        return Some(rest);
    }
    Some(match url.chars().next() {
        Some(q @ ('\'' | '"')) => {
            let inner = &url[1..];
            inner.find(q).map_or(inner, |end| &inner[..end])
        }
        _ => url,
    })
}

/// Whether `target` names another host: a scheme (read as a browser reads
/// it), or `//host` (a backslash counts as a slash to a browser).
fn is_remote(target: &str) -> bool {
    let t = target.trim();
    let b = t.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'/' | b'\\') && matches!(b[1], b'/' | b'\\') {
        return true;
    }
    crate::markdown::resolve::scheme_of(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(usize, usize)> {
        check(Path::new("templates/base.html"), text)
            .iter()
            .map(|d| (d.line, d.col))
            .collect()
    }

    /// A refresh to `file:` is named as a file, not as a host.
    #[test]
    fn a_refresh_to_a_file_is_called_a_file() {
        let d = check(
            Path::new("templates/base.html"),
            "<meta http-equiv=\"refresh\" content=\"0;url=file:///etc/passwd\">",
        );
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("a file of the reader's machine"),
            "{}",
            d[0].message
        );
        let d = check(
            Path::new("templates/base.html"),
            "<meta http-equiv=\"refresh\" content=\"0;url=https://elsewhere.example/\">",
        );
        assert!(d[0].message.contains("another host"), "{}", d[0].message);
    }

    #[test]
    fn a_refresh_is_read_as_browsers_read_it() {
        for (content, target) in [
            ("0; url=https://a.example/", Some("https://a.example/")),
            ("0;URL = 'https://a.example/'x", Some("https://a.example/")),
            ("0,https://a.example/", Some("https://a.example/")),
            ("0 https://a.example/", Some("https://a.example/")),
            ("0;'https://a.example/'", Some("https://a.example/")),
            ("5.5 ; \"//a.example\"", Some("//a.example")),
            ("0; ur https://a.example/", Some("ur https://a.example/")),
            ("0;é", Some("é")),
            ("0;\u{e9}url", Some("\u{e9}url")),
            ("0", None),
            ("0; ", None),
            ("url=https://a.example/", None),
        ] {
            assert_eq!(refresh_target(content), target, "{content:?}");
        }
        for content in [
            "0,https://a.example/",
            "0 //a.example",
            "0;'https://a.example/'",
        ] {
            let t = format!("<meta http-equiv=\"refresh\" content=\"{content}\">");
            assert_eq!(found(&t).len(), 1, "{content}");
        }
    }

    #[test]
    fn a_web_font_snippet_is_found_at_its_lines() {
        let t = "<head>\n<link rel=\"preconnect\" href=\"https://fonts.googleapis.com\">\n  <LINK REL=\"DNS-Prefetch\" href=\"//x.example\">\n<link rel=\"icon preconnect\" href=\"{{ extra.cdn }}\">\n<meta http-equiv=\"Refresh\" content=\"0; URL='https://x.example/'\">\n";
        assert_eq!(found(t), [(2, 12), (3, 14), (4, 17), (5, 19)]);
    }

    #[test]
    fn the_themes_own_tags_pass() {
        let t = "<link rel=\"stylesheet\" href=\"{{ root }}assets/site.css\">\n<link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/fr/\">\n<meta http-equiv=\"refresh\" content=\"0; url={{ target }}\">\n<meta http-equiv=\"refresh\" content=\"0; url=../x.html\">\n<a href=\"https://example.org/\" rel=\"noopener\">x</a>";
        assert!(found(t).is_empty(), "{:?}", found(t));
        let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        for e in std::fs::read_dir(theme).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "html") {
                let text = std::fs::read_to_string(&p).unwrap();
                assert!(found(&text).is_empty(), "{}", p.display());
            }
        }
    }
}
