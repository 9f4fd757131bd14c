//! Quarto's cross-references, `@sec-intro`, `@fig-flow`, `@tbl-contacts`
//! (also pandoc-crossref's), which Quarto turns into "Section 2" or
//! "Figure 1" linked to their target. CommonMark shows them as written,
//! so readers got `see @fig-flow`, without a word to the author; in
//! brackets (`[@sec-intro]`) they were named as a citation, with a hint to
//! write a footnote. Each is named once per page, at the first, with the
//! link to write.

use super::ticks::Ticks;

/// Quarto's kinds of cross-reference, the prefix of each label.
const PREFIXES: &[&str] = &[
    "sec", "fig", "tbl", "eq", "lst", "thm", "lem", "cor", "prp", "cnj", "def", "exm", "exr",
    "sol", "rem", "alg",
];

/// The label `rest` starts with (after an `@`), `sec-intro`, when it is a
/// cross-reference's: a known prefix, `-`, then a letter or digit.
pub(super) fn label(rest: &str) -> Option<&str> {
    let (prefix, after) = rest.split_once('-')?;
    if !PREFIXES.contains(&prefix) || !after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let n = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
        .map_or(rest.len(), |(i, _)| i);
    // A sentence's full stop or colon after it is no part of it.
    Some(rest[..n].trim_end_matches(['.', ':', '-']))
}

/// The first cross-reference in `line`: where its `@` is, and its length.
/// Not in an e-mail address (`help@example.org`) nor in a code span.
pub(super) fn crossref(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'@', &b[from..]).map(|i| from + i) {
        from = i + 1;
        // Or after an elided article, French `l'@fig-flow`, Italian
        // `dell’@sec-intro`: the reference is the word after it.
        let elided = line[..i].ends_with(['\'', '’']);
        let before_ok =
            i == 0 || b[i - 1].is_ascii_whitespace() || b"[(;-".contains(&b[i - 1]) || elided;
        let Some(label) = label(&line[i + 1..]).filter(|_| before_ok) else {
            continue;
        };
        if ticks.in_code(i) {
            continue;
        }
        return Some((i, label.len() + 1));
    }
    None
}

/// The warning and hint for a cross-reference shown as written.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    let id = shown.trim_start_matches('@');
    let (text, place) = match id.split('-').next() {
        Some("sec") => (
            "the section on consent",
            format!("after its heading, `## Consent {{#{id}}}`"),
        ),
        Some("fig") => (
            "the flow chart",
            format!("after the picture, `![Flow chart](flow.png){{#{id}}}`"),
        ),
        Some("tbl") => (
            "the table of contacts",
            format!("on a line of its own above the table, `[]{{#{id}}}`"),
        ),
        _ => ("what it names", format!("where it is, `[]{{#{id}}}`")),
    };
    (
        format!(
            "a Quarto cross-reference `{shown}` is shown as written{more}: fieldguide does not number sections, figures or tables"
        ),
        format!(
            "write a link with the words readers should see, `[{text}](#{id})`: it leads to the id the page gives {place}"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::crossref;

    #[test]
    fn crossrefs_and_not_addresses() {
        let c = |s: &str| crossref(s).map(|(i, n)| s[i..i + n].to_string());
        for (line, piece) in [
            ("See @sec-intro.", "@sec-intro"),
            ("As @fig-flow shows", "@fig-flow"),
            ("([@tbl-contacts])", "@tbl-contacts"),
            ("@eq-risk: the score", "@eq-risk"),
            ("Voir l'@fig-flow.", "@fig-flow"),
            ("dell’@sec-intro", "@sec-intro"),
        ] {
            assert_eq!(c(line).as_deref(), Some(piece), "{line}");
        }
        for none in [
            "Write to help@example.org.",
            "Ask @someone on the team",
            "@sec alone",
            "@sec- nothing",
            "`@fig-code` in code",
            "@figure-1 is no prefix",
            "l'adresse d'help@example.org",
            "`l'@fig-code`",
        ] {
            assert_eq!(c(none), None, "{none}");
        }
    }
}
