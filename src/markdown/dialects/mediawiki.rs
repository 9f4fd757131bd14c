//! MediaWiki's own markup, pasted from a wiki's source into a page:
//! `'''bold'''`, `''italics''`, `== Heading ==` and a table's `{|`.
//! CommonMark reads none of it, so readers got the quotes and equals
//! signs around plain words, without a word to the author. Nothing is
//! lost, so each stays as written; the author is told once per page, at
//! the first place, with the Markdown to write.

use super::ticks::Ticks;

/// The first piece of MediaWiki markup in `line`: where it starts, and
/// its length.
pub(super) fn find(line: &str) -> Option<(usize, usize)> {
    if let Some(found) = heading(line)
        .or_else(|| table(line))
        .or_else(|| magic(line))
    {
        return Some(found);
    }
    quotes(line)
}

/// `== Heading ==` on a line of its own, the same number of `=` (one to
/// six) on both sides and a space inside each: `==text==` alone is a
/// highlight (Obsidian, MkDocs), and `a == b` no heading.
fn heading(line: &str) -> Option<(usize, usize)> {
    let t = line.trim();
    let n = t.bytes().take_while(|&b| b == b'=').count();
    let inner = t.get(n..t.len().checked_sub(n)?)?;
    let closed = (1..=6).contains(&n)
        && t.len() > 2 * n
        && t.ends_with(&"=".repeat(n))
        && inner.starts_with(' ')
        && inner.ends_with(' ')
        && !inner.trim().is_empty()
        && !inner.trim().starts_with('=')
        && !inner.trim().ends_with('=');
    let lead = line.len() - line.trim_start().len();
    closed.then_some((lead, t.len()))
}

/// A magic word on a line of its own, `__NOTOC__`, `__FORCETOC__`, which
/// Markdown shows as the word in bold.
fn magic(line: &str) -> Option<(usize, usize)> {
    let t = line.trim();
    let word = t.strip_prefix("__")?.strip_suffix("__")?;
    let lead = line.len() - line.trim_start().len();
    (word.len() >= 3 && word.bytes().all(|b| b.is_ascii_uppercase())).then_some((lead, t.len()))
}

/// A wiki table's first line, `{|` (with its attributes): the table's rows
/// follow as `|-` and `|` lines, shown as a paragraph of text.
fn table(line: &str) -> Option<(usize, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    t.starts_with("{|").then_some((lead, t.trim_end().len()))
}

/// `'''bold'''`, `''italics''` or `'''''both'''''`: a run of two, three
/// or five apostrophes, words right after it (no space), and the same run
/// closing them on the line, right after a word; not in a code span.
fn quotes(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    // For each length of run, where the line has no closing run before:
    // an opener after another that found none searches only past it, so
    // that a line of unclosed `''` is read once.
    let mut clear = [0usize; 6];
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'\'', &b[from..]).map(|i| from + i) {
        let run = b[i..].iter().take_while(|&&c| c == b'\'').count();
        from = i + run;
        let opens = matches!(run, 2 | 3 | 5)
            && b.get(i + run).is_some_and(|c| !c.is_ascii_whitespace())
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if !opens {
            continue;
        }
        let limit = b.len().min(from + MAX_SPAN);
        let Some(j) = closing(b, from.max(clear[run]), limit, run) else {
            clear[run] = limit;
            continue;
        };
        if ticks.in_code(i) {
            continue;
        }
        return Some((i, j + run - i));
    }
    None
}

/// Longest bold or italic words looked for.
const MAX_SPAN: usize = 300;

/// Where, in `b[from..limit]`, a run of exactly `run` apostrophes closes
/// what a run opened, right after a character that is no space.
fn closing(b: &[u8], from: usize, limit: usize, run: usize) -> Option<usize> {
    let mut at = from;
    while let Some(j) = memchr::memchr(b'\'', &b[at..limit.max(at)]).map(|j| at + j) {
        let n = b[j..limit].iter().take_while(|&&c| c == b'\'').count();
        at = j + n;
        if n == run && j > 0 && !b[j - 1].is_ascii_whitespace() {
            return Some(j);
        }
    }
    None
}

