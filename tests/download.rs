//! The downloadable zip of the whole site.

mod common;
use common::{Site, broken_links, tree};

const ZIP: &str = "public/download/test-guidance.zip";

#[test]
fn zip_holds_the_whole_site_and_is_reproducible() {
    let site = Site::fixture("basic");
    site.build_ok();
    let bytes = std::fs::read(site.path().join(ZIP)).unwrap();
    let entries = fieldguide::output::download::entries(&bytes).unwrap();
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(names.len(), unique.len(), "each file once");
    assert!(names.iter().all(|n| n.starts_with("test-guidance/")));
    assert!(
        !names.iter().any(|n| n.contains("download/")),
        "the zip does not contain itself"
    );
    // Every page of the site is in it, byte for byte, except the homes,
    // which in the zip do not offer the download.
    let site_tree = tree(&site.out());
    for (name, data) in &entries {
        let rel = name.strip_prefix("test-guidance/").unwrap();
        assert!(
            !rel.starts_with("download/"),
            "{rel}: the zips are not in a zip"
        );
        let on_disk = &site_tree[rel];
        if rel.ends_with("/index.html") && rel.matches('/').count() == 1 {
            let text = String::from_utf8_lossy(data);
            assert!(!text.contains("download/"), "{rel}");
        } else {
            assert!(on_disk == data, "{rel} differs");
        }
    }
    let pages = site_tree
        .keys()
        .filter(|k| !k.starts_with("download/") && !k.starts_with(".fieldguide"))
        .count();
    assert_eq!(entries.len(), pages);

    // Unzipped, it works on its own: every link resolves.
    let dir = tempfile::tempdir().unwrap();
    for (name, data) in &entries {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, data).unwrap();
    }
    let problems = broken_links(&dir.path().join("test-guidance"));
    assert!(problems.is_empty(), "{problems:#?}");

    // Reproducible: a fresh build gives the same bytes.
    std::fs::remove_dir_all(site.out()).unwrap();
    site.build_ok();
    assert!(std::fs::read(site.path().join(ZIP)).unwrap() == bytes);
    // And a rebuild after an edit changes only what changed.
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n## Physical signs {#physical-signs}\nNew.\n",
    );
    site.build_ok();
    let after =
        fieldguide::output::download::entries(&std::fs::read(site.path().join(ZIP)).unwrap())
            .unwrap();
    let signs = after
        .iter()
        .find(|(n, _)| n == "test-guidance/en/handbook/signs.html")
        .unwrap();
    assert!(String::from_utf8_lossy(&signs.1).contains("New."));
}

#[test]
fn each_home_links_to_the_zip_with_its_size() {
    let site = Site::fixture("basic");
    site.build_ok();
    let size = std::fs::metadata(site.path().join(ZIP)).unwrap().len();
    for lang in ["en", "fr", "ar"] {
        let home = site.page(&format!("{lang}/index.html"));
        let site_link = ".download a:not(.download-language)";
        assert_eq!(
            home.attr(site_link, "href"),
            "../download/test-guidance.zip"
        );
        let text = home.text_of(site_link);
        let kb = size.div_ceil(1000).to_string();
        assert!(
            text.contains(&format!("\u{2068}{kb}\u{2069}")),
            "{lang}: {text} should show {kb}"
        );
        // And this language's own, smaller zip.
        let lang_zip = format!("download/test-guidance-{lang}.zip");
        assert_eq!(
            home.attr(".download a.download-language", "href"),
            format!("../{lang_zip}")
        );
        let lang_size = std::fs::metadata(site.out().join(&lang_zip)).unwrap().len();
        assert!(lang_size < size, "{lang}: {lang_size} < {size}");
        let text = home.text_of(".download a.download-language");
        let kb = lang_size.div_ceil(1000).to_string();
        assert!(
            text.contains(&format!("\u{2068}{kb}\u{2069}")),
            "{lang}: {text} should show {kb}"
        );
    }
    // A site can turn it off.
    site.write(
        "site.yaml",
        format!("{}download: false\n", site.read("site.yaml")),
    );
    site.build_ok();
    assert!(!site.path().join(ZIP).exists(), "the old zip is removed");
    assert!(
        !site.out().join("download").exists(),
        "and the language zips"
    );
    assert!(site.page("en/index.html").select(".download").is_empty());
}

