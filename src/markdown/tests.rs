//! Rendering whole documents of a small site held in memory.

use super::*;
use crate::diagnostics::Severity;
use std::path::Path;

struct Doc {
    r: Rendered,
}

impl Doc {
    fn messages(&self) -> Vec<String> {
        self.r
            .diagnostics
            .iter()
            .map(|d| {
                let sev = if d.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                format!("{}:{}: {sev}: {}", d.line, d.col, d.message)
            })
            .collect()
    }

    fn hints(&self) -> Vec<&str> {
        self.r
            .diagnostics
            .iter()
            .filter_map(|d| d.hint.as_deref())
            .collect()
    }

    fn has(&self, line: &str) {
        let all = self.messages();
        assert!(all.iter().any(|m| m == line), "no `{line}` in {all:#?}");
    }
}

/// Renders `body` as chapter `pub/01-c.md` of a site with a second chapter
/// (`02-b.md`, heading `{#t}`), an image and a file in `static/`.
fn render_with(body: &str, yaml_extra: &str) -> Doc {
    let (config, _) = crate::config::parse(
        &format!("title: T\ndefault_language: en\nlanguages: [en]\n{yaml_extra}"),
        Path::new("site.yaml"),
    );
    // Three lines of front matter: the body starts on line 4.
    let chapter = format!("---\ntitle: C\n---\n{body}");
    let files = [
        ("pub/index.md", "---\ntitle: P\n---\n"),
        ("pub/01-c.md", chapter.as_str()),
        ("pub/02-b.md", "---\ntitle: B\n---\n## Target {#t}\n"),
        ("pub/images/flow.png", ""),
        ("pub/forms/consent.pdf", ""),
    ];
    let mut diags = Vec::new();
    let mut site = crate::content::build::from_memory(config.unwrap(), &files, &mut diags);
    site.static_files.insert("images/logo.png".into());
    site.not_files.insert(
        "pub/scans".into(),
        "a symbolic link, which fieldguide never follows",
    );
    let labels = Labels {
        missing_image: "Image not available".into(),
        ..Labels::default()
    };
    let opts = Options {
        allow_raw_html: site.config.allow_raw_html,
        labels: &labels,
        interactive_tasks: true,
        lint: true,
    };
    let d = site
        .doc_ids()
        .find(|&d| site.docs[d].file.stem == "01-c")
        .unwrap();
    Doc {
        r: render(&site, d, &opts),
    }
}

fn render_one(body: &str) -> Doc {
    render_with(body, "")
}

#[test]
fn plain_text_separates_blocks() {
    let d = render_one("- [ ] Check documents.\n  - [ ] Note the date\n");
    let words: Vec<&str> = d.r.text.split_whitespace().collect();
    assert_eq!(words, ["Check", "documents.", "Note", "the", "date"]);
}

#[test]
fn footnote_and_heading_ids_never_clash() {
    let d = render_one("Text.[^a]\n\n## fn-a-ref\n\n## fn-a\n\n[^a]: Note.\n");
    let mut ids: Vec<&String> = d.r.ids.iter().collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
    // The note came first and keeps `fn-a`; the heading gets another id.
    assert!(
        d.r.html.contains("<h2 id=\"fn-a-1\">fn-a</h2>"),
        "{}",
        d.r.html
    );
    assert!(
        d.r.html.contains("<h2 id=\"fn-a-ref-1\">fn-a-ref</h2>"),
        "{}",
        d.r.html
    );
}

#[test]
fn heading_ids_follow_github_and_explicit_ids_stay_exact() {
    let d = render_one(
        "## Numéros d’urgence\n\n## Pre\u{301}fecture\n\n## Same\n\n## Same\n\n## Kept {#Mon_ID.x}\n\n[a](#numéros-durgence) [b](#pr%C3%A9fecture) [c](#Mon_ID.x)\n",
    );
    for id in [
        "numéros-durgence",
        "préfecture",
        "same",
        "same-1",
        "Mon_ID.x",
    ] {
        assert!(d.r.ids.contains(id), "{id} in {:?}", d.r.ids);
    }
    assert_eq!(d.r.toc[1].title, "Préfecture");
    assert!(d.r.diagnostics.is_empty(), "{:?}", d.messages());
}

