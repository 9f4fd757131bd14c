//! What the nineteenth outside sweep of real-world corpora found: end tags
//! that close nothing, MediaWiki's and Quarto's markup, Jekyll's and Hugo's
//! comments published to readers, a Docusaurus title run into its text,
//! lettered lists run together, links typed with a space before their
//! target or with full-width brackets, LaTeX commands, and an alert named
//! inside code.

mod common;

use common::{Site, message_at};

const AT: &str = "guidance/handbook/02-signs.en.md";

/// An end tag whose start tag is nowhere before it on the page (`</note>`
/// left by a DocBook or DITA conversion, the `</aside>` of a Notion callout
/// whose start went with another chapter) was removed without a word. It
/// is still removed, and now named at its place; an end tag whose element
/// started in an earlier Markdown block (`<details>` around Markdown, a
/// `<span>` over two paragraphs) is not.
#[test]
fn an_end_tag_that_closes_nothing_is_named() {
    let s = Site::signs_with(concat!(
        "A stray </note> end.\n\n",
        "</aside>\n\n",
        "<details>\n<summary>More</summary>\n\nHidden **text**.\n\n</details>\n\n",
        "Text with <span>open span\n\nand continued</span> after.\n\n",
        "A line</br>broken.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:9"));
    assert!(
        line.contains(
            "warning: `</note>` ends no element started before it on this page: removed from raw HTML"
        ),
        "{line}"
    );
    assert!(hint.contains("put the start tag back"), "{hint}");
    let (line, _) = message_at(&o.stderr, &format!("{AT}:15:1"));
    assert!(line.contains("`</aside>` ends no element"), "{line}");
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:28:7"));
    assert!(line.contains("`</br>` ends no element"), "{line}");
    assert!(
        hint.contains("for a line break write `<br>` alone"),
        "{hint}"
    );
    assert_eq!(
        o.stderr.matches("ends no element").count(),
        3,
        "{}",
        o.stderr
    );
    let p = s.page("en/handbook/signs.html");
    let text = p.text_of(".content");
    assert!(text.contains("A stray  end."), "{text}");
    assert_eq!(p.texts(".content details summary"), ["More"]);
    assert_eq!(p.texts(".content details strong"), ["text"]);
}

