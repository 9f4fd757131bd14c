//! What the eighteenth outside sweep of real-world corpora found: bold
//! that Google Docs and Word exports leave with a space inside its marks,
//! metadata written as `Key: value` lines instead of front matter, and
//! hints about MediaWiki pictures and GitBook blocks that named the wrong
//! thing to write.

mod common;

use common::{Site, message_at};

/// A message and every line under it, up to the next message.
fn message_block(stderr: &str, at: &str) -> String {
    let mut lines = stderr.lines();
    let first = lines
        .find(|l| l.starts_with(&format!("{at}: ")))
        .unwrap_or_else(|| panic!("no message at {at}:\n{stderr}"));
    let rest: Vec<&str> = lines
        .take_while(|l| !l.contains(": warning: ") && !l.contains(": error: "))
        .collect();
    format!("{first}\n{}", rest.join("\n"))
}

/// Google Docs' Markdown download, and text converted from Word, keep the
/// space after bold words inside the bold (`**Important: **Call`), and
/// authors type `** Note**`: CommonMark reads neither mark, so readers got
/// the asterisks around plain words, without a word to the author. It is
/// now a warning at the first such pair on the page, with the same words
/// written with the space outside the marks. Marks that are no such pair
/// (a product, `file_name`, code, bold written right) are not named.
#[test]
fn bold_with_a_space_inside_its_marks_is_named() {
    let s = Site::signs_with(concat!(
        "**Important: **Call the hotline first.\n\n",
        "- Do this *soon *, before the visit.\n\n",
        "**Right:** as written. 2 * 3 * 4 = 24. The file_name and other_name stay.\n\n",
        "`**code **` is code, and \\*this\\* is escaped.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains(
            "warning: `**Important: **` is shown with its asterisks, not in bold (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(
        hint.contains("move the space outside the marks: `**Important:** `"),
        "{hint}"
    );
    assert_eq!(o.stderr.matches(": warning: ").count(), 1, "{}", o.stderr);
    // What readers get is as before: the warning is what changed.
    let p = s.page("en/handbook/signs.html");
    assert!(p.text_of(".content").contains("**Important: **Call"));
    assert_eq!(p.texts(".content strong"), ["Right:"]);

    // On a page of its own, italics with the space first are named too.
    let s = Site::signs_with("Keep the ** code word** secret.\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:10");
    assert!(line.contains("`** code word**` is shown"), "{line}");
    assert!(hint.contains("` **code word**`"), "{hint}");
}

/// MultiMarkdown, Pelican and MkDocs read a page's metadata from
/// `Key: value` lines at its top (`Title: …`, `Summary: …`), and Notion
/// exports a page's properties as such lines under its heading. fieldguide
/// reads neither, and the error about the missing title proposed one made
/// from the file's name, though the page's `Title:` line was right there,
/// and said nothing of the lines, which a page given front matter then
/// publishes as a paragraph. The hint now gives the front matter from those
/// lines, and the lines to delete; prose with colons is not taken for them.
#[test]
fn metadata_lines_are_given_as_front_matter() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-pelican.en.md",
        "Title: Safety: a plan\nDate: 2021-03-04 10:20\nTags: safety, planning\nSummary: Before the first call\n\nPlan with the person.\n",
    );
    s.write(
        "guidance/handbook/05-notion.en.md",
        "# Before the call\n\nCreated: March 3, 2024 10:15 AM\nOwner: Case team\nTags: Safety\n\nCheck the line is safe.\n",
    );
    s.write(
        "guidance/handbook/06-steps.en.md",
        "Step 1: Greet the person.\nStep 2: Ask how they are.\n\nThen listen.\n",
    );
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, _) = message_at(&o.stderr, "guidance/handbook/04-pelican.en.md:1:1");
    assert!(
        line.contains("error: missing `title` in front matter"),
        "{line}"
    );
    let pelican = message_block(&o.stderr, "guidance/handbook/04-pelican.en.md:1:1");
    assert!(pelican.contains("as its `Title:` line says"), "{pelican}");
    assert!(
        pelican.contains("title: \"Safety: a plan\"\n      summary: Before the first call\n"),
        "{pelican}"
    );
    assert!(
        pelican.contains("delete the `Key: value` lines 1 to 4, metadata as MultiMarkdown"),
        "{pelican}"
    );
    let notion = message_block(&o.stderr, "guidance/handbook/05-notion.en.md:1:1");
    assert!(notion.contains("title: Before the call\n"), "{notion}");
    assert!(
        notion.contains("delete the `Key: value` lines 3 to 5, Notion's page properties"),
        "{notion}"
    );
    let steps = message_block(&o.stderr, "guidance/handbook/06-steps.en.md:1:1");
    assert!(steps.contains("title: Steps\n"), "{steps}");
    assert!(!steps.contains("Key: value"), "{steps}");
}