#[test]
fn missing_anchor_suggests_the_heading_it_resembles() {
    let d = render_one("## Numéros d’urgence\n\nSee [numbers](#numeros-d-urgence).\n");
    d.has("6:5: error: link to a missing anchor `#numeros-d-urgence` on this page");
    let hint = d.r.diagnostics[0].hint.as_deref();
    assert_eq!(hint, Some("did you mean `#numéros-durgence`?"));
}

#[test]
fn raw_html_keeps_formatting_and_balances_it() {
    let d = render_one(
        "E = mc<sup>2</sup>, line<br>break, <kbd>Ctrl</kbd> and <span class=\"x\" style=\"color:red\" onclick=\"alert(1)\">red</span>.\n\n<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<div align=\"center\">\n\nOpen.\n\n- item <b>bold\n\nAfter.</i></div></div>\n",
    );
    let html = &d.r.html;
    assert!(
        html.contains("E = mc<sup>2</sup>, line<br>break, <kbd>Ctrl</kbd> and <span>red</span>."),
        "{html}"
    );
    assert!(
        html.contains(
            "<details>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n"
        ),
        "{html}"
    );
    // Opened in a list item, closed with it; the stray end tags are dropped.
    assert!(html.contains("<li>item <b>bold</b></li>"), "{html}");
    // `</div>` inside a paragraph cannot close the block it is in.
    assert!(html.contains("<p>After.</p>\n</div>"), "{html}");
    assert_eq!(
        html.matches("</div>").count(),
        html.matches("<div").count(),
        "{html}"
    );
    d.has("4:56: warning: `class` and `style` attributes removed from `<span>` in raw HTML (2 in all on this page)");
    d.has("4:56: warning: `onclick` attribute removed from `<span>` in raw HTML");
    assert_eq!(d.r.diagnostics.len(), 2, "{:?}", d.messages());
    assert!(d.r.text.contains("More"), "{}", d.r.text);
}

#[test]
fn raw_html_removes_what_runs_and_says_where() {
    let d = render_one(
        "Text.\n\n<script>alert('<b>')</script>\n<iframe srcdoc=\"<script>x</script>\"></iframe>\n<p onmouseover=\"x\">para <a href=\"javascript:alert(1)\">js</a> <a href=\"02-b.md#t\" id=\"old\">ok</a> <img src=\"/images/logo.png\" alt=\"Logo\"> <img src=\"https://example.org/x.png\" alt=\"Remote\"></p>\n<form><input name=q></form>\n",
    );
    let html = &d.r.html;
    assert!(!html.contains("alert"), "{html}");
    assert!(
        !html.contains("<script")
            && !html.contains("<iframe")
            && !html.contains("<form")
            && !html.contains("<input"),
        "{html}"
    );
    assert!(
        html.contains("<p>para <a>js</a> <a href=\"b.html#t\" id=\"old\">ok</a> <img src=\"../../images/logo.png\" alt=\"Logo\"> <span class=\"missing-image\"><span class=\"missing-image-label\">Image not available</span> Remote</span></p>"),
        "{html}"
    );
    assert!(d.r.ids.contains("old"));
    d.has("6:1: warning: `<script>` removed from raw HTML, with its content");
    d.has("7:1: warning: `<iframe>` removed from raw HTML, with its content");
    d.has("8:1: warning: `onmouseover` attribute removed from `<p>` in raw HTML");
    d.has("8:1: warning: `javascript:` link removed");
    d.has("8:1: warning: remote image `https://example.org/x.png` is not loaded: readers see its description in a box instead");
    d.has("9:1: warning: `<form>` removed from raw HTML; its text is kept");
    d.has("9:1: warning: `<input>` removed from raw HTML");
    assert_eq!(d.r.page_links.len(), 1);
}

#[test]
fn inline_script_is_dropped_with_its_content() {
    let d = render_one(
        "Before <script>alert(*1*)</script> after <math><mi>x</mi></math>.\n\nNext <style>p{}\n\nShown.\n",
    );
    assert_eq!(
        d.r.html,
        "<p>Before <em></em> after .</p>\n<p>Next </p>\n<p>Shown.</p>\n"
    );
    assert_eq!(
        d.r.text.split_whitespace().collect::<Vec<_>>(),
        ["Before", "after", ".", "Next", "Shown."]
    );
    d.has("4:8: warning: `<script>` removed from raw HTML, with its content");
    d.has("4:42: warning: `<math>` removed from raw HTML, with its content");
}

