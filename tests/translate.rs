//! End-to-end: `translate export` and `translate import` with PO, XLIFF and
//! spreadsheet files, on the sample site. Exports are made here, never
//! committed.

mod common;
use calamine::{Data, DataType, Reader, Xlsx};
use common::{Site, tree};
use std::path::{Path, PathBuf};

const FORMATS: [(&str, &str); 3] = [("po", "po"), ("xliff", "xlf"), ("xlsx", "xlsx")];
const INDICATORS_EN: &str = "guidance/identification-guidelines/02-indicators.en.md";
const INDICATORS_FR: &str = "guidance/identification-guidelines/02-indicators.fr.md";
const OLD: &str = "Victims often do not identify as such.";
const NEW: &str = "Many victims do not see themselves as victims.";
/// The key of the paragraph that starts with `OLD`.
const KEY: &str = "02-indicators#no-single-indicator/p2";

fn export(site: &Site, lang: &str, format: &str, out: &Path, extra: &[&str]) -> Vec<PathBuf> {
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

fn import(site: &Site, files: &[PathBuf]) -> common::Output {
    let mut args = vec!["translate", "import"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    site.run(&args)
}

fn msgfmt_check(file: &Path) {
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

#[test]
fn round_trip_is_byte_identical_for_every_language_and_format() {
    let site = Site::sample();
    let before = tree(site.path());
    let out = tempfile::tempdir().unwrap();
    for lang in ["fr", "ar", "ha"] {
        for (format, ext) in FORMATS {
            let dir = out.path().join(format!("{lang}-{format}"));
            let files = export(&site, lang, format, &dir, &[]);
            assert_eq!(files.len(), 3, "one file per publication: {files:?}");
            for f in &files {
                assert_eq!(f.extension().unwrap(), ext);
                if format == "po" {
                    msgfmt_check(f);
                }
            }
            // The same site gives the same bytes.
            let again = out.path().join(format!("{lang}-{format}-again"));
            for (a, b) in files.iter().zip(export(&site, lang, format, &again, &[])) {
                assert!(
                    std::fs::read(a).unwrap() == std::fs::read(&b).unwrap(),
                    "{} differs",
                    a.display()
                );
            }
            let o = import(&site, &files);
            assert_eq!(o.code, 0, "{lang} {format}:\n{}", o.stderr);
            assert!(!o.stderr.contains("error"), "{}", o.stderr);
            assert!(
                o.stderr.contains("imported: 0 pages written"),
                "{}",
                o.stderr
            );
            assert!(
                tree(site.path()) == before,
                "{lang} {format}: the site changed"
            );
        }
    }
}

/// The PO entry with this key, read by rspolib (gettext's own rules).
fn po_entry(file: &Path, key: &str) -> rspolib::POEntry {
    // A path: rspolib parses nothing from bytes.
    let po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    po.entries
        .into_iter()
        .find(|e| e.msgctxt.as_deref() == Some(key))
        .unwrap_or_else(|| panic!("no entry {key}"))
}

fn xliff_unit(file: &Path, key: &str) -> (String, String, Vec<String>) {
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

fn xlsx_rows(file: &Path) -> Vec<Vec<String>> {
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

#[test]
fn a_changed_paragraph_comes_out_fuzzy_with_its_previous_text() {
    let site = Site::sample();
    // Stamping keeps a snapshot of the source the translation matches.
    let o = site.run(&["stamp", site.path().join(INDICATORS_FR).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let en = site.read(INDICATORS_EN);
    assert!(en.contains(OLD));
    site.write(INDICATORS_EN, en.replace(OLD, NEW));
    let out = tempfile::tempdir().unwrap();
    let file = |format: &str, ext: &str| {
        let dir = out.path().join(format);
        export(&site, "fr", format, &dir, &[]);
        dir.join(format!("identification-guidelines.{ext}"))
    };

    let po = file("po", "po");
    let e = po_entry(&po, KEY);
    assert!(e.flags.contains(&"fuzzy".to_string()), "{e:?}");
    assert!(
        e.previous_msgid.as_deref().unwrap().starts_with(OLD),
        "{e:?}"
    );
    assert!(e.msgid.starts_with(NEW));
    assert!(
        e.msgstr
            .as_deref()
            .unwrap()
            .starts_with("Souvent, les victimes ne se reconnaissent pas"),
        "{e:?}"
    );
    // The rest of the page stays translated.
    let other = po_entry(&po, "02-indicators#no-single-indicator/p1");
    assert!(other.flags.is_empty() && other.previous_msgid.is_none());
    msgfmt_check(&po);

    let (state, target, notes) = xliff_unit(&file("xliff", "xlf"), KEY);
    assert_eq!(state, "needs-review-translation");
    assert!(target.starts_with("Souvent, les victimes"));
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with(&format!("Previous source: {OLD}"))),
        "{notes:?}"
    );
    let (state, ..) = xliff_unit(
        &file("xliff", "xlf"),
        "02-indicators#no-single-indicator/p1",
    );
    assert_eq!(state, "translated");

    let rows = xlsx_rows(&file("xlsx", "xlsx"));
    assert_eq!(
        rows[0],
        ["key", "source", "translation", "old source", "note"]
    );
    let row = rows.iter().find(|r| r[0] == KEY).unwrap();
    assert!(
        row[1].starts_with(NEW) && row[3].starts_with(OLD),
        "{row:?}"
    );
    let other = rows
        .iter()
        .find(|r| r[0] == "02-indicators#no-single-indicator/p1")
        .unwrap();
    assert_eq!(other[3], "");

    // --only-changed: just what needs work (of this page, that paragraph).
    let dir = out.path().join("only");
    export(&site, "fr", "po", &dir, &["--only-changed"]);
    let text = std::fs::read_to_string(dir.join("identification-guidelines.po")).unwrap();
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("msgctxt \"02-indicators"))
        .collect();
    assert_eq!(keys, ["#no-single-indicator/p2\""]);
}

#[test]
fn an_imported_change_rewrites_only_its_block_and_stamps_the_page() {
    let site = Site::sample();
    let o = site.run(&["stamp", site.path().join(INDICATORS_FR).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    site.write(INDICATORS_EN, site.read(INDICATORS_EN).replace(OLD, NEW));
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("only");
    export(&site, "fr", "po", &dir, &["--only-changed"]);
    let file = dir.join("identification-guidelines.po");
    // The translator updates the fuzzy entry and clears the mark.
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    let before_fr = site.read(INDICATORS_FR);
    let old_fr = po_entry(&file, KEY).msgstr.unwrap();
    let new_fr = "Beaucoup de victimes ne se voient pas comme des victimes.";
    for e in po
        .entries
        .iter_mut()
        .filter(|e| e.msgctxt.as_deref() == Some(KEY))
    {
        e.msgstr = Some(new_fr.into());
        e.flags.clear();
        e.previous_msgid = None;
    }
    std::fs::write(&file, po.to_string()).unwrap();
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!("wrote {INDICATORS_FR}")),
        "{}",
        o.stderr
    );
    let after_fr = site.read(INDICATORS_FR);
    let changed: Vec<(&str, &str)> = before_fr
        .lines()
        .zip(after_fr.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(
        changed[0].0.starts_with("translation_of: ")
            && changed[0].1.starts_with("translation_of: ")
    );
    assert_eq!(changed[1], (old_fr.as_str(), new_fr));
    assert_eq!(before_fr.lines().count(), after_fr.lines().count());
    // The page is up to date again, and importing once more changes nothing.
    let status = site.run(&["status", "--lang", "fr"]);
    assert!(
        !status.stdout.contains("02-indicators.fr.md"),
        "{}",
        status.stdout
    );
    let snapshot = tree(site.path());
    let o = import(&site, &[file]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(tree(site.path()) == snapshot);
    site.build_ok();
}

#[test]
fn git_history_supplies_the_previous_text() {
    let site = Site::sample();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.org",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(site.path())
            .output()
    };
    if git(&["init", "-q"]).is_err() {
        eprintln!("git not installed: skipped");
        return;
    }
    assert!(git(&["add", "-A"]).unwrap().status.success());
    assert!(git(&["commit", "-qm", "sample"]).unwrap().status.success());
    site.write(INDICATORS_EN, site.read(INDICATORS_EN).replace(OLD, NEW));
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let e = po_entry(&out.path().join("identification-guidelines.po"), KEY);
    assert!(e.flags.contains(&"fuzzy".to_string()));
    assert!(e.previous_msgid.unwrap().starts_with(OLD));
}

#[test]
fn without_the_earlier_source_changed_pages_are_fuzzy_with_a_note() {
    let site = Site::sample();
    site.write(INDICATORS_EN, site.read(INDICATORS_EN).replace(OLD, NEW));
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let file = out.path().join("identification-guidelines.po");
    for key in [KEY, "02-indicators#no-single-indicator/p1"] {
        let e = po_entry(&file, key);
        assert!(e.flags.contains(&"fuzzy".to_string()), "{e:?}");
        assert!(e.previous_msgid.is_none());
        let note = e.comment.unwrap().replace('\n', " ");
        assert!(note.contains("its earlier text was not found"), "{note}");
    }
}

/// The 1-based line of the `msgstr` of the entry with this key.
fn msgstr_line(text: &str, key: &str) -> usize {
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

#[test]
fn broken_po_translations_are_refused_with_their_lines() {
    let site = Site::sample();
    let before = tree(site.path());
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let file = out.path().join("pocket-guide.po");
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    for e in po.entries.iter_mut() {
        let tr = e.msgstr.clone().unwrap();
        match e.msgctxt.as_deref().unwrap() {
            "index#steps/list1.1" => {
                e.msgstr = Some(tr.replace("01-preparing.md", "01-prepare.md"))
            }
            "01-preparing#safe-space" => e.msgstr = Some(tr.replace(" {#safe-space}", "")),
            "01-preparing#safe-space/list1.2" => {
                e.msgstr = Some(format!("{tr}\n- Un point de plus."))
            }
            _ => {}
        }
    }
    std::fs::write(&file, po.to_string()).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let f = file.display();
    let at = |key: &str| {
        format!(
            "{f}:{}:1: error: msgctxt \"{key}\": ",
            msgstr_line(&text, key)
        )
    };
    for want in [
        format!(
            "{}the translation has no link to `01-preparing.md` (the source has)",
            at("index#steps/list1.1")
        ),
        format!(
            "{}the translation has a link to `01-prepare.md` that the source does not",
            at("index#steps/list1.1")
        ),
        format!(
            "{}the heading's id {{#safe-space}} is missing",
            at("01-preparing#safe-space")
        ),
        format!(
            "{}the source is 1 paragraph, the translation's Markdown makes 1 paragraph, 1 list, 1 list item",
            at("01-preparing#safe-space/list1.2")
        ),
    ] {
        assert!(
            o.stderr.contains(&want),
            "missing {want}\nin:\n{}",
            o.stderr
        );
    }
    assert!(
        o.stderr.contains("import failed: 0 pages written"),
        "{}",
        o.stderr
    );
    assert!(tree(site.path()) == before, "nothing is written");
}

#[test]
fn broken_xliff_translations_are_refused_with_their_unit() {
    let site = Site::sample();
    let before = tree(site.path());
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "xliff", out.path(), &[]);
    let file = out.path().join("pocket-guide.xlf");
    let key = "01-preparing#safe-space";
    let (_, target, _) = xliff_unit(&file, key);
    let text = std::fs::read_to_string(&file).unwrap();
    let old = format!(">{}</target>", quick_xml::escape::escape(&target));
    assert_eq!(text.matches(&old).count(), 1);
    let broken = text.replace(
        &old,
        &format!(">{}</target>", target.replace(" {#safe-space}", "")),
    );
    std::fs::write(&file, &broken).unwrap();
    let line = 1 + broken
        .lines()
        .position(|l| l.contains(&format!("<trans-unit id=\"{key}\"")))
        .unwrap();
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let want = format!(
        "{}:{line}:1: error: unit \"{key}\": the heading's id {{#safe-space}} is missing",
        file.display()
    );
    assert!(
        o.stderr.contains(&want),
        "missing {want}\nin:\n{}",
        o.stderr
    );
    assert!(tree(site.path()) == before);
}

/// Rewrites an exported spreadsheet with one translation cell changed.
fn edit_xlsx(file: &Path, key: &str, edit: impl Fn(&str) -> String) -> usize {
    let mut wb: Xlsx<_> = calamine::open_workbook(file).unwrap();
    let cells = |r: &calamine::Range<Data>| -> Vec<Vec<String>> {
        r.rows()
            .map(|row| {
                row.iter()
                    .map(|c| c.as_string().unwrap_or_default())
                    .collect()
            })
            .collect()
    };
    let mut rows = cells(&wb.worksheet_range("translation").unwrap());
    let about = cells(&wb.worksheet_range("about").unwrap());
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

#[test]
fn broken_spreadsheet_translations_are_refused_with_their_row() {
    let site = Site::sample();
    let before = tree(site.path());
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "xlsx", out.path(), &[]);
    let file = out.path().join("pocket-guide.xlsx");
    let key = "01-preparing#safe-space/list1.2";
    let row = edit_xlsx(&file, key, |t| format!("{t}\n- Un point de plus."));
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let want = format!(
        "{}:{row}:1: error: row {row} ({key}): the source is 1 paragraph, the translation's Markdown makes 1 paragraph, 1 list, 1 list item",
        file.display()
    );
    assert!(
        o.stderr.contains(&want),
        "missing {want}\nin:\n{}",
        o.stderr
    );
    assert!(tree(site.path()) == before);
}

const HA_NEW: &str = "guidance/pocket-guide/03-asking-questions.ha.md";

/// Fills the PO entries of one page with a stand-in translation, all but
/// those listed.
fn fill(file: &Path, page: &str, skip: &[&str], fuzzy: &[&str]) {
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

#[test]
fn a_partially_translated_page_is_not_written() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "ha", "po", out.path(), &[]);
    let file = out.path().join("pocket-guide.po");
    let text = std::fs::read_to_string(&file).unwrap();
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("msgctxt \""))
        .filter(|k| k.starts_with("03-asking-questions"))
        .map(|k| k.trim_end_matches('"'))
        .collect();
    let total = keys.len();
    assert!(total > 10, "{total}");
    fill(
        &file,
        "03-asking-questions",
        &[keys[1], keys[4]],
        &[keys[0]],
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let want = format!(
        "warning: {HA_NEW}: {} of {total} segments translated, 1 marked fuzzy; the page is not written",
        total - 3
    );
    assert!(
        o.stderr.contains(&want),
        "missing {want}\nin:\n{}",
        o.stderr
    );
    assert!(!site.path().join(HA_NEW).exists());

    // Complete: written, stamped, built; importing again changes nothing.
    fill(&file, "03-asking-questions", &[], &[]);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!("wrote {HA_NEW}")),
        "{}",
        o.stderr
    );
    let page = site.read(HA_NEW);
    assert!(page.starts_with("---\ntitle: \"(ha) "), "{page}");
    assert!(page.contains("\ntranslation_of: "), "{page}");
    let status = site.run(&["status", "--lang", "ha"]);
    assert!(
        !status.stdout.contains("03-asking-questions.ha.md"),
        "{}",
        status.stdout
    );
    let snapshot = tree(site.path());
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(tree(site.path()) == snapshot);
    site.build_ok();
    let html = site.page("ha/pocket-guide/asking-questions.html");
    assert!(html.text_of("h1").starts_with("(ha) "));
    assert!(html.select(".notice-missing").is_empty());
}

#[test]
fn status_counts_segments_per_page() {
    let site = Site::sample();
    let o = site.run(&["status", "--format", "json", "--lang", "ha"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let pages = v["languages"][0]["pages"].as_array().unwrap();
    let page = pages
        .iter()
        .find(|p| p["file"] == HA_NEW)
        .unwrap_or_else(|| panic!("{pages:?}"));
    let s = &page["segments"];
    assert_eq!(s["translated"], 0);
    assert_eq!(s["changed"], 0);
    assert!(s["missing"].as_u64().unwrap() > 10, "{s}");
    let text = site.run(&["status", "--lang", "ha"]).stdout;
    let line = text.lines().find(|l| l.contains(HA_NEW)).unwrap();
    assert!(
        line.ends_with(&format!(
            "segments: 0 translated, 0 changed, {} missing",
            s["missing"]
        )),
        "{line}"
    );
}

#[test]
fn files_that_do_not_belong_are_refused() {
    let site = Site::sample();
    let before = tree(site.path());
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let file = out.path().join("pocket-guide.po");
    let text = std::fs::read_to_string(&file).unwrap();
    let cases = [
        (
            "other.po",
            text.replace("Language: fr", "Language: de"),
            "error: the file's language `de` is not one of the site's languages",
        ),
        (
            "en.po",
            text.replace("Language: fr", "Language: en"),
            "error: `en` is the source language of this publication",
        ),
        (
            "pub.po",
            text.replace(
                "X-Fieldguide-Publication: pocket-guide",
                "X-Fieldguide-Publication: nope",
            ),
            "error: the site has no publication `nope`",
        ),
        ("notes.txt", text.clone(), "error: not a translation file"),
    ];
    for (name, body, want) in cases {
        let f = out.path().join(name);
        std::fs::write(&f, body).unwrap();
        let o = import(&site, &[f]);
        assert_eq!(o.code, 1, "{name}: {}", o.stderr);
        assert!(o.stderr.contains(want), "{name}: {}", o.stderr);
    }
    let o = site.run(&["translate", "export", "--lang", "en"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("`en` is the source language"),
        "{}",
        o.stderr
    );
    assert!(tree(site.path()) == before);
}
