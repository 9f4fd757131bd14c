//! What the twenty-third outside sweep of real-world corpora found:
//! pandoc's line blocks (an address, a hotline card, a poem) published as
//! one run-together paragraph with their `|` marks, web addresses wrapped
//! by a click tracker and written as text (in a page or its summary)
//! published with the wrapper and the mailbox it names, and Word's tab after a list's number named as a
//! table pasted with tabs.

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

/// A web address copied as text from an e-mail comes wrapped in Outlook's
/// Safe Links, which names the mailbox it was sent to
/// (`…%7Camina.k%40ngo.example%7C…`), and one copied from a Google
/// document in Google's redirect. As a link's target it was published as
/// the address inside since sweep 22; written as text, readers got the
/// wrapper, the mailbox with it, in the page, its print page and the
/// search index, with a warning suggesting to link it as it was. It is
/// now shown as the address inside (in a paragraph, a heading, a table's
/// cell, a link's words), with a warning at its place; code is left as
/// written, with a warning, and other Google addresses are shown as they
/// are.
#[test]
fn a_wrapped_address_written_as_text_is_shown_as_the_address_inside() {
    let s = Site::signs_with(concat!(
        "Formulaire : https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fforms.example.org%2Freferral&data=05%7C01%7Camina.k%40ngo.example%7Cf3a1&sdata=Qx9%3D&reserved=0.\n\n",
        "| Servicio | Dirección |\n|---|---|\n| Refugio | https://www.google.com/url?q=https://example.org/refugio&sa=D&source=editors&ust=1690000000000000&usg=AOvVaw3x_k |\n\n",
        "## Aide https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Faide&data=05%7C01%7Camina.k%40ngo.example\n\n",
        "Voir [https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fguide&data=05%7C01%7Camina.k%40ngo.example](https://example.org/guide).\n\n",
        "Example: `https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org&data=x`\n\n",
        "ابحث في https://www.google.com/search?q=hotline أو google.com/url?q=x\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:14"));
    assert!(
        line.contains(
            "warning: this web address, written as text, goes through Outlook's Safe Links"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with(
            "write the address itself, as a link: `<https://forms.example.org/referral>`"
        ) && hint.ends_with(
            "it is published as that address, so that the page does not show the wrapper"
        ),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, &format!("{AT}:17:13"));
    assert!(line.contains("goes through Google's redirect"), "{line}");
    for at in ["19:9", "21:7"] {
        message_at(&o.stderr, &format!("{AT}:{at}"));
    }
    // In code, as written, and said so.
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:23:11"));
    assert!(
        line.contains("this web address, in code, goes through Outlook's Safe Links"),
        "{line}"
    );
    assert!(
        hint.starts_with("write the address itself: `https://example.org`"),
        "{hint}"
    );
    // Named once, as wrapped: not also as an address shown as text.
    assert!(
        !o.stderr.contains("web address `https://eur01"),
        "{}",
        o.stderr
    );
    assert!(
        !o.stderr.contains("web address `https://www.google.com/url"),
        "{}",
        o.stderr
    );
    let p = s.page("en/handbook/signs.html");
    let paras = p.texts(".content p");
    assert_eq!(paras[2], "Formulaire : https://forms.example.org/referral.");
    assert_eq!(p.texts(".content td")[1], "https://example.org/refugio");
    assert_eq!(p.texts(".content h2")[2], "Aide https://example.org/aide");
    assert_eq!(p.texts(".content a"), ["https://example.org/guide"]);
    assert!(
        p.texts(".content code")[0].starts_with("https://eur01.safelinks"),
        "code is as written"
    );
    assert_eq!(
        paras[5],
        "ابحث في https://www.google.com/search?q=hotline أو google.com/url?q=x"
    );
    assert!(
        o.stderr
            .contains("web address `https://www.google.com/search?q=hotline` is shown as text"),
        "{}",
        o.stderr
    );
    for (path, bytes) in common::tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("AOvVaw3x") && !text.contains("amina.k"),
            "{path}"
        );
    }
}

/// Word pastes a numbered list with a tab after each number (`1.\tCall
/// the hotline`), which Markdown reads as the list it is. It was named as
/// a table pasted with tabs, its first row `| 1. | Call the hotline |`,
/// shown as one paragraph, which it was not. A list item's tab is no
/// cell; lines with tabs between their words, a number's among them, are
/// named as before.
#[test]
fn a_tab_after_a_lists_number_is_no_table() {
    let s = Site::signs_with(concat!(
        "Étapes :\n\n",
        "1.\tAppeler la ligne d'écoute\n",
        "2.\tNoter la date\n\n",
        "-\tPasaporte\n",
        "- \tDocumento de identidad\n\n",
        "Name\tPhone\n",
        "Hotline\t112\n",
    ));
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{AT}:21:1"));
    assert!(
        line.contains(
            "a table pasted as lines with tabs between their cells (first row `| Name | Phone |`)"
        ),
        "{line}"
    );
    assert_eq!(
        o.stderr.matches("a table pasted").count(),
        1,
        "{}",
        o.stderr
    );
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content li"),
        [
            "Appeler la ligne d'écoute",
            "Noter la date",
            "Pasaporte",
            "Documento de identidad",
        ]
    );
}

/// A `summary` (or `title`) holding an address pasted from an e-mail or
/// a Google document, wrapped by Safe Links or Google's redirect, was
/// published as written, without a word: the staff mailbox was on the
/// page, its publication's home and in search. It is now published as the
/// address inside, with a warning at the value; other addresses in a
/// summary are kept as written.
#[test]
fn a_wrapped_address_in_a_summary_is_published_as_the_address_inside() {
    let s = Site::fixture("basic");
    let page = s.read(AT).replacen(
        "title: Signs\n",
        "title: Signs\nsummary: \"Formulaire : https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fs&data=05%7C01%7Camina.k%40ngo.example, ou https://example.org/google.com/url?q=1.\"\n",
        1,
    );
    s.write(AT, page);
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:3:10"));
    assert!(
        line.contains("warning: a web address in `summary` goes through Outlook's Safe Links"),
        "{line}"
    );
    assert!(
        hint.starts_with("write the address itself, `https://example.org/s`"),
        "{hint}"
    );
    let home = s.page("en/handbook/index.html");
    assert!(
        home.text.contains(
            "Formulaire : https://example.org/s, ou https://example.org/google.com/url?q=1."
        ),
        "{}",
        home.text
    );
    for (path, bytes) in common::tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("amina.k"), "{path}");
    }
}

/// MediaWiki's footnote, `<ref>The note.</ref>`, is shown as written (it
/// is no HTML tag); the warning told the author to write `\<` before it,
/// as for words to replace, which kept the note in the sentence. It now
/// names the footnote to write; words to replace keep their hint.
#[test]
fn a_mediawiki_footnote_is_told_the_footnote_to_write() {
    let s = Site::signs_with(concat!(
        "The shelter<ref>Opened in 2019.</ref> takes families.\n\n",
        "Call <name of focal point> first.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:12"));
    assert!(line.contains("`<ref>` is MediaWiki's footnote"), "{line}");
    assert!(
        hint.starts_with("write a footnote instead: `[^1]`"),
        "{hint}"
    );
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:6"));
    assert!(line.contains("is no HTML tag"), "{line}");
    assert!(hint.contains("write `\\<` before them"), "{hint}");
}
