//! CSS in an SVG (`<style>`, `style="…"`, presentation attributes) can load
//! from another host (`url(http…)`, `@import`, `image-set("…")`) and hide
//! that behind escapes (`u\72l(`). Rather than parse CSS in full, a value
//! is kept only when it uses no escapes, only known at-rules, and only
//! functions from a list that cannot load anything; `url()` only to `#id`.

/// Functions that compute colours, lengths, transforms, filters, shapes or
/// select elements, and load nothing.
#[rustfmt::skip]
const FUNCTIONS: &[&str] = &[
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color", "color-mix",
    "calc", "min", "max", "clamp", "var", "translate", "translatex", "translatey", "translatez",
    "translate3d", "rotate", "rotatex", "rotatey", "rotatez", "rotate3d", "scale", "scalex",
    "scaley", "scalez", "scale3d", "skew", "skewx", "skewy", "matrix", "matrix3d", "perspective",
    "cubic-bezier", "steps", "blur", "brightness", "contrast", "drop-shadow", "grayscale",
    "hue-rotate", "invert", "opacity", "saturate", "sepia", "inset", "circle", "ellipse", "polygon",
    "path", "linear-gradient", "radial-gradient", "conic-gradient", "repeating-linear-gradient",
    "repeating-radial-gradient", "repeating-conic-gradient", "not", "is", "where", "has",
    "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "lang", "dir", "local",
    "format",
];

/// At-rules that only group rules or name animations.
const AT_RULES: &[&str] = &["media", "supports", "keyframes", "-webkit-keyframes"];

/// Why `css` may not be kept, if it may not.
pub fn problem(css: &str) -> Option<String> {
    // No escape anywhere, in strings either: `"\""` is one string to a
    // browser, and reading it otherwise would skip real CSS as text.
    if css.contains('\\') {
        return Some("a CSS escape (`\\`)".to_string());
    }
    let b = css.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => return Some("a CSS escape (`\\`)".to_string()),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = css[i + 2..].find("*/").map_or(b.len(), |p| i + 2 + p + 2);
            }
            q @ (b'"' | b'\'') => match skip_string(b, i, q) {
                Ok(end) => i = end,
                Err(why) => return Some(why),
            },
            b'@' => {
                let name = ident(css, i + 1);
                if !AT_RULES.contains(&name.to_ascii_lowercase().as_str()) {
                    return Some(format!("`@{name}`"));
                }
                i += 1 + name.len();
            }
            c if is_ident(c) => {
                let name = ident(css, i);
                i += name.len();
                if b.get(i) != Some(&b'(') {
                    continue;
                }
                let lower = name.to_ascii_lowercase();
                if lower == "url" {
                    let (target, end) = url_argument(css, i + 1);
                    if !target.starts_with('#') || target.contains(['\n', '\r', '\x0c']) {
                        return Some(format!("`url({})`", shorten(target)));
                    }
                    i = end;
                } else if !FUNCTIONS.contains(&lower.as_str()) {
                    return Some(format!("`{name}()`"));
                }
            }
            _ => i += 1,
        }
    }
    None
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c >= 0x80
}

