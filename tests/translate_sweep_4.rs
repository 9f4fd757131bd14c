//! End-to-end: a translation agency's round trip, fourth sweep: what a
//! translator sent back for pages that changed or left meanwhile, the
//! marks their tools left on it (fuzzy flags, right-to-left direction
//! marks, another XLIFF version), and a local edition's own language.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use helpers::*;

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\ndownload: false\n";
const EN: &str = "---\ntitle: Preparing\nkind: guidelines\n---\n\nFill in the form first.\n";
const FR: &str = "---\ntitle: Se préparer\n---\n\nRemplir d'abord le formulaire.\n";
const STEPS: &str =
    "---\ntitle: Steps\n---\n\nFind a quiet room.\n\nOffer water.\n\nIntroduce yourself.\n";
const CONSENT: &str = "---\ntitle: Consent\n---\n\nAsk for consent before the interview.\n\nExplain how the information will be used.\n";

/// Before, a translator who translated a page whose source was renamed
/// after the export (`02-consent` to `02-informed-consent`) lost that
/// work: each entry was "ignored", with a hint saying "your translations
/// are kept", which they were not, and the next export offered the
/// renamed page untranslated. Now the page gone is named once, its
/// translations are kept, and the next export offers them, fuzzy, for
/// the renamed page's blocks with the same source.
#[test]
fn a_translated_page_renamed_in_the_source_keeps_its_translations() {
    let site = one_page_site(SITE, EN, FR);
    // The page renamed is a few of the publication's blocks, as usual (a
    // file most of whose keys match nothing is refused: see
    // translate_guards.rs).
    site.write("guidance/pub/01-steps.en.md", STEPS);
    site.write("guidance/pub/02-consent.en.md", CONSENT);
    let (_out, file) = export_one(&site, "po");
    set_msgstr(&file, "02-consent/title", "Consentement");
    set_msgstr(
        &file,
        "02-consent/p1",
        "Demandez le consentement avant l'entretien.",
    );
    set_msgstr(
        &file,
        "02-consent/p2",
        "Expliquez comment les informations seront utilisées.",
    );
    site.remove("guidance/pub/02-consent.en.md");
    site.write("guidance/pub/02-informed-consent.en.md", CONSENT);

    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let said: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| l.contains("02-consent"))
        .collect();
    assert_eq!(said.len(), 1, "{}", o.stderr);
    assert!(
        said[0].contains("the page `02-consent` is not in the source any more")
            && said[0].contains("3 translations")
            && said[0].contains("translations/pending/fr.json"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("ignored"), "{}", o.stderr);

    let (_again, next) = export_one(&site, "po");
    for (key, text) in [
        ("02-informed-consent/title", "Consentement"),
        (
            "02-informed-consent/p1",
            "Demandez le consentement avant l'entretien.",
        ),
        (
            "02-informed-consent/p2",
            "Expliquez comment les informations seront utilisées.",
        ),
    ] {
        let e = po_entry(&next, key);
        assert_eq!(e.msgstr.as_deref(), Some(text), "{key}");
        assert!(e.flags.contains(&"fuzzy".to_string()), "{key}: {e:?}");
        assert!(
            e.comment.as_deref().unwrap_or("").contains("02-consent/"),
            "{key}: {e:?}"
        );
    }
    // Confirmed by the translator, the renamed page is written.
    for key in ["title", "p1", "p2"] {
        let key = format!("02-informed-consent/{key}");
        let text = po_entry(&next, &key).msgstr.unwrap();
        set_msgstr(&next, &key, &text);
    }
    let o = import(&site, std::slice::from_ref(&next));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        site.read("guidance/pub/02-informed-consent.fr.md")
            .contains("Demandez le consentement avant l'entretien.")
    );
    site.build_ok();
    let page = site.page("fr/pub/informed-consent.html");
    assert_eq!(page.attr("html", "lang"), "fr");
    assert!(page.text_of("main h1").contains("Consentement"));
    let o = site.run(&["status", "--lang", "fr", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let pages = json["languages"][0]["pages"].as_array().unwrap();
    assert!(
        !pages
            .iter()
            .any(|p| p.to_string().contains("02-informed-consent")),
        "{pages:?}"
    );
}

/// Before, a page left incomplete lost the translations its translator
/// had marked fuzzy (Poedit's "Needs work"): only the confirmed ones were
/// kept, and the next export offered the site's old text (or nothing)
/// for the others. Now a fuzzy one is kept too, and offered fuzzy again,
/// so that it is reviewed, not typed again.
#[test]
fn a_fuzzy_translation_of_a_page_not_written_comes_back_fuzzy() {
    let site = one_page_site(SITE, EN, FR);
    site.write("guidance/pub/02-consent.en.md", CONSENT);
    let (_out, file) = export_one(&site, "po");
    set_msgstr(&file, "02-consent/title", "Consentement");
    set_fuzzy(
        &file,
        "02-consent/p1",
        "Demandez le consentement avant l'entretien ?",
    );
    set_msgstr(
        &file,
        "02-consent/p2",
        "Expliquez comment les informations seront utilisées.",
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("1 marked fuzzy"), "{}", o.stderr);
    assert!(!site.path().join("guidance/pub/02-consent.fr.md").exists());

    let (_again, next) = export_one(&site, "po");
    let e = po_entry(&next, "02-consent/p1");
    assert_eq!(
        e.msgstr.as_deref(),
        Some("Demandez le consentement avant l'entretien ?")
    );
    assert!(e.flags.contains(&"fuzzy".to_string()), "{e:?}");
    for key in ["02-consent/title", "02-consent/p2"] {
        let e = po_entry(&next, key);
        assert!(!e.flags.contains(&"fuzzy".to_string()), "{key}: {e:?}");
        assert!(!e.msgstr.unwrap().is_empty(), "{key}");
    }
    // The review done, the page is written.
    set_msgstr(
        &next,
        "02-consent/p1",
        "Demandez le consentement avant l'entretien.",
    );
    let o = import(&site, std::slice::from_ref(&next));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        site.read("guidance/pub/02-consent.fr.md")
            .contains("Demandez le consentement avant l'entretien.")
    );
    assert!(!site.path().join("translations/pending/fr.json").exists());
}