/// MediaWiki's own markup pasted from a wiki's source, `'''bold'''`,
/// `''italics''`, `== Heading ==`, was published with its quotes and
/// equals signs without a word. It is named at its first place, with the
/// Markdown for it; on such a page a `{{Template|…}}` is named as the
/// wiki's, not as Hugo's or Jekyll's, and a `[[Page|label]]` link is told
/// in MediaWiki's order (the page first). Apostrophes in prose, a highlight
/// and code are not named.
#[test]
fn mediawiki_markup_is_named_with_its_markdown() {
    let s = Site::signs_with(concat!(
        "It's the person's choice; set it to '' when empty.\n\n",
        "`'''code'''` and ==highlight== stay.\n\n",
        "'''Never''' share a name, and ''always'' ask.\n\n",
        "== Referral ==\n\n",
        "{{Infobox|name=Shelter|phone=123}}\n\n",
        "See [[Referral pathway|the pathway]].\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:17:1"));
    assert!(
        line.contains(
            "warning: MediaWiki markup `'''Never'''` is shown as written (and 2 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.starts_with("write `**Never**` instead"), "{hint}");
    assert!(hint.contains("`== Heading ==` is `## Heading`"), "{hint}");
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:21:1"));
    assert!(
        line.contains("a MediaWiki template `{{Infobox|name=Shelter|phone=123}}` is shown as text"),
        "{line}"
    );
    assert!(!hint.contains("Hugo"), "{hint}");
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:23:5"));
    assert!(
        hint.contains("`[the pathway](Referral-pathway.md)`"),
        "{hint}"
    );
    assert_eq!(o.stderr.matches("MediaWiki markup").count(), 1);
    let p = s.page("en/handbook/signs.html");
    assert!(p.text_of(".content").contains("== Referral =="));

    // On a page of its own, a heading is named with its level.
    let s = Site::signs_with("=== Before the call ===\n");
    let o = s.build_ok();
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        hint.starts_with("write `### Before the call` instead"),
        "{hint}"
    );

    // A magic word, which Markdown shows in bold, and a category tag are
    // told to go.
    let s = Site::signs_with("__NOTOC__\n\n[[Category:Guidance]]\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(line.contains("MediaWiki markup `__NOTOC__`"), "{line}");
    assert!(hint.starts_with("delete it"), "{hint}");
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:15:1"));
    assert!(
        hint.contains("files a wiki page under a category"),
        "{hint}"
    );
}

/// Quarto's cross-references, `@sec-intro`, `@fig-flow`, were published as
/// written without a word; in brackets (`[@tbl-contacts]`) they were named
/// as a pandoc citation, with a hint to write a footnote. Each is now named
/// as a cross-reference, with the link to write. An e-mail address, a
/// handle and code are not named, nor is a real citation told otherwise.
#[test]
fn quarto_cross_references_are_named_with_the_link_to_write() {
    let s = Site::signs_with(concat!(
        "Write to help@example.org or @casework; `@sec-code` is code.\n\n",
        "As @fig-flow shows, and see [@tbl-contacts].\n\n",
        "As found [@who2021].\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:4"));
    assert!(
        line.contains(
            "warning: a Quarto cross-reference `@fig-flow` is shown as written (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.contains("(#fig-flow)`"), "{hint}");
    let (line, _) = message_at(&o.stderr, &format!("{AT}:17:10"));
    assert!(line.contains("a pandoc citation `[@who2021]`"), "{line}");
    assert_eq!(
        o.stderr.matches("pandoc citation").count(),
        1,
        "{}",
        o.stderr
    );
    assert_eq!(o.stderr.matches("Quarto").count(), 1, "{}", o.stderr);

    // Quarto's include shortcode is told the file whose text is missing.
    let s = Site::signs_with("{{< include _consent.qmd >}}\n");
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains("Quarto include `{{< include _consent.qmd >}}` is shown as text"),
        "{line}"
    );
    assert!(
        line.contains("the text of `_consent.qmd` is not on it"),
        "{line}"
    );
}

/// Jekyll's comments (`{% comment %}…{% endcomment %}`), where authors
/// keep notes for each other, were published to readers, named only as
/// "template code" at the first; Hugo's (`{{/* … */}}`) lost their inner
/// marks as an MDX comment and left `{}` on the page. Both are now left
/// out whole, like Obsidian's and MDX's, with a warning that names the
/// tool; in code they stay.
#[test]
fn jekyll_and_hugo_comments_are_left_out() {
    let s = Site::signs_with(concat!(
        "{% comment %}\nAsk legal before naming the shelter.\n{% endcomment %}\n\n",
        "Text {%- comment -%}about the donor{%- endcomment -%} after.\n\n",
        "{{/* Hugo note on the visit */}}\n\n",
        "`{% comment %}code{% endcomment %}` stays.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains(
            "warning: a Jekyll comment (`{% comment %}…{% endcomment %}`) left out (and 2 more on this page): readers never see it"
        ),
        "{line}"
    );
    assert!(hint.contains("take the two tags away"), "{hint}");
    assert!(!o.stderr.contains("template code"), "{}", o.stderr);
    assert!(!o.stderr.contains("legal"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    let text = p.text_of(".content");
    for hidden in ["legal", "donor", "Hugo note", "{}"] {
        assert!(!text.contains(hidden), "{hidden}: {text}");
    }
    assert!(text.contains("Text  after."), "{text}");
    assert_eq!(
        p.texts(".content code"),
        ["{% comment %}code{% endcomment %}"]
    );

    // A Hugo comment alone is named as Hugo's.
    let s = Site::signs_with("{{/* a note */}}\n");
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains("a Hugo comment (`{{/*…*/}}`) left out"),
        "{line}"
    );
}

/// A Docusaurus admonition's title is kept as a line of its own, but with
/// its text right under it (`:::tip Before you start` then `Read this.`,
/// no blank line between) the two were one paragraph, and readers got
/// "Before you start Read this." as one sentence. A line break now ends
/// the title; a title followed by a blank line is a paragraph as before.
#[test]
fn a_docusaurus_title_keeps_its_line_above_its_text() {
    let s = Site::signs_with(concat!(
        ":::tip Before you start\nRead this first.\n:::\n\n",
        ":::note[Sources]\n\nThe annual report.\n\n:::\n",
    ));
    s.build_ok();
    let p = s.page("en/handbook/signs.html");
    let tip = p
        .select(".content p")
        .into_iter()
        .find(|e| e.text().collect::<String>().contains("Before you start"))
        .expect("the title");
    assert_eq!(
        tip.select(&scraper::Selector::parse("br").unwrap()).count(),
        1
    );
    assert!(p.texts(".content p").contains(&"Sources".to_string()));
    assert!(!p.text.contains("Sources<br"), "{}", p.text);
}

/// Word's lettered and roman lists come out of pandoc as `a.`, `ii.` or
/// `(a)` at each line's start, and authors type them so (`أ.` in Arabic):
/// CommonMark has no such lists, and the lines ran together as one
/// paragraph, without a word. Two such lines in a paragraph are named;
/// prose (`e.g.`, `I am`, `a.m.`) is not.
#[test]
fn lettered_list_lines_are_named() {
    let s = Site::signs_with(concat!(
        "a.  Greet the person.\nb.  Ask how they are.\n\n",
        "I am here at 9 a.m. each day,\ne.g. on Mondays.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains(
            "warning: `a.` is not a list marker in Markdown: these lines make one paragraph"
        ),
        "{line}"
    );
    assert!(hint.contains("write `1.`, `2.`"), "{hint}");
    assert_eq!(
        o.stderr.matches("not a list marker").count(),
        1,
        "{}",
        o.stderr
    );

    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/01-intro.ar.md",
        "---\ntitle: مقدمة\n---\n\nأ.  الخطوة الأولى\nب.  الخطوة الثانية\n",
    );
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, "guidance/handbook/01-intro.ar.md:5:1");
    assert!(line.contains("`أ.` is not a list marker"), "{line}");
}

/// The alerts of Google Docs' Docs to Markdown add-on are named, but one
/// shown as an example in a code block, indented code or a code span was
/// named too, though code is never read as anything but code.
#[test]
fn a_docs_to_markdown_alert_in_code_is_not_named() {
    let s = Site::signs_with(concat!(
        "```\n>>>>>  gd2md-html alert: inline image link here.\n```\n\n",
        "    >>>>>  gd2md-html alert: indented.\n\n",
        "Like `>>>>>  gd2md-html alert:` in a sentence.\n",
    ));
    let o = s.build_ok();
    assert!(!o.stderr.contains("Docs to Markdown"), "{}", o.stderr);
    // Outside code, an alert is still named.
    let s = Site::signs_with(concat!(
        "```\n>>>>>  gd2md-html alert: in code.\n```\n\n",
        "<p>>>>>>  gd2md-html alert: inline image link here.</p>\n",
    ));
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{AT}:17:4"));
    assert!(
        line.contains("an alert of Google Docs' Docs to Markdown add-on"),
        "{line}"
    );
    assert!(!line.contains("more on this page"), "{line}");
}

/// A link with a space between its text and its target (`[the guide]
/// (01-intro.md)`, as people type it) was published as its brackets and
/// the path, without a word, and so was a link typed with a Chinese or
/// Japanese input method's full-width brackets (`［指南］（01-intro.md）`).
/// Each is named with the link to write. Brackets and parentheses that
/// hold no target (`[ed.] (2020)`, `（注）`) are not.
#[test]
fn links_typed_so_markdown_does_not_read_them_are_named() {
    let s = Site::signs_with(concat!(
        "Smith [ed.] (2020) and [1] (see below) are prose.\n\n",
        "See [the guide] (01-intro.md) first, or [the form] (forms/consent.pdf).\n\n",
        "见［指南］（01-intro.md）。（注：见下）\n\n",
        "- [x] (form.pdf) signed\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:5"));
    assert!(
        line.contains(
            "warning: `[the guide] (01-intro.md)` is shown as text, not as a link (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(
        hint.contains("take the space out: `[the guide](01-intro.md)`"),
        "{hint}"
    );
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:17:2"));
    assert!(
        line.contains("`［指南］（01-intro.md）` is shown as text, not as a link"),
        "{line}"
    );
    assert!(hint.contains("`[指南](01-intro.md)`"), "{hint}");
    assert_eq!(o.stderr.matches("not as a link").count(), 2, "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    assert!(p.text_of(".content").contains("[the guide] (01-intro.md)"));
}

/// A pandoc-to-PDF workflow leaves LaTeX commands on lines of their own
/// (`\newpage`, `\vspace{1cm}`), which readers got as text, without a
/// word. They are named; Markdown's escapes (`\*`) and a path are not.
#[test]
fn latex_commands_are_named() {
    let s = Site::signs_with(concat!(
        "\\*Not bold\\* and a path:\n\\\\server\\share\n\n",
        "\\newpage\n\n",
        "\\vspace{1cm}\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:16:1"));
    assert!(
        line.contains(
            "warning: a LaTeX command `\\newpage` is shown as text (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.starts_with("delete the line"), "{hint}");
    assert_eq!(
        o.stderr.matches("a LaTeX command").count(),
        1,
        "{}",
        o.stderr
    );
}
