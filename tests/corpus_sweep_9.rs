//! Pages converted from Word by pandoc, pasted from Word and typed on a
//! Mac keyboard: what was published mangled or wrong without a word, and
//! what the author is told now.

mod common;

use common::{Site, message_at};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";

/// pandoc's `--track-changes=all` writes Word's revisions and comments as
/// spans. Their attributes were left out and their text kept: the words a
/// reviewer deleted and the reviewers' notes to each other were published
/// mid-sentence. Published as accepted now: deletions and comments left
/// out (wrapped over two lines too), insertions kept, one warning.
#[test]
fn tracked_changes_are_published_as_accepted() {
    let s = Site::signs_with(
        "We help [everyone]{.insertion author=\"Amina Yusuf\" date=\"2024-03-01T10:12:00Z\"} who asks[, adults\n\
         only]{.deletion author=\"Ivan Petrov\" date=\"2024-03-02T09:00:00Z\"}.\n\n\
         [Check this with the *legal* adviser.]{.comment-start id=\"0\" author=\"Amina Yusuf\" \
         date=\"2024-03-01T10:15:00Z\"}Referrals go to the clinic.[]{.comment-end id=\"0\"}\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:19"));
    assert!(
        line.ends_with(
            "warning: a tracked change from Word, `{.insertion …}`, is published as accepted (and 2 more on this page): deleted words and comments are left out, inserted words kept, and no reviewer's name is shown"
        ),
        "{line}"
    );
    assert!(hint.contains("--track-changes=accept"), "{hint}");
    assert_eq!(o.stderr.matches("warning:").count(), 1, "{}", o.stderr);
    let text = s.page("en/handbook/signs.html").text_of("div.content");
    assert!(text.contains("We help everyone who asks."), "{text}");
    assert!(text.contains("Referrals go to the clinic."), "{text}");
    for gone in ["adults", "legal", "adviser", "Amina", "{", "["] {
        assert!(!text.contains(gone), "{gone}: {text}");
    }
}

/// pandoc wraps its lines at 72 columns, so a span's `[` is often on the
/// line before its `]{…}`: such a span was published as written, brackets
/// and `{.underline}` shown to readers, without a word. Its brackets and
/// attributes are left out now, as on one line.
#[test]
fn a_span_wrapped_over_two_lines_loses_its_attributes() {
    let s = Site::signs_with(
        "Tell survivors about [all the services in the\ndistrict]{.underline} before a referral.\n",
    );
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{SIGNS}:14:10"));
    assert!(
        line.contains("warning: pandoc attributes `{.underline}` left out"),
        "{line}"
    );
    let text = s.page("en/handbook/signs.html").text_of("div.content");
    assert!(
        text.contains("about all the services in the\ndistrict before a referral."),
        "{text}"
    );
}

/// A table pasted from Word or a spreadsheet as lines with tabs between
/// their cells: one paragraph, browsers showing each tab as a space, so
/// `Name Phone Hours Clinic 0800 111 8-17 …` ran on as one line of words,
/// without a word. Named at its first line, with the row to write; a tab
/// in one line alone (`Hotline:` then a tab) is not a table.
#[test]
fn a_table_pasted_as_tabs_is_named_with_the_row_to_write() {
    let s = Site::signs_with(
        "Call:\t112\n\nName\tPhone\t\tHours\nClinic\t0800 111\t\t8-17\nPolice\t112\t\t24h\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:15:1"));
    assert!(
        line.ends_with(
            "warning: a table pasted as lines with tabs between their cells (first row `| Name | Phone | Hours |`) is shown as one paragraph: browsers show a tab as a space, so its rows and columns run together"
        ),
        "{line}"
    );
    assert!(hint.starts_with("write it as a pipe table"), "{hint}");
    assert_eq!(o.stderr.matches("warning:").count(), 1, "{}", o.stderr);
}

/// `##` or `-` followed by a non-breaking space (Word's, or a Mac
/// keyboard's with Option still held): shown to readers as `## Referral`
/// and `- Ask first`, not as a heading and a list, without a word. Named
/// at the first, saying what it is and what to retype; a non-breaking
/// space inside text (French `Prix : 10`) is not.
#[test]
fn a_non_breaking_space_after_a_heading_marker_is_named() {
    let s = Site::signs_with(
        "##\u{a0}Referral\n\n-\u{a0}Ask first\n-\u{a0}Then refer\n\nPrix\u{a0}: 10.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert!(
        line.ends_with(
            "warning: `##` beside a non-breaking space is shown as text, not as a heading (and 2 more on this page): Markdown reads only a plain space there"
        ),
        "{line}"
    );
    assert!(hint.contains("(U+00A0)"), "{hint}");
    assert_eq!(o.stderr.matches("warning:").count(), 1, "{}", o.stderr);
}

/// Google Docs' Markdown download embeds every picture in the page, as
/// `![][image1]` with `[image1]: <data:image/png;base64,…>` at its end.
/// Each is removed (readers see its description), and the hint said to
/// put "the image file" under guidance/, which the author does not have:
/// it says what the picture is and where Google Docs gives it as a file.
#[test]
fn a_picture_embedded_by_google_docs_is_told_where_its_file_is() {
    let s = Site::signs_with(
        "![][image1]\n\n[image1]: <data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAACAAFUok9dAAAAAElFTkSuQmCC>\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert!(
        line.ends_with(
            "warning: picture embedded in the page (`data:`) removed: readers see its description in a box instead"
        ),
        "{line}"
    );
    assert!(
        hint.contains("Google Docs' Markdown download embeds every picture this way")
            && hint.contains("File > Download > Web page (.html, zipped)"),
        "{hint}"
    );
}

/// A corpus whose pages each hold a few web addresses written as text:
/// one warning per page, counting the page's others. Pages with different
/// counts were different kinds of message, so the flood was never cut at
/// its first 50 places (each count had 50 of its own). Now one kind: 50
/// places, then one line counting the rest, without a page's count.
#[test]
fn warnings_counted_per_page_are_one_flood_whatever_their_counts() {
    let s = Site::fixture("basic");
    for i in 0..64 {
        let addresses = format!("https://example.org/p{i} ").repeat(i % 4 + 1);
        s.write(
            &format!("guidance/handbook/{:02}-p{i}.en.md", i + 10),
            format!("---\ntitle: Page {i}\n---\n\nSee {addresses}\n"),
        );
    }
    let o = s.build_ok();
    let shown = o
        .stderr
        .lines()
        .filter(|l| l.starts_with("guidance/") && l.contains(": warning: web address"))
        .count();
    assert_eq!(shown, 50, "{}", o.stderr);
    assert!(
        o.stderr.lines().any(|l| l
            == "warning: web address `…` is shown as text, not as a link: fieldguide links only addresses written as links: 14 more places (`fieldguide check --format json` lists every place)"),
        "{}",
        o.stderr
    );
}
