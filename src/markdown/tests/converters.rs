//! What Word, pandoc and site generators leave in Markdown.

use super::*;

#[test]
fn word_markup_is_dropped_and_reported_once_per_kind() {
    for yaml in ["", "allow_raw_html: true\n"] {
        let d = render_with(
            "Para.<o:p></o:p>\n\n<o:p>&nbsp;</o:p>\n\nA <w:Sdt>x</w:Sdt> in <st1:place>Kano</st1:place>, <v:shape id=\"a\" style='w:1'>y</v:shape>.\n\n<![if !supportLists]>1.<![endif]> Item<o:p></o:p>\n\n- <o:p>item</o:p>\n\n| a |\n|---|\n| b<o:p></o:p> |\n\n`<o:p>` \\<o:p> <https://example.org>\n",
            yaml,
        );
        let html = &d.r.html;
        assert!(
            html.starts_with(
                "<p>Para.</p>\n<p>A x in Kano, y.</p>\n<p>1. Item</p>\n<ul>\n<li>item</li>\n</ul>\n"
            ),
            "{yaml}{html}"
        );
        assert!(html.contains("<td>b</td>"), "{html}");
        // Code, and a tag escaped on purpose, stay as written.
        assert!(
            html.contains(
                "<p><code>&lt;o:p&gt;</code> &lt;o:p&gt; <a href=\"https://example.org\""
            ),
            "{html}"
        );
        d.has("4:6: warning: Word leftover `<o:p>` removed (and 4 more on this page)");
        d.has("8:3: warning: Word leftover `<w:Sdt>` removed; its text is kept");
        d.has("8:23: warning: Word leftover `<st1:place>` removed; its text is kept");
        d.has("8:52: warning: Word leftover `<v:shape>` removed; its text is kept");
        d.has(
            "10:1: warning: Word leftover `<![if !supportLists]>` removed; what it wraps is kept",
        );
        assert_eq!(d.r.diagnostics.len(), 5, "{:#?}", d.messages());
        let words: Vec<&str> = d.r.text.split_whitespace().collect();
        // The code and the escaped tag, nothing else.
        let tags = words.iter().filter(|w| w.contains('<')).count();
        assert_eq!(tags, 2, "{words:?}");
    }
}

/// Confluence's storage format uses namespaced tags as Word does: removed
/// the same way, but named as Confluence's, with a hint for Confluence.
#[test]
fn confluence_storage_markup_is_named_as_confluences() {
    let d = render_one(
        "<ac:structured-macro ac:name=\"info\"><ac:rich-text-body>Call before you visit.</ac:rich-text-body></ac:structured-macro>\n",
    );
    assert!(d.r.html.contains("Call before you visit."), "{}", d.r.html);
    assert!(!d.r.html.contains("ac:"), "{}", d.r.html);
    d.has(
        "4:1: warning: Confluence storage markup `<ac:structured-macro>` removed; its text is kept",
    );
    let hint = d.r.diagnostics[0].hint.as_deref().unwrap_or_default();
    assert!(hint.contains("Export the page as Markdown"), "{hint}");
}

#[test]
fn word_markup_in_raw_html_is_dropped_and_nothing_active_passes() {
    let body = "<p class=MsoNormal>Hello<o:p></o:p> <st1:City>Kano</st1:City><![if !vml]><b>x</b><![endif]></p>\n\n<o:p>&nbsp;</o:p>\n\nP <!--[if gte mso 9]><xml>\n<w:View>Normal</w:View>\n\n</xml><![endif]--> end\n\n<w:x onclick=\"alert(1)\"><script>alert(2)</script></w:x>\n";
    let d = render_one(body);
    let html = &d.r.html;
    assert!(html.contains("<p>Hello Kano<b>x</b></p>"), "{html}");
    assert!(
        !html.contains("Normal") && !html.contains("alert"),
        "{html}"
    );
    assert!(!html.contains(':') && !html.contains("&lt;"), "{html}");
    d.has("4:25: warning: Word leftover `<o:p>` removed (and 1 more on this page)");
    d.has("4:37: warning: Word leftover `<st1:City>` removed; its text is kept");
    d.has("4:62: warning: Word leftover `<![if !vml]>` removed (and 1 more on this page); what it wraps is kept");
    d.has("8:22: warning: `<xml>` removed from raw HTML, with its content");
    d.has("13:1: warning: Word leftover `<w:x>` removed; its text is kept");
    d.has("13:25: warning: `<script>` removed from raw HTML, with its content");
    // Trusted HTML keeps its comments whole and loses only Word's tags.
    let d = render_with(body, "allow_raw_html: true\n");
    assert!(
        d.r.html
            .contains("<p class=MsoNormal>Hello Kano<b>x</b></p>"),
        "{}",
        d.r.html
    );
    assert!(
        !d.r.html.contains("o:p") && !d.r.html.contains("<![if"),
        "{}",
        d.r.html
    );
}