/// The Markdown for the piece found: `**bold**`, `*italics*`, `## Heading`.
fn markdown(shown: &str) -> Option<String> {
    let t = shown.trim();
    if t.starts_with("{|") || t.starts_with("__") {
        return None;
    }
    if t.starts_with('=') {
        let n = t.bytes().take_while(|&b| b == b'=').count();
        let inner = t.get(n..t.len().checked_sub(n)?)?.trim();
        return Some(format!("{} {inner}", "#".repeat(n)));
    }
    let run = t.bytes().take_while(|&b| b == b'\'').count();
    let inner = t.get(run..t.len().checked_sub(run)?)?;
    let mark = match run {
        2 => "*",
        3 => "**",
        _ => "***",
    };
    Some(format!("{mark}{inner}{mark}"))
}

/// The warning and hint for MediaWiki markup shown as written.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    let msg = format!(
        "MediaWiki markup `{shown}` is shown as written{more}: fieldguide's Markdown has no `'''`, `''`, `==` or `{{|` marks"
    );
    let rest = "`''…''` is italics, `*…*`; `'''…'''` is bold, `**…**`; `== Heading ==` is `## Heading`; a wiki table is a pipe table (`| Name | Phone |`, then `|---|---|`); `pandoc -f mediawiki -t gfm` converts a whole page";
    let hint = match markdown(shown).filter(|_| !shown.ends_with('…')) {
        Some(md) => format!("write `{md}` instead: {rest}"),
        None if shown.starts_with("__") => format!(
            "delete it (Markdown shows it as a word in bold): each page lists its own sections; {rest}"
        ),
        None => format!("write it in Markdown: {rest}"),
    };
    (msg, hint)
}

/// `{{Infobox|name=Shelter}}`, `{{Main|Referral}}`: a MediaWiki
/// template, on a page with MediaWiki's markup, or named with a capital
/// right after `{{` and given values after `|` (Liquid's filters, `{{
/// page.title | upcase }}`, have lower-case names and spaces).
pub(super) fn is_template(shown: &str, wiki_page: bool) -> bool {
    let Some(inner) = shown.strip_prefix("{{") else {
        return false;
    };
    let named = inner.starts_with(|c: char| c.is_alphabetic());
    let capital = inner.starts_with(|c: char| c.is_uppercase());
    let piped = inner.split("}}").next().is_some_and(|i| i.contains('|'));
    named && (wiki_page || (capital && piped))
}

/// The warning and hint for a MediaWiki template shown as written.
pub(super) fn template_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "a MediaWiki template `{shown}` is shown as text{more}: fieldguide does not run a wiki's templates"
        ),
        "write what the template showed in Markdown (its values as text or a table, a notice as a callout, `> [!NOTE]`), or delete it".to_string(),
    )
}

/// A wiki link on a page of MediaWiki's markup: MediaWiki writes the page
/// first, `[[Referral pathway|the pathway]]`, where a GitHub wiki writes
/// the text first; the hint is made in MediaWiki's order.
pub(super) fn link_inner(inner: &str) -> String {
    match inner.split_once('|') {
        Some((page, text)) if !page.contains(':') && !text.contains('|') => {
            format!("{text}|{page}")
        }
        _ => inner.to_string(),
    }
}

/// A line of a MediaWiki numbered list, `# First`, `## Nested`, `#: more`,
/// `#* a bullet under it`: at the line's very start, a `#`, then more
/// `#`, `*` or `:` marks, then the item's words (with or without a space).
fn list_line(line: &str) -> bool {
    let rest = line.trim_start_matches(['#', '*', ':']);
    line.starts_with('#') && !rest.trim().is_empty()
}

/// The line at `pos` of `body` is a MediaWiki list's: it and the line
/// right before or after it are list lines. A Markdown heading has a
/// blank line or text around it; two headings in a row are a title and a
/// section (`# Guide` then `## Scope`), so the run must hold two items of
/// one level or a `#:` or `#*` line.
pub(super) fn in_list(body: &str, pos: usize) -> bool {
    let (start, end) = crate::text::line_around(body, pos);
    if !list_line(&body[start..end]) {
        return false;
    }
    let mut lines = vec![&body[start..end]];
    let mut from = start;
    // A few lines either way decide it: a long list is not read again
    // whole from each of its lines.
    while from > 0 && lines.len() < RUN {
        let (s, e) = crate::text::line_around(body, from - 1);
        if !list_line(&body[s..e]) {
            break;
        }
        lines.push(&body[s..e]);
        from = s;
    }
    let mut to = end;
    while to < body.len() && lines.len() < 2 * RUN {
        let (s, e) = crate::text::line_around(body, to + 1);
        if !list_line(&body[s..e]) {
            break;
        }
        lines.push(&body[s..e]);
        to = e;
    }
    let mut wiki_only = false;
    let mut per_level = [0usize; 8];
    for l in &lines {
        let marks = &l[..l.len() - l.trim_start_matches(['#', '*', ':']).len()];
        wiki_only |= marks.contains(['*', ':']);
        per_level[marks.len().min(7)] += 1;
    }
    lines.len() > 1 && (wiki_only || per_level.iter().any(|&n| n > 1))
}

