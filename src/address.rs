//! What a reader cannot see from a web address's text: a name before `@`
//! dressed as the site it leads away from, a click tracker wrapped around
//! the address. Said of a Markdown link and of a local value's address.

/// `https://hotline.gov@evil.example/`: what the address seems to name
/// (before `@`) and the host it leads to. Read as a browser reads a web
/// address: after `http:` or `https:` any number of `/` or `\`, none
/// included (`https:/\hotline.gov@evil.example/` leads to `evil.example`
/// too), and the host's name ends at a `\` as at a `/`.
pub fn user_name_in(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once(':')?;
    let web = ["http", "https", "ws", "wss", "ftp"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s));
    let authority = if web {
        rest.trim_start_matches(['/', '\\'])
            .split(['/', '\\', '?', '#'])
            .next()?
    } else {
        rest.strip_prefix("//")?.split(['/', '?', '#']).next()?
    };
    let (user, host) = authority.rsplit_once('@')?;
    (!host.is_empty()).then_some((user, host))
}

/// A link wrapped by a mail or office service's click tracker, as links
/// copied from an e-mail or exported from Google Docs are (Outlook's Safe
/// Links, Google's `/url?q=`): every reader's click goes through that
/// service, and a Safe Link names the mailbox it was sent to. What it
/// goes through, and the address inside, when `url` is one (a space or
/// control character the wrapper had encoded stays encoded: it is
/// published as an `href`).
pub fn tracked(url: &str) -> Option<(&'static str, String)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, query) = rest.split_once('?')?;
    let (host, path) = host.split_once('/').unwrap_or((host, ""));
    let host = host.to_ascii_lowercase();
    let (who, param) = if host.ends_with(".safelinks.protection.outlook.com") {
        (
            "Outlook's Safe Links: Microsoft sees every reader's click, and the link names the mailbox it was sent to",
            "url",
        )
    } else if (host == "www.google.com" || host == "google.com") && path == "url" {
        ("Google's redirect: Google sees every reader's click", "q")
    } else {
        return None;
    };
    let inner = query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == param).then(|| {
            crate::url::percent_decode(v)
                .chars()
                .map(|c| match c {
                    c if c.is_whitespace() || c.is_control() => {
                        let mut b = [0; 4];
                        c.encode_utf8(&mut b)
                            .bytes()
                            .map(|b| format!("%{b:02X}"))
                            .collect()
                    }
                    c => c.to_string(),
                })
                .collect::<String>()
        })
    })?;
    (inner.starts_with("http://") || inner.starts_with("https://")).then_some((who, inner))
}

/// The address wrapped by a click tracker (see [`tracked`]) whose `http`
/// is at byte `at` of `text`, written as text: how long it is there (to a
/// space, a bracket or a quote, without the punctuation after it), what it
/// goes through, and the address inside.
pub fn tracked_in(text: &str, at: usize) -> Option<(usize, &'static str, String)> {
    let rest = text.get(at..)?;
    let end = rest
        .find(|c: char| c.is_whitespace() || "<>`\"'()[]".contains(c))
        .unwrap_or(rest.len());
    let piece = rest[..end].trim_end_matches(|c| ".,;:!?*_~".contains(c));
    let (who, inner) = tracked(piece)?;
    Some((piece.len(), who, inner))
}

/// The first address wrapped by a click tracker in `text`, as
/// [`tracked_in`] gives it, and where it starts.
pub fn first_tracked(text: &str) -> Option<(usize, &'static str, String)> {
    memchr::memmem::find_iter(text.as_bytes(), b"http")
        .find_map(|at| tracked_in(text, at).map(|(_, who, inner)| (at, who, inner)))
}

/// A character in `url` that its printed text hides: a direction override
/// or isolate (`true`: it reorders the address where it shows, as print
/// pages show each web link's address after it), or one that takes no room
/// on screen (a zero-width space, a direction mark: the address looks like
/// one without it). The joiners (U+200C, U+200D) are not: Persian and
/// Indic words, in a wiki's addresses too, are spelt with them.
pub fn unseen(url: &str) -> Option<(char, bool)> {
    let c = url.chars().find(|&c| {
        (crate::text::is_invisible(c) || c == '\u{61c}') && !matches!(c, '\u{200c}' | '\u{200d}')
    })?;
    Some((
        c,
        matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_name_is_told_from_the_host() {
        assert_eq!(
            user_name_in("https://hotline.gov@evil.example/a"),
            Some(("hotline.gov", "evil.example"))
        );
        assert_eq!(user_name_in("https://example.org/a@b"), None);
        assert_eq!(user_name_in("mailto:a@example.org"), None);
        for url in [
            "https:/\\hotline.gov@evil.example/",
            "https:hotline.gov@evil.example",
            "HTTP:\\\\hotline.gov@evil.example/a",
            "https:///hotline.gov@evil.example/",
        ] {
            assert_eq!(
                user_name_in(url),
                Some(("hotline.gov", "evil.example")),
                "{url}"
            );
        }
        assert_eq!(user_name_in("https://evil.example\\@hotline.gov/"), None);
        assert_eq!(user_name_in("https:/\\example.org/a@b"), None);
    }

    #[test]
    fn what_an_address_hides() {
        assert_eq!(
            unseen("https://example.org/\u{202e}fdp.exe"),
            Some(('\u{202e}', true))
        );
        assert_eq!(
            unseen("https://a.example\u{200b}.org/"),
            Some(('\u{200b}', false))
        );
        assert_eq!(
            unseen("https://fa.example.org/\u{645}\u{6cc}\u{200c}\u{62e}"),
            None
        );
        assert_eq!(unseen("https://example.org/%E2%80%AE"), None);
    }

    #[test]
    fn only_a_trackers_wrapped_address_is_named() {
        let inner = |u: &str| tracked(u).map(|(_, i)| i);
        assert_eq!(
            inner("https://www.google.com/url?sa=D&q=https%3A%2F%2Fexample.org%2Fa"),
            Some("https://example.org/a".to_string())
        );
        assert_eq!(
            inner("https://www.google.com/search?q=https://example.org"),
            None
        );
        assert_eq!(inner("https://www.google.com/url?q=consent"), None);
        assert_eq!(
            inner("https://www.google.com/url?q=https://example.org/a%20b%0A&sa=D"),
            Some("https://example.org/a%20b%0A".to_string())
        );
        assert_eq!(
            inner("https://safelinks.example.org/?url=https://example.org"),
            None
        );
    }
}
