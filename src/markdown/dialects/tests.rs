use super::scan::{attribute_block, is_kramdown_line, is_mdx_import, is_toc_marker};
use super::*;
use crate::markdown::state::Dialects;

#[test]
fn template_code_but_not_link_targets() {
    assert_eq!(template_code("{{< notice >}}"), Some(0));
    assert_eq!(template_code("a {% include x %}"), Some(2));
    assert_eq!(
        template_code("[a]({{< ref \"b\" >}}) and [c](<{{% x %}}>)"),
        None
    );
    assert_eq!(template_code("{{hotline}} {x}"), None);
    assert_eq!(template_code("{{ hotline }}"), None);
    assert_eq!(template_code("Site: {{ .Site.Title }}"), Some(6));
    assert_eq!(template_code("{{ page.title }}"), Some(0));
    assert_eq!(template_code("a {{site.title}}"), Some(2));
    assert_eq!(template_code("{{ content | markdownify }}"), Some(0));
    assert_eq!(template_code("{{x}"), None);
    assert_eq!(template_code("[f]: {{ site.baseurl }}/logo.png"), None);
}

#[test]
fn wiki_links_and_the_markdown_to_write() {
    assert_eq!(wiki_link("See [[Home]]."), Some((4, "Home")));
    assert_eq!(wiki_link("[[ ]] [x]"), None);
    assert_eq!(wiki_link("[[a [b]]"), None);
    for (inner, md) in [
        (
            "Informed Consent",
            "[Informed Consent](Informed-Consent.md)",
        ),
        (
            "the pathway|Referral-Pathways",
            "[the pathway](Referral-Pathways.md)",
        ),
        ("Home#before", "[Home: before](Home.md#before)"),
        // Obsidian's order, its spaces, a heading as its id, a width.
        (
            "Referral pathway#Urgent cases|urgent cases",
            "[urgent cases](<Referral pathway.md#urgent-cases>)",
        ),
        ("#Urgent cases", "[Urgent cases](#urgent-cases)"),
        ("flow chart.png|300", "![](<flow chart.png>)"),
        ("images/flow.png", "![](images/flow.png)"),
        ("images/Flow.JPG", "![](images/Flow.JPG)"),
        ("scan.jfif", "![](scan.jfif)"),
        ("map.avif", "![](map.avif)"),
        ("chart.svg", "![](chart.svg)"),
        ("Notes.md", "[Notes.md](Notes.md)"),
        (
            "File:Referral flow.png|thumb|left|300px|The referral flow",
            "![The referral flow](<Referral flow.png>)",
        ),
        (
            "Image:map.jpg|alt=Map of the district|thumb|Map",
            "![Map of the district](map.jpg)",
        ),
        ("file:map.jpg", "![](map.jpg)"),
        (
            "Media:Consent form.pdf",
            "[Consent form.pdf](<Consent form.pdf>)",
        ),
        (
            "Meeting notes: March|notes",
            "[Meeting notes: March](notes.md)",
        ),
    ] {
        assert_eq!(wiki_markdown(inner), md, "{inner}");
    }
}

#[test]
fn kramdown_lines() {
    for l in [
        "{:toc}",
        "{: #scope .lead}",
        "  {::options parse_block_html=\"true\" /}",
    ] {
        assert!(is_kramdown_line(l), "{l}");
    }
    for l in ["{{hotline}}", "{#x}", "text {: .x}", "{: not closed"] {
        assert!(!is_kramdown_line(l), "{l}");
    }
}

#[test]
fn table_of_contents_markers() {
    for l in ["[TOC]", " [toc] ", "[[_TOC_]]", "[[toc]]", "${toc}"] {
        assert!(is_toc_marker(l), "{l}");
    }
    for l in ["[TOC] of the guide", "[Table of contents](toc.md)", "[x]"] {
        assert!(!is_toc_marker(l), "{l}");
    }
}

#[test]
fn attribute_blocks() {
    assert_eq!(attribute_block("{width=\"50%\"} x"), Some(13));
    assert_eq!(attribute_block("{.underline}"), Some(12));
    assert_eq!(attribute_block("{#x .y key=v}"), Some(13));
    assert_eq!(attribute_block("{{hotline}}"), None);
    assert_eq!(attribute_block("{}"), None);
    assert_eq!(attribute_block("{ not attrs }"), None);
    assert_eq!(attribute_block("{width=\"50%\""), None);
}

