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
