//! MyST's directives, as Sphinx and Jupyter Book pages write them: a
//! fenced block whose info is a name in braces (```` ```{note} ````,
//! ```` ```{toctree} ````). CommonMark reads each as code, so a note was
//! published to readers as a code block, without a word to the author.
//! The block stays as written (nothing is lost), with a warning at its
//! fence that says what to write.

use super::state::State;

/// Longest directive name looked at.
const MAX_NAME: usize = 40;

/// Warns when the fenced block at `pos`, with `info`, is a MyST directive.
pub(super) fn directive(st: &mut State, info: &str, pos: usize) {
    let Some(name) = name(info) else { return };
    let (msg, hint) = words(name);
    st.warn(pos, msg, Some(&hint));
}

/// `{note}` -> `note`, `{code-block} python` -> `code-block`; not pandoc's
/// `{=html}` or `{.python}` (handled as their own), nor `{r}` of R Markdown
/// and Quarto, which is code.
fn name(info: &str) -> Option<&str> {
    // Quarto's and R Markdown's code cells: code, published as code.
    const CELLS: &[&str] = &[
        "python", "r", "julia", "ojs", "bash", "sh", "sql", "mermaid", "dot", "js", "stan",
    ];
    let rest = info.trim().strip_prefix('{')?;
    let name = &rest[..rest.find('}')?];
    let word = !name.is_empty()
        && name.len() < MAX_NAME
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':');
    (word && !CELLS.contains(&name.to_ascii_lowercase().as_str())).then_some(name)
}

fn words(name: &str) -> (String, String) {
    let msg = format!(
        "MyST directive ```` ```{{{name}}} ```` is published as a code block: fieldguide does not run Sphinx or MyST directives"
    );
    let callout = [
        "note",
        "tip",
        "hint",
        "important",
        "warning",
        "caution",
        "attention",
        "danger",
        "error",
        "seealso",
        "admonition",
    ];
    let hint = if callout.contains(&name.to_ascii_lowercase().as_str()) {
        "write a callout: a quote whose first line is `> [!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION), then the block's lines with `> ` in front, without the fences"
            .to_string()
    } else if name == "toctree" {
        "delete the block: each folder lists its own pages, in the order of their file names (`01-`, `02-`) or `weight:`".to_string()
    } else if name.starts_with("code") || name == "literalinclude" {
        "for code, write its language after the fence (```` ```python ````), without braces"
            .to_string()
    } else {
        format!("write what `{name}` showed in Markdown, without the fences, or delete the block")
    };
    (msg, hint)
}

#[cfg(test)]
mod tests {
    use super::name;

    #[test]
    fn only_a_directive_name_in_braces() {
        assert_eq!(name("{note}"), Some("note"));
        assert_eq!(name("{code-block} python"), Some("code-block"));
        assert_eq!(name("{=html}"), None);
        assert_eq!(name("{.python}"), None);
        assert_eq!(name("{r}"), None);
        assert_eq!(name("{python}"), None);
        assert_eq!(name("python"), None);
        assert_eq!(name("{}"), None);
    }
}
