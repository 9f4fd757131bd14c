//! End-to-end: offline search as the reader sees it, in real headless
//! Chromium from `file://`: matching, ranking, corrections and snippets.
//! See also `search_typing.rs` (typing, submitting), `search_index.rs`
//! (the files), `search_rules.rs` (Rust and JavaScript agree) and
//! `search_quality.rs` (judged queries, corrections, speed).

mod common;
use common::search_page::{plain, results, search, search_dom, sel, text};
use common::{Site, browser};
use scraper::Html;
use std::path::Path;

#[test]
fn english_results_rank_titles_first_and_link_to_sections() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let (status, hits) = search(&b, &site.out(), "en", "referral");
    assert!(hits.len() >= 3, "{status}: {hits:?}");
    assert_eq!(plain(&status), format!("{} pages found", hits.len()));
    // Title matches first, then pages that only mention the word.
    let titled = hits.iter().take_while(|h| h.title_marked).count();
    assert!(titled >= 2, "{hits:?}");
    assert!(hits[titled..].iter().all(|h| !h.title_marked), "{hits:?}");
    assert!(hits.iter().any(|h| h.title == "Referral Pathways"));
    // Marked: the word's group, with `refer`, `referred` (one group since
    // sweep 5: Snowball keeps `referral` apart).
    for h in &hits {
        assert!(!h.publication.is_empty());
        assert!(
            h.marks
                .iter()
                .all(|m| m.to_lowercase().starts_with("refer")),
            "{h:?}"
        );
        assert!(!h.href.starts_with('/') && !h.href.contains("://"), "{h:?}");
        let page = h.href.split('#').next().unwrap();
        assert!(site.out().join("en").join(page).is_file(), "{h:?}");
    }
    // A body match links to the section its snippet is in.
    let body = hits
        .iter()
        .find(|h| !h.snippet.is_empty() && h.href.contains('#'));
    assert!(body.is_some(), "{hits:?}");
    // Pages with every word first, then pages with some of them, saying
    // how many; prefixes match as one types.
    let (_, both) = search(&b, &site.out(), "en", "refer conse");
    let full = both.iter().take_while(|h| h.partial.is_none()).count();
    assert!(full >= 3 && full < both.len(), "{both:?}");
    for h in &both[..full] {
        let page = site.read(&format!("public/en/{}", h.href.split('#').next().unwrap()));
        let page = page.to_lowercase();
        assert!(page.contains("refer") && page.contains("conse"), "{h:?}");
    }
    for h in &both[full..] {
        assert_eq!(h.partial.as_deref(), Some("Words matched: 1 of 2"), "{h:?}");
    }
    let (status, none) = search(&b, &site.out(), "en", "xylophonezzz");
    assert!(none.is_empty());
    assert_eq!(status, common::label("en", "search-none"));
}

#[test]
fn french_matches_without_accents_and_arabic_across_letter_forms() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let out = site.out();
    // French, typed without accents.
    let (_, hits) = search(&b, &out, "fr", "securite");
    assert!(hits.len() >= 3, "{hits:?}");
    assert!(
        hits.iter()
            .flat_map(|h| &h.marks)
            .any(|m| m == "sécurité" || m == "Sécurité"),
        "{hits:?}"
    );
    for h in &hits {
        assert!(
            h.snippet.contains("sécurité")
                || h.title.contains("écurité")
                || h.snippet.contains("Sécurité"),
            "{h:?}"
        );
    }
    // Arabic: the text has الإحالة (alef with hamza below, taa marbuta);
    // the query has a bare alef and heh.
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("guidance/pocket-guide/05-needs-and-referral.ar.md"),
    )
    .unwrap();
    assert!(source.contains("الإحالة"));
    let (status, hits) = search(&b, &out, "ar", "الاحاله");
    assert!(!hits.is_empty(), "{status}");
    assert!(
        hits.iter()
            .flat_map(|h| &h.marks)
            .any(|m| m.contains("الإحالة")),
        "{hits:?}"
    );
    // The count uses Arabic plural forms.
    let n = hits.len();
    let form = match n % 100 {
        _ if n == 1 => "one",
        _ if n == 2 => "two",
        3..=10 => "few",
        11..=99 => "many",
        _ => "other",
    };
    let expected = match form {
        "one" => "عُثر على صفحة واحدة".to_string(),
        "two" => "عُثر على صفحتين".to_string(),
        "few" => format!("عُثر على {n} صفحات"),
        _ => format!("عُثر على {n} صفحة"),
    };
    assert_eq!(plain(&status), expected);
    // Hamza on waw and on yeh, typed as plain letters: still found.
    for (query, word) in [("الموشرات", "المؤشرات"), ("الاسيله", "الأسئلة")]
    {
        let (_, hits) = search(&b, &out, "ar", query);
        assert!(
            hits.iter().flat_map(|h| &h.marks).any(|m| m == word),
            "{query}: {hits:?}"
        );
    }
    // An untranslated page is found in the Arabic tree, in English, marked.
    let (_, hits) = search(&b, &out, "ar", "trafficking smuggling");
    let fallback = hits
        .iter()
        .find(|h| h.lang.as_deref() == Some("en"))
        .unwrap_or_else(|| panic!("{hits:?}"));
    let page = fallback.href.split('#').next().unwrap();
    assert!(out.join("ar").join(page).is_file(), "{fallback:?}");
}

