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
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "entries in path order");
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
        assert_eq!(
            home.attr(".download a", "href"),
            "../download/test-guidance.zip"
        );
        let text = home.text_of(".download a");
        let kb = size.div_ceil(1000).to_string();
        assert!(text.contains(&kb), "{lang}: {text} should show {kb}");
    }
    // A site can turn it off.
    site.write(
        "site.yaml",
        format!("{}download: false\n", site.read("site.yaml")),
    );
    site.build_ok();
    assert!(!site.path().join(ZIP).exists(), "the old zip is removed");
    assert!(site.page("en/index.html").select(".download").is_empty());
}
