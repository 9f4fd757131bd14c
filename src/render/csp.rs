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

/// `html` as rendered, when nothing but the start of `<head>` comes before
/// the policy's `<meta>`; otherwise `html` with the `<meta>` put first,
/// right after the doctype, where the parser places it at the top of
/// `<head>`. (A second, looser policy in the page cannot widen this one: a
/// browser enforces every policy a page carries.)
pub fn enforce(html: String) -> String {
    // Only the head is looked at: a print page can be megabytes long.
    let head = &html[..html.find("</head>").unwrap_or(html.len())];
    if let Some(at) = head.find(META).or_else(|| head.find(ESCAPED.as_str()))
        && html
            .get(doctype_end(&html)..at)
            .is_some_and(only_head_start)
    {
        return html;
    }
    let start = doctype_end(&html);
    let mut out = String::with_capacity(html.len() + META.len() + 1);
    out.push_str(&html[..start]);
    out.push_str(META);
    out.push('\n');
    out.push_str(&html[start..]);
    out
}

/// Whether `before` (what precedes the policy's `<meta>`, after the
/// doctype) holds only what keeps the parser in `<head>` and loads
/// nothing: the `<html>` and `<head>` tags, other `<meta>`s, a `<title>`,
/// comments and white space. Anything else ends the head where it stands
/// (an `<img>`, a word of text), and a policy met after that, in the body,
/// is ignored: the page would have none. So would one after a script,
/// style, link or `<base>`, which load or act before it.
fn only_head_start(before: &str) -> bool {
    let mut rest = before;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return true;
        }
        if let Some(r) = rest.strip_prefix("<!--") {
            let Some(end) = r.find("-->") else {
                return false;
            };
            rest = &r[end + 3..];
            continue;
        }
        let Some(tag) = rest.strip_prefix('<') else {
            return false;
        };
        let Some(end) = tag.find('>') else {
            return false;
        };
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        rest = match name.as_str() {
            "html" | "head" | "meta" => &tag[end + 1..],
            "title" if !closing => {
                // Its text, up to `</title>`, stays in the head.
                let Some(close) = tag.to_ascii_lowercase().find("</title") else {
                    return false;
                };
                let after = &tag[close..];
                match after.find('>') {
                    Some(e) => &after[e + 1..],
                    None => return false,
                }
            }
            _ => return false,
        };
    }
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
    fn what_ends_the_head_before_the_policy_gets_it_moved_ahead() {
        for lead in [
            "<img src=\"https://x.example/a.png\">",
            "Hello",
            "<noscript><img src=x></noscript>",
            "<base href=\"https://x.example/\">",
            "<title>t",
            "<!-- open",
        ] {
            let page = format!(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">{lead}{META}</head><body></body></html>"
            );
            let out = enforce(page.clone());
            assert!(
                out.starts_with(&format!("<!DOCTYPE html>{META}\n")),
                "{lead}: {out}"
            );
        }
        let kept = format!(
            "<!DOCTYPE html>\n<HTML lang=\"ar\">\n<!-- theme -->\n<Head>\n<meta charset=\"utf-8\">\n<title>a > b</title>\n{META}<img src=x></head></html>"
        );
        assert_eq!(enforce(kept.clone()), kept);
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