#[test]
fn scans_attributes_spans_and_divs() {
    let body =
        "![F](a.png){width=\"50%\"}\n\nA [draft]{.underline} b.\n\n::: {.note}\nText.\n:::\n";
    let drops = Dialects::new(body).drops;
    let dropped: Vec<&str> = drops.iter().map(|(r, _)| &body[r.clone()]).collect();
    assert_eq!(
        dropped,
        [
            "{width=\"50%\"}",
            "[",
            "]",
            "{.underline}",
            "::: {.note}\n",
            "\n:::"
        ]
    );
}

#[test]
fn a_block_pandoc_wrapped_is_found_across_its_line_break() {
    let body = "![F](a.png){width=\"6.5in\"\r\nheight=\"3.2in\"}\n\n![G](b.png){width=6in\n\nheight=3in}\n";
    let drops = Dialects::new(body).drops;
    let dropped: Vec<&str> = drops.iter().map(|(r, _)| &body[r.clone()]).collect();
    // Not across a blank line: that is another paragraph.
    assert_eq!(dropped, ["{width=\"6.5in\"\r\nheight=\"3.2in\"}"]);
    assert_eq!(attribute_block("{alt=\"a\nb\"}"), None);
}

#[test]
fn leaves_images_links_and_values_alone() {
    for body in [
        "![a](b.png) {x}",
        "[a](b) {{v}}",
        "![a]{.x}",
        "text {.x}",
        "\\[a]{.x}",
    ] {
        let drops = Dialects::new(body).drops;
        let dropped: Vec<&str> = drops.iter().map(|(r, _)| &body[r.clone()]).collect();
        assert!(dropped.is_empty(), "{body}: {dropped:?}");
    }
}

#[test]
fn mkdocs_admonitions_but_not_prose() {
    use super::scan::is_admonition;
    for yes in [
        "!!! note",
        "!!! warning \"Consent\"",
        "??? tip",
        "???+ danger inline end \"Stop\"",
        "   !!! Note",
    ] {
        assert!(is_admonition(yes), "{yes}");
    }
    for no in [
        "!!! Do not share the list",
        "!!! warning do not share it",
        "!!!",
        "??? why",
        "!!! note: read this",
        "!!! note \"unclosed",
        "    !!! note",
    ] {
        assert!(!is_admonition(no), "{no}");
    }
}

#[test]
fn mdx_imports_but_not_sentences() {
    for l in [
        "import Tabs from '@theme/Tabs';",
        "import {Note, Tip} from \"../components\"",
        "import './styles.css';",
    ] {
        assert!(is_mdx_import(l), "{l}");
    }
    for l in [
        "import the list before you go.",
        "  import Tabs from '@theme/Tabs';",
        "Import Tabs from 'x';",
        "import x from y",
    ] {
        assert!(!is_mdx_import(l), "{l}");
    }
}

#[test]
fn inline_notes_but_not_in_code() {
    assert_eq!(inline_note("Ask.^[Plain words.] Then"), Some((4, 15)));
    assert_eq!(inline_note("a ^[see [b](c.md)] d"), Some((2, 16)));
    assert_eq!(inline_note("`x^[y]` and ^[z]"), Some((12, 4)));
    assert_eq!(inline_note("x^[] y"), None);
    assert_eq!(inline_note("x^[not closed"), None);
    assert_eq!(inline_note("a [^1] footnote"), None);
}

/// mdBook's include copies another file in: the hint says which, as for
/// MkDocs' snippets, not "Hugo or Jekyll templates".
#[test]
fn an_mdbook_include_names_the_file_to_copy_in() {
    assert_eq!(template_code("{{#include ../consent.md:2:5}}"), Some(0));
    let (msg, hint) = super::words::words(Kind::Template, "{{#include ../consent.md:2:5}}", "");
    assert!(msg.starts_with("mdBook include"), "{msg}");
    assert!(
        msg.contains("the text of `../consent.md` is not on it"),
        "{msg}"
    );
    assert_eq!(
        hint,
        "copy the text of `../consent.md` into this page where the line was, or link to it as a page of its own"
    );
    let (msg, _) = super::words::words(Kind::Template, "{{< notice >}}", "");
    assert!(msg.contains("Hugo or Jekyll"), "{msg}");
}

#[test]
fn a_docusaurus_admonitions_title_is_found() {
    use super::scan::admonition_title;
    let title = |l: &str| admonition_title(l).map(|r| l[r].to_string());
    assert_eq!(
        title(":::tip Before you start").as_deref(),
        Some("Before you start")
    );
    assert_eq!(
        title(":::note[Before you start] ").as_deref(),
        Some("Before you start")
    );
    // pandoc's divs have classes, not titles; no title, none.
    for l in ["::: warning", "::: {.note}", ":::tip", ":::", ":::tip[]"] {
        assert_eq!(title(l), None, "{l}");
    }
}