#[test]
fn inline_raw_html_is_reported_at_its_column() {
    let d = render_one("Inline <img src=x onerror=\"alert(1)\"> handler.\n");
    d.has("4:8: error: missing image file `x`");
}

#[test]
fn broken_links_are_errors_by_default() {
    let d = render_one("[gone](03-gone.md) ![lost](images/lost.png) [here](#nowhere)\n");
    d.has("4:1: error: link to a missing page `03-gone.md`");
    d.has("4:20: error: missing image file `images/lost.png`");
    d.has("4:45: error: link to a missing anchor `#nowhere` on this page");
    assert_eq!((d.r.broken_links, d.r.missing_images), (2, 1));
}

#[test]
fn broken_links_as_warnings_are_published_as_text() {
    let d = render_with(
        "[gone](03-gone.md) ![lost](images/lost.png) [here](#nowhere) [fine](#t) [other](02-b.md#t)\n\n## T {#t}\n",
        "broken_links: warning\n",
    );
    d.has("4:1: warning: link to a missing page `03-gone.md`; published as its text");
    d.has("4:20: warning: missing image file `images/lost.png`; its description is shown in a box");
    d.has("4:45: warning: link to a missing anchor `#nowhere` on this page; published as its text");
    assert_eq!(
        d.r.html,
        "<p>gone <span class=\"missing-image\"><span class=\"missing-image-label\">Image not available</span> lost</span> here <a href=\"#t\">fine</a> <a href=\"b.html#t\">other</a></p>\n<h2 id=\"t\">T</h2>\n"
    );
    assert_eq!((d.r.broken_links, d.r.missing_images), (2, 1));
    // The link to the other page can still be unlinked once its anchor is known missing.
    let span = d.r.page_links[0].span().unwrap();
    assert_eq!(&d.r.html[span.open.clone()], "<a href=\"b.html#t\">");
    assert_eq!(&d.r.html[span.close..span.close + 4], "</a>");
    let mut html = d.r.html.clone();
    unlink(&mut html, &[span]);
    assert!(html.contains("<a href=\"#t\">fine</a> other</p>"), "{html}");
}

#[test]
fn pages_record_the_files_they_use() {
    let d = render_one(
        "![flow](images/flow.png) [form](forms/consent.pdf) ![again](images/flow.png) ![logo](/images/logo.png)\n",
    );
    assert_eq!(d.r.assets.len(), 2);
    assert!(
        d.r.html
            .contains("<img src=\"../../images/logo.png\" alt=\"logo\""),
        "{}",
        d.r.html
    );
}

#[test]
fn what_an_image_description_names_is_not_published() {
    let d = render_one(
        "![see [the form](forms/consent.pdf) and ![a](images/flow.png) here](images/flow.png)\n",
    );
    assert_eq!(
        d.r.html,
        "<p><img src=\"images/flow.png\" alt=\"see the form and a here\" loading=\"lazy\"></p>\n"
    );
    // The image itself is a file the page shows; the form is not.
    assert_eq!(d.r.assets.len(), 1);
    d.has("4:7: warning: link to `forms/consent.pdf` inside an image's description: readers get only its text, and the target is not linked or published");
    d.has("4:41: warning: image `images/flow.png` inside another image's description: readers get only its description, and the file is not published");
    assert_eq!(d.r.diagnostics.len(), 2);
}

