//! End-to-end: what a translator's tool does to the text. A cell that is
//! not text, a plural PO entry or a translation that cannot be placed
//! refuses only its page, at its row, line or unit; indentation that
//! Markdown ignores is accepted; messages say what to do.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::{Site, tree};
use helpers::*;
use std::path::Path;

const PREPARING_FR: &str = "guidance/pocket-guide/01-preparing.fr.md";
const ASKING_FR: &str = "guidance/pocket-guide/03-asking-questions.fr.md";
const STOPPING: &str = "04-stopping-and-closing";
const BAD: &str = "01-preparing#safe-space/list1.2";

enum Value {
    Text(&'static str),
    Number(f64),
    Bool,
    Date,
    Formula,
}

/// Rewrites an exported spreadsheet with some translation cells replaced,
/// the rest written back as text; returns the rows (1-based) edited.
fn rewrite_xlsx(file: &Path, edits: &[(&str, Value)]) -> Vec<usize> {
    let (rows, about) = xlsx_sheets(file);
    let mut out = rust_xlsxwriter::Workbook::new();
    let mut edited = Vec::new();
    let ws = out.add_worksheet().set_name("translation").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let edit = edits.iter().find(|(k, _)| *k == row[0]).filter(|_| c == 2);
            let (r32, c16) = (r as u32, c as u16);
            match edit.map(|e| &e.1) {
                None => ws.write_string(r32, c16, v).map(|_| ()),
                Some(Value::Text(t)) => ws.write_string(r32, c16, *t).map(|_| ()),
                Some(Value::Number(n)) => ws.write_number(r32, c16, *n).map(|_| ()),
                Some(Value::Bool) => ws.write_boolean(r32, c16, true).map(|_| ()),
                Some(Value::Date) => {
                    let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 7, 1).unwrap();
                    let f = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
                    ws.write_datetime_with_format(r32, c16, &d, &f).map(|_| ())
                }
                Some(Value::Formula) => ws.write_formula(r32, c16, "=A1").map(|_| ()),
            }
            .unwrap();
            if edit.is_some() {
                edited.push(r + 1);
            }
        }
    }
    let ws = out.add_worksheet().set_name("about").unwrap();
    for (r, row) in about.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    out.save(file).unwrap();
    drop_formula_values(file);
    edited
}

/// Removes the cached values of formulas, as a file written by a program
/// (not saved by Excel) has none.
fn drop_formula_values(file: &Path) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(file).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(file).unwrap());
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(data).unwrap();
            data = text.replace("</f><v>0</v>", "</f>").into_bytes();
        }
        zout.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap();
}

#[test]
fn a_cell_that_is_not_text_refuses_only_its_page() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "xlsx", out.path(), &[]);
    let file = out.path().join("pocket-guide.xlsx");
    // Exported cells are Text (`@`, built-in format 49), so that Excel
    // keeps "24/7" and "08:00" as typed.
    let styles = xlsx_part(&file, "xl/styles.xml");
    assert!(styles.contains("numFmtId=\"49\""), "{styles}");
    let rows = rewrite_xlsx(
        &file,
        &[
            ("01-preparing/title", Value::Text("Se préparer (révisé)")),
            ("03-asking-questions/title", Value::Number(24.7)),
            ("04-stopping-and-closing/title", Value::Date),
            ("02-informed-consent/title", Value::Bool),
            ("05-needs-and-referral/title", Value::Formula),
        ],
    );
    let before = tree(site.path());
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let f = file.display();
    for (row, key, want) in [
        (
            rows[3],
            STOPPING,
            "error: row {row} ({key}/title): the translation cell: the cell holds a date or time, not text: format the cell as Text",
        ),
        (
            rows[1],
            "02-informed-consent",
            "error: row {row} ({key}/title): the translation cell: the cell holds a boolean (TRUE), not text",
        ),
        (
            rows[4],
            "05-needs-and-referral",
            "error: row {row} ({key}/title): the translation cell: the cell holds a formula with no value, not text",
        ),
        (
            rows[2],
            "03-asking-questions",
            "warning: row {row} ({key}/title): the translation cell: the cell holds the number 24.7, read as \"24.7\"",
        ),
    ] {
        let want = format!(
            "{f}:{row}:1: {}",
            want.replace("{row}", &row.to_string())
                .replace("{key}", key)
        );
        assert!(
            o.stderr.contains(&want),
            "missing {want}\nin:\n{}",
            o.stderr
        );
    }
    assert!(
        o.stderr.contains(&format!("wrote {PREPARING_FR}")),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(&format!("wrote {ASKING_FR}")),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("import failed: 2 pages written, 1 unchanged, 0 incomplete, 3 refused"),
        "{}",
        o.stderr
    );
    let after = tree(site.path());
    for page in ["02-informed-consent", STOPPING, "05-needs-and-referral"] {
        let rel = format!("guidance/pocket-guide/{page}.fr.md");
        assert!(before[&rel] == after[&rel], "{rel} was written");
    }
}

