//! What the twenty-second outside sweep of real-world corpora found: links
//! a Google document or an e-mail wrapped in a click tracker, published
//! through it, a Google document's comments published as text, and
//! AsciiDoc's listing blocks published as two headings.

mod common;
#[path = "common/translate.rs"]
mod helpers;

use common::{Site, message_at};

const AT: &str = "guidance/handbook/02-signs.en.md";

/// Google Docs' web page download wraps every link in Google's redirect
/// (`https://www.google.com/url?q=…&sa=D&usg=…`), and links copied from an
/// e-mail come in Outlook's Safe Links, which name the mailbox they were
/// sent to. The warning gave the address inside, but the page still
/// published the wrapper: every reader's click went through Google or
/// Microsoft, and a staff mailbox was in the page and, after the link, on
/// its print page. The link is now published as the address inside, in a
/// Markdown link, a reference link's definition and raw HTML, and an
/// autolink (`<https://…>`, as pandoc writes a link whose words are its
/// address) shows that address as its words; other
/// Google addresses are published as written.
#[test]
fn a_link_wrapped_by_a_click_tracker_is_published_as_the_address_inside() {
    let s = Site::signs_with(concat!(
        "Lisez [la politique](https://www.google.com/url?q=https%3A%2F%2Fexample.org%2Fpolitique%3Fv%3D2%26l%3Dfr&sa=D&source=editors&ust=1690000000000000&usg=AOvVaw3x) d'abord.\n\n",
        "See [the form][form] and <a href=\"https://www.google.com/url?q=https://example.org/raw&amp;sa=D\">the list</a>.\n\n",
        "[form]: https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fform&data=05%7C01%7Camina.k%40ngo.example%7C&reserved=0\n\n",
        "Search [Google](https://www.google.com/search?q=hotline) or [its map](https://www.google.com/url?q=consent).\n\n",
        "Help: <https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fhelp&data=05%7C01%7Camina.k%40ngo.example>\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:7"));
    assert!(
        line.contains("this link goes through Google's redirect"),
        "{line}"
    );
    assert!(
        hint.starts_with(
            "link to the address itself: `https://example.org/politique?v=2&l=fr`"
        ) && hint.ends_with("it is published as that address, so that no reader's click goes through the wrapper"),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, &format!("{AT}:15:5"));
    assert!(line.contains("Outlook's Safe Links"), "{line}");
    let p = s.page("en/handbook/signs.html");
    let hrefs: Vec<String> = p
        .select(".content a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert_eq!(
        hrefs,
        [
            "https://example.org/politique?v=2&l=fr",
            "https://example.org/form",
            "https://example.org/raw",
            "https://www.google.com/search?q=hotline",
            "https://www.google.com/url?q=consent",
            "https://example.org/help",
        ]
    );
    // An address as its own link's text (pandoc's `<…>`) is shown as the
    // address it now goes to.
    assert!(
        p.texts(".content p")
            .contains(&"Help: https://example.org/help".to_string())
    );
    for (path, bytes) in common::tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("amina.k"), "{path}");
        assert!(!text.contains("usg=AOvVaw3x"), "{path}");
    }
}

/// A local value of kind `url` wrapped by Outlook's Safe Links was
/// published through it on every page showing it, its text naming the
/// mailbox, with a warning at the value; it is now published as the
/// address inside, as a Markdown link's is.
#[test]
fn a_url_value_wrapped_by_a_click_tracker_is_published_as_the_address_inside() {
    let s = Site::signs_with("Formulaire : {{form}}\n");
    s.write(
        "guidance/values.yaml",
        "form: { kind: url, label: Form, value: \"https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fforms.example.org%2Freferral&data=05%7C01%7Camina.k%40ngo.example\" }\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/values.yaml:1:40");
    assert!(line.contains("goes through Outlook's Safe Links"), "{line}");
    assert!(
        hint.ends_with(
            "it is published as that address, so that no reader's click goes through the wrapper"
        ),
        "{hint}"
    );
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.attr("a.value-url", "href"),
        "https://forms.example.org/referral"
    );
    assert_eq!(
        p.text_of("a.value-url"),
        "https://forms.example.org/referral"
    );
    for (path, bytes) in common::tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("amina.k"), "{path}");
    }
}

