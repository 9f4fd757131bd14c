//! Web addresses a browser reads otherwise than they look.

use crate::common::{Site, message_at};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";

/// A browser skips any number of `/` and `\` after `https:`, none
/// included, so `https:/\hotline.gov@evil.example/` leads to
/// `evil.example` as `https://hotline.gov@evil.example/` does; only the
/// second was a warning, and the others were published without a word.
/// Now each is a warning at the link naming the host it leads to, and an
/// address with `@` in its path, or a `\` ending its host, is not.
#[test]
fn a_name_before_at_after_other_slashes_is_a_warning() {
    let links = [
        "https:/\\hotline.gov@evil.example/",
        "https:hotline.gov@evil.example/",
        "http:/hotline.gov@evil.example/",
        "https:///hotline.gov@evil.example/",
    ];
    let text: String = links
        .iter()
        .map(|l| format!("[Hotline]({l})\n\n"))
        .collect();
    let page_lines = |s: &Site| s.read(SIGNS).lines().count();
    let site = Site::signs_with(&format!(
        "{text}[Team](https:/\\hotline.gov/team@office)\n\n<a href=\"https://hotline.gov\\x@evil.example/\">Shown</a>\n"
    ));
    let first = page_lines(&site) - 2 * links.len() - 2;
    let o = site.build_ok();
    for (i, l) in links.iter().enumerate() {
        let (line, _) = message_at(&o.stderr, &format!("{SIGNS}:{}:1", first + 2 * i));
        assert!(
            line.ends_with("warning: this link leads to `evil.example`, not to `hotline.gov`: what comes before `@` in an address is a user name, which makes a link look like another site's"),
            "{l}: {line}\n{}",
            o.stderr
        );
    }
    assert_eq!(
        o.stderr.matches("what comes before `@`").count(),
        links.len(),
        "{}",
        o.stderr
    );
}
