//! End-to-end: the translator round trip, twenty-first sweep: XLIFF 2,
//! which Phrase, Crowdin and newer CAT tools save, exported with
//! `--format xliff2` and read back whichever version was exported.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use helpers::{export_one, guidance, import, set_xliff2_target, xliff2_sources};

const SITE: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n";

const STEPS: &str = "---\ntitle: Steps\n---\n\
     ## Before the interview {#before}\n\n\
     Find a quiet room. Offer water.\n\n\
     - Ask for [consent](#before) first.\n\
     - Explain who will read the notes.\n";

fn site() -> common::Site {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write("guidance/pub/01-steps.en.md", STEPS);
    site
}

/// Every unit of `file` translated as `FR <source>`, as a CAT tool saves
/// confirmed segments.
fn translate_all(file: &std::path::Path) {
    for (key, source) in xliff2_sources(file) {
        set_xliff2_target(file, &key, &format!("FR {source}"));
    }
}

/// The texts of the French steps page's heading, paragraph and list
/// items (after the page's header and title).
fn french_texts(site: &common::Site) -> Vec<String> {
    site.build_ok();
    let page = site.page("fr/pub/steps.html");
    let mut texts = page.texts("main h2, main p, main li");
    texts.drain(..texts.len().saturating_sub(4));
    texts
}

/// Before, `translate export` wrote XLIFF 1.2 only, and a file a tool
/// saved as XLIFF 2.0 was refused ("save it as XLIFF 1.2"), which tools
/// such as Phrase do not offer for every project. Now `--format xliff2`
/// writes XLIFF 2.0 (each unit's id an XML name, its key in `name`), and
/// the file comes back, translated by a tool, as the French pages; its
/// export then says every segment is translated, and importing it again
/// changes nothing.
#[test]
fn an_xliff_2_export_comes_back_as_translated_pages() {
    let site = site();
    let (_dir, xlf) = export_one(&site, "xliff2");
    let text = std::fs::read_to_string(&xlf).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(
        (
            root.attribute("version"),
            root.attribute("srcLang"),
            root.attribute("trgLang")
        ),
        (Some("2.0"), Some("en"), Some("fr"))
    );
    let units: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("unit"))
        .collect();
    assert!(units.len() >= 6, "{text}");
    for u in &units {
        let id = u.attribute("id").unwrap();
        // An NMTOKEN: what XLIFF 2.0's schema asks of an id.
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':')),
            "{id}"
        );
        let segment = u.children().find(|c| c.has_tag_name("segment")).unwrap();
        assert_eq!(segment.attribute("state"), Some("initial"));
        assert!(!segment.children().any(|c| c.has_tag_name("target")));
    }

    translate_all(&xlf);
    let o = import(&site, std::slice::from_ref(&xlf));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        french_texts(&site),
        [
            "FR Before the interview",
            "FR Find a quiet room. Offer water.",
            "FR Ask for consent first.",
            "FR Explain who will read the notes.",
        ]
    );
    let fr = site.read("guidance/pub/01-steps.fr.md");
    assert!(fr.contains("[consent](#before)"), "{fr}");

    let before = guidance(&site);
    let (_again, xlf) = export_one(&site, "xliff2");
    let text = std::fs::read_to_string(&xlf).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let states: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("segment"))
        .map(|s| s.attribute("state").unwrap_or_default())
        .collect();
    assert!(states.iter().all(|s| *s == "translated"), "{states:?}");
    let o = import(&site, std::slice::from_ref(&xlf));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(guidance(&site), before);

    // Nothing left to do: `--only-changed` still writes the file (it
    // replaces one that asked for work now done), said so, and valid:
    // XLIFF 2's schema asks `<file>` for at least one unit or group.
    let only = tempfile::tempdir().unwrap();
    let dir = only.path().to_str().unwrap();
    let args = ["translate", "export", "--lang", "fr", "--format", "xliff2"];
    let o = site.run(&[&args[..], &["--only-changed", "--out", dir]].concat());
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("pub.xlf: nothing to translate (every segment is translated)"),
        "{}",
        o.stderr
    );
    let text = std::fs::read_to_string(only.path().join("pub.xlf")).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let file = doc.descendants().find(|n| n.has_tag_name("file")).unwrap();
    let children: Vec<&str> = file
        .children()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(children, ["notes", "group"], "{text}");
}