/// Google Docs' web page download keeps the document's comments: a mark
/// `[a]` where each was made, linking to the comment, and at the end the
/// comment's text after a mark linking back. pandoc writes them as
/// `[\[a\]](#cmnt1){#cmnt_ref1}` (or, for GitHub's Markdown, as raw
/// `<a href="#cmnt1" id="cmnt_ref1">[a]</a>`). Readers got the letters in
/// brackets and, at the end of the page, the reviewers' notes to each
/// other, with a warning about pandoc's attributes at most. Both are now
/// left out of the page, its search index and `translate export`, with a
/// warning that names the mark, not the note; links to other anchors with
/// letters in brackets, in several languages, are kept.
#[test]
fn a_google_documents_comments_are_left_out() {
    let s = Site::signs_with(concat!(
        "Call the hotline first.[\\[a\\]](#cmnt1){#cmnt_ref1} Then write it down.<sup><a href=\"#cmnt2\" id=\"cmnt_ref2\">[b]</a></sup>\n\n",
        "[\\[a\\]](#cmnt_ref1){#cmnt1}Check the number with Amira before we publish.\n",
        "Amira: it changed in May.\n\n",
        "<div>\n<p><a href=\"#cmnt_ref2\" id=\"cmnt2\">[b]</a>Jane: the shelter's street must not go in.</p>\n</div>\n\n",
        "After the comments.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:24"));
    assert!(
        line.contains(
            "warning: a Google Docs comment `[a]` left out (and 1 more on this page): its mark and its text"
        ),
        "{line}"
    );
    assert!(
        hint.contains("resolve or delete the comments in Google Docs"),
        "{hint}"
    );
    assert!(!o.stderr.contains("pandoc attributes"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content p"),
        [
            "Injuries.",
            "Fear.",
            "Call the hotline first. Then write it down.",
            "After the comments.",
        ]
    );
    for (path, bytes) in common::tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Amira") && !text.contains("Jane"), "{path}");
    }
    let out = tempfile::tempdir().unwrap();
    for file in helpers::export(&s, "fr", "po", out.path(), &[]) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("Amira"), "{}: {text}", file.display());
    }

    // A chapter holding the comments' texts only, as a document split
    // into chapters leaves them in its last: named once for each.
    let s = Site::signs_with(concat!(
        "[[c]](#cmnt_ref3)Ask legal first.\n\n",
        "[[d]](#cmnt_ref4)Agreed.\n",
    ));
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains("a Google Docs comment `[c]` left out (and 1 more on this page)"),
        "{line}"
    );

    // Not comments: other links with letters in brackets, an id that is
    // not Google's, code.
    let s = Site::signs_with(concat!(
        "## Kommentare {#cmnt-policy}\n\n",
        "Voir [la note](#cmnt-policy) et [\\[a\\]](#physical-signs).\n\n",
        "Véase [[b]](#psychological-signs) y `[[a]](#cmnt1)`.\n\n",
        "انظر [التعليق](#cmnt-policy)\n",
    ));
    let o = s.build_ok();
    assert!(!o.stderr.contains("Google Docs"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    let text = p.text_of(".content");
    assert!(text.contains("Véase [b] y [[a]](#cmnt1)."), "{text}");
}

/// An AsciiDoc listing block (`[source,bash]` over lines between `----`),
/// left in a page converted from Antora or Asciidoctor, was published as
/// two headings, `[source,bash]` and the block's last line, both in the
/// page's contents, with the lines between as a paragraph; sweep 21 only
/// named it. It is now published as the code block it is, its lines as
/// written, with a warning giving the Markdown to write; a block shown as
/// an example inside a Markdown code block, one never closed and a
/// `[NOTE]` above a rule are left as they were.
#[test]
fn a_listing_block_is_published_as_a_code_block() {
    let s = Site::signs_with(concat!(
        "Vérifiez la ligne :\n\n",
        "[source,bash]\n----\ncurl https://example.org/status\n\necho « fait »\n----\n\n",
        "Après.\n\n",
        "```asciidoc\n[source,bash]\n----\ncall 112\n----\n```\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:1"));
    assert!(
        line.contains(
            "warning: AsciiDoc listing block `[source,bash]` is published as a code block:"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with(
            "replace `[source,bash]` and the `----` line under it with one line, ```bash"
        ),
        "{hint}"
    );
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content pre code"),
        [
            "curl https://example.org/status\n\necho « fait »\n",
            "[source,bash]\n----\ncall 112\n----\n",
        ]
    );
    assert_eq!(
        p.texts(".content h2"),
        ["Physical signs", "Psychological signs"]
    );
    assert_eq!(
        p.texts(".content p"),
        ["Injuries.", "Fear.", "Vérifiez la ligne :", "Après."]
    );

    // Never closed, or not a listing: as before, named as shown.
    let s = Site::signs_with(concat!(
        "[NOTE]\n----\nالنص\n----\n\n",
        "[source,bash]\n----\ncall 112\n",
    ));
    let o = s.build_ok();
    assert!(!o.stderr.contains("listing block"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    assert!(p.texts(".content pre code").is_empty());
}

/// Jekyll's tag followed at once by a character of more than one byte
/// (`{% include note.html %}’s`, a curly apostrophe, as Word types it)
/// stopped the build with a crash while its warning quoted the tag (found
/// by the fuzzer; the quote was cut one byte past the tag). The tag is
/// quoted whole, and the page is published with the words after it.
#[test]
fn a_template_tag_before_a_curly_quote_is_quoted_whole() {
    let s = Site::signs_with("{% include note.html %}’s note follows.\n");
    let o = s.build_ok();
    assert!(
        o.stderr
            .contains("template code `{% include note.html %}` is shown as text"),
        "{}",
        o.stderr
    );
    let page = s.page("en/handbook/signs.html");
    assert!(page.text.contains("’s note follows."), "{}", page.text);
}
