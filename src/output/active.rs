//! Files under `guidance/` that a browser would run: an SVG with a script or
//! event handler, an HTML or JavaScript file. Opened from the site, they
//! would run with the site's rights, so by default they are refused.

/// Why `bytes` (a file named `name`) is active content, if it is.
pub fn active_content(name: &str, bytes: &[u8]) -> Option<String> {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" | "js" | "mjs" | "hta" => {
            Some(format!("a .{ext} file runs in the reader's browser"))
        }
        "svg" | "svgz" | "xml" | "xsl" | "xslt" => {
            let text = String::from_utf8_lossy(bytes).to_ascii_lowercase();
            [
                "<script",
                "javascript:",
                "<foreignobject",
                "<iframe",
                "<embed",
                "<object",
                "<handler",
                "<set ",
                "<animate",
            ]
            .iter()
            .find(|m| text.contains(**m))
            .map(|m| format!("it contains `{}`", m.trim()))
            .or_else(|| {
                event_handler(&text).map(|h| format!("it contains an event handler (`{h}=`)"))
            })
        }
        _ => None,
    }
}

/// An `on...=` attribute, as in `<svg onload=...>`.
fn event_handler(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(p) = text[i..].find("on") {
        let at = i + p;
        let before = at.checked_sub(1).map(|j| b[j]);
        if before.is_some_and(|c| c.is_ascii_whitespace() || c == b'/' || c == b'"' || c == b'\'') {
            let name: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            let rest = text[at + name.len()..].trim_start();
            if name.len() > 2 && rest.starts_with('=') {
                return Some(name);
            }
        }
        i = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::active_content;

    #[test]
    fn finds_active_content() {
        let ok = br##"<svg xmlns="http://www.w3.org/2000/svg"><title>Flow: one, two</title><rect fill="#fff" font-family="sans-serif"/></svg>"##;
        assert_eq!(active_content("a.svg", ok), None);
        assert!(active_content("a.svg", b"<svg><SCRIPT>x</SCRIPT></svg>").is_some());
        assert!(active_content("a.svg", b"<svg onload = 'x'>").is_some());
        assert!(active_content("a.svg", b"<svg><a href='javascript:x'>").is_some());
        assert!(active_content("page.html", b"<p>hi</p>").is_some());
        assert_eq!(active_content("photo.png", b"<script>"), None);
    }
}
