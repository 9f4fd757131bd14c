//! Hints for Markdown that parses, but not as the author meant: Word
//! bullets (`•`) that make a paragraph, a link whose target has a space
//! (shown as text, wherever text can be: paragraphs, list items, table
//! cells, headings), a callout type GitHub does not know (shown as a quote).

use super::state::State;
use super::{callout_words, hints};
use std::ops::Range;

const BULLETS: &[char] = &['•', '◦', '▪', '▫', '‣', '⁃', '\u{F0B7}', '\u{F0A7}'];

/// Dashes that Word's AutoCorrect makes of a list's `- ` as one types
/// (en dash; em dash after two hyphens). Unlike a bullet, one such line
/// may be prose (a dialogue line): named when two lines of a paragraph
/// start with one, which ran together.
const DASHES: &[&str] = &["\u{2013} ", "\u{2014} "];

pub(super) const CALLOUTS: &[&str] = &["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"];

/// Longest link target looked at: keeps the scan linear on hostile lines.
const MAX_TARGET: usize = 300;

/// Bytes of a quote's first line looked at for `[!KIND]` (which comes
/// right after its `>`): keeps the scan linear when quotes nest on one line.
const MAX_QUOTE_HEAD: usize = 100;

/// A paragraph: Word bullets (and dashes), and lines that look like link definitions
/// (`[r3]: Annual Report.pdf`) but are text.
pub(super) fn paragraph(st: &mut State, range: Range<usize>) {
    let body = &st.text_src[st.body_offset..];
    let Some(src) = body.get(range.clone()) else {
        return;
    };
    let mut bullet_at = None;
    let mut dashes = Vec::new();
    let mut letters = Vec::new();
    let mut definitions = Vec::new();
    let mut line_start = range.start;
    for (n, line) in src.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start_matches([' ', '\t', '>']);
        let at = line_start + line.len() - trimmed.len();
        if bullet_at.is_none() && trimmed.starts_with(BULLETS) {
            bullet_at = Some((at, trimmed.chars().next()));
        }
        if DASHES.iter().any(|d| trimmed.starts_with(d)) {
            dashes.push((at, trimmed.chars().next()));
        }
        if let Some(marker) = letter_marker(trimmed) {
            letters.push((at, marker));
        }
        let template = |dest: &str| st.resolver.template_hint(dest);
        if let Some(found) = not_a_definition(trimmed, n > 0, &template) {
            definitions.push((at, found));
            // Its uses are not told again that no definition is there.
            let label = trimmed[1..].split(']').next().unwrap_or_default();
            st.not_definitions.insert(label.to_lowercase());
        }
        line_start += line.len();
    }
    for (at, (message, hint)) in definitions {
        st.warn(at, message, Some(&hint));
    }
    if let Some((at, Some(bullet))) = bullet_at {
        st.warn(
            at,
            format!("`{bullet}` is not a list marker in Markdown: these lines make one paragraph"),
            Some("start each item on its own line with `- ` (a hyphen and a space)"),
        );
    } else if let [(at, Some(dash)), _, ..] = dashes[..] {
        st.warn(
            at,
            format!("`{dash}` is not a list marker in Markdown: these lines make one paragraph"),
            Some("start each item with `- ` (a hyphen and a space); Word's AutoCorrect turns the hyphen into a dash as you type (File > Options > Proofing > AutoCorrect Options > AutoFormat As You Type)"),
        );
    } else if let [(at, marker), _, ..] = letters[..] {
        let hint = if marker.chars().any(native_digit) {
            "Markdown numbers a list with the digits 0 to 9 only: write `1.`, `2.` at each line's start (Word and typists write `١.`, `۱.` or `१.` in the page's own digits, which Markdown reads as text)"
        } else {
            "Markdown numbers a list with digits only: write `1.`, `2.` (a list inside an item goes on the lines under it, indented to its text); pandoc writes Word's lettered and roman lists as `a.` and `i.`, which only pandoc reads"
        };
        st.warn(
            at,
            format!("`{marker}` is not a list marker in Markdown: these lines make one paragraph"),
            Some(hint),
        );
    }
}