#[test]
fn each_language_zip_holds_that_language_and_works_alone() {
    let site = Site::fixture("basic");
    site.build_ok();
    let whole =
        fieldguide::output::download::entries(&std::fs::read(site.path().join(ZIP)).unwrap())
            .unwrap();
    for lang in ["en", "fr", "ar"] {
        let bytes = std::fs::read(
            site.out()
                .join(format!("download/test-guidance-{lang}.zip")),
        )
        .unwrap();
        let entries = fieldguide::output::download::entries(&bytes).unwrap();
        let root = format!("test-guidance-{lang}/");
        let mut expected: Vec<String> = whole
            .iter()
            .filter_map(|(n, _)| n.strip_prefix("test-guidance/"))
            .filter(|rel| rel.starts_with(&format!("{lang}/")) || rel.starts_with("assets/"))
            .map(|rel| format!("{root}{rel}"))
            .collect();
        expected.push(format!("{root}index.html"));
        let mut names: Vec<String> = entries.iter().map(|(n, _)| n.clone()).collect();
        names.sort();
        expected.sort();
        assert_eq!(names, expected, "{lang}");
        // Byte for byte the whole zip's files.
        for (name, data) in &entries {
            let rel = name.strip_prefix(&root).unwrap();
            if rel == "index.html" {
                continue;
            }
            // The script is the site's, after a line naming the language held.
            if rel == "assets/site.js" {
                let (first, rest) =
                    data.split_at(data.iter().position(|&b| b == b'\n').unwrap() + 1);
                let first = std::str::from_utf8(first).unwrap();
                assert!(
                    first.starts_with(&format!(
                        "window.fieldguideHolds = {{\"lang\":\"{lang}\",\"note\":"
                    )),
                    "{first}"
                );
                let site_js = &whole
                    .iter()
                    .find(|(n, _)| n == "test-guidance/assets/site.js")
                    .unwrap()
                    .1;
                assert!(rest == site_js.as_slice());
                continue;
            }
            if let Some((_, d)) = whole
                .iter()
                .find(|(n, _)| n == &format!("test-guidance/{rel}"))
            {
                assert!(d == data, "{name}");
            }
        }
        // Unzipped alone, every link inside the language resolves; the
        // root page opens the language's home.
        let dir = tempfile::tempdir().unwrap();
        for (name, data) in &entries {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, data).unwrap();
        }
        let unzipped = dir.path().join(&root);
        let index = std::fs::read_to_string(unzipped.join("index.html")).unwrap();
        assert!(index.contains(&format!("url={lang}/index.html")), "{index}");
        let others: Vec<String> = ["en", "fr", "ar"]
            .iter()
            .filter(|l| **l != lang)
            .map(|l| format!("/{l}/"))
            .collect();
        let problems: Vec<String> = broken_links(&unzipped)
            .into_iter()
            .filter(|p| {
                !others
                    .iter()
                    .any(|o| p.contains(&format!("..{o}")) || p.contains(&format!("`{}", &o[1..])))
            })
            .collect();
        assert!(problems.is_empty(), "{lang}: {problems:#?}");
        if lang == "fr" {
            held_links_only(&unzipped);
        }
    }
}

/// Opened from the disk, a page of the French zip keeps its links to French
/// pages and takes out those to the other languages' pages, which the zip
/// does not hold, with a note in French.
fn held_links_only(unzipped: &std::path::Path) {
    let Some(browser) = common::browser::require() else {
        return;
    };
    let url = common::browser::file_url(&unzipped.join("fr/handbook/signs.html"));
    let dom = common::browser::dump_dom(&browser, &url);
    let page = scraper::Html::parse_document(&dom);
    let links = scraper::Selector::parse("details.languages a[hreflang]").unwrap();
    let mut seen = Vec::new();
    for a in page.select(&links) {
        let lang = a.value().attr("hreflang").unwrap();
        seen.push(lang.to_string());
        if lang == "fr" {
            assert!(a.value().attr("href").is_some(), "{}", a.html());
        } else {
            assert_eq!(a.value().attr("href"), None, "{}", a.html());
            assert_eq!(a.value().attr("aria-disabled"), Some("true"));
            assert_eq!(a.value().attr("title"), Some("Absent de ce téléchargement"));
        }
    }
    seen.sort();
    assert_eq!(seen, ["ar", "en", "fr"], "{dom}");
    // A fallback page's note links to the page in its own language: out too.
    let available =
        scraper::Selector::parse(".fallback-notice a[hreflang], main a[hreflang]").unwrap();
    assert!(
        page.select(&available)
            .all(|a| a.value().attr("href").is_none()),
        "{dom}"
    );
    assert!(page.select(&available).next().is_some(), "{dom}");
}

