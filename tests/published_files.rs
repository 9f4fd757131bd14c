//! Only what pages use is published from `guidance/`; `static/` is
//! published whole; names are compared in NFC.

mod common;
use common::{Site, tree};

#[test]
fn files_no_page_uses_stay_private_and_are_named() {
    let site = Site::fixture("basic");
    site.write("guidance/handbook/case-notes CONFIDENTIAL.docx", "private");
    site.write("guidance/handbook/images/unused.png", "\u{89}PNG");
    site.write("guidance/handbook/~$questions.docx", "lock");
    site.write("guidance/handbook/draft.bak", "old");
    let o = site.build_ok();
    let published: Vec<String> = tree(&site.out()).into_keys().collect();
    for name in ["CONFIDENTIAL", "unused.png", "~$questions", "draft.bak"] {
        assert!(
            !published.iter().any(|p| p.contains(name)),
            "{name} was published"
        );
    }
    // The linked image still is, in every language.
    for lang in ["en", "fr", "ar"] {
        assert!(
            site.out()
                .join(format!("{lang}/handbook/images/flow.png"))
                .is_file()
        );
    }
    // The summary names what was left out (leftovers are not worth a word).
    assert!(
        o.stderr.contains(
            "2 files in guidance/ are not linked from any page and were not published: guidance/handbook/case-notes CONFIDENTIAL.docx, guidance/handbook/images/unused.png"
        ),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("~$questions"), "{}", o.stderr);
    // The output's manifest, published with the site, keeps that summary
    // for a build that writes nothing, enciphered: it names none of them,
    // and the next build says it again.
    let manifest = site.read("public/.fieldguide-output");
    for name in ["CONFIDENTIAL", "unused.png", "not linked"] {
        assert!(!manifest.contains(name), "{name} in {manifest}");
    }
    let again = site.build_ok();
    assert!(again.stderr.contains("0 written"), "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("not published: guidance/handbook/case-notes CONFIDENTIAL.docx"),
        "{}",
        again.stderr
    );
    // `check` lists them with their paths, and in JSON.
    let c = site.run(&["check"]);
    assert!(
        c.stderr
            .contains("not published: 2 files under guidance/ no page links to or shows:"),
        "{}",
        c.stderr
    );
    assert!(
        c.stderr
            .contains("\n  guidance/handbook/images/unused.png\n"),
        "{}",
        c.stderr
    );
    let j = site.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&j.stdout).unwrap();
    assert_eq!(
        v["not_published"],
        serde_json::json!([
            "guidance/handbook/case-notes CONFIDENTIAL.docx",
            "guidance/handbook/images/unused.png"
        ])
    );
    // Linked, it is published (a document type on the allowlist; a real
    // Word document, since one is opened to be checked).
    let docx = common::office::plain_docx();
    site.write("guidance/handbook/case-notes CONFIDENTIAL.docx", &docx);
    site.write(
        "guidance/handbook/04-notes.en.md",
        "---\ntitle: Notes\n---\n[notes](<case-notes CONFIDENTIAL.docx>)\n",
    );
    site.build_ok();
    assert_eq!(
        std::fs::read(site.out().join("en/handbook/case-notes CONFIDENTIAL.docx")).unwrap(),
        docx
    );
}

#[test]
fn static_files_are_published_at_the_root() {
    let site = Site::fixture("basic");
    site.write("static/logo.png", "\u{89}PNG");
    site.write("static/downloads/form.pdf", "%PDF-1.4");
    site.write("static/.DS_Store", "x");
    site.write("static/evil.html", "<script>alert(1)</script>");
    let o = site.build();
    // The same type rules as under guidance/.
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains(
            "static/evil.html: error: not published: a .html file runs in the reader's browser"
        ),
        "{}",
        o.stderr
    );
    site.remove("static/evil.html");
    site.build_ok();
    assert_eq!(site.read("public/logo.png"), "\u{89}PNG");
    assert_eq!(site.read("public/downloads/form.pdf"), "%PDF-1.4");
    assert!(!site.out().join(".DS_Store").exists());
}

