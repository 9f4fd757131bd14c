//! End-to-end: interface strings shown in another language than the page's
//! (a language with no `templates/i18n/<code>.ftl`, or a partial one) are
//! marked with the language they are really in (`lang`, and `dir` when the
//! direction differs), and fully translated languages get no extra `lang`.

mod common;
use common::{Page, Site};
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The `basic` fixture with three more languages: German and Pashto
/// (right-to-left) with no interface strings, Somali with a few.
fn site() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "site.yaml",
        "title:\n  en: Test guidance\n  fr: Guide de test\n  ar: دليل الاختبار\n\
         default_language: en\nlanguages:\n  - { code: en, name: English }\n\
         \x20 - { code: fr, name: Français }\n  - { code: ar, name: العربية }\n\
         \x20 - { code: de, name: Deutsch }\n  - { code: so, name: Soomaali }\n\
         \x20 - { code: ps, name: پښتو }\n",
    );
    site.write(
        "templates/i18n/so.ftl",
        "skip-to-content = U gudub nuxurka\nnext = Xiga\npublications = Daabacaadaha\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr
            .contains("site.yaml:10:13: warning: no interface strings for `de`"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("create templates/i18n/de.ftl"),
        "{}",
        o.stderr
    );
    site
}

/// The strings of a built-in `.ftl` file without arguments, by text.
fn strings(lang: &str) -> BTreeMap<String, String> {
    let path = format!("{}/templates/i18n/{lang}.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with(['#', ' ']) {
            continue;
        }
        if let Some((key, value)) = line.split_once(" = ")
            && !value.contains('{')
            && !value.trim().is_empty()
        {
            out.insert(value.trim().to_string(), key.trim().to_string());
        }
    }
    out
}

/// The value of `attr` on the nearest element at or above `node`.
fn nearest(element: ElementRef<'_>, attr: &str) -> Option<String> {
    std::iter::once(*element)
        .chain(element.ancestors())
        .filter_map(|n| n.value().as_element())
        .find_map(|e| e.attr(attr).map(str::to_string))
}

/// Every text of `page` that is one of `strings` (alone, in brackets, or
/// before a colon), with the nearest `lang` and `dir` above it. Not the
/// `<title>`, which cannot be marked, nor the page's title.
fn shown(
    page: &Page,
    strings: &BTreeMap<String, String>,
) -> Vec<(String, Option<String>, Option<String>)> {
    let mut out = Vec::new();
    for node in page.html.tree.root().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let t = text.trim();
        let t = t
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .or_else(|| t.strip_suffix(':'))
            .unwrap_or(t);
        if !strings.contains_key(t) {
            continue;
        }
        let in_title = node
            .ancestors()
            .filter_map(|n| n.value().as_element())
            .any(|e| e.name() == "title");
        if in_title {
            continue;
        }
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        // A page's own title (a chapter called "Introduction") is content.
        let e = parent.value();
        if e.name() == "h1" || (e.name() == "li" && e.attr("aria-current").is_some()) {
            continue;
        }
        out.push((
            t.to_string(),
            nearest(parent, "lang"),
            nearest(parent, "dir"),
        ));
    }
    out
}

/// The pages of each kind the fixture has, per language folder.
const PAGES: &[&str] = &[
    "index.html",
    "search.html",
    "handbook/index.html",
    "handbook/intro.html",
    "handbook/signs.html",
    "handbook/referral/index.html",
    "handbook/print.html",
    "checklist/index.html",
    "checklist/before.html",
];

fn sel(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).unwrap()
}

