//! End-to-end: the translator round trip, thirteenth sweep.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::Site;
use helpers::*;

/// Every msgstr of `file` set to "FR " and its msgid, not fuzzy, as a
/// translator's tool leaves a file all done.
fn translate_all(file: &std::path::Path) {
    let mut po = rspolib::pofile(file.to_str().unwrap()).unwrap();
    for e in po.entries.iter_mut() {
        e.msgstr = Some(format!("FR {}", e.msgid));
        e.flags.retain(|f| f != "fuzzy");
        e.previous_msgid = None;
    }
    std::fs::write(file, po.to_string()).unwrap();
}

/// The source changed while the translator worked: import set the page
/// aside with its confirmed blocks (`translations/pending/`), and the next
/// `--only-changed` file carried only the changed block. Its import said
/// "1 of 3 segments translated; the page is not written", then export
/// offered nothing and `status` said nothing was translated: the finished
/// translation never reached readers. Import now completes the page with
/// the blocks it had kept.
#[test]
fn an_only_changed_round_trip_finishes_a_page_set_aside() {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write(
        "site.yaml",
        "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n",
    );
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    let steps = "guidance/pub/01-steps.en.md";
    site.write(
        steps,
        "---\ntitle: Steps\n---\nFirst paragraph.\n\nSecond paragraph.\n",
    );
    let sent = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", sent.path(), &[]);
    site.write(
        steps,
        "---\ntitle: Steps\n---\nFirst paragraph.\n\nSecond paragraph, revised.\n",
    );
    files.iter().for_each(|f| translate_all(f));
    let o = import(&site, &files);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!site.path().join("guidance/pub/01-steps.fr.md").exists());
    // Only the changed block is sent again.
    let round2 = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", round2.path(), &["--only-changed"]);
    let text: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(text.contains("Second paragraph, revised."), "{text}");
    assert!(!text.contains("msgid \"First paragraph.\""), "{text}");
    files.iter().for_each(|f| translate_all(f));
    let o = import(&site, &files);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        !o.stderr.contains("the page is not written"),
        "{}",
        o.stderr
    );
    let fr = site.read("guidance/pub/01-steps.fr.md");
    for want in [
        "FR Steps",
        "FR First paragraph.",
        "FR Second paragraph, revised.",
    ] {
        assert!(fr.contains(want), "{want} missing:\n{fr}");
    }
    assert!(
        !site.path().join("translations/pending/fr.json").exists()
            || !site
                .read("translations/pending/fr.json")
                .contains("First paragraph"),
        "the kept blocks are done with"
    );
    let o = site.run(&["status", "--lang", "fr"]);
    assert!(!o.stdout.contains("missing"), "{}", o.stdout);
}

/// In an Arabic page, `+234 800 123 4567` was kept left to right in a
/// `<bdi>`, but the same number typed in Arabic-Indic digits, as most
/// Arabic and Persian translators type it, was left bare: its groups
/// showed in reverse order.
#[test]
fn numbers_in_arabic_digits_keep_their_order_in_right_to_left_text() {
    let site = Site::fixture("basic");
    let ar = "guidance/handbook/01-intro.ar.md";
    site.write(
        ar,
        format!(
            "{}\nاتصل على +٢٣٤ ٨٠٠ ١٢٣ ٤٥٦٧ أو ۰۸۰۰ ۱۱۱ ۲۲۲ قبل ٢٠٢٦-٠٣-٠١.\n",
            site.read(ar)
        ),
    );
    site.build_ok();
    let page = site.page("ar/handbook/intro.html");
    let kept: Vec<String> = page
        .select("main bdi[dir='ltr'].nowrap")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    for n in ["+٢٣٤ ٨٠٠ ١٢٣ ٤٥٦٧", "۰۸۰۰ ۱۱۱ ۲۲۲", "٢٠٢٦-٠٣-٠١"] {
        assert!(kept.iter().any(|k| k == n), "{n} not isolated: {kept:?}");
    }
}

/// The source's meaning was reversed; export marked its block fuzzy; a
/// tool's "confirm all" (memoQ, Trados, `msgattrib --clear-fuzzy`) cleared
/// the mark without touching the old translation. Import wrote the page as
/// up to date without a word. It still does (a reviewed translation may
/// stand), but says how many were confirmed as they were sent.
#[test]
fn a_changed_block_confirmed_unchanged_is_said() {
    let site = one_page_site(
        "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n",
        "---\ntitle: Pub\n---\n\nShare the file with the police.\n",
        "---\ntitle: Pub FR\n---\n\nPartagez le dossier avec la police.\n",
    );
    site.write(
        "guidance/pub/index.en.md",
        "---\ntitle: Pub\n---\n\nNever share the file with the police without the person's consent.\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let files = export(&site, "fr", "po", dir.path(), &[]);
    for f in &files {
        let mut po = rspolib::pofile(f.to_str().unwrap()).unwrap();
        assert!(
            po.entries
                .iter()
                .any(|e| e.flags.iter().any(|x| x == "fuzzy")),
            "the changed block is fuzzy"
        );
        for e in po.entries.iter_mut() {
            e.flags.retain(|x| x != "fuzzy");
            e.previous_msgid = None;
        }
        std::fs::write(f, po.to_string()).unwrap();
    }
    let o = import(&site, &files);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("1 segment whose source changed since it was translated was confirmed with the translation it was sent with, unchanged"),
        "{}",
        o.stderr
    );
}

/// The global team renamed a page; an edition's own Hausa translation of
/// it (a language the base lacks) was told to move into the base's
/// folder, where it broke the base's build and left the edition. It is
/// told its new name in the edition.
#[test]
fn an_editions_own_orphan_is_renamed_in_the_edition() {
    let root = tempfile::tempdir().unwrap();
    let w = |rel: &str, text: &str| {
        let p = root.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_fieldguide"))
            .args(args)
            .current_dir(root.path().join("ed"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    w(
        "global/site.yaml",
        "title: T\ndefault_language: en\nlanguages: [en]\ndownload: false\n",
    );
    w(
        "global/guidance/pub/index.en.md",
        "---\ntitle: Pub\n---\nIntro.\n",
    );
    w(
        "global/guidance/pub/01-values.en.md",
        "---\ntitle: Contacts\n---\nWho to call.\n",
    );
    w(
        "ed/site.yaml",
        "base: ../global\nedition: { name: { en: Niger edition } }\nlanguages: [en, ha]\n",
    );
    w(
        "ed/guidance/pub/index.ha.md",
        "---\ntitle: Pub ha\n---\nIntro ha.\n",
    );
    w(
        "ed/guidance/pub/01-values.ha.md",
        "---\ntitle: Lambobi\n---\nWa za a kira.\n",
    );
    run(&[
        "stamp",
        "guidance/pub/index.ha.md",
        "guidance/pub/01-values.ha.md",
    ]);
    std::fs::rename(
        root.path().join("global/guidance/pub/01-values.en.md"),
        root.path().join("global/guidance/pub/01-contacts.en.md"),
    )
    .unwrap();
    let built = run(&["build"]);
    assert!(
        built.contains("renamed: rename this file to `01-contacts.ha.md`"),
        "{built}"
    );
    let status = run(&["status"]);
    assert!(
        status.contains("rename it to guidance/pub/01-contacts.ha.md;"),
        "{status}"
    );
    assert!(!status.contains("rename it to ../global"), "{status}");
}
