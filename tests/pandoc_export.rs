//! End-to-end: a chapter exported from Word by pandoc, or moved from Hugo,
//! Jekyll or Docusaurus. CommonMark reads their own syntax as text: pandoc's
//! attributes and `:::` divs are left out (their text kept), template code
//! and pandoc's tables stay as written; each kind is one warning at its
//! first line, and code shows everything as written.

mod common;
use common::Site;

const CHAPTER: &str = "---
title: Exported by pandoc
---

![Figure 1](images/pump.png){width=\"50%\"}

This is [Draft for consultation]{.underline} and [*emphasised*]{#x .y} text, see [the form](02-signs.md){.button}.

::: {.custom-style=\"Note\"}
Boil water for one minute.
:::

:::tip Remember

Docusaurus admonition text.

:::

{{< notice warning >}}
Hugo shortcode content.
{{< /notice >}}

+-------+-------+
| a     | b     |
+=======+=======+
| 1     | 2     |
+-------+-------+

`[code]{.kept}` and {{hotline}} and a brace {.not-after-a-link}.

```
::: {.kept-in-code}
![x](y.png){width=1}
```
";

#[test]
fn pandoc_and_hugo_syntax_is_left_out_or_named_never_shown_silently() {
    let site = Site::fixture("basic");
    site.write("guidance/handbook/04-pandoc.en.md", CHAPTER);
    site.write("guidance/handbook/images/pump.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "guidance/values.yaml",
        "hotline: { label: { en: Hotline }, value: \"+227 00 00 00 00\" }\n",
    );
    let o = site.build_ok();
    let page = site.page("en/handbook/pandoc.html");
    let content = page.one(".content");
    let text: String = content.text().collect();
    // Outside code, none of the markers is left.
    let prose: String = page
        .select(".content > p")
        .iter()
        .flat_map(|p| p.text())
        .collect();
    for gone in [
        "{width",
        "{.underline}",
        "{#x",
        "{.button}",
        ":::",
        "[Draft",
    ] {
        assert!(!prose.contains(gone), "`{gone}` shown in: {prose}");
    }
    for kept in [
        "This is Draft for consultation and emphasised text, see the form.",
        "Boil water for one minute.",
        "Docusaurus admonition text.",
        // A Docusaurus admonition's title, as a line of its own.
        "Remember",
        // Code is shown as written.
        "[code]{.kept}",
        "::: {.kept-in-code}\n![x](y.png){width=1}",
        // Not an attribute: a brace after text stays.
        "a brace {.not-after-a-link}",
        // What the author meant to show stays, with a warning.
        "{{< notice warning >}}",
        "+-------+-------+",
    ] {
        assert!(text.contains(kept), "`{kept}` missing from: {text}");
    }
    assert_eq!(page.attr(".content img", "src"), "images/pump.png");
    assert_eq!(
        page.attr(".content a[href$='signs.html']", "href"),
        "signs.html"
    );
    // No empty paragraph where a marker stood alone.
    for p in page.select(".content p") {
        assert!(!p.inner_html().trim().is_empty(), "{}", content.html());
    }
    let f = "guidance/handbook/04-pandoc.en.md";
    let mut found: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| l.starts_with(f) && l.contains(": warning: "))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            format!(
                "{f}:19:1: warning: template code `{{{{< notice warning >}}}}` is shown as text (and 1 more on this page): fieldguide does not run Hugo or Jekyll templates"
            ),
            format!(
                "{f}:23:1: warning: a pandoc grid table (`+-------+-------+`) is shown as text (and any others on this page)"
            ),
            format!(
                "{f}:5:29: warning: pandoc attributes `{{width=\"50%\"}}` left out (and 3 more on this page): fieldguide's Markdown has no `{{…}}` attributes after images, links or `[text]`"
            ),
            format!(
                "{f}:9:1: warning: block marker `::: {{.custom-style=\"Note\"}}` left out (and 3 more on this page); the text inside it is kept"
            ),
        ],
        "{}",
        o.stderr
    );
}

