//! End-to-end: local editions. A site whose site.yaml names a `base:` is
//! read as the base with the edition's files laid over it: pages replaced,
//! added or omitted, language fallback through the base, the report of
//! adapted pages whose base changed, what readers are told (homes, covers,
//! the differences page), clear errors for a base that is missing or not a
//! site, `serve`, and the example edition. Local values are in
//! `edition_values.rs`.
//!
//! The fixture `tests/fixtures/edition` holds `global/` (the base: en, fr,
//! ar) and `local/` (the Lakeland edition: en, fr).

mod common;
use common::Page;
use common::edition::{Edition, content, run_in};
use scraper::Html;
use std::path::Path;

#[test]
fn an_edition_replaces_adds_and_omits_pages_of_its_base() {
    let e = Edition::new();
    // The theme is layered too: the edition's files over the base's.
    e.site
        .write("global/templates/static/brand.css", "b{color:red}");
    e.site
        .write("global/templates/static/logo.css", "i{color:red}");
    e.site
        .write("local/templates/static/logo.css", "i{color:blue}");
    let o = e.build_ok();
    let asset =
        |name: &str| std::fs::read_to_string(e.local().join("public/assets").join(name)).unwrap();
    assert_eq!(
        (asset("brand.css"), asset("logo.css")),
        ("b{color:red}".into(), "i{color:blue}".into())
    );
    // Replaced: the edition's English; the base's French, which it did not replace.
    let en = e.page("en/guide/contacts.html");
    assert_eq!(en.text_of("h1"), "Contacts in Lakeland");
    let fr = e.page("fr/guide/contacts.html");
    assert_eq!(content(&fr), "La page de contacts globale.");
    assert!(fr.select(".notice-fallback").is_empty());
    // Added: a page only the edition has, listed with the base's chapters.
    assert_eq!(
        content(&e.page("en/guide/local-services.html")),
        "Only Lakeland has this page."
    );
    let chapters: Vec<String> = e
        .page("en/guide/index.html")
        .select(".chapter-list > li > a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(
        chapters,
        [
            "Introduction",
            "Contacts in Lakeland",
            "Annex",
            "Local services"
        ]
    );
    // Omitted: not published in any language, and a base page's link to it
    // is published as its text, with a warning at the base's line.
    assert!(!e.exists("en/guide/local-law.html"));
    assert!(!e.exists("fr/guide/local-law.html"));
    let intro = e.page("en/guide/intro.html");
    assert!(intro.select(".content a[href*=local-law]").is_empty());
    assert!(content(&intro).contains("The law is in local law."));
    assert!(
        o.stderr.lines().any(|l| l
            == "../global/guidance/guide/01-intro.en.md:5:42: warning: link to `03-local-law.md`, which this edition omits: published as its text"),
        "{}",
        o.stderr
    );
    // Everything else comes from the base: its pages, translations and images.
    assert_eq!(e.page("fr/guide/intro.html").text_of("h1"), "Introduction");
    assert!(e.exists("en/guide/images/flow.png"));
    assert_eq!(
        std::fs::read(e.local().join("public/en/guide/images/flow.png")).unwrap(),
        std::fs::read(e.site.path().join("global/guidance/guide/images/flow.png")).unwrap()
    );
}

#[test]
fn languages_fall_back_from_the_edition_to_the_base_then_the_default() {
    let e = Edition::new();
    // The edition adapts the French introduction too.
    e.site.write(
        "local/guidance/guide/01-intro.fr.md",
        "---\ntitle: Introduction (Lakeland)\n---\n\nTexte de Lakeland.\n",
    );
    e.build_ok();
    // 1. The edition's page in the reader's language.
    assert_eq!(
        content(&e.page("fr/guide/intro.html")),
        "Texte de Lakeland."
    );
    // 2. Else the base's page in that language (the edition replaced only English).
    assert_eq!(
        content(&e.page("fr/guide/contacts.html")),
        "La page de contacts globale."
    );
    // 3. Else the default language, with the usual notice: the base's...
    let annex = e.page("fr/guide/annex.html");
    assert_eq!(content(&annex), "Only in English.");
    assert_eq!(annex.select(".notice-fallback").len(), 1);
    assert_eq!(annex.attr("article", "lang"), "en");
    // ... or the edition's.
    let added = e.page("fr/guide/local-services.html");
    assert_eq!(content(&added), "Only Lakeland has this page.");
    assert_eq!(added.select(".notice-fallback").len(), 1);
    // The edition publishes its own languages: not the base's Arabic.
    assert!(!e.exists("ar"));
    assert!(e.exists("fr/index.html"));
}

