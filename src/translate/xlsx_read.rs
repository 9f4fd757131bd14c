//! Reading a translator's spreadsheet back (calamine), with limits on
//! what it may unpack to. A cell that is not text refuses its row's page,
//! never the whole file.

use super::catalog::{Catalog, Header, Incoming, ReadError};
use super::xlsx::{ABOUT, EXPORTED, SHEET};
use super::xlsx_titles::{TITLES_WITHIN, titles_moved, twice};
use super::{MAX_FILE_BYTES, megabytes};
use calamine::{Data, Xlsx};
use std::io::{Cursor, Read as _};

/// A cell read as text, and a warning when it was not text.
type CellText = Result<(String, Option<String>), String>;

/// A cell as text. A number is read as it shows, with a warning: Excel may
/// have changed what was typed ("1.50" to 1.5).
fn cell(c: Option<&Cell>) -> CellText {
    let Some(c) = c else {
        return Ok((String::new(), None));
    };
    let retype = "format the cell as Text (Format Cells, Text) and type it again";
    if let Some(f) = &c.3 {
        // A formula's value is whatever the cells it names hold when the
        // file is saved (`=B2`, the source; `=GOOGLETRANSLATE(…)`, a machine
        // translation): not text a translator wrote.
        return Err(match &c.2 {
            Data::Empty => format!("the cell holds a formula with no value, not text: {retype}"),
            _ => format!(
                "the cell holds a formula (`={}`), not text: replace it with the text it shows (copy the cell, then Paste Special, Values only), or type the translation",
                shortened(f.trim_start_matches('='), 60)
            ),
        });
    }
    let text = match &c.2 {
        Data::Empty => return Ok((String::new(), None)),
        Data::String(s) => return Ok((s.clone(), None)),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => {
            return Err(format!(
                "the cell holds a boolean ({}), not text: {retype}",
                if *b { "TRUE" } else { "FALSE" }
            ));
        }
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            return Err(format!("the cell holds a date or time, not text: {retype}"));
        }
        Data::Error(e) => {
            return Err(format!(
                "the cell holds an error value ({e}), not text: {retype}"
            ));
        }
    };
    let warning = format!(
        "the cell holds the number {text}, read as \"{text}\": if that is not what was typed, {retype}"
    );
    Ok((text, Some(warning)))
}

/// `text`, cut after `most` characters (with `…`), for a message.
fn shortened(text: &str, most: usize) -> String {
    match text.char_indices().nth(most) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// A cell's text where a problem is not the row's but the file's (the
/// `about` sheet, the titles): a cell that is not text reads as empty.
fn text_of(c: Option<&Cell>) -> String {
    cell(c).map(|(t, _)| t).unwrap_or_default()
}

/// All a spreadsheet's parts together may unpack to: the text, and the
/// markup of the sheet and styles around it.
const MAX_UNPACKED: u64 = 4 * MAX_FILE_BYTES;

/// Refuses a spreadsheet whose parts unpack to more than
/// [`MAX_FILE_BYTES`] each or [`MAX_UNPACKED`] together, before calamine
/// reads it: a zip entry of 1 GB of spaces compresses to 1 MB, and calamine
/// would hold it whole. Each part is inflated through `take`, one at a
/// time, so checking costs bounded time and memory; and none may give a
/// cell an address calamine would overflow on (see `xlsx_addresses`).
fn check_sizes(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable .xlsx spreadsheet: {e}"))?;
    let mut total = 0;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| format!("not a readable .xlsx spreadsheet: {e}"))?;
        let name = String::from_utf8_lossy(part.name_raw()).into_owned();
        // Every part, whatever its name (a sheet is found by the
        // workbook's relationships), for its cell addresses.
        let mut xml = Vec::new();
        let n = (&mut part)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut xml)
            .map_err(|e| format!("`{name}` in the spreadsheet cannot be unpacked: {e}"))?
            as u64;
        if n > MAX_FILE_BYTES {
            return Err(format!(
                "`{name}` in the spreadsheet unpacks to more than {} MB: the file is refused",
                megabytes(MAX_FILE_BYTES)
            ));
        }
        if let Some(address) = super::xlsx_addresses::odd_address(&xml) {
            return Err(format!(
                "the cell address `{address}` in `{name}` is not one a spreadsheet program writes (columns end at XFD, rows at 1048576): the file is refused; open it in Excel or LibreOffice and save it again as .xlsx"
            ));
        }
        total += n;
        if total > MAX_UNPACKED {
            return Err(format!(
                "the spreadsheet unpacks to more than {} MB (at `{name}`): the file is refused",
                megabytes(MAX_UNPACKED)
            ));
        }
    }
    Ok(())
}