/// A lettered or roman list's marker at a line's start, as pandoc writes
/// Word's lists and authors type them: `a.`, `B)`, `(c)`, `ii.`, `أ.`,
/// then a space; or numbered in another script's digits (`١.`, `۱.`,
/// `१.`), which Markdown's lists do not read. Two such lines in a
/// paragraph ran together.
fn letter_marker(line: &str) -> Option<&str> {
    let (inner, rest) = match line.strip_prefix('(') {
        Some(r) => {
            let close = r.find(')')?;
            (&r[..close], &r[close + 1..])
        }
        None => {
            let end = line.find(['.', ')'])?;
            (&line[..end], &line[end + 1..])
        }
    };
    let mut chars = inner.chars();
    let letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    let roman = (2..=4).contains(&inner.len())
        && (inner.bytes().all(|b| b"ivx".contains(&b))
            || inner.bytes().all(|b| b"IVX".contains(&b)));
    let digits = (1..=3).contains(&inner.chars().count()) && inner.chars().all(native_digit);
    let spaced = rest.starts_with([' ', '\t']) && !rest.trim().is_empty();
    ((letter || roman || digits) && spaced).then(|| &line[..line.len() - rest.len()])
}

/// A decimal digit of another script than ASCII's: Arabic-Indic `١`,
/// Persian `۱`, Devanagari `१`, Thai `๑`.
fn native_digit(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    !c.is_ascii_digit() && c.general_category() == GeneralCategory::DecimalNumber
}

/// A fenced code block never closed: CommonMark runs it to the end of the
/// page, and every heading, list and paragraph after its fence was shown
/// as code without a word (a document split into chapters leaves the
/// closing fence in the next one). Named at its fence when it runs to the
/// end of the page; `range` is the block's source.
pub(super) fn unclosed_fence(st: &mut State, range: Range<usize>) {
    let body = &st.text_src[st.body_offset..];
    let (Some(src), Some(after)) = (body.get(range.clone()), body.get(range.end..)) else {
        return;
    };
    if !after.trim().is_empty() {
        return;
    }
    let open = src.trim_start_matches([' ', '\t', '>']);
    let Some(c) = open.chars().next().filter(|c| matches!(c, '`' | '~')) else {
        return;
    };
    let n = open.chars().take_while(|&x| x == c).count();
    let mut lines = src.trim_end().lines();
    lines.next();
    let closed = lines.next_back().is_some_and(|last| {
        let last = last.trim_start_matches([' ', '\t', '>']).trim_end();
        last.chars().take_while(|&x| x == c).count() >= n && last.trim_start_matches(c).is_empty()
    });
    if !closed {
        let fence: String = std::iter::repeat_n(c, n).collect();
        let count = src.trim_end().lines().count().saturating_sub(1);
        let lines = if count == 1 { "line" } else { "lines" };
        st.warn(
            range.start,
            format!("this code block is never closed: everything after its opening fence ({fence}), {count} {lines} to the end of the page, is shown as code"),
            Some(&format!("end the code with a line of {fence} alone where it ends; what comes after that line is read as Markdown again")),
        );
    }
}

/// A paragraph's line (container marks and indent taken off) that looks
/// like a link definition, `[label]: target`, which CommonMark did not take
/// as one (it would not be in a paragraph): the warning and its hint, when
/// the cause is known. `continues`: it is not the paragraph's first line.
/// Reads at most the label's first `MAX_TARGET` bytes and the line once.
/// `template`: the hint for a target that is template code, if it is.
fn not_a_definition(
    line: &str,
    continues: bool,
    template: &dyn Fn(&str) -> Option<String>,
) -> Option<(String, String)> {
    let rest = line.strip_prefix('[')?;
    let end = rest
        .bytes()
        .take(MAX_TARGET)
        .position(|b| matches!(b, b']' | b'['))?;
    let label = &rest[..end];
    if rest.as_bytes()[end] != b']' || label.trim().is_empty() || label.starts_with('^') {
        return None;
    }
    let dest = without_title(rest[end + 1..].strip_prefix(':')?.trim());
    if dest.is_empty() || !looks_like_target(dest) {
        return None;
    }
    let angled = dest.starts_with('<') && dest.ends_with('>');
    let what = format!("`[{label}]:` is not read as a link definition");
    if !angled && dest.contains(char::is_whitespace) {
        if let Some(hint) = template(dest) {
            return Some((
                format!(
                    "{what}: its target `{dest}` is a Hugo/Jekyll template expression, which fieldguide does not run, so the line is shown as text"
                ),
                hint,
            ));
        }
        let hint = match hints::tel_without_spaces(dest) {
            Some(tel) => format!("write the number without spaces: `[{label}]: {tel}`"),
            None => format!(
                "put the target in angle brackets: `[{label}]: <{dest}>`, or remove the space"
            ),
        };
        return Some((
            format!("{what}: its target `{dest}` has a space, so the line is shown as text"),
            hint,
        ));
    }
    continues.then(|| {
        (
            format!("{what}: it continues the paragraph above it, so the line is shown as text"),
            "a link definition follows a blank line or another link definition: fix the line above, or put a blank line before this one".to_string(),
        )
    })
}

