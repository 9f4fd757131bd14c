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
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

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

pub fn read(bytes: &[u8]) -> Result<Catalog, Vec<ReadError>> {
    let one = |msg: String| vec![(0, msg)];
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| one(format!("not a readable .xlsx spreadsheet: {e}")))?;
    let mut header = Header::default();
    if let Ok(about) = wb.worksheet_range(ABOUT) {
        for row in about.rows() {
            let v = cell(row.get(1)).unwrap_or_default();
            match cell(row.first()).unwrap_or_default().as_str() {
                "publication" => header.publication = v,
                "source language" => header.source_lang = v,
                "language" => header.lang = v,
                _ => {}
            }
        }
    }
    let range = wb
        .worksheet_range(SHEET)
        .map_err(|_| one(format!("the spreadsheet has no sheet named `{SHEET}`")))?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let mut rows = range.rows();
    let titles: Vec<String> = rows
        .next()
        .map(|r| {
            r.iter()
                .map(|c| cell(Some(c)).unwrap_or_default().trim().to_lowercase())
                .collect()
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
    for (i, row) in rows.enumerate() {
        let n = first_row + i + 2;
        let get = |c: Option<usize>| c.map_or(Ok(String::new()), |c| cell(row.get(c)));
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
}