#[test]
fn decomposed_and_composed_names_are_the_same_file() {
    let site = Site::fixture("basic");
    // Saved by macOS: "e" followed by a combining acute accent.
    site.write(
        "guidance/handbook/images/pre\u{301}fecture.png",
        "\u{89}PNG",
    );
    site.write(
        "guidance/handbook/04-prefecture.en.md",
        "---\ntitle: Préfecture\n---\n![map](images/pr\u{e9}fecture.png)\n",
    );
    site.build_ok();
    let page = site.page("en/handbook/prefecture.html");
    let src = page.attr(".content img", "src");
    assert_eq!(common::decode(&src), "images/pr\u{e9}fecture.png");
    assert!(
        site.out()
            .join("en/handbook/images/pr\u{e9}fecture.png")
            .is_file()
    );
    // The same name saved composed as well: two files, one name on every
    // other disk: an error naming both, not one dropped in silence.
    site.write("guidance/handbook/images/pr\u{e9}fecture.png", "\u{89}PNG2");
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(
        o.stderr
            .matches("has the same name as `guidance/handbook/images/pr")
            .count(),
        1,
        "{}",
        o.stderr
    );
}

/// Notes to a repository's contributors (`README.md`, `CHANGELOG.md`, …)
/// are never pages nor published files, in `guidance/` and in `static/`.
#[test]
fn notes_to_contributors_are_not_pages() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/README.md",
        "How to edit this guidance: see the wiki.\n",
    );
    site.write("guidance/handbook/CONTRIBUTING.md", "# Contributing\n");
    site.write(
        "guidance/handbook/changelog.fr.md",
        "- 2026: première version\n",
    );
    // mdBook's table of contents and a licence, as a migrated book has them.
    site.write(
        "guidance/handbook/SUMMARY.md",
        "# Summary\n\n- [Signs](02-signs.md)\n",
    );
    site.write("guidance/LICENSE.md", "CC BY 4.0\n");
    // In `static/` too: there a `.md` file was an error for its type.
    site.write("static/README.md", "Files for every page.\n");
    site.write("static/docs/CHANGELOG.md", "- logo\n");
    let o = site.build_ok();
    assert!(!o.stderr.contains("static/"), "{}", o.stderr);
    assert!(!o.stderr.contains("README"), "{}", o.stderr);
    // A book's table of contents is said not to order the pages
    // (tests/corpus_sweep_5.rs), and nothing more.
    let summary: Vec<&str> = o.stderr.lines().filter(|l| l.contains("SUMMARY")).collect();
    assert_eq!(summary.len(), 1, "{}", o.stderr);
    assert!(
        summary[0].starts_with("guidance/handbook/SUMMARY.md: warning: a table of contents"),
        "{}",
        o.stderr
    );
    let published: Vec<String> = tree(&site.out()).into_keys().collect();
    for name in [
        "README",
        "CONTRIBUTING",
        "changelog",
        "SUMMARY",
        "summary",
        "LICENSE",
        "license",
    ] {
        assert!(
            !published.iter().any(|p| p.contains(name)),
            "{name} was published: {published:?}"
        );
    }
}

/// A link to a file of a type that is never published is an error at the
/// link (the page and line the author must change), not at the file.
#[test]
fn a_link_to_a_refused_type_is_an_error_at_the_link() {
    let site = Site::fixture("basic");
    site.write("guidance/handbook/form.doc", "\u{d0}\u{cf}binary");
    site.write("guidance/handbook/notes.html", "<script>x</script>");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nFill in [the form](form.doc).\n\nSee ![notes](notes.html).\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let errors: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(errors.len(), 2, "{}", o.stderr);
    assert!(
        errors[0].starts_with(
            "guidance/handbook/02-signs.en.md:7:9: error: `form.doc` cannot be published: a .doc file can carry macros"
        ),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with(
            "guidance/handbook/02-signs.en.md:9:5: error: `notes.html` cannot be published"
        ),
        "{errors:#?}"
    );
    assert!(!site.out().exists());
}

/// A file of `static/` and a linked file of `guidance/` published at one
/// path: the same clear message with the zip on (the default) as off,
/// said at the files to rename, not at the path they would be written to.
#[test]
fn two_files_for_one_path_are_named_with_or_without_the_zip() {
    let site = Site::fixture("basic");
    site.write("static/en/handbook/form.pdf", "%PDF-1.4\n%%EOF\n");
    site.write("guidance/handbook/form.pdf", "%PDF-1.4\n%%EOF\n");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n## Physical signs {#physical-signs}\n[The form](form.pdf)\n",
    );
    for zip in [true, false] {
        let yaml = site.read("site.yaml").replace("download: false\n", "");
        let yaml = if zip {
            yaml
        } else {
            format!("{yaml}download: false\n")
        };
        site.write("site.yaml", yaml);
        let o = site.run(&["build"]);
        assert_eq!(o.code, 1, "{}", o.stderr);
        assert!(
            o.stderr.contains(
                "static/en/handbook/form.pdf: error: `static/en/handbook/form.pdf` and `guidance/handbook/form.pdf` would both be published as `en/handbook/form.pdf`"
            ),
            "zip {zip}: {}",
            o.stderr
        );
        assert!(
            o.stderr.contains("hint: rename or remove one of them"),
            "{}",
            o.stderr
        );
        assert_eq!(
            o.stderr.matches("would both be published").count(),
            1,
            "{}",
            o.stderr
        );
        assert!(!o.stderr.contains("cannot zip"), "{}", o.stderr);
        assert!(!site.out().exists());
    }
}

