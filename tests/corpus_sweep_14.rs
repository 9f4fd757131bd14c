//! What the thirteenth outside sweep of real-world corpora found and the
//! last round left: messages that leave the author without the next step.

mod common;

use common::{Site, message_at};

/// One page with a tab after `title:` failed the build with "1 error"
/// and nothing more, though `broken_links: warning` publishes the rest
/// without that page; a broken link's failure named the setting.
#[test]
fn a_page_that_cannot_be_read_names_the_setting_that_publishes_the_rest() {
    let s = Site::fixture("basic");
    let page = "guidance/handbook/02-signs.en.md";
    let text = s.read(page);
    s.write(page, text.replacen("title: ", "title:\t", 1));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let hint = o
        .stderr
        .lines()
        .find(|l| l.contains("broken_links: warning"))
        .unwrap_or_else(|| panic!("no hint about the setting:\n{}", o.stderr));
    assert!(hint.contains("1 page that cannot be read"), "{hint}");
    assert!(hint.contains("left out"), "{hint}");
    // And the setting does what it says.
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    s.build_ok();
    assert!(s.out().join("en/handbook/intro.html").exists());
    assert!(!s.out().join("en/handbook/signs.html").exists());
}

/// A site moved from MkDocs keeps its order in `mkdocs.yml`: its files
/// have no number, and the publication was ordered A to Z ("FAQ" before
/// "Getting started") without a word.
#[test]
fn a_publication_without_any_order_is_told_it_is_ordered_by_name() {
    let s = Site::fixture("basic");
    for (stem, title) in [
        ("getting-started", "Getting started"),
        ("interviewing", "Interviewing"),
        ("faq", "FAQ"),
    ] {
        s.write(
            &format!("guidance/moved/{stem}.en.md"),
            format!("---\ntitle: {title}\n---\n\nText.\n"),
        );
    }
    s.write(
        "guidance/moved/index.en.md",
        "---\ntitle: Moved\nkind: guidelines\n---\n\nIntro.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/moved");
    assert!(
        line.contains("3 pages of this publication have no number"),
        "{line}"
    );
    assert!(
        line.contains("`faq`, `getting-started`, `interviewing`"),
        "{line}"
    );
    assert!(hint.contains("mkdocs.yml"), "{hint}");
    // Numbered publications are not told.
    assert!(
        !o.stderr.contains("guidance/handbook: warning"),
        "{}",
        o.stderr
    );
    // One `order:` is an order: no warning.
    s.write(
        "guidance/moved/faq.en.md",
        "---\ntitle: FAQ\norder: 9\n---\n\nText.\n",
    );
    let o = s.build_ok();
    assert!(!o.stderr.contains("have no number"), "{}", o.stderr);
}

/// A French page linked to an anchor that only the French translation of
/// the target has, and that translation is a draft: the error named the
/// English file with the generic hint, and the author, looking at the
/// French file, saw the id.
#[test]
fn an_anchor_only_in_a_draft_translation_says_the_translation_is_a_draft() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/02-signs.fr.md",
        "---\ntitle: Signes\ndraft: true\n---\n\n## Ajout local {#fr-only}\n\nTexte.\n",
    );
    let intro = s.read("guidance/handbook/01-intro.fr.md");
    s.write(
        "guidance/handbook/01-intro.fr.md",
        format!("{intro}\nVoir [l'ajout](02-signs.md#fr-only).\n"),
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let mut lines = o.stderr.lines();
    lines
        .find(|l| l.contains("01-intro.fr.md:") && l.contains("#fr-only"))
        .unwrap_or_else(|| panic!("no error about the anchor:\n{}", o.stderr));
    let hint = lines
        .find_map(|l| l.trim_start().strip_prefix("= hint: "))
        .unwrap_or_default();
    assert!(
        hint.contains("`guidance/handbook/02-signs.fr.md` is a draft, left out"),
        "{hint}"
    );
}

/// Python-Markdown's and MkDocs's `[TOC]`, GitLab's `[[_TOC_]]`: published
/// as text without a word; Docsify's `_coverpage.md` and `_navbar.md` were
/// read as chapters ("missing `title`").
#[test]
fn other_tools_tables_of_contents_and_furniture_are_left_out() {
    let s = Site::fixture("basic");
    // A page with no other tool's marks: only these lines.
    s.write(
        "guidance/handbook/04-steps.en.md",
        "---\ntitle: Steps\n---\n\n[TOC]\n\n[[_TOC_]]\n\nAfter.\n",
    );
    s.write(
        "guidance/handbook/_coverpage.md",
        "# Handbook\n\n> Field guidance\n",
    );
    s.write("guidance/handbook/_navbar.md", "- [Home](/)\n");
    let o = s.build_ok();
    assert!(
        o.stderr.contains(
            "warning: a table of contents' marker `[TOC]` left out (and 1 more on this page)"
        ),
        "{}",
        o.stderr
    );
    for what in ["Docsify's cover page", "Docsify's navigation bar"] {
        assert!(o.stderr.contains(what), "{what}: {}", o.stderr);
    }
    let text: String = s
        .page("en/handbook/steps.html")
        .one(".content")
        .text()
        .collect();
    assert!(!text.contains("TOC") && text.contains("After."), "{text}");
    assert!(!s.out().join("en/handbook/_coverpage.html").exists());
}