/// The identifier starting at byte `i` (possibly empty).
fn ident(css: &str, i: usize) -> &str {
    let rest = &css[i.min(css.len())..];
    let end = rest
        .bytes()
        .position(|c| !is_ident(c))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Past the string opened by the quote at `i`. A string that a browser
/// would end elsewhere than at the next quote (an escaped quote `\"`, a
/// newline, which ends a CSS string) or that never ends is refused: read
/// differently here and in the browser, it could hide a `url(` from this
/// check.
fn skip_string(b: &[u8], i: usize, quote: u8) -> Result<usize, String> {
    for (p, &c) in b[i + 1..].iter().enumerate() {
        match c {
            c if c == quote => return Ok(i + 1 + p + 1),
            b'\\' => return Err("a CSS escape (`\\`)".to_string()),
            b'\n' | b'\r' | 0x0c => return Err("a CSS string broken by a new line".to_string()),
            _ => {}
        }
    }
    Err("a CSS string that is never closed".to_string())
}

/// The argument of `url(` starting at byte `i`, unquoted, and the offset
/// past its closing parenthesis.
fn url_argument(css: &str, i: usize) -> (&str, usize) {
    let b = css.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_whitespace() {
        j += 1;
    }
    let (arg, after) = match b.get(j) {
        Some(&q) if q == b'"' || q == b'\'' => match css[j + 1..].find(q as char) {
            Some(p) => (&css[j + 1..j + 1 + p], j + 1 + p + 1),
            None => (&css[j + 1..], b.len()),
        },
        _ => {
            let end = css[j..].find(')').map_or(b.len(), |p| j + p);
            (css[j..end].trim_end(), end)
        }
    };
    let close = css[after..].find(')').map_or(b.len(), |p| after + p + 1);
    (arg, close)
}

pub fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn harmless_css_is_kept() {
        for css in [
            "fill:#fff;stroke:rgb(0, 0, 0)",
            ".cls-1{fill:url(#grad)}.cls-2{font-family:'Open Sans', sans-serif}",
            "fill: url( '#a' ) ; clip-path: url(\"#c\")",
            "@media (prefers-color-scheme: dark) { rect { fill: hsl(0 0% 10%) } }",
            "g > rect:nth-child(2n+1):not(.x) { transform: translate(1px, 2px) rotate(3deg) }",
            "@keyframes spin { from { transform: rotate(0) } to { transform: rotate(1turn) } }",
            "/* url(http://x) in a comment */ fill: red",
            "font-family: \"url(http://not-a-url)\"",
            "",
        ] {
            assert_eq!(problem(css), None, "{css}");
        }
    }

    #[test]
    fn loading_css_is_refused() {
        for (css, why) in [
            (
                "fill:url(http://evil.example/x.svg#a)",
                "`url(http://evil.example/x.svg#a)`",
            ),
            (
                "fill:URL( \"//evil.example/a\" )",
                "`url(//evil.example/a)`",
            ),
            (
                "background:url(data:image/svg+xml,<svg>)",
                "`url(data:image/svg+xml,<svg>)`",
            ),
            ("cursor:url(x.cur)", "`url(x.cur)`"),
            ("@import 'http://evil.example/a.css';", "`@import`"),
            ("@IMPORT url(#a);", "`@IMPORT`"),
            ("@font-face{src:local(x)}", "`@font-face`"),
            ("@namespace x url(#a);", "`@namespace`"),
            ("fill:u\\72l(http://evil.example)", "a CSS escape (`\\`)"),
            (
                "background:image-set('http://evil.example/a.png' 1x)",
                "`image-set()`",
            ),
            (
                "background:-webkit-image-set('a.png' 1x)",
                "`-webkit-image-set()`",
            ),
            ("width:expression(alert(1))", "`expression()`"),
            ("background:paint(worklet)", "`paint()`"),
            ("content:attr(href)", "`attr()`"),
            ("fill:url(", "`url()`"),
            ("fill:url('#a' x) ; fill:url(x)", "`url(x)`"),
            ("/* url(#a) */ fill:url(http://x", "`url(http://x)`"),
            // Strings a browser ends elsewhere than at the next quote.
            (
                "rect{font-family:\"\\\" \";cursor:url(http://evil.example/a.png),auto;x:\"}",
                "a CSS escape (`\\`)",
            ),
            (
                "font-family:\"x\n;cursor:url(http://evil.example/a.png),auto;x:\"",
                "a CSS string broken by a new line",
            ),
            (
                "font-family:'never closed",
                "a CSS string that is never closed",
            ),
            ("fill:red /* unclosed url(http://x)", ""),
            ("fill:url('http://é", "`url(http://é)`"),
        ] {
            let got = problem(css);
            if why.is_empty() {
                assert_eq!(got, None, "{css}: inside a comment to the end");
            } else {
                assert_eq!(got.as_deref(), Some(why), "{css}");
            }
        }
    }
}