/// MediaWiki writes a picture as `[[File:Referral flow.png|thumb|left|The
/// referral flow]]`. The hint gave `![](<File:Referral flow.png>)`, a
/// picture that is not there with no description, and for a link of over
/// 60 characters, made from the message's shortened copy,
/// `![](<[[File:Referral flow.png>)`; it now gives the file without its
/// prefix and the caption as the description.
#[test]
fn a_mediawiki_picture_is_told_its_markdown() {
    let s = Site::signs_with("[[File:Referral flow.png|thumb|left|300px|The referral flow]]\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(line.contains("a wiki link"), "{line}");
    assert!(
        hint.contains("`![The referral flow](<Referral flow.png>)`"),
        "{hint}"
    );
}

/// A GitBook export keeps its blocks, `{% hint style="danger" %}`,
/// `{% embed url="…" %}`, `{% tabs %}`: they were named as Hugo or Jekyll
/// template code, with a generic hint. Each is now named as GitBook's, with
/// what to write: the callout of the hint's style, a link for an embed.
#[test]
fn gitbook_blocks_are_named_with_what_to_write() {
    let s = Site::signs_with(concat!(
        "{% hint style=\"danger\" %}\n",
        "Never share the survivor's name.\n",
        "{% endhint %}\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains(
            "warning: GitBook block `{% hint style=\"danger\" %}` is shown as text (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.contains("`> [!CAUTION]`"), "{hint}");
    // Jekyll's own template code keeps its message.
    let s = Site::signs_with("{% include notice.html %}\n");
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains("template code `{% include notice.html %}`"),
        "{line}"
    );
}

/// Google Docs links to its own headings by ids it makes up
/// (`#heading=h.2et92p0`), which its Markdown download keeps in the links
/// but gives no heading. The missing anchor's hint said to give "the
/// heading" an id, not which link this was; it now says the link is a
/// Google Doc's, and to link to the heading's id made of its words.
#[test]
fn a_google_docs_heading_link_is_told_what_it_is() {
    let s = Site::signs_with("See [the signs](#heading=h.2et92p0) above.\n");
    let config = s.read("site.yaml");
    s.write("site.yaml", format!("{config}broken_links: warning\n"));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:5");
    assert!(
        line.contains("link to a missing anchor `#heading=h.2et92p0` on this page"),
        "{line}"
    );
    assert!(
        hint.contains("a heading or bookmark of a Google Doc"),
        "{hint}"
    );
    assert!(hint.contains("`#safety-plan`"), "{hint}");
}

/// Words in angle brackets that are no HTML element are shown as written
/// (`<ref>`, MediaWiki's footnote, pasted from a wiki's source), but their
/// end tag was removed without a word, so readers got `<ref>Annual
/// report, 2021` with nothing closing it. The end tag of such words is
/// now shown as written too; an end tag of a real element, or of words
/// not shown, is markup as before.
#[test]
fn the_end_of_words_in_angle_brackets_is_shown_too() {
    let s = Site::signs_with(concat!(
        "Most cases start online.<ref>Annual report, 2021</ref>\n\n",
        "A <b>bold</b> word, and a stray </note> end.\n",
    ));
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:25");
    // Named as MediaWiki's footnote since sweep 23 (`corpus_sweep_23`).
    assert!(line.contains("`<ref>` is MediaWiki's footnote"), "{line}");
    let p = s.page("en/handbook/signs.html");
    let text = p.text_of(".content");
    assert!(
        text.contains("online.<ref>Annual report, 2021</ref>"),
        "{text}"
    );
    assert!(text.contains("a stray  end."), "{text}");
    assert_eq!(p.texts(".content b"), ["bold"]);
}

/// Google Docs' "Docs to Markdown" add-on writes its alerts into the page
/// (`>>>>>  gd2md-html alert: inline image link here …`, in a red `<p>`),
/// for the author to act on and delete. Left in, they were published to
/// readers, and the only warning named the `style` attribute they lost.
/// They are now named as the add-on's alerts, counted; a sentence that
/// names the add-on is not.
#[test]
fn a_docs_to_markdown_alert_is_named() {
    let s = Site::signs_with(concat!(
        "The gd2md-html alert lines come from an add-on.\n\n",
        "<!-- >>>>>  gd2md-html alert: in a comment, which no reader sees -->\n\n",
        "<p style=\"color: red; font-weight: bold\">>>>>>  gd2md-html alert:  ERRORs: 0; WARNINGs: 0; ALERTS: 1.</p>\n\n",
        "<p id=\"gdcalert1\" ><span style=\"color: red; font-weight: bold\">>>>>>  gd2md-html alert: inline image link here (to images/image1.png). </span></p>\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:17:42");
    assert!(
        line.contains(
            "warning: an alert of Google Docs' Docs to Markdown add-on, `>>>>>  gd2md-html alert: …`, is published as text (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.contains("then delete the alert"), "{hint}");
    assert_eq!(
        o.stderr.matches("Docs to Markdown").count(),
        1,
        "{}",
        o.stderr
    );
}

/// Found by fuzzing: bold with a space inside its marks longer than the
/// message shows (60 characters, then `…`) made the hint cut the shortened
/// copy inside its `…`, and the build stopped with an internal error
/// (exit 3) naming the page. Now the page builds, with the warning and a
/// hint that shows the fix on short words instead.
#[test]
fn long_bold_with_a_space_inside_its_marks_is_named_without_a_crash() {
    let long = "If consent is not given, you may still consult the focal point without names ";
    let s = Site::signs_with(&format!("**{long}**and go on.\n"));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains("is shown with its asterisks, not in bold"),
        "{line}"
    );
    assert!(line.contains('…'), "{line}");
    assert!(
        hint.contains("`**Important:** `, not `**Important: **`"),
        "{hint}"
    );
    let p = s.page("en/handbook/signs.html");
    assert!(
        p.text_of(".content")
            .contains(&format!("**{long}**and go on."))
    );
}
