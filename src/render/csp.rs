//! Every page keeps the Content-Security-Policy, whatever the templates:
//! a site's own `templates/` may override `base.html`, and an override
//! that leaves out the policy's `<meta>` (or puts a script before it)
//! would otherwise publish pages where inline and outside script runs.

use std::sync::LazyLock;

/// The `<meta>` the theme writes at the top of `<head>`.
const META: &str = concat!(
    "<meta http-equiv=\"Content-Security-Policy\" content=\"",
    crate::csp_policy!(),
    "\">"
);

/// [`META`] as Tera writes it from `{{ csp }}`: quotes as `&#39;`. Made
/// once, not per page.
static ESCAPED: LazyLock<String> = LazyLock::new(|| META.replace('\'', "&#39;"));

/// `html` as rendered, when the policy's `<meta>` comes before any script,
/// style or link in it; otherwise `html` with the `<meta>` put first, right
/// after the doctype, where the parser places it at the top of `<head>`.
/// (A second, looser policy in the page cannot widen this one: a browser
/// enforces every policy a page carries.)
pub fn enforce(html: String) -> String {
    // Only the head is looked at: a print page can be megabytes long.
    let head = &html[..html.find("</head>").unwrap_or(html.len())];
    if let Some(at) = head.find(META).or_else(|| head.find(ESCAPED.as_str())) {
        let before = html[..at].to_ascii_lowercase();
        if ![
            "<script", "<style", "<link", "<iframe", "<object", "<embed", "<base",
        ]
        .iter()
        .any(|t| before.contains(t))
        {
            return html;
        }
    }
    let start = doctype_end(&html);
    let mut out = String::with_capacity(html.len() + META.len() + 1);
    out.push_str(&html[..start]);
    out.push_str(META);
    out.push('\n');
    out.push_str(&html[start..]);
    out
}

/// The offset past a leading `<!DOCTYPE …>` (and the spaces before it).
fn doctype_end(html: &str) -> usize {
    let trimmed = html.trim_start();
    let lead = html.len() - trimmed.len();
    if trimmed
        .get(..9)
        .is_some_and(|s| s.eq_ignore_ascii_case("<!doctype"))
        && let Some(end) = trimmed.find('>')
    {
        return lead + end + 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_page_is_left_as_it_is() {
        let escaped = format!(
            "<!DOCTYPE html>\n<html><head>{}</head></html>",
            META.replace('\'', "&#39;")
        );
        assert_eq!(enforce(escaped.clone()), escaped);
        let page = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n{}\n<link rel=\"stylesheet\" href=\"a.css\">\n</head><body><script src=\"a.js\"></script></body></html>",
            META
        );
        assert_eq!(enforce(page.clone()), page);
    }

    #[test]
    fn a_page_without_the_policy_gets_it_first() {
        let page = "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><script>alert(1)</script></head></html>";
        let out = enforce(page.to_string());
        assert_eq!(
            out,
            format!(
                "<!doctype html>{}\n<html lang=\"ar\" dir=\"rtl\"><head><script>alert(1)</script></head></html>",
                META
            )
        );
    }

    #[test]
    fn a_script_before_the_policy_gets_it_moved_ahead() {
        let page = format!(
            "<html><head><script>alert(1)</script>{}</head></html>",
            META
        );
        let out = enforce(page.clone());
        assert!(out.starts_with(META), "{out}");
        assert!(out.ends_with(&page));
    }
}
