//! What a tab may load while it prints: the staged site's files, and
//! nothing else.
//!
//! A print page is the site's own, but its theme is input too: a script or
//! a refresh that takes the tab to `file:///home/…/.ssh/id_rsa` would print
//! that file into the published PDF, and one that loads another host's
//! address tells that host who is building the site, and when. The
//! Content-Security-Policy does not cover where the page itself goes, and
//! on a `file://` page its `'self'` is every file of the machine, so
//! Chromium asks fieldguide about every request (the DevTools `Fetch`
//! domain, for every tab) and is let open only the staged site's files.

use percent_encoding::percent_decode_str;

/// What is decided about one request.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    /// Refused: why, for the message.
    Refuse(Refusal),
}

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A file or address outside the staged site.
    Outside(String),
    /// The tab being printed taken to another document.
    Navigated(String),
}

/// The tab being printed, as its requests are judged.
#[derive(Debug, Default)]
pub struct Tab {
    /// Its main frame (DevTools gives a page's main frame its target's id).
    pub frame: String,
    /// The document it opened: the print page, as Chromium spelled it.
    pub opened: Option<String>,
}

/// Judges a request for `url` of the kind `resource` (DevTools' resource
/// type) made by `frame`, while `tab` prints from the staged site at
/// `site` (a `file://` address ending in `/`).
pub fn judge(site: &str, tab: &mut Tab, url: &str, resource: &str, frame: &str) -> Verdict {
    if resource == "Document" && frame == tab.frame {
        let page = url.split('#').next().unwrap_or(url);
        match &tab.opened {
            None if inside(site, url) => tab.opened = Some(page.to_string()),
            // Reloaded: still the print page.
            Some(opened) if opened == page => {}
            _ => return Verdict::Refuse(Refusal::Navigated(shown(site, url))),
        }
    }
    if !inside(site, url) {
        return Verdict::Refuse(Refusal::Outside(shown(site, url)));
    }
    Verdict::Allow
}

/// Whether `url` names a file under `site`. Chromium hands over addresses
/// already resolved (no `.` or `..` segments); an encoded one, or an
/// encoded slash that would make one, is refused anyway.
pub fn inside(site: &str, url: &str) -> bool {
    let Some(rest) = url.strip_prefix(site) else {
        return false;
    };
    let path = rest.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    !decoded.contains('\\')
        && !decoded
            .split('/')
            .any(|s| s == ".." || s == "." || s.contains('\0'))
}

/// An address as a message shows it: a staged file by its path in the
/// site, anything else as it is, cut to 200 characters.
fn shown(site: &str, url: &str) -> String {
    let s = url.strip_prefix(site).unwrap_or(url);
    match s.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The error for a document whose tab made the `refused` requests (at
/// least one), naming the first and counting the others.
pub fn message(refused: &[Refusal]) -> String {
    let more = match refused.len() {
        0 | 1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    match refused.first() {
        Some(Refusal::Navigated(to)) => format!(
            "a script or refresh of the print page took it to `{to}` while it was printed{more}; \
             Chromium was not let open it, and a PDF of another document would not be this one's \
             (look for what sets `location`, or a `<meta http-equiv=\"refresh\">`, in the theme's \
             templates and scripts)"
        ),
        Some(Refusal::Outside(to)) => format!(
            "the print page loads `{to}`, which is not one of the site's files{more}; Chromium \
             was not let open it: a print page may load only the site's own files, or a PDF \
             could show a file of this computer or tell another host that it is printed (look \
             for that address in the theme's templates and scripts)"
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "file:///tmp/fieldguide-pdf-x/site/";

    fn tab() -> Tab {
        Tab {
            frame: "F".into(),
            opened: None,
        }
    }

    #[test]
    fn only_the_staged_sites_files_are_inside() {
        assert!(inside(SITE, &format!("{SITE}en/pub/print.html")));
        assert!(inside(SITE, &format!("{SITE}assets/print.css?v=1#x")));
        for outside in [
            "file:///etc/passwd",
            "file:///tmp/fieldguide-pdf-x/profile-0/Default/Cookies",
            "file:///tmp/fieldguide-pdf-x/site",
            "file:///tmp/fieldguide-pdf-x/site-other/a.png",
            "https://example.org/x.png",
            "http://127.0.0.1:9/",
        ] {
            assert!(!inside(SITE, outside), "{outside}");
        }
        for sneaky in [
            "%2e%2e/profile-0/x",
            "en/%2E%2E%2f..%2fx",
            "a%5c..%5cb",
            ".%00/x",
        ] {
            assert!(!inside(SITE, &format!("{SITE}{sneaky}")), "{sneaky}");
        }
    }

    #[test]
    fn the_print_page_may_reload_but_not_go_elsewhere() {
        let mut t = tab();
        let page = format!("{SITE}en/pub/print.html");
        assert_eq!(judge(SITE, &mut t, &page, "Document", "F"), Verdict::Allow);
        let reload = format!("{page}#top");
        assert_eq!(
            judge(SITE, &mut t, &reload, "Document", "F"),
            Verdict::Allow
        );
        // A frame of its own may show another staged file.
        let other = format!("{SITE}fr/pub/print.html");
        assert_eq!(judge(SITE, &mut t, &other, "Document", "G"), Verdict::Allow);
        assert_eq!(
            judge(SITE, &mut t, &other, "Document", "F"),
            Verdict::Refuse(Refusal::Navigated("fr/pub/print.html".into()))
        );
        assert_eq!(
            judge(SITE, &mut t, "file:///etc/hostname", "Image", "F"),
            Verdict::Refuse(Refusal::Outside("file:///etc/hostname".into()))
        );
        assert_eq!(
            judge(SITE, &mut t, "https://example.org/", "Document", "F"),
            Verdict::Refuse(Refusal::Navigated("https://example.org/".into()))
        );
    }

    #[test]
    fn the_message_names_the_first_and_counts_the_rest() {
        let long = format!("https://example.org/{}", "a".repeat(500));
        let mut t = tab();
        let Verdict::Refuse(r) = judge(SITE, &mut t, &long, "Image", "F") else {
            panic!("allowed");
        };
        let m = message(&[r.clone(), r]);
        assert!(m.contains("(and 1 more)"), "{m}");
        assert!(m.len() < 800, "{m}");
        assert!(m.contains("https://example.org/aaa"), "{m}");
    }
}