/// A link definition's target without its title (`"…"`, `'…'`, `(…)`).
fn without_title(target: &str) -> &str {
    for (open, close) in [('"', '"'), ('\'', '\''), ('(', ')')] {
        if let Some(inner) = target.strip_suffix(close)
            && let Some(i) = inner.rfind(open)
            && inner[..i].ends_with([' ', '\t'])
        {
            return inner[..i].trim_end();
        }
    }
    target
}

/// `Annual Report.pdf`, `02-next-steps.md#nope`, `{{ site.baseurl }}/a.png`,
/// `tel:+254 700`: a path or an address, not the prose of `[Note]: the
/// office moved to Nairobi.` or `[Update]: see www.example.org for more`.
fn looks_like_target(dest: &str) -> bool {
    let mut words = dest.split_whitespace();
    let first = words.next().unwrap_or("");
    let last = words.last().unwrap_or(first);
    dest.contains(['/', '#', '<'])
        || dest.contains("{{")
        || dest.contains("{%")
        || first.contains([':', '@'])
        || last
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_alphanumeric())
}

/// The line of text at body offset `pos`, unless looked at already:
/// targets with spaces. Called for text wherever it is (paragraphs, list
/// items, table cells, headings, footnotes), each line once.
pub(super) fn line(st: &mut State, pos: usize) {
    if pos < st.linted_to {
        return;
    }
    let src = st.text_src;
    let body = &src[st.body_offset.min(src.len())..];
    if !body.is_char_boundary(pos) {
        return;
    }
    let (start, end) = crate::text::line_around(body, pos);
    // Never before the last line looked at: each byte is read once.
    let start = start.max(st.linted_to.min(pos));
    st.linted_to = end + 1;
    let mut found: Vec<(usize, String, String)> = Vec::new();
    spaced_targets(&body[start..end], start, &mut found);
    for (at, what, target) in found {
        if let Some(hint) = st.resolver.template_hint(&target) {
            st.warn(
                at,
                format!("{what} target `{target}` is a Hugo/Jekyll template expression, which fieldguide does not run, so it is shown as text"),
                Some(&hint),
            );
            continue;
        }
        // `02-signs.md#physical signs`: the heading's text, not its id.
        let anchor = target
            .split_once('#')
            .filter(|(path, frag)| !path.contains(' ') && frag.contains(' '));
        let hint = match (hints::tel_without_spaces(&target), curly_title(&target)) {
            (Some(tel), _) => format!("write the number without spaces: `({tel})`"),
            _ if let Some(file) = hints::without_size(&target) => format!(
                "the size after the file is another editor's (Azure DevOps, Typora); fieldguide shows an image at its own size, never wider than the page: write `({file})`"
            ),
            _ if let Some((path, frag)) = anchor => format!(
                "an anchor is the heading's id, which has `-` for spaces: `({path}#{})`",
                crate::slug::heading_id(frag)
            ),
            (None, Some(straight)) => format!(
                "a link's title is in straight quotes, which Word turns curly: `({straight})`"
            ),
            (None, None) => format!(
                "put the target in angle brackets: `(<{target}>)`, or rename the file without spaces"
            ),
        };
        st.warn(
            at,
            format!("{what} target `{target}` has a space, so it is shown as text"),
            Some(&hint),
        );
    }
}

/// `01-a.md “Title”` (a title whose quotes Word made curly) as CommonMark
/// reads a title: `01-a.md "Title"`.
fn curly_title(target: &str) -> Option<String> {
    let (dest, title) = target.split_once(' ')?;
    let title = title.trim();
    let mut chars = title.chars();
    let (open, close) = (chars.next()?, chars.next_back()?);
    let curly = ['“', '”', '‘', '’', '„', '«', '»'];
    (curly.contains(&open) && curly.contains(&close) && !dest.is_empty())
        .then(|| format!("{dest} \"{}\"", chars.as_str()))
}

