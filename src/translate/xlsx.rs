//! A spreadsheet for translators who work in Excel or LibreOffice: one row
//! per segment, columns key, source, translation, old source, note. A row
//! with an old source is fuzzy: the translator updates the translation and
//! clears that cell. Right-to-left languages get right-to-left cells, so
//! Arabic reads correctly.
//!
//! Written with rust_xlsxwriter (with a fixed creation date, so the same
//! export gives the same bytes); read with calamine.

use super::catalog::{Catalog, Header, Incoming, Outgoing, ReadError};
use super::units::State;
use super::{MAX_FILE_BYTES, megabytes};
use calamine::{Data, Xlsx};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};
use std::io::{self, Cursor, Read};

pub const SHEET: &str = "translation";
const ABOUT: &str = "about";
const COLUMNS: [(&str, f64); 5] = [
    ("key", 28.0),
    ("source", 60.0),
    ("translation", 60.0),
    ("old source", 45.0),
    ("note", 45.0),
];
/// Stands in the old-source cell of a fuzzy row whose earlier source was
/// not found, so that the row still reads as needing review.
const NO_PREVIOUS: &str = "(earlier source not found: compare the translation with the source)";

fn text_format(rtl: bool) -> Format {
    let f = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    if rtl { f.set_reading_direction(2) } else { f }
}

pub fn write(h: &Header, units: &[Outgoing]) -> Result<Vec<u8>, String> {
    let mut wb = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).map_err(|e| e.to_string())?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&fixed)
            .set_title(format!(
                "{} ({} → {})",
                h.publication, h.source_lang, h.lang
            )),
    );
    let ws = wb.add_worksheet();
    rows(ws, h, units).map_err(|e| e.to_string())?;
    about(wb.add_worksheet(), h).map_err(|e| e.to_string())?;
    wb.save_to_buffer().map_err(|e| e.to_string())
}

fn rows(
    ws: &mut Worksheet,
    h: &Header,
    units: &[Outgoing],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(SHEET)?;
    let head = Format::new().set_bold().set_background_color(0xD9E1F2);
    let key = text_format(false).set_font_color(0x595959);
    let source = text_format(h.source_rtl);
    let target = text_format(h.lang_rtl);
    let plain = text_format(false);
    for (c, (name, width)) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &head)?;
        ws.set_column_width(c as u16, *width)?;
    }
    ws.set_freeze_panes(1, 1)?;
    for (i, o) in units.iter().enumerate() {
        let u = o.unit;
        let r = i as u32 + 1;
        ws.write_string_with_format(r, 0, &u.key, &key)?;
        ws.write_string_with_format(r, 1, &u.source, &source)?;
        ws.write_string_with_format(r, 2, &u.translation, &target)?;
        if u.state == State::Fuzzy {
            let old = u.previous.as_deref().unwrap_or(NO_PREVIOUS);
            ws.write_string_with_format(r, 3, old, &source)?;
        }
        let mut note = u.notes.join("\n");
        note.push_str(&format!("\nSource: {}", o.reference));
        ws.write_string_with_format(r, 4, &note, &plain)?;
    }
    Ok(())
}

fn about(ws: &mut Worksheet, h: &Header) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(ABOUT)?;
    ws.set_column_width(0, 20)?;
    ws.set_column_width(1, 90)?;
    let lines = [
        ("publication", h.publication.as_str()),
        ("source language", h.source_lang.as_str()),
        ("language", h.lang.as_str()),
        ("", ""),
        (
            "how to",
            "Write each translation in the `translation` column of the first sheet. Keep Markdown marks (**bold**, [text](link.md#anchor), `code`) and {#ids} as in the source.",
        ),
        (
            "",
            "A row with an `old source` was translated from that earlier text: update the translation, then empty the `old source` cell.",
        ),
        (
            "",
            "Do not change the key or source columns, and keep every cell as text.",
        ),
    ];
    for (r, (k, v)) in lines.iter().enumerate() {
        ws.write_string(r as u32, 0, *k)?;
        ws.write_string(r as u32, 1, *v)?;
    }
    Ok(())
}