const SITE_AR: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\ndownload: false\n";

/// Before, an Arabic translation whose editor or keyboard had slipped
/// invisible direction marks (U+200E, U+200F) into a link's target and
/// after a heading's `{#id}`, as right-to-left tools do around Latin
/// text, was refused with messages the translator could not act on: "no
/// link to `01-signs.md#physical-signs`" beside "a link to
/// `01-signs.md#physical-signs` that the source does not" have (the two
/// looked the same), and "the heading's id {#physical-signs} is missing"
/// while it showed. Now the marks are taken out of that syntax (the text
/// keeps its own), the page links and anchors as the source does, and a
/// second import changes nothing.
#[test]
fn direction_marks_in_link_targets_and_heading_ids_do_not_break_them() {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE_AR);
    site.write(
        "guidance/pub/index.en.md",
        "---\ntitle: Guide\nkind: guidelines\n---\n\nRead the [signs](01-signs.md#physical-signs) first.\n",
    );
    site.write(
        "guidance/pub/01-signs.en.md",
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nLook for bruises.\n",
    );
    let out = tempfile::tempdir().unwrap();
    let file = export(&site, "ar", "po", out.path(), &[]).remove(0);
    for (key, text) in [
        ("index/title", "الدليل"),
        (
            "index/p1",
            "\u{200F}اقرأ [العلامات](\u{200E}01-signs.md#physical-signs\u{200E}) أولا.",
        ),
        ("01-signs/title", "العلامات"),
        (
            "01-signs#physical-signs",
            "العلامات الجسدية {#physical-signs}\u{200F}",
        ),
        ("01-signs#physical-signs/p1", "ابحث عن الكدمات."),
    ] {
        set_msgstr(&file, key, text);
    }
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("error"), "{}", o.stderr);
    // The reader's text keeps the translator's mark.
    assert!(
        site.read("guidance/pub/index.ar.md")
            .contains("\u{200F}اقرأ")
    );
    site.build_ok();
    let href = |lang: &str| {
        site.page(&format!("{lang}/pub/index.html"))
            .attr("main p a", "href")
    };
    assert_eq!(href("ar"), href("en"));
    let signs = site.page("ar/pub/signs.html");
    assert_eq!(signs.attr("main h2", "id"), "physical-signs");
    assert_eq!(signs.attr("html", "dir"), "rtl");

    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(guidance(&site), before);
}

