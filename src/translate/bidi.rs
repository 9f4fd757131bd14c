//! Bidirectional controls in a translation. An embedding or override
//! (U+202A-U+202E) left open, or an isolate (U+2066-U+2068) never closed,
//! changes the direction of everything after it in the paragraph: an
//! unclosed U+202E shows the rest of the text reversed. A closed one is a
//! translator's choice, and is kept. Direction marks (LRM, RLM) are taken
//! out of the Markdown syntax readers never see, where they break links,
//! values' names and footnotes' labels.

use super::segments::Kind;

/// Problems with the bidirectional controls of `text`: each one opened
/// and not closed, or closed and never opened, as a sentence.
pub fn unpaired(text: &str) -> Vec<String> {
    // What is open: embeddings and overrides close with U+202C, isolates
    // with U+2069 (which also closes the embeddings opened inside).
    let mut open: Vec<char> = Vec::new();
    let mut out = Vec::new();
    let isolate = |c: &char| matches!(c, '\u{2066}'..='\u{2068}');
    for c in text.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' | '\u{2066}'..='\u{2068}' => {
                open.push(c)
            }
            '\u{202C}' => match open.last() {
                Some(o) if !isolate(o) => {
                    open.pop();
                }
                _ => out.push(stray(c)),
            },
            '\u{2069}' => match open.iter().rposition(isolate) {
                Some(p) => open.truncate(p),
                None => out.push(stray(c)),
            },
            _ => {}
        }
    }
    out.extend(open.into_iter().map(|c| {
        let close = if isolate(&c) { "U+2069" } else { "U+202C" };
        format!(
            "the translation holds {} (U+{:04X}) that is never closed, which changes the direction of the rest of the text: remove it, or close it with {close}",
            name(c),
            c as u32
        )
    }));
    out
}

fn stray(c: char) -> String {
    format!(
        "the translation holds {} (U+{:04X}) that closes nothing: remove it",
        name(c),
        c as u32
    )
}

fn name(c: char) -> &'static str {
    match c {
        '\u{202A}' => "a left-to-right embedding",
        '\u{202B}' => "a right-to-left embedding",
        '\u{202C}' => "a pop directional formatting",
        '\u{202D}' => "a left-to-right override",
        '\u{202E}' => "a right-to-left override",
        '\u{2066}' => "a left-to-right isolate",
        '\u{2067}' => "a right-to-left isolate",
        '\u{2068}' => "a first-strong isolate",
        _ => "a pop directional isolate",
    }
}

/// Direction marks (LRM, RLM, Arabic letter mark): invisible, they only
/// steer how the neutral characters beside them are shown.
const MARKS: [char; 3] = ['\u{200E}', '\u{200F}', '\u{061C}'];

/// `text` without the direction marks that a right-to-left editor or
/// keyboard slips into Markdown syntax readers never see: a link's target
/// (`](…)`) and a heading's `{#id}` at its end. There a mark breaks the
/// link or the anchor (no file or id has it), while the translator's
/// screen shows them right; in the text it is the translator's, and kept.
pub fn unmarked_syntax(kind: Kind, text: &str) -> String {
    if !text.contains(MARKS) {
        return text.to_string();
    }
    let text = unmarked_between(&unmarked_between(text, "{{", "}}"), "[^", "]");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("](") {
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        let end = target_end(after);
        out.extend(after[..end].chars().filter(|c| !MARKS.contains(c)));
        rest = &after[end..];
    }
    out.push_str(rest);
    if kind != Kind::Heading {
        return out;
    }
    let end = out.trim_end_matches(|c: char| c.is_whitespace() || MARKS.contains(&c));
    match end.rfind('{').filter(|_| end.ends_with('}')) {
        Some(open) => {
            let id: String = end[open..].chars().filter(|c| !MARKS.contains(c)).collect();
            format!("{}{id}", &end[..open])
        }
        None => out,
    }
}

/// `text` without direction marks between each `open` and the next
/// `close` on its line: in a local value's name (`{{hotline}}`) or a
/// footnote's label (`[^note]`), where no name has them.
fn unmarked_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        let (before, after) = rest.split_at(at + open.len());
        out.push_str(before);
        let line = after.find('\n').unwrap_or(after.len());
        let end = after[..line].find(close).unwrap_or(0);
        out.extend(after[..end].chars().filter(|c| !MARKS.contains(c)));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Where the target after `](` ends: at its closing `)` (parentheses
/// inside it balanced, as CommonMark reads them) or the line's end.
fn target_end(s: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return i,
            ')' => depth -= 1,
            '\n' => return i,
            _ => {}
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_leave_value_names_and_note_labels_and_stay_in_the_text() {
        let p = unmarked_syntax(
            Kind::Paragraph,
            "اتصل \u{200F}{{hotline\u{200F}}} الآن.[^\u{200F}n] {{\u{200E} office \u{61C}}}",
        );
        assert_eq!(p, "اتصل \u{200F}{{hotline}} الآن.[^n] {{ office }}");
        // An opening with no close on its line takes nothing out.
        let q = unmarked_syntax(Kind::Paragraph, "{{a\u{200F}\n}}\u{200F} [^\u{200F}");
        assert_eq!(q, "{{a\u{200F}\n}}\u{200F} [^\u{200F}");
    }

    #[test]
    fn marks_leave_link_targets_and_heading_ids_only() {
        let p = unmarked_syntax(
            Kind::Paragraph,
            "\u{200F}اقرأ [العلامات](\u{200E}01-signs.md#physical-signs\u{200E}) أولا.",
        );
        assert_eq!(p, "\u{200F}اقرأ [العلامات](01-signs.md#physical-signs) أولا.");
        let h = unmarked_syntax(
            Kind::Heading,
            "العلامات \u{200F}{#physical-\u{200E}signs}\u{200F} ",
        );
        assert_eq!(h, "العلامات \u{200F}{#physical-signs}");
        // Text with no syntax keeps its marks.
        let t = "رقم \u{200E}+234 800\u{200E}.";
        assert_eq!(unmarked_syntax(Kind::Heading, t), t);
        assert_eq!(
            unmarked_syntax(Kind::Paragraph, "a](b\u{200E}(c)\u{200E})"),
            "a](b(c))"
        );
    }

    #[test]
    fn an_unclosed_override_is_refused_and_a_closed_one_kept() {
        let open = unpaired("Appelez \u{202E}le 112 maintenant.");
        assert_eq!(open.len(), 1);
        assert!(
            open[0].contains("right-to-left override (U+202E) that is never closed"),
            "{open:?}"
        );
        assert!(unpaired("Appelez \u{202E}le 112\u{202C} maintenant.").is_empty());
        assert!(unpaired("Nom : \u{2067}نص\u{2069}.").is_empty());
        assert_eq!(unpaired("a\u{2069}b").len(), 1);
        assert_eq!(unpaired("\u{2066}a").len(), 1);
        assert!(unpaired("Plain text.").is_empty());
    }
}