#[test]
fn a_file_on_the_writers_computer_is_a_broken_link_with_its_copy_named() {
    let d = render_one(
        "[form](C:\\Users\\ann\\consent.pdf) ![flow](file:///C:/Users/ann/Flow.PNG) [share](\\\\srv\\x.pdf)\n",
    );
    d.has("4:1: error: `C:\\Users\\ann\\consent.pdf` is a file on the writer's computer, which readers cannot open");
    d.has("4:34: error: `file:///C:/Users/ann/Flow.PNG` is a file on the writer's computer, which readers cannot open");
    d.has(
        "4:73: error: `\\srv\\x.pdf` is a file on the writer's computer, which readers cannot open",
    );
    assert_eq!(
        d.hints(),
        [
            "guidance/pub/forms/consent.pdf has that name: link to it from here, `forms/consent.pdf`",
            "guidance/pub/images/flow.png has that name: link to it from here, `images/flow.png`",
            "copy `x.pdf` into guidance/ (beside this page, or in its images/ folder) and link to it by its path from this page",
        ]
    );
    assert_eq!((d.r.broken_links, d.r.missing_images), (2, 1));
    assert!(
        !d.r.html.contains("<a") && !d.r.html.contains("<img"),
        "{}",
        d.r.html
    );
    // With forward slashes, a host without a dot is a network share; a
    // host with one is a web address (`https:`).
    let d = render_one("[a](//srv/forms/x.pdf) [b](//example.org/x)\n");
    d.has("4:1: error: `//srv/forms/x.pdf` is a file on a network share (`srv`) on the writer's network, which readers cannot open");
    assert_eq!(d.r.diagnostics.len(), 1);
    assert!(
        d.r.html.contains("href=\"https://example.org/x\""),
        "{}",
        d.r.html
    );
    // An address or name of the writer's own network is a share too; a
    // public address is a web address.
    let d = render_one(
        "[a](//192.168.1.5/forms/x.pdf) [b](//nas.local/x.pdf) [c](//10.0.0.2:445/x) [d](//93.184.216.34/x)\n",
    );
    let all = d.messages();
    for (dest, host) in [
        ("//192.168.1.5/forms/x.pdf", "192.168.1.5"),
        ("//nas.local/x.pdf", "nas.local"),
        ("//10.0.0.2:445/x", "10.0.0.2:445"),
    ] {
        let said = format!("error: `{dest}` is a file on a network share (`{host}`)");
        assert!(all.iter().any(|m| m.contains(&said)), "{said} in {all:#?}");
    }
    assert_eq!(d.r.diagnostics.len(), 3, "{:#?}", d.r.diagnostics);
    assert!(
        d.r.html.contains("href=\"https://93.184.216.34/x\""),
        "{}",
        d.r.html
    );
}

#[test]
fn an_anchor_written_as_its_heading_is_told_the_id() {
    let d = render_one("[b](02-b.md#Key Points) and [c](#safe space)\n");
    assert_eq!(
        d.hints(),
        [
            "an anchor is the heading's id, which has `-` for spaces: `(02-b.md#key-points)`",
            "an anchor is the heading's id, which has `-` for spaces: `(#safe-space)`",
        ]
    );
}

#[test]
fn a_link_through_a_symbolic_link_says_so() {
    let d = render_one("![a](scans/a.png)\n");
    assert_eq!(
        d.hints(),
        [
            "`scans` is a symbolic link, which fieldguide never follows: nothing was read from it; put the file (or folder) itself there"
        ]
    );
}

#[test]
fn a_link_to_a_leftover_is_told_it_is_never_read() {
    let d = render_one("[a](forms/~$consent.docx) [b](Thumbs.db)\n");
    let hints = d.hints();
    assert_eq!(hints.len(), 2, "{hints:?}");
    assert!(
        hints[0].starts_with("`~$consent.docx` is never read"),
        "{hints:?}"
    );
    assert!(
        hints[1].starts_with("`Thumbs.db` is never read"),
        "{hints:?}"
    );
}

#[test]
fn trusted_raw_html_is_kept_and_its_files_noted() {
    let d = render_with(
        "<img src=\"images/flow.png\" onload=\"x()\">\n\n<a href=\"forms/consent.pdf\">form</a>\n",
        "allow_raw_html: true\n",
    );
    assert!(d.r.html.contains("onload=\"x()\""), "{}", d.r.html);
    assert_eq!(d.r.assets.len(), 2);
    assert!(d.r.diagnostics.is_empty());
}

