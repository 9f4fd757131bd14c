//! A `#` at the start of a line of text, as other tools leave it: a
//! heading without its space (`#Before you start`, read as a heading by
//! Markdown.pl, Bear and some wiki exports) and Obsidian's tags on a line
//! of their own (`#consent #referral`). CommonMark shows both as text, and
//! both were published without a word.

mod common;

use common::{Site, message_at};

/// Each kind is named once, at its first place, with what to write; the
/// page reads as before (the lines stay text). A hashtag inside a
/// sentence, a number (`#1`), a real heading and the text of a setext
/// heading (`#Setext heading` over `---`, a heading already) are not named.
#[test]
fn tags_and_headings_without_a_space_are_named() {
    let s = Site::signs_with(concat!(
        "#Before you start\n\n",
        "Check the list.\n\n",
        "##Who to call\n\n",
        "#consent #referral #safety/planning\n\n",
        "Use the hashtag #EndTrafficking in posts.\n\n",
        "#1 rule: ask first.\n\n",
        "## A real heading\n\n",
        "```\n#not-a-tag\n```\n\n",
        "#Setext heading\n--------------\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains(
            "warning: `#Before you start` is shown as text, not as a heading (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.starts_with("put a space after the `#`"), "{hint}");
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:19:1");
    assert!(
        line.contains(
            "warning: Obsidian tags `#consent #referral #safety/planning` are shown as text"
        ),
        "{line}"
    );
    assert!(hint.starts_with("delete the line"), "{hint}");
    assert_eq!(o.stderr.matches(": warning: ").count(), 2, "{}", o.stderr);
    // What readers get is as before: the warnings are what changed.
    let p = s.page("en/handbook/signs.html");
    let texts = p.texts(".content p");
    assert!(texts.iter().any(|t| t == "#Before you start"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t == "#consent #referral #safety/planning"),
        "{texts:?}"
    );
}

/// A heading typed with a Chinese or Japanese input method in full-width
/// mode starts with `＃` (U+FF03), which Markdown does not read as `#`:
/// the heading was published as a paragraph without a word.
#[test]
fn a_heading_with_a_full_width_number_sign_is_named() {
    let s = Site::signs_with("＃＃ 安全計画\n\n先に電話してください。\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains("warning: `＃＃ 安全計画` is shown as text, not as a heading: `＃` is a full-width number sign"),
        "{line}"
    );
    assert!(hint.contains("half-width"), "{hint}");
    let p = s.page("en/handbook/signs.html");
    assert!(
        p.texts(".content h2")
            .iter()
            .all(|h| !h.contains("安全計画"))
    );
    assert!(p.texts(".content p").iter().any(|t| t == "＃＃ 安全計画"));
}