#[test]
fn fallen_back_strings_are_marked_english() {
    let site = site();
    let english = strings("en");
    for (lang, rtl) in [("de", false), ("ps", true)] {
        let mut seen = 0;
        for p in PAGES {
            let page = site.page(&format!("{lang}/{p}"));
            for (text, l, dir) in shown(&page, &english) {
                seen += 1;
                assert_eq!(
                    l.as_deref(),
                    Some("en"),
                    "{lang}/{p}: `{text}` is marked {l:?}"
                );
                if rtl {
                    assert_eq!(
                        dir.as_deref(),
                        Some("ltr"),
                        "{lang}/{p}: `{text}` has dir {dir:?}"
                    );
                }
            }
        }
        assert!(seen > 50, "{lang}: only {seen} interface strings found");

        // The ones the defect named, and the strings with arguments.
        let page = site.page(&format!("{lang}/handbook/signs.html"));
        for css in [
            ".skip-link",
            "#toc-title",
            ".pager .pager-label",
            ".search-form label",
            ".notice-fallback p:first-child",
            ".site-footer p",
        ] {
            for e in page.select(css) {
                assert_eq!(e.value().attr("lang"), Some("en"), "{lang}: {css}");
                let dir = e.value().attr("dir");
                if rtl {
                    assert_eq!(dir, Some("ltr"), "{lang}: {css} dir");
                } else {
                    assert_ne!(dir, Some("rtl"), "{lang}: {css} dir");
                }
            }
        }
        assert!(!page.select(".pager .pager-label").is_empty());
        // "Available in:" shares its paragraph with the links: a span.
        let available = page.one(".notice-fallback p:nth-child(2) > span");
        assert_eq!(available.text().collect::<String>(), "Available in:");
        assert_eq!(available.value().attr("lang"), Some("en"));
        // The element an untranslatable attribute sits on claims no language.
        for css in ["nav.pager", "nav.breadcrumbs", "#search-box"] {
            assert_eq!(page.one(css).value().attr("lang"), None, "{lang}: {css}");
        }
        let print = site.page(&format!("{lang}/handbook/print.html"));
        for e in print.select(".print-fallback") {
            assert_eq!(e.value().attr("lang"), Some("en"));
            assert_eq!(e.value().attr("dir"), Some("ltr"));
        }
        let home = site.page(&format!("{lang}/index.html"));
        for e in home.select(".completeness > span") {
            assert_eq!(e.value().attr("lang"), Some("en"));
        }
        assert!(!home.select(".completeness > span").is_empty());
        // The switcher's "(not translated)", each in its language's words,
        // else in English.
        let mut marks = 0;
        let (a, mark) = (sel("a[hreflang]"), sel(".untranslated"));
        for item in page.select(".languages li") {
            let code = item
                .select(&a)
                .next()
                .unwrap()
                .value()
                .attr("hreflang")
                .unwrap();
            let Some(m) = item.select(&mark).next() else {
                continue;
            };
            marks += 1;
            let (want, dir) = match code {
                "de" | "so" | "ps" => ("en", "ltr"),
                "ar" => ("ar", "rtl"),
                other => (other, "ltr"),
            };
            assert_eq!(
                m.value().attr("lang"),
                Some(want),
                "{lang}: switcher {code}"
            );
            assert_eq!(m.value().attr("dir"), Some(dir), "{lang}: switcher {code}");
        }
        assert!(marks >= 3, "{lang}: {marks} marks");
    }

    // The chooser does not invite German readers to "Read in English".
    let chooser = site.page("index.html");
    for lang in ["de", "so", "ps"] {
        let item = chooser.one(&format!(".language-list li[lang={lang}]"));
        assert!(item.text().collect::<String>().trim() != "", "{lang}");
        assert_eq!(item.select(&sel(".language-prompt")).count(), 0, "{lang}");
    }
    assert_eq!(chooser.select(".language-list .language-prompt").len(), 3);
}

#[test]
fn partial_strings_are_marked_key_by_key() {
    let site = site();
    let page = site.page("so/handbook/signs.html");
    // Somali has these: no lang of their own.
    assert_eq!(page.text_of(".skip-link"), "U gudub nuxurka");
    assert_eq!(page.attr("html", "lang"), "so");
    assert_eq!(page.one(".skip-link").value().attr("lang"), None);
    let next = page.select(".pager .next .pager-label");
    if let Some(n) = next.first() {
        assert_eq!(n.text().collect::<String>(), "Xiga");
        assert_eq!(n.value().attr("lang"), None);
    }
    // ... and not these.
    assert_eq!(page.attr("#toc-title", "lang"), "en");
    assert_eq!(page.one(".site-footer p").value().attr("lang"), Some("en"));
    let prev = page.one(".pager .prev .pager-label");
    assert_eq!(prev.value().attr("lang"), Some("en"));
    assert_eq!(prev.value().attr("dir"), None, "same direction: no dir");
    let home = site.page("so/index.html");
    let h2 = home.one("main > h2");
    assert_eq!(h2.text().collect::<String>(), "Daabacaadaha");
    assert_eq!(h2.value().attr("lang"), None);

    let english = strings("en");
    for p in PAGES {
        let page = site.page(&format!("so/{p}"));
        for (text, l, _) in shown(&page, &english) {
            assert_eq!(l.as_deref(), Some("en"), "so/{p}: `{text}`");
        }
    }
}