#[test]
fn usual_mistakes_are_explained() {
    let d = render_one(
        "• First point\n• Second point\n\n> [!DANGER]\n> Do not.\n\n> [!AVERTISSEMENT]\n> Non.\n\nSee ![flow](images/referral flow.png) and [mail](someone@example.org).\n",
    );
    d.has("4:1: warning: `•` is not a list marker in Markdown: these lines make one paragraph");
    d.has("7:3: warning: unknown callout type `[!DANGER]`: it is shown as a quote");
    d.has("10:3: warning: unknown callout type `[!AVERTISSEMENT]`: it is shown as a quote");
    d.has("13:13: warning: image target `images/referral flow.png` has a space, so it is shown as text");
    d.has("13:43: error: link to a missing file `someone@example.org`");
    let hints = d.hints();
    assert!(hints.contains(&"did you mean `[!CAUTION]`? The callout types are `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`"), "{hints:#?}");
    assert!(
        hints.contains(&"an e-mail address needs `mailto:`: `mailto:someone@example.org`"),
        "{hints:#?}"
    );
}

#[test]
fn numbers_stay_on_one_line() {
    let d = render_one("Call +000 00 000 000 now.\n\n```\n+000 00 000 000\n```\n");
    assert_eq!(
        d.r.html,
        "<p>Call <span class=\"nowrap\">+000 00 000 000</span> now.</p>\n<pre><code>+000 00 000 000\n</code></pre>\n"
    );
}

#[test]
fn many_identical_headings_tasks_and_footnotes() {
    let n = 5_000;
    let mut body = "## same\n\n".repeat(n);
    body.push_str(&"- [ ] same\n".repeat(n));
    body.push('\n');
    body.push_str(&"x[^a] ".repeat(n));
    body.push_str("\n\n[^a]: Note.\n");
    let d = render_one(&body);
    assert!(d.r.ids.contains(&format!("same-{}", n - 1)));
    assert!(d.r.ids.contains(&format!("task-same-{}", n - 1)));
    assert!(d.r.ids.contains(&format!("fn-a-ref-{}", n - 1)));
}

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
fn spaced_targets_are_reported_wherever_text_is() {
    let d = render_one(
        "1. ![a](images/my photo.png)\n- [c](02-next steps.md)\n\n- loose [d](x y.md)\n\n  more\n\n| [e](e f.md) | `[g](g h.md)` |\n|---|---|\n| ![i](i j.png) | x |\n\n## Heading [k](k l.md)\n\nText.[^n]\n\n[^n]: See [m](m n.md).\n\n> Quote [o](o p.md) and [q](q r.md)\n",
    );
    for (at, what) in [
        ("4:9", "image target `images/my photo.png`"),
        ("5:7", "link target `02-next steps.md`"),
        ("7:13", "link target `x y.md`"),
        ("11:7", "link target `e f.md`"),
        ("13:8", "image target `i j.png`"),
        ("15:16", "link target `k l.md`"),
        ("19:15", "link target `m n.md`"),
        ("21:13", "link target `o p.md`"),
        ("21:29", "link target `q r.md`"),
    ] {
        d.has(&format!(
            "{at}: warning: {what} has a space, so it is shown as text"
        ));
    }
    assert_eq!(d.r.diagnostics.len(), 9, "{:#?}", d.messages());
}

#[test]
fn an_address_in_typographic_quotes_is_explained() {
    let d = render_one("See [the next chapter](“02-next.md”).\n");
    d.has("4:5: error: link to a missing file `“02-next.md”`");
    let hints = d.hints();
    assert!(
        hints.contains(
            &"the address is wrapped in quotes (a word processor types them): remove them: `02-next.md`"
        ),
        "{hints:#?}"
    );
}

#[test]
fn quotes_nested_on_one_line_are_read_in_linear_time() {
    // Each quote of `>>>>…` starts one character further into the same
    // line; the callout check read the rest of that line for each of them
    // (200,000 took 20–27 s). It looks at the start of the line only now.
    let n = 100_000;
    let start = std::time::Instant::now();
    let d = render_one(&format!("{} x\n\n>>[!DANGER]\n", ">".repeat(n)));
    let took = start.elapsed();
    assert_eq!(d.r.html.matches("<blockquote>").count(), n + 2);
    assert_eq!(d.r.html.matches("</blockquote>").count(), n + 2);
    assert!(
        d.r.html.contains("<p>x</p>"),
        "{}",
        &d.r.html[d.r.html.len() - 200..]
    );
    // The callout of a quote in a quote is reported once, for the inner one.
    assert_eq!(
        d.messages(),
        ["6:3: warning: unknown callout type `[!DANGER]`: it is shown as a quote"]
    );
    assert!(took.as_secs() < 10, "{n} nested quotes took {took:?}");
}

