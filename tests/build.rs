//! End-to-end: building a small multilingual site and reading the HTML.

mod common;
use common::{Site, broken_links, tree};
use std::path::Path;

#[test]
fn every_page_has_lang_and_dir() {
    let site = Site::fixture("basic");
    site.build_ok();
    for file in common::html_files(&site.out()) {
        let rel = file
            .strip_prefix(site.out())
            .unwrap()
            .to_string_lossy()
            .to_string();
        let page = site.page(&rel);
        let html = page.one("html");
        let lang = html.value().attr("lang").unwrap();
        let dir = html.value().attr("dir").unwrap();
        let expected_lang = if rel.contains('/') {
            rel.split('/').next().unwrap()
        } else {
            "en"
        };
        assert_eq!(lang, expected_lang, "{rel}");
        assert_eq!(dir, if lang == "ar" { "rtl" } else { "ltr" }, "{rel}");
    }
}

#[test]
fn all_links_resolve_relatively() {
    let site = Site::fixture("basic");
    site.build_ok();
    let problems = broken_links(&site.out());
    assert!(problems.is_empty(), "{problems:#?}");
    // Every local link is relative and to a file, so the site works from
    // file://; but the 404 page, which a server shows at any depth (its
    // links start at the root, tested in tests/not_found.rs).
    for file in common::html_files(&site.out()) {
        if file == site.out().join("404.html") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let html = scraper::Html::parse_document(&text);
        let sel = scraper::Selector::parse("a[href], link[href], img[src], script[src]").unwrap();
        for el in html.select(&sel) {
            let url = el.value().attr("href").or(el.value().attr("src")).unwrap();
            assert!(
                !url.starts_with('/'),
                "{}: absolute path {url}",
                file.display()
            );
            if !url.contains(':') && !url.starts_with('#') {
                let path = url.split('#').next().unwrap();
                assert!(
                    !path.ends_with('/'),
                    "{}: link to a folder {url}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn pages_structure_and_navigation() {
    let site = Site::fixture("basic");
    site.build_ok();
    // The chooser names each language in its own script.
    let chooser = site.page("index.html");
    let names: Vec<String> = chooser
        .select(".language-list li")
        .iter()
        .map(|e| e.value().attr("lang").unwrap().to_string())
        .collect();
    assert_eq!(names, ["en", "fr", "ar"]);
    assert!(chooser.text.contains("العربية") && chooser.text.contains("Français"));

    // Language home lists the publications.
    let home = site.page("fr/index.html");
    let pubs: Vec<String> = home
        .select(".publications h3 a")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(pubs, ["Checklist", "Manuel"]);

    // A chapter: breadcrumbs, previous/next, toc, switcher, hreflang.
    let p = site.page("en/handbook/intro.html");
    let crumbs: Vec<String> = p
        .select(".breadcrumbs a")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(crumbs, ["Test guidance", "Handbook"]);
    assert_eq!(p.attr("a[rel=prev]", "href"), "index.html");
    assert_eq!(p.attr("a[rel=next]", "href"), "signs.html");
    let toc: Vec<String> = p
        .select(".toc a")
        .iter()
        .map(|e| e.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(toc, ["#who-it-is-for", "#who-it-is-for-1", "#safety"]);
    let switch: Vec<String> = p
        .select(".languages a")
        .iter()
        .map(|e| e.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        switch,
        [
            "intro.html",
            "../../fr/handbook/intro.html",
            "../../ar/handbook/intro.html"
        ]
    );
    let alternates: Vec<String> = p
        .select("link[rel=alternate]")
        .iter()
        .map(|e| e.value().attr("hreflang").unwrap().to_string())
        .collect();
    assert_eq!(alternates, ["en", "fr", "ar"]);

    // Nested parts: breadcrumbs and navigation follow the tree.
    let leaf = site.page("en/handbook/referral/deep/leaf.html");
    let crumbs: Vec<String> = leaf
        .select(".breadcrumbs a")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        crumbs,
        ["Test guidance", "Handbook", "Referral", "Deep part"]
    );
    assert_eq!(
        leaf.attr(".pub-nav [aria-current=page]", "href"),
        "../../referral/deep/leaf.html"
    );
    assert_eq!(leaf.attr("img", "src"), "../../images/flow.png");
    // Reading order: contacts -> deep part -> leaf -> next publication none.
    assert_eq!(leaf.attr("a[rel=prev]", "href"), "index.html");
    assert!(leaf.select("a[rel=next]").is_empty());

    // The navigation holds the path and the top level, not the whole tree.
    let intro_nav: Vec<String> = p
        .select(".pub-nav li > a")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(intro_nav, ["Introduction", "Signs", "Referral"]);

    // Publication page: meta and chapter list.
    let pubp = site.page("en/handbook/index.html");
    assert!(pubp.text_of(".pub-meta").contains("2.1"));
    let chapters: Vec<String> = pubp
        .select(".chapter-list > li > a")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(chapters, ["Introduction", "Signs", "Referral"]);
}

#[test]
fn markdown_features() {
    let site = Site::fixture("basic");
    site.build_ok();
    let p = site.page("en/handbook/intro.html");
    // Callout labelled in the page's language.
    assert_eq!(p.text_of(".callout-warning .callout-label"), "Warning");
    let fr = site.page("fr/handbook/intro.html");
    assert_eq!(
        fr.text_of(".callout-warning .callout-label"),
        common::label("fr", "callout-warning")
    );
    // Footnotes: prefixed ids, back links.
    let refs: Vec<String> = p
        .select("sup.footnote-ref a")
        .iter()
        .map(|e| e.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(refs, ["#fn-a", "#fn-b"]);
    assert_eq!(p.select(".footnotes li[id=fn-a]").len(), 1);
    assert!(p.select("[id='1']").is_empty() && p.select("[id=a]").is_empty());
    // Tables, task lists, strikethrough.
    assert_eq!(p.select(".table-wrap table td").len(), 2);
    assert_eq!(p.select("input[type=checkbox]").len(), 2);
    assert_eq!(p.select("input[type=checkbox][checked]").len(), 1);
    assert_eq!(p.select("del").len(), 1);
    // Links to files become links to pages, anchors kept.
    let hrefs: Vec<String> = p
        .select(".content a:not(.footnote-back)")
        .iter()
        .filter_map(|e| e.value().attr("href"))
        .filter(|h| !h.starts_with("#fn"))
        .map(String::from)
        .collect();
    assert_eq!(
        hrefs,
        [
            "signs.html#physical-signs",
            "referral/contacts.html",
            "../checklist/index.html",
            "#safety"
        ]
    );
    // Image with alt, copied beside the pages; the French tree gets flow.fr.png.
    assert_eq!(p.attr(".content img", "alt"), "A flow diagram of referral");
    assert_eq!(site.read("public/en/handbook/images/flow.png"), "PNG-EN");
    assert_eq!(site.read("public/fr/handbook/images/flow.png"), "PNG-FR");
    assert_eq!(site.read("public/ar/handbook/images/flow.png"), "PNG-EN");
    // Arabic heading ids keep their letters.
    let ar = site.page("ar/handbook/intro.html");
    assert_eq!(ar.select("h2[id='لمن-هذا-الدليل']").len(), 1);
}

#[test]
fn fallback_pages_are_marked() {
    let site = Site::fixture("basic");
    site.build_ok();
    // signs exists only in English: the French tree still has it, marked.
    let p = site.page("fr/handbook/signs.html");
    assert_eq!(p.attr("html", "lang"), "fr");
    assert_eq!(p.attr("article", "lang"), "en");
    assert_eq!(p.attr("article", "dir"), "ltr");
    let notice = p.text_of(".notice-fallback");
    assert!(notice.contains("English"), "{notice}");
    let available: Vec<String> = p
        .select(".notice-fallback a")
        .iter()
        .map(|e| e.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(available, ["../../en/handbook/signs.html"]);
    // In Arabic, the English content keeps its own direction.
    let ar = site.page("ar/handbook/signs.html");
    assert_eq!(ar.attr("html", "dir"), "rtl");
    assert_eq!(ar.attr("article", "dir"), "ltr");
    // Translated pages carry no notice.
    assert!(
        site.page("fr/handbook/intro.html")
            .select(".notice-fallback")
            .is_empty()
    );
    // Untranslated titles in the navigation are marked with their language.
    let fr_intro = site.page("fr/handbook/intro.html");
    let signs = fr_intro.select(".pub-nav a[href='signs.html']");
    assert_eq!(signs[0].value().attr("lang"), Some("en"));
}

#[test]
fn output_is_deterministic_across_runs_and_threads() {
    let site = Site::sample();
    site.build_ok();
    let first = tree(&site.out());
    std::fs::remove_dir_all(site.out()).unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
    let status = cmd
        .args(["build", "--quiet", "--source"])
        .arg(site.path())
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap();
    assert!(status.status.success());
    let second = tree(&site.out());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (k, v) in &first {
        assert!(second[k] == *v, "{k} differs between runs");
    }
    // A rebuild writes nothing.
    let o = site.build_ok();
    assert!(o.stderr.contains("(0 written"), "{}", o.stderr);
}

#[test]
fn rebuild_removes_pages_that_are_gone_and_files_put_there_by_hand() {
    let site = Site::fixture("basic");
    site.build_ok();
    std::fs::write(site.out().join("CNAME"), "example.org").unwrap();
    site.remove("guidance/handbook/02-signs.en.md");
    site.write(
        "guidance/handbook/01-intro.en.md",
        "---\ntitle: Intro\n---\n## Safety {#safety}\n",
    );
    site.write(
        "guidance/handbook/index.en.md",
        "---\ntitle: Handbook\n---\nText.\n",
    );
    site.write(
        "guidance/handbook/01-intro.fr.md",
        "---\ntitle: Intro\n---\nTexte.\n",
    );
    let o = site.build_ok();
    assert!(!site.out().join("en/handbook/signs.html").exists());
    // The output folder is the build's: a file put there by hand goes, and
    // is named; the host's files are published from static/.
    assert!(!site.out().join("CNAME").exists());
    assert!(
        o.stderr
            .contains("removed from the output what this build does not write: `CNAME`"),
        "{}",
        o.stderr
    );
    site.write("static/CNAME", "example.org");
    site.write("static/.nojekyll", "");
    site.write(
        "static/.well-known/security.txt",
        "Contact: mailto:x@example.org\n",
    );
    site.write("static/.hidden.txt", "no");
    site.build_ok();
    assert_eq!(site.read("public/CNAME"), "example.org");
    assert!(site.out().join(".nojekyll").is_file());
    assert!(site.out().join(".well-known/security.txt").is_file());
    assert!(!site.out().join(".hidden.txt").exists());
}

#[test]
fn a_sites_own_scripts_and_styles_are_published_byte_for_byte() {
    let site = Site::fixture("basic");
    site.build_ok();
    // The built-in theme's are minified (at compile time).
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/static");
    for name in ["site.css", "site.js"] {
        let source = std::fs::read_to_string(theme.join(name)).unwrap();
        let published = site.read(&format!("public/assets/{name}"));
        assert!(
            published.len() < source.len() && !published.contains("\n  "),
            "{name} is not minified"
        );
    }
    // A site's own files, overriding or new, are its business: a template
    // literal whose lines must not move, comments, indentation.
    let js = "// mine\nconst s = `line one\n    // not a comment: part of the string\n  line three`;\n\n  /* kept */\n";
    let css = "/* mine */\na , b {\n  color : red ;\n}\n";
    site.write("templates/static/site.js", js);
    site.write("templates/static/site.css", css);
    site.write("templates/static/extra.js", js);
    site.write("templates/static/extra.css", css);
    site.build_ok();
    for (name, text) in [
        ("site.js", js),
        ("site.css", css),
        ("extra.js", js),
        ("extra.css", css),
    ] {
        assert_eq!(site.read(&format!("public/assets/{name}")), text, "{name}");
    }
}

#[test]
fn site_templates_override_the_theme() {
    let site = Site::fixture("basic");
    site.write("templates/chapter.html", "<!DOCTYPE html><html lang=\"{{ lang.code }}\"><title>x</title><p class=custom>{{ title }}</p></html>");
    site.write("templates/i18n/fr.ftl", "callout-warning = Attention !\n");
    site.build_ok();
    assert_eq!(
        site.page("en/handbook/signs.html").text_of(".custom"),
        "Signs"
    );
    // A site's strings override the built-in ones key by key.
    site.write(
        "templates/chapter.html",
        "{% extends \"base.html\" %}{% block body %}{{ content | safe }}{% endblock body %}",
    );
    site.build_ok();
    let fr = site.page("fr/handbook/intro.html");
    assert_eq!(fr.text_of(".callout-warning .callout-label"), "Attention !");
    // Keys the site's file does not have still come from the built-in
    // French strings, not from English.
    for (css, key) in [
        (".skip-link", "skip-to-content"),
        (".search-form button", "search-button"),
    ] {
        let french = common::label("fr", key);
        assert_ne!(french, common::label("en", key), "{key}");
        assert_eq!(fr.text_of(css), french, "{key}");
    }
    // And other languages keep their own strings.
    assert_eq!(
        site.page("en/handbook/intro.html")
            .text_of(".callout-warning .callout-label"),
        common::label("en", "callout-warning")
    );
}

/// What a page's front matter has under `extra:` reaches the templates as
/// written, nested values included, each page its own; a page without
/// it has none.
#[test]
fn extra_front_matter_reaches_the_templates() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\nextra:\n  audience: outreach workers\n  levels: [1, 2]\n---\n\n## Physical signs {#physical-signs}\n\nInjuries.\n",
    );
    site.write(
        "templates/chapter.html",
        "<!DOCTYPE html><html lang=\"{{ lang.code }}\"><title>x</title><p class=audience>{{ extra.audience | default(value='none') }}</p><p class=levels>{% if extra.levels %}{{ extra.levels | join(sep='+') }}{% endif %}</p></html>",
    );
    site.build_ok();
    let signs = site.page("en/handbook/signs.html");
    assert_eq!(signs.text_of(".audience"), "outreach workers");
    assert_eq!(signs.text_of(".levels"), "1+2");
    // The fixture's introduction has an `extra:` of its own.
    let intro = site.page("en/handbook/intro.html");
    assert_eq!(intro.text_of(".audience"), "field staff");
    assert_eq!(intro.text_of(".levels"), "");
    let contacts = site.page("en/handbook/referral/contacts.html");
    assert_eq!(contacts.text_of(".audience"), "none");
}

#[test]
fn missing_interface_string_names_key_and_template() {
    let site = Site::fixture("basic");
    site.write("templates/home.html", "{{ t(key=\"no-such-key\") }}");
    let o = site.build();
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("no-such-key"), "{}", o.stderr);
    assert!(o.stderr.contains("templates/home.html"), "{}", o.stderr);
}

#[test]
fn raw_html_is_neutralised_unless_allowed() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\n<script>alert(1)</script>\n\nText <img src=images/flow.png onerror=alert(1) alt=Flow> and<br>more <!-- hidden <b>x</b> -->.\n\n[click](javascript:alert(1)) <JAVASCRIPT:alert(1)>\n",
    );
    let o = site.build_ok();
    for told in [
        "02-signs.en.md:7:1: warning: `<script>` removed from raw HTML, with its content",
        "02-signs.en.md:9:6: warning: `onerror` attribute removed from `<img>` in raw HTML",
    ] {
        assert!(o.stderr.contains(told), "{told}:\n{}", o.stderr);
    }
    let p = site.page("en/handbook/signs.html");
    assert!(p.select(".content script").is_empty());
    assert!(p.select("[onerror]").is_empty());
    // The image is kept, resolved like a Markdown image, without its handler.
    assert_eq!(p.attr(".content img", "src"), "images/flow.png");
    assert_eq!(p.attr(".content img", "alt"), "Flow");
    assert_eq!(p.select(".content br").len(), 1);
    assert!(!p.text_of(".content").contains("hidden"));
    for a in p.select("a[href]") {
        assert!(
            !a.value()
                .attr("href")
                .unwrap()
                .to_lowercase()
                .contains("javascript")
        );
    }
    // The script is gone, not shown as text.
    assert!(!p.text_of(".content").contains("script>"));

    site.write(
        "site.yaml",
        format!("{}allow_raw_html: true\n", site.read("site.yaml")),
    );
    site.build_ok();
    assert_eq!(
        site.page("en/handbook/signs.html")
            .select(".content script")
            .len(),
        1
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = Site::fixture("basic");
    site.write("guidance/handbook/02-signs.en.md", "\u{feff}---\r\ntitle: Signs\r\n---\r\n\r\n## Physical signs {#physical-signs}\r\n\r\nText.\r\n");
    site.build_ok();
    assert_eq!(site.page("en/handbook/signs.html").text_of("h1"), "Signs");
}

#[test]
fn help_explains_every_option() {
    let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
    let o = cmd.args(["build", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    for opt in [
        "--source",
        "--out",
        "--strict",
        "--quiet",
        "--verbose",
        "Exit codes",
    ] {
        assert!(text.contains(opt), "{opt} missing from:\n{text}");
    }
}

/// Word's numbered headings give file names like `1.2-scope.md` and
/// `1.10-annex.md`: they are read in the order of their numbers (1.2 before
/// 1.10, 2 before 2.1) and published under their names without numbers.
#[test]
fn dotted_numbers_order_pages_and_leave_their_urls() {
    let site = Site::fixture("basic");
    let names = [
        "1.10-annex",
        "1.1-intro",
        "10-last",
        "2.1-method",
        "1.2-scope",
        "3.2.1-deep",
        "2-overview",
    ];
    site.write(
        "guidance/numbered/index.md",
        "---\ntitle: Numbered\n---\n\nIntro.\n",
    );
    for n in names {
        site.write(
            &format!("guidance/numbered/{n}.md"),
            format!("---\ntitle: Page {n}\n---\n\nText.\n"),
        );
    }
    let o = site.build_ok();
    assert!(!o.stderr.contains("same order"), "{}", o.stderr);
    // Following `next` from the publication's page gives the reading order.
    let mut at = "index.html".to_string();
    let mut order = Vec::new();
    for _ in 0..names.len() {
        let page = site.page(&format!("en/numbered/{at}"));
        at = page.attr("a[rel=next]", "href");
        order.push(at.clone());
    }
    assert_eq!(
        order,
        [
            "intro.html",
            "scope.html",
            "annex.html",
            "overview.html",
            "method.html",
            "deep.html",
            "last.html"
        ]
    );
}

/// A Hugo site orders pages by `weight:`, names without numbers: read as
/// `order` there (a number in the name still comes first), and Hugo's
/// `description` is the summary.
#[test]
fn hugo_weight_orders_pages_without_numbers() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/hugo/index.md",
        "---\ntitle: Hugo\n---\n\nIntro.\n",
    );
    for (name, weight) in [("zeta", "1"), ("alpha", "3"), ("mid", "2"), ("none", "")] {
        let weight = if weight.is_empty() {
            String::new()
        } else {
            format!("weight: {weight}\n")
        };
        site.write(
            &format!("guidance/hugo/{name}.md"),
            format!("---\ntitle: {name}\n{weight}description: About {name}.\n---\n\nText.\n"),
        );
    }
    let o = site.build_ok();
    assert!(!o.stderr.contains("weight"), "{}", o.stderr);
    assert!(!o.stderr.contains("description"), "{}", o.stderr);
    let mut at = "index.html".to_string();
    let mut order = Vec::new();
    for _ in 0..4 {
        at = site
            .page(&format!("en/hugo/{at}"))
            .attr("a[rel=next]", "href");
        order.push(at.clone());
    }
    assert_eq!(order, ["zeta.html", "mid.html", "alpha.html", "none.html"]);
    let summaries = site.page("en/hugo/index.html").text;
    assert!(summaries.contains("About mid."), "{summaries}");
}