/// pandoc exports Word's drawings as they are: `.emf` and `.wmf`, which no
/// browser shows. Like a missing image: an error at its line, or with
/// `broken_links: warning` its description in a box, and never published.
#[test]
fn a_word_drawing_is_a_missing_image_not_a_refused_site() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-pandoc.en.md",
        "---\ntitle: Drawings\n---\n\nText.\n\n![Water flow chart](media/image3.emf)\n",
    );
    site.write("guidance/handbook/media/image3.emf", b"\x01\x00\x00\x00EMF");
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let f = "guidance/handbook/04-pandoc.en.md";
    assert!(
        o.stderr.contains(&format!(
            "{f}:7:1: error: image `image3.emf` is in a format browsers do not show"
        )),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("convert it to PNG"), "{}", o.stderr);

    let base = site.read("site.yaml");
    site.write("site.yaml", format!("{base}broken_links: warning\n"));
    let o = site.build_ok();
    assert!(
        o.stderr.contains(&format!(
            "{f}:7:1: warning: image `image3.emf` is in a format browsers do not show; its description is shown in a box"
        )),
        "{}",
        o.stderr
    );
    let page = site.page("en/handbook/pandoc.html");
    assert!(page.select(".content img").is_empty());
    assert!(
        page.text_of(".content .missing-image")
            .contains("Water flow chart")
    );
    assert!(!site.out().join("en/handbook/media/image3.emf").exists());
    assert!(
        common::tree(&site.out())
            .keys()
            .all(|k| !k.ends_with(".emf"))
    );
}

/// A GitHub wiki and a Jekyll site moved in: `[[links]]` are named with
/// the Markdown link to write, kramdown's attribute lines are left out
/// and named, and the wiki's sidebar and footer are not published as
/// pages.
#[test]
fn wiki_links_kramdown_lines_and_wiki_furniture_are_named() {
    let site = Site::fixture("basic");
    let f = "guidance/handbook/04-wiki.en.md";
    site.write(
        f,
        "---\ntitle: Wiki home\n---\n\nSee [[Informed Consent]] and [[the pathway|Referral-Pathways#steps]].\n\n* TOC\n{:toc}\n\n## Scope\n{: #scope .lead}\n\nText.\n",
    );
    site.write("guidance/handbook/_Sidebar.md", "* [[Home]]\n");
    site.write("guidance/handbook/_Footer.md", "Questions: ask the team.\n");
    let o = site.build_ok();
    assert!(
        o.stderr.contains(&format!(
            "{f}:5:5: warning: a wiki link `[[Informed Consent]]` is shown as text (and 1 more on this page): fieldguide's Markdown has no `[[…]]` links"
        )),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("write it as a Markdown link: `[Informed Consent](Informed-Consent.md)`"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(&format!(
            "{f}:8:1: warning: kramdown attributes `{{:toc}}` left out (and 1 more on this page)"
        )),
        "{}",
        o.stderr
    );
    for part in [
        "a GitHub wiki's or Docsify's sidebar (`_Sidebar.md`)",
        "a GitHub wiki's footer (`_Footer.md`)",
    ] {
        assert!(
            o.stderr
                .contains(&format!("warning: {part}, not a page: left out")),
            "{}",
            o.stderr
        );
    }
    let page = site.page("en/handbook/wiki.html");
    let text: String = page.one(".content").text().collect();
    assert!(!text.contains("{:"), "{text}");
    assert!(text.contains("[[Informed Consent]]"), "{text}");
    assert!(!site.out().join("en/handbook/_sidebar.html").exists());
    assert!(!site.out().join("en/handbook/_footer.html").exists());
    let nav: String = site.page("en/handbook/index.html").text_of("nav.pub-nav");
    assert!(!nav.contains("Sidebar") && !nav.contains("Footer"), "{nav}");
}
