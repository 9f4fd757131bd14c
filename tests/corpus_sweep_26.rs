//! What the twenty-sixth outside sweep of real-world corpora found: page
//! names with no letters left for their page names (`04-!!.md`, `🚨.md`),
//! GitBook's table of contents in small letters (`summary.md`),
//! Docusaurus's `<Link to="...">` pasted into a page, and pages Word saved
//! as web pages (`Referral.htm` beside `Referral_files/`).

mod common;

use common::{Site, message_at};

/// A page named after a symbol or an emphasis (`04-!!.md`, `🚨.md`, as
/// Notion and Obsidian pages titled "!!" or with an emoji come out) was
/// published as `04.html` or `page.html` without a word: an address that
/// says nothing of what it holds. It is still published there, with a
/// warning naming the file and the name to write, made from its title and
/// keeping its number and language.
#[test]
fn a_page_whose_name_has_no_letters_for_its_page_name_is_named() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-!!.en.md",
        "---\ntitle: Urgent contacts\n---\n\nSample guidance: call the duty officer before anyone else.\n",
    );
    s.write(
        "guidance/handbook/🚨.md",
        "---\ntitle: \"🚨\"\n---\n\nSample guidance: what to do when someone is in immediate danger.\n",
    );
    s.write(
        "guidance/handbook/2024.md",
        "---\ntitle: Annual review\n---\n\nSample guidance: what changed in the referral pathway this year.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/04-!!.en.md");
    assert!(
        line.ends_with(
            "warning: `04-!!.en.md` leaves no letters for a page name: the page is published as `handbook/04.html`, an address that says nothing of what it holds"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "rename the file after its title: `04-urgent-contacts.en.md`, and the links to it"
    );
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/🚨.md");
    assert!(line.contains("published as `handbook/page.html`"), "{line}");
    assert_eq!(
        hint,
        "rename the file after what it holds, in words (`referral-contacts.md`), and the links to it"
    );
    // A year is a name: `2024.html` says what the page is.
    assert!(
        !o.stderr.contains("`2024.md` leaves no letters"),
        "{}",
        o.stderr
    );
    // Readers still get each page where the warning says.
    let page = s.page("en/handbook/04.html");
    assert_eq!(page.text_of("main h1").trim(), "Urgent contacts");
    let page = s.page("en/handbook/page.html");
    assert!(
        page.text_of("main").contains("immediate danger"),
        "{}",
        page.text
    );
}

/// GitBook's table of contents in small letters (`summary.md`, as a copy
/// from Windows or macOS or an export may leave it) was read as a chapter
/// and stopped the build: "missing `title` in front matter". It is left
/// out like `SUMMARY.md`, with a warning; a chapter called `summary.md`,
/// with front matter, is still a page.
#[test]
fn gitbooks_table_of_contents_in_small_letters_is_left_out() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/summary.md",
        "# Summary\n\n* [Introduction](01-intro.en.md)\n* [Signs of trafficking](02-signs.en.md)\n    * [Referral](03-referral/index.en.md)\n",
    );
    s.write(
        "guidance/checklist/summary.md",
        "---\ntitle: Summary of the checks\n---\n\n- [x] Sample guidance: the interpreter is not known to the person.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/summary.md");
    assert!(
        line.ends_with(
            "warning: a table of contents (`summary.md`, GitBook's `SUMMARY.md` in small letters) is not read: it orders no pages here, and it is no page"
        ),
        "{line}"
    );
    assert!(hint.contains("`order:`"), "{hint}");
    assert!(!s.out().join("en/handbook/summary.html").exists());
    // The navigation lists the handbook's pages, not the table of contents.
    let index = s.page("en/handbook/index.html");
    let nav = index.texts("nav.pub-nav a").join("|");
    assert!(nav.contains("Signs") && !nav.contains("Summary"), "{nav}");
    let page = s.page("en/checklist/summary.html");
    assert_eq!(page.text_of("main h1").trim(), "Summary of the checks");
}

/// Docusaurus's `<Link to="/handbook/signs">the signs</Link>`, pasted
/// into a page, was removed as HTML's `<link>` with the hint that raw
/// HTML keeps some tags: the reader got the words without the link, and
/// the author no word of its address. The warning now names the
/// component and its address, and the page's Markdown file to link to
/// when a page has the name the address ends with.
#[test]
fn a_docusaurus_link_is_named_with_the_markdown_file_to_link_to() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/05-interviews.md",
        "---\ntitle: Interviews\n---\n\nSample guidance: read <Link to=\"/handbook/signs#at-work\">the signs</Link> before an interview,\nand fill in <Link to=\"/docs/old-intake\">the intake form</Link> after it.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/05-interviews.md:5:23");
    assert!(
        line.ends_with(
            "warning: Docusaurus's `<Link to=\"/handbook/signs#at-work\">` removed from raw HTML: its text is kept, not its link"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "write a Markdown link around its text instead, `[its text](…)`, and delete the `<Link>` and `</Link>` tags; for `/handbook/signs#at-work`, the page of that name: link to its Markdown file, `02-signs.md#at-work`"
    );
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/05-interviews.md:6:13");
    assert!(
        hint.contains("the page `/docs/old-intake` was on the old site"),
        "{hint}"
    );
    // Readers get the words, and no link to an address the site lacks.
    let page = s.page("en/handbook/interviews.html");
    assert!(
        page.text_of("main p").contains("read the signs before"),
        "{}",
        page.text
    );
    assert!(page.select("main p a").is_empty(), "{}", page.text);
}

/// Word's "Save as Web Page" leaves `Referral.htm` beside the
/// `Referral_files/` folder of its pictures. fieldguide reads Markdown:
/// the page's readers lost it, and the author saw it only among the
/// files "not linked from any page". It is named, with the conversion to
/// do; an `.htm` without such a folder is not taken for Word's.
#[test]
fn a_page_word_saved_as_a_web_page_is_named_with_the_conversion_to_do() {
    let s = Site::fixture("basic");
    let png = std::fs::read(s.path().join("guidance/handbook/images/flow.png")).unwrap();
    s.write(
        "guidance/handbook/Referral pathway.htm",
        "<html><head><meta name=Generator content=\"Microsoft Word 15\"></head><body><p class=MsoNormal>Sample guidance: refer adults to the shelter's intake team.</p><img src=\"Referral%20pathway_files/image001.png\"></body></html>",
    );
    s.write(
        "guidance/handbook/Referral pathway_files/image001.png",
        &png,
    );
    s.write(
        "guidance/handbook/Referral pathway_files/filelist.xml",
        "<xml></xml>",
    );
    s.write(
        "guidance/handbook/intake.html",
        "<html><body><p>Sample guidance: an old intake form.</p></body></html>",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/Referral pathway.htm");
    assert!(
        line.ends_with(
            "warning: a page Word saved as a web page (`Referral pathway.htm`, its pictures in `Referral pathway_files/`) is not read: fieldguide reads Markdown, so its text is not published"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with(
            "convert it to Markdown, `pandoc -f html -t gfm \"Referral pathway.htm\" -o \"Referral pathway.md\"`"
        ),
        "{hint}"
    );
    // Not Word's: only among the files no page links to.
    assert!(!o.stderr.contains("(`intake.html`"), "{}", o.stderr);
    assert!(
        o.stderr.contains("guidance/handbook/intake.html"),
        "{}",
        o.stderr
    );
    // The rest of the site is published as before.
    let signs = s.page("en/handbook/signs.html");
    assert_eq!(signs.text_of("main h1").trim(), "Signs");
}