/// `[text](a b.png)` in one line: (offset, "link" or "image", target).
fn spaced_targets(line: &str, offset: usize, found: &mut Vec<(usize, String, String)>) {
    // Most lines have no link at all: one fast search instead of a loop
    // over every byte.
    if !line.contains("](") {
        return;
    }
    let bytes = line.as_bytes();
    let mut in_code = false;
    let mut image = false;
    // The end of the last link's target: what a title holds there is its
    // words (`(map.png "write it as ![x](my map.png)")`), not a link.
    let mut skip_to = 0;
    for i in 0..bytes.len() {
        if i < skip_to {
            continue;
        }
        match bytes[i] {
            b'`' => in_code = !in_code,
            b'[' if !in_code => image = i > 0 && bytes[i - 1] == b'!',
            b']' if !in_code && bytes.get(i + 1) == Some(&b'(') => {
                let rest = &line[i + 2..];
                // `(<a b.png>)` is a link, unless a template's own `<` ends
                // it: `(<{{< ref "a.md" >}}>)`.
                let template = rest.starts_with("{{") || rest.starts_with("{%");
                let angled = rest.starts_with('<');
                if angled && !rest[1..].starts_with("{{<") {
                    continue;
                }
                // Brackets inside a target come in pairs, as CommonMark reads
                // them: `Consent Form (v2).pdf`.
                let mut depth = 0usize;
                let end = rest
                    .char_indices()
                    .take_while(|(j, _)| *j < MAX_TARGET)
                    .find(|&(_, c)| match c {
                        '(' => {
                            depth += 1;
                            false
                        }
                        ')' if depth > 0 => {
                            depth -= 1;
                            false
                        }
                        c => matches!(c, ')' | '\n'),
                    })
                    .map(|(j, _)| j);
                let Some(end) = end.filter(|&e| rest.as_bytes()[e] == b')') else {
                    continue;
                };
                skip_to = i + 2 + end + 1;
                // Spaces before `)` end the target, as CommonMark reads it:
                // `(02-next.md )` is a link (Word leaves such spaces).
                let target = rest[..end].trim_end_matches([' ', '\t']);
                let Some((_, after)) = target.split_once(' ') else {
                    continue;
                };
                // `(file.md "title")` is a link with a title; a template's
                // quotes (`{{<ref "a.md">}}`) are not a title.
                let titled =
                    after.trim_start().starts_with(['"', '\'', '(']) && !template && !angled;
                if titled || target.starts_with(' ') {
                    continue;
                }
                let what = if image { "image" } else { "link" };
                found.push((offset + i + 2, what.into(), target.to_string()));
            }
            _ => {}
        }
    }
}

