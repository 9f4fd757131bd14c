//! End-to-end: a translator's text for a block whose source changed after
//! the export is kept and offered again; export does not replace a file
//! holding work not imported; XLIFF segment markers; the notes and
//! messages translators and edition teams read.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::{Output, Site, edition::run_in};
use helpers::*;
use std::path::PathBuf;

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\ndownload: false\n";
const EN: &str =
    "---\ntitle: Pub\nkind: guidelines\n---\n\nExplain what happens to the information.\n";
const FR: &str = "---\ntitle: Pub FR\n---\n\nExpliquez ce qu'il advient des informations.\n";
const OURS: &str = "Expliquez ce que deviennent les informations et qui les voit.";

/// A site of one page in English and French, the French stamped.
fn site() -> Site {
    one_page_site(SITE, EN, FR)
}

/// `translate export --lang fr` into the default folder.
fn export_default(site: &Site) -> Output {
    site.run(&["translate", "export", "--lang", "fr"])
}

#[test]
fn a_translation_sent_after_its_source_changed_comes_back_in_the_next_export() {
    let site = site();
    let po = exported_with_work(&site);
    // Meanwhile the author edits the paragraph.
    let changed = EN.replace("information.", "information, and who sees it.");
    site.write("guidance/pub/index.en.md", &changed);
    let o = import(&site, std::slice::from_ref(&po));
    assert!(
        o.stderr
            .contains("its translation is not written into the page")
            && o.stderr.contains("kept in translations/pending/fr.json"),
        "{}",
        o.stderr
    );
    assert!(!site.read("guidance/pub/index.fr.md").contains(OURS));
    // As the hint says: export again.
    let o = export_default(&site);
    assert_eq!(o.code, 0, "{}", o.stderr);
    msgfmt_check(&po);
    let e = po_entry(&po, "index/p1");
    assert_eq!(e.msgstr.as_deref(), Some(OURS));
    assert!(e.flags.iter().any(|f| f == "fuzzy"), "{e:?}");
    assert_eq!(
        e.previous_msgid.as_deref(),
        Some("Explain what happens to the information.")
    );
    // The translator confirms it: the page is written, the kept text done with.
    set_msgstr(&po, "index/p1", OURS);
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(site.read("guidance/pub/index.fr.md").contains(OURS));
    assert!(!site.path().join("translations/pending/fr.json").exists());
    let o = site.run(&["status", "--lang", "fr", "--strict"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
}

#[test]
fn a_kept_translation_gives_way_to_newer_work_in_the_site() {
    let site = site();
    let po = exported_with_work(&site);
    site.write(
        "guidance/pub/index.en.md",
        EN.replace("information.", "information, and who sees it."),
    );
    import(&site, std::slice::from_ref(&po));
    // Someone corrects the French page in the site since.
    let fr = site.read("guidance/pub/index.fr.md");
    site.write(
        "guidance/pub/index.fr.md",
        fr.replace("qu'il advient des", "ce qu'il advient aux"),
    );
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", out.path(), &[]);
    let e = po_entry(&files[0], "index/p1");
    assert_eq!(
        e.msgstr.as_deref(),
        Some("Expliquez ce ce qu'il advient aux informations.")
    );
}

/// The French export at its default place, with a translation typed into
/// it that the site does not have.
fn exported_with_work(site: &Site) -> PathBuf {
    assert_eq!(export_default(site).code, 0);
    let po = site.path().join("translations/fr/pub.po");
    set_msgstr(&po, "index/p1", OURS);
    po
}

#[test]
fn export_does_not_replace_a_file_holding_work_not_imported() {
    let site = site();
    let po = exported_with_work(&site);
    let before = std::fs::read(&po).unwrap();
    let o = export_default(&site);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "translations/fr/pub.po holds 1 translation not imported (msgctxt \"index/p1\", line "
        ) && o.stderr.contains("nothing was written")
            && o.stderr.contains("import it first"),
        "{}",
        o.stderr
    );
    assert_eq!(std::fs::read(&po).unwrap(), before);
    // Once imported, the file may be replaced.
    assert_eq!(import(&site, std::slice::from_ref(&po)).code, 0);
    let o = export_default(&site);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(po_entry(&po, "index/p1").msgstr.as_deref(), Some(OURS));
}

