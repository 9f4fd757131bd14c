//! DokuWiki's headings, `====== Title ======`, which look like
//! MediaWiki's but run the other way: six `=` are DokuWiki's top level,
//! two its lowest. They were named as MediaWiki markup with a hint to
//! write `###### Title`, the lowest level Markdown has, for the page's
//! title. They are told apart only where the page shows other DokuWiki
//! markup: a namespaced link, `[[ns:page|label]]`, italics, `//words//`,
//! `<code>` or `<file>` blocks, or a table's heading row, `^ Name ^`.

/// `body` shows DokuWiki's markup besides its headings. Asked once, where
/// a wiki heading is named.
pub(super) fn marked(body: &str) -> bool {
    body.contains("<code>")
        || body.contains("<code ")
        || body.contains("<file")
        || body
            .lines()
            .any(|l| table_row(l) || italics(l) || namespaced(l))
}

/// `^ Name ^ Phone ^`: a heading row, `^` at both ends.
fn table_row(line: &str) -> bool {
    let t = line.trim();
    t.len() > 2 && t.starts_with("^ ") && t.ends_with(" ^")
}

/// `//words//`, not an address's `://` nor a comment's `// `.
fn italics(line: &str) -> bool {
    let mut rest = line;
    while let Some(i) = rest.find("//") {
        let before = rest[..i].chars().next_back();
        let after = &rest[i + 2..];
        let opens = before != Some(':')
            && before.is_none_or(|c| !c.is_alphanumeric())
            && after.starts_with(|c: char| c.is_alphabetic());
        if opens
            && after
                .find("//")
                .is_some_and(|j| !after[..j].ends_with(' ') && !after[..j].contains("://"))
        {
            return true;
        }
        rest = after;
    }
    false
}

/// `[[ns:page|label]]`, `[[ns:page]]`: a link into a namespace.
fn namespaced(line: &str) -> bool {
    line.find("[[").is_some_and(|i| {
        let inner = &line[i + 2..];
        let end = inner.find(['|', ']']).unwrap_or(inner.len());
        let target = &inner[..end];
        let ns = target.split(':').next().unwrap_or("").to_ascii_lowercase();
        target.contains(':')
            && !target.contains("://")
            && !target.contains(' ')
            && !MEDIAWIKI_NAMESPACES.contains(&ns.as_str())
    })
}

/// MediaWiki's own namespaces, `[[File:a.png|thumb]]`: no DokuWiki mark.
const MEDIAWIKI_NAMESPACES: &[&str] = &[
    "file",
    "image",
    "media",
    "category",
    "template",
    "help",
    "special",
    "user",
    "talk",
    "w",
    "wikipedia",
    "project",
];

/// A link's inside in GitHub's order, for the hint: DokuWiki writes the
/// page first, in its namespace (`guide:referral|the pathway`), whose
/// file is the page's name, `referral`.
pub(super) fn link_inner(inner: &str) -> String {
    let page = |p: &str| p.rsplit(':').next().unwrap_or(p).trim().to_string();
    match inner.split_once('|') {
        Some((target, text)) => format!("{}|{}", text.trim(), page(target)),
        None => page(inner),
    }
}

/// The warning and hint for a DokuWiki heading shown as written.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    let t = shown.trim();
    let n = t.bytes().take_while(|&b| b == b'=').count();
    let inner = t.trim_matches('=').trim();
    let level = 7usize.saturating_sub(n).max(1);
    let md = format!("{} {inner}", "#".repeat(level));
    let msg = format!(
        "DokuWiki markup `{shown}` is shown as written{more}: fieldguide's Markdown has no `==` headings"
    );
    let rest = "DokuWiki's levels run the other way from Markdown's: `====== Title ======` is `# Title`, `===== Section =====` is `## Section`, and so on down to `== Minor ==`, `#####`; `//italics//` is `*italics*`, `[[ns:page|label]]` is `[label](page.md)`, `<code>` around lines is ``` before and after them";
    let hint = if shown.ends_with('…') {
        format!("write it in Markdown: {rest}")
    } else {
        format!("write `{md}` instead: {rest}")
    };
    (msg, hint)
}

#[cfg(test)]
mod tests {
    use super::{link_inner, marked, words};

    #[test]
    fn dokuwiki_pages_and_not_others() {
        for body in [
            "====== Title ======\n\nSee [[guide:referral|the pathway]].\n",
            "===== S =====\n\nIt is //urgent// now.\n",
            "== S ==\n\n^ Name ^ Phone ^\n| A | 1 |\n",
            "== S ==\n\n<code>\nx\n</code>\n",
        ] {
            assert!(marked(body), "{body}");
        }
        for body in [
            "== S ==\n\nSee https://example.org/a//b and [[Referral|the pathway]].\n",
            "== S ==\n\n'''Bold''' and ''italics''.\n",
            "== S ==\n\n// a comment\nx ^ y ^ z\n",
            "== S ==\n\nVoir [[Page: Consentement]].\n",
            "== S ==\n\n[[File:flow.png|thumb|Flow]] [[Category:Referral]]\n",
        ] {
            assert!(!marked(body), "{body}");
        }
    }

    #[test]
    fn levels_run_the_other_way() {
        let hint = |s: &str| words(s, "").1;
        assert!(hint("====== Title ======").starts_with("write `# Title` instead"));
        assert!(hint("===== Scope =====").starts_with("write `## Scope` instead"));
        assert!(hint("== Minor ==").starts_with("write `##### Minor` instead"));
        assert_eq!(
            link_inner("guide:referral|the pathway"),
            "the pathway|referral"
        );
        assert_eq!(link_inner("guide:referral"), "referral");
    }
}
