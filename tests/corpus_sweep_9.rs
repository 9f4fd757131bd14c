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