#[test]
fn export_does_not_replace_work_in_a_file_whose_tool_dropped_the_publication_or_language() {
    let site = site();
    let po = exported_with_work(&site);
    // As a tool that rewrites the header leaves it.
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(
        text.contains("\"X-Fieldguide-Publication: pub\\n\"\n"),
        "{text}"
    );
    std::fs::write(
        &po,
        text.replace("\"X-Fieldguide-Publication: pub\\n\"\n", ""),
    )
    .unwrap();
    let before = std::fs::read(&po).unwrap();
    let o = export_default(&site);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("translations/fr/pub.po holds 1 translation not imported")
            && o.stderr.contains("import it first"),
        "{}",
        o.stderr
    );
    assert_eq!(std::fs::read(&po).unwrap(), before);
    // Nor when its language was dropped too: it is at French's place.
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(text.contains("\"Language: fr\\n\"\n"), "{text}");
    std::fs::write(&po, text.replace("\"Language: fr\\n\"\n", "")).unwrap();
    let o = export_default(&site);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("import it first"), "{}", o.stderr);
    std::fs::write(&po, &before).unwrap();
    // Imported into the publication its keys are from, then replaced.
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("so it is imported into `pub`"),
        "{}",
        o.stderr
    );
    assert_eq!(export_default(&site).code, 0);
    assert_eq!(po_entry(&po, "index/p1").msgstr.as_deref(), Some(OURS));
}

#[test]
fn a_never_stamped_translation_says_so_in_its_note() {
    let site = site();
    site.write("guidance/pub/index.fr.md", FR);
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", out.path(), &[]);
    let e = po_entry(&files[0], "index/p1");
    assert!(e.flags.iter().any(|f| f == "fuzzy"), "{e:?}");
    let note = e.comment.unwrap_or_default().replace('\n', " ");
    assert!(
        note.contains("never confirmed against its source"),
        "{note}"
    );
    assert!(!note.contains("source changed"), "{note}");
}

#[test]
fn xliff_segment_markers_are_read_and_a_bad_unit_refuses_only_its_page() {
    let site = site();
    site.write(
        "guidance/pub/01-a.en.md",
        "---\ntitle: Chapter A\n---\n\nFirst paragraph.\n",
    );
    site.remove("guidance/pub/index.fr.md");
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "xliff", out.path(), &[]);
    let xlf = files[0].clone();
    let text = std::fs::read_to_string(&xlf).unwrap();
    let fill = |text: &str, source: &str, target: &str| {
        let at = text.find(&format!("<source>{source}</source>")).unwrap();
        let end = at + text[at..].find("</source>").unwrap() + "</source>".len();
        format!(
            "{}\n<target state=\"translated\">{target}</target>{}",
            &text[..end],
            &text[end..]
        )
    };
    let marked = |t: &str| format!("<mrk mtype=\"seg\" mid=\"1\">{t}</mrk>");
    let mut text = fill(&text, "Pub", &marked("Pub FR"));
    text = fill(
        &text,
        "Explain what happens to the information.",
        &marked(OURS),
    );
    text = fill(&text, "Chapter A", "Chapitre A");
    text = fill(
        &text,
        "First paragraph.",
        "Premier <g id=\"1\">paragraphe</g>.",
    );
    std::fs::write(&xlf, text).unwrap();
    let o = import(&site, std::slice::from_ref(&xlf));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("unit \"01-a/p1\": inline tags inside <target> are not supported (<g> here)"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("import failed: 1 page written, 0 unchanged, 0 incomplete, 1 refused"),
        "{}",
        o.stderr
    );
    let fr = site.read("guidance/pub/index.fr.md");
    assert!(fr.contains("Pub FR") && fr.contains(OURS), "{fr}");
    assert!(!site.path().join("guidance/pub/01-a.fr.md").exists());
}

#[test]
fn blocks_a_translation_makes_are_named_in_import_messages() {
    let site = site();
    site.write(
        "guidance/pub/index.en.md",
        "---\ntitle: Pub\nkind: guidelines\n---\n\nIntro.\n\nSecond.\n\nThird.\n",
    );
    site.remove("guidance/pub/index.fr.md");
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", out.path(), &[]);
    for (key, text) in [
        ("index/title", "Pub"),
        ("index/p1", "***"),
        ("index/p2", "<div>Deux</div>"),
        ("index/p3", "[x]: https://example.net/evil"),
    ] {
        set_msgstr(&files[0], key, text);
    }
    let o = import(&site, &files);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let makes = |key: &str, what: &str| {
        format!(
            "msgctxt \"{key}\": the source is 1 paragraph, the translation's Markdown makes {what}:"
        )
    };
    for want in [
        makes(
            "index/p1",
            "1 thematic break (a line of `***`, `---` or `___`)",
        ),
        makes("index/p2", "1 HTML block"),
        makes(
            "index/p3",
            "1 link reference definition (`[label]: target`), which is not shown",
        ),
    ] {
        assert!(o.stderr.contains(&want), "missing {want}\n{}", o.stderr);
    }
    assert!(!o.stderr.contains("task box"), "{}", o.stderr);
    assert!(!o.stderr.contains("makes :"), "{}", o.stderr);
}

