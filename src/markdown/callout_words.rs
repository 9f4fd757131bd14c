//! What a quote that starts like a callout but is not one is told: the
//! type to write for a word authors reach for (`[!DANGER]`), and why a
//! known type with words after it (`[!TIP] Before you start`, Obsidian's
//! titles and folding, `[!warning]-`) is a quote.

/// Callout types authors reach for, in English and in the site's other languages.
pub(super) fn synonym(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "DANGER" | "ERROR" | "ALERT" | "ATTENTION" | "PELIGRO" | "GEFAHR" => "CAUTION",
        "AVERTISSEMENT" | "ADVERTENCIA" | "WARNUNG" | "AVISO" | "ALERTE" => "WARNING",
        "INFO" | "INFORMATION" | "REMARQUE" | "NOTA" | "HINWEIS" => "NOTE",
        "ASTUCE" | "CONSEIL" | "CONSEJO" | "HINT" => "TIP",
        "IMPORTANTE" | "WICHTIG" => "IMPORTANT",
        _ => return None,
    })
}

/// A known type (`known`, in any case) with text after it on its line
/// (`after`, from the `]`): the message and hint, or `None` when the type
/// is unknown or nothing follows it.
pub(super) fn text_after(kind: &str, known: bool, after: &str) -> Option<(String, String)> {
    let upper = kind.to_uppercase();
    let after = after.trim();
    if !known || after.is_empty() {
        return None;
    }
    let msg = format!(
        "callout `[!{kind}]` has `{after}` after it on its line, so it is shown as a quote"
    );
    let title = after.strip_prefix(['-', '+']).unwrap_or(after).trim();
    let fold = if title.len() < after.len() {
        "Obsidian's folding (`-`, `+`) has no meaning here; "
    } else {
        ""
    };
    let hint = if title.is_empty() {
        format!("{fold}write `> [!{upper}]` alone on the line")
    } else {
        format!(
            "{fold}a callout's first line holds only its type: write `> [!{upper}]`, then the title on the next line, `> **{title}**`"
        )
    };
    Some((msg, hint))
}