/// A sheet's non-empty cells, sorted by row then column, with columns
/// counted from the sheet's leftmost cell. Not calamine's
/// `worksheet_range`: that makes a grid as large as the sheet's extent,
/// which two cells far apart (A1 and XFD1048576) make billions of cells.
/// The text taken is counted against `budget`, because every cell may
/// name the same long shared string and each is copied.
fn sheet_cells(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Vec<Cell>, String> {
    let mut reader = wb.worksheet_cells_reader(name).map_err(|e| match e {
        calamine::XlsxError::WorksheetNotFound(_) => {
            format!("the spreadsheet has no sheet named `{name}`")
        }
        e => format!("the sheet `{name}` cannot be read: {e}"),
    })?;
    let mut cells = Vec::new();
    // Every cell's place, empty ones too, to find one given twice.
    let mut places = Vec::new();
    loop {
        let cell = match reader.next_cell_with_formula() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => return Err(format!("the sheet `{name}` cannot be read: {e}")),
        };
        places.push(cell.pos);
        let data = Data::from(cell.value);
        // A formula whose value was never computed (a file written by a
        // program, not saved by Excel) is kept, to be named as one.
        let formula = cell.formula.filter(|f| !f.is_empty());
        if data == Data::Empty && formula.is_none() {
            continue;
        }
        let size = match &data {
            Data::String(s) => s.len() as u64,
            _ => 0,
        };
        *budget = budget.checked_sub(size).ok_or_else(|| {
            format!(
                "the cells of the spreadsheet hold more than {} MB of text: the file is refused",
                megabytes(MAX_UNPACKED)
            )
        })?;
        let (row, col) = cell.pos;
        cells.push((row, col, data, formula));
    }
    if let Some(place) = given_twice(places) {
        return Err(format!(
            "the sheet `{name}` gives the cell `{}` twice: spreadsheet programs differ on which one they show, so what a reviewer read may not be what would be imported; the file is refused: open it in Excel or LibreOffice and save it again as .xlsx",
            a1(place)
        ));
    }
    let left = cells.iter().map(|c| c.1).min().unwrap_or(0);
    for c in &mut cells {
        c.1 -= left;
    }
    cells.sort_by_key(|c| (c.0, c.1));
    Ok(cells)
}

/// Refuses a workbook whose reviewer could read other text than what is
/// imported: two sheets named `translation` or `about` (in any capitals,
/// as Excel compares them; which one a program opens is its own choice),
/// or a `translation` sheet that is hidden (a visible copy beside it would
/// be what the reviewer reads).
fn sheets_shown(wb: &Xlsx<Cursor<&[u8]>>) -> Result<(), String> {
    let sheets = calamine::Reader::sheets_metadata(wb);
    for wanted in [SHEET, ABOUT] {
        let named = sheets
            .iter()
            .filter(|s| s.name.eq_ignore_ascii_case(wanted));
        if named.count() > 1 {
            return Err(format!(
                "the spreadsheet has two sheets named `{wanted}`: programs differ on which one they open, so what a reviewer read may not be what would be imported; the file is refused: keep one"
            ));
        }
    }
    let hidden = sheets
        .iter()
        .any(|s| s.name == SHEET && s.visible != calamine::SheetVisible::Visible);
    if hidden {
        return Err(format!(
            "the sheet `{SHEET}` is hidden: a reviewer reads the sheets shown, so the file is refused; show it (right-click a sheet tab, Unhide) and remove any copy of it"
        ));
    }
    Ok(())
}

