//! Tests of reading a spreadsheet back: where its column titles are.

use super::read;
use crate::translate::xlsx::SHEET;
use rust_xlsxwriter::Workbook;

/// A `translation` sheet of these rows (from the first), as bytes.
fn sheet(rows: &[&[&str]]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(SHEET).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

const TITLES: &[&str] = &["key", "source", "translation", "old source", "note"];

/// Before, a sheet whose first row was not the column titles (a title, a
/// note or an empty row added above them) was refused: "the first row
/// must name the columns key, source and translation". Now the titles are
/// found within the first rows, the rows above them that are not a
/// translation's are ignored, and a notice says which row was used.
#[test]
fn column_titles_below_the_first_row_are_found() {
    let bytes = sheet(&[
        &["Pocket guide, French: due Friday"],
        &["", "Ask Marie about the forms"],
        &[],
        TITLES,
        &["a/p1", "Hi", "Salut"],
        &[],
        &["a/p2", "Bye", "Au revoir"],
    ]);
    let c = read(&bytes).unwrap();
    let got: Vec<(&str, &str, usize)> = c
        .entries
        .iter()
        .map(|e| (e.key.as_str(), e.translation.as_str(), e.line))
        .collect();
    assert_eq!(got, [("a/p1", "Salut", 5), ("a/p2", "Au revoir", 7)]);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(
        c.notices,
        [(
            4,
            "the column titles (key, source, translation) are read from row 4, not row 1; rows 1, 2 above them are not translations' and are ignored".to_string()
        )]
    );
    let c = read(&sheet(&[&[], &[], TITLES, &["a/p1", "Hi", "Salut"]])).unwrap();
    assert_eq!(c.entries[0].line, 4);
    assert!(
        c.notices[0]
            .1
            .ends_with("not row 1; the rows above them are empty")
    );
    // At the top, as exported: nothing to say.
    let c = read(&sheet(&[TITLES, &["a/p1", "Hi", "Salut"]])).unwrap();
    assert!(c.notices.is_empty());
    assert_eq!(c.entries.len(), 1);
}

/// Rows above the titles that hold a key and its source are translations
/// (a sort that moved the titles down): read, not dropped.
#[test]
fn a_translation_above_the_titles_is_read() {
    let bytes = sheet(&[
        &["a/p2", "Bye", "Au revoir"],
        TITLES,
        &["a/p1", "Hi", "Salut"],
    ]);
    let c = read(&bytes).unwrap();
    let keys: Vec<(&str, usize)> = c.entries.iter().map(|e| (e.key.as_str(), e.line)).collect();
    assert_eq!(keys, [("a/p2", 1), ("a/p1", 3)]);
    assert_eq!(
        c.notices[0].1,
        "the column titles (key, source, translation) are read from row 2, not row 1; row 1 above them holds a translation and is read"
    );
}

#[test]
fn titles_too_far_down_or_missing_are_refused() {
    let mut rows: Vec<&[&str]> = vec![&["note"]; 10];
    rows.push(TITLES);
    let e = read(&sheet(&rows)).unwrap_err();
    assert_eq!(
        e,
        [(
            1,
            "no row among the sheet's first 10 names the columns key, source and translation: put back the row of column titles the export wrote".to_string()
        )]
    );
    let e = read(&sheet(&[&["key", "source"], &["a/p1", "Hi"]])).unwrap_err();
    assert_eq!(e[0].0, 1);
}

/// Cells are named as a spreadsheet names them, and a place given twice
/// is found wherever its two cells are.
#[test]
fn cells_are_named_and_a_place_given_twice_is_found() {
    use super::{a1, given_twice};
    assert_eq!(a1((0, 0)), "A1");
    assert_eq!(a1((2, 2)), "C3");
    assert_eq!(a1((9, 25)), "Z10");
    assert_eq!(a1((0, 26)), "AA1");
    assert_eq!(a1((1_048_575, 16_383)), "XFD1048576");
    assert_eq!(given_twice(vec![(0, 0), (1, 2), (0, 1)]), None);
    assert_eq!(
        given_twice(vec![(2, 2), (0, 0), (1, 1), (2, 2)]),
        Some((2, 2))
    );
}