/// Lines looked at before and after one, to tell a list from headings.
const RUN: usize = 8;

/// The Markdown item for a list line shown, `# First` is `1. First`.
fn list_item(shown: &str) -> String {
    let n = shown.len() - shown.trim_start_matches('#').len();
    let words = shown.trim_start_matches(['#', '*', ':']).trim();
    format!("{}1. {words}", "   ".repeat(n.saturating_sub(1)))
}

/// The warning and hint for a MediaWiki numbered list read as headings.
pub(super) fn list_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "a MediaWiki numbered list `{shown}` is shown as headings and text{more}: to Markdown a line that starts with `#` is a heading"
        ),
        format!(
            "write each item as `{}` (a `##` item under it indented by three spaces, a `#:` line's words indented under its item, without marks); `pandoc -f mediawiki -t gfm` converts a whole page",
            list_item(shown)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::{find, in_list, is_template, link_inner, list_item, markdown};

    #[test]
    fn numbered_lists_not_headings() {
        let body =
            "Intro.\n\n# First\n# Second\n## Nested\n#: more\n\n# Title\n## Section\n\n#a\n#* b\n";
        let at = |s: &str| body.find(s).unwrap();
        for line in ["# First", "# Second", "## Nested", "#: more", "#a", "#* b"] {
            assert!(in_list(body, at(line)), "{line}");
        }
        for line in ["Intro.", "# Title", "## Section"] {
            assert!(!in_list(body, at(line)), "{line}");
        }
        assert!(!in_list("# Only\n", 0));
        assert_eq!(list_item("# First"), "1. First");
        assert_eq!(list_item("## Nested"), "   1. Nested");
    }

    #[test]
    fn templates_and_links_in_mediawikis_order() {
        assert!(is_template("{{Infobox|name=Shelter}}", false));
        assert!(is_template("{{citation needed}}", true));
        assert!(!is_template("{{ page.title | upcase }}", true));
        assert!(!is_template("{{site.baseurl}}", false));
        assert!(!is_template("{{< ref \"a.md\" >}}", true));
        assert_eq!(
            link_inner("Referral pathway|the pathway"),
            "the pathway|Referral pathway"
        );
        assert_eq!(link_inner("File:a.png|thumb|A"), "File:a.png|thumb|A");
        assert_eq!(link_inner("Intake"), "Intake");
    }

    #[test]
    fn wiki_markup_and_not_prose() {
        let f = |s: &str| find(s).map(|(i, n)| s[i..i + n].to_string());
        for (line, piece) in [
            ("'''Bold''' words", "'''Bold'''"),
            ("Some ''italic words'' here.", "''italic words''"),
            ("'''''Both'''''", "'''''Both'''''"),
            ("== Wiki heading ==", "== Wiki heading =="),
            ("  === Sub ===  ", "=== Sub ==="),
            ("{| class=\"wikitable\"", "{| class=\"wikitable\""),
            ("__NOTOC__", "__NOTOC__"),
        ] {
            assert_eq!(f(line).as_deref(), Some(piece), "{line}");
        }
        for none in [
            "==Important==",
            "a == b == c",
            "====",
            "== x",
            "Set it to '' (empty).",
            "It's the person's choice, isn't it?",
            "`'''code'''` stays",
            "Write ''   '' with spaces",
            "rock''n''roll",
            "x = y =",
            "__init__",
            "__A__",
        ] {
            assert_eq!(f(none), None, "{none}");
        }
    }

    #[test]
    fn markdown_to_write() {
        assert_eq!(markdown("'''Bold'''").as_deref(), Some("**Bold**"));
        assert_eq!(markdown("''it''").as_deref(), Some("*it*"));
        assert_eq!(markdown("=== Sub ===").as_deref(), Some("### Sub"));
    }
}
