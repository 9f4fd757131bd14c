//! Translators' spreadsheets that show a reviewer one text and import
//! another.

use crate::common::Site;
use crate::translating::{
    export, guidance, import, set_xliff_target, set_xliff2_target, xlsx_part,
};

/// Rewrites the zip at `path`: each part through `edit` (name, bytes),
/// then `added` parts at the end.
fn rewrite_zip(
    path: &std::path::Path,
    edit: impl Fn(&str, Vec<u8>) -> Vec<u8>,
    added: &[(&str, Vec<u8>)],
) {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = String::from_utf8_lossy(f.name_raw()).into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        let data = edit(&name, data);
        parts.push((name, data));
    }
    parts.extend(added.iter().map(|(n, d)| (n.to_string(), d.clone())));
    let named: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    std::fs::write(path, crate::common::office::zip_of(&named)).unwrap();
}

/// The zip at `path` with `from` replaced by `to` in its part `part`.
fn edit_part(path: &std::path::Path, part: &str, from: &str, to: &str) {
    let edit = |name: &str, data: Vec<u8>| {
        if name != part {
            return data;
        }
        let text = String::from_utf8(data).unwrap();
        assert!(text.contains(from), "no `{from}` in {part}");
        text.replacen(from, to, 1).into_bytes()
    };
    rewrite_zip(path, edit, &[]);
}

/// The translation cell (column C) of the row whose key is the shared
/// string `key_index`, as written (`<c r="C3" .../>` or `<c r="C3" ...>…</c>`),
/// and its address.
fn translation_cell(sheet: &str, key_index: usize) -> (String, String) {
    let key_cell = format!("t=\"s\"><v>{key_index}</v></c>");
    let at = sheet.find(&key_cell).expect("the key's cell");
    let row_start = sheet[..at].rfind("<row r=\"").unwrap();
    let number = sheet[row_start + 8..].split('"').next().unwrap();
    let address = format!("C{number}");
    let c = row_start
        + sheet[row_start..]
            .find(&format!("<c r=\"{address}\""))
            .unwrap();
    let open_end = c + sheet[c..].find('>').unwrap();
    let end = if sheet[..open_end].ends_with('/') {
        open_end + 1
    } else {
        c + sheet[c..].find("</c>").unwrap() + 4
    };
    (sheet[c..end].to_string(), address)
}

/// A spreadsheet whose sheet gives one cell twice (two `<c r="C3">` in
/// its row: no program writes that, but anyone can edit the XML) was
/// imported with the first one's text. The format allows one cell per
/// place, and which of the two a spreadsheet program shows, or keeps when
/// it repairs the file, is its own choice: a reviewer who opened the file
/// could read a translation other than the one written into the site.
/// Now the file is refused, naming the sheet and the cell, and no page
/// changes; with the cell given once, it is imported as before.
#[test]
fn a_spreadsheet_cell_given_twice_is_refused() {
    let site = Site::fixture("basic");
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "xlsx", out.path(), &[]);
    let file = files
        .iter()
        .find(|f| f.ends_with("checklist.xlsx"))
        .unwrap()
        .clone();
    let strings = xlsx_part(&file, "xl/sharedStrings.xml");
    let keys: Vec<&str> = strings
        .split("<si>")
        .skip(1)
        .map(|s| s.split("</t>").next().unwrap().trim_start_matches("<t>"))
        .collect();
    let key_index = keys.iter().position(|k| *k == "index/p1").unwrap();
    let sheet = xlsx_part(&file, "xl/worksheets/sheet1.xml");
    let (cell, address) = translation_cell(&sheet, key_index);
    let shown = "<is><t>Cochez au fur et à mesure.</t></is>";
    let hidden = "<is><t>Texte que le relecteur ne voit pas.</t></is>";
    let twice = format!(
        "<c r=\"{address}\" t=\"inlineStr\">{hidden}</c><c r=\"{address}\" t=\"inlineStr\">{shown}</c>"
    );
    let before = guidance(&site);
    edit_part(&file, "xl/worksheets/sheet1.xml", &cell, &twice);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!(
            "error: the sheet `translation` gives the cell `{address}` twice: spreadsheet programs differ on which one they show"
        )),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before, "no page changed");
    // One cell, as a program writes it: imported.
    edit_part(
        &file,
        "xl/worksheets/sheet1.xml",
        &twice,
        &format!("<c r=\"{address}\" t=\"inlineStr\">{shown}</c>"),
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("guidance/checklist/index.fr.md: 1 of 2 segments translated"),
        "{}",
        o.stderr
    );
}

