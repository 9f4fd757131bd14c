//! Sphinx's roles as pandoc converts reStructuredText: `:ref:`safety-plan``
//! becomes a code span with attributes, `` `safety-plan`{.interpreted-text
//! role="ref"} `` (as do `:doc:`, `:term:` and any role pandoc does not
//! know). CommonMark showed the `{…}` after the code as text, without a
//! word. Like pandoc's other attributes they are left out (as pandoc's own
//! HTML does: the code stays), and the author is told the link to write.

use super::ticks::Ticks;
use crate::markdown::state::Kind;

/// Whether the `{` at byte `i` of `line` follows a code span's closing
/// backtick (asked left to right of one line, with its `ticks`).
pub(super) fn after_code(line: &str, i: usize, ticks: &mut Ticks) -> bool {
    i > 0 && line.as_bytes()[i - 1] == b'`' && !ticks.in_code(i)
}

/// The kind of the attribute block `block` (after a code span when
/// `code`): a Sphinx role's, or pandoc's attributes.
pub(super) fn kind(code: bool, block: &str) -> Kind {
    match code && block.contains(".interpreted-text") {
        true => Kind::Interpreted,
        false => Kind::Attributes,
    }
}

/// Where the code span whose attributes start at `at` of `body` starts:
/// its opening backticks, as many as close it, on the same line.
pub(super) fn code_start(body: &str, at: usize) -> usize {
    let before = &body[..at];
    let run = before.len() - before.trim_end_matches('`').len();
    let inside = &before[..before.len() - run];
    let line_start = inside.rfind('\n').map_or(0, |i| i + 1);
    let ticks = "`".repeat(run);
    inside[line_start..]
        .rfind(&ticks)
        .map_or(at, |i| line_start + i)
}

/// The warning for a role found so: `shown` is the code span and its
/// attributes as written.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    let msg = format!(
        "a Sphinx role as pandoc converts it, `` {shown} ``, is shown as code, its `{{…}}` left out{more}: fieldguide does not run Sphinx's roles"
    );
    let role = shown
        .split("role=")
        .nth(1)
        .map(|r| r.trim_start_matches(['"', '\'']))
        .and_then(|r| r.split(['"', '\'', ' ', '}']).next())
        .unwrap_or("");
    let code = shown.trim_start_matches('`');
    let inner = &code[..code.find('`').unwrap_or(code.len())];
    let hint = role_hint(role, inner, "the backticks and `{…}`");
    (msg, hint)
}

/// What to write for a Sphinx or MyST role `name` holding `inner`
/// (`Safety plan <safety-plan>`): the link, or its words, without
/// `marks` (the role's marks as the page writes them).
pub(super) fn role_hint(name: &str, inner: &str, marks: &str) -> String {
    // `Text <target>`, or the target alone.
    let (text, target) = match inner
        .trim_end()
        .strip_suffix('>')
        .and_then(|s| s.rsplit_once('<'))
    {
        Some((text, target)) => (text.trim(), target.trim()),
        None => ("…", inner.trim()),
    };
    match name {
        "ref" | "numref" => format!(
            "link to the heading by its id: `[{text}](#{target})` (from another page, `[{text}](page.md#{target})`); a heading's id goes at the end of its line, `## Title {{#{target}}}`"
        ),
        "doc" => {
            let file = if target.ends_with(".md") {
                target.to_string()
            } else {
                format!("{target}.md")
            };
            format!("link to the page's file: `[{text}]({file})`")
        }
        "download" => format!("link to the file: `[{text}]({target})`"),
        _ => format!("write the words themselves, `{inner}`, without {marks}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{code_start, words};

    #[test]
    fn the_code_span_before_the_attributes_is_found() {
        let body = "x\nSee `safety-plan`{.interpreted-text role=\"ref\"} and ``a`b``{.x}.";
        let at = body.find("{.i").unwrap();
        assert_eq!(&body[code_start(body, at)..at], "`safety-plan`");
        let at = body.find("{.x").unwrap();
        assert_eq!(&body[code_start(body, at)..at], "``a`b``");
    }

    #[test]
    fn each_role_is_told_what_to_write() {
        let (msg, hint) = words(
            "`Safety plan <safety-plan>`{.interpreted-text role=\"ref\"}",
            "",
        );
        assert!(msg.contains("is shown as code"), "{msg}");
        assert!(
            hint.starts_with("link to the heading by its id: `[Safety plan](#safety-plan)`"),
            "{hint}"
        );
        let (_, hint) = words("`consent`{.interpreted-text role=\"doc\"}", "");
        assert_eq!(hint, "link to the page's file: `[…](consent.md)`");
        let (_, hint) = words("`survivor`{.interpreted-text role=\"term\"}", "");
        assert_eq!(
            hint,
            "write the words themselves, `survivor`, without the backticks and `{…}`"
        );
    }
}
