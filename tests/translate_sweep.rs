//! End-to-end: translators' files as real tools and people leave them,
//! each case a defect found by a sweep of the round trip: a spreadsheet
//! formula, a lone carriage return, an XLIFF file cut short, a PO file in
//! the charset its header declares, a block too long for a spreadsheet
//! cell.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::Site;
use helpers::*;

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\ndownload: false\n";
const EN: &str = "---\ntitle: Preparing\nkind: guidelines\n---\n\n- Choose a place.\n- Sit down.\n\nExplain what happens to the information.\n";
const FR: &str = "---\ntitle: Se préparer\n---\n\n- Choisir un lieu.\n- S'asseoir.\n\nExpliquez ce qu'il advient des informations.\n";
const PAGE_FR: &str = "guidance/pub/index.fr.md";

/// A site of one page in English and French, the French stamped.
fn site() -> Site {
    one_page_site(SITE, EN, FR)
}

/// Before, a translation cell holding a formula with a value (Excel and
/// Google Sheets save both: `=B2` to copy the source, or
/// `=GOOGLETRANSLATE(…)`) was read as the text it showed and written into
/// the page as the translator's work; only a formula with no value was
/// refused. Now any formula refuses its page, at its row, naming the
/// formula, and the page is left as it was.
#[test]
fn a_formula_cell_with_a_value_refuses_its_page() {
    let site = site();
    let (_out, file) = export_one(&site, "xlsx");
    let (rows, about) = xlsx_sheets(&file);
    let n = rows.iter().position(|r| r[0] == "index/p1").unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("translation").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if r == n && c == 2 {
                let f =
                    rust_xlsxwriter::Formula::new(format!("=B{}", n + 1)).set_result(&rows[n][1]);
                ws.write_formula(r as u32, c as u16, f).unwrap();
            } else {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    let ws = wb.add_worksheet().set_name("about").unwrap();
    for (r, row) in about.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    wb.save(&file).unwrap();
    // The file holds the formula and its value, as Excel saves it.
    let sheet = xlsx_part(&file, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(&format!("<f>B{}</f>", n + 1)), "{sheet}");
    assert!(sheet.contains("<v>Explain what happens"), "{sheet}");
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let want = format!(
        "{}:{}:1: error: row {} (index/p1): the translation cell: the cell holds a formula (`=B{}`), not text",
        file.display(),
        n + 1,
        n + 1,
        n + 1
    );
    assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
    assert!(
        o.stderr.contains("Paste Special, Values only"),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before);
}

/// Before, only CRLF was read as a line break in a translation: a lone CR
/// (a PO `\r`, an XLIFF `&#13;`, an old Mac tool's line end) stayed in
/// the text. A title with one passed the one-line check and went into the
/// front matter as `\r`; a list item with one was written with a raw CR,
/// so its second line lost the indentation that keeps it in the item.
/// Now a lone CR is a line break: the title is refused as one with a line
/// break, and the item is written as two lines, the second indented.
#[test]
fn a_lone_carriage_return_is_a_line_break() {
    let site = site();
    let (_out, file) = export_one(&site, "po");
    set_msgstr(&file, "index/title", "Se préparer\rmaintenant");
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("msgctxt \"index/title\": a page title stays on one line; the translation has a line break"),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before);

    set_msgstr(&file, "index/title", "Se préparer");
    set_msgstr(&file, "index/list1.1", "Choisir un lieu\rà l'écart.");
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.read(PAGE_FR);
    assert!(!page.contains('\r'), "{page:?}");
    assert!(
        page.contains("- Choisir un lieu\n  à l'écart.\n- S'asseoir.\n"),
        "{page}"
    );
    assert_eq!(site.build().code, 0);
}