/// A tool that splits a paragraph into sentences saves one unit as two
/// segments with the space between them as `<ignorable>`: the unit is
/// read as its segments joined, and the page gets the whole paragraph.
#[test]
fn a_unit_a_tool_split_into_sentences_is_joined() {
    let site = site();
    let (_dir, xlf) = export_one(&site, "xliff2");
    translate_all(&xlf);
    let text = std::fs::read_to_string(&xlf).unwrap();
    let source = text
        .find(">Find a quiet room. Offer water.</source>")
        .unwrap();
    let start = text[..source].rfind("<segment").unwrap();
    let end = source + text[source..].find("</segment>").unwrap() + "</segment>".len();
    let one = &text[start..end];
    let split = "<segment id=\"s1\" state=\"final\"><source>Find a quiet room.</source><target>Trouvez une pièce calme.</target></segment><ignorable><source> </source></ignorable><segment id=\"s2\" state=\"reviewed\"><source>Offer water.</source><target>Offrez de l'eau.</target></segment>";
    std::fs::write(&xlf, text.replace(one, split)).unwrap();
    let o = import(&site, std::slice::from_ref(&xlf));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        french_texts(&site)[1],
        "Trouvez une pièce calme. Offrez de l'eau."
    );
}

/// A block whose source changed since its translation is exported in
/// state `initial`, with its translation and the earlier source in a
/// note; left so, its page is not written and the message says how to
/// confirm it in XLIFF 2's terms; confirmed, the page is written.
#[test]
fn a_changed_block_comes_back_for_review_in_state_initial() {
    let site = site();
    let (_dir, xlf) = export_one(&site, "xliff2");
    translate_all(&xlf);
    assert_eq!(import(&site, std::slice::from_ref(&xlf)).code, 0);
    site.write(
        "guidance/pub/01-steps.en.md",
        STEPS.replace("Offer water.", "Offer water and a seat."),
    );

    let (_again, xlf) = export_one(&site, "xliff2");
    let text = std::fs::read_to_string(&xlf).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let unit = doc
        .descendants()
        .filter(|n| n.has_tag_name("unit"))
        .find(|u| {
            u.descendants().any(|s| {
                s.has_tag_name("source")
                    && s.text() == Some("Find a quiet room. Offer water and a seat.")
            })
        })
        .unwrap_or_else(|| panic!("{text}"));
    let segment = unit.children().find(|c| c.has_tag_name("segment")).unwrap();
    assert_eq!(
        (segment.attribute("state"), segment.attribute("subState")),
        (Some("initial"), Some("fieldguide:needs-review"))
    );
    let target = segment
        .children()
        .find(|c| c.has_tag_name("target"))
        .unwrap();
    assert_eq!(target.text(), Some("FR Find a quiet room. Offer water."));
    let notes: Vec<_> = unit
        .descendants()
        .filter(|n| n.has_tag_name("note"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        notes.contains(&"Previous source: Find a quiet room. Offer water."),
        "{notes:?}"
    );

    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&xlf));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("1 marked fuzzy; the page is not written")
            && o.stderr
                .contains("in XLIFF 2 each segment in state initial"),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before);

    let key = unit.attribute("name").unwrap();
    set_xliff2_target(&xlf, key, "FR Find a quiet room. Offer water and a seat.");
    let o = import(&site, std::slice::from_ref(&xlf));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        french_texts(&site)[1],
        "FR Find a quiet room. Offer water and a seat."
    );
}

/// A publication with a chapter at its top level and a part of two.
fn site_with_a_part() -> common::Site {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write("guidance/pub/01-steps.en.md", STEPS);
    site.write(
        "guidance/pub/02-referral/index.en.md",
        "---\ntitle: Referral\n---\nWhen to refer.\n",
    );
    site.write(
        "guidance/pub/02-referral/01-consent.en.md",
        "---\ntitle: Consent\n---\nAsk before you refer.\n",
    );
    site
}

/// The msgctxt of every entry of a PO file.
fn po_keys(file: &std::path::Path) -> Vec<String> {
    let po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    po.entries
        .iter()
        .filter_map(|e| e.msgctxt.clone())
        .collect()
}

