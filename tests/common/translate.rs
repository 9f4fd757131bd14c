//! Helpers for the translation round-trip tests: running export and
//! import, and reading what the three formats hold.
#![allow(dead_code)]

use crate::common::{Output, Site};
use calamine::{Data, DataType, Reader, Xlsx};
use std::path::{Path, PathBuf};

/// The one file `format` exports for French, in a folder of its own.
pub fn export_one(site: &Site, format: &str) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let files = export(site, "fr", format, out.path(), &[]);
    assert_eq!(files.len(), 1, "{files:?}");
    let file = files[0].clone();
    (out, file)
}

/// The guidance folder, to check that nothing in it changed.
pub fn guidance(site: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    crate::common::tree(&site.path().join("guidance"))
}

/// A site of one page (`guidance/pub/index.*.md`) in English and French,
/// the French stamped.
pub fn one_page_site(site_yaml: &str, en: &str, fr: &str) -> Site {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", site_yaml);
    site.write("guidance/pub/index.en.md", en);
    site.write("guidance/pub/index.fr.md", fr);
    let path = site.path().join("guidance/pub/index.fr.md");
    let o = site.run(&["stamp", path.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    site
}

/// Sets the msgstr of `key`, as a PO editor does when a translator
/// confirms it: not fuzzy, no earlier source.
pub fn set_msgstr(file: &Path, key: &str, text: &str) {
    edit_entry(file, key, |e| {
        e.msgstr = Some(text.into());
        e.flags.retain(|f| f != "fuzzy");
        e.previous_msgid = None;
    });
}

/// Sets the msgstr of `key` and marks it fuzzy, as a translator does in
/// Poedit with "Needs work".
pub fn set_fuzzy(file: &Path, key: &str, text: &str) {
    edit_entry(file, key, |e| {
        e.msgstr = Some(text.into());
        if !e.flags.iter().any(|f| f == "fuzzy") {
            e.flags.push("fuzzy".into());
        }
    });
}

/// Rewrites the PO file `file` with its entry `key` changed by `change`.
fn edit_entry(file: &Path, key: &str, change: impl FnOnce(&mut rspolib::POEntry)) {
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    let e = po
        .entries
        .iter_mut()
        .find(|e| e.msgctxt.as_deref() == Some(key))
        .unwrap_or_else(|| panic!("no entry {key}"));
    change(e);
    std::fs::write(file, po.to_string()).unwrap();
}

pub fn export(site: &Site, lang: &str, format: &str, out: &Path, extra: &[&str]) -> Vec<PathBuf> {
    let mut args = vec![
        "translate",
        "export",
        "--lang",
        lang,
        "--format",
        format,
        "--out",
    ];
    let out_s = out.to_str().unwrap();
    args.push(out_s);
    args.extend_from_slice(extra);
    let o = site.run(&args);
    assert_eq!(o.code, 0, "export failed:\n{}", o.stderr);
    let mut files: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

pub fn import(site: &Site, files: &[PathBuf]) -> Output {
    let mut args = vec!["translate", "import"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    site.run(&args)
}

pub fn msgfmt_check(file: &Path) {
    let Ok(o) = std::process::Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null"])
        .arg(file)
        .output()
    else {
        eprintln!("msgfmt not installed: PO files not checked by gettext");
        return;
    };
    assert!(
        o.status.success() && o.stderr.is_empty(),
        "msgfmt --check {}: {}",
        file.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The PO entry with this key, read by rspolib (gettext's own rules).
pub fn po_entry(file: &Path, key: &str) -> rspolib::POEntry {
    // A path: rspolib parses nothing from bytes.
    let po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    po.entries
        .into_iter()
        .find(|e| e.msgctxt.as_deref() == Some(key))
        .unwrap_or_else(|| panic!("no entry {key}"))
}

/// Each unit of an XLIFF file: its id and its source text.
pub fn xliff_sources(file: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(file).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "trans-unit")
        .map(|n| {
            let source = n.children().find(|c| c.tag_name().name() == "source");
            let source = source.and_then(|s| s.text()).unwrap_or_default();
            (n.attribute("id").unwrap().to_string(), source.to_string())
        })
        .collect()
}

pub fn xliff_unit(file: &Path, key: &str) -> (String, String, Vec<String>) {
    let text = std::fs::read_to_string(file).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let unit = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "trans-unit")
        .find(|n| n.attribute("id") == Some(key))
        .unwrap_or_else(|| panic!("no unit {key}"));
    let target = unit
        .children()
        .find(|c| c.tag_name().name() == "target")
        .unwrap();
    let notes = unit
        .children()
        .filter(|c| c.tag_name().name() == "note")
        .map(|n| n.text().unwrap_or("").to_string())
        .collect();
    (
        target.attribute("state").unwrap_or("").to_string(),
        target.text().unwrap_or("").to_string(),
        notes,
    )
}

pub fn xlsx_rows(file: &Path) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = calamine::open_workbook(file).unwrap();
    let range = wb.worksheet_range("translation").unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("not text: {other:?}"),
                })
                .collect()
        })
        .collect()
}