/// Before, an XLIFF file cut short (a transfer that stopped, a full disk)
/// was reported at line 1, as "the root node was opened but never
/// closed" or "unexpected end of stream", where nothing is wrong. Now it
/// is reported at its last line as cut short, and nothing is written.
#[test]
fn an_xliff_file_cut_short_is_reported_at_its_end() {
    let site = site();
    let (_out, file) = export_one(&site, "xliff");
    let whole = std::fs::read(&file).unwrap();
    let before = guidance(&site);
    for cut in [whole.len() / 2, whole.len() - 12, 30] {
        let text = &whole[..cut];
        std::fs::write(&file, text).unwrap();
        let last = text.iter().filter(|&&b| b == b'\n').count() + 1;
        let o = import(&site, std::slice::from_ref(&file));
        assert_eq!(o.code, 1, "{}", o.stderr);
        let want = format!(
            "{}:{last}:1: error: the file ends before its XML is complete",
            file.display()
        );
        assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
        assert!(o.stderr.contains("cut short"), "{}", o.stderr);
        assert_eq!(guidance(&site), before);
    }
}

/// Before, a PO file in the charset its header declares (gettext reads
/// any; Lokalize keeps a catalog's ISO-8859-1, `msgconv -t CP1252` writes
/// one) was refused as "not UTF-8 text". Now it is read in that charset
/// and the page is written in UTF-8.
#[test]
fn a_po_file_in_its_declared_charset_is_imported() {
    let site = site();
    let (_out, file) = export_one(&site, "po");
    set_msgstr(
        &file,
        "index/p1",
        "Expliquez où vont les données – et qui les voit.",
    );
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("charset=UTF-8", "charset=CP1252");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy);
    assert!(std::str::from_utf8(&bytes).is_err());
    std::fs::write(&file, &bytes).unwrap();
    msgfmt_check(&file);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.read(PAGE_FR);
    assert!(
        page.contains("\nExpliquez où vont les données – et qui les voit.\n"),
        "{page}"
    );
    assert!(page.contains("title: Se préparer"), "{page}");
}

