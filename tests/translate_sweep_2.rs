//! End-to-end: what translators' tools send back, second sweep. A
//! reference link written inline, a spreadsheet whose column titles are
//! not in the first row, and what Poedit, CAT tools and Excel do to the
//! files on the way.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::Site;
use helpers::*;
use std::path::Path;

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\ndownload: false\n";
const EN: &str = "---\ntitle: Preparing\nkind: guidelines\n---\n\nFill in the [consent form][f] first.\n\nExplain what happens to the information.\n\n[f]: forms/consent.pdf\n";
const FR: &str = "---\ntitle: Se préparer\n---\n\nRemplir d'abord le [formulaire][f].\n\nExpliquez ce qu'il advient des informations.\n\n[f]: forms/consent.pdf\n";
const PAGE_FR: &str = "guidance/pub/index.fr.md";

/// A site of one page in English and French, the French stamped, with a
/// reference link to a form.
fn site() -> Site {
    let site = one_page_site(SITE, EN, FR);
    site.write("guidance/pub/forms/consent.pdf", "%PDF-1.4\n");
    site
}

/// Sets the translation of `key` in a file of any of the three formats,
/// and returns the line (or row) an error about it is reported at.
fn set(file: &Path, key: &str, text: &str) -> usize {
    match file.extension().and_then(|e| e.to_str()) {
        Some("po") => {
            set_msgstr(file, key, text);
            msgstr_line(&std::fs::read_to_string(file).unwrap(), key)
        }
        Some("xlf") => {
            set_xliff_target(file, key, text);
            let xml = std::fs::read_to_string(file).unwrap();
            let at = xml.find(&format!("<trans-unit id=\"{key}\"")).unwrap();
            xml[..at].matches('\n').count() + 1
        }
        _ => edit_xlsx(file, key, |_| text.to_string()),
    }
}

/// Before, `[consent form][f]` written inline by the translator (or their
/// tool) as `[formulaire](forms/consent.pdf)` was refused with two
/// messages: "no link to `[f]`" and "a link to `forms/consent.pdf` that
/// the source does not" have, though the page publishes the same link.
/// Now it is written, in each format, and the French page links to the
/// form as the English does; a link whose target changed is one error
/// at its line, saying what to write.
#[test]
fn a_reference_link_written_inline_is_the_same_link() {
    for format in ["po", "xliff", "xlsx"] {
        let site = site();
        let (_out, file) = export_one(&site, format);
        let inline = "Remplir d'abord le [formulaire](forms/consent.pdf).";
        set(&file, "index/p1", inline);
        let o = import(&site, std::slice::from_ref(&file));
        assert_eq!(o.code, 0, "{format}: {}", o.stderr);
        assert!(!o.stderr.contains("error"), "{format}: {}", o.stderr);
        assert!(site.read(PAGE_FR).contains(inline), "{format}");
        site.build_ok();
        let href = |lang: &str| {
            site.page(&format!("{lang}/pub/index.html"))
                .attr("main a[href$='.pdf']", "href")
        };
        assert_eq!(href("fr"), href("en"), "{format}");

        let line = set(
            &file,
            "index/p1",
            "Remplir d'abord le [formulaire](forms/consentement.pdf).",
        );
        let before = guidance(&site);
        let o = import(&site, std::slice::from_ref(&file));
        assert_eq!(o.code, 1, "{format}: {}", o.stderr);
        let errors: Vec<&str> = o
            .stderr
            .lines()
            .filter(|l| l.contains(": error: "))
            .collect();
        assert_eq!(errors.len(), 1, "{format}: {}", o.stderr);
        let want = format!("{}:{line}:1: error: ", file.display());
        assert!(
            errors[0].starts_with(&want),
            "{format}: {want}\n{}",
            o.stderr
        );
        assert!(
            errors[0].ends_with("the translation's link `[formulaire](forms/consentement.pdf)` goes to `forms/consentement.pdf`, where the source's `[consent form][f]` goes to `forms/consent.pdf`: write `[formulaire][f]` to keep the source's link"),
            "{format}: {}",
            o.stderr
        );
        assert_eq!(guidance(&site), before, "{format}");
    }
}

