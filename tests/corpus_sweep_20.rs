//! What the twentieth outside sweep of real-world corpora found: a
//! Confluence export's byline and title, pandoc superscripts after a
//! space, Quarto cross-references after an elided article, MediaWiki's
//! numbered lists read as headings, Word's messages for broken
//! cross-references and its empty form fields' text, lists numbered in
//! Arabic digits, and tables of contents copied as text.

mod common;

use common::{Site, message_at};

const AT: &str = "guidance/handbook/02-signs.en.md";

/// pandoc writes a superscript after a space as `^3^` (Word's raised
/// reference numbers, `^TM^`): it was shown as written without a word,
/// where one after a word (`1^er^`) was named. It is now named too; a
/// face (`^_^`), a power (`x^2 + y^2`) and `~…~` after a space (GFM's
/// strikethrough) are not.
#[test]
fn a_superscript_after_a_space_is_named() {
    let s = Site::signs_with(concat!(
        "Smile ^_^ and x^2 + y^2, a ~struck~ word.\n\n",
        "As the report says ^3^, call first.\n",
    ));
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{AT}:15:20"));
    assert!(
        line.contains("warning: pandoc superscript or subscript `^3^` is shown as text:"),
        "{line}"
    );
    assert_eq!(o.stderr.matches("superscript").count(), 1, "{}", o.stderr);
}

/// In French and Italian a cross-reference follows an elided article,
/// `l'@fig-flow`, `dell’@sec-intro`: it was shown as written without a
/// word. It is now named with the link to write; an e-mail address after
/// an apostrophe is not.
#[test]
fn a_cross_reference_after_an_elided_article_is_named() {
    let s = Site::signs_with(concat!(
        "Écrivez à l'adresse d'aide@example.org.\n\n",
        "Voir l'@fig-flow et dell’@sec-intro.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:8"));
    assert!(
        line.contains(
            "warning: a Quarto cross-reference `@fig-flow` is shown as written (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.contains("(#fig-flow)`"), "{hint}");
    assert_eq!(o.stderr.matches("Quarto").count(), 1, "{}", o.stderr);
}

/// An Arabic or Persian list numbered in the page's own digits (`١.`,
/// `۱.`), as typists and Word's typed numbers write it, ran together as
/// one paragraph without a word: Markdown's list numbers are the digits 0
/// to 9. Two such lines in a paragraph are now named, with the marker to
/// write; a year or a measure in those digits is not.
#[test]
fn a_list_numbered_in_arabic_digits_is_named() {
    let s = Site::fixture("basic");
    let at = "guidance/handbook/01-intro.ar.md";
    s.write(
        at,
        concat!(
            "---\ntitle: مقدمة\n---\n\n",
            "١. اتصل بالخط الساخن.\n٢. اطلب المساعدة.\n\n",
            "في عام ٢٠٢٣ وصل\n١٢٫٥ كغ من المواد.\n",
        ),
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{at}:5:1"));
    assert!(
        line.contains(
            "warning: `١.` is not a list marker in Markdown: these lines make one paragraph"
        ),
        "{line}"
    );
    assert!(
        hint.contains("the digits 0 to 9 only: write `1.`"),
        "{hint}"
    );
    assert_eq!(
        o.stderr.matches("not a list marker").count(),
        1,
        "{}",
        o.stderr
    );
}

/// A Confluence export's title heading, `# Handbook : Signs`, names the
/// space before the page's title: it was told "start sections at `##`",
/// which would make the title a section. It is now told it repeats the
/// title. On a page without a title, the title its first heading gives
/// was suggested as `title: Handbook : Signs`, which YAML refuses (`: `
/// starts a key): it is now quoted.
#[test]
fn a_confluence_title_heading_is_told_it_repeats_the_title() {
    let s = Site::signs_with("# Handbook : Signs\n\n# Other : Things\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains("this level-1 heading repeats the page's title"),
        "{line}"
    );
    assert!(hint.contains("`# Space : Title`"), "{hint}");
    let (line, _) = message_at(&o.stderr, &format!("{AT}:15:1"));
    assert!(line.contains("level-1 heading in the text"), "{line}");

    let s = Site::fixture("basic");
    s.write(AT, "# Handbook : Signs\n\nText.\n");
    let o = s.build();
    assert_ne!(o.code, 0);
    let (line, _) = message_at(&o.stderr, &format!("{AT}:1:1"));
    assert!(line.contains("missing `title`"), "{line}");
    assert!(
        o.stderr.contains("      title: \"Handbook : Signs\"\n"),
        "{}",
        o.stderr
    );
}