#[test]
fn hostile_titles_and_text_are_shown_as_text() {
    let Some(b) = browser::require() else { return };
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-hostile.en.md",
        "---\ntitle: \"<img src=x onerror=alert(1)> Zanzibar & <b>bold</b>\"\n---\n\nZanzibar text with <script>alert(2)</script> and \u{2028} a line separator.\n",
    );
    site.build_ok();
    let raw = std::fs::read_to_string(site.out().join("en/search-index.js")).unwrap();
    assert!(!raw.contains(['\u{2028}', '\u{2029}']));
    let (_, hits) = search(&b, &site.out(), "en", "zanzibar");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        hits[0].title,
        "<img src=x onerror=alert(1)> Zanzibar & <b>bold</b>"
    );
    let url = format!(
        "{}?q=zanzibar",
        browser::file_url(&site.out().join("en/search.html"))
    );
    let dom = browser::dump_dom(&b, &url);
    let html = Html::parse_document(&dom);
    let list = html.select(&sel("#search-results")).next().unwrap();
    for tag in ["img", "script", "b"] {
        assert_eq!(
            list.select(&sel(tag)).count(),
            0,
            "<{tag}> in results: {dom}"
        );
    }
}

/// The "showing results for" line: its text and the words in `<em>`, or
/// None when hidden.
fn fix_line(dom: &str) -> Option<(String, String)> {
    let html = Html::parse_document(dom);
    let p = html
        .select(&sel("#search-fix"))
        .next()
        .expect("the line is there");
    if p.value().attr("hidden").is_some() {
        return None;
    }
    let em = p.select(&sel("em")).next().map(text).unwrap_or_default();
    Some((plain(&text(p)), em))
}

#[test]
fn misspellings_are_corrected_and_the_page_says_so() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let out = site.out();
    let dom = search_dom(&b, &out, "en", "consnet");
    assert_eq!(
        fix_line(&dom),
        Some(("Showing results for consent".into(), "consent".into()))
    );
    let (_, hits) = results(&dom);
    assert_eq!(hits[0].title, "Informed Consent", "{hits:?}");
    assert!(hits[0].marks.iter().any(|m| m == "Consent"), "{hits:?}");
    // Two edits from eight letters; the word found is what is shown.
    let dom = search_dom(&b, &out, "en", "refferal pathway");
    assert_eq!(fix_line(&dom).map(|f| f.1), Some("referral".into()));
    assert_eq!(results(&dom).1[0].title, "Referral Pathways");
    // A word of the site, or a form of one, is not corrected.
    for q in ["consent", "interviewing victims", "refuses"] {
        assert_eq!(fix_line(&search_dom(&b, &out, "en", q)), None, "{q}");
    }
    // A correction is within an edit of the word as typed, not of what is
    // left once an ending is off (`early` is not `ear`, one from `far`).
    for (q, not) in [("early", "far"), ("sadly", "sat"), ("beds", "beg")] {
        let fixed = fix_line(&search_dom(&b, &out, "en", q)).map(|f| f.1);
        assert_ne!(fixed.as_deref(), Some(not), "{q}");
    }
    // French and Arabic say it in their words.
    let dom = search_dom(&b, &out, "fr", "consentemnt");
    assert_eq!(
        fix_line(&dom),
        Some(("Résultats pour consentement".into(), "consentement".into()))
    );
    let dom = search_dom(&b, &out, "ar", "الاستعدد");
    assert_eq!(
        fix_line(&dom),
        Some(("نتائج البحث عن الاستعداد".into(), "الاستعداد".into()))
    );
    assert_eq!(results(&dom).1[0].title, "الاستعداد");
}

