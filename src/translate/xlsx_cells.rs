//! What a spreadsheet program does to a number typed into a cell that is
//! not formatted as text: Excel stores `0800123` as 800123, `1,000` as
//! 1000, `50%` as 0.5 and `1.50` as 1.5, and a translator who typed `'`
//! first to keep it as typed may find the `'` kept as text (LibreOffice
//! keeps it in a Text cell). Both would publish a number other than the
//! one meant: a hotline's leading 0 lost.

use calamine::Data;

/// What became of a number typed into a translation cell holding `value`
/// (not a formula's) and read as `text`: an error when the spreadsheet
/// changed it from the source's (`0800123` stored as 800123), a warning
/// when a `'` typed before it was kept as text (then removed from `text`).
pub fn typed_number(
    value: Option<&Data>,
    source: &str,
    text: &mut String,
) -> Option<Result<String, String>> {
    let number = match value {
        Some(Data::Int(i)) => Some(*i as f64),
        Some(Data::Float(f)) => Some(*f),
        _ => None,
    };
    if let Some(value) = number {
        let typed = changed_number(source, value, text)?;
        return Some(Err(format!(
            "the cell holds the number {text}, where the source has `{typed}`: the spreadsheet changed what was typed (a leading 0, a thousands separator, a % or a last 0 is lost); format the cell as Text (Format Cells, Text) and type it again"
        )));
    }
    let number = quoted_number(text)?.to_string();
    let w = format!(
        "the text starts with `'`, the mark that keeps a number as typed, kept as text here: read as \"{number}\""
    );
    *text = number;
    Some(Ok(w))
}

/// The number in `source` that a cell holding `value` (shown as `shown`)
/// was typed as, when the two read differently: Excel changed what was
/// typed, so the text is no longer known.
pub fn changed_number<'a>(source: &'a str, value: f64, shown: &str) -> Option<&'a str> {
    source
        .split(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '+' | '-')))
        .map(|t| t.trim_end_matches(['.', ',']))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()) && *t != shown)
        .find(|t| {
            as_excel_reads(t).is_some_and(|v| (v - value).abs() <= 1e-9 * value.abs().max(1.0))
        })
}

/// A number as Excel reads it when typed into a General cell.
fn as_excel_reads(typed: &str) -> Option<f64> {
    let (t, scale) = match typed.strip_suffix('%') {
        Some(t) => (t, 0.01),
        None => (typed, 1.0),
    };
    let t = t.strip_prefix('+').unwrap_or(t).replace(',', "");
    t.parse::<f64>().ok().map(|v| v * scale)
}

/// A cell's text that is a number typed after a `'` (the mark that keeps
/// a number as typed), kept as text: the number without the mark.
pub fn quoted_number(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('\'')?.trim();
    let numeric = |c: char| c.is_ascii_digit() || " +-.,/:%()".contains(c);
    (rest.chars().any(|c| c.is_ascii_digit()) && rest.chars().all(numeric)).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_excel_changed_are_found_in_the_source() {
        assert_eq!(
            changed_number("0800123", 800123.0, "800123"),
            Some("0800123")
        );
        assert_eq!(changed_number("Call 0800 123.", 800.0, "800"), Some("0800"));
        assert_eq!(
            changed_number("1,000 people", 1000.0, "1000"),
            Some("1,000")
        );
        assert_eq!(changed_number("50%", 0.5, "0.5"), Some("50%"));
        assert_eq!(changed_number("Dose: 1.50 ml", 1.5, "1.5"), Some("1.50"));
        // The same number, or one the source does not have: not changed.
        assert_eq!(changed_number("2024", 2024.0, "2024"), None);
        assert_eq!(changed_number("Asking questions", 24.7, "24.7"), None);
        assert_eq!(changed_number("Room 12, floor 3", 5.0, "5"), None);
    }

    #[test]
    fn a_number_kept_with_a_quote_mark_is_the_number() {
        assert_eq!(quoted_number("'0800123"), Some("0800123"));
        assert_eq!(
            quoted_number("'+234 800 123 4567"),
            Some("+234 800 123 4567")
        );
        assert_eq!(quoted_number("'24/7"), Some("24/7"));
        // Hausa writes words with a leading ' ('yan sanda): text, kept.
        assert_eq!(quoted_number("'yan sanda"), None);
        assert_eq!(quoted_number("0800123"), None);
        assert_eq!(quoted_number("'"), None);
    }
}
