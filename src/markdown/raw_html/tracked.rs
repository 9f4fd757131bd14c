//! A web address wrapped by a click tracker, written as text in raw HTML:
//! an HTML block pasted from an e-mail or a Google document, whose link
//! shows its address (`<a href="https://eur01.safelinks…">https://eur01.safelinks…</a>`).
//! The link's target was published as the address inside (`link_html`),
//! and so was such an address in Markdown text (`dialects::wrapped`), but
//! the words of the block were published as written: the wrapper, with the
//! staff mailbox a Safe Link names, in the page, its print page and
//! search. They are now shown as the address inside too, each with a
//! warning at its place.

use crate::markdown::state::State;
use html5ever::tokenizer::Token;

/// `tokens` with each run of text in one token: the tokenizer cuts text
/// at every `&` (`…%2Fr` then `&data=…`), and an address must be read
/// whole to be replaced whole.
pub(super) fn joined(tokens: Vec<(Token, u64)>) -> Vec<(Token, u64)> {
    let mut out: Vec<(Token, u64)> = Vec::with_capacity(tokens.len());
    for (token, line) in tokens {
        match (out.last_mut(), token) {
            (Some((Token::CharacterTokens(text), _)), Token::CharacterTokens(more)) => {
                text.push_tendril(&more);
            }
            (_, token) => out.push((token, line)),
        }
    }
    out
}

/// `text` (raw HTML's text, its entities read) with each wrapped address
/// in it as the address inside; `None` when it holds none. `from` is the
/// body offset after which the block's words are looked for, to say where
/// each address is; it moves past each one found.
pub(super) fn unwrap(st: &mut State, text: &str, from: &mut usize) -> Option<String> {
    if !(text.contains("safelinks.protection.outlook.com") || text.contains("google.com/url?")) {
        return None;
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for at in memchr::memmem::find_iter(b, b"http") {
        // Within an address already replaced, or inside a word or path.
        if at < done || (at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'/')) {
            continue;
        }
        let Some((len, who, inner)) = crate::address::tracked_in(text, at) else {
            continue;
        };
        out.push_str(&text[done..at]);
        out.push_str(&inner);
        done = at + len;
        let place = place(st, &text[at..done], from);
        st.warn(
            place,
            format!("this web address, written as text, goes through {who}"),
            Some(&format!("write the address itself, as the link's words: `{inner}` (addresses copied from an e-mail or a Google document are wrapped so); it is published as that address, so that the page does not show the wrapper")),
        );
    }
    if done == 0 {
        return None;
    }
    out.push_str(&text[done..]);
    Some(out)
}

/// The body offset of `address` as words after `from`: where it is
/// written, not as an attribute's value (`href="…"`, which comes first);
/// `from` itself when it is not found as written.
fn place(st: &State, address: &str, from: &mut usize) -> usize {
    let body = &st.text_src[st.body_offset.min(st.text_src.len())..];
    // As written up to its first `&`, which the source may write `&amp;`.
    let head = &address[..address.find('&').unwrap_or(address.len())];
    let Some(rest) = body.get(*from..) else {
        return *from;
    };
    let found = memchr::memmem::find_iter(rest.as_bytes(), head.as_bytes()).find(|&i| {
        !matches!(
            rest.as_bytes().get(i.wrapping_sub(1)),
            Some(b'"' | b'\'' | b'=')
        )
    });
    match found {
        Some(i) => {
            *from += i + head.len();
            *from - head.len()
        }
        None => *from,
    }
}