/// Before, a block longer than a spreadsheet cell holds (32,767
/// characters) failed the export with the writing library's message,
/// placed at the publication's folder, naming no block. Now the error is
/// at the block's line in its source, names it and says to export PO or
/// XLIFF; nothing is written.
#[test]
fn a_block_too_long_for_a_cell_is_named_at_its_line() {
    let site = site();
    let long = "word ".repeat(7_000);
    site.write(
        "guidance/pub/index.en.md",
        format!("{EN}\n{}\n", long.trim()),
    );
    let out = tempfile::tempdir().unwrap();
    let o = site.run(&[
        "translate",
        "export",
        "--lang",
        "fr",
        "--format",
        "xlsx",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("guidance/pub/index.en.md:11:1: error: cannot make the spreadsheet: the segment `index/p2` has a source of 34999 characters, more than a spreadsheet cell holds (32767)"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("--format po"), "{}", o.stderr);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    // PO has no such limit.
    export(&site, "fr", "po", out.path(), &[]);
}

/// Before, the PO writer's line wrapping could split an escaped backslash
/// (`\\`, as Markdown's `\_`, `\|` or a backslash line break write it) over
/// two lines, leaving a string whose closing quote was escaped: the
/// exported file failed `msgfmt --check`, Poedit would not open it, and
/// importing it back failed with "a string ends with a lone backslash".
/// Now every exported PO file passes `msgfmt --check` and imports as it
/// was exported, changing nothing.
#[test]
fn backslashes_in_the_text_survive_po_wrapping() {
    let site = site();
    let words: String = (1..40)
        .map(|k| format!(" {}\\_{}", "x".repeat(k % 7), "y".repeat(k % 5)))
        .collect();
    let en = EN.replace("information.", &format!("information{words}."));
    let fr = FR.replace("informations.", &format!("informations{words}."));
    site.write("guidance/pub/index.en.md", &en);
    site.write(PAGE_FR, &fr);
    let o = site.run(&["stamp", site.path().join(PAGE_FR).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let (_out, file) = export_one(&site, "po");
    msgfmt_check(&file);
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(guidance(&site), before);
    assert_eq!(
        po_entry(&file, "index/p1").msgstr.as_deref().unwrap(),
        &fr[fr.find("Expliquez").unwrap()..fr.len() - 1]
    );
}

/// Before, a key cell with a space around it (typed, or pasted with the
/// cell) matched no block: the row's translation was dropped with a
/// warning that the source had changed since the export, which it had
/// not. Now the key is read without the spaces and the translation is
/// written.
#[test]
fn a_key_cell_with_spaces_around_is_read() {
    let site = site();
    let (_out, file) = export_one(&site, "xlsx");
    let (mut rows, about) = xlsx_sheets(&file);
    let n = rows.iter().position(|r| r[0] == "index/p1").unwrap();
    rows[n][0] = " index/p1 ".into();
    rows[n][2] = "Dites ce que deviennent les informations.".into();
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in [("translation", rows), ("about", about)] {
        let ws = wb.add_worksheet().set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    wb.save(&file).unwrap();
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("no block"), "{}", o.stderr);
    let page = site.read(PAGE_FR);
    assert!(
        page.contains("\nDites ce que deviennent les informations.\n"),
        "{page}"
    );
}

/// Before, an empty file (a save or a download that failed) was refused
/// in its format's terms: a PO file as having no `Language:` line, with a
/// hint to add one; a spreadsheet as "invalid Zip archive: Could not find
/// EOCD". Now each is called empty, with the import failing and nothing
/// written.
#[test]
fn an_empty_file_is_called_empty() {
    let site = site();
    let dir = tempfile::tempdir().unwrap();
    let before = guidance(&site);
    for name in ["pub.po", "pub.xlf", "pub.xlsx"] {
        let file = dir.path().join(name);
        std::fs::write(&file, "").unwrap();
        let o = import(&site, std::slice::from_ref(&file));
        assert_eq!(o.code, 1, "{}", o.stderr);
        let want = format!("{}: error: the file is empty", file.display());
        assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
        assert!(!o.stderr.contains("Language:"), "{}", o.stderr);
        assert!(!o.stderr.contains("Zip"), "{}", o.stderr);
        assert_eq!(guidance(&site), before);
    }
}

/// Before, a reference link's label was compared as written, so
/// `[guide][FIELD GUIDE]` for the source's `[guide][Field guide]` was
/// refused as a link to another target, though Markdown reads both as
/// the one definition. Now the translation is written and its link works.
#[test]
fn a_reference_label_in_other_case_is_the_same_link() {
    let site = site();
    let def = "\n[field guide]: https://example.org/guide\n";
    let en = EN.replace("information.", "information in the [guide][Field guide].") + def;
    let fr = format!("{FR}{def}");
    site.write("guidance/pub/index.en.md", &en);
    site.write(PAGE_FR, &fr);
    let o = site.run(&["stamp", site.path().join(PAGE_FR).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let (_out, file) = export_one(&site, "po");
    set_msgstr(
        &file,
        "index/p1",
        "Expliquez ce qu'il advient des informations, selon le [guide][FIELD\nGUIDE].",
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.read(PAGE_FR);
    assert!(page.contains("selon le [guide][FIELD\nGUIDE]."), "{page}");
    assert!(page.ends_with(def), "{page}");
    site.build_ok();
    let html = site.page("fr/pub/index.html");
    assert_eq!(
        html.attr("main a[href^='https']", "href"),
        "https://example.org/guide"
    );
}

/// Before, an XLIFF file in the encoding its XML declaration names (a
/// tool set to write windows-1252 or ISO-8859-1) was refused as "neither
/// UTF-8 nor UTF-16 with a byte-order mark". Now it is read in that
/// encoding and the page is written in UTF-8.
#[test]
fn an_xliff_file_in_its_declared_encoding_is_imported() {
    let site = site();
    let (_out, file) = export_one(&site, "xliff");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"")
        .replace(
            "<target state=\"translated\">Expliquez ce qu&apos;il advient des informations.</target>",
            "<target state=\"translated\">Expliquez où vont les données – et qui les voit.</target>",
        );
    assert!(text.contains("où vont"), "{text}");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy);
    std::fs::write(&file, &bytes).unwrap();
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.read(PAGE_FR);
    assert!(
        page.contains("\nExpliquez où vont les données – et qui les voit.\n"),
        "{page}"
    );
}

/// Before, a Trados comment on a segment (`<mrk mtype="x-sdl-comment">`
/// in its target) was refused as "inline tags … (<mrk> here)", the very
/// element accepted for segments, so the translator could not tell what
/// to remove. Now the marker is named with its type; its page is refused
/// and left as it was.
#[test]
fn a_marker_of_another_type_is_named_with_it() {
    let site = site();
    let (_out, file) = export_one(&site, "xliff");
    let text = std::fs::read_to_string(&file).unwrap().replace(
        ">Expliquez ce qu&apos;il advient des informations.</target>",
        "><mrk mtype=\"x-sdl-comment\">Expliquez</mrk> ce qu&apos;il advient des données.</target>",
    );
    assert!(text.contains("x-sdl-comment"));
    std::fs::write(&file, text).unwrap();
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("unit \"index/p1\": inline tags inside <target> are not supported (<mrk mtype=\"x-sdl-comment\"> here)"),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before);
}

/// A translation tool that copies the source into the segments left
/// untranslated (OmegaT and others can, on export) gave a file whose
/// segments were all "translated": the English paragraph was written into
/// the French page, stamped as its translation, without a word. The page
/// is still written (a text may be meant to stay as it is), but the import
/// says how many segments are their source word for word, at the first.
#[test]
fn a_segment_that_is_its_source_word_for_word_is_warned_about() {
    let site = site();
    let (_out, file) = export_one(&site, "po");
    let key = "index/p1";
    let source = po_entry(&file, key).msgid;
    assert!(source.starts_with("Explain"), "{source}");
    set_msgstr(&file, key, &source);
    let line = msgstr_line(&std::fs::read_to_string(&file).unwrap(), key);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let shown = file.display();
    assert!(
        o.stderr.contains(&format!(
            "{shown}:{line}:1: warning: 1 translation is the same as its source, word for word: it is published as translated"
        )),
        "{}",
        o.stderr
    );
    assert!(
        site.read(PAGE_FR)
            .contains("Explain what happens to the information.")
    );
    // The title and list items, short or translated, are not counted; a
    // file left as the site has it says nothing.
    let (_out, again) = export_one(&site, "po");
    let o = import(&site, &[again]);
    assert!(!o.stderr.contains("word for word"), "{}", o.stderr);
}

/// A file covers a whole publication, and a translator often does part of
/// it: each page left untouched gave a warning of its own ("0 of 4
/// segments translated; the page is not written") on every import, which
/// buried the warnings that matter. They are now one line for the file,
/// naming the pages; a page begun and not finished keeps its own.
#[test]
fn pages_left_for_later_are_one_warning_for_the_file() {
    let site = site();
    site.write(
        "guidance/pub/01-a.en.md",
        "---\ntitle: Asking\n---\n\nAsk first.\n",
    );
    site.write(
        "guidance/pub/02-b.en.md",
        "---\ntitle: Listening\n---\n\nListen well.\n",
    );
    let (_out, file) = export_one(&site, "po");
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let want = format!(
        "{}: warning: 2 pages have no translated segment in this file, so they are not written: `guidance/pub/01-a.fr.md`, `guidance/pub/02-b.fr.md`",
        file.display()
    );
    assert!(
        o.stderr
            .lines()
            .any(|l| l.ends_with(want.split_once(": warning").unwrap().1)
                && l.starts_with(&file.display().to_string())),
        "{want}\nin:\n{}",
        o.stderr
    );
    assert!(!o.stderr.contains("0 of "), "{}", o.stderr);
    assert!(!site.path().join("guidance/pub/01-a.fr.md").exists());
    // A page begun keeps its own warning, at its first segment left.
    set_msgstr(&file, "01-a/title", "Demander");
    let o = import(&site, std::slice::from_ref(&file));
    assert!(
        o.stderr.contains(
            "guidance/pub/01-a.fr.md: 1 of 2 segments translated; the page is not written"
        ),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("1 page has no translated segment in this file, so it is not written: `guidance/pub/02-b.fr.md`"), "{}", o.stderr);
}