/// A global site with a stamped French page, and an edition that adapted
/// its English source.
fn edition() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("global/site.yaml", SITE);
    write(
        "global/guidance/pub/index.en.md",
        "---\ntitle: Pub\nkind: guidelines\n---\n\nIntro.\n",
    );
    write(
        "global/guidance/pub/index.fr.md",
        "---\ntitle: Pub FR\n---\n\nIntro FR.\n",
    );
    write(
        "global/guidance/pub/01-referral.en.md",
        "---\ntitle: Referral\n---\n\nRefer to the nearest partner.\n",
    );
    write(
        "global/guidance/pub/01-referral.fr.md",
        "---\ntitle: Orientation\n---\n\nOrientez vers le partenaire le plus proche.\n",
    );
    let global = dir.path().join("global");
    for f in ["index.fr.md", "01-referral.fr.md"] {
        let p = global.join("guidance/pub").join(f);
        let o = run_in(&global, &["stamp", p.to_str().unwrap()]);
        assert_eq!(o.code, 0, "{}", o.stderr);
    }
    write(
        "niger/site.yaml",
        "base: ../global\nedition: { name: { en: Niger edition } }\n",
    );
    write(
        "niger/guidance/pub/01-referral.en.md",
        "---\ntitle: Referral in Niger\n---\n\nIn Niger, refer to the Niamey shelter only.\n",
    );
    let niger = dir.path().join("niger");
    (dir, niger)
}

#[test]
fn an_edition_is_told_to_translate_its_adaptation_not_to_stamp_the_base() {
    let (_dir, niger) = edition();
    let own = "guidance/pub/01-referral.fr.md";
    let advice = format!("translate the adaptation into `fr` as {own} in this edition");
    let o = run_in(&niger, &["build"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let line = o
        .stderr
        .lines()
        .find(|l| l.contains("out of date: ../global/guidance/pub/01-referral.fr.md"))
        .unwrap_or_else(|| panic!("{}", o.stderr));
    assert!(line.contains(&advice), "{line}");
    assert!(!line.contains("fieldguide stamp"), "{line}");
    let o = run_in(&niger, &["status", "--lang", "fr"]);
    let line = o
        .stdout
        .lines()
        .find(|l| l.contains("stale:"))
        .unwrap_or_else(|| panic!("{}", o.stdout));
    assert!(line.contains(&advice), "{line}");
    let o = run_in(&niger, &["status", "--lang", "fr", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        json["languages"][0]["pages"][0]["translate_in_edition"],
        own
    );
    // The advice can be followed: export gives the file to create.
    let o = run_in(&niger, &["translate", "export", "--lang", "fr"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let po = niger.join("translations/fr/pub.po");
    let e = po_entry(&po, "01-referral/p1");
    assert_eq!(
        e.msgstr.as_deref(),
        Some("Orientez vers le partenaire le plus proche.")
    );
    assert!(e.flags.iter().any(|f| f == "fuzzy"), "{e:?}");
    set_msgstr(&po, "01-referral/title", "Orientation au Niger");
    set_msgstr(
        &po,
        "01-referral/p1",
        "Au Niger, orientez vers le seul refuge de Niamey.",
    );
    let o = run_in(&niger, &["translate", "import", po.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(niger.join(own).exists());
    let o = run_in(&niger, &["status", "--lang", "fr", "--strict"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
}

#[test]
fn export_does_not_replace_a_file_it_cannot_read() {
    let site = site();
    let po = exported_with_work(&site);
    // A hand edit that left a quote open: the work is still in the file.
    let text = std::fs::read_to_string(&po).unwrap();
    let broken = text.replacen(
        &format!("msgstr \"{OURS}\""),
        &format!("msgstr \"{OURS}"),
        1,
    );
    assert_ne!(broken, text);
    std::fs::write(&po, &broken).unwrap();
    let o = export_default(&site);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("translations/fr/pub.po cannot be read (line ")
            && o.stderr.contains("nothing was written")
            && o.stderr.contains("fix it and import it"),
        "{}",
        o.stderr
    );
    assert_eq!(std::fs::read_to_string(&po).unwrap(), broken);
    // An empty file (a save that failed, perhaps leaving a byte-order
    // mark) holds nothing: it is replaced.
    for empty in ["", "\u{feff}\n"] {
        std::fs::write(&po, empty).unwrap();
        let o = export_default(&site);
        assert_eq!(o.code, 0, "{empty:?}: {}", o.stderr);
        assert!(po_entry(&po, "index/p1").msgid.contains("Explain"));
    }
}