/// Before, `[consent form]` (a shortcut reference: the page defines
/// `[consent form]`) translated as `[formulaire]` was accepted, and the
/// French page showed "[formulaire]" as text: the link was lost. Now it is
/// refused, saying how the source writes the link.
#[test]
fn a_translated_shortcut_label_does_not_lose_its_link() {
    let def = "[consent form]: forms/consent.pdf\n";
    let en = EN.replace("[consent form][f]", "[consent form]") + def;
    let site = one_page_site(SITE, &en, &(FR.to_string() + def));
    site.write("guidance/pub/forms/consent.pdf", "%PDF-1.4\n");
    let (_out, file) = export_one(&site, "po");
    let line = set(&file, "index/p1", "Remplir d'abord le [formulaire].");
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let want = format!(
        "{}:{line}:1: error: msgctxt \"index/p1\": the translation has no link to `forms/consent.pdf`, which the source writes `[consent form]`: keep it, as `[your text][consent form]`",
        file.display()
    );
    assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
    assert_eq!(guidance(&site), before);
    set(
        &file,
        "index/p1",
        "Remplir d'abord le [formulaire][consent form].",
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    site.build_ok();
    let page = site.page("fr/pub/index.html");
    assert_eq!(
        page.attr("main a[href$='.pdf']", "href"),
        "forms/consent.pdf"
    );
}

/// Before, a spreadsheet whose column titles were not in the first row (a
/// coordinator added a title, a note and an empty row above them) was
/// refused: "the first row must name the columns key, source and
/// translation". Now the titles are found, the rows above them are
/// ignored, a warning names the row used, and the page is written.
#[test]
fn column_titles_below_added_rows_are_found() {
    let site = site();
    let (_out, file) = export_one(&site, "xlsx");
    let (mut rows, about) = xlsx_sheets(&file);
    let n = rows.iter().position(|r| r[0] == "index/p2").unwrap();
    rows[n][2] = "Expliquez ce que deviennent les informations.".into();
    let mut sheet = vec![
        vec!["Pocket guide: French, due Friday".to_string()],
        vec![String::new(), "Ask Marie about the forms".to_string()],
        Vec::new(),
    ];
    sheet.extend(rows);
    write_xlsx(&file, &[("translation", sheet), ("about", about)]);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let want = format!(
        "{}:4:1: warning: the column titles (key, source, translation) are read from row 4, not row 1; rows 1, 2 above them are not translations' and are ignored",
        file.display()
    );
    assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
    assert!(
        site.read(PAGE_FR)
            .contains("Expliquez ce que deviennent les informations."),
        "{}",
        site.read(PAGE_FR)
    );
    // Problems are still reported at the sheet's own rows.
    let row = edit_xlsx(&file, "index/p1", |_| "Remplir [formulaire](x.pdf).".into());
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let want = format!("{}:{row}:1: error: row {row} (index/p1): ", file.display());
    assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
}

/// Writes `file` back with the translation cells of `edits` replaced by
/// what `cell` writes, the rest as text, as a spreadsheet program saves.
fn rewrite_cells(
    file: &Path,
    edits: &[&str],
    cell: impl Fn(&mut rust_xlsxwriter::Worksheet, u32, &str),
) -> Vec<usize> {
    let (rows, about) = xlsx_sheets(file);
    let mut at = Vec::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("translation").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if c == 2 && edits.contains(&row[0].as_str()) {
                cell(ws, r as u32, &row[0]);
                at.push(r + 1);
            } else if !v.is_empty() {
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
    wb.save(file).unwrap();
    at
}

const HOTLINE_EN: &str = "---\ntitle: Preparing\nkind: guidelines\n---\n\nExplain what happens to the information.\n\n| Service | Number |\n|---|---|\n| Hotline | 0800123 |\n| Shelter | 1,000 |\n";
const HOTLINE_FR: &str = "---\ntitle: Se préparer\n---\n\nExpliquez ce qu'il advient des informations.\n\n| Service | Numéro |\n|---|---|\n| Ligne | 0800123 |\n| Foyer | 1,000 |\n";

/// Before, a number Excel stored from what was typed into a translation
/// cell that had lost its Text format (`0800123` as 800123, `1,000` as
/// 1000) was written into the page as the number, with a warning: the
/// hotline published without its leading 0. Now, when the source has the
/// number written otherwise, the page is refused at the row, saying what
/// was lost; a number the source writes the same way is read, as before.
#[test]
fn a_number_excel_changed_from_the_source_refuses_its_page() {
    let site = one_page_site(SITE, HOTLINE_EN, HOTLINE_FR);
    let (_out, file) = export_one(&site, "xlsx");
    let keys = ["index/table1.r1.c2", "index/table1.r2.c2"];
    let rows = rewrite_cells(&file, &keys, |ws, r, key| {
        let n = if key.ends_with("r1.c2") {
            800123.0
        } else {
            1000.0
        };
        ws.write_number(r, 2, n).unwrap();
    });
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    for (row, key, number, typed) in [
        (rows[0], keys[0], "800123", "0800123"),
        (rows[1], keys[1], "1000", "1,000"),
    ] {
        let want = format!(
            "{}:{row}:1: error: row {row} ({key}): the translation cell: the cell holds the number {number}, where the source has `{typed}`: the spreadsheet changed what was typed",
            file.display()
        );
        assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
    }
    assert_eq!(guidance(&site), before);
}

/// Before, a number a translator typed after a `'` (to keep it as typed)
/// into a text cell, where LibreOffice keeps the `'` as text, was
/// published as `'0800123`. Now the mark is removed, with a warning.
#[test]
fn a_quote_mark_before_a_number_is_not_published() {
    let site = one_page_site(SITE, HOTLINE_EN, HOTLINE_FR);
    let (_out, file) = export_one(&site, "xlsx");
    let row = edit_xlsx(&file, "index/table1.r1.c2", |_| "'0800124".into());
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let want = format!(
        "{}:{row}:1: warning: row {row} (index/table1.r1.c2): the translation cell: the text starts with `'`, the mark that keeps a number as typed, kept as text here: read as \"0800124\"",
        file.display()
    );
    assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
    let page = site.read(PAGE_FR);
    assert!(page.contains("| Ligne | 0800124 |"), "{page}");
}

/// Before, a spreadsheet whose translations were typed into the source
/// column (the translation column left empty) was imported with no word:
/// each row read as a block whose source had changed, with nothing to
/// keep, and the translator's work was dropped ("0 pages written, 1
/// unchanged"). Now one warning names how many rows, at the first, and
/// what to do.
#[test]
fn translations_typed_over_the_source_are_not_dropped_silently() {
    let site = site();
    let (_out, file) = export_one(&site, "xlsx");
    let (mut rows, about) = xlsx_sheets(&file);
    for r in rows.iter_mut().skip(1) {
        r[1] = format!("(fr) {}", r[1]);
        r[2] = String::new();
    }
    write_xlsx(&file, &[("translation", rows), ("about", about)]);
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    let want = format!(
        "{}:2:1: warning: 3 entries have no translation and a source that is not their block's source as it is now: nothing is imported from them",
        file.display()
    );
    assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
    assert!(
        o.stderr
            .contains("into the source column), move them to the translation column"),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before);
}

/// Before, a spreadsheet saved as LibreOffice's .ods or as .csv was told
/// to "import a .po, .xlf (XLIFF 1.2) or .xlsx file made by `fieldguide
/// translate export`", as if it were another kind of file. Now the hint
/// says how to get back to the .xlsx.
#[test]
fn a_spreadsheet_saved_in_another_format_is_told_how_to_save_it() {
    let site = site();
    let dir = tempfile::tempdir().unwrap();
    for (name, hint) in [
        (
            "pub.ods",
            "save it as Excel 2007-365 (.xlsx), keeping its two sheets",
        ),
        (
            "pub.csv",
            "a .csv holds one sheet and loses the `about` sheet import needs",
        ),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, "key,source,translation\n").unwrap();
        let o = import(&site, std::slice::from_ref(&file));
        assert_eq!(o.code, 1, "{}", o.stderr);
        assert!(o.stderr.contains("not a translation file"), "{}", o.stderr);
        assert!(o.stderr.contains(hint), "{name}: {}", o.stderr);
    }
}

/// Before, a PO file whose `msgctxt` lines a tool removed on saving was
/// refused as "for another publication, or one that changed a great deal
/// since the export". Now the message says the keys are gone.
#[test]
fn a_file_whose_keys_a_tool_removed_says_so() {
    let site = site();
    let (_out, file) = export_one(&site, "po");
    let text = std::fs::read_to_string(&file).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("msgctxt "))
        .collect();
    std::fs::write(&file, kept.join("\n") + "\n").unwrap();
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("error: most of the file's entries (3 of 3) have no key (a PO entry's `msgctxt`, an XLIFF unit's `id` or, in XLIFF 2, `name`), which says which block each translation is for: the tool that saved the file removed them; nothing of it is imported") && !o.stderr.contains("imported; nothing of it is imported"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("another publication"), "{}", o.stderr);
    assert_eq!(guidance(&site), before);
}