/// The first place (row, column) that `places` hold twice.
fn given_twice(mut places: Vec<(u32, u32)>) -> Option<(u32, u32)> {
    places.sort_unstable();
    places.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
}

/// A cell's place as a spreadsheet names it (`C3`), from calamine's
/// zero-based row and column.
fn a1((row, col): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(col) + 1;
    while n > 0 {
        let digit = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + digit));
        n = (n - 1) / 26;
    }
    let column: String = letters.iter().rev().collect();
    format!("{column}{}", u64::from(row) + 1)
}

/// A cell: row, column, value, and the formula it holds, if any.
type Cell = (u32, u32, Data, Option<String>);

/// Sorted cells row by row: each row's index and its cells.
fn rows_of(cells: &[Cell]) -> impl Iterator<Item = (u32, &[Cell])> {
    cells.chunk_by(|a, b| a.0 == b.0).map(|r| (r[0].0, r))
}

fn get(row: &[Cell], col: usize) -> Option<&Cell> {
    row.iter().find(|c| c.1 as usize == col)
}

pub fn read(bytes: &[u8]) -> Result<Catalog, Vec<ReadError>> {
    let one = |msg: String| vec![(0, msg)];
    check_sizes(bytes).map_err(one)?;
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| one(format!("not a readable .xlsx spreadsheet: {e}")))?;
    sheets_shown(&wb).map_err(one)?;
    let mut budget = MAX_UNPACKED;
    let mut header = Header::default();
    // A missing or unreadable `about` sheet leaves the header empty, which
    // import reports by what is missing.
    if let Ok(about) = sheet_cells(&mut wb, ABOUT, &mut budget) {
        for (_, row) in rows_of(&about) {
            let v = text_of(get(row, 1));
            match text_of(get(row, 0)).as_str() {
                "publication" => header.publication = v,
                "source language" => header.source_lang = v,
                "language" => header.lang = v,
                _ => {}
            }
        }
    }
    let sheet = sheet_cells(&mut wb, SHEET, &mut budget).map_err(|e| {
        // A renamed sheet: say which sheets there are.
        let names = calamine::Reader::sheet_names(&wb);
        if names.iter().any(|n| n == SHEET) {
            return one(e);
        }
        one(format!(
            "{e} (its sheets: {}): rename the sheet with the columns key, source and translation back to `{SHEET}`",
            names.join(", ")
        ))
    })?;
    let (at, titles, ignored) = find_titles(&sheet)?;
    let col = |name: &str| titles.iter().position(|t| t == name);
    let (Some(k), Some(s), Some(t)) = (col("key"), col("source"), col("translation")) else {
        unreachable!("find_titles finds a row with these titles")
    };
    let cols = Columns {
        key: k,
        source: s,
        translation: t,
        old: col("old source"),
        exported: col(EXPORTED),
    };
    let mut catalog = Catalog {
        header,
        ..Catalog::default()
    };
    if at > 0 {
        let read: Vec<usize> = rows_of(&sheet)
            .map(|(r, _)| r as usize + 1)
            .filter(|n| *n <= at && !ignored.contains(n))
            .collect();
        catalog
            .notices
            .push((at + 1, titles_moved(at, &ignored, &read)));
    }
    for (r, row) in rows_of(&sheet) {
        let n = r as usize + 1;
        // Above the titles, only what reads as a translation's row (a key
        // and its source: a sort may have moved the titles down) is one.
        if r as usize == at || (r as usize) < at && ignored.contains(&n) {
            continue;
        }
        match entry(row, n, &cols) {
            Ok(Some(e)) => catalog.entries.push(e),
            Ok(None) => {}
            // No key, so no page to refuse: the file's problem.
            Err(e) => catalog.problems.push((n, format!("row {n}: {e}"))),
        }
    }
    Ok(catalog)
}

