//! What the seventeenth outside sweep of real-world corpora found: Word
//! and web leftovers that unmade headings without a word, pages of other
//! Markdown tools' formats left out without one, and hints that named
//! the wrong fix.

mod common;

use common::{Site, message_at};

/// Files joined one after another (`cat`, a converter's "combine") keep
/// each one's byte-order mark, and text pasted from web pages and Google
/// Docs brings zero-width spaces: before `#` or `-` at a line's start,
/// either makes the line text. `\u{feff}## Drainage` was published as a
/// paragraph reading `## Drainage`, without a word; it is now a warning
/// at the character, naming it by its code point.
#[test]
fn an_invisible_character_before_a_heading_is_named() {
    let s = Site::signs_with(concat!(
        "\u{feff}## Drainage\n\n",
        "Water runs downhill.\n\n",
        "\u{200b}- a pasted item\n\n",
        "A \u{feff}# in the middle of a line is text, as written.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains(
            "warning: an invisible character (U+FEFF) before `##` makes the line text, not a heading (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.contains("byte-order mark"), "{hint}");
    assert_eq!(o.stderr.matches("an invisible character").count(), 1);
    // What readers get is as before: the warning is what changed.
    let p = s.page("en/handbook/signs.html");
    assert!(p.text.contains("## Drainage"));
}