#[test]
fn a_plural_po_entry_refuses_only_its_page() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let file = out.path().join("pocket-guide.po");
    let text = std::fs::read_to_string(&file).unwrap();
    let key = format!("{STOPPING}/title");
    let line = msgstr_line(&text, &key);
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[line - 1] =
        "msgid_plural \"Stoppings\"\nmsgstr[0] \"Arrêter\"\nmsgstr[1] \"Arrêts\"".into();
    let mut text = lines.join("\n") + "\n";
    text = text.replace("msgstr \"Se préparer\"", "msgstr \"Se préparer (révisé)\"");
    std::fs::write(&file, &text).unwrap();
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    // At the entry's first line, in the file.
    let want = format!(
        ":1: error: msgctxt \"{key}\": plural entries (msgid_plural, msgstr[N]) are not used by fieldguide"
    );
    let at = o
        .stderr
        .lines()
        .find(|l| l.ends_with(&want) || l.contains(&want));
    let at = at.unwrap_or_else(|| panic!("missing {want}\nin:\n{}", o.stderr));
    assert!(at.starts_with(&format!("{}:", file.display())), "{at}");
    assert!(
        at.len() > want.len() + file.display().to_string().len() + 2,
        "{at}"
    );
    assert!(
        o.stderr.contains(&format!("wrote {PREPARING_FR}")),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("1 refused"), "{}", o.stderr);
}

#[test]
fn indentation_markdown_ignores_is_accepted_and_the_rest_is_placed_at_its_line() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let file = out.path().join("pocket-guide.po");
    let key = "03-asking-questions#principles/list1.1";
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    for e in po.entries.iter_mut() {
        match e.msgctxt.as_deref().unwrap() {
            k if k == key => e.msgstr = Some("Deux lignes\n    **Entrée**.".into()),
            "03-asking-questions/title" => e.msgstr = Some("Poser\u{2028}des questions".into()),
            "02-informed-consent/title" => e.msgstr = Some("Consentement\u{85}éclairé".into()),
            // A link definition is not text: Markdown takes it out.
            BAD => e.msgstr = Some("[a]: https://example.org\nChoisir.".into()),
            _ => {}
        }
    }
    std::fs::write(&file, po.to_string()).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!("wrote {ASKING_FR}")),
        "{}",
        o.stderr
    );
    let page = site.read(ASKING_FR);
    assert!(page.contains("- Deux lignes\n  **Entrée**.\n"), "{page}");
    assert!(
        page.contains("title: \"Poser\\u2028des questions\""),
        "{page}"
    );
    let want = format!(
        "{}:{}:1: error: msgctxt \"02-informed-consent/title\": the translation holds a control character (U+0085), which no page can show",
        file.display(),
        msgstr_line(&text, "02-informed-consent/title")
    );
    assert!(
        o.stderr.contains(&want),
        "missing {want}\nin:\n{}",
        o.stderr
    );
    let want = format!(
        "{}:{}:1: error: msgctxt \"{BAD}\": the source is 1 paragraph, the translation's Markdown makes 1 paragraph, 1 link reference definition (`[label]: target`), which is not shown",
        file.display(),
        msgstr_line(&text, BAD)
    );
    assert!(
        o.stderr.contains(&want),
        "missing {want}\nin:\n{}",
        o.stderr
    );
    site.build_ok();
    let html = site.page("fr/pocket-guide/asking-questions.html");
    assert!(html.text_of("h1").contains("Poser\u{2028}des questions"));
}

#[test]
fn a_pretty_printed_utf16_xliff_is_read() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "xliff", out.path(), &[]);
    let file = out.path().join("pocket-guide.xlf");
    let key = "03-asking-questions#principles/list1.1";
    let (_, target, _) = xliff_unit(&file, key);
    let text = std::fs::read_to_string(&file).unwrap();
    let old = format!(">{}</target>", quick_xml::escape::escape(&target));
    let new = ">\n          Première ligne\n          seconde ligne.\n        </target>";
    let text = text
        .replace(&old, new)
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(&file, bytes).unwrap();
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        site.read(ASKING_FR)
            .contains("- Première ligne\n  seconde ligne.\n"),
        "{}",
        o.stderr
    );
}

#[test]
fn messages_say_what_to_do() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let renamed = out.path().join("pocket-guide.po.txt");
    std::fs::rename(out.path().join("pocket-guide.po"), &renamed).unwrap();
    let o = import(&site, &[renamed]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("rename it to `pocket-guide.po`"),
        "{}",
        o.stderr
    );
    // An unknown language is a usage error, as for `status`.
    let o = site.run(&["translate", "export", "--lang", "zz"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    // An untranslated entry whose source changed has nothing to lose.
    export(&site, "ha", "po", out.path(), &[]);
    let en = "guidance/pocket-guide/04-stopping-and-closing.en.md";
    site.write(
        en,
        site.read(en)
            .replace("Stopping and Closing", "Stopping and closing"),
    );
    let o = import(&site, &[out.path().join("pocket-guide.po")]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        !o.stderr.contains("the source of this block changed"),
        "{}",
        o.stderr
    );
}