#[test]
fn translated_languages_get_no_extra_lang() {
    let site = site();
    for (lang, dir) in [("en", "ltr"), ("fr", "ltr"), ("ar", "rtl")] {
        let own = strings(lang);
        let mut seen = 0;
        for p in PAGES {
            let page = site.page(&format!("{lang}/{p}"));
            assert_eq!(page.attr("html", "lang"), lang);
            // Every string is said to be in this language, also inside the
            // article of a page shown in English.
            for (text, l, d) in shown(&page, &own) {
                seen += 1;
                assert_eq!(l.as_deref(), Some(lang), "{lang}/{p}: `{text}`");
                assert_eq!(d.as_deref(), Some(dir), "{lang}/{p}: `{text}`");
            }
            // The elements that carry a fallen-back string's lang carry none here.
            for css in [
                ".skip-link",
                ".search-form label",
                ".search-form button",
                ".site-footer p",
                ".pager-label",
                ".print-link a",
                "summary .visually-hidden",
                ".notice p",
                "main > h2",
                ".completeness",
                ".checklist-clear",
                ".checklist-note",
                ".cover-meta dt",
            ] {
                for e in page.select(css) {
                    assert_eq!(e.value().attr("lang"), None, "{lang}/{p}: {css}");
                }
            }
            assert!(page.select(".completeness span").is_empty(), "{lang}/{p}");
            for e in page.select("#toc-title") {
                assert_eq!(e.value().attr("lang"), Some(lang), "{lang}/{p}");
            }
        }
        assert!(seen > 50, "{lang}: only {seen} interface strings found");
    }
}

/// Words fieldguide writes inside content (a callout's title, the
/// footnotes' heading, the box of a missing image) are marked too when a
/// Pashto page shows them in English.
#[test]
fn labels_inside_content_are_marked() {
    let site = site();
    site.write(
        "site.yaml",
        format!("{}broken_links: warning\n", site.read("site.yaml")),
    );
    let intro = site.read("guidance/handbook/01-intro.fr.md");
    let stamp = intro
        .lines()
        .find(|l| l.starts_with("translation_of:"))
        .map_or(String::new(), |l| format!("{l}\n"));
    site.write(
        "guidance/handbook/01-intro.ps.md",
        format!(
            "---\ntitle: مقدمه\n{stamp}---\n\n> [!NOTE]\n> متن.\n\nمتن[^1] ![نمودار](images/missing.png)\n\n[^1]: پانویس.\n"
        ),
    );
    site.build_ok();
    let page = site.page("ps/handbook/intro.html");
    for css in [".callout-label", ".footnotes-title", ".missing-image-label"] {
        let e = page.one(css);
        assert_eq!(e.value().attr("lang"), Some("en"), "{css}");
        assert_eq!(e.value().attr("dir"), Some("ltr"), "{css}");
    }
    // French has its own words: nothing added.
    site.write(
        "guidance/handbook/01-intro.fr.md",
        intro.replacen("---\n\n", "---\n\n> [!NOTE]\n> Texte.\n\n", 1),
    );
    site.build_ok();
    let page = site.page("fr/handbook/intro.html");
    let labels = page.select(".callout-label");
    assert!(!labels.is_empty());
    assert!(labels.iter().all(|e| e.value().attr("lang").is_none()));
}

/// On an Arabic page showing the English text, the breadcrumb's current
/// title is English, left to right, as the article is.
#[test]
fn a_fallback_title_in_the_breadcrumb_carries_its_direction() {
    let site = site();
    let page = site.page("ar/handbook/signs.html");
    assert_eq!(page.attr("html", "dir"), "rtl");
    let current = page.one("nav.breadcrumbs li[aria-current=page]");
    assert_eq!(current.value().attr("lang"), Some("en"));
    assert_eq!(current.value().attr("dir"), Some("ltr"));
}

/// A publication with no Arabic version shows its English summary on the
/// Arabic home and print cover marked as English, left to right.
#[test]
fn a_fallen_back_summary_is_marked_with_its_language() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/checklist/index.en.md",
        "---\ntitle: Checklist\nkind: checklist\nsummary: What to check before an interview.\n---\n\nTick as you go.\n",
    );
    site.build_ok();
    let summary = "What to check before an interview.";
    for (page, css) in [
        ("ar/index.html", ".publication p"),
        ("ar/checklist/print.html", ".cover-summary"),
    ] {
        let page_html = site.page(page);
        let p = page_html
            .select(css)
            .into_iter()
            .find(|e| e.text().collect::<String>() == summary)
            .unwrap_or_else(|| panic!("{page}: no summary"));
        assert_eq!(nearest(p, "lang").as_deref(), Some("en"), "{page}");
        assert_eq!(nearest(p, "dir").as_deref(), Some("ltr"), "{page}");
    }
    // A chapter's summary in the publication's list of chapters, likewise.
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\nsummary: Signs to look for.\n---\n\n## Physical signs {#physical-signs}\n",
    );
    site.build_ok();
    let list = site.page("ar/handbook/index.html");
    let p = list
        .select("li p")
        .into_iter()
        .find(|e| e.text().collect::<String>() == "Signs to look for.")
        .expect("the chapter's summary");
    assert_eq!(nearest(p, "lang").as_deref(), Some("en"));
    assert_eq!(nearest(p, "dir").as_deref(), Some("ltr"));
    // In English, nothing to mark.
    let home = site.page("en/index.html");
    let p = home
        .select(".publication p")
        .into_iter()
        .find(|e| e.text().collect::<String>() == summary)
        .unwrap();
    assert_eq!(p.value().attr("lang"), None);
}

