//! A block of code wider than the screen can be scrolled from the keyboard
//! (axe's `scrollable-region-focusable`): on a page, each `<pre>` is a
//! focusable region named in the page's language, as tables are; the
//! script keeps it focusable only while it is wider than its box. Print
//! pages, which nobody scrolls, are left as they are.

mod common;
use common::{Site, browser, label};

const CODE: &str = "\n\n```\nREPORT 4471 NIAMEY; CASE-REFERENCE-2026-000123; SHELTER-NORTH; REFERRED-BY FIELD-TEAM-7; CONSENT YES\n```\n\n```\n*123#\n```\n";

fn site() -> Site {
    let site = Site::fixture("basic");
    for lang in ["en", "fr", "ar"] {
        let path = format!("guidance/handbook/01-intro.{lang}.md");
        let text = site.read(&path);
        site.write(&path, format!("{text}{CODE}"));
    }
    site.build_ok();
    site
}

#[test]
fn code_blocks_are_focusable_regions_named_in_the_page_language() {
    let site = site();
    for lang in ["en", "fr", "ar"] {
        let page = site.page(&format!("{lang}/handbook/intro.html"));
        let pres = page.select("main pre");
        assert_eq!(pres.len(), 2, "{lang}");
        for pre in pres {
            let a = |n| pre.value().attr(n);
            assert_eq!(a("tabindex"), Some("0"), "{lang}");
            assert_eq!(a("role"), Some("region"), "{lang}");
            assert_eq!(a("aria-label"), Some(label(lang, "code-label").as_str()));
        }
        assert_ne!(label(lang, "code-label"), "", "{lang}");
    }
    // Not on paper.
    let print = site.page("en/handbook/print.html");
    assert!(!print.select("pre").is_empty());
    assert!(print.select("pre[tabindex], pre[role]").is_empty());
}

#[test]
fn only_a_code_block_that_scrolls_stays_focusable() {
    let site = site();
    let Some(browser) = browser::require() else {
        return;
    };
    // A phone-wide window (390 px): the long line scrolls, `*123#` does not.
    let dom = browser::dump_dom(
        &browser,
        &browser::file_url(&site.out().join("en/handbook/intro.html")),
    );
    let doc = scraper::Html::parse_document(&dom);
    let sel = scraper::Selector::parse("main pre").unwrap();
    let tabindex: Vec<Option<&str>> = doc
        .select(&sel)
        .map(|p| p.value().attr("tabindex"))
        .collect();
    assert_eq!(tabindex, [Some("0"), None], "{dom}");
}
