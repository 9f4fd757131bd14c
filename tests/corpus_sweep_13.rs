//! What this round's outside sweep of real-world input found.

mod common;
#[path = "common/translate.rs"]
mod helpers;

use common::Site;
use helpers::export;

/// When the source language's own page cannot be read
/// (`broken_links: warning`), its French translation is shown in its
/// place: the summary said "shown from the source language" of the source
/// language itself.
#[test]
fn the_source_languages_page_is_said_to_be_shown_from_another_language() {
    let s = Site::fixture("basic");
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    let index = "guidance/handbook/index.en.md";
    let page = s.read(index);
    s.write(
        index,
        page.replacen("title: Handbook\n", "title: Handbook\ntitle: Again\n", 1),
    );
    let o = s.build_ok();
    let all = format!("{}{}", o.stdout, o.stderr);
    let en = all
        .lines()
        .map(str::trim_start)
        .find(|l| l.starts_with("en ") && l.contains("pages:"))
        .unwrap_or_else(|| panic!("no summary line for en:\n{all}"));
    assert!(en.contains("1 shown from another language"), "{en}");
    let fr = all
        .lines()
        .map(str::trim_start)
        .find(|l| l.starts_with("fr ") && l.contains("pages:"))
        .unwrap_or_else(|| panic!("no summary line for fr:\n{all}"));
    assert!(!fr.contains("another language"), "{fr}");
}

/// Notion adds a 32-letter page id to every file and folder it exports:
/// the ids were kept in the addresses readers see and type.
#[test]
fn notions_page_ids_stay_out_of_addresses() {
    let s = Site::fixture("basic");
    let id = "3f2a9c1b2d4e5f60718293a4b5c6d7e8";
    let folder = format!("guidance/Field notes {id}");
    s.write(
        &format!("{folder}/index.en.md"),
        "---\ntitle: Field notes\nkind: guidelines\n---\n\nRead [consent](<Informed consent 1a2b3c4d5e6f70819a2b3c4d5e6f7081.md>).\n",
    );
    s.write(
        &format!("{folder}/Informed consent 1a2b3c4d5e6f70819a2b3c4d5e6f7081.en.md"),
        "---\ntitle: Informed consent\n---\n\nAsk first.\n",
    );
    s.build_ok();
    let home = s.page("en/field-notes/index.html");
    let links: Vec<_> = home
        .select("a[href*='consent']")
        .iter()
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    assert!(!links.is_empty());
    assert!(
        links.iter().all(|h| h == "informed-consent.html"),
        "{links:?}"
    );
    assert!(
        s.out()
            .join("en/field-notes/informed-consent.html")
            .exists()
    );
}

