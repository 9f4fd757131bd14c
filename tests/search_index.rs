//! End-to-end: the search index files and the search form, checked in the
//! output (sizes, one entry per page, determinism, the form on every page).

mod common;
use common::Site;
use scraper::Selector;
use std::path::Path;

/// The JSON object a `search-index.js` assigns.
fn index_json(out: &Path, lang: &str) -> serde_json::Value {
    let js = std::fs::read_to_string(out.join(format!("{lang}/search-index.js"))).unwrap();
    let body = js
        .strip_prefix("window.fieldguideSearch=")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("search-index.js assigns window.fieldguideSearch");
    serde_json::from_str(body).expect("the index is valid JSON")
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

#[test]
fn every_language_gets_an_index_within_budget() {
    let site = Site::sample();
    let o = site.build_ok();
    for lang in ["en", "fr", "ar", "ha"] {
        let idx = index_json(&site.out(), lang);
        assert_eq!(idx["lang"], lang);
        let docs = idx["docs"].as_array().unwrap();
        // Every page of the language tree, fallbacks included.
        let pages = common::html_files(&site.out().join(lang))
            .iter()
            .filter(|p| {
                !p.ends_with("print.html") && !p.ends_with("search.html") && {
                    let rel = p.strip_prefix(site.out().join(lang)).unwrap();
                    rel.components().count() > 1
                }
            })
            .count();
        assert_eq!(docs.len(), pages, "{lang}: one entry per page");
        for d in docs {
            let path = format!(
                "{}{}",
                idx["pubs"][d[0].as_u64().unwrap() as usize][1]
                    .as_str()
                    .unwrap(),
                d[1].as_str().unwrap()
            );
            assert!(
                site.out().join(lang).join(common::decode(&path)).is_file(),
                "{lang}: {path} does not exist"
            );
        }
        // The summary line, and the budget stated in README.md.
        let line = o
            .stderr
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("search {lang}:")))
            .unwrap_or_else(|| panic!("no search line for {lang}:\n{}", o.stderr));
        // `index 31.8 KB for 42.2 KB of text (75% of its size)`
        let pct: f64 = line
            .rsplit_once(" (")
            .and_then(|(_, s)| s.split('%').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("cannot read the ratio in {line}"));
        assert!(pct <= 90.0, "{lang}: index over budget: {line}");
    }
    // Arabic and Hausa show untranslated pages from English: marked as such.
    let ar = index_json(&site.out(), "ar");
    assert!(
        ar["docs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d.get(5).and_then(|l| l.as_str()) == Some("en"))
    );
}

#[test]
fn the_search_form_is_on_every_page_and_works_without_scripts() {
    let site = Site::fixture("basic");
    site.build_ok();
    let out = site.out();
    for file in common::html_files(&out) {
        let rel = file
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel == "index.html" || rel.ends_with("print.html") {
            continue;
        }
        // The 404 page is in the default language, its links from the root.
        let not_found = rel == "404.html";
        let lang = if not_found {
            "en"
        } else {
            rel.split('/').next().unwrap()
        };
        let p = site.page(&rel);
        let form = if rel.ends_with("/search.html") {
            p.one("main form[role=search]")
        } else {
            p.one("header form[role=search]")
        };
        assert_eq!(form.value().attr("method"), Some("get"), "{rel}");
        let action = form.value().attr("action").unwrap();
        let target = match action.strip_prefix('/') {
            Some(abs) if not_found => out.join(abs),
            _ => file.parent().unwrap().join(action),
        };
        assert_eq!(
            target.canonicalize().unwrap(),
            out.join(lang).join("search.html").canonicalize().unwrap(),
            "{rel}: the form goes to the language's results page"
        );
        let input = form
            .select(&sel("input[name=q]"))
            .next()
            .unwrap_or_else(|| panic!("{rel}: no input named q"));
        let id = input.value().attr("id").unwrap();
        assert_eq!(
            form.select(&sel(&format!("label[for={id}]"))).count(),
            1,
            "{rel}: the input has a label"
        );
        assert!(form.select(&sel("button[type=submit]")).next().is_some());
    }
    // The results page: its own template and the interface language.
    let p = site.page("fr/search.html");
    assert_eq!(p.attr("body", "class"), "page-search");
    assert_eq!(p.text_of("h1"), common::label("fr", "search-heading"));
    assert_eq!(
        p.attr("script[src='search-index.js']", "src"),
        "search-index.js"
    );
    assert_eq!(
        p.attr("script[src$='search.js']:not([src^=search])", "src"),
        "../assets/search.js"
    );
    assert!(p.text.contains("<noscript>"));
    assert!(common::broken_links(&out).is_empty());
}

#[test]
fn index_bytes_do_not_depend_on_threads() {
    let site = Site::sample();
    let index = |threads: &str| {
        let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
        let out = site.path().join(format!("out-{threads}"));
        cmd.args(["build", "--quiet", "--source"])
            .arg(site.path())
            .arg("--out")
            .arg(&out)
            .env("RAYON_NUM_THREADS", threads)
            .assert()
            .success();
        ["en", "fr", "ar", "ha"]
            .map(|l| std::fs::read(out.join(format!("{l}/search-index.js"))).unwrap())
    };
    assert!(index("1") == index("4"));
}