#[test]
fn an_adapted_page_whose_base_changed_is_reported_but_not_shown_to_readers() {
    let e = Edition::new();
    let page = "guidance/guide/02-contacts.en.md";
    // Never stamped: the report says so and how to stamp it.
    let o = e.build_ok();
    assert!(
        o.stderr.contains(&format!(
            "  not stamped: {page} adapts ../global/{page}; run `fieldguide stamp {page}`"
        )),
        "{}",
        o.stderr
    );
    // `stamp` records the base's version in `adapts:`, touching nothing else.
    let before = e.site.read(&format!("local/{page}"));
    let o = run_in(
        &e.local(),
        &["stamp", e.local().join(page).to_str().unwrap()],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let after = e.site.read(&format!("local/{page}"));
    let hash = after
        .lines()
        .find_map(|l| l.strip_prefix("adapts: "))
        .unwrap()
        .to_string();
    assert_eq!(
        after,
        before.replacen("---\n\n", &format!("adapts: {hash}\n---\n\n"), 1)
    );
    let o = e.build_ok();
    assert!(!o.stderr.contains("02-contacts"), "{}", o.stderr);
    let status = e.run(&["status", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(v["overrides"], serde_json::json!([]));

    // The global team corrects its page: the country team is told.
    e.site.write(
        &format!("global/{page}"),
        "---\ntitle: Contacts\n---\n\nThe corrected global contacts page.\n",
    );
    let o = e.build_ok();
    let line = format!(
        "  the global version changed since this was adapted: {page} (global: ../global/{page}); review it, then `fieldguide stamp` it"
    );
    assert!(o.stderr.lines().any(|l| l == line), "{}", o.stderr);
    let o = e.run(&["status"]);
    assert!(
        o.stdout
            .contains(&format!("adapted pages to review\n{line}\n")),
        "{}",
        o.stdout
    );
    let o = e.run(&["status", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        v["overrides"],
        serde_json::json!([{ "file": page, "base": format!("../global/{page}"), "state": "changed" }])
    );
    assert_eq!(e.run(&["status", "--strict"]).code, 1);
    // Readers see the edition's page, with no notice of any of this.
    let p = e.page("en/guide/contacts.html");
    assert_eq!(p.text_of("h1"), "Contacts in Lakeland");
    assert!(p.select(".notice").is_empty());
    assert!(!p.text.contains("global version"));
}

#[test]
fn homes_publications_and_print_covers_say_which_edition_it_is() {
    let e = Edition::new();
    e.build_ok();
    let home = e.page("en/index.html");
    assert_eq!(
        home.text_of(".edition-note"),
        "\u{2068}Lakeland edition\u{2069}, adapted from Global guide · What is different in this edition"
    );
    assert_eq!(home.attr(".edition-note a", "href"), "edition.html");
    let publication = e.page("fr/guide/index.html");
    assert_eq!(
        publication.text_of(".edition-note"),
        "\u{2068}Édition Lakeland\u{2069}, adaptée de Guide de terrain, version \u{2068}2.1\u{2069}, révisée le \u{2068}2026-03-01\u{2069} · Ce qui diffère dans cette édition"
    );
    assert_eq!(
        publication.attr(".edition-note a", "href"),
        "../edition.html"
    );
    let print = e.page("en/guide/print.html");
    assert_eq!(print.text_of(".cover .cover-edition"), "Lakeland edition");
    assert_eq!(
        print.text_of(".cover .edition-note"),
        "\u{2068}Lakeland edition\u{2069}, adapted from Field guide, version \u{2068}2.1\u{2069}, reviewed \u{2068}2026-03-01\u{2069}"
    );
    assert_eq!(
        print.text_of("title"),
        "Field guide · Lakeland edition · Print version"
    );
    // The running title, in the print page's own stylesheet.
    let page_css =
        std::fs::read_to_string(e.local().join("public/en/guide/print-page.css")).unwrap();
    assert!(
        page_css.contains("@top-center { content: \"Field guide · Lakeland edition\"; }"),
        "{page_css}"
    );
    // A site that is not an edition says nothing of the kind.
    let global = e.site.path().join("global");
    assert_eq!(run_in(&global, &["build"]).code, 0);
    let base_home = std::fs::read_to_string(global.join("public/en/index.html")).unwrap();
    assert!(!base_home.contains("edition"), "{base_home}");
    assert!(!global.join("public/en/edition.html").exists());
}

#[test]
fn the_differences_page_lists_what_the_edition_changed() {
    let e = Edition::new();
    e.build_ok();
    let p = e.page("en/edition.html");
    assert_eq!(p.text_of("h1"), "What is different in this edition");
    let items = |css: &str| -> Vec<String> {
        p.select(css)
            .iter()
            .map(|li| li.text().collect::<String>())
            .collect()
    };
    assert_eq!(
        items(".edition-replaced li"),
        ["Contacts in Lakeland (Field guide) (\u{2068}English\u{2069})"]
    );
    assert_eq!(p.attr(".edition-replaced a", "href"), "guide/contacts.html");
    assert_eq!(items(".edition-added li"), ["Local services (Field guide)"]);
    assert_eq!(
        p.attr(".edition-added a", "href"),
        "guide/local-services.html"
    );
    assert_eq!(items(".edition-omitted li"), ["Local law (Field guide)"]);
    assert!(p.select(".edition-omitted a").is_empty());
    let rows: Vec<Vec<String>> = p
        .select(".edition-values tbody tr")
        .iter()
        .map(|tr| {
            tr.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| c.text().collect::<String>())
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        [
            ["National hotline", "+000 12 345 678", "2026-09-01"],
            ["Office", "Lake Street office", "2026-09-01"],
            ["Office e-mail", "office@example.org", "2026-01-15"],
            ["Safe shelter", "to be filled in locally", ""],
            ["Last updated", "2026-09-01", "2026-09-01"],
            ["Website", "https://example.org/lakeland", "2026-09-01"],
        ]
    );
    // In French, in French.
    let fr = e.page("fr/edition.html");
    assert_eq!(fr.text_of("h1"), "Ce qui diffère dans cette édition");
    assert_eq!(
        fr.select(".edition-omitted li")[0]
            .text()
            .collect::<String>(),
        "Droit local (Guide de terrain)"
    );
    assert!(common::broken_links(&e.local().join("public")).is_empty());
}

#[test]
fn an_edition_reads_its_base_and_copies_nothing_into_its_folder() {
    let e = Edition::new();
    let before = common::tree(&e.local());
    e.build_ok();
    let after: Vec<String> = common::tree(&e.local())
        .into_keys()
        .filter(|k| !k.starts_with("public/"))
        .collect();
    assert_eq!(after, before.into_keys().collect::<Vec<_>>());
}

#[test]
fn an_edition_never_writes_into_the_folders_of_its_base() {
    let e = Edition::new();
    let base = e.site.path().join("global");
    let before = common::tree(&base);
    // The base's static/ too: the next build of either would read it back.
    for folder in ["static", "guidance", "templates"] {
        let out = base.join(folder).join("out");
        let o = e.run(&["build", "--out", out.to_str().unwrap()]);
        assert_eq!(o.code, 1, "{folder}: {}", o.stderr);
        let wanted = format!("is inside the base site's `{folder}/` folder");
        assert!(o.stderr.contains(&wanted), "{folder}: {}", o.stderr);
    }
    assert_eq!(common::tree(&base), before);
    // The edition's own static/ is refused before anything is read.
    let o = e.run(&[
        "build",
        "--out",
        e.local().join("static/o").to_str().unwrap(),
    ]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("inside the site's `static/` folder"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_base_that_is_missing_or_not_a_site_is_an_error_at_its_line() {
    let e = Edition::new();
    let yaml = "edition: { name: Lakeland edition }\nbase: ../nowhere\n";
    e.site.write("local/site.yaml", yaml);
    let o = e.run(&["build"]);
    assert_eq!(o.code, 1);
    let first = o.stderr.lines().next().unwrap();
    assert!(
        first
            .starts_with("site.yaml:2:7: error: the base `../nowhere` does not exist (looked for "),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("2 | base: ../nowhere\n  |       ^"),
        "{}",
        o.stderr
    );
    assert!(!e.local().join("public").exists());

    // A folder, but not a site.
    e.site.write("notasite/README.txt", "hello");
    e.site
        .write("local/site.yaml", yaml.replace("nowhere", "notasite"));
    let o = e.run(&["build"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr.lines().next().unwrap(),
        "site.yaml:2:7: error: the base `../notasite` is not a fieldguide site: it has no site.yaml"
    );
    // A site.yaml with errors in the base is the base's error, and says so.
    e.site
        .write("global/site.yaml", "title: T\nlanguages: []\n");
    e.site
        .write("local/site.yaml", yaml.replace("nowhere", "global"));
    let o = e.run(&["check"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .lines()
            .any(|l| l.starts_with("../global/site.yaml:2:12: error:")),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.lines().any(|l| l
            == "site.yaml:2:7: error: the base `../global` cannot be used: its site.yaml has errors"),
        "{}",
        o.stderr
    );
}

// Shared with tests/serve.rs, which uses the rest of it.
#[allow(dead_code)]
#[path = "serve_support/server.rs"]
mod server;
#[test]
fn serve_rebuilds_an_edition_when_it_or_its_base_changes() {
    let e = Edition::new();
    e.site
        .write("global/static/phone-list.txt", "Hotline: +000 11 111 111\n");
    let server = server::Server::start_in(&e.local(), &[]);
    let events = server.events();
    server::Server::wait_event(&events, "build-ok");
    let page = "/fr/guide/contacts.html";
    assert!(
        server
            .get(page)
            .body
            .contains("<p>La page de contacts globale.</p>")
    );
    // The base changes: the edition's pages follow.
    e.site.write(
        "global/guidance/guide/02-contacts.fr.md",
        "---\ntitle: Contacts\n---\n\nLa page corrigée.\n",
    );
    server::Server::wait_event(&events, "reload");
    assert!(server.get(page).body.contains("<p>La page corrigée.</p>"));
    // So does a file added to the base's `static/`.
    assert_eq!(server.get("/phone-list.txt").status, 200);
    e.site
        .write("global/static/shelters.txt", "Shelters: call first\n");
    server::Server::wait_event(&events, "reload");
    let added = server.get("/shelters.txt");
    assert_eq!(added.status, 200);
    assert_eq!(added.body, "Shelters: call first\n");
    // The edition changes: so do they.
    let values = e.site.read("local/guidance/values.yaml");
    e.site.write(
        "local/guidance/values.yaml",
        values.replace("+000 12 345 678", "+000 99 999 999"),
    );
    server::Server::wait_event(&events, "reload");
    assert!(
        server
            .get("/fr/guide/intro.html")
            .body
            .contains("<bdi dir=\"ltr\">+000 99 999 999</bdi>")
    );
}

#[test]
fn the_example_edition_builds_against_the_repository_sample() {
    // The repository as a reader has it: the sample site at the root, the
    // example in examples/arvenia, built as the README says.
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    for sub in ["guidance", "templates", "examples/arvenia"] {
        common::copy_dir(&root.join(sub), &dir.path().join(sub));
    }
    let _ = std::fs::remove_dir_all(dir.path().join("examples/arvenia/public"));
    let source = dir.path().join("examples/arvenia");
    let o = run_in(&source, &["build"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("; 0 warnings"), "{}", o.stderr);
    assert!(!o.stderr.contains("global version changed"), "{}", o.stderr);
    let out = source.join("public");
    let text = std::fs::read_to_string(out.join("fr/edition.html")).unwrap();
    let p = Page {
        html: Html::parse_document(&text),
        text,
    };
    let count = |css: &str| p.select(css).len();
    assert_eq!(
        (
            count(".edition-replaced li"),
            count(".edition-added li"),
            count(".edition-omitted li")
        ),
        (1, 1, 1)
    );
    assert!(!out.join("ar").exists());
    assert!(common::broken_links(&out).is_empty());
}

/// `omit: true` in a translation's file leaves the page out in every
/// language: said, so that nobody expects only that language to go.
#[test]
fn omit_in_a_translation_says_it_omits_the_page_everywhere() {
    let e = Edition::new();
    e.site.write(
        "local/guidance/guide/04-annex.fr.md",
        "---\nomit: true\n---\n",
    );
    let o = e.build_ok();
    assert!(
        o.stderr.contains("guidance/guide/04-annex.fr.md:1:1: warning: `omit: true` in a `fr` file leaves the page out in every language, not only in `fr`"),
        "{}",
        o.stderr
    );
}
