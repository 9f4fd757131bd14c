//! Dropbox Paper's Markdown export writes its checklists' items without
//! a list's marker, `[ ] Call the hotline` then `[x] Write the date`.
//! Markdown reads a task only in a list item (`- [ ] …`): the lines ran
//! together as one paragraph, their boxes as brackets, without a word.
//! Each stays as written; the author is told, once per page, at the first.

/// `line` is a task without its list's marker: `[ ]`, `[x]` or `[X]` at
/// its start (after up to three spaces), then a space and words. Where it
/// starts, and its length.
pub(super) fn task_line(line: &str) -> Option<(usize, usize)> {
    let t = line.trim_start_matches(' ');
    let lead = line.len() - t.len();
    let rest = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| t.strip_prefix(b))?;
    (lead < 4 && !rest.trim().is_empty()).then_some((lead, t.trim_end().len()))
}

/// The warning and hint for such a task.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    let task = shown.get(4..).unwrap_or("").trim();
    let mark = shown.get(..3).unwrap_or("[ ]");
    (
        format!(
            "a task without its list's `- `, `{shown}`, is shown as text{more}: Markdown reads a task only in a list, and such lines run together as one paragraph"
        ),
        format!(
            "write each task as a list item: `- {mark} {task}` (Dropbox Paper's export leaves out the `- `)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::task_line;

    #[test]
    fn tasks_without_a_marker_and_not_others() {
        assert_eq!(task_line("[ ] Call the hotline"), Some((0, 20)));
        assert_eq!(task_line("  [x] Write the date "), Some((2, 18)));
        for none in [
            "- [ ] In a list",
            "[ ]",
            "[a] Option",
            "[ ](link.md) text",
            "    [ ] code",
            "See [ ] here",
        ] {
            assert_eq!(task_line(none), None, "{none}");
        }
    }
}
