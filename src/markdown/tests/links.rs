//! Links and images: broken ones, files never read, and the usual mistakes.

use super::*;

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

/// A title is words: a link written in it (a translator's title that
/// shows how to write one, escaped by `translate import`) is no link of
/// the page, spaces and all.
#[test]
fn a_link_written_in_a_title_is_not_a_target() {
    let d = render_one(
        "![Route](map.png \"write it as ![x](my map.png)\") and [a](a.md \"see [b](b c.md)\").\n\nBut [d](d e.md) is.\n",
    );
    d.has("6:9: warning: link target `d e.md` has a space, so it is shown as text");
    let spaced = d
        .messages()
        .iter()
        .filter(|m| m.contains("has a space"))
        .count();
    assert_eq!(spaced, 1, "{:#?}", d.messages());
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
fn links_to_files_never_read_say_why() {
    let d = render_one("[a](.hidden.md) [b](README.md)\n");
    let hints = d.hints();
    assert_eq!(
        hints,
        [
            "`.hidden.md` is never read: files whose names start with `.`, and editor leftovers, are not pages; rename it",
            "`README.md` is a note to the repository's contributors, never a page; the folder's page is `index.md`"
        ]
    );
    // An MDX page already renamed `.md`, as the migration asks.
    let d = render_one("[a](02-b.mdx) [z](zz.mdx)\n");
    assert_eq!(
        d.hints(),
        [
            "the page is `02-b.md` now: link to that",
            "MDX pages are not read (see the warning at the file): rename it `.md`, and link to that"
        ]
    );
    // A `?` in a page's name is no query, and such a page is published
    // under its page name (`tests/corpus_sweep_25.rs`): one that is not
    // there is not told it cannot be published.
    let d = render_one("[q](<06-Why?.md>)\n");
    assert!(
        d.hints().iter().all(|h| !h.contains("cannot be published")),
        "{:?}",
        d.hints()
    );
    d.has("4:1: error: link to a missing page `06-Why?.md`");
    // mdBook's `../README.md` is the folder above's page; a CONTRIBUTING
    // file has none.
    let d = render_one("[a](../pub/README.md) [b](CONTRIBUTING.md)\n");
    assert_eq!(
        d.hints(),
        [
            "`README.md` is a note to the repository's contributors, never a page; the folder's page is `index.md`",
            "`CONTRIBUTING.md` is a note to the repository's contributors, never a page; link to a page of the publication instead"
        ]
    );
}

/// Spaces before `)` end a target, as CommonMark reads them (Word and
/// Google Docs leave one after a pasted name): the link works, so no
/// warning says it is shown as text.
#[test]
fn spaces_before_the_closing_bracket_are_no_spaced_target() {
    let d = render_one("See [next](02-b.md ) and [that](02-b.md\t ).\n");
    assert!(
        !d.messages().iter().any(|m| m.contains("has a space")),
        "{:#?}",
        d.messages()
    );
    assert_eq!(d.r.html.matches("<a href=").count(), 2, "{}", d.r.html);
}

/// `https://hotline.gov@evil.example/` shows a trusted name and leads to
/// another host: the part before `@` is a user name.
#[test]
fn a_user_name_dressed_as_a_site_is_said() {
    let d = render_one(
        "[Hotline](https://hotline.gov@evil.example/report) [ok](https://example.org/a@b)\n",
    );
    assert_eq!(
        d.messages(),
        [
            "4:1: warning: this link leads to `evil.example`, not to `hotline.gov`: what comes before `@` in an address is a user name, which makes a link look like another site's"
        ]
    );
}
