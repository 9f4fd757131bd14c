//! End-to-end: the print page of each publication.

mod common;
use common::{Site, broken_links};
use std::collections::HashSet;

#[test]
fn print_page_has_cover_toc_and_every_chapter_in_order() {
    let site = Site::fixture("basic");
    site.build_ok();
    let p = site.page("en/handbook/print.html");
    assert_eq!(p.select(".cover").len(), 1);
    assert_eq!(p.text_of(".cover h1"), "Handbook");
    assert!(p.text_of(".cover-meta").contains("2.1"));
    assert!(p.text_of(".cover-meta").contains("2026-10-01"));
    let toc: Vec<String> = p
        .select(".print-toc a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(
        toc,
        [
            "Introduction",
            "Signs",
            "Referral",
            "Contacts",
            "Deep part",
            "Leaf"
        ]
    );
    let sections: Vec<String> = p
        .select("section.chapter")
        .iter()
        .map(|s| s.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(
        sections,
        [
            "p-intro-page",
            "p-intro",
            "p-signs",
            "p-referral",
            "p-referral-contacts",
            "p-referral-deep",
            "p-referral-deep-leaf"
        ]
    );
    // No navigation chrome.
    assert!(
        p.select(".pub-nav, .site-header, .pager, .languages")
            .is_empty()
    );
    // Ids are unique although chapters repeat heading names.
    assert_unique_ids(&p);
    // Links between chapters stay inside the document; others are rebased.
    let hrefs: Vec<&str> = p
        .select("#p-intro a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains(&"#p-signs--physical-signs"), "{hrefs:?}");
    assert!(hrefs.contains(&"#p-referral-contacts"), "{hrefs:?}");
    assert!(hrefs.contains(&"../checklist/index.html"), "{hrefs:?}");
    assert_eq!(
        p.attr("#p-referral-deep-leaf img", "src"),
        "images/flow.png"
    );
    // Paper cannot load an image later: print pages load every image at
    // once, while the chapter's own page loads it lazily.
    for img in p.select("img") {
        assert_eq!(img.value().attr("loading"), None, "{:?}", img.value());
    }
    let leaf = site.page("en/handbook/referral/deep/leaf.html");
    assert_eq!(leaf.attr("main img", "loading"), "lazy");
    assert!(
        broken_links(&site.out()).is_empty(),
        "{:#?}",
        broken_links(&site.out())
    );
    // Every page of the publication links to it.
    for page in [
        "en/handbook/index.html",
        "en/handbook/intro.html",
        "en/handbook/referral/deep/leaf.html",
    ] {
        let p = site.page(page);
        let href = p.attr(".print-link a", "href");
        assert!(href.ends_with("print.html"), "{page}: {href}");
    }
}

#[test]
fn page_size_by_kind_and_front_matter() {
    let site = Site::sample();
    site.build_ok();
    // The `@page` rules live in a stylesheet beside the print page, linked
    // from it, so the page's Content-Security-Policy needs no inline style.
    let css = |page: &str| {
        let p = site.page(page);
        assert_eq!(p.attr("link[href='print-page.css']", "rel"), "stylesheet");
        site.read(&format!(
            "public/{}",
            page.replace("print.html", "print-page.css")
        ))
    };
    assert!(
        css("en/pocket-guide/print.html").contains("size: 105mm 148mm"),
        "{}",
        css("en/pocket-guide/print.html")
    );
    assert!(css("en/identification-guidelines/print.html").contains("size: 210mm 297mm"));
    // RTL print pages are laid out right to left.
    let ar = site.page("ar/pocket-guide/print.html");
    assert_eq!(ar.attr("html", "dir"), "rtl");

    let fixture = Site::fixture("basic");
    fixture.write(
        "guidance/handbook/index.en.md",
        "---\ntitle: Handbook\nprint: { size: A5, margins: 10mm 12mm }\n---\nSee [signs](02-signs.md#physical-signs) and [intro](01-intro.md).\n",
    );
    fixture.build_ok();
    let style = fixture.read("public/en/handbook/print-page.css");
    assert!(style.contains("size: 148mm 210mm"), "{style}");
    assert!(style.contains("margin: 10mm 12mm"), "{style}");
}

#[test]
fn titles_cannot_break_out_of_the_print_style() {
    let site = Site::fixture("basic");
    site.write("guidance/handbook/index.en.md", "---\ntitle: \"</style><script>alert(1)</script> \\\"q\\\"\"\n---\n[a](01-intro.md) [b](02-signs.md#physical-signs)\n");
    site.build_ok();
    let p = site.page("en/handbook/print.html");
    assert!(p.select("script").is_empty());
    assert!(p.select("style").is_empty());
    assert!(p.text_of(".cover h1").contains("<script>"));
    // In the stylesheet, the title is one CSS string: nothing ends it early.
    let css = site.read("public/en/handbook/print-page.css");
    let line = css
        .lines()
        .find(|l| l.contains("@top-center { content: \""))
        .unwrap();
    assert!(
        !line.contains("</style>") && !line.contains("\\\"q"),
        "{line}"
    );
    assert!(line.contains("\\3c /style\\3e "), "{line}");
}

/// Two things real corpora have that once broke the print page: an
/// apostrophe in a file name (`fiche-d'orientation.pdf`: the link was
/// escaped twice, `&amp;#39;`, and led nowhere), and a chapter beside a
/// part of the same name (`05-basics.md`, `06-basics/`), whose sections
/// shared an id, so links and the contents led to the first.
#[test]
fn print_links_survive_apostrophes_and_sections_keep_their_own_ids() {
    let site = Site::fixture("basic");
    let png = std::fs::read(site.path().join("guidance/handbook/images/flow.png")).unwrap();
    site.write("guidance/handbook/images/l'été.png", &png);
    site.write(
        "guidance/handbook/files/fiche-d'orientation.pdf",
        "%PDF-1.4\n",
    );
    site.write(
        "guidance/handbook/05-basics.en.md",
        "---\ntitle: Basics\n---\n\n## Age {#age}\n\nSee [the form](files/fiche-d'orientation.pdf), [the detail](06-basics/01-more.md#age).\n\n![Flow](images/l'été.png)\n",
    );
    site.write(
        "guidance/handbook/06-basics/index.en.md",
        "---\ntitle: Basics in detail\n---\n\nThe part.\n",
    );
    site.write(
        "guidance/handbook/06-basics/01-more.en.md",
        "---\ntitle: More\n---\n\n## Age {#age}\n\nDetail.\n",
    );
    site.build_ok();
    let p = site.page("en/handbook/print.html");
    assert_unique_ids(&p);
    // The cross-reference leads to the part's chapter, not to `05-basics`.
    let detail = p
        .select("a")
        .into_iter()
        .find(|a| a.text().collect::<String>() == "the detail")
        .unwrap();
    let target = detail.value().attr("href").unwrap().trim_start_matches('#');
    let section = p
        .select(&format!("[id='{target}']"))
        .into_iter()
        .next()
        .unwrap();
    let chapter = section
        .ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .find(|e| e.value().name() == "section" || e.value().name() == "article")
        .unwrap();
    assert!(
        chapter.text().collect::<String>().contains("Detail."),
        "{}",
        chapter.html()
    );
    assert!(
        broken_links(&site.out()).is_empty(),
        "{:#?}",
        broken_links(&site.out())
    );
}

fn assert_unique_ids(p: &common::Page) {
    let ids: Vec<&str> = p
        .select("[id]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids: {ids:?}");
}
