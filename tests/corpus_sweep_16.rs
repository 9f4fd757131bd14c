//! What the sixteenth outside sweep of real-world corpora found: a Word
//! table as pandoc writes it published mangled without a word, Docusaurus
//! files and layouts whose hints were missing or wrong, and Hugo's `ref`
//! to a page bundle told a file that is not there.

mod common;

use common::{Site, message_at};

/// pandoc writes a Word table without line breaks in its cells as a
/// simple table, the columns' rules one space apart (`------- -------`).
/// CommonMark reads that line as a thematic break: the table was published
/// as a paragraph, a rule, and its rows run together, with no warning
/// (only rules two spaces apart were named).
#[test]
fn a_simple_table_as_pandoc_writes_it_is_named() {
    let s = Site::signs_with(concat!(
        "**Table 1**: Contacts\n\n",
        "  Name    Phone\n",
        "  ------- -------\n",
        "  Ana     123\n",
        "  Bo      456\n\n",
        "Text after.\n\n",
        "--- ---\n\n",
        "A rule written with a space, between blank lines, is a rule.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:16:3");
    assert!(
        line.contains(
            "warning: a pandoc simple table (`------- -------`) is shown as lines and text"
        ),
        "{line}"
    );
    assert!(hint.contains("pipe tables"), "{hint}");
    let tables = o.stderr.matches("warning: a pandoc simple table").count();
    assert_eq!(tables, 1, "{}", o.stderr);
    // What readers get is as before: the warning is what changed.
    let p = s.page("en/handbook/signs.html");
    assert_eq!(p.select(".content hr").len(), 2);
}
