//! What the thirteenth outside sweep of real-world corpora noted as minor
//! migration leftovers: invalid HTML from a Confluence paste, hints that
//! did not name the file (Confluence export names, Hugo's `zh-cn`), a link
//! to a translation that is not there, and Docusaurus's `_category_.json`.

mod common;

use common::{Site, message_at};

/// A Confluence info macro pasted from the page's source kept its `<p>`
/// inside the Markdown paragraph: `<p><p>Confluence info macro</p></p>`,
/// which browsers read as three paragraphs, one empty. The same with a
/// `<div>`, a list or a table pasted into a line of text.
#[test]
fn block_html_pasted_into_a_paragraph_gives_valid_html() {
    let s = Site::signs_with(concat!(
        "<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>Confluence info macro</p></ac:rich-text-body></ac:structured-macro>\n\n",
        "Before the box <div>In a box</div> after the box.\n\n",
        "Steps: <ul><li>one</li><li>two</li></ul>\n\n",
        "<span>Table:</span> <table><tr><td>a</td><td>b</td></tr></table> done\n\n",
        "<p>Raw paragraph <div>with a box</div></p>\n\n",
        "*Emphasis <div>in emphasis</div> end*\n",
    ));
    let o = s.build_ok();
    let p = s.page("en/handbook/signs.html");
    assert!(p.html.errors.is_empty(), "{:#?}", p.html.errors);
    for css in [
        ".content p p",
        ".content p div",
        ".content p ul",
        ".content p table",
        ".content em div",
    ] {
        assert!(p.select(css).is_empty(), "{css}: {}", p.text);
    }
    let paragraphs: Vec<String> = p
        .select(".content p")
        .iter()
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect();
    assert!(!paragraphs.iter().any(String::is_empty), "{paragraphs:?}");
    for kept in [
        "Confluence info macro",
        "Before the box",
        "after the box.",
        "Steps:",
        "Raw paragraph",
    ] {
        assert!(
            paragraphs.iter().any(|t| t == kept),
            "{kept}: {paragraphs:?}"
        );
    }
    assert_eq!(p.select(".content ul li").len(), 2);
    assert_eq!(p.select(".content table td").len(), 2);
    assert_eq!(p.text_of(".content em"), "Emphasis in emphasis end");
    let at = o
        .stderr
        .lines()
        .find(|l| l.contains("`<div>` inside a line of text"))
        .unwrap_or_else(|| panic!("no warning for the box in emphasis:\n{}", o.stderr));
    assert!(at.contains("02-signs.en.md:"), "{at}");
}

/// A Confluence space export names each page by its title and page id
/// (`Intro_65538.html`): the hint was the generic "link to the Markdown
/// file (`chapter.md`)", though `01-intro.md` is the page of that name.
#[test]
fn a_confluence_export_file_name_is_told_the_page_of_that_name() {
    let s = Site::signs_with(
        "See [the introduction](Intro_65538.html) and [it](Intro_65538.html#start).\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:5");
    assert!(line.contains("`Intro_65538.html`"), "{line}");
    assert!(hint.contains("`01-intro.md`"), "{hint}");
    assert!(!hint.contains("chapter.md"), "{hint}");
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:46");
    assert!(hint.contains("`01-intro.md#start`"), "{hint}");
}

/// Hugo names Chinese `zh-cn` and `zh-tw`; the site lists `zh-Hans` and
/// `zh-Hant`: "unknown language suffix", with a hint to add the language.
#[test]
fn hugo_regional_chinese_suffixes_are_told_the_sites_script_language() {
    let s = Site::fixture("basic");
    let yaml = s.read("site.yaml");
    s.write(
        "site.yaml",
        format!("{yaml}  - {{ code: zh-Hans, name: 简体中文 }}\n  - {{ code: zh-Hant, name: 繁體中文 }}\n"),
    );
    let page = "---\ntitle: 简介\n---\n\n文本。\n";
    s.write("guidance/handbook/01-intro.zh-cn.md", page);
    s.write("guidance/handbook/01-intro.zh-tw.md", page);
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for (file, want) in [("zh-cn", "zh-Hans"), ("zh-tw", "zh-Hant")] {
        let (line, hint) = message_at(&o.stderr, &format!("guidance/handbook/01-intro.{file}.md"));
        assert!(
            line.contains(&format!("unknown language suffix `.{file}`")),
            "{line}"
        );
        assert!(
            hint.contains(&format!("rename the file `01-intro.{want}.md`")),
            "{hint}"
        );
    }
    // Following the hint works.
    s.remove("guidance/handbook/01-intro.zh-cn.md");
    s.remove("guidance/handbook/01-intro.zh-tw.md");
    s.write("guidance/handbook/01-intro.zh-Hans.md", page);
    s.build_ok();
    assert!(s.page("en/handbook/intro.html").text.contains("Intro"));
    assert!(s.page("zh-Hans/handbook/intro.html").text.contains("文本"));
}