#[test]
fn snippets_show_the_sentence_of_the_words_in_the_page_direction() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let out = site.out();
    // The sentence holding the most query words, whole, words marked.
    let (_, hits) = search(&b, &out, "en", "interpreter conduct");
    assert_eq!(hits[0].title, "Preparing");
    assert_eq!(
        hits[0].snippet,
        "Use a trained interpreter who has signed the code of conduct."
    );
    assert_eq!(hits[0].marks, ["interpreter", "conduct"]);
    assert_eq!(
        hits[0].href, "pocket-guide/preparing.html#interpreter",
        "the link goes to the snippet's section"
    );
    // Word forms are marked as found.
    let (_, hits) = search(&b, &out, "en", "refuses");
    let h = hits
        .iter()
        .find(|h| h.title == "Immediate Needs and Referral")
        .unwrap();
    assert!(h.marks.iter().any(|m| m == "refuse"), "{h:?}");
    // Arabic: the page's own direction (right to left, from <html>), the
    // word found through its joined letters marked.
    let dom = search_dom(&b, &out, "ar", "والمترجم");
    let html = Html::parse_document(&dom);
    let root = html.select(&sel("html")).next().unwrap();
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    let (_, hits) = results(&dom);
    assert_eq!(hits[0].title, "الاستعداد");
    assert_eq!(hits[0].snippet_lang, None, "{:?}", hits[0]);
    assert!(
        hits[0].marks.iter().all(|m| m.contains("مترجم")),
        "{:?}",
        hits[0].marks
    );
    assert!(hits[0].snippet.ends_with('.'), "{:?}", hits[0].snippet);
    // A page shown from English in the Arabic tree: its snippet in English,
    // left to right.
    let (_, hits) = search(&b, &out, "ar", "smuggling");
    let en = hits
        .iter()
        .find(|h| h.lang.as_deref() == Some("en"))
        .unwrap();
    assert_eq!(en.snippet_lang, Some(("en".into(), "ltr".into())));
}

#[test]
fn ranking_follows_title_headings_words_found_and_closeness() {
    let Some(b) = browser::require() else { return };
    let site = Site::fixture("basic");
    let page = |file: &str, title: &str, body: &str| {
        site.write(
            &format!("guidance/handbook/{file}.en.md"),
            format!("---\ntitle: \"{title}\"\n---\n\n{body}\n"),
        );
    };
    page(
        "04-far",
        "Far apart",
        "Quokka first. Many other words come between them here. Then a wombat.",
    );
    page("05-near", "Near", "A quokka wombat pair, side by side.");
    page(
        "06-heading",
        "Heading",
        "## Quokka care\n\nThe wombat is mentioned once.",
    );
    page("07-title", "Quokka and wombat", "Nothing else.");
    page("08-one", "One word", "Only a quokka here, twice: quokka.");
    site.build_ok();
    let (_, hits) = search(&b, &site.out(), "en", "quokka wombat");
    let titles: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Quokka and wombat",
            "Heading",
            "Near",
            "Far apart",
            "One word"
        ]
    );
    assert_eq!(hits[4].partial.as_deref(), Some("Words matched: 1 of 2"));
    assert!(hits[..4].iter().all(|h| h.partial.is_none()));
    // The snippet is the sentence with both words.
    assert_eq!(hits[2].snippet, "A quokka wombat pair, side by side.");
    // Another form of a word finds the same pages, marked as they are
    // written; a misspelling too, corrected.
    let one: Vec<String> = search(&b, &site.out(), "en", "quokka")
        .1
        .into_iter()
        .map(|h| h.href)
        .collect();
    for q in ["quokkas", "qoukka"] {
        let (_, hits) = search(&b, &site.out(), "en", q);
        let hrefs: Vec<&String> = hits.iter().map(|h| &h.href).collect();
        assert_eq!(hrefs, one.iter().collect::<Vec<_>>(), "{q}");
        assert!(hits.iter().flat_map(|h| &h.marks).any(|m| m == "quokka"));
    }
}

