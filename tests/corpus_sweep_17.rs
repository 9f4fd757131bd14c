//! What the seventeenth outside sweep of real-world corpora found: Word
//! and web leftovers that unmade headings without a word, pages of other
//! Markdown tools' formats left out without one, and hints that named
//! the wrong fix.

mod common;

use common::{Site, message_at};

/// Files joined one after another (`cat`, a converter's "combine") keep
/// each one's byte-order mark, and text pasted from web pages and Google
/// Docs brings zero-width spaces: before `#` or `-` at a line's start,
/// either makes the line text. `\u{feff}## Drainage` was published as a
/// paragraph reading `## Drainage`, without a word; it is now a warning
/// at the character, naming it by its code point.
#[test]
fn an_invisible_character_before_a_heading_is_named() {
    let s = Site::signs_with(concat!(
        "\u{feff}## Drainage\n\n",
        "Water runs downhill.\n\n",
        "\u{200b}- a pasted item\n\n",
        "A \u{feff}# in the middle of a line is text, as written.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains(
            "warning: an invisible character (U+FEFF) before `##` makes the line text, not a heading (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.contains("byte-order mark"), "{hint}");
    assert_eq!(o.stderr.matches("an invisible character").count(), 1);
    // What readers get is as before: the warning is what changed.
    let p = s.page("en/handbook/signs.html");
    assert!(p.text.contains("## Drainage"));
}

/// Quarto's `.qmd` and R Markdown's `.Rmd` pages are Markdown with YAML
/// front matter, and Sphinx's `.rst` pages are the other format such sites
/// move in with. Each was left out with no word but a line in the
/// summary's list of files no page links to, and a link to one was an
/// error telling the author to save it as PDF, which failed the build even
/// with `broken_links: warning`. Each is now a warning at the file with
/// what to do (rename it `.md`; convert it with pandoc), and a link to one
/// is a broken link that says so.
#[test]
fn quarto_and_sphinx_pages_are_named() {
    let s = Site::signs_with("See [the annex](04-annex.qmd) and [notes](05-notes.rst).\n");
    let config = s.read("site.yaml");
    s.write("site.yaml", format!("{config}broken_links: warning\n"));
    s.write(
        "guidance/handbook/04-annex.qmd",
        "---\ntitle: Annex\n---\n\n```{r}\nsummary(cases)\n```\n",
    );
    s.write(
        "guidance/handbook/05-notes.rst",
        "Notes\n=====\n\nWater points.\n",
    );
    let o = s.build_ok();
    let at_file = |file: &str| {
        let mut lines = o.stderr.lines();
        let line = lines
            .find(|l| l.starts_with(&format!("guidance/handbook/{file}: warning: ")))
            .unwrap_or_else(|| panic!("no warning at {file}:\n{}", o.stderr));
        (line.to_string(), lines.next().unwrap_or("").to_string())
    };
    let (line, hint) = at_file("04-annex.qmd");
    assert!(line.contains("a Quarto or R Markdown page"), "{line}");
    assert!(hint.contains("rename it `.md`"), "{hint}");
    let (line, hint) = at_file("05-notes.rst");
    assert!(line.contains("a reStructuredText page"), "{line}");
    assert!(
        hint.contains("`pandoc -f rst -t gfm 05-notes.rst -o 05-notes.md`"),
        "{hint}"
    );
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:5");
    assert!(
        line.contains("link to a missing file `04-annex.qmd`"),
        "{line}"
    );
    assert!(
        hint.starts_with("Quarto and R Markdown pages are not read"),
        "{hint}"
    );
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:35");
    assert!(hint.contains("convert it to a `.md` page"), "{hint}");
    assert!(!o.stderr.contains("save it as PDF"), "{}", o.stderr);
}

/// kramdown (Jekyll's Markdown) and Python-Markdown (MkDocs's) read
/// Markdown inside `<div markdown="1">`; CommonMark reads it inside an
/// HTML element only after a blank line. The lines right after the tag
/// were published as written, `**Call first**` with its stars, under a
/// warning whose hint listed the tags raw HTML keeps. The warning now
/// says why the Markdown shows, and the hint what to write; a `<div
/// markdown="1">` followed by a blank line is told only that the
/// attribute is not needed.
#[test]
fn markdown_inside_a_kramdown_div_is_explained() {
    let s = Site::signs_with(concat!(
        "<div markdown=\"1\">\n",
        "**Call first**\n",
        "</div>\n\n",
        "<div markdown=\"block\">\n\n",
        "Then **write** it down.\n\n",
        "</div>\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains("Markdown inside an HTML element is read only after a blank line"),
        "{line}"
    );
    assert!(
        hint.starts_with("delete `markdown=\"1\"` and leave a blank line after the opening tag"),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:17:1");
    assert!(
        line.contains("`markdown` attribute removed from `<div>` in raw HTML: not needed"),
        "{line}"
    );
    let p = s.page("en/handbook/signs.html");
    assert!(p.text.contains("**Call first**"));
    assert_eq!(p.select(".content div strong").len(), 1);
}

/// Guidance templates leave words in angle brackets for each office to
/// fill in: `call <hotline number>`, `<Country Office>`. CommonMark reads
/// each as an HTML tag, which the sanitiser removed, words and all ("call
/// or write to ."), under a warning that said "its text is kept". They are
/// now shown as written, in the page, its heading ids and search, with a
/// warning that says how to keep them without one (`\<`) or how to make
/// them a local value; real tags are removed as before.
#[test]
fn words_in_angle_brackets_are_shown_as_written() {
    let s = Site::signs_with(concat!(
        "Call <hotline number> or write to <Country Office>.\n\n",
        "## Ask <focal point>\n\n",
        "A <marquee>real tag</marquee> and an escaped \\<name of district>.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:6");
    assert!(
        line.contains("warning: `<hotline number>` is no HTML tag: shown as written"),
        "{line}"
    );
    assert!(hint.contains("`\\<name of focal point>`"), "{hint}");
    assert!(hint.contains("`{{hotline}}`"), "{hint}");
    assert!(
        o.stderr.contains("`<marquee>` removed from raw HTML"),
        "{}",
        o.stderr
    );
    assert!(
        !o.stderr.contains("`<name of district>` is no"),
        "{}",
        o.stderr
    );
    let p = s.page("en/handbook/signs.html");
    let texts: Vec<String> = p
        .select(".content p")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert!(
        texts.contains(&"Call <hotline number> or write to <Country Office>.".to_string()),
        "{texts:?}"
    );
    assert_eq!(p.attr(".content h2:last-of-type", "id"), "ask-focal-point");
    assert!(
        p.text
            .contains("A real tag and an escaped &lt;name of district&gt;.")
    );
}

/// `<www.example.org>` is no autolink in CommonMark (it needs its
/// `https://`), and was shown as text, rightly named, but as the address
/// `www.example.org>`, with the hint to write `<https://www.example.org>>`,
/// which links to an address ending in `>`. The address now ends before
/// the `>`.
#[test]
fn an_address_in_angle_brackets_without_https_is_told_the_right_link() {
    let s = Site::signs_with("Visit <www.example.org> for the forms.\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:8");
    assert!(
        line.contains("web address `www.example.org` is shown as text"),
        "{line}"
    );
    assert!(
        hint.starts_with("write it between angle brackets, `<https://www.example.org>`,"),
        "{hint}"
    );
    assert!(!o.stderr.contains(".org>>"), "{}", o.stderr);
}

/// Word's AutoCorrect turns `---` into an em dash as one types, and a
/// table written in Word and saved as text keeps its rule so:
/// `|———|———|`. CommonMark reads no table without hyphens there, and the
/// table was published as lines of text, bars and all, without a word. It
/// is now a warning at the rule with the rule to write, colons kept.
#[test]
fn a_table_rule_of_long_dashes_is_named() {
    let s = Site::signs_with(concat!(
        "| Step | Who |\n",
        "|:———|–––:|\n",
        "| Triage | Nurse |\n\n",
        "— a dialogue line, as French writes it, is text.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:14:1");
    assert!(
        line.contains(
            "warning: a table's rule `|:———|–––:|` has long dashes where Markdown wants hyphens"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("write it with hyphens, `|:---|---:|`"),
        "{hint}"
    );
    assert_eq!(o.stderr.matches("has long dashes").count(), 1);
    // What readers get is as before: the warning is what changed.
    let p = s.page("en/handbook/signs.html");
    assert!(p.select(".content table").is_empty());
}

/// Docusaurus pages link to their site's files as `@site/static/img/map.png`
/// and to files it copies as is as `pathname:///files/form.pdf`. The first
/// was a missing image with no hint, though `static/img/map.png` was
/// there; the second was removed as a link of an unknown kind, with the
/// hint that only http, https, mailto and tel links are published. Each is
/// now a broken link that names Docusaurus and gives the path to write.
#[test]
fn docusaurus_site_paths_are_told_the_path_to_write() {
    let s = Site::signs_with(
        "![Map](@site/static/img/map.png) and [the form](pathname:///files/form.pdf).\n",
    );
    let config = s.read("site.yaml");
    s.write("site.yaml", format!("{config}broken_links: warning\n"));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains("`@site/static/img/map.png` is a Docusaurus path from the top of its site"),
        "{line}"
    );
    assert!(hint.starts_with("write `/img/map.png`"), "{hint}");
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:38");
    assert!(
        line.contains("`pathname:///files/form.pdf` is a Docusaurus link"),
        "{line}"
    );
    assert!(hint.starts_with("write `/files/form.pdf`"), "{hint}");
    assert!(!o.stderr.contains("only http, https"), "{}", o.stderr);
}

/// Word's AutoCorrect turns a list's `- ` into an en dash as one types:
/// `– Call the hotline` on one line and `– Write down the time` on the
/// next were published as one paragraph, run together, without a word
/// (only bullets, `•`, were named). Two lines of a paragraph that start
/// with a dash are now named at the first; one such line stays prose.
#[test]
fn a_list_of_dashes_is_named() {
    let s = Site::signs_with(concat!(
        "– Call the hotline\n",
        "– Write down the time\n\n",
        "— One line with a dash is prose, as a dialogue line is.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.contains(
            "warning: `–` is not a list marker in Markdown: these lines make one paragraph"
        ),
        "{line}"
    );
    assert!(hint.starts_with("start each item with `- `"), "{hint}");
    assert_eq!(o.stderr.matches("is not a list marker").count(), 1);
}

/// A fenced code block whose closing fence was lost (a document split
/// into chapters leaves it in the next one) runs to the end of the page:
/// the heading, list and paragraphs after it were published as code,
/// without a word. It is now a warning at the opening fence saying how
/// much of the page is code; a closed block, also at the page's end, is
/// not named.
#[test]
fn a_code_block_never_closed_is_named() {
    let s = Site::signs_with(concat!(
        "~~~~\nclosed with more tildes\n~~~~~\n\n",
        "Run this:\n\n",
        "```bash\n",
        "ping 10.0.0.1\n\n",
        "## Next steps\n\n",
        "- Call the team.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:19:1");
    assert!(
        line.contains("warning: this code block is never closed: everything after its opening fence (```), 5 lines to the end of the page, is shown as code"),
        "{line}"
    );
    assert!(
        hint.starts_with("end the code with a line of ``` alone"),
        "{hint}"
    );
    assert_eq!(o.stderr.matches("never closed").count(), 1, "{}", o.stderr);
    let closed = Site::signs_with("```\ncode at the end\n```\n");
    let o = closed.build_ok();
    assert!(!o.stderr.contains("never closed"), "{}", o.stderr);
}

/// Where raw HTML is trusted (`allow_raw_html: true`), a tag of no HTML
/// element is the author's markup, not words to fill in: an inline SVG's
/// `<g>` stays a group of the drawing, not the text `<g>`.
#[test]
fn trusted_raw_html_keeps_its_own_elements() {
    let s = Site::signs_with(
        "A dot: <svg width=\"8\" height=\"8\"><g><circle r=\"4\" cx=\"4\" cy=\"4\"/></g></svg> here.\n",
    );
    s.write(
        "site.yaml",
        format!("{}allow_raw_html: true\n", s.read("site.yaml")),
    );
    let o = s.build_ok();
    assert!(!o.stderr.contains("is no HTML tag"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    assert_eq!(p.select(".content svg > g > circle").len(), 1);
    assert!(!p.text_of(".content").contains("<g>"));
}

/// pandoc writes a Word document's Zotero or Mendeley references as
/// citations, `[@who2021]`, `[see @iom2019, p. 12; @who2021]`, which only
/// pandoc's citeproc turns into text and a bibliography: they were
/// published as written without a word. Now named at the first place on
/// the page; an e-mail address in brackets and a link's text are not.
#[test]
fn a_pandoc_citation_is_named() {
    let s = Site::signs_with(concat!(
        "Write to [info@example.org] first.\n\n",
        "Follow [@unhcr](https://example.org/unhcr) for news.\n\n",
        "Debt bondage is common [see @iom2019, p. 12; @who2021].\n\n",
        "Smith agrees [-@smith2020].\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:17:24");
    assert!(
        line.contains(
            "warning: a pandoc citation `[see @iom2019, p. 12; @who2021]` is shown as text (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.contains("footnote"), "{hint}");
    assert_eq!(o.stderr.matches(": warning: ").count(), 1, "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    assert!(
        p.text_of(".content")
            .contains("[see @iom2019, p. 12; @who2021]")
    );
}