/// Before, an XLIFF file whose tool collapsed the line breaks of a source
/// (an editor that ignores `xml:space`, re-wrapping `Explain what
/// happens\nto the information.` on one line) had each such translation
/// set aside as made for a changed source, and the page was not written.
/// Now a source that differs only in its spaces and line breaks is the
/// same source, and the translation is written.
#[test]
fn a_source_a_tool_rewrapped_is_the_same_source() {
    let en = "---\ntitle: Preparing\nkind: guidelines\n---\n\nExplain what happens\nto the information.\n";
    let fr = "---\ntitle: Se préparer\n---\n\nExpliquez ce qu'il advient\ndes informations.\n";
    let site = one_page_site(SITE, en, fr);
    let (_out, file) = export_one(&site, "xliff");
    let xml = std::fs::read_to_string(&file).unwrap();
    let xml = xml.replace(
        "<source>Explain what happens\nto the information.</source>",
        "<source>Explain what happens to the information.</source>",
    );
    assert!(xml.contains("happens to the"), "{xml}");
    std::fs::write(&file, xml).unwrap();
    set_xliff_target(
        &file,
        "index/p1",
        "Expliquez ce que deviennent\nles informations.",
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("warning"), "{}", o.stderr);
    let page = site.read(PAGE_FR);
    assert!(
        page.contains("Expliquez ce que deviennent\nles informations.\n"),
        "{page}"
    );
}

