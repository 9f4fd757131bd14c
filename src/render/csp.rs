//! Every page keeps the Content-Security-Policy, whatever the templates:
//! a site's own `templates/` may override `base.html`, and an override
//! that leaves out the policy's `<meta>` (or puts a script before it)
//! would otherwise publish pages where inline and outside script runs.

use html5ever::tokenizer::{EndTag, StartTag, Tag, Token};
use std::cell::RefCell;
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

/// `html` as rendered, when a browser reads nothing but the start of
/// `<head>` before the policy's `<meta>`; otherwise `html` with the
/// `<meta>` put first, right after the doctype, where the parser places it
/// at the top of `<head>`. (A second, looser policy in the page cannot
/// widen this one: a browser enforces every policy a page carries.)
pub fn enforce(html: String) -> String {
    // Only the head is looked at: a print page can be megabytes long.
    let head = &html[..html.find("</head>").unwrap_or(html.len())];
    let found = head
        .find(META)
        .map(|at| at + META.len())
        .or_else(|| head.find(ESCAPED.as_str()).map(|at| at + ESCAPED.len()));
    if let Some(end) = found
        && html.get(doctype_end(&html)..end).is_some_and(policy_leads)
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

/// Whether a browser reads `upto` (what follows the doctype, through the
/// policy's `<meta>`) as the start of `<head>` ending in that `<meta>`:
/// the `<html>` and `<head>` tags, other `<meta>`s, a `<title>`, comments
/// and white space, then the policy. Anything else ends the head where it
/// stands (an `<img>`, a word of text, a tag named `<meta-x>`), and a
/// policy met after that, in the body, is ignored: the page would have
/// none. So would one after a script, style, link or `<base>`, which load
/// or act before it. html5ever splits `upto` into tokens as a browser does,
/// so a comment closed early (`<!-->`, `--!>`) or a quoted value holding
/// `>` and the policy's text is read as the browser reads it, not as a
/// search for `-->` or `>` would.
fn policy_leads(upto: &str) -> bool {
    // Every page of a language starts alike: its verdict is kept, not
    // read again for each of 30,000 pages.
    thread_local! {
        static READ: RefCell<Vec<(String, bool)>> = const { RefCell::new(Vec::new()) };
    }
    if let Some(known) = READ.with_borrow(|r| r.iter().find(|(u, _)| u == upto).map(|e| e.1)) {
        return known;
    }
    let seen = crate::markdown::html_tokens(upto)
        .into_iter()
        .fold(Seen::Head, |now, (token, _)| next(now, &token));
    let leads = seen == Seen::Policy;
    READ.with_borrow_mut(|r| {
        if r.len() == KEPT {
            r.remove(0);
        }
        r.push((upto.to_string(), leads));
    });
    leads
}

/// How many starts of pages each thread remembers (a few languages, their
/// print pages).
const KEPT: usize = 16;

/// Where the tokens read so far leave the page.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Seen {
    /// Still at the start of `<head>`, no policy yet.
    Head,
    /// Inside `<title>`: its text is text, whatever it looks like (the
    /// tokenizer reads it so, as a browser's tree builder has it).
    Title,
    /// The policy's `<meta>` was read at the start of `<head>`.
    Policy,
    /// Something that ends the head, or acts, before the policy.
    Other,
}

/// Where `token` leaves the page, from `now`.
fn next(now: Seen, token: &Token) -> Seen {
    match (now, token) {
        (Seen::Policy | Seen::Other, _) => now,
        (_, Token::EOFToken | Token::ParseError(_)) => now,
        (Seen::Title, Token::CharacterTokens(_)) => Seen::Title,
        (Seen::Title, Token::TagToken(t)) if t.kind == EndTag && &*t.name == "title" => Seen::Head,
        (Seen::Title, _) => Seen::Other,
        (_, Token::CommentToken(_)) => Seen::Head,
        (_, Token::CharacterTokens(t))
            if t.chars()
                .all(|c| matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')) =>
        {
            Seen::Head
        }
        (_, Token::TagToken(t)) if t.kind == StartTag => match &*t.name {
            "html" | "head" => Seen::Head,
            "meta" if is_policy(t) => Seen::Policy,
            "meta" => Seen::Head,
            "title" => Seen::Title,
            _ => Seen::Other,
        },
        _ => Seen::Other,
    }
}

/// Whether `tag` is the policy's `<meta>` (the tokenizer keeps the first of
/// two attributes of one name, as a browser does).
fn is_policy(tag: &Tag) -> bool {
    let attr = |name: &str| {
        tag.attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    };
    attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
        && attr("content") == Some(crate::csp_policy!())
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
            // Closed early, as a browser reads them: the image is in the body.
            "<!--><img src=\"https://x.example/a.png\"><!-- -->",
            "<!---><img src=\"https://x.example/a.png\"><!-- -->",
            "<!-- a --!><img src=\"https://x.example/a.png\"><!-- -->",
            // Not `<meta>` nor `<head>`: unknown elements, in the body.
            "<meta-x>",
            "<head:x>",
            "<title>a</title >x",
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
    fn a_policy_inside_a_quoted_value_gets_it_moved_ahead() {
        // The first `>` is inside the quoted value, which holds the policy's
        // text: the browser reads one `<meta name="x">` and no policy.
        for (open, close) in [
            ("<meta name=\"x\" content='>", "'>"),
            ("<meta a\"b c=\">", "\">"),
        ] {
            let page = format!(
                "<!DOCTYPE html>\n<html><head>{open}{}{close}</head></html>",
                *ESCAPED
            );
            let out = enforce(page.clone());
            assert!(
                out.starts_with(&format!("<!DOCTYPE html>{META}\n")),
                "{out}"
            );
        }
    }

    #[test]
    fn a_start_read_before_gets_the_same_verdict() {
        let good = "<html><head><meta charset=\"utf-8\">";
        let bad = "<html><head><script src=\"https://x.example/a.js\"></script>";
        for _ in 0..3 {
            assert!(policy_leads(&format!("{good}{META}")));
            assert!(!policy_leads(&format!("{bad}{META}")));
        }
        // More starts than are kept: each is still read right.
        for i in 0..2 * KEPT {
            let lead = format!("<html><head><meta name=\"n{i}\">{META}");
            assert!(policy_leads(&lead));
            assert!(!policy_leads(&format!("<p>{i}</p>{META}")));
        }
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