/// Before, an XLIFF 2.0 file (a CAT tool asked for "XLIFF" without a
/// version may save 2.0) was refused at line 1, the XML declaration,
/// with "not an XLIFF 1.2 file" and nothing on what to do. Then it was
/// refused at its `<xliff>` element, told to be saved as XLIFF 1.2; now
/// fieldguide reads it (`translate_sweep_21.rs`), and a version it does
/// not read is named at that element, with what to save instead, and
/// nothing is written.
#[test]
fn an_xliff_file_of_another_version_is_named_at_its_root() {
    let site = one_page_site(SITE, EN, FR);
    let file = site.path().join("received/pub.xlf");
    site.write(
        "received/pub.xlf",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"3.0\" srcLang=\"en\" trgLang=\"fr\">\n  <file id=\"pub\">\n    <unit id=\"index/p1\">\n      <segment state=\"translated\"><source>Fill in the form first.</source><target>Remplissez d'abord le formulaire.</target></segment>\n    </unit>\n  </file>\n</xliff>\n",
    );
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let at = format!("{}:2:1: error: ", file.display());
    let line = o
        .stderr
        .lines()
        .find(|l| l.starts_with(&at))
        .unwrap_or_else(|| panic!("{}", o.stderr));
    assert!(
        line.contains("an XLIFF 3.0 file")
            && line
                .contains("save the translated file from the translation tool as XLIFF 1.2 or 2.0"),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before);
}