/// A language's name inside a sentence of another ("shown in English" on
/// an Arabic page) is marked with its own language and direction, in the
/// fallback notice of the page and of the print page, and in the notice
/// of a stale translation; the notice itself is in the page's language.
#[test]
fn a_language_named_in_a_notice_is_marked_with_its_language() {
    let site = Site::fixture("basic");
    site.build_ok();
    let named = |page: &Page, css: &str, name: &str| -> (Option<String>, Option<String>) {
        let e = page
            .select(css)
            .into_iter()
            .flat_map(|p| p.descendants().filter_map(ElementRef::wrap).chain([p]))
            .find(|e| {
                e.text()
                    .collect::<String>()
                    .trim_matches(['\u{2068}', '\u{2069}'])
                    == name
            })
            .unwrap_or_else(|| panic!("{css}: no element holding `{name}`"));
        (nearest(e, "lang"), nearest(e, "dir"))
    };
    let en_ltr = (Some("en".to_string()), Some("ltr".to_string()));
    let page = site.page("ar/handbook/signs.html");
    assert_eq!(
        named(&page, ".notice-fallback p:first-child", "English"),
        en_ltr
    );
    let notice = page.one(".notice-fallback p:first-child");
    assert_eq!(nearest(notice, "lang").as_deref(), Some("ar"));
    let print = site.page("ar/handbook/print.html");
    assert_eq!(named(&print, ".print-fallback", "English"), en_ltr);

    // A French translation gone out of date names its English original.
    let fr = "guidance/handbook/01-intro.fr.md";
    let o = site.run(&["stamp", site.path().join(fr).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let en = "guidance/handbook/01-intro.en.md";
    site.write(en, format!("{}\nA new paragraph.\n", site.read(en)));
    site.build_ok();
    let page = site.page("fr/handbook/intro.html");
    let (lang, _) = named(&page, ".notice-stale p > span", "English");
    assert_eq!(lang.as_deref(), Some("en"));
    assert_eq!(
        nearest(page.one(".notice-stale p"), "lang").as_deref(),
        Some("fr")
    );
}

/// Spanish, Portuguese, Swahili, Russian, Ukrainian and Persian come with
/// their interface strings: a site in them had every button, notice and heading of the
/// theme in English, with a warning for each language. A regional variant
/// (`pt-BR`) reads its language's strings; Russian counts search results
/// with its own plural forms.
#[test]
fn more_languages_have_their_own_interface() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{yaml}  - {{ code: es, name: Español }}\n  - {{ code: pt-BR, name: Português }}\n\
             \x20 - {{ code: sw, name: Kiswahili }}\n  - {{ code: ru, name: Русский }}\n\
             \x20 - {{ code: uk, name: Українська }}\n  - {{ code: fa, name: فارسی }}\n"
        ),
    );
    let o = site.build_ok();
    assert!(!o.stderr.contains("no interface strings"), "{}", o.stderr);
    for (code, skip, next) in [
        ("es", "Ir al contenido", "Siguiente"),
        ("pt-BR", "Ir para o conteúdo", "Seguinte"),
        ("sw", "Ruka hadi maudhui", "Unaofuata"),
        ("ru", "Перейти к содержанию", "Далее"),
        ("uk", "Перейти до змісту", "Далі"),
        ("fa", "رفتن به محتوا", "بعدی"),
    ] {
        let p = site.page(&format!("{code}/handbook/intro.html"));
        assert_eq!(p.text_of(".skip-link"), skip, "{code}");
        let link = p.one(".skip-link");
        assert_eq!(
            link.value().attr("lang"),
            None,
            "{code}: not marked as English"
        );
        let pager = p.text_of(".pager");
        assert!(pager.contains(next), "{code}: {pager}");
    }
    let search = site.page("ru/search.html");
    let status = search.one("#search-status");
    for (n, text) in [
        ("1", "Найдена 1 страница"),
        ("3", "Найдено 3 страницы"),
        ("11", "Найдено 11 страниц"),
        ("21", "Найдена 21 страница"),
    ] {
        // Fluent isolates the number: \u{2068}1\u{2069}.
        let shown = status.value().attr(&format!("data-count-{n}")).unwrap();
        assert_eq!(shown.replace(['\u{2068}', '\u{2069}'], ""), text);
    }
}

