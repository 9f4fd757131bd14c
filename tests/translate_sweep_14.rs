//! End-to-end: the translator round trip, fourteenth sweep.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::Site;
use helpers::*;

const SITE: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n";

/// A site in English and French: a publication and chapter `01-int`, the
/// French stamped.
fn interview_site(en: &str, fr: &str) -> Site {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write("guidance/pub/index.fr.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write("guidance/pub/01-int.en.md", en);
    site.write("guidance/pub/01-int.fr.md", fr);
    let path = |rel: &str| site.path().join(rel).to_str().unwrap().to_string();
    let o = site.run(&[
        "stamp",
        "-q",
        &path("guidance/pub/index.fr.md"),
        &path("guidance/pub/01-int.fr.md"),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    site
}

const EN: &str = "---\ntitle: Interviews\nsummary: How to hold an interview.\n---\nText.\n";
const FR: &str = "---\ntitle: Entretiens\nsummary: Comment mener un entretien.\n---\nTexte.\n";

/// `status --strict` for French: its exit code and all it said.
fn status_fr(site: &Site) -> (i32, String) {
    let o = site.run(&["status", "--lang", "fr", "--strict"]);
    (o.code, format!("{}{}", o.stdout, o.stderr))
}

/// A changed summary left its translation "up to date": not stale, not
/// fuzzy in export, not offered by `--only-changed`, so readers kept the
/// old summary. The stamp now hashes the summary with the title and body.
#[test]
fn a_changed_summary_makes_the_translation_stale_and_its_segment_fuzzy() {
    let site = interview_site(EN, FR);
    assert_eq!(status_fr(&site).0, 0, "{}", status_fr(&site).1);
    let new = "Never interview a child alone.";
    site.write(
        "guidance/pub/01-int.en.md",
        EN.replace("How to hold an interview.", new),
    );
    let (code, said) = status_fr(&site);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("stale:") && said.contains("01-int.fr.md"),
        "{said}"
    );
    assert!(said.contains("1 changed"), "{said}");
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", out.path(), &["--only-changed"]);
    let e = po_entry(&files[0], "01-int/summary");
    assert!(e.flags.iter().any(|f| f == "fuzzy"), "{e:?}");
    assert_eq!(e.msgid, new);
    assert_eq!(e.msgstr.as_deref(), Some("Comment mener un entretien."));
    assert_eq!(
        e.previous_msgid.as_deref(),
        Some("How to hold an interview.")
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(!text.contains("msgid \"Text.\""), "{text}");
    // Readers are told the original changed.
    site.build_ok();
    let page = site.page("fr/pub/int.html");
    assert!(!page.select(".notice-stale").is_empty(), "{}", page.text);
}

/// A stamp written before the summary counted (the hash of the title and
/// body alone) still matches while they are unchanged: upgrading does not
/// make every translation with a summary stale at once.
#[test]
fn a_stamp_made_before_the_summary_counted_still_matches() {
    let site = interview_site(EN, FR);
    let old = fieldguide::text::source_hash("Interviews", "Text.\n");
    let fr = site.read("guidance/pub/01-int.fr.md");
    let at = fr.find("translation_of: ").unwrap() + "translation_of: ".len();
    let stamped = fr[at..at + 16].to_string();
    assert_ne!(stamped, old, "the summary counts in a new stamp");
    site.write("guidance/pub/01-int.fr.md", fr.replace(&stamped, &old));
    let (code, said) = status_fr(&site);
    assert_eq!(code, 0, "{said}");
    site.build_ok();
    assert!(
        site.page("fr/pub/int.html")
            .select(".notice-stale")
            .is_empty()
    );
    // Its body changing makes it stale as before.
    site.write(
        "guidance/pub/01-int.en.md",
        EN.replace("Text.", "Text, edited."),
    );
    let (code, said) = status_fr(&site);
    assert_eq!(code, 1, "{said}");
}

/// The `id` of each `<h2>` of built page `rel` under `site`'s `public/`.
fn h2_ids(site: &std::path::Path, rel: &str) -> Vec<String> {
    let text = std::fs::read_to_string(site.join("public").join(rel)).unwrap();
    let page = scraper::Html::parse_document(&text);
    let h2 = scraper::Selector::parse(".content h2").unwrap();
    page.select(&h2)
        .map(|h| h.value().attr("id").unwrap_or("").to_string())
        .collect()
}

/// A heading holding a local value took its id from the value filled in
/// (or from the words of the gap left for it, in the interface's
/// language): each edition and language gave it another anchor, and a
/// link the global team wrote to it broke every edition's build. The
/// value now gives its name: `## Help in {{city}}` is `#help-in-city`.
#[test]
fn a_heading_with_a_value_has_the_same_id_in_the_base_and_each_edition() {
    let root = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = root.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("global/site.yaml", SITE);
    write(
        "global/guidance/values.yaml",
        "city:\n  label: { en: City, fr: Ville }\n",
    );
    write(
        "global/guidance/pub/index.en.md",
        "---\ntitle: Pub\n---\nIntro.\n",
    );
    write(
        "global/guidance/pub/01-help.en.md",
        "---\ntitle: Help\n---\n## Help in {{city}}\n\nText.\n",
    );
    write(
        "global/guidance/pub/01-help.fr.md",
        "---\ntitle: Aide\n---\n## Aide à {{city}}\n\nTexte.\n",
    );
    write(
        "global/guidance/pub/02-next.en.md",
        "---\ntitle: Next\n---\nSee [help](01-help.md#help-in-city).\n",
    );
    write(
        "kenya/site.yaml",
        "base: ../global\nedition: { name: { en: Kenya edition } }\n",
    );
    write(
        "kenya/guidance/values.yaml",
        "city: { value: Nairobi, verified: 2026-11-01 }\n",
    );
    for site in ["global", "kenya"] {
        let dir = root.path().join(site);
        let o = common::edition::run_in(&dir, &["build"]);
        assert_eq!(o.code, 0, "{site}: {}", o.stderr);
        assert!(!o.stderr.contains("missing anchor"), "{site}: {}", o.stderr);
        assert_eq!(h2_ids(&dir, "en/pub/help.html"), ["help-in-city"], "{site}");
        // A translated heading's id comes from its own text, as others do.
        assert_eq!(h2_ids(&dir, "fr/pub/help.html"), ["aide-à-city"], "{site}");
    }
    let kenya = std::fs::read_to_string(root.path().join("kenya/public/en/pub/help.html"));
    assert!(kenya.unwrap().contains("Nairobi"));
}

/// An Arabic editor's direction mark inside `{{hotline}}` or `[^n]`
/// refused the page with messages whose quoted names looked exactly like
/// the source's. The marks are taken out of a value's name and a note's
/// label, as out of a link's target; the text keeps its own.
#[test]
fn direction_marks_leave_value_names_and_note_labels() {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write(
        "site.yaml",
        "title: T\ndefault_language: en\nlanguages: [en, ar]\ndownload: false\n",
    );
    site.write(
        "guidance/values.yaml",
        "hotline:\n  kind: phone\n  label: { en: Hotline }\n",
    );
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write(
        "guidance/pub/01-help.en.md",
        "---\ntitle: Help\n---\nCall {{hotline}} now.[^n]\n\n[^n]: Free call.\n",
    );
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "ar", "po", out.path(), &[]);
    let po = &files[0];
    for (key, text) in [
        ("index/title", "دليل"),
        ("index/p1", "مقدمة."),
        ("01-help/title", "مساعدة"),
        (
            "01-help/p1",
            "اتصل \u{200f}{{hotline\u{200f}}} الآن.[^\u{200f}n]",
        ),
    ] {
        set_msgstr(po, key, text);
    }
    let notes = rspolib::pofile(po.to_str().unwrap()).unwrap();
    let note = notes
        .entries
        .iter()
        .find(|e| e.msgid == "Free call.")
        .and_then(|e| e.msgctxt.clone())
        .unwrap();
    set_msgstr(po, &note, "مكالمة مجانية.");
    let o = import(&site, &files);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let ar = site.read("guidance/pub/01-help.ar.md");
    assert!(ar.contains("اتصل \u{200f}{{hotline}} الآن.[^n]"), "{ar:?}");
    site.build_ok();
}

/// A translator's file whose tool dropped the export fingerprints silently
/// replaced a correction made in the site since the export. Import cannot
/// tell such a correction from the translator's work, so it says how many
/// segments of the file replaced the site's translation.
#[test]
fn a_file_without_fingerprints_that_replaces_translations_is_warned_about() {
    let site = interview_site(EN, FR);
    let out = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", out.path(), &[]);
    let sent = std::fs::read_to_string(&files[0]).unwrap();
    assert!(sent.contains("#. fieldguide: exported"), "{sent}");
    // A reviewer corrects the site meanwhile.
    let fr = site.read("guidance/pub/01-int.fr.md");
    site.write(
        "guidance/pub/01-int.fr.md",
        fr.replace("Texte.", "Texte corrigé."),
    );
    let stripped: String = sent
        .lines()
        .filter(|l| !l.starts_with("#. fieldguide: exported"))
        .map(|l| format!("{l}\n"))
        .collect();
    let back = out.path().join("back.po");
    std::fs::write(&back, stripped).unwrap();
    let o = import(&site, std::slice::from_ref(&back));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let line = msgstr_line(&std::fs::read_to_string(&back).unwrap(), "01-int/p1");
    let (head, _) = common::message_at(&o.stderr, &format!("{}:{line}:1", back.display()));
    assert!(
        head.contains("warning: 1 segment of this file replaced the site's translation"),
        "{}",
        o.stderr
    );
    // The same file with its fingerprints keeps the correction, and a
    // translator's change to another segment is no such warning.
    site.write(
        "guidance/pub/01-int.fr.md",
        fr.replace("Texte.", "Texte corrigé."),
    );
    set_msgstr(&files[0], "01-int/title", "Les entretiens");
    let o = import(&site, &files);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        !o.stderr.contains("replaced the site's translation"),
        "{}",
        o.stderr
    );
    let fr = site.read("guidance/pub/01-int.fr.md");
    assert!(
        fr.contains("Texte corrigé.") && fr.contains("Les entretiens"),
        "{fr}"
    );
}