/// A quote starting with `[!DANGER]`: GitHub knows only five callout types.
pub(super) fn quote(st: &mut State, range: Range<usize>) {
    let body = &st.text_src[st.body_offset..];
    let Some(src) = body.get(range.clone()) else {
        return;
    };
    // Only the start of the first line: quotes nested on one line
    // (`>>>>…`) each start a character further into it, and reading the
    // rest of the line for each made the scan quadratic.
    let mut end = src.len().min(MAX_QUOTE_HEAD);
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let Some(first) = src[..end].lines().next() else {
        return;
    };
    // This quote's own `>` only: in `>>[!DANGER]` the inner quote is the
    // one that starts with the callout, and it is reported once, for it.
    let first_trimmed = first.trim_start();
    let inner = first_trimmed
        .strip_prefix('>')
        .unwrap_or(first_trimmed)
        .trim_start();
    let Some(kind) = inner
        .strip_prefix("[!")
        .and_then(|r| r.split_once(']'))
        .map(|(k, _)| k)
    else {
        return;
    };
    if kind.is_empty() || !kind.chars().all(char::is_alphabetic) {
        return;
    }
    let known = CALLOUTS
        .iter()
        .map(|c| format!("`[!{c}]`"))
        .collect::<Vec<_>>()
        .join(", ");
    let upper = kind.to_uppercase();
    let known_type = CALLOUTS.contains(&upper.as_str());
    let suggestion = if known_type {
        Some(upper)
    } else {
        callout_words::synonym(&upper).map(str::to_string)
    };
    let hint = match suggestion {
        Some(s) => format!("did you mean `[!{s}]`? The callout types are {known}"),
        None => format!("the callout types are {known}; their labels are translated for readers"),
    };
    let at = range.start + first.len() - inner.len();
    let after = &inner[kind.len() + 3..];
    let (msg, hint) = callout_words::text_after(kind, known_type, after).unwrap_or((
        format!("unknown callout type `[!{kind}]`: it is shown as a quote"),
        hint,
    ));
    st.warn(at, msg, Some(&hint));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The template hint where no page is a folder's.
    fn no_bundle(dest: &str) -> Option<String> {
        hints::template(dest, &|_| false)
    }

    #[test]
    fn lettered_markers_and_not_prose() {
        for (line, marker) in [
            ("a.  First step\n", "a."),
            ("B) Second\n", "B)"),
            ("(c) Third\n", "(c)"),
            ("ii. Roman\n", "ii."),
            ("أ.  الخطوة\n", "أ."),
            ("١. اتصل\n", "١."),
            ("۱۲) دوم\n", "۱۲)"),
            ("१. पहला\n", "१."),
        ] {
            assert_eq!(letter_marker(line), Some(marker), "{line}");
        }
        for none in [
            "I am here.\n",
            "e.g. this\n",
            "a.m. meeting\n",
            "1. a digit\n",
            "Dr. Who\n",
            "(see below) text\n",
            "a.\n",
            "mix. of words\n",
            "٢٠٢٣. عام\n",
            "١٢٫٥ كغ\n",
        ] {
            assert_eq!(letter_marker(none), None, "{none}");
        }
    }

    #[test]
    fn finds_lines_that_look_like_link_definitions() {
        let space = not_a_definition("[r3]: Annual Report.pdf \"Report\"\n", false, &no_bundle);
        assert_eq!(
            space,
            Some((
                "`[r3]:` is not read as a link definition: its target `Annual Report.pdf` has a space, so the line is shown as text".to_string(),
                "put the target in angle brackets: `[r3]: <Annual Report.pdf>`, or remove the space".to_string()
            ))
        );
        let (_, hint) = not_a_definition("[t]: tel:+254 700 000", false, &no_bundle).unwrap();
        assert_eq!(
            hint,
            "write the number without spaces: `[t]: tel:+254700000`"
        );
        let (msg, _) = not_a_definition("[d]: 02-next-steps.md#nope", true, &no_bundle).unwrap();
        assert!(msg.ends_with("it continues the paragraph above it, so the line is shown as text"));
        let (msg, hint) =
            not_a_definition("[f]: {{ site.baseurl }}/assets/a.pdf", false, &no_bundle).unwrap();
        assert!(msg.contains("Hugo/Jekyll template expression"), "{msg}");
        assert!(hint.contains("`/assets/a.pdf`"), "{hint}");
        // Prose, footnotes, definitions that are fine where they are.
        for line in [
            "[Note]: the office moved to Nairobi.",
            "[Update]: see www.example.org for more",
            "[^1]: A footnote with a/b.",
            "[x] [y]: a b.pdf",
            "[]: a b.pdf",
            "Text [r]: a b.pdf",
        ] {
            assert_eq!(not_a_definition(line, true, &no_bundle), None, "{line}");
        }
        assert_eq!(
            not_a_definition("[d]: 02-next-steps.md", false, &no_bundle),
            None
        );
        assert_eq!(
            not_a_definition("[ok]: <Annual Report.pdf>", false, &no_bundle),
            None
        );
        // A label longer than looked at is not read.
        let long = format!("[{}]: a b.pdf", "x".repeat(MAX_TARGET + 1));
        assert_eq!(not_a_definition(&long, false, &no_bundle), None);
    }

    #[test]
    fn template_targets_are_found_with_their_quotes() {
        let mut found = Vec::new();
        spaced_targets(
            "[x]({{<ref \"a.md\">}}) [y](<{{< ref \"a.md\" >}}>) [z](<a b.md>) [t](a.md \"T\")",
            0,
            &mut found,
        );
        let targets: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
        assert_eq!(targets, ["{{<ref \"a.md\">}}", "<{{< ref \"a.md\" >}}>"]);
    }

    #[test]
    fn a_title_in_curly_quotes_is_told_its_straight_form() {
        let straight = Some("01-a.md \"Title\"".to_string());
        assert_eq!(curly_title("01-a.md “Title”"), straight);
        assert_eq!(curly_title("01-a.md „Title“"), straight);
        assert_eq!(curly_title("01-a.md ‘Title’"), straight);
        assert_eq!(curly_title("images/referral flow.png"), None);
        assert_eq!(curly_title("a “b"), None);
    }

    #[test]
    fn finds_targets_with_spaces() {
        let mut found = Vec::new();
        let line = "See ![flow](images/referral flow.png) and [ok](a.md \"title\") `[x](a b)` [y](<a b.md>).";
        spaced_targets(line, 100, &mut found);
        assert_eq!(
            found,
            [(
                112,
                "image".to_string(),
                "images/referral flow.png".to_string()
            )]
        );
    }
}