/// The search page's status line, where search.js writes "3 pages found"
/// from the page's counts, was not marked when those counts fell back to
/// English (a screen reader read them with the page language's voice). It
/// now carries the counts' language, and nothing when they are the page's.
#[test]
fn the_search_status_is_marked_with_the_language_of_its_counts() {
    let site = site();
    for (lang, want) in [
        ("de", (Some("en"), None)),
        ("ps", (Some("en"), Some("ltr"))),
        ("fr", (None, None)),
        ("ar", (None, None)),
    ] {
        let page = site.page(&format!("{lang}/search.html"));
        let status = page.one("#search-status");
        let got = (status.value().attr("lang"), status.value().attr("dir"));
        assert_eq!(got, want, "{lang}");
    }
}

/// A site whose default language has no interface strings of its own (a
/// Thai-only site, with Thai and Pashto pages) failed to build:
/// `missing interface string `print-version``, since a string missing in
/// a language fell back to the default language only. It falls back to
/// the theme's English now, marked as English, with one warning per
/// language naming the file to create.
#[test]
fn a_site_whose_default_language_has_no_strings_shows_english_ones() {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write(
        "site.yaml",
        "title: Test guidance\ndefault_language: th\nlanguages:\n\
         \x20 - { code: th, name: ไทย }\n  - { code: ps, name: پښتو }\n",
    );
    for (file, title) in [
        ("index.th.md", "คู่มือ\nkind: guidelines"),
        ("index.ps.md", "لارښود\nkind: guidelines"),
        ("01-intro.th.md", "บทนำ"),
        ("02-signs.th.md", "สัญญาณ"),
        ("01-intro.ps.md", "پیژندنه"),
    ] {
        site.write(
            &format!("guidance/handbook/{file}"),
            format!("---\ntitle: {title}\n---\n\nข้อความ\n"),
        );
    }
    let o = site.build_ok();
    for (line, code) in [(4, "th"), (5, "ps")] {
        let want = format!(
            "site.yaml:{line}:13: warning: no interface strings for `{code}`; readers see them in `en`"
        );
        assert!(o.stderr.contains(&want), "{want}\n{}", o.stderr);
    }
    let english = strings("en");
    for (code, dir) in [("th", "ltr"), ("ps", "rtl")] {
        let p = site.page(&format!("{code}/handbook/intro.html"));
        let html = p.one("html");
        assert_eq!(html.value().attr("lang"), Some(code));
        assert_eq!(html.value().attr("dir"), Some(dir));
        let found = shown(&p, &english);
        assert!(found.len() > 5, "{code}: {found:?}");
        for (text, lang, _) in &found {
            assert_eq!(lang.as_deref(), Some("en"), "{code}: `{text}`");
        }
        assert_eq!(p.text_of(".skip-link"), "Skip to content");
    }
}

/// `ha` and `ha-Arab` listed by code were both "Hausa" in the language
/// chooser, and nothing said so: Ajami readers could not tell theirs. The
/// build now warns at the later one; named in site.yaml, each shows its name.
#[test]
fn two_languages_shown_by_one_name_are_named_in_a_warning() {
    let site = Site::fixture("basic");
    site.write(
        "site.yaml",
        "title: Test guidance\ndefault_language: en\nlanguages: [en, fr, ar, ha, ha-Arab]\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr.contains(
            "site.yaml:3:29: warning: `ha` and `ha-Arab` are both shown as \"Hausa\" in the language menu"
        ),
        "{}",
        o.stderr
    );
    site.write(
        "site.yaml",
        "title: Test guidance\ndefault_language: en\nlanguages:\n  - en\n  - fr\n  - ar\n  - ha\n  - { code: ha-Arab, name: Hausa (Ajami) }\n",
    );
    let o = site.build_ok();
    assert!(!o.stderr.contains("language menu"), "{}", o.stderr);
    let names: Vec<String> = site
        .page("index.html")
        .select(".language-name")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        names,
        ["English", "Français", "العربية", "Hausa", "Hausa (Ajami)"]
    );
}
