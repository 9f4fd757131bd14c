//! End-to-end: `translate export` and `translate import` with PO, XLIFF and
//! spreadsheet files, on the sample site. Exports are made here, never
//! committed.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::{Site, tree};
use helpers::*;

const FORMATS: [(&str, &str); 3] = [("po", "po"), ("xliff", "xlf"), ("xlsx", "xlsx")];
const INDICATORS_EN: &str = "guidance/identification-guidelines/02-indicators.en.md";
const INDICATORS_FR: &str = "guidance/identification-guidelines/02-indicators.fr.md";
const OLD: &str = "Victims often do not identify as such.";
const NEW: &str = "Many victims do not see themselves as victims.";
/// The key of the paragraph that starts with `OLD`.
const KEY: &str = "02-indicators#no-single-indicator/p2";

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
            if format == "xlsx" && lang == "ar" {
                // Arabic cells read right to left.
                let styles = xlsx_part(&files[0], "xl/styles.xml");
                assert!(styles.contains("readingOrder=\"2\""), "{styles}");
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
        [
            "key",
            "source",
            "translation",
            "old source",
            "note",
            "exported"
        ]
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