#[test]
fn unknown_callouts_are_found_in_lists_indented_and_before_long_lines() {
    let long = "word ".repeat(200);
    let d = render_one(&format!(
        "- > [!DANGER] {long}\n\n  > [!ERROR]\n\n>  [!INFO]\n> > [!HINT]\n"
    ));
    let all = d.messages();
    assert_eq!(all.len(), 4, "{all:#?}");
    d.has("4:5: warning: unknown callout type `[!DANGER]`: it is shown as a quote");
    d.has("6:5: warning: unknown callout type `[!ERROR]`: it is shown as a quote");
    d.has("8:4: warning: unknown callout type `[!INFO]`: it is shown as a quote");
    d.has("9:5: warning: unknown callout type `[!HINT]`: it is shown as a quote");
}

#[test]
fn email_autolinks_are_mailto_links() {
    let d =
        render_one("Write to <protection@example.org> or see <https://example.org/a?b=1&c=2>.\n");
    assert_eq!(
        d.r.html,
        "<p>Write to <a href=\"mailto:protection@example.org\" class=\"external\">protection@example.org</a> or see <a href=\"https://example.org/a?b=1&amp;c=2\" class=\"external\">https://example.org/a?b=1&amp;c=2</a>.</p>\n"
    );
    assert!(d.r.diagnostics.is_empty(), "{:?}", d.messages());
}

#[test]
fn lines_that_look_like_link_definitions_are_explained() {
    let d = render_one(
        "See [c][r3], [d][] and [e].\n\n[r3]: Annual Report.pdf\n[d]: 02-b.md#nope\n  [e]: forms/consent.pdf \"The form\"\n[f]: {{ site.baseurl }}/images/logo.png\n[t]: tel:+254 700 000\n\n[Note]: the office moved to Nairobi.\n\n[ok]: 02-b.md\n",
    );
    for line in [
        "6:1: warning: `[r3]:` is not read as a link definition: its target `Annual Report.pdf` has a space, so the line is shown as text",
        "7:1: warning: `[d]:` is not read as a link definition: it continues the paragraph above it, so the line is shown as text",
        "8:3: warning: `[e]:` is not read as a link definition: it continues the paragraph above it, so the line is shown as text",
        "9:1: warning: `[f]:` is not read as a link definition: its target `{{ site.baseurl }}/images/logo.png` is a Hugo/Jekyll template expression, which fieldguide does not run, so the line is shown as text",
        "10:1: warning: `[t]:` is not read as a link definition: its target `tel:+254 700 000` has a space, so the line is shown as text",
    ] {
        d.has(line);
    }
    // Prose and a real definition say nothing.
    assert_eq!(d.r.diagnostics.len(), 5, "{:?}", d.messages());
    let hints = d.hints();
    assert_eq!(
        hints[0],
        "put the target in angle brackets: `[r3]: <Annual Report.pdf>`, or remove the space"
    );
    assert_eq!(
        hints[3],
        "fieldguide finds pages and files from plain paths: link to that path: `/images/logo.png`, looked up in the site's static/ folder"
    );
    assert_eq!(
        hints[4],
        "write the number without spaces: `[t]: tel:+254700000`"
    );
    // Followed, the hint makes a definition.
    let d = render_one("See [c][r3].\n\n[r3]: <forms/consent.pdf>\n");
    assert!(
        d.r.html.contains("<a href=\"forms/consent.pdf\">c</a>"),
        "{}",
        d.r.html
    );
    assert!(d.r.diagnostics.is_empty(), "{:?}", d.messages());
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
    assert_eq!(d.r.diagnostics.len(), 5, "{:?}", d.messages());
}

