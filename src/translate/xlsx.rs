//! A spreadsheet for translators who work in Excel or LibreOffice: one row
//! per segment, columns key, source, translation, old source, note. A row
//! with an old source is fuzzy: the translator updates the translation and
//! clears that cell. Right-to-left languages get right-to-left cells, so
//! Arabic reads correctly.
//!
//! Written with rust_xlsxwriter (with a fixed creation date, so the same
//! export gives the same bytes); read with calamine.

use super::catalog::{Header, Outgoing};
use super::units::{State, Unit};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

pub const SHEET: &str = "translation";
pub const ABOUT: &str = "about";
const COLUMNS: [(&str, f64); 6] = [
    ("key", 28.0),
    ("source", 60.0),
    ("translation", 60.0),
    ("old source", 45.0),
    ("note", 45.0),
    // Hidden: the translation as exported, so that import can tell a
    // row the translator did not touch.
    (EXPORTED, 20.0),
];
pub const EXPORTED: &str = "exported";
/// Stands in the old-source cell of a fuzzy row whose earlier source was
/// not found, so that the row still reads as needing review.
const NO_PREVIOUS: &str = "(earlier source not found: compare the translation with the source)";

fn text_format(rtl: bool) -> Format {
    // Text (`@`, built-in format 49): Excel would otherwise turn "24/7", "08:00" or "1.0" into
    // dates and numbers as they are typed.
    let f = Format::new()
        .set_num_format_index(49)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    if rtl { f.set_reading_direction(2) } else { f }
}

/// The most characters a spreadsheet cell holds: Excel, and the library
/// that writes the file, refuse more (LibreOffice and Excel cut it).
const MAX_CELL_CHARS: usize = 32_767;

/// Why `u` cannot be a row of a spreadsheet: its source, translation or
/// earlier source is longer than a cell holds.
pub fn too_long(u: &Unit) -> Option<String> {
    [
        ("a source", Some(&u.source)),
        ("a translation", Some(&u.translation)),
        ("an earlier source", u.previous.as_ref()),
    ]
    .into_iter()
    .find_map(|(what, text)| {
        let n = text?.chars().count();
        (n > MAX_CELL_CHARS).then(|| {
            format!("has {what} of {n} characters, more than a spreadsheet cell holds ({MAX_CELL_CHARS})")
        })
    })
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
    // Cells typed below the rows are text too.
    ws.set_column_format(2, &target)?;
    ws.set_column_hidden(5)?;
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
        ws.write_string_with_format(r, 5, &o.exported, &plain)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translate::segments::Kind;
    use crate::translate::units::Unit;
    use crate::translate::xlsx_read::read;

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
                exported: crate::translate::catalog::fingerprint(&u.translation),
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

    /// Before, a key with a space around it (typed, or pasted with the
    /// cell) matched no block: its translation was dropped with a warning
    /// that the source had changed. And a renamed `translation` sheet was
    /// refused without saying which sheets the file has. Now the key is
    /// read without the spaces, and the message names the sheets.
    #[test]
    fn a_key_with_spaces_around_and_a_renamed_sheet() {
        let bytes = sheet(|ws| {
            ws.write_string(2, 0, " a/p2\t").unwrap();
            ws.write_string(2, 2, "Deux").unwrap();
        });
        let c = read(&bytes).unwrap();
        let keys: Vec<&str> = c.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["a/p1", "a/p2"]);
        assert_eq!(c.entries[1].place, "row 3 (a/p2)");

        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("Hausa").unwrap();
        ws.write_string(0, 0, "key").unwrap();
        wb.add_worksheet().set_name(ABOUT).unwrap();
        let e = read(&wb.save_to_buffer().unwrap()).unwrap_err();
        assert_eq!(
            e[0].1,
            "the spreadsheet has no sheet named `translation` (its sheets: Hausa, about): rename the sheet with the columns key, source and translation back to `translation`"
        );
    }

    /// Before, a block longer than a cell holds failed the export with
    /// rust_xlsxwriter's message, named at the publication's folder, not
    /// at the block. Now the block is named (see `export`).
    #[test]
    fn a_block_longer_than_a_cell_is_named() {
        let u = |source: String, previous: Option<String>| Unit {
            key: "a/p1".into(),
            kind: Kind::Paragraph,
            source,
            translation: "Court.".into(),
            state: State::Fuzzy,
            previous,
            notes: Vec::new(),
            source_line: 3,
        };
        assert_eq!(too_long(&u("x".repeat(MAX_CELL_CHARS), None)), None);
        let why = too_long(&u("é".repeat(MAX_CELL_CHARS + 1), None)).unwrap();
        assert!(why.contains("a source of 32768 characters"), "{why}");
        let why = too_long(&u("Short.".into(), Some("x".repeat(40_000)))).unwrap();
        assert!(why.contains("an earlier source of 40000"), "{why}");
    }

    /// Before, a formula with a value (Excel and Google Sheets save one:
    /// `=B2` copying the source, `=GOOGLETRANSLATE(B2, "en", "fr")`) was
    /// read as the text it showed, and written into the page as the
    /// translator's; only a formula with no value was refused. Now any
    /// formula refuses its row's page, named with the formula.
    #[test]
    fn a_formula_with_a_value_is_not_read_as_text() {
        let bytes = sheet(|ws| {
            for (r, f) in [(2, "=B2"), (3, "=GOOGLETRANSLATE(B2, \"en\", \"fr\")")] {
                ws.write_string(r, 0, format!("a/p{r}")).unwrap();
                let formula = rust_xlsxwriter::Formula::new(f).set_result("Salut");
                ws.write_formula(r, 2, formula).unwrap();
            }
        });
        let c = read(&bytes).unwrap();
        let got: Vec<(&str, Option<&str>)> = c
            .entries
            .iter()
            .map(|e| (e.key.as_str(), e.problem.as_deref()))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], ("a/p1", None));
        for (e, f) in c.entries[1..].iter().zip(["=B2", "=GOOGLETRANSLATE("]) {
            let p = e.problem.as_deref().unwrap_or_default();
            assert!(
                p.contains(&format!("the cell holds a formula (`{f}"))
                    && p.contains("Paste Special"),
                "{p}"
            );
        }
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
