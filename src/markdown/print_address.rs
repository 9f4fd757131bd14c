//! A link to an e-mail address or a phone number whose words do not show
//! it (`[write to us](mailto:help@example.org)`, `[call the hotline](tel:+234800123)`):
//! on paper the words alone lead nowhere, so the address follows them in
//! print, and only in print (`.print-address`, hidden on screen). A link
//! whose words hold the address (`<help@example.org>`, a value) is left
//! as it is.

use super::escape;
use pulldown_cmark::Event;

/// What print shows of a `mailto:` or `tel:` address `url`: the address
/// (before any `?subject=`), or the number as written; `None` for others.
pub(super) fn of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once(':')?;
    let written = if scheme.eq_ignore_ascii_case("mailto") {
        rest.split('?').next().unwrap_or(rest)
    } else if scheme.eq_ignore_ascii_case("tel") {
        rest
    } else {
        return None;
    };
    let shown = percent_encoding::percent_decode_str(written)
        .decode_utf8()
        .ok()?;
    (!shown.trim().is_empty()).then(|| shown.into_owned())
}

/// The HTML to write after the link whose events are `events`, when its
/// words do not show `address`: compared without case, and a number by
/// its digits alone (`+234 800 123` shows `tel:+234800123`).
pub(super) fn after(events: &[Event], address: &str) -> Option<String> {
    let mut words = String::new();
    for e in events {
        if let Event::Text(t) | Event::Code(t) = e {
            words.push_str(t);
        }
    }
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let number = digits(address);
    let shown = if number.len() >= 3 && !address.contains('@') {
        digits(&words).contains(&number)
    } else {
        words.to_lowercase().contains(&address.to_lowercase())
    };
    (!shown).then(|| {
        format!(
            "<span class=\"print-address\"> (<bdi dir=\"ltr\">{}</bdi>)</span>",
            escape(address)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::CowStr;

    fn text(s: &str) -> Vec<Event<'_>> {
        vec![Event::Text(CowStr::from(s))]
    }

    #[test]
    fn the_address_follows_words_that_do_not_show_it() {
        assert_eq!(
            of("mailto:help@example.org?subject=Hi").as_deref(),
            Some("help@example.org")
        );
        assert_eq!(of("tel:+234%20800%20123").as_deref(), Some("+234 800 123"));
        assert_eq!(of("https://example.org"), None);
        assert_eq!(of("mailto:"), None);
        let span = after(&text("write to us"), "help@example.org").unwrap();
        assert!(
            span.contains("(<bdi dir=\"ltr\">help@example.org</bdi>)"),
            "{span}"
        );
        assert!(after(&text("Help@Example.org"), "help@example.org").is_none());
        assert!(after(&text("+234 800 123"), "+234800123").is_none());
        assert!(after(&text("call the hotline"), "+234800123").is_some());
        assert!(
            after(&text("a <b>"), "a<b>@x")
                .unwrap()
                .contains("a&lt;b&gt;@x")
        );
    }
}