/// An XLIFF unit (1.2) or segment (2.0) with two `<target>` elements,
/// which neither schema allows, was imported with the first: a CAT tool
/// that shows the other would have a reviewer approve a translation other
/// than the one written into the site. Now the unit refuses its page,
/// saying why; with one target the page is written as before.
#[test]
fn an_xliff_unit_with_two_targets_refuses_its_page() {
    let site = Site::fixture("basic");
    let page = site.path().join("guidance/checklist/index.fr.md");
    for (format, set) in [
        (
            "xliff",
            set_xliff_target as fn(&std::path::Path, &str, &str),
        ),
        ("xliff2", set_xliff2_target),
    ] {
        let out = tempfile::tempdir().unwrap();
        let files = export(&site, "fr", format, out.path(), &[]);
        let file = files.iter().find(|f| f.ends_with("checklist.xlf")).unwrap();
        set(file, "index/title", "Liste à cocher");
        set(file, "index/p1", "Cochez au fur et à mesure.");
        let xml = std::fs::read_to_string(file).unwrap();
        let one = "Cochez au fur et à mesure.</target>";
        assert_eq!(xml.matches(one).count(), 1, "{xml}");
        let two = format!("{one}<target>Texte que le relecteur ne voit pas.</target>");
        std::fs::write(file, xml.replace(one, &two)).unwrap();
        let o = import(&site, std::slice::from_ref(file));
        assert_eq!(o.code, 1, "{format}: {}", o.stderr);
        assert!(
            o.stderr.contains("error: unit \"index/p1\": two <target> elements where one is allowed: translation tools differ on which one they show"),
            "{format}: {}",
            o.stderr
        );
        assert!(!page.exists(), "{format}: the page was written");
        std::fs::write(file, xml).unwrap();
        let o = import(&site, std::slice::from_ref(file));
        assert_eq!(o.code, 0, "{format}: {}", o.stderr);
        assert!(
            std::fs::read_to_string(&page)
                .unwrap()
                .contains("Cochez au fur et à mesure."),
            "{format}"
        );
        std::fs::remove_file(&page).unwrap();
    }
}

/// The exported checklist spreadsheet with both segments of its index
/// page translated in its `translation` sheet (the sheet's XML returned).
fn translated_checklist(site: &Site, out: &std::path::Path) -> (std::path::PathBuf, String) {
    let files = export(site, "fr", "xlsx", out, &[]);
    let file = files
        .iter()
        .find(|f| f.ends_with("checklist.xlsx"))
        .unwrap()
        .clone();
    let strings = xlsx_part(&file, "xl/sharedStrings.xml");
    let keys: Vec<&str> = strings
        .split("<si>")
        .skip(1)
        .map(|s| s.split("</t>").next().unwrap().trim_start_matches("<t>"))
        .collect();
    let mut sheet = xlsx_part(&file, "xl/worksheets/sheet1.xml");
    for (key, text) in [
        ("index/title", "Liste à cocher"),
        ("index/p1", "Cochez au fur et à mesure."),
    ] {
        let index = keys.iter().position(|k| *k == key).unwrap();
        let (cell, address) = translation_cell(&sheet, index);
        let filled = format!("<c r=\"{address}\" t=\"inlineStr\"><is><t>{text}</t></is></c>");
        sheet = sheet.replacen(&cell, &filled, 1);
    }
    let edit = |name: &str, data: Vec<u8>| match name {
        "xl/worksheets/sheet1.xml" => sheet.clone().into_bytes(),
        _ => data,
    };
    rewrite_zip(&file, edit, &[]);
    (file, sheet)
}

/// Adds a copy of the `translation` sheet, with another text for the
/// page's paragraph, named `copy`; with `hide`, the original is hidden.
fn add_sheet_copy(file: &std::path::Path, sheet: &str, copy: &str, hide: bool) {
    let other = sheet.replace(
        "Cochez au fur et à mesure.",
        "Texte que le relecteur ne voit pas.",
    );
    let state = if hide { " state=\"hidden\"" } else { "" };
    let edit = |name: &str, data: Vec<u8>| {
        let text = String::from_utf8(data.clone()).unwrap_or_default();
        match name {
            "xl/workbook.xml" => text
                .replace(
                    "<sheet name=\"translation\" sheetId=\"1\"",
                    &format!("<sheet name=\"translation\" sheetId=\"1\"{state}"),
                )
                .replace(
                    "</sheets>",
                    &format!("<sheet name=\"{copy}\" sheetId=\"9\" r:id=\"rId9\"/></sheets>"),
                )
                .into_bytes(),
            "xl/_rels/workbook.xml.rels" => text
                .replace("</Relationships>", "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet9.xml\"/></Relationships>")
                .into_bytes(),
            "[Content_Types].xml" => text
                .replace("</Types>", "<Override PartName=\"/xl/worksheets/sheet9.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")
                .into_bytes(),
            _ => data,
        }
    };
    rewrite_zip(
        file,
        edit,
        &[("xl/worksheets/sheet9.xml", other.into_bytes())],
    );
}

/// A spreadsheet with two sheets named `translation` (the second spelled
/// `Translation`, one name to Excel), or whose `translation` sheet is
/// hidden beside a visible copy, was imported from the first or hidden
/// one: a reviewer would read the other. Now the file is refused, saying
/// why, and no page changes; the same spreadsheet without the copy is
/// imported.
#[test]
fn a_spreadsheet_showing_another_translation_sheet_is_refused() {
    let site = Site::fixture("basic");
    let page = site.path().join("guidance/checklist/index.fr.md");
    for (copy, hide, says) in [
        (
            "Translation",
            false,
            "error: the spreadsheet has two sheets named `translation`: programs differ on which one they open",
        ),
        (
            "translation (2)",
            true,
            "error: the sheet `translation` is hidden: a reviewer reads the sheets shown, so the file is refused",
        ),
    ] {
        let out = tempfile::tempdir().unwrap();
        let (file, sheet) = translated_checklist(&site, out.path());
        add_sheet_copy(&file, &sheet, copy, hide);
        let o = import(&site, std::slice::from_ref(&file));
        assert_eq!(o.code, 1, "{copy}: {}", o.stderr);
        assert!(o.stderr.contains(says), "{copy}: {}", o.stderr);
        assert!(!page.exists(), "{copy}: the page was written");
    }
    let out = tempfile::tempdir().unwrap();
    let (file, _) = translated_checklist(&site, out.path());
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let written = std::fs::read_to_string(&page).unwrap();
    assert!(written.contains("Cochez au fur et à mesure."), "{written}");
}
