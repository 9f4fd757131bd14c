//! A `#` after a space starts a YAML comment, even inside an unquoted
//! value: `title: Step #1 safety` is the title `Step`, and the rest of the
//! line was dropped without a word (Word numbering, `#hashtags`, `No. #3`).
//! Said at the value, with the quoted line to write. Only for keys that
//! hold prose: a comment after `order: 3 # first` is meant.

use crate::diagnostics::Diagnostic;
use crate::yaml::{Located, Node};

const PROSE_KEYS: &[&str] = &["title", "summary", "description", "author", "version"];

/// Warns for each prose value of `entries` that a comment cut short on its
/// line of `yaml`.
pub(super) fn check(
    yaml: &str,
    entries: &[(Node, Node)],
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) {
    for (k, v) in entries {
        let Some(key) = k.as_text() else { continue };
        let plain = v.scalar().is_some_and(|s| s.plain) && !v.is_null();
        if !plain || !PROSE_KEYS.contains(&key.to_lowercase().as_str()) {
            continue;
        }
        let Some((value, comment)) = cut(yaml, v) else {
            continue;
        };
        let whole = format!("{value} {comment}").replace('"', "\\\"");
        diags.push(
            at.warning(
                v,
                format!(
                    "`{key}` is `{value}`: YAML reads `{comment}`, after a space and `#`, as a comment, so it is left out"
                ),
            )
            .with_hint(format!("put the value in quotes: {key}: \"{whole}\"")),
        );
    }
}

/// The value as read and the comment after it, when a comment follows
/// `v` on its line.
fn cut<'y>(yaml: &'y str, v: &Node) -> Option<(&'y str, &'y str)> {
    let line = yaml.lines().nth(v.pos.line.checked_sub(1)?)?;
    let from = line
        .char_indices()
        .nth(v.pos.col.checked_sub(1)?)
        .map(|(i, _)| i)?;
    let rest = &line[from..];
    let hash = rest.find(" #").or_else(|| rest.find("\t#"))?;
    let value = rest[..hash].trim_end();
    let comment = rest[hash..].trim();
    (!value.is_empty() && comment.len() > 1).then_some((value, comment))
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::yaml::Located;
    use std::path::Path;

    fn said(yaml: &str) -> Vec<String> {
        let at = Located {
            rel: Path::new("a.md"),
            line_offset: 1,
            what: "front matter",
        };
        let mut diags = Vec::new();
        let root = at.read(yaml, &mut diags).unwrap().unwrap();
        check(yaml, root.entries().unwrap(), &at, &mut diags);
        diags.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn only_prose_values_cut_by_a_comment() {
        assert_eq!(
            said("title: Step #1 safety\norder: 3 # first\nsummary: \"A #b\"\n"),
            [
                "`title` is `Step`: YAML reads `#1 safety`, after a space and `#`, as a comment, so it is left out"
            ]
        );
        assert!(said("title: C#\nsummary: a#b\n").is_empty());
    }
}