/// The 1-based line of the `msgstr` of the entry with this key.
pub fn msgstr_line(text: &str, key: &str) -> usize {
    let ctx = format!("msgctxt \"{key}\"");
    let start = text.lines().position(|l| l == ctx).unwrap();
    start
        + 1
        + text
            .lines()
            .skip(start)
            .position(|l| l.starts_with("msgstr"))
            .unwrap()
}

/// An exported spreadsheet's two sheets, `translation` and `about`, as text.
pub fn xlsx_sheets(file: &Path) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut wb: Xlsx<_> = calamine::open_workbook(file).unwrap();
    let mut cells = |name: &str| -> Vec<Vec<String>> {
        wb.worksheet_range(name)
            .unwrap()
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| c.as_string().unwrap_or_default())
                    .collect()
            })
            .collect()
    };
    (cells("translation"), cells("about"))
}

/// Rewrites an exported spreadsheet with one translation cell changed.
pub fn edit_xlsx(file: &Path, key: &str, edit: impl Fn(&str) -> String) -> usize {
    let (mut rows, about) = xlsx_sheets(file);
    let n = rows.iter().position(|r| r[0] == key).unwrap();
    rows[n][2] = edit(&rows[n][2]);
    let mut out = rust_xlsxwriter::Workbook::new();
    for (name, rows) in [("translation", rows), ("about", about)] {
        let ws = out.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    out.save(file).unwrap();
    n + 1
}

/// Fills the PO entries of one page with a stand-in translation, all but
/// those listed.
pub fn fill(file: &Path, page: &str, skip: &[&str], fuzzy: &[&str]) {
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    for e in po.entries.iter_mut() {
        let key = e.msgctxt.clone().unwrap();
        if !key.starts_with(page) || skip.contains(&key.as_str()) {
            continue;
        }
        e.msgstr = Some(format!("(ha) {}", e.msgid));
        e.flags = if fuzzy.contains(&key.as_str()) {
            vec!["fuzzy".into()]
        } else {
            Vec::new()
        };
    }
    std::fs::write(file, po.to_string()).unwrap();
}

/// One part of a spreadsheet (a zip of XML files), as text.
pub fn xlsx_part(file: &Path, name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Writes a spreadsheet of these sheets, each cell as text (an empty one
/// left out), as a translator's tool saves what it read.
pub fn write_xlsx(file: &Path, sheets: &[(&str, Vec<Vec<String>>)]) {
    let mut out = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = out.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, v).unwrap();
                }
            }
        }
    }
    out.save(file).unwrap();
}

/// Sets the target of the XLIFF unit `key`, marked translated.
pub fn set_xliff_target(file: &Path, key: &str, text: &str) {
    let xml = std::fs::read_to_string(file).unwrap();
    let start = xml
        .find(&format!("<trans-unit id=\"{key}\""))
        .unwrap_or_else(|| panic!("no unit {key}"));
    let unit_end = start + xml[start..].find("</trans-unit>").unwrap();
    // An untranslated unit has no target: it goes after the source.
    let (t, end) = match xml[start..unit_end].find("<target") {
        Some(at) => {
            let t = start + at;
            let open = t + xml[t..].find('>').unwrap();
            let end = if xml[..open].ends_with('/') {
                open + 1
            } else {
                t + xml[t..].find("</target>").unwrap() + "</target>".len()
            };
            (t, end)
        }
        None => {
            let s = start + xml[start..].find("</source>").unwrap() + "</source>".len();
            (s, s)
        }
    };
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let target = format!("<target state=\"translated\">{escaped}</target>");
    std::fs::write(file, format!("{}{target}{}", &xml[..t], &xml[end..])).unwrap();
}

/// Sets the target of the XLIFF 2 unit named `key`, its one segment marked
/// translated, as a CAT tool saves a confirmed segment.
pub fn set_xliff2_target(file: &Path, key: &str, text: &str) {
    let xml = std::fs::read_to_string(file).unwrap();
    let start = xml
        .find(&format!("name=\"{key}\">"))
        .unwrap_or_else(|| panic!("no unit {key}"));
    let seg = start + xml[start..].find("<segment").unwrap();
    let seg_open_end = seg + xml[seg..].find('>').unwrap() + 1;
    let source_end = seg + xml[seg..].find("</source>").unwrap() + "</source>".len();
    let seg_end = seg + xml[seg..].find("</segment>").unwrap();
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    std::fs::write(
        file,
        format!(
            "{}<segment state=\"translated\">{}<target>{escaped}</target>{}",
            &xml[..seg],
            &xml[seg_open_end..source_end],
            &xml[seg_end..]
        ),
    )
    .unwrap();
}

/// Each unit of an XLIFF 2 file: its name (the key) and its source text,
/// its segments' joined.
pub fn xliff2_sources(file: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(file).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "unit")
        .map(|u| {
            let source: String = u
                .descendants()
                .filter(|n| n.tag_name().name() == "source")
                .filter_map(|s| s.text())
                .collect();
            (u.attribute("name").unwrap().to_string(), source)
        })
        .collect()
}
