//! End-to-end: the translator round trip, fifteenth sweep.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::edition::run_in;
use helpers::po_entry;

const SITE: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n";
const STEPS: &str = "---\ntitle: Steps\n---\nAsk for consent first.\n\nExplain what happens next.\n\nWrite down only what is needed.\n\nRefer the person to the national hotline.\n";

/// A folder holding a base site, `global/`, in English and French: a
/// publication and its chapter `01-steps`, not yet translated.
fn base() -> common::Site {
    let root = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    root.write("global/site.yaml", SITE);
    root.write(
        "global/guidance/pub/index.en.md",
        "---\ntitle: Pub\n---\nIntro.\n",
    );
    root.write("global/guidance/pub/01-steps.en.md", STEPS);
    root
}

/// A base (`global/`, its chapter translated into French through export and
/// import) and an edition (`local/`) adapting the chapter's last paragraph,
/// stamped. Returns the folder holding both.
fn adapted_edition() -> common::Site {
    let root = base();
    let write = |rel: &str, text: &str| root.write(rel, text);
    let global = root.path().join("global");
    let sent = root.path().join("sent");
    let o = run_in(
        &global,
        &["translate", "export", "--lang", "fr", "--out", path(&sent)],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let po = sent.join("pub.po");
    let mut file = rspolib::pofile(path(&po)).unwrap();
    for e in &mut file.entries {
        e.msgstr = Some(format!("FR {}", e.msgid));
    }
    std::fs::write(&po, file.to_string()).unwrap();
    let o = run_in(&global, &["translate", "import", path(&po)]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    write(
        "local/site.yaml",
        "base: ../global\nedition: { name: { en: Local edition } }\n",
    );
    let adapted = STEPS.replace("the national hotline", "the district desk (Room 4)");
    write("local/guidance/pub/01-steps.en.md", &adapted);
    let local = root.path().join("local");
    let page = local.join("guidance/pub/01-steps.en.md");
    let o = run_in(&local, &["stamp", path(&page)]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let said = format!("{}{}", o.stdout, o.stderr);
    assert!(said.contains("adapts:"), "{said}");
    root
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

/// An edition adapting one paragraph of a translated base page got every
/// block of it fuzzy, each saying "its earlier text was not found", and
/// `status` counted every block as changed: the earlier text, the base
/// page the base's translation was made from, is in the base's
/// `translations/sources/`, which was searched only for base pages.
#[test]
fn an_edition_adapting_one_paragraph_gets_only_that_block_fuzzy() {
    let root = adapted_edition();
    let local = root.path().join("local");
    let o = run_in(&local, &["status", "--lang", "fr"]);
    let said = format!("{}{}", o.stdout, o.stderr);
    assert!(
        said.contains("segments: 4 translated, 1 changed, 0 missing"),
        "{said}"
    );
    let out = tempfile::tempdir().unwrap();
    let o = run_in(
        &local,
        &[
            "translate",
            "export",
            "--lang",
            "fr",
            "--out",
            path(out.path()),
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let po = out.path().join("pub.po");
    let fuzzy: Vec<_> = rspolib::pofile(path(&po))
        .unwrap()
        .entries
        .into_iter()
        .filter(|e| e.flags.iter().any(|f| f == "fuzzy"))
        .collect();
    assert_eq!(fuzzy.len(), 1, "{}", std::fs::read_to_string(&po).unwrap());
    let e = &fuzzy[0];
    assert_eq!(e.msgid, "Refer the person to the district desk (Room 4).");
    assert_eq!(
        e.previous_msgid.as_deref(),
        Some("Refer the person to the national hotline.")
    );
    assert_eq!(
        e.msgstr.as_deref(),
        Some("FR Refer the person to the national hotline.")
    );
    let title = po_entry(&po, "01-steps/title");
    assert_eq!(title.msgstr.as_deref(), Some("FR Steps"));
    assert!(!title.flags.iter().any(|f| f == "fuzzy"));
}

/// An XLIFF target a CAT tool pre-filled (state `new`) counts as
/// untranslated, and the page is not written; the hint told the
/// translator to confirm segments marked needs-review-translation, which
/// the file had none of. It now says what the state `new` means.
#[test]
fn a_target_in_state_new_is_explained_in_the_xliff_files_terms() {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write("guidance/pub/01-steps.en.md", STEPS);
    let out = tempfile::tempdir().unwrap();
    let files = helpers::export(&site, "fr", "xliff", out.path(), &[]);
    let file = &files[0];
    for (key, text) in [
        ("index/title", "Publication"),
        ("index/p1", "Introduction."),
        ("01-steps/title", "Étapes"),
        ("01-steps/p1", "Demandez d'abord le consentement."),
        ("01-steps/p2", "Expliquez la suite."),
        ("01-steps/p3", "N'écrivez que le nécessaire."),
        (
            "01-steps/p4",
            "Orientez la personne vers la ligne nationale.",
        ),
    ] {
        helpers::set_xliff_target(file, key, text);
    }
    let xml = std::fs::read_to_string(file).unwrap();
    let pre = "<target state=\"translated\">Expliquez la suite.</target>";
    assert!(xml.contains(pre));
    std::fs::write(
        file,
        xml.replace(pre, "<target state=\"new\">Expliquez la suite.</target>"),
    )
    .unwrap();
    let o = helpers::import(&site, std::slice::from_ref(file));
    assert!(
        o.stderr
            .contains("4 of 5 segments translated; the page is not written"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("state is new"), "{}", o.stderr);
    assert!(
        !o.stderr.contains("needs-review-translation"),
        "{}",
        o.stderr
    );
}

/// An edition's own translation of a page the edition later omits was
/// left out without a word: the translator's file looked published.
#[test]
fn an_editions_translation_of_a_page_it_omits_is_named() {
    let root = base();
    let write = |rel: &str, text: &str| root.write(rel, text);
    write(
        "global/guidance/pub/02-next.en.md",
        "---\ntitle: Next\n---\nText.\n",
    );
    write(
        "local/site.yaml",
        "base: ../global\nedition: { name: { en: Local edition } }\n",
    );
    write("local/guidance/pub/02-next.en.md", "---\nomit: true\n---\n");
    write(
        "local/guidance/pub/02-next.fr.md",
        "---\ntitle: Suite\n---\nTexte.\n",
    );
    let o = run_in(&root.path().join("local"), &["build"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let (line, hint) = common::message_at(&o.stderr, "guidance/pub/02-next.fr.md:1:1");
    assert!(
        line.contains("warning: this page is not published"),
        "{line}"
    );
    assert!(line.contains("02-next.en.md"), "{line}");
    assert!(hint.contains("delete this file"), "{hint}");
    assert!(!o.stderr.contains("02-next.en.md:1:1"), "{}", o.stderr);
    assert!(!root.path().join("local/public/fr/pub/next.html").exists());
}

/// A heading with a value the site leaves to each edition (`## Help in
/// {{city}}`) listed the gap's words run together in the page's contents
/// ("Help in To be filled in locally:City"); the search text and the
/// page's description held them too. The contents name the gap by its
/// label; the heading still shows the note.
#[test]
fn a_heading_with_an_unset_value_is_listed_by_its_label() {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", "title: T\nlanguages: [en]\ndownload: false\n");
    site.write("guidance/values.yaml", "city:\n  label: { en: City }\n");
    site.write("guidance/pub/index.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write(
        "guidance/pub/01-help.md",
        "---\ntitle: Help\n---\n## Help in {{city}}\n\nText.\n\n## Other\n\nMore.\n",
    );
    site.build_ok();
    let page = site.page("en/pub/help.html");
    let entries: Vec<String> = page
        .select(".toc a")
        .iter()
        .map(|a| a.text().collect::<String>())
        .collect();
    assert_eq!(entries, ["Help in City", "Other"]);
    assert_eq!(
        page.text_of("h2#help-in-city .value-unset-note"),
        "To be filled in locally:"
    );
}