/// `zip: R of N files reused ...` from a verbose build: (R, N).
fn reused(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("zip: "))
        .unwrap_or_else(|| panic!("no zip line:\n{stderr}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    (words[1].parse().unwrap(), words[3].parse().unwrap())
}

/// A rebuild after an edit takes the entries of files that did not change
/// from the last build's zip (compressing is most of a rebuild's time),
/// each verified to hold the same bytes, and writes the zip a fresh build
/// writes. A forged zip, or a link in its place, gives it nothing.
/// The same files, named and stored as fieldguide stores them, with its
/// comment copied, but compressed at another level: each entry inflates to
/// the new file, yet the zip is not the one the earlier build wrote (its
/// manifest records that one's hash with a secret of the source), so
/// nothing of it is reused and the rebuild's zip is a fresh build's.
#[test]
fn a_zip_of_the_same_files_compressed_otherwise_is_not_reused() {
    use std::io::{Read, Write};
    let site = Site::fixture("basic");
    site.build_ok();
    let zip = site.out().join("download/test-guidance.zip");
    let genuine = std::fs::read(&zip).unwrap();
    let mut a = zip::ZipArchive::new(std::io::Cursor::new(&genuine)).unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.set_raw_comment(a.comment().to_vec().into_boxed_slice())
        .unwrap();
    let options = fieldguide::output::download::options().compression_level(Some(9));
    for i in 0..a.len() {
        let mut f = a.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        w.start_file(f.name().unwrap().to_string(), options)
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    let forged = w.finish().unwrap().into_inner();
    assert!(forged != genuine);
    std::fs::write(&zip, &forged).unwrap();
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n## Physical signs {#physical-signs}\nEdited.\n",
    );
    let o = site.run(&["build", "--verbose"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(reused(&o.stderr).0, 0, "{}", o.stderr);
    let fresh = site.path().join("fresh");
    let f = site.run(&["build", "--out", fresh.to_str().unwrap()]);
    assert_eq!(f.code, 0, "{}", f.stderr);
    for rel in ["download/test-guidance.zip", "en/index.html"] {
        assert!(
            std::fs::read(site.out().join(rel)).unwrap() == std::fs::read(fresh.join(rel)).unwrap(),
            "{rel} differs from a fresh build's"
        );
    }
    // The genuine zip, once rebuilt, is reused again after an edit.
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n## Physical signs {#physical-signs}\nEdited again.\n",
    );
    let o = site.run(&["build", "--verbose"]);
    assert!(reused(&o.stderr).0 > 0, "{}", o.stderr);
}

#[test]
fn a_rebuild_reuses_only_verified_entries_of_the_last_zip() {
    let site = Site::fixture("basic");
    site.build_ok();
    let fresh_zip = |label: &str| {
        let out = site.path().join(format!("fresh-{label}"));
        let o = site.run(&["build", "--out", out.to_str().unwrap()]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        std::fs::read(out.join("download/test-guidance.zip")).unwrap()
    };
    let edit = |n: usize| {
        site.write(
            "guidance/handbook/02-signs.en.md",
            format!("---\ntitle: Signs\n---\n## Physical signs {{#physical-signs}}\nEdit {n}.\n"),
        );
    };

    edit(1);
    let o = site.run(&["build", "--verbose"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let (r, n) = reused(&o.stderr);
    assert!(r > 0 && r < n, "{r} of {n} reused:\n{}", o.stderr);
    let zip = site.out().join("download/test-guidance.zip");
    assert!(std::fs::read(&zip).unwrap() == fresh_zip("1"));

    // Forged: every entry named and stored as ours, holding other bytes.
    let entries = fieldguide::output::download::entries(&std::fs::read(&zip).unwrap()).unwrap();
    let forged: Vec<fieldguide::output::OutputFile> = entries
        .iter()
        .map(|(name, _)| {
            let rel = name.strip_prefix("test-guidance/").unwrap().to_string();
            fieldguide::output::OutputFile::owned(rel, b"<script>alert(1)</script>".to_vec())
        })
        .collect();
    std::fs::write(
        &zip,
        fieldguide::output::download::zip(&forged, "test-guidance").unwrap(),
    )
    .unwrap();
    edit(2);
    let o = site.run(&["build", "--verbose"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(reused(&o.stderr).0, 0, "{}", o.stderr);
    let rebuilt = std::fs::read(&zip).unwrap();
    assert!(rebuilt == fresh_zip("2"));
    for (name, bytes) in fieldguide::output::download::entries(&rebuilt).unwrap() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("alert(1)"),
            "{name}"
        );
    }

    // A link to a genuine zip outside the output is not read.
    #[cfg(unix)]
    {
        let outside = site.path().join("outside.zip");
        std::fs::rename(&zip, &outside).unwrap();
        std::os::unix::fs::symlink(&outside, &zip).unwrap();
        edit(3);
        let o = site.run(&["build", "--verbose"]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert_eq!(reused(&o.stderr).0, 0, "{}", o.stderr);
        assert!(!zip.is_symlink());
        assert!(std::fs::read(&zip).unwrap() == fresh_zip("3"));
    }
}
