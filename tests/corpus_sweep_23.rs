//! What the twenty-third outside sweep of real-world corpora found:
//! pandoc's line blocks (an address, a hotline card, a poem) published as
//! one run-together paragraph with their `|` marks.

mod common;

use common::{Site, message_at};

const AT: &str = "guidance/handbook/02-signs.en.md";

/// The inner HTML of each paragraph of the page's content.
fn paragraphs(p: &common::Page) -> Vec<String> {
    p.select(".content p")
        .iter()
        .map(|e| e.inner_html())
        .collect()
}

/// pandoc writes a Word document's address, hotline card or poem as a
/// line block, each line after `| `. CommonMark has none: readers got one
/// paragraph, the lines run together with their `|` marks (`| Office |
/// 12 Harbour Road | Mombasa`), and sweep 21 only named it. Each block is
/// now published as its lines, each on a line of its own (a line that
/// goes on below it, indented, stays with it; a lone `|`, pandoc's empty
/// line, ends a stanza), with a warning giving the Markdown to write.
#[test]
fn a_line_block_is_published_as_its_lines() {
    let s = Site::signs_with(concat!(
        "Écrivez-nous :\n\n",
        "| Bureau de protection\n| 12, rue du Port\n| Mombasa\n\n",
        "| Ligne d'écoute : 0800 123 456\n",
        "  (gratuit, jour et nuit)\n",
        "| Urgence : 112\n",
        "|\n",
        "| مكتب الحماية\n| شارع الميناء\n\n",
        "Fin.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:1"));
    assert!(
        line.contains(
            "warning: a pandoc line block `| Bureau de protection` is published as its lines, each on a line of its own, without the `|` marks (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(
        hint.contains("each but the last ending with a backslash"),
        "{hint}"
    );
    assert!(!o.stderr.contains("run together"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    let paras = paragraphs(&p);
    assert_eq!(
        paras[2..],
        [
            "Écrivez-nous :",
            "Bureau de protection<br>\n12, rue du Port<br>\nMombasa",
            "Ligne d'écoute : <span class=\"nowrap\">0800 123 456</span>\n(gratuit, jour et nuit)<br>\nUrgence : 112",
            "مكتب الحماية<br>\nشارع الميناء",
            "Fin.",
        ]
    );
    assert!(!p.text_of(".content").contains('|'));
}

/// What is not a line block keeps its `|` and is not named: a table of
/// one column (its `| ---` rule makes it one), a pipe table, lines in a
/// code block, a `|` line alone, and prose with a `|` in it, in several
/// languages.
#[test]
fn what_is_not_a_line_block_is_left_as_it_was() {
    let s = Site::signs_with(concat!(
        "| Nom\n| ---\n| Amina\n\n",
        "| Name | Phone |\n|---|---|\n| Hotline | 112 |\n\n",
        "```\n| uno\n| dos\n```\n\n",
        "| solo una línea\n\n",
        "Oui | Non\nنعم | لا\n",
    ));
    let o = s.build_ok();
    assert!(!o.stderr.contains("line block"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    assert_eq!(p.texts(".content th"), ["Nom", "Name", "Phone"]);
    assert_eq!(p.texts(".content pre code"), ["| uno\n| dos\n"]);
    assert_eq!(
        p.texts(".content p")[2..],
        ["| solo una línea", "Oui | Non\nنعم | لا"]
    );
}