#[test]
fn template_expressions_and_spaced_numbers_get_their_own_hints() {
    let d = render_one(
        "[x]({{< ref \"02-b.md\" >}}) ![Flow]({{ site.baseurl }}/images/logo.png) [y](<{{< ref \"02-b.md\" >}}>)\n\n[z]({{site.baseurl}}/images/logo.png) [tel](tel:+254 700 000) [v](tel:{{hotline}})\n",
    );
    let msg = |line: &str| {
        let i = d.messages().iter().position(|m| m == line);
        let i = i.unwrap_or_else(|| panic!("no `{line}` in {:#?}", d.messages()));
        d.r.diagnostics[i].hint.clone().unwrap()
    };
    assert_eq!(
        msg(
            "4:5: warning: link target `{{< ref \"02-b.md\" >}}` is a Hugo/Jekyll template expression, which fieldguide does not run, so it is shown as text"
        ),
        "fieldguide finds pages and files from plain paths: link to the Markdown file itself: `02-b.md`"
    );
    assert_eq!(
        msg(
            "4:36: warning: image target `{{ site.baseurl }}/images/logo.png` is a Hugo/Jekyll template expression, which fieldguide does not run, so it is shown as text"
        ),
        "fieldguide finds pages and files from plain paths: link to that path: `/images/logo.png`, looked up in the site's static/ folder"
    );
    assert_eq!(
        msg(
            "4:76: warning: link target `<{{< ref \"02-b.md\" >}}>` is a Hugo/Jekyll template expression, which fieldguide does not run, so it is shown as text"
        ),
        "fieldguide finds pages and files from plain paths: link to the Markdown file itself: `02-b.md`"
    );
    // Without spaces it is a link, to nothing the site has.
    assert_eq!(
        msg(
            "6:1: error: `{{site.baseurl}}/images/logo.png` is a Hugo/Jekyll template expression, which fieldguide does not run"
        ),
        "fieldguide finds pages and files from plain paths: link to that path: `/images/logo.png`, looked up in the site's static/ folder"
    );
    assert_eq!(
        msg("6:45: warning: link target `tel:+254 700 000` has a space, so it is shown as text"),
        "write the number without spaces: `(tel:+254700000)`"
    );
    // A local value is no template code, but it is not filled into an
    // address either: the link would dial the braces.
    assert_eq!(
        msg(
            "6:63: error: `tel:{{hotline}}`: the local value `{{hotline}}` is not filled into a link's address, only into a page's text; the link would lead to `{{hotline}}` as written"
        ),
        "write `{{hotline}}` in the text instead of this link: a phone number, e-mail address or web address value is a link there already"
    );
    assert_eq!(d.r.diagnostics.len(), 6, "{:?}", d.messages());
}

#[test]
fn pandoc_attributes_wrapped_onto_a_second_line_are_left_out() {
    let d = render_one("![F](images/flow.png){width=\"6.5in\"\nheight=\"3.2in\"}\n");
    assert_eq!(
        d.r.html,
        "<p><img src=\"images/flow.png\" alt=\"F\" loading=\"lazy\"></p>\n"
    );
    d.has("4:22: warning: pandoc attributes `{width=\"6.5in\" height=\"3.2in\"}` left out: fieldguide's Markdown has no `{…}` attributes after images, links or `[text]`");
}

#[test]
fn pandoc_attributes_and_divs_are_left_out_of_html_and_text() {
    let d = render_one(
        "![F](images/flow.png){width=\"50%\"}\n\nA [draft]{.underline} b, [B](02-b.md){.x}.\n\n::: {.note}\nInside.\n:::\n",
    );
    assert_eq!(
        d.r.html,
        "<p><img src=\"images/flow.png\" alt=\"F\" loading=\"lazy\"></p>\n<p>A draft b, <a href=\"b.html\">B</a>.</p>\n<p>Inside.</p>\n"
    );
    let words: Vec<&str> = d.r.text.split_whitespace().collect();
    assert_eq!(words, ["F", "A", "draft", "b,", "B.", "Inside."]);
    d.has("4:22: warning: pandoc attributes `{width=\"50%\"}` left out (and 2 more on this page): fieldguide's Markdown has no `{…}` attributes after images, links or `[text]`");
    d.has("8:1: warning: block marker `::: {.note}` left out (and 1 more on this page); the text inside it is kept");
}

#[test]
fn a_pandoc_simple_table_is_named_once() {
    let d = render_one(
        "--------   -------\nName       Value\n--------   -------\nx          y\n--------   -------\n\n---\n",
    );
    let tables: Vec<String> = d
        .messages()
        .into_iter()
        .filter(|m| m.contains("simple table"))
        .collect();
    assert_eq!(
        tables,
        [
            "4:1: warning: a pandoc simple table (`--------   -------`) is shown as lines and text (and any others on this page)"
        ]
    );
}

/// A table pasted from Word carries formatting on every cell: one warning
/// for the page says what was removed, not one per attribute and tag.
#[test]
fn a_word_table_gets_one_warning_for_its_formatting() {
    let d = render_one(
        "Intro.\n\n<table class=MsoTableGrid border=1 style='border-collapse:collapse'>\n<tr style='mso-yfti-irow:0'>\n<td width=200 valign=top style='width:150pt'><p class=MsoNormal>Debt</p></td>\n<td width=200 valign=top style='width:150pt'><p class=MsoNormal>Refer</p></td>\n</tr>\n</table>\n",
    );
    assert!(
        d.r.html.contains("<td valign=\"top\"><p>Debt</p></td>"),
        "{}",
        d.r.html
    );
    d.has(
        "6:1: warning: `class`, `border`, `style` and `width` attributes removed from `<table>`, `<tr>`, `<td>` and `<p>` in raw HTML (10 in all on this page)",
    );
    assert_eq!(d.r.diagnostics.len(), 1, "{:#?}", d.messages());
}