/// Docusaurus authors keep notes in `{/* … */}` (MDX 2 refuses `<!-- -->`):
/// such a note was published as text on the page, its print page and the
/// search index, and sent to translators. It is now left out as
/// Obsidian's `%%…%%` is, with a warning that does not quote it; MDX
/// `export` lines are left out with a warning, as `import` lines are.
#[test]
fn mdx_comments_and_exports_are_never_published() {
    let s = Site::signs_with(
        "Ask first. {/* Amina, 14, must not be the example */}\n\n{/*\nReviewer note: legal has not cleared this.\n*/}\n\nexport const Hotline = () => <b>116</b>;\n\nKeep going.\n",
    );
    let o = s.build_ok();
    assert!(
        o.stderr.contains("warning: an MDX comment (`{/*…*/}`) left out (and 1 more on this page): readers never see it"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("warning: an MDX export `export const Hotline = () => <b>116</b>;` left out: fieldguide does not run MDX code"),
        "{}",
        o.stderr
    );
    // The message does not quote the note (the line under it shows the
    // author's own source, as for any message).
    assert!(
        o.stderr
            .lines()
            .filter(|l| l.contains("warning:"))
            .all(|l| !l.contains("Amina") && !l.contains("Reviewer")),
        "{}",
        o.stderr
    );
    let page = s.page("en/handbook/signs.html");
    let text = page.text_of("main");
    assert!(
        text.contains("Ask first.") && text.contains("Keep going."),
        "{text}"
    );
    for secret in ["Amina", "Reviewer", "{/*", "Hotline"] {
        for file in ["en/handbook/signs.html", "en/handbook/print.html"] {
            assert!(
                !s.read(&format!("public/{file}")).contains(secret),
                "{secret} in {file}"
            );
        }
        for (name, bytes) in common::tree(&s.out().join("assets")) {
            assert!(
                !String::from_utf8_lossy(&bytes).contains(secret),
                "{secret} in assets/{name}"
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let files = export(&s, "fr", "po", dir.path(), &[]);
    let po: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(po.contains("Ask first."), "{po}");
    for secret in ["Amina", "Reviewer", "{/*", "Hotline"] {
        assert!(!po.contains(secret), "{secret} sent to translators:\n{po}");
    }
}

/// A tab after `title:` in the English source left it unreadable, and its
/// French translation stood in as the page's source: `status` called the
/// up-to-date Arabic translation stale against the French file, Arabic
/// readers were told "the original (Français) changed", and `translate
/// export --lang ar` sent the French text as the source.
#[test]
fn a_translation_standing_in_for_an_unreadable_source_is_no_source() {
    let s = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    s.write(
        "site.yaml",
        "title: T\ndefault_language: en\nlanguages: [en, fr, ar]\nbroken_links: warning\n",
    );
    s.write(
        "guidance/hb/index.en.md",
        "---\ntitle: Handbook\nkind: guidelines\n---\n\nIntro.\n",
    );
    let en = "---\ntitle: Consent\n---\n\n## Asking {#asking}\n\nAsk first.\n";
    s.write("guidance/hb/01-consent.en.md", en);
    s.write(
        "guidance/hb/01-consent.fr.md",
        "---\ntitle: Consentement\n---\n\n## Demander {#asking}\n\nDemandez.\n",
    );
    s.write(
        "guidance/hb/01-consent.ar.md",
        "---\ntitle: الموافقة\n---\n\n## السؤال {#asking}\n\nاسأل أولا.\n",
    );
    let o = s.run(&[
        "stamp",
        s.path()
            .join("guidance/hb/01-consent.fr.md")
            .to_str()
            .unwrap(),
        s.path()
            .join("guidance/hb/01-consent.ar.md")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    s.write(
        "guidance/hb/01-consent.en.md",
        en.replace("title: Consent", "title:\tConsent"),
    );
    let o = s.run(&["status", "--format", "json"]);
    assert!(!o.stdout.contains("\"stale\": [\"guidance"), "{}", o.stdout);
    let status = s.run(&["status"]);
    assert!(
        !status.stdout.contains("stale:"),
        "{}{}",
        status.stdout,
        status.stderr
    );
    assert!(
        status.stdout.contains("01-consent.en.md") || status.stderr.contains("01-consent.en.md"),
        "the source's error is named:\n{}{}",
        status.stdout,
        status.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    let files = export(&s, "ar", "po", dir.path(), &[]);
    let po: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(
        !po.contains("Demandez") && !po.contains("Consentement"),
        "{po}"
    );
    let o = s.build_ok();
    assert!(!o.stderr.contains("out of date"), "{}", o.stderr);
    let page = s.page("ar/hb/consent.html");
    assert!(page.select(".notice-stale").is_empty(), "a stale notice");
    assert!(page.text_of("main").contains("اسأل أولا."));
}

/// A country edition in French only (`languages: [fr]`) published the
/// base's pages translated into French, and left out the rest without a
/// word: the referral chapter was on no page, 0 warnings.
#[test]
fn an_editions_languages_leaving_out_a_page_say_so() {
    let root = tempfile::tempdir().unwrap();
    let w = |rel: &str, text: &str| {
        let p = root.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w(
        "global/site.yaml",
        "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n",
    );
    w(
        "global/guidance/pub/index.en.md",
        "---\ntitle: Pub\n---\nIntro.\n",
    );
    w(
        "global/guidance/pub/index.fr.md",
        "---\ntitle: Pub\n---\nIntro.\n",
    );
    w(
        "global/guidance/pub/01-safety.en.md",
        "---\ntitle: Safety\n---\nSafety first.\n",
    );
    w(
        "global/guidance/pub/01-safety.fr.md",
        "---\ntitle: Sécurité\n---\nLa sécurité d'abord.\n",
    );
    w(
        "global/guidance/pub/02-referral.en.md",
        "---\ntitle: Referral\n---\nHow to refer.\n",
    );
    w(
        "benin/site.yaml",
        "base: ../global\nedition: { name: { fr: Édition Bénin } }\nlanguages: [fr]\n",
    );
    // The edition's folder is `benin/`, beside its base.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["build", "--source"])
        .arg(root.path().join("benin"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("../global/guidance/pub/02-referral.en.md: warning: not published: this page of the base is in no language of this edition (fr)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: translate it as this edition's `guidance/pub/02-referral.fr.md`, or add `en` to the edition's `languages:` to show it in en with a notice"),
        "{stderr}"
    );
    // Translated pages are not named.
    assert!(!stderr.contains("01-safety"), "{stderr}");
}

/// The web page of a stale translation says the original changed; its
/// print page (so its PDF, and a pocket guide carried into the field,
/// where no link can be followed) printed the old text without a mark.
#[test]
fn a_stale_translation_is_marked_on_the_print_page_too() {
    let s = Site::fixture("basic");
    let fr = s.path().join("guidance/handbook/01-intro.fr.md");
    let o = s.run(&["stamp", fr.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let en = "guidance/handbook/01-intro.en.md";
    s.write(
        en,
        format!("{}\nThe hotline changed: call 0800 999 000.\n", s.read(en)),
    );
    s.build_ok();
    let web = s.page("fr/handbook/intro.html");
    assert_eq!(web.select(".notice-stale").len(), 1);
    let print = s.page("fr/handbook/print.html");
    let marks = print.select(".print-stale");
    assert_eq!(marks.len(), 1, "one chapter is stale");
    let mark = marks[0];
    let section = mark.parent().and_then(scraper::ElementRef::wrap).unwrap();
    assert_eq!(section.value().attr("lang"), Some("fr"));
    let text: String = mark.text().collect();
    assert!(text.contains("English"), "{text}");
    // The English print page, the source, has none.
    assert!(
        s.page("en/handbook/print.html")
            .select(".print-stale")
            .is_empty()
    );
}

/// Hugo's `_index.md` is read as its folder's page, but a link to it
/// (`04-hugo/_index.md`, the path the hint for Hugo's `ref` gave) was a
/// missing page, with no hint.
#[test]
fn a_link_to_hugos_index_file_finds_the_folders_page() {
    let s = Site::signs_with("See [the part](04-steps/_index.md).\n");
    s.write(
        "guidance/handbook/04-steps/_index.en.md",
        "---\ntitle: Steps\n---\n\nThe steps.\n",
    );
    s.write(
        "guidance/handbook/04-steps/01-first.en.md",
        "---\ntitle: First\n---\n\nFirst.\n",
    );
    s.build_ok();
    let page = s.page("en/handbook/signs.html");
    let links: Vec<String> = page
        .select("main a")
        .iter()
        .filter(|a| a.text().collect::<String>() == "the part")
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    assert_eq!(links, ["steps/index.html"]);
}