#[test]
fn empty_headings_are_reported_and_left_out_of_the_contents() {
    let d =
        render_one("## \n\nText.\n\n## ![Logo](/images/logo.png)\n\n## 🚨\n\n##\n\n## {#kept}\n");
    d.has("4:1: warning: empty heading");
    d.has("12:1: warning: empty heading");
    d.has("14:1: warning: empty heading");
    assert_eq!(d.r.diagnostics.len(), 3, "{:?}", d.messages());
    assert_eq!(
        d.r.diagnostics[0].hint.as_deref(),
        Some("remove it, or give it text: `## Next steps`")
    );
    let toc: Vec<(&str, &str)> =
        d.r.toc
            .iter()
            .map(|t| (t.id.as_str(), t.title.as_str()))
            .collect();
    assert_eq!(toc, [("section", "Logo"), ("section-1", "🚨")]);
    assert!(
        !d.r.html.contains("<h2></h2>") && !d.r.html.contains("\"></h2>\n<p>Text"),
        "{}",
        d.r.html
    );
    assert!(d.r.html.contains("<h2 id=\"kept\"></h2>"), "{}", d.r.html);
    assert!(d.r.ids.contains("kept"));
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
fn formatting_removed_from_raw_html_is_one_warning_per_page() {
    let d = render_one(
        "<font color=red>One</font>\n\n<font color=red>Two</font>\n\n<center>Three</center>\n\n<p onclick=\"x()\">A</p>\n\n<p onclick=\"y()\">B</p>\n",
    );
    let all = d.messages();
    let font: Vec<&String> = all.iter().filter(|m| m.contains("`<font>`")).collect();
    assert_eq!(
        font,
        [
            "4:1: warning: `<font>` removed from raw HTML; its text is kept (and 1 more on this page)"
        ]
    );
    d.has("8:1: warning: `<center>` removed from raw HTML; its text is kept");
    // Event handlers are still named at every place.
    d.has("10:1: warning: `onclick` attribute removed from `<p>` in raw HTML");
    d.has("12:1: warning: `onclick` attribute removed from `<p>` in raw HTML");
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

#[test]
fn links_to_files_never_read_say_why() {
    let d = render_one("[a](.hidden.md) [b](README.md)\n");
    let hints = d.hints();
    assert_eq!(
        hints,
        [
            "`.hidden.md` is never read: files whose names start with `.`, and editor leftovers, are not pages; rename it",
            "`README.md` is a note to the repository's contributors, never a page; link to a page of the publication instead"
        ]
    );
}

#[test]
fn what_a_heading_leaves_out_of_its_braces_is_said() {
    let d = render_one(
        "## Safe space {#safe space}\n\n## Other {#ok .note data=x}\n\n## Fine {#fine .wide}\n",
    );
    d.has("4:1: warning: the heading's id is `safe`: an id is one word, so `space` is left out");
    d.has(
        "6:1: warning: left out of the heading: `data=x` (a heading takes only {#id} and {.class})",
    );
    assert_eq!(d.r.diagnostics.len(), 2, "{:?}", d.messages());
    assert_eq!(
        d.r.diagnostics[0].hint.as_deref(),
        Some("write {#safe-space}")
    );
    assert!(
        d.r.html.contains("<h2 id=\"safe\">")
            && d.r.html.contains("<h2 id=\"fine\" class=\"wide\">")
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

/// "Back to top" links (`#`, `#top`, `#Top`) are the top of the page, as
/// browsers read them: not missing anchors.
#[test]
fn links_to_the_top_of_the_page_are_not_missing_anchors() {
    let d =
        render_one("Text.\n\n[Top](#) [Back to top](#top) [Up](#TOP) <a href=\"#top\">raw</a>\n");
    assert!(d.r.diagnostics.is_empty(), "{:#?}", d.messages());
    assert!(
        d.r.html.contains("<a href=\"#top\">Back to top</a>"),
        "{}",
        d.r.html
    );
}

/// A heading holding only a zero-width space (or a direction mark) shows
/// nothing: it is an empty heading too.
#[test]
fn a_heading_of_invisible_characters_is_empty() {
    let d = render_one("Text.\n\n## \u{200b}\n\n### \u{200f} \u{feff}\n\nMore.\n");
    let empty: Vec<_> = d
        .messages()
        .into_iter()
        .filter(|m| m.ends_with("warning: empty heading"))
        .collect();
    assert_eq!(empty.len(), 2, "{:#?}", d.messages());
}