#[test]
fn search_js_stays_offline_and_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/static");
    let js = std::fs::read_to_string(root.join("search.js")).unwrap();
    for bad in [
        "fetch(",
        "XMLHttpRequest",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "http:",
        "https:",
        "import(",
    ] {
        assert!(!js.contains(bad), "search.js must not use {bad}");
    }
    // Its own budget: only the results page loads it (with the index), so
    // it is not counted in the 30 KB of CSS and JavaScript every page
    // loads (tests/weight.rs). 15,000 since it finds words the site
    // writes apart (`safehouse`, `safe house`): about 13,300 before;
    // 16,000 since it ranks words as typed and as words before their
    // starts, and ends sentences inside separators: about 15,450;
    // 17,000 since it finds numbers the site writes in groups
    // (`2348001234567` for `+234 800 123 4567`): about 16,900;
    // 17,200 since it matches misspellings by sound where the language
    // says which letters sound alike (Spanish `yamar` for `llamar`):
    // about 17,130; 17,300 since two words typed for one find the site's
    // word in another form (`care givers`, *caregiver*) and a number in
    // groups is kept apart when it finds nothing whole (`24/7` finds *24
    // hours*), or found by another form (`24x7`): about 17,290; 17,350
    // since a title word found as the word counts more than one the query
    // only starts (`case`: *Case files* before *Casework*): about 17,340;
    // 18,200 since an acronym finds the words the site writes out (`PEP`,
    // *post-exposure prophylaxis*; `DOB`, typed in capitals, before the
    // misspelling of *do*): about 18,170; 18,350 since the acronym scan
    // reads each word's first letter from a table made once, not from the
    // word (on 1,080 chapters the scan fell from about 110-140 ms to
    // 20-40 ms): about 18,310; 20,550 since scripts written without
    // spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) are split into
    // characters, a query's looked for as a phrase (else by its pairs of
    // characters), with snippets as long as in other scripts, combining
    // marks belong to their words (Hindi, Tamil) and a Korean syllable
    // counts two letters: about 20,510; 21,400 since a dot after a title
    // or abbreviation ends no snippet sentence (`Dr. Amina`), an Arabic
    // word is found where a page joins a letter before it (`بسكن`), a
    // correction is lower-cased by its language's rules, two lower-case
    // letters are no acronym and an ending off leaves no function word:
    // about 21,360; 21,600 since a plural finds what its singular starts
    // (`photos`, *photograph*) and a pasted column of numbers is tried in
    // runs of at most 6; 22,200 since a letter may be typed for another
    // (Arabic `سوال`: `سؤال`), a taa marbuta ends a word, an acronym typed
    // in capitals (also Cyrillic) is neither corrected nor a word's start,
    // and more abbreviations end no sentence, and a snippet shows the
    // word as typed: about 22,120; 22,450 since the head of a German
    // compound finds it (`pass`, *Reisepass*) and a correction weighs half
    // a word the site has: about 22,440; 22,700 since a Russian or
    // Ukrainian verb is found with or without its prefix (`шифровать`,
    // *зашифрованной*) and never corrected without it: about 22,690;
    // 23,000 since an Ethiopic syllable is searched as its consonant and
    // a mark of its vowel (Amharic `ፋይል` starts *ፋይሎች*) and an Arabic
    // present tense's `ت` is put before a query word only where the site
    // has no noun of that form (`نشر`, *تنشر*; `جار` is not *التجار*):
    // about 22,930; 23,800 since Hindi, Nepali and Bengali typed in Latin
    // letters, as most phones type them, are read as their consonants
    // (`sahmati`, *सहमति*; `sommoti`, *সম্মতি*), Devanagari and Bengali
    // lose their nukta and virama, and a function word typed in capitals
    // is kept (`IT`): about 23,790; 23,950 since, on a site of many
    // publications, a page in the reader's language comes before one
    // shown untranslated and a long query whose words are each on other
    // pages still shows the pages with the most of it: about 23,944;
    // 24,050 since a word in the title counts twice among partial matches
    // and a page's words count as all only together, within 80 words or
    // one in a title or heading: about 24,048; 24,350 since a correction
    // that no page has with another word of the query is none, as a
    // larger site has more words one letter away (`delete old records`:
    // *hold*; tests/search_sweep_25.rs): about 24,321; 25,130 since
    // Serbian typed in Latin letters finds a site's Cyrillic words read in
    // Latin (`pasos`, *пасош*: nothing else in the index stands for that
    // reading) and Greek is searched without its tonos
    // (tests/search_sweep_26.rs): about 25,100.
    // As served: what a build writes (the built-in theme is minified).
    let site = Site::fixture("basic");
    site.build_ok();
    let served = std::fs::metadata(site.out().join("assets/search.js"))
        .unwrap()
        .len();
    assert!(
        served <= 25_130,
        "search.js is {served} bytes as served (budget: 25,130)"
    );
}