/// A cell as text; numbers typed into a cell are read as they show.
fn cell(d: Option<&Data>) -> Result<String, String> {
    match d {
        None | Some(Data::Empty) => Ok(String::new()),
        Some(Data::String(s)) => Ok(s.clone()),
        Some(Data::Int(i)) => Ok(i.to_string()),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => Ok(format!("{f:.0}")),
        Some(Data::Float(f)) => Ok(f.to_string()),
        Some(_) => Err("the cell holds a date, a formula result or an error, not text: format the cell as Text and type it again".into()),
    }
}

/// All a spreadsheet's parts together may unpack to: the text, and the
/// markup of the sheet and styles around it.
const MAX_UNPACKED: u64 = 4 * MAX_FILE_BYTES;

/// Refuses a spreadsheet whose parts unpack to more than
/// [`MAX_FILE_BYTES`] each or [`MAX_UNPACKED`] together, before calamine
/// reads it: a zip entry of 1 GB of spaces compresses to 1 MB, and calamine
/// would hold it whole. Each part is inflated through `take` into a sink, so
/// checking costs bounded time and no memory.
fn check_sizes(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable .xlsx spreadsheet: {e}"))?;
    let mut total = 0;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| format!("not a readable .xlsx spreadsheet: {e}"))?;
        let name = String::from_utf8_lossy(part.name_raw()).into_owned();
        let n = io::copy(&mut (&mut part).take(MAX_FILE_BYTES + 1), &mut io::sink())
            .map_err(|e| format!("`{name}` in the spreadsheet cannot be unpacked: {e}"))?;
        if n > MAX_FILE_BYTES {
            return Err(format!(
                "`{name}` in the spreadsheet unpacks to more than {} MB: the file is refused",
                megabytes(MAX_FILE_BYTES)
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
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => return Err(format!("the sheet `{name}` cannot be read: {e}")),
        };
        let data = Data::from(cell.get_value().clone());
        if data == Data::Empty {
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
        let (row, col) = cell.get_position();
        cells.push((row, col, data));
    }
    let left = cells.iter().map(|c| c.1).min().unwrap_or(0);
    for c in &mut cells {
        c.1 -= left;
    }
    cells.sort_by_key(|c| (c.0, c.1));
    Ok(cells)
}

/// A cell: row, column, value.
type Cell = (u32, u32, Data);

/// Sorted cells row by row: each row's index and its cells.
fn rows_of(cells: &[Cell]) -> impl Iterator<Item = (u32, &[Cell])> {
    cells.chunk_by(|a, b| a.0 == b.0).map(|r| (r[0].0, r))
}

fn get(row: &[Cell], col: usize) -> Option<&Data> {
    row.iter().find(|c| c.1 as usize == col).map(|c| &c.2)
}

pub fn read(bytes: &[u8]) -> Result<Catalog, Vec<ReadError>> {
    let one = |msg: String| vec![(0, msg)];
    check_sizes(bytes).map_err(one)?;
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| one(format!("not a readable .xlsx spreadsheet: {e}")))?;
    let mut budget = MAX_UNPACKED;
    let mut header = Header::default();
    // A missing or unreadable `about` sheet leaves the header empty, which
    // import reports by what is missing.
    if let Ok(about) = sheet_cells(&mut wb, ABOUT, &mut budget) {
        for (_, row) in rows_of(&about) {
            let v = cell(get(row, 1)).unwrap_or_default();
            match cell(get(row, 0)).unwrap_or_default().as_str() {
                "publication" => header.publication = v,
                "source language" => header.source_lang = v,
                "language" => header.lang = v,
                _ => {}
            }
        }
    }
    let sheet = sheet_cells(&mut wb, SHEET, &mut budget).map_err(one)?;
    let mut rows = rows_of(&sheet);
    let (first_row, titles): (usize, Vec<String>) = rows
        .next()
        .map(|(r, row)| {
            let last = row.last().map_or(0, |c| c.1 as usize);
            let titles = (0..=last)
                .map(|c| cell(get(row, c)).unwrap_or_default().trim().to_lowercase())
                .collect();
            (r as usize, titles)
        })
        .unwrap_or_default();
    let col = |name: &str| titles.iter().position(|t| t == name);
    let (Some(k), Some(s), Some(t)) = (col("key"), col("source"), col("translation")) else {
        return Err(vec![(
            first_row + 1,
            "the first row must name the columns key, source and translation".into(),
        )]);
    };
    let old = col("old source");
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (r, row) in rows {
        let n = r as usize + 1;
        let get = |c: Option<usize>| c.map_or(Ok(String::new()), |c| cell(get(row, c)));
        match (get(Some(k)), get(Some(s)), get(Some(t)), get(old)) {
            (Ok(key), Ok(source), Ok(translation), Ok(old)) => {
                if key.trim().is_empty() {
                    continue;
                }
                entries.push(Incoming {
                    place: format!("row {n} ({key})"),
                    key,
                    source,
                    translation,
                    fuzzy: !old.trim().is_empty(),
                    line: n,
                });
            }
            (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => {
                errors.push((n, format!("row {n}: {e}")));
            }
        }
    }
    if errors.is_empty() {
        Ok(Catalog { header, entries })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translate::segments::Kind;
    use crate::translate::units::Unit;

    #[test]
    fn writes_and_reads_back_the_same_bytes_each_time() {
        let h = Header {
            publication: "pocket-guide".into(),
            source_lang: "en".into(),
            lang: "ar".into(),
            source_rtl: false,
            lang_rtl: true,
            ..Header::default()
        };
        let mk = |key: &str, state, tr: &str, prev: Option<&str>| Unit {
            key: key.into(),
            kind: Kind::Paragraph,
            source: "24/7".into(),
            translation: tr.into(),
            state,
            previous: prev.map(String::from),
            notes: vec!["Page: P".into()],
            source_line: 1,
        };
        let units = [
            mk("a/p1", State::Translated, "على مدار الساعة", None),
            mk("a/p2", State::Fuzzy, "قديم", Some("Old")),
            mk("a/p3", State::Fuzzy, "قديم", None),
            mk("a/p4", State::Untranslated, "", None),
        ];
        let out: Vec<Outgoing> = units
            .iter()
            .map(|u| Outgoing {
                unit: u,
                reference: "guidance/p/a.en.md:1".into(),
            })
            .collect();
        let bytes = write(&h, &out).unwrap();
        assert_eq!(bytes, write(&h, &out).unwrap());
        let c = read(&bytes).unwrap();
        assert_eq!(c.header.publication, "pocket-guide");
        assert_eq!(c.header.lang, "ar");
        let got: Vec<(&str, &str, &str, bool, usize)> = c
            .entries
            .iter()
            .map(|e| {
                (
                    e.key.as_str(),
                    e.source.as_str(),
                    e.translation.as_str(),
                    e.fuzzy,
                    e.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a/p1", "24/7", "على مدار الساعة", false, 2),
                ("a/p2", "24/7", "قديم", true, 3),
                ("a/p3", "24/7", "قديم", true, 4),
                ("a/p4", "24/7", "", false, 5),
            ]
        );
        assert!(read(b"not a zip").is_err());
    }

    /// A sheet with its titles, one row, and whatever `more` adds.
    fn sheet(more: impl Fn(&mut Worksheet)) -> Vec<u8> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name(SHEET).unwrap();
        for (c, v) in ["key", "source", "translation", "a/p1", "Hi", "Salut"]
            .iter()
            .enumerate()
        {
            ws.write_string(c as u32 / 3, c as u16 % 3, *v).unwrap();
        }
        more(ws);
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn cells_far_apart_make_no_grid() {
        // calamine's `worksheet_range` would make a grid of 16384 x 1048576
        // cells for these; the cells are read one by one instead.
        let bytes = sheet(|ws| {
            ws.write_string(1_048_575, 16_383, "far").unwrap();
        });
        let c = read(&bytes).unwrap();
        let got: Vec<(&str, &str, usize)> = c
            .entries
            .iter()
            .map(|e| (e.key.as_str(), e.translation.as_str(), e.line))
            .collect();
        assert_eq!(got, [("a/p1", "Salut", 2)]);
    }

    #[test]
    fn one_long_string_in_many_cells_is_refused() {
        // Stored once in the shared strings (32 KB, the most a cell may
        // hold), copied for each cell: 68 MB.
        let long = "x".repeat(32_767);
        let bytes = sheet(|ws| {
            for r in 2..2_200 {
                ws.write_string(r, 2, &long).unwrap();
            }
        });
        assert!(bytes.len() < 100_000);
        let e = read(&bytes).unwrap_err();
        assert!(e[0].1.contains("more than 64 MB of text"), "{e:?}");
    }
}
