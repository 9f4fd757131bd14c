//! What the twenty-first outside sweep of real-world corpora found:
//! Confluence's and Jira's wiki markup, AsciiDoc's, printed pages'
//! numbers and pandoc's line blocks, each left in migrated pages and shown
//! to readers as written without a word to the author.

mod common;

use common::{Site, message_at};

const AT: &str = "guidance/handbook/02-signs.en.md";

/// Confluence's wiki markup (a page's source copied, a Jira issue
/// pasted): `h2. Heading`, `{info}` around text, a `||Step||Who||` row
/// and `[label|https://…]` links. Readers got the marks; the link was
/// named as a web address `https://…]` with a hint that kept the `]`. Each
/// is now named once per page with the Markdown to write, and the link
/// with `[label](https://…)`; prose with `h2o`, `{hotline}`, a pipe table
/// and `[low|high]`, in several languages, is not named.
#[test]
fn confluence_wiki_markup_is_named_with_the_markdown_to_write() {
    let s = Site::signs_with(concat!(
        "h2. Before the interview\n\n",
        "{info}\nAlways ask for consent first.\n{info}\n\n",
        "||Step||Who||\n\n",
        "See [the referral form|https://example.org/form] first.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains(
            "warning: Confluence wiki markup `h2. Before the interview` is shown as written (and 4 more on this page)"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("write `## Before the interview` instead"),
        "{hint}"
    );
    assert!(!o.stderr.contains("web address"), "{}", o.stderr);
    // Nothing is lost: the text stays as written.
    let p = s.page("en/handbook/signs.html");
    assert!(
        p.texts(".content p")
            .contains(&"See [the referral form|https://example.org/form] first.".to_string())
    );

    // The link alone: told the Markdown link, without the `]`.
    let s = Site::signs_with("Voir [le formulaire|https://example.org/form].\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:6"));
    assert!(
        line.contains("Confluence wiki markup `[le formulaire|https://example.org/form]`"),
        "{line}"
    );
    assert!(
        hint.starts_with("write `[le formulaire](https://example.org/form)` instead"),
        "{hint}"
    );
    assert!(!o.stderr.contains("form]>"), "{}", o.stderr);

    let s = Site::signs_with(concat!(
        "h2o is water; use h2. headings nowhere.\n\n",
        "Call {hotline} or {informed consent} first.\n\n",
        "| Name | Phone |\n|---|---|\n| Office | 112 |\n\n",
        "Los precios [bajo|alto] varían.\n\n",
        "Téléphone | https://example.org | ouvert\n\n",
        "الخط الساخن | https://example.org\n",
    ));
    let o = s.build_ok();
    assert!(!o.stderr.contains("Confluence wiki"), "{}", o.stderr);
}

/// AsciiDoc's markup, as a page converted from Antora or Asciidoctor
/// keeps it: a `[source,bash]` line above a `----` block made a heading
/// of it and of the block's last line, both in the page's contents;
/// `link:url[label]` and `xref:page.adoc[label]` were shown as written.
/// Each is now named with the Markdown to write; prose with `[Note]`,
/// `The link: …` or `= 42` is not.
#[test]
fn asciidoc_markup_is_named_with_the_markdown_to_write() {
    let s = Site::signs_with(concat!(
        "[source,bash]\n----\ncall 112\n----\n\n",
        "See link:https://example.org/a[the form] and xref:consent.adoc[Consent].\n",
    ));
    let o = s.build_ok();
    // Since corpus_sweep_22 the block is published as a code block
    // (`a_listing_block_is_published_as_a_code_block`).
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains(
            "warning: AsciiDoc listing block `[source,bash]` is published as a code block"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with(
            "replace `[source,bash]` and the `----` line under it with one line, ```bash, and the closing `----` with ```"
        ),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, &format!("{AT}:18:5"));
    assert!(
        line.contains(
            "warning: AsciiDoc markup `link:https://example.org/a[the form]` is shown as written (and 1 more on this page)"
        ),
        "{line}"
    );

    let s = Site::signs_with("Voir xref:consent.adoc#scope[le consentement].\n");
    let o = s.build_ok();
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:13:6"));
    assert!(
        hint.starts_with("write `[le consentement](consent.md#scope)` instead"),
        "{hint}"
    );

    let s = Site::signs_with(concat!(
        "[Note] read this first.\n\n",
        "The link: https://example.org is the form.\n\n",
        "Enlace: [aquí](https://example.org).\n\n",
        "Total\n= 42 in all\n\n",
        "`link:https://example.org[a]` is AsciiDoc.\n",
    ));
    let o = s.build_ok();
    assert!(!o.stderr.contains("AsciiDoc"), "{}", o.stderr);
}