/// Before, a publication was always one file, so its parts could not go
/// to different translators. Now `--by-part` writes one file per part
/// (the top level's pages in the publication's own), each a file of the
/// publication: imported alone, it writes its pages and leaves the
/// others as they were.
#[test]
fn by_part_writes_one_file_per_part_and_each_comes_back_alone() {
    let site = site_with_a_part();
    let out = tempfile::tempdir().unwrap();
    let files = helpers::export(&site, "fr", "po", out.path(), &["--by-part"]);
    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["pub--02-referral.po", "pub.po"]);
    let part_keys = po_keys(&files[0]);
    assert!(
        !part_keys.is_empty() && part_keys.iter().all(|k| k.starts_with("02-referral/")),
        "{part_keys:?}"
    );
    assert!(
        po_keys(&files[1])
            .iter()
            .all(|k| !k.starts_with("02-referral/")),
        "{:?}",
        po_keys(&files[1])
    );

    helpers::fill(&files[0], "02-referral/", &[], &[]);
    let o = import(&site, std::slice::from_ref(&files[0]));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        site.path()
            .join("guidance/pub/02-referral/01-consent.fr.md")
            .exists()
    );
    assert!(!site.path().join("guidance/pub/01-steps.fr.md").exists());
    site.build_ok();
    let consent = site.page("fr/pub/referral/consent.html");
    assert!(
        consent
            .texts("main p")
            .contains(&"(ha) Ask before you refer.".to_string()),
        "{:?}",
        consent.texts("main p")
    );
}

/// Before, a publication whose export was larger than `translate import`
/// reads (16 MB: a handbook of a few thousand chapters) was written as one
/// file, with a warning that it could not come back. Now it is written
/// one file per part, each under 16 MB, and each is imported.
#[test]
fn a_publication_too_large_for_one_file_is_split_by_part() {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    let paragraph =
        "Explain who will read the notes, and why, before you write anything down. ".repeat(12);
    let chapter = format!(
        "---\ntitle: Notes\n---\n{}",
        format!("{paragraph}\n\n").repeat(900)
    );
    for part in ["01-first", "02-second"] {
        site.write(
            &format!("guidance/pub/{part}/index.en.md"),
            "---\ntitle: Part\n---\nA part.\n",
        );
        for k in 1..=11 {
            site.write(
                &format!("guidance/pub/{part}/{k:02}-notes-{part}-{k}.en.md"),
                &chapter,
            );
        }
    }
    let out = tempfile::tempdir().unwrap();
    let files = helpers::export(&site, "fr", "po", out.path(), &[]);
    let sizes: Vec<_> = files
        .iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_str().unwrap().to_string();
            (name, std::fs::metadata(f).unwrap().len())
        })
        .collect();
    let names: Vec<_> = sizes.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["pub--01-first.po", "pub--02-second.po", "pub.po"],
        "{sizes:?}"
    );
    let total: u64 = sizes.iter().map(|(_, s)| s).sum();
    assert!(total > 16 * 1024 * 1024, "{sizes:?}");
    assert!(
        sizes.iter().all(|(_, s)| *s <= 16 * 1024 * 1024),
        "{sizes:?}"
    );
    let o = import(&site, &files);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("16 MB"), "{}", o.stderr);
}

/// An XLIFF 2 file whose tool dropped its language is refused, and the
/// message and hint name XLIFF 2's attribute (`trgLang` on `<xliff>`),
/// not only 1.2's `target-language` on `<file>`; nothing is written.
#[test]
fn an_xliff_2_file_without_its_language_is_told_trg_lang() {
    let site = site();
    let (_dir, xlf) = export_one(&site, "xliff2");
    translate_all(&xlf);
    let text = std::fs::read_to_string(&xlf).unwrap();
    std::fs::write(&xlf, text.replace(" trgLang=\"fr\"", "")).unwrap();
    let before = guidance(&site);
    let o = import(&site, std::slice::from_ref(&xlf));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("its <xliff> element no `trgLang`")
            && o.stderr.contains("trgLang=\"fr\" to <xliff>"),
        "{}",
        o.stderr
    );
    assert_eq!(guidance(&site), before);
}

/// A page whose link or text goes through Outlook's Safe Links (pasted
/// from an e-mail): the build publishes the address inside, but the file
/// for translators, who are often outside the team, carried the wrapper
/// and the staff mailbox it names, without a word. Export now names the
/// page and line, with the address to write; a page without one is not
/// named.
#[test]
fn an_export_names_a_page_whose_text_names_a_mailbox() {
    let site = site();
    let wrapped = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fform&data=05%7C01%7Camina.k%40ngo.example%7C9f&reserved=0";
    site.write(
        "guidance/pub/02-form.en.md",
        format!("---\ntitle: Form\n---\n\nFill in [the referral form]({wrapped}) first.\n"),
    );
    let out = tempfile::tempdir().unwrap();
    let o = site.run(&[
        "translate",
        "export",
        "--lang",
        "fr",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("guidance/pub/02-form.en.md:5:1: warning: the text sent to translators holds a web address that goes through Outlook's Safe Links"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("`https://example.org/form`"),
        "{}",
        o.stderr
    );
    assert_eq!(
        o.stderr.matches("sent to translators").count(),
        1,
        "{}",
        o.stderr
    );
}