/// `[x](02-signs.ar.md)` where there is no Arabic file: the link went to
/// the Arabic page, which shows the English, without a word.
#[test]
fn a_link_to_a_translation_that_is_not_there_says_where_it_leads() {
    let s = Site::fixture("basic");
    let intro = s.read("guidance/handbook/01-intro.en.md");
    s.write(
        "guidance/handbook/01-intro.en.md",
        format!(
            "{intro}\nIn Arabic: [signs](02-signs.ar.md#physical-signs), [intro](01-intro.fr.md).\n"
        ),
    );
    let o = s.build_ok();
    let warning = o
        .stderr
        .lines()
        .find(|l| l.contains("02-signs.ar.md`, a file that is not there"))
        .unwrap_or_else(|| panic!("no warning:\n{}", o.stderr));
    assert!(
        warning.starts_with("guidance/handbook/01-intro.en.md:"),
        "{warning}"
    );
    assert!(
        warning.contains("the العربية page of `02-signs.en.md`"),
        "{warning}"
    );
    let at = warning.split(": warning").next().unwrap();
    let (_, hint) = message_at(&o.stderr, at);
    assert!(
        hint.contains("link to `02-signs.md#physical-signs`"),
        "{hint}"
    );
    // A translation that is there: no warning.
    assert!(
        !o.stderr.contains("01-intro.fr.md`, a file"),
        "{}",
        o.stderr
    );
    let p = s.page("en/handbook/intro.html");
    assert!(
        p.text
            .contains("href=\"../../ar/handbook/signs.html#physical-signs\""),
        "{}",
        p.text
    );
}

/// Docusaurus keeps a part's title and place in `_category_.json`: it was
/// only listed among the files not linked, and the part took its folder's
/// name with a hint that did not mention it.
#[test]
fn a_docusaurus_category_file_is_named_in_the_missing_index_warning() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/safety/01-plan.en.md",
        "---\ntitle: Plan\n---\n\nText.\n",
    );
    s.write(
        "guidance/handbook/safety/_category_.json",
        "{\n  \"label\": \"Safety planning\",\n  \"position\": 2,\n  \"link\": { \"type\": \"generated-index\" }\n}\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/safety");
    assert!(line.contains("part folder has no index"), "{line}");
    for said in [
        "`_category_.json`",
        "the label `Safety planning` and the position 2",
        "`guidance/handbook/safety/index.md`",
        "`title: Safety planning` and `order: 2`",
    ] {
        assert!(hint.contains(said), "{said}: {hint}");
    }
    // Following the hint gives the part its title.
    s.write(
        "guidance/handbook/safety/index.md",
        "---\ntitle: Safety planning\norder: 2\n---\n\nIntro.\n",
    );
    let o = s.build_ok();
    assert!(
        !o.stderr.contains("part folder has no index"),
        "{}",
        o.stderr
    );
    assert_eq!(
        s.page("en/handbook/safety/index.html").text_of("h1").trim(),
        "Safety planning"
    );
}

/// A Hugo alias, written from the site's root with the language and the
/// publication (`/en/handbook/referral/old-steps/`), was told "`old-steps/`
/// (or `part/old-steps/` for a page in a part)"; following the first, as
/// written, kept the wrong address. The hint now gives the name relative to
/// the page's publication, and following it keeps the old address.
#[test]
fn a_hugo_alias_is_told_the_name_that_keeps_its_address() {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write(
        "site.yaml",
        "title: T\ndefault_language: en\nlanguages: [en]\ndownload: false\n",
    );
    site.write(
        "guidance/02-handbook/index.md",
        "---\ntitle: Handbook\n---\nIntro.\n",
    );
    site.write(
        "guidance/02-handbook/03-referral/index.md",
        "---\ntitle: Referral\n---\nPart.\n",
    );
    let page = |alias: &str| {
        site.write(
            "guidance/02-handbook/03-referral/01-steps.md",
            format!("---\ntitle: Steps\naliases:\n  - {alias}\n---\nSteps.\n"),
        )
    };
    page("/en/handbook/referral/old-steps/");
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (_, hint) = common::message_at(
        &o.stderr,
        "guidance/02-handbook/03-referral/01-steps.md:4:5",
    );
    assert!(hint.contains("`referral/old-steps/`"), "{hint}");
    page("referral/old-steps/");
    site.build_ok();
    assert!(
        site.out()
            .join("en/handbook/referral/old-steps/index.html")
            .is_file()
    );
}
