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
    }
}
