//! URL helpers shared by the steps that write links: relative paths
//! between output files, and percent-encoding that keeps letters of every
//! script readable.

/// Decodes `%XX` escapes; anything that is not a valid escape stays as it is.
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Whether a link's fragment means the top of its page, as browsers read
/// it when no element has that id: `#` alone, or `#top` in any case
/// (HTML's "indicated part of the document"). "Back to top" links are
/// written so in every old handbook.
pub fn is_top(fragment: &str) -> bool {
    fragment.is_empty() || fragment.eq_ignore_ascii_case("top")
}

/// Percent-encodes what a URL path cannot hold as is. Letters of any
/// script stay readable (`ar/دليل.html`), which `percent-encoding`'s sets
/// cannot express: they work on bytes.
pub fn encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric()
            || matches!(
                c,
                '-' | '_'
                    | '.'
                    | '~'
                    | '/'
                    | '!'
                    | '$'
                    | '&'
                    | '\''
                    | '('
                    | ')'
                    | '*'
                    | '+'
                    | ','
                    | ';'
                    | '='
                    | '@'
            )
        {
            out.push(c);
        } else {
            push_percent(&mut out, c);
        }
    }
    out
}

/// [`encode_path`], with letters outside ASCII percent-encoded too: the
/// sitemap protocol asks for addresses so escaped (RFC 3986), which search
/// engines read back as the same page.
pub fn encode_path_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in encode_path(s).chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_percent(&mut out, c);
        }
    }
    out
}

/// `c` as percent-encoded UTF-8 bytes.
fn push_percent(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        out.push_str(&format!("%{b:02X}"));
    }
}

/// The relative URL from the page at `from` to `to`, both paths inside the
/// output folder (`en/pub/a.html`, `en/pub/part/b.html`).
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts[..to_parts.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_dirs.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if out.is_empty() {
        out.push_str("index.html");
    }
    out
}

/// `../../` from a page at `from` back to the output root.
pub fn root_prefix(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// Where a file of the site-wide `static/` folder is published, from the
/// output root: at the same path, as Hugo and Jekyll do, so that
/// `/images/logo.png` keeps its meaning.
pub fn static_output(path_in_static: &str) -> String {
    path_in_static.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        assert_eq!(relative("en/pub/a.html", "en/pub/b.html"), "b.html");
        assert_eq!(
            relative("en/pub/a.html", "en/pub/part/b.html"),
            "part/b.html"
        );
        assert_eq!(relative("en/pub/part/b.html", "en/pub/a.html"), "../a.html");
        assert_eq!(
            relative("en/pub/a.html", "en/other/index.html"),
            "../other/index.html"
        );
        assert_eq!(
            relative("en/pub/a.html", "fr/pub/a.html"),
            "../../fr/pub/a.html"
        );
        assert_eq!(relative("index.html", "en/index.html"), "en/index.html");
        assert_eq!(
            relative("en/index.html", "assets/site.css"),
            "../assets/site.css"
        );
        assert_eq!(root_prefix("en/pub/a.html"), "../../");
        assert_eq!(root_prefix("index.html"), "");
    }

    #[test]
    fn encoding() {
        assert_eq!(
            encode_path("images/my photo#1.png"),
            "images/my%20photo%231.png"
        );
        assert_eq!(encode_path("ar/دليل.html"), "ar/دليل.html");
        assert_eq!(percent_decode("my%20photo%231.png"), "my photo#1.png");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E2%9C%93"), "✓");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Rewritten relative links never leave the output folder.
        #[test]
        fn relative_links_stay_inside(
            from in proptest::collection::vec("[a-z]{1,6}", 1..5),
            to in proptest::collection::vec("[a-z]{1,6}", 1..5),
        ) {
            let from = format!("{}.html", from.join("/"));
            let to = format!("{}.html", to.join("/"));
            let rel = relative(&from, &to);
            // Resolve it again from `from` and land exactly on `to`.
            let mut parts: Vec<&str> = from.split('/').collect();
            parts.pop();
            for seg in rel.split('/') {
                if seg == ".." {
                    prop_assert!(parts.pop().is_some(), "{rel} climbs out of the site");
                } else {
                    parts.push(seg);
                }
            }
            prop_assert_eq!(parts.join("/"), to);
        }

        /// Encoding then decoding gives the path back.
        #[test]
        fn encoding_round_trips(path in "\\PC{0,30}") {
            prop_assert_eq!(percent_decode(&encode_path(&path)), path);
        }
    }
}
