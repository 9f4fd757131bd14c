//! Bidirectional controls in a translation. An embedding or override
//! (U+202A-U+202E) left open, or an isolate (U+2066-U+2068) never closed,
//! changes the direction of everything after it in the paragraph: an
//! unclosed U+202E shows the rest of the text reversed. A closed one is a
//! translator's choice, and is kept.

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

#[cfg(test)]
mod tests {
    use super::*;

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