/// A printed page's number, copied from a PDF's or Word document's footer
/// (`Page 3 of 12`, `Seite 3 von 12`, `- 3 -`, which Markdown made a list
/// item `3 -`), was published in the middle of the text. It is named, in
/// the document's language; prose about pages is not.
#[test]
fn a_printed_pages_number_is_named() {
    let s = Site::signs_with(concat!(
        "Text.\n\nPage 3 of 12\n\nMore.\n\n- 4 -\n\n",
        "See page 3 of 12 for the form.\n\nPage 3 of the report lists them.\n\n",
        "Seite 5 von 12\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:1"));
    assert!(
        line.contains(
            "warning: a printed page's number `Page 3 of 12` is shown as text (and 2 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.starts_with("delete the line"), "{hint}");

    let s = Site::signs_with("Página tres de doce.\n\nالصفحة الأولى من الدليل\n\n- 3 - 5 years\n");
    let o = s.build_ok();
    assert!(!o.stderr.contains("printed page"), "{}", o.stderr);
}

/// pandoc writes an address's or a poem's lines as a line block, each
/// line after `| `: readers got the lines run together with their `|`
/// marks. It is named once, with the backslash to end each line with; a
/// pipe table is not named. (Since sweep 23 it is also published as its
/// lines: `corpus_sweep_23`.)
#[test]
fn a_pandoc_line_block_is_named() {
    let s = Site::signs_with(concat!(
        "| Protection Office\n| 12 Main Street\n| Springfield\n\n",
        "| Name | Phone |\n|---|---|\n| Office | 112 |\n\n",
        "| Bureau de protection\n| 12 rue Principale\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains(
            "warning: a pandoc line block `| Protection Office` is published as its lines, each on a line of its own, without the `|` marks (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.contains("ending with a backslash"), "{hint}");
    assert_eq!(
        o.stderr.matches("a pandoc line block").count(),
        1,
        "{}",
        o.stderr
    );
}

/// DokuWiki's headings run the other way from MediaWiki's: six `=` are
/// its top level. On a page of DokuWiki's markup (`//italics//`,
/// `[[ns:page|label]]`), `===== Before the interview =====` was named as
/// MediaWiki's with a hint to write `##### …`, and its link with the
/// namespace as the link's words; it is now told `## …` and `[the
/// pathway](referral.md)`. A MediaWiki page (`[[File:…]]`) keeps
/// MediaWiki's levels.
#[test]
fn a_dokuwiki_heading_is_told_its_own_level() {
    let s = Site::signs_with(concat!(
        "===== Before the interview =====\n\n",
        "Ask //first// and see [[guide:referral|the pathway]].\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains("DokuWiki markup `===== Before the interview =====` is shown as written"),
        "{line}"
    );
    assert!(
        hint.starts_with("write `## Before the interview` instead"),
        "{hint}"
    );
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:15:23"));
    assert!(hint.contains("`[the pathway](referral.md)`"), "{hint}");

    let s = Site::signs_with(concat!(
        "===== Avant l'entretien =====\n\n",
        "[[File:flow.png|thumb|Le parcours]] et https://example.org//a//b.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(line.contains("MediaWiki markup"), "{line}");
    assert!(
        hint.starts_with("write `##### Avant l'entretien` instead"),
        "{hint}"
    );
}
