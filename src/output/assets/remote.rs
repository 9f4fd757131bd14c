//! A site's own stylesheets (`templates/static/*.css`) are the theme's
//! code, published as they are. One that loads from another host (an
//! `@import` of a web font's CSS, a `url(https://…)` font or background)
//! would have every reader's device contact that host; the
//! Content-Security-Policy of every page blocks it, so the style is
//! silently missing. The author is told, at the place in the file.

/// Each address in `css` that leads to another host: its line and column
/// (1-based, in characters) and the address. Comments are skipped; what
/// a stylesheet hides behind escapes (`u\72l(`) is not looked for: this is
/// the author's own code, and the policy still blocks it.
pub fn other_hosts(css: &str) -> Vec<(usize, usize, String)> {
    let b = css.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    // Whether the last word read was `@import`: its string is an address.
    let mut import = false;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = css[i + 2..].find("*/").map_or(b.len(), |p| i + 2 + p + 2);
            }
            q @ (b'"' | b'\'') => {
                let (inner, next) = string_end(b, i, q);
                if import && is_remote(&css[i + 1..inner]) {
                    found.push(at(css, i + 1, &css[i + 1..inner]));
                }
                import = false;
                i = next;
            }
            b'@' => {
                let word = ident(css, i + 1);
                import = word.eq_ignore_ascii_case("import");
                i += 1 + word.len();
            }
            c if c.is_ascii_alphabetic() || c == b'-' => {
                let word = ident(css, i);
                i += word.len();
                if word.eq_ignore_ascii_case("url") && b.get(i) == Some(&b'(') {
                    let (start, target, end) = url_argument(css, i + 1);
                    if is_remote(target) {
                        found.push(at(css, start, target));
                    }
                    i = end;
                }
                import = false;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                import = false;
                i += 1;
            }
        }
    }
    found
}

/// Whether `target` names another host: a scheme other than `data:` (read
/// as a browser reads it, as links are), or `//host` (a backslash counts
/// as a slash to a browser).
fn is_remote(target: &str) -> bool {
    let t = target.trim();
    if t.starts_with("//") || t.starts_with("\\\\") || t.starts_with("/\\") || t.starts_with("\\/")
    {
        return true;
    }
    crate::markdown::resolve::scheme_of(t).is_some_and(|s| s != "data")
}

/// Where the string starting at `i` with quote `q` ends (its closing
/// quote, a line break or the end: always between characters), and the
/// position past it.
fn string_end(b: &[u8], i: usize, q: u8) -> (usize, usize) {
    let mut j = i + 1;
    while j < b.len() && b[j] != q && b[j] != b'\n' {
        j += if b[j] == b'\\' { 2 } else { 1 };
    }
    let inner = j.min(b.len());
    (inner, (inner + 1).min(b.len()))
}

fn ident(css: &str, i: usize) -> &str {
    let rest = css.get(i..).unwrap_or("");
    let len = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
        .count();
    &rest[..len]
}

/// The argument of `url(` starting at `i`: where it starts, its text
/// (without quotes), and the position past the `)`.
fn url_argument(css: &str, i: usize) -> (usize, &str, usize) {
    let b = css.as_bytes();
    let mut s = i;
    while s < b.len() && b[s].is_ascii_whitespace() {
        s += 1;
    }
    if let Some(&q @ (b'"' | b'\'')) = b.get(s) {
        let (inner, end) = string_end(b, s, q);
        let close = css[end..].find(')').map_or(b.len(), |p| end + p + 1);
        return (s + 1, &css[s + 1..inner], close);
    }
    let close = css[s..].find(')').map_or(b.len(), |p| s + p);
    (s, css[s..close].trim_end(), (close + 1).min(b.len()))
}

/// Line and column (1-based, in characters) of byte `i`, with `target`.
fn at(css: &str, i: usize, target: &str) -> (usize, usize, String) {
    let (line, col) = crate::text::line_col(css, i);
    (line, col, target.to_string())
}

#[cfg(test)]
mod tests {
    use super::other_hosts;

    fn targets(css: &str) -> Vec<String> {
        other_hosts(css).into_iter().map(|(_, _, t)| t).collect()
    }

    #[test]
    fn finds_what_loads_from_another_host() {
        let css = "@import url(https://fonts.example/css?family=A);\n\
                   @import \"//cdn.example/x.css\";\n\
                   @font-face { src: url( 'https://fonts.example/a.woff2' ) format(\"woff2\"); }\n\
                   body { background: URL(http://x.example/b.png) }\n\
                   a { background: url(\\\\share\\c.png) }";
        assert_eq!(
            targets(css),
            [
                "https://fonts.example/css?family=A",
                "//cdn.example/x.css",
                "https://fonts.example/a.woff2",
                "http://x.example/b.png",
                "\\\\share\\c.png"
            ]
        );
        assert_eq!(other_hosts(css)[1].0, 2);
        assert_eq!(other_hosts(css)[2].1, 25);
    }

    #[test]
    fn leaves_local_files_strings_and_comments_alone() {
        let css = "/* @import url(https://x.example/a.css); */\n\
                   @import \"print.css\";\n\
                   .a { background: url(icons.svg#x); mask: url(\"data:image/svg+xml,<svg/>\") }\n\
                   .b::after { content: \"url(https://x.example/)\"; font-family: 'https:x' }\n\
                   .c { background: url(/images/logo.png) }";
        assert!(targets(css).is_empty(), "{:?}", targets(css));
    }

    #[test]
    fn cut_off_css_does_not_panic() {
        for css in [
            "url(",
            "url('",
            "@import '",
            "/*",
            "url(\"https://",
            "@",
            "'\\",
            "@import 'é",
            "url('é\\",
        ] {
            let _ = other_hosts(css);
        }
    }
}
