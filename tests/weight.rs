//! A site that travels: light pages, and nothing loaded from another host.

mod common;
use common::{Site, tree};

#[test]
fn theme_and_pages_stay_within_budget() {
    let site = Site::sample();
    let o = site.build_ok();
    let files = tree(&site.out());
    // The theme's CSS and JavaScript together: under 30 KB uncompressed.
    // search.js, loaded by the search page only, has its own budget
    // (tests/search.rs).
    let theme: usize = files
        .iter()
        .filter(|(k, _)| k.starts_with("assets/") && (k.ends_with(".css") || k.ends_with(".js")))
        .filter(|(k, _)| k.as_str() != "assets/search.js")
        .map(|(_, v)| v.len())
        .sum();
    // The summary names the heaviest page written (the first by path when
    // two weigh the same), with its size and the theme's.
    let (largest, bytes) = files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k.as_str(), v.len()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .unwrap();
    let line = format!(
        "  largest page: {largest} ({:.0} KB; the theme's CSS and JavaScript add {:.0} KB)\n",
        bytes as f64 / 1024.0,
        theme as f64 / 1024.0
    );
    assert!(
        o.stderr.contains(&line),
        "expected {line:?} in:\n{}",
        o.stderr
    );
    assert!(theme < 30 * 1024, "theme CSS+JS is {theme} bytes");
    // A typical chapter page with the assets it loads: under 60 KB.
    let page = site.page("en/identification-guidelines/indicators.html");
    let mut total = page.text.len();
    for el in page.select("link[rel=stylesheet], script[src]") {
        let url = el.value().attr("href").or(el.value().attr("src")).unwrap();
        let rel = url.trim_start_matches("../");
        total += files[rel].len();
    }
    assert!(
        total < 60 * 1024,
        "indicators.html with its assets is {total} bytes"
    );
}

/// Every way a file can make a browser fetch something.
fn foreign_requests(rel: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = text.to_ascii_lowercase();
    if rel.ends_with(".css") || rel.ends_with(".html") {
        for pat in [
            "url(http",
            "url(//",
            "url('http",
            "url(\"http",
            "url('//",
            "url(\"//",
            "@import",
        ] {
            if lower.contains(pat) {
                found.push(format!("{rel}: {pat}"));
            }
        }
    }
    if rel.ends_with(".js")
        && (lower.contains("http://") || lower.contains("https://"))
        && !rel.ends_with("search-index.js")
    {
        found.push(format!("{rel}: an absolute URL in a script"));
    }
    if rel.ends_with(".html") {
        let html = scraper::Html::parse_document(text);
        let sel = scraper::Selector::parse("script[src], link[href], img[src], img[srcset], source[src], source[srcset], video, audio, iframe, object, embed, input[src]").unwrap();
        for el in html.select(&sel) {
            let v = el.value();
            if v.name() == "link" && v.attr("rel").is_some_and(|r| r == "alternate") {
                continue; // hreflang alternates are links, not loads
            }
            for attr in ["src", "href", "srcset", "data", "poster"] {
                if let Some(url) = v.attr(attr) {
                    let u = url.trim().to_ascii_lowercase();
                    if u.starts_with("http:") || u.starts_with("https:") || u.starts_with("//") {
                        found.push(format!("{rel}: <{} {attr}={url}>", v.name()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn no_request_leaves_the_site() {
    let site = Site::sample();
    // With a base_url (absolute alternates) and offline reading on: the
    // strictest setting still loads nothing from elsewhere.
    site.write(
        "site.yaml",
        format!(
            "{}base_url: https://example.org/guidance/\noffline: true\n",
            site.read("site.yaml")
        ),
    );
    site.build_ok();
    let mut problems = Vec::new();
    for (rel, bytes) in tree(&site.out()) {
        if rel.ends_with(".html") || rel.ends_with(".css") || rel.ends_with(".js") {
            problems.extend(foreign_requests(&rel, &String::from_utf8_lossy(&bytes)));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A phone photo published as taken (megabytes) stalls a page on a weak
/// mobile link, and nothing said so. Now a warning names each image over
/// 1 MB, from `guidance/` and `static/`, with the wait it costs and what to
/// do; light images, and documents (a download the reader chooses), are
/// not named.
#[test]
fn a_heavy_image_is_named_with_the_wait_it_costs() {
    let site = Site::fixture("basic");
    let plain = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos/plain.jpg"),
    )
    .unwrap();
    // The same photo, its scan data padded to 1.5 MB (a photo as a phone
    // takes it), and the light original.
    let end = plain.len() - 2;
    let heavy = [&plain[..end], &vec![0u8; 1_500_000], &plain[end..]].concat();
    site.write("guidance/handbook/street.jpg", &heavy);
    site.write("guidance/handbook/light.jpg", &plain);
    site.write("static/banner.jpg", &heavy);
    site.write(
        "guidance/handbook/report.pdf",
        [
            b"%PDF-1.4\n".as_slice(),
            &vec![b' '; 1_500_000],
            b"\n%%EOF\n",
        ]
        .concat(),
    );
    let page = site.read("guidance/handbook/01-intro.en.md");
    site.write(
        "guidance/handbook/01-intro.en.md",
        format!("{page}\n![A street](street.jpg)\n\n![A light photo](light.jpg)\n\n[The report](report.pdf)\n"),
    );
    let o = site.build_ok();
    let named: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| l.contains("MB image"))
        .collect();
    assert_eq!(
        named,
        [
            "guidance/handbook/street.jpg: warning: a 1.5 MB image: on a weak mobile link (1 Mbit/s) a reader waits about 12 s for it",
            "static/banner.jpg: warning: a 1.5 MB image: on a weak mobile link (1 Mbit/s) a reader waits about 12 s for it",
        ],
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("at most 1600 pixels wide"),
        "{}",
        o.stderr
    );
    // Still published: it is the author's to make smaller.
    assert!(site.out().join("en/handbook/street.jpg").is_file());
}