/// A site's own theme files (`templates/static/`) pass the checks of
/// `static/`: leftovers skipped, SVG sanitised, a type that runs named
/// as an error; stylesheets and scripts are the theme's code.
#[test]
fn the_themes_own_static_files_are_vetted_like_static() {
    let site = Site::fixture("basic");
    site.write("templates/static/notes.bak", "secret");
    site.write("templates/static/~$draft.docx", "lock");
    site.write("templates/static/Thumbs.db", "x");
    site.write("templates/static/custom.css", "body{color:#111}");
    site.write("templates/static/extra.js", "void 0;");
    site.write(
        "templates/static/logo.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>"#,
    );
    site.write("templates/static/x.html", "<script>alert(3)</script>");
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("templates/static/x.html: error: not published: a .html file runs"),
        "{}",
        o.stderr
    );
    std::fs::remove_file(site.path().join("templates/static/x.html")).unwrap();
    let o = site.build_ok();
    assert!(
        o.stderr.contains("templates/static/logo.svg"),
        "{}",
        o.stderr
    );
    let assets: Vec<String> = tree(&site.out().join("assets")).into_keys().collect();
    for name in ["custom.css", "extra.js", "logo.svg"] {
        assert!(assets.iter().any(|a| a == name), "{name}: {assets:?}");
    }
    for name in ["notes.bak", "~$draft.docx", "Thumbs.db", "x.html"] {
        assert!(!assets.iter().any(|a| a == name), "{name}: {assets:?}");
    }
    let svg = std::fs::read_to_string(site.out().join("assets/logo.svg")).unwrap();
    assert!(!svg.contains("script") && !svg.contains("onload"), "{svg}");
    assert!(svg.contains("<rect"), "{svg}");
}

/// A footnote no reader sees (its reference deleted, or a second one with
/// the same label) is left out whole: the file it links to is not
/// published, its words are not searchable, and a warning says so.
#[test]
fn a_footnote_no_reader_sees_publishes_nothing() {
    let site = Site::fixture("basic");
    let page = "guidance/handbook/02-signs.en.md";
    site.write(
        page,
        format!(
            "{}\nKept.[^kept]\n\n[^kept]: Shown note.\n[^kept]: Survivor named Zainabu, see [the form](consent-form.pdf).\n[^old]: Survivor named Amina, see [notes](case-notes.pdf).\n",
            site.read(page)
        ),
    );
    site.write("guidance/handbook/case-notes.pdf", "%PDF-1.4 private\n");
    site.write("guidance/handbook/consent-form.pdf", "%PDF-1.4 private\n");
    let o = site.build_ok();
    for (label, what) in [("old", "is not referred to"), ("kept", "a second footnote")] {
        assert!(
            o.stderr.lines().any(|l| l.starts_with(page)
                && l.contains(&format!("`[^{label}]`"))
                && l.contains(what)),
            "{label}\n{}",
            o.stderr
        );
    }
    let published: Vec<String> = tree(&site.out()).into_keys().collect();
    assert!(
        !published
            .iter()
            .any(|p| p.contains("case-notes") || p.contains("consent-form")),
        "{published:?}"
    );
    for (path, bytes) in tree(&site.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Amina") && !text.contains("Zainabu"),
            "{path}"
        );
    }
    let signs = site.page("en/handbook/signs.html");
    assert!(signs.text_of(".footnotes").contains("Shown note."));
}

/// A file of `static/` at a path the build writes itself (a page, with
/// `allow_raw_html: true`) is named as the file to rename.
#[test]
fn a_static_file_at_a_page_s_path_is_named() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}allow_raw_html: true\n"));
    site.write("static/en/handbook/signs.html", "<p>old page</p>\n");
    let o = site.run(&["build"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "static/en/handbook/signs.html: error: `static/en/handbook/signs.html` would be published as `en/handbook/signs.html`, which the build writes itself"
        ),
        "{}",
        o.stderr
    );
    assert!(!site.out().exists());
}
