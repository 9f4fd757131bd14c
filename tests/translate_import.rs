//! End-to-end: `translate import` refuses what would break a page (with
//! the PO line, XLIFF unit or spreadsheet row), writes only complete pages,
//! and `status` counts segments.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::{Site, tree};
use helpers::*;

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

const GUIDELINES: &str = "guidance/identification-guidelines";

#[test]
fn footnotes_values_and_image_descriptions_are_checked_page_by_page() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let file = out.path().join("identification-guidelines.po");
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    for e in po.entries.iter_mut() {
        let tr = e.msgstr.clone().unwrap();
        e.msgstr = Some(match e.msgctxt.as_deref().unwrap() {
            "02-indicators#working-living-conditions/list1.6" => {
                "Quelqu'un d'autre vend leur aide[^aide].".into()
            }
            "03-what-to-do#if-in-danger/list1.1" => {
                "Appelez le numéro d'urgence : **{{urgence}}**.".into()
            }
            "04-referral-pathways#referral-flow/p1" => "Diagramme ] flux".into(),
            // A good change on another page of the same file.
            "05-trafficking-vs-smuggling/title" => format!("{tr} (révisé)"),
            _ => tr,
        });
    }
    std::fs::write(&file, po.to_string()).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let before = tree(site.path());
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let f = file.display();
    let at = |key: &str| {
        format!(
            "{f}:{}:1: error: msgctxt \"{key}\": ",
            msgstr_line(&text, key)
        )
    };
    let indicators = "02-indicators#working-living-conditions/list1.6";
    for want in [
        format!(
            "{}the translation has no footnote reference `assistance` (the source has)",
            at(indicators)
        ),
        format!(
            "{}the translation has a footnote reference `aide` that the source does not",
            at(indicators)
        ),
        format!(
            "{}the translation uses the value `{{{{urgence}}}}` where the source uses `{{{{emergency}}}}`",
            at("03-what-to-do#if-in-danger/list1.1")
        ),
        format!(
            "{}the translation has an unmatched `]`, which breaks the image's Markdown",
            at("04-referral-pathways#referral-flow/p1")
        ),
        format!(
            "hint: fix the translation in the file; nothing is written for {GUIDELINES}/02-indicators.fr.md until it is right"
        ),
        format!("wrote {GUIDELINES}/05-trafficking-vs-smuggling.fr.md"),
        "import failed: 1 page written".into(),
    ] {
        assert!(
            o.stderr.contains(&want),
            "missing {want}\nin:\n{}",
            o.stderr
        );
    }
    assert!(!o.stderr.contains("`x`"), "{}", o.stderr);
    // Each page stands alone: the good one is written, the others are not.
    let after = tree(site.path());
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .filter(|k| !k.starts_with("translations/sources/"))
        .collect();
    assert_eq!(
        changed,
        [&format!("{GUIDELINES}/05-trafficking-vs-smuggling.fr.md")]
    );
    assert!(
        site.read(&format!("{GUIDELINES}/05-trafficking-vs-smuggling.fr.md"))
            .contains(" (révisé)")
    );
    for page in ["02-indicators", "03-what-to-do", "04-referral-pathways"] {
        let rel = format!("{GUIDELINES}/{page}.fr.md");
        assert!(before[&rel] == after[&rel], "{rel} was written");
    }
}

#[test]
fn a_file_in_another_languages_folder_is_refused() {
    let site = Site::sample();
    for format in ["po", "xliff"] {
        let o = site.run(&["translate", "export", "--lang", "fr", "--format", format]);
        assert_eq!(o.code, 0, "{}", o.stderr);
    }
    let folder = site.path().join("translations/fr");
    let before = tree(site.path());
    let po = std::fs::read_to_string(folder.join("pocket-guide.po")).unwrap();
    let xlf = std::fs::read_to_string(folder.join("pocket-guide.xlf")).unwrap();
    assert!(po.contains("\"Language: fr\\n\""));
    assert!(xlf.contains("target-language=\"fr\""));
    for (name, body) in [
        (
            "pocket-guide.po",
            po.replace("Language: fr\\n", "Language: ar\\n"),
        ),
        (
            "pocket-guide.xlf",
            xlf.replace("target-language=\"fr\"", "target-language=\"ar\""),
        ),
    ] {
        let f = folder.join(name);
        std::fs::write(&f, &body).unwrap();
        let o = import(&site, std::slice::from_ref(&f));
        assert_eq!(o.code, 1, "{name}: {}", o.stderr);
        // Reported where the language is given: the PO header's line, the
        // XLIFF <file>.
        let line = 1 + body
            .lines()
            .position(|l| l.contains("Language: ar") || l.contains("target-language=\"ar\""))
            .unwrap();
        let want = format!(
            "{}:{line}:1: error: the file's language is `ar`, but it is in translations/fr/, the folder for `fr`: nothing is imported",
            f.display()
        );
        assert!(
            o.stderr.contains(&want),
            "missing {want}\nin:\n{}",
            o.stderr
        );
        assert!(
            o.stderr
                .contains("import failed: 0 pages written, 0 unchanged")
        );
        std::fs::write(&f, &before[&format!("translations/fr/{name}")]).unwrap();
        assert!(tree(site.path()) == before, "{name}: nothing is written");
    }

    // Poedit's `fr_FR`, and any case, name the site's `fr`.
    for header in ["fr_FR", "FR", "Fr-fr"] {
        let f = folder.join("pocket-guide.po");
        std::fs::write(
            &f,
            po.replace("Language: fr\\n", &format!("Language: {header}\\n")),
        )
        .unwrap();
        let o = import(&site, std::slice::from_ref(&f));
        assert_eq!(o.code, 0, "{header}: {}", o.stderr);
        assert!(!o.stderr.contains("error"), "{header}: {}", o.stderr);
        assert!(
            o.stderr.contains("imported: 0 pages written"),
            "{header}: {}",
            o.stderr
        );
    }
}
