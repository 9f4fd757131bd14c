//! Raw HTML written in Markdown. By default it is not trusted: comments are
//! dropped, a few harmless void tags are kept, everything else is shown as
//! text, so no script, event handler or `javascript:` URL reaches a reader.

/// What to do with one piece of raw HTML.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Emit as is (a comment-free `<br>`).
    Keep(String),
    /// Nothing visible: only comments and whitespace.
    Drop,
    /// Show as text; the string is what remains once comments are removed.
    Escape(String),
}

pub fn judge(html: &str) -> Verdict {
    let stripped = strip_comments(html);
    let trimmed = stripped.trim();
    if trimmed.is_empty() {
        return Verdict::Drop;
    }
    if is_harmless_void(trimmed) {
        return Verdict::Keep(
            if trimmed.to_ascii_lowercase().starts_with("<wbr") {
                "<wbr>"
            } else {
                "<br>"
            }
            .into(),
        );
    }
    Verdict::Escape(stripped)
}

/// `<br>`, `<br/>`, `<BR />`, `<wbr>`: no attributes, nothing to close.
fn is_harmless_void(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let inner = lower
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .map(|t| t.trim_end_matches('/').trim());
    matches!(inner, Some("br" | "wbr"))
}

/// Removes `<!-- ... -->`; an unclosed comment hides the rest, as in HTML.
pub fn strip_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        assert_eq!(judge("<!-- note -->"), Verdict::Drop);
        assert_eq!(judge("<BR />"), Verdict::Keep("<br>".into()));
        assert_eq!(
            judge("<br onclick=x>"),
            Verdict::Escape("<br onclick=x>".into())
        );
        assert_eq!(
            judge("<script>alert(1)</script>"),
            Verdict::Escape("<script>alert(1)</script>".into())
        );
        assert_eq!(
            judge("<!-- <img src=x onerror=alert(1)> -->"),
            Verdict::Drop
        );
        assert_eq!(judge("a<!-- x -->b<!-- open"), Verdict::Escape("ab".into()));
    }
}