/// The row naming the columns key, source and translation (0-based), its
/// titles (trimmed, lowercase), and the rows above it that are not a
/// translation's (1-based), to be ignored.
fn find_titles(sheet: &[Cell]) -> Result<(usize, Vec<String>, Vec<usize>), Vec<ReadError>> {
    let titles_of = |row: &[Cell]| -> Vec<String> {
        let last = row.last().map_or(0, |c| c.1 as usize);
        (0..=last)
            .map(|c| text_of(get(row, c)).trim().to_lowercase())
            .collect()
    };
    let found = rows_of(sheet)
        .take_while(|(r, _)| (*r as usize) < TITLES_WITHIN)
        .map(|(r, row)| (r as usize, titles_of(row)))
        .find(|(_, t)| {
            ["key", "source", "translation"]
                .iter()
                .all(|n| t.iter().any(|x| x == n))
        });
    let Some((at, titles)) = found else {
        let first = sheet.first().map_or(0, |c| c.0 as usize);
        return Err(vec![(
            first + 1,
            format!(
                "no row among the sheet's first {TITLES_WITHIN} names the columns key, source and translation: put back the row of column titles the export wrote"
            ),
        )]);
    };
    if let Some(twice) = twice(&titles) {
        return Err(vec![(at + 1, twice)]);
    }
    let col = |name: &str| titles.iter().position(|t| t == name);
    let (k, s) = (col("key"), col("source"));
    let ignored = rows_of(sheet)
        .take_while(|(r, _)| (*r as usize) < at)
        .filter(|(_, row)| {
            let has = |c: Option<usize>| c.is_some_and(|c| !text_of(get(row, c)).trim().is_empty());
            !(has(k) && has(s))
        })
        .map(|(r, _)| r as usize + 1)
        .collect();
    Ok((at, titles, ignored))
}

/// Where the columns are.
struct Columns {
    key: usize,
    source: usize,
    translation: usize,
    old: Option<usize>,
    exported: Option<usize>,
}

/// Row `n`'s entry: `None` for a row with no key, an error when the key
/// cannot be read. A cell that is not text refuses only the row's page.
fn entry(row: &[Cell], n: usize, cols: &Columns) -> Result<Option<Incoming>, String> {
    let (key, _) = cell(get(row, cols.key)).map_err(|e| format!("the key cell: {e}"))?;
    // A space typed or pasted around a key is not part of it (keys have none).
    let key = key.trim().to_string();
    if key.is_empty() {
        return Ok(None);
    }
    let read = |c: Option<usize>, what: &str| {
        c.map_or(Ok((String::new(), None)), |c| cell(get(row, c)))
            .map_err(|e| format!("the {what} cell: {e}"))
    };
    let mut problem = None;
    let mut notice = None;
    let mut text = |c: Option<usize>, what: &str| match read(c, what) {
        Ok((t, warning)) => {
            notice = notice
                .take()
                .or(warning.map(|w| format!("the {what} cell: {w}")));
            t
        }
        Err(e) => {
            problem.get_or_insert(e);
            String::new()
        }
    };
    let source = text(Some(cols.source), "source");
    let mut translation = text(Some(cols.translation), "translation");
    let old = text(cols.old, "old source");
    let exported = text(cols.exported, EXPORTED);
    // A formula's value is refused above, whatever it is.
    let value = get(row, cols.translation)
        .filter(|c| c.3.is_none())
        .map(|c| &c.2);
    match super::xlsx_cells::typed_number(value, &source, &mut translation) {
        Some(Err(e)) => {
            problem.get_or_insert(format!("the translation cell: {e}"));
            notice = None;
        }
        Some(Ok(w)) => notice = Some(format!("the translation cell: {w}")),
        None => {}
    }
    let mut e = Incoming::new(
        key.clone(),
        source,
        translation,
        n,
        format!("row {n} ({key})"),
    );
    e.fuzzy = !old.trim().is_empty();
    e.exported = (!exported.trim().is_empty()).then(|| exported.trim().to_string());
    e.problem = problem;
    e.notice = notice;
    Ok(Some(e))
}

#[cfg(test)]
#[path = "xlsx_read_tests.rs"]
mod tests;