/// Before, a spreadsheet with two columns titled `translation` (a
/// coordinator's copy of the column for a reviewer) was read from the
/// first, the other ignored without a word: the reviewed text could be
/// the one left out. Now the file is refused at its titles row.
#[test]
fn two_translation_columns_are_refused() {
    let site = site();
    let (_out, file) = export_one(&site, "xlsx");
    let (mut rows, about) = xlsx_sheets(&file);
    for (i, r) in rows.iter_mut().enumerate() {
        let v = if i == 0 {
            "translation".to_string()
        } else {
            format!("{} (revu)", r[2])
        };
        r.push(v);
    }
    write_xlsx(&file, &[("translation", rows), ("about", about)]);
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let want = format!(
        "{}:1:1: error: two columns are titled `translation`: keep that title on the one to import",
        file.display()
    );
    assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
    assert_eq!(guidance(&site), before);
}

/// An Obsidian comment (`%%…%%`), which the site leaves out, was exported
/// to translators with the words around it: a reviewer's note naming a
/// survivor reached an outside translator's PO and XLIFF files. Neither
/// format carries it now, inline or around a block; the text around it
/// is exported as before.
#[test]
fn obsidian_comments_are_not_sent_to_translators() {
    let en = "---\ntitle: Preparing\nkind: guidelines\n---\n\nAsk first. %%check with Amina before release%% Then listen.\n\n%%\nReviewer: the family lives in Kano.\n\n- a hidden list item\n%%\n\nExplain what happens to the information.\n";
    let site = one_page_site(SITE, en, FR);
    for format in ["po", "xliff"] {
        let (_dir, file) = export_one(&site, format);
        let text = std::fs::read_to_string(&file).unwrap();
        for hidden in ["Amina", "Kano", "hidden list item", "%%"] {
            assert!(!text.contains(hidden), "{format}: {hidden} in {text}");
        }
        for shown in ["Ask first.", "Then listen.", "Explain what happens"] {
            assert!(text.contains(shown), "{format}: no {shown} in {text}");
        }
    }
}