/// Before, a local edition that added a language its base lacks (Swahili)
/// and had translators translate the base's pages could not build: the
/// Swahili translation of a base page it does not adapt was written in
/// the edition's folder, so its link to a page the edition omits, the
/// base's own link, was the edition's broken link, an error ("remove the
/// link"), though the translation must keep its source's links (import
/// refuses one without). Now it is the base's link, as in the base's
/// other languages: published as its text, with a warning.
#[test]
fn an_editions_translation_of_a_base_page_shows_a_link_to_an_omitted_page_as_text() {
    let ed = common::edition::Edition::new();
    let local = ed.local();
    let yaml = std::fs::read_to_string(local.join("site.yaml")).unwrap();
    let yaml = yaml.replace("languages: [en, fr]", "languages: [en, fr, sw]");
    std::fs::write(local.join("site.yaml"), yaml).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = common::edition::run_in(
        &local,
        &[
            "translate",
            "export",
            "--lang",
            "sw",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let file = out.path().join("guide.po");
    fill(&file, "", &[], &[]);
    let o = common::edition::run_in(&local, &["translate", "import", file.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(local.join("guidance/guide/01-intro.sw.md").exists());

    let o = ed.build_ok();
    assert!(
        o.stderr.lines().any(|l| l
            .starts_with("guidance/guide/01-intro.sw.md:")
            && l.contains("warning: link to `03-local-law.md`, which this edition omits: published as its text")),
        "{}",
        o.stderr
    );
    let intro = ed.page("sw/guide/intro.html");
    assert!(intro.select("main a[href*='local-law']").is_empty());
    assert!(common::edition::content(&intro).contains("local law"));
}

/// Before, an Arabic heading whose translator typed the `{#id}` first
/// (where a right-to-left editor shows the source's end) was refused with
/// "the heading's id {#physical-signs} is missing", though it was there.
/// Now the id is put at the end, where Markdown reads it, and links to
/// the heading work in Arabic as in English.
#[test]
fn a_heading_id_typed_first_in_right_to_left_text_is_put_at_its_end() {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE_AR);
    site.write(
        "guidance/pub/index.en.md",
        "---\ntitle: Guide\nkind: guidelines\n---\n\n## Physical signs {#physical-signs}\n\nSee [the signs](#physical-signs).\n",
    );
    let out = tempfile::tempdir().unwrap();
    let file = export(&site, "ar", "po", out.path(), &[]).remove(0);
    for (key, text) in [
        ("index/title", "الدليل"),
        ("index#physical-signs", "{#physical-signs} العلامات الجسدية"),
        (
            "index#physical-signs/p1",
            "انظر [العلامات](#physical-signs).",
        ),
    ] {
        set_msgstr(&file, key, text);
    }
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        site.read("guidance/pub/index.ar.md")
            .contains("## العلامات الجسدية {#physical-signs}")
    );
    site.build_ok();
    let page = site.page("ar/pub/index.html");
    assert_eq!(page.attr("main h2", "id"), "physical-signs");
    assert_eq!(page.text_of("main h2").trim(), "العلامات الجسدية");
}

/// Before, a translation saved with Windows line breaks (CRLF) and holding
/// a code block got that block's line breaks rewritten as the source's
/// (LF) by any import that changed another block: a file of mixed line
/// breaks, and lines the translator never touched shown as changed. Now
/// only the changed block's line changes, in the file's own line breaks.
#[test]
fn a_translation_with_windows_line_breaks_keeps_them_in_its_code_blocks() {
    let en = "---\ntitle: Preparing\nkind: guidelines\n---\n\nFill in the form first.\n\n```\nform-2026.pdf\n```\n\nKeep a copy.\n";
    let fr = "---\ntitle: Se préparer\n---\n\nRemplir d'abord le formulaire.\n\n```\nform-2026.pdf\n```\n\nGardez une copie.\n";
    let site = one_page_site(SITE, en, &fr.replace('\n', "\r\n"));
    let before = site.read("guidance/pub/index.fr.md");
    let (_out, file) = export_one(&site, "po");
    set_msgstr(&file, "index/p1", "Remplissez d'abord le formulaire.");
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let after = site.read("guidance/pub/index.fr.md");
    assert!(!after.replace("\r\n", "").contains('\n'), "{after:?}");
    let changed: Vec<(&str, &str)> = before
        .split("\r\n")
        .zip(after.split("\r\n"))
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [(
            "Remplir d'abord le formulaire.",
            "Remplissez d'abord le formulaire."
        )]
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(site.read("guidance/pub/index.fr.md"), after);
}

/// Before, a file whose pages were all renumbered since the export (a
/// chapter inserted first: `01-steps` became `02-steps`, every key
/// changed) was refused whole, "changed a great deal since the export;
/// nothing of it is imported", and the translator's work was lost. Now
/// its entries count as the publication's by their source, so it is read:
/// each page gone is named, its translations kept, and the next export
/// offers them, fuzzy, for the renumbered pages.
#[test]
fn a_file_whose_pages_were_renumbered_keeps_its_translations() {
    let site = one_page_site(SITE, EN, FR);
    site.write("guidance/pub/01-steps.en.md", STEPS);
    site.write("guidance/pub/02-consent.en.md", CONSENT);
    let (_out, file) = export_one(&site, "po");
    fill(&file, "01-steps", &[], &[]);
    fill(&file, "02-consent", &[], &[]);
    site.remove("guidance/pub/01-steps.en.md");
    site.remove("guidance/pub/02-consent.en.md");
    site.write(
        "guidance/pub/01-welcome.en.md",
        "---\ntitle: Welcome\n---\n\nThis guide is for caseworkers.\n",
    );
    site.write("guidance/pub/02-steps.en.md", STEPS);
    site.write("guidance/pub/03-consent.en.md", CONSENT);

    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    for page in ["01-steps", "02-consent"] {
        assert!(
            o.stderr
                .contains(&format!("the page `{page}` is not in the source any more")),
            "{}",
            o.stderr
        );
    }
    let (_again, next) = export_one(&site, "po");
    for key in ["02-steps/p3", "03-consent/p1"] {
        let e = po_entry(&next, key);
        assert_eq!(e.msgstr, Some(format!("(ha) {}", e.msgid)), "{key}");
        assert!(e.flags.contains(&"fuzzy".to_string()), "{key}: {e:?}");
    }
    assert_eq!(po_entry(&next, "01-welcome/p1").msgstr.as_deref(), Some(""));
}
