//! Pages moved from MkDocs Material, Sphinx/MyST and Azure DevOps wikis:
//! what their Markdown publishes here, and what the author is told.

mod common;

use common::{Site, message_at};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";

/// MkDocs Material's content tabs, `=== "Phone"` with the tab's lines
/// indented under it: the marker was published as text and each tab's
/// lines as a code block, without a word. The marker is left out, with a
/// warning at its line that says to write each tab as a section.
#[test]
fn a_mkdocs_content_tab_is_named_with_the_section_to_write() {
    let s = Site::signs_with(
        "=== \"Phone\"\n\n    Call the referral line.\n\n=== \"In person\"\n\n    Walk the person to the desk.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert!(
        line.ends_with(
            "warning: MkDocs content tab `=== \"Phone\"` left out (and 1 more on this page): fieldguide has no tabs, so the lines indented under it are published as plain text (after a blank line, as code)"
        ),
        "{line}"
    );
    assert!(
        hint.contains("its title as a heading (`### Phone`)"),
        "{hint}"
    );
    let page = s.page("en/handbook/signs.html");
    let text = page.text_of("div.content");
    assert!(!text.contains("==="), "{text}");
}

/// MkDocs's snippet line, `--8<-- "includes/consent.md"`, which pulls a
/// shared file's text into the page: the line was published as text and
/// the consent wording was silently missing. The line is left out, and the
/// author is told which file's text to copy in.
#[test]
fn a_mkdocs_snippet_is_named_with_the_file_whose_text_is_missing() {
    let s = Site::signs_with("Before you start:\n\n--8<-- \"includes/consent.md\"\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:15:1"));
    assert!(
        line.ends_with(
            "warning: MkDocs snippet `--8<-- \"includes/consent.md\"` left out: fieldguide does not copy other files into a page, so the text of `includes/consent.md` is not on it"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "copy the text of `includes/consent.md` into this page where the line was, or link to it as a page of its own"
    );
    let text = s.page("en/handbook/signs.html").text_of("div.content");
    assert!(!text.contains("8<"), "{text}");
    assert!(text.contains("Before you start:"), "{text}");
}

/// A MyST directive, ```` ```{note} ````, as Sphinx and Jupyter Book
/// pages write a note: published as a code block, without a word. It is
/// still published as written (nothing is lost), with a warning at its
/// fence and the callout to write; a `{toctree}` is told it is not needed.
/// Quarto's code cell ```` ```{python} ```` is code, and not named.
#[test]
fn a_myst_directive_is_named_with_what_to_write() {
    let s = Site::signs_with(
        "```{note}\nConsent can be withdrawn at any time.\n```\n\n```{toctree}\nintro\n```\n\n```{python}\nprint(1)\n```\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert!(
        line.ends_with(
            "warning: MyST directive ```` ```{note} ```` is published as a code block: fieldguide does not run Sphinx or MyST directives"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("write a callout: a quote whose first line is `> [!NOTE]`"),
        "{hint}"
    );
    let (_, hint) = message_at(&o.stderr, &format!("{SIGNS}:17:1"));
    assert!(
        hint.starts_with("delete the block: each folder lists its own pages"),
        "{hint}"
    );
    assert!(!o.stderr.contains("{python}"), "{}", o.stderr);
    let text = s.page("en/handbook/signs.html").text_of("div.content");
    assert!(
        text.contains("Consent can be withdrawn at any time."),
        "{text}"
    );
}

/// `![Map](images/flow.png =100x)`, an image size as Azure DevOps wikis
/// and Typora write it: the image is shown as text, and the hint said to
/// put the target in angle brackets or rename the file, which would not
/// show it either. The hint now says to drop the size.
#[test]
fn an_image_size_after_the_file_is_told_to_go() {
    let s = Site::signs_with("![Map](images/flow.png =100x)\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:8"));
    assert!(
        line.ends_with(
            "warning: image target `images/flow.png =100x` has a space, so it is shown as text"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "the size after the file is another editor's (Azure DevOps, Typora); fieldguide shows an image at its own size, never wider than the page: write `(images/flow.png)`"
    );
}

/// An abbreviation line, `*[GBV]: Gender-based violence`, as MkDocs and
/// kramdown pages end: published as a line of text with its `*[`, which
/// explained nothing where the short form was used. It is left out, with
/// a warning that says to spell the words out at first use.
#[test]
fn an_abbreviation_line_is_told_to_be_spelled_out() {
    let s = Site::signs_with("The GBV focal point decides.\n\n*[GBV]: Gender-based violence\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:15:1"));
    assert!(
        line.ends_with(
            "warning: abbreviation `*[GBV]: Gender-based violence` left out: fieldguide does not explain abbreviations on hover, so readers never see these words"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "spell it out where it is first used in the text, `Gender-based violence (GBV)`, and delete the line"
    );
    let text = s.page("en/handbook/signs.html").text_of("div.content");
    assert!(!text.contains("*[GBV]"), "{text}");
}

/// A MyST target line, `(safety-plan)=`, above the heading it names: it
/// was published as text. It is left out, and the author is told to give
/// the heading that id, which links can then reach.
#[test]
fn a_myst_target_is_told_the_heading_id_to_write() {
    let s = Site::signs_with("(safety-plan)=\n## Safety plan\n\nAgree on a safe place.\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert!(
        line.ends_with(
            "warning: MyST target `(safety-plan)=` left out: fieldguide has no `{ref}` targets"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("give the heading below it this id, `## Title {#safety-plan}`"),
        "{hint}"
    );
    let page = s.page("en/handbook/signs.html");
    let text = page.text_of("div.content");
    assert!(!text.contains(")="), "{text}");
    assert_eq!(page.text_of("h2#safety-plan"), "Safety plan");
}

/// `ref: referral` (jekyll-multiple-languages) and `translationKey:`
/// (Hugo), which tie a page to its translations there: the hint said to
/// put them under `extra:` for templates, which ties nothing. It says
/// translations are found by the file's name.
#[test]
fn a_translation_key_is_told_translations_go_by_file_name() {
    let s = Site::fixture("basic");
    s.write(
        SIGNS,
        "---\ntitle: Signs\nref: signs\ntranslationKey: signs\n---\n\n## Physical signs {#physical-signs}\n\nFear.\n",
    );
    let o = s.build_ok();
    for at in ["3:1", "4:1"] {
        let (_, hint) = message_at(&o.stderr, &format!("{SIGNS}:{at}"));
        assert!(
            hint.starts_with("a page's translations are found by its file name"),
            "{hint}"
        );
    }
}
