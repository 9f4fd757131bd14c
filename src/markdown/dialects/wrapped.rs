//! A web address wrapped by a click tracker, written as text: pasted from
//! an e-mail (Outlook's Safe Links, whose address names the mailbox it
//! was sent to, `…%7Cname%40org.example%7C…`) or from a Google document
//! (`https://www.google.com/url?q=…`). A link's is published as the
//! address inside (`link_html`); as text, readers got the wrapper, the
//! staff mailbox with it, in the page, its print page and search. It is
//! now shown as the address inside too, with a warning at its place.

use super::body;
use crate::markdown::state::{State, Wrapped};
use pulldown_cmark::{CowStr, Event};
use std::ops::Range;

/// The wrapped address whose `http` is at `at` of `body`, if it is one.
fn at_start(body: &str, at: usize) -> Option<Wrapped> {
    let (len, who, inner) = crate::address::tracked_in(body, at)?;
    Some(Wrapped {
        range: at..at + len,
        inner,
        who,
    })
}

/// The wrapped addresses of `body` (code, here), in order.
fn find(body: &str) -> Vec<Wrapped> {
    let mut out: Vec<Wrapped> = Vec::new();
    if !(body.contains("safelinks.protection.outlook.com") || body.contains("google.com/url?")) {
        return out;
    }
    let b = body.as_bytes();
    for i in memchr::memmem::find_iter(b, b"http") {
        let inside = out.last().is_some_and(|w| i < w.range.end);
        if inside || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/')) {
            continue;
        }
        out.extend(at_start(body, i));
    }
    out
}

/// An address written as text starts at `at` (`inline::address_in_text`,
/// which finds them in a page's text, once): whether it is wrapped, kept
/// for [`replace`] when it is. Found here, as the text is read, rather than
/// by searching every page for the trackers' names first.
pub(super) fn look(st: &mut State, at: usize) -> bool {
    if let Some(last) = st.dialects.wrapped.last()
        && at < last.range.end
    {
        return at == last.range.start;
    }
    match at_start(body(st), at) {
        Some(w) => {
            st.dialects.wrapped.push(w);
            true
        }
        None => false,
    }
}

/// Text with each wrapped address in it shown as the address inside.
pub(super) fn replace<'a>(
    st: &mut State<'_, 'a>,
    t: CowStr<'a>,
    range: Range<usize>,
) -> Option<(Event<'a>, Range<usize>)> {
    let w = &st.dialects.wrapped;
    let first = w.partition_point(|w| w.range.end <= range.start);
    let last = w.partition_point(|w| w.range.start < range.end);
    if first >= last {
        return Some((Event::Text(t), range));
    }
    if body(st).get(range.clone()) != Some(&*t) {
        // Not its source as written (an entity, or an autolink's text,
        // already the address inside): a piece wholly after an address's
        // start goes with it.
        let inside = w[first..last]
            .iter()
            .any(|w| w.range.start < range.start && range.end <= w.range.end);
        return (!inside).then_some((Event::Text(t), range));
    }
    let mut out = String::with_capacity(t.len());
    let mut from = range.start;
    let mut said = Vec::new();
    for w in &w[first..last] {
        let (start, end) = (w.range.start.max(range.start), w.range.end.min(range.end));
        out.push_str(&t[from - range.start..start - range.start]);
        // The address inside, where the wrapper starts (a wrapper the
        // parser cut into pieces loses the rest of them).
        if w.range.start >= range.start {
            out.push_str(&w.inner);
            said.push((w.range.start, w.who, w.inner.clone()));
        }
        from = end.max(from);
    }
    out.push_str(&t[from - range.start..]);
    for (at, who, inner) in said {
        st.warn(
            at,
            format!("this web address, written as text, goes through {who}"),
            Some(&format!("write the address itself, as a link: `<{inner}>` (addresses copied from an e-mail or a Google document are wrapped so); it is published as that address, so that the page does not show the wrapper")),
        );
    }
    if out.is_empty() {
        return None;
    }
    Some((Event::Text(CowStr::from(out)), range))
}

/// A wrapped address in code (`range`, a code span or block) is published
/// as written, since code is shown as typed: its author is told.
pub(super) fn in_code(st: &mut State, range: &Range<usize>) {
    let Some(code) = body(st).get(range.clone()) else {
        return;
    };
    for w in find(code) {
        st.warn(
            range.start + w.range.start,
            format!("this web address, in code, goes through {}; code is published as written", w.who),
            Some(&format!("write the address itself: `{}` (addresses copied from an e-mail or a Google document are wrapped so)", w.inner)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn wrapped_addresses_and_not_others() {
        let body = concat!(
            "Form: https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fform&data=05%7C01%7Ca%40b.example&reserved=0.\n",
            "(see https://www.google.com/url?q=https://example.org/a&sa=D) and ",
            "https://www.google.com/search?q=https://example.org or https://example.org/google.com/url?q=x\n",
        );
        let wrapped = find(body);
        let found: Vec<(&str, &str)> = wrapped
            .iter()
            .map(|w| (&body[w.range.clone()], w.inner.as_str()))
            .collect();
        assert_eq!(found.len(), 2);
        assert!(found[0].0.ends_with("&reserved=0"), "{}", found[0].0);
        assert_eq!(found[0].1, "https://example.org/form");
        assert!(found[1].0.ends_with("sa=D"), "{}", found[1].0);
        assert_eq!(found[1].1, "https://example.org/a");
        assert!(find("Search google.com/url? pages.\n").is_empty());
        assert!(
            find("https://example.org/a https://eur01.example.org/?url=https://b.example")
                .is_empty()
        );
    }
}