/// Two words the site writes as one (`handwashing`), searched apart
/// (`hand-washing`, `hand washing`): its page has both, and comes before
/// pages with one of them in their title (`Handbook kit`, `Washing lines`).
#[test]
fn words_written_apart_find_the_word_written_as_one() {
    let Some(b) = browser::require() else { return };
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-water.en.md",
        "---\ntitle: Water and sanitation\n---\n\nHandwashing with soap at every tap.\n",
    );
    site.write(
        "guidance/handbook/05-kit.en.md",
        "---\ntitle: Handbook kit\n---\n\nLines and pegs.\n",
    );
    site.write(
        "guidance/handbook/06-lines.en.md",
        "---\ntitle: Washing lines\n---\n\nPegs and rope.\n",
    );
    site.build_ok();
    for q in ["hand-washing", "hand washing"] {
        let (_, hits) = search(&b, &site.out(), "en", q);
        assert_eq!(
            hits.first().map(|h| h.title.as_str()),
            Some("Water and sanitation"),
            "{q}: {:?}",
            hits.iter().map(|h| &h.title).collect::<Vec<_>>()
        );
        assert!(hits[0].partial.is_none(), "{q}");
    }
}

/// A page with the one rare word of a query (`refuses`) is shown, and
/// near the top when the word is in its heading, though most pages have
/// the two common ones (`victim`, `help`).
#[test]
fn a_rare_word_alone_is_enough_to_be_shown() {
    let Some(b) = browser::require() else { return };
    let site = Site::sample();
    site.build_ok();
    let (_, hits) = search(&b, &site.out(), "en", "victim refuses help");
    let hrefs: Vec<&str> = hits.iter().map(|h| h.href.as_str()).collect();
    let at = hrefs
        .iter()
        .position(|h| h.contains("pocket-guide/needs-and-referral.html"))
        .unwrap_or_else(|| panic!("{hrefs:?}"));
    assert!(at < 3, "{hrefs:?}");
}

/// The page's text in lower case, without tags, spaces collapsed.
fn page_text(site: &Site, href: &str) -> String {
    let html = site.read(&format!("public/en/{}", href.split('#').next().unwrap()));
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_word_the_site_writes_apart_finds_pages_with_the_two_adjacent() {
    let Some(b) = browser::require() else { return };
    let site = Site::fixture("search-sweep");
    site.build_ok();
    // `safe house` (and `safe housing`: a word the second part starts),
    // `self-care`, `e-mail` on the site.
    for (q, page, parts) in [
        (
            "safehouse",
            "handbook/community-outreach.html",
            ["safe", "hous"],
        ),
        (
            "selfcare",
            "handbook/staff-self-care.html",
            ["self", "care"],
        ),
        ("email", "handbook/data-protection.html", ["e", "mail"]),
    ] {
        let (status, hits) = search(&b, &site.out(), "en", q);
        assert!(
            hits.iter().any(|h| h.href.starts_with(page)),
            "{q}: {status} {hits:?}"
        );
        for h in &hits {
            let text = page_text(&site, &h.href);
            let joined = [" ", "-"].map(|sep| format!("{}{sep}{}", parts[0], parts[1]));
            assert!(
                joined.iter().any(|j| text.contains(j.as_str())),
                "{q}: {h:?}"
            );
            assert!(
                h.marks
                    .iter()
                    .any(|m| m.to_lowercase().starts_with(parts[1])),
                "{q}: {h:?}"
            );
        }
    }
    // `healthcare`: only pages with `health care` together, not those with
    // `health` and `care` apart.
    let (_, hits) = search(&b, &site.out(), "en", "healthcare");
    assert!(!hits.is_empty());
    for h in &hits {
        assert!(page_text(&site, &h.href).contains("health care"), "{h:?}");
    }
    // The victim identification page has both words, apart.
    let apart = "handbook/victim-identification.html";
    let text = page_text(&site, apart);
    assert!(text.contains("health") && text.contains(" care") && !text.contains("health care"));
    assert!(!hits.iter().any(|h| h.href.starts_with(apart)), "{hits:?}");
}
