//! End-to-end: what may be published from `guidance/`. SVGs are published
//! only as the sanitiser writes them back, types off the allowlist are
//! errors naming the file, and leftovers are never published.

#[path = "../common/mod.rs"]
mod common;
mod in_browser;
mod svg;
mod types;

use common::Site;
use std::path::{Path, PathBuf};

/// Files by name, with their bytes.
pub type Files = Vec<(String, Vec<u8>)>;

pub const SVG_NS: &str = "http://www.w3.org/2000/svg";
pub const LANGS: [&str; 3] = ["en", "fr", "ar"];

pub fn corpus(kind: &str) -> Files {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/svg")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// The basic site with `files` in `guidance/handbook/files/`, each linked
/// from a page (so they are published however the lead narrows that down).
pub fn site_with(files: &[(String, Vec<u8>)]) -> Site {
    let site = Site::fixture("basic");
    let mut page = String::from("---\ntitle: Files\n---\n\n");
    for (name, bytes) in files {
        site.write(&format!("guidance/handbook/files/{name}"), bytes);
        page.push_str(&format!("- [{name}](<files/{name}>)\n"));
    }
    site.write("guidance/handbook/04-files.en.md", page);
    site
}

/// Every problem in a published SVG: anything that could run script or
/// load from elsewhere.
pub fn svg_problems(name: &str, bytes: &[u8]) -> Vec<String> {
    let mut problems = Vec::new();
    let Ok(text) = std::str::from_utf8(bytes) else {
        return vec![format!("{name}: not UTF-8")];
    };
    if text.starts_with('\u{feff}') || text.contains("<!DOCTYPE") {
        problems.push(format!("{name}: BOM or DOCTYPE"));
    }
    let doc = match roxmltree::Document::parse(text) {
        Ok(d) => d,
        Err(e) => return vec![format!("{name}: {e}")],
    };
    for n in doc.descendants() {
        if n.is_pi() {
            problems.push(format!("{name}: processing instruction"));
        }
        if !n.is_element() {
            continue;
        }
        let tag = n.tag_name();
        if tag.namespace() != Some(SVG_NS) {
            problems.push(format!("{name}: <{}> in {:?}", tag.name(), tag.namespace()));
        }
        let el = tag.name().to_ascii_lowercase();
        if [
            "script",
            "foreignobject",
            "iframe",
            "embed",
            "object",
            "handler",
            "listener",
            "a",
            "animate",
            "set",
            "animatetransform",
            "animatemotion",
            "feimage",
            "discard",
        ]
        .contains(&el.as_str())
        {
            problems.push(format!("{name}: <{}>", tag.name()));
        }
        if el == "style" {
            let css = n.text().unwrap_or("").to_ascii_lowercase();
            if css.contains("@import") || css.contains("url(http") || css.contains('\\') {
                problems.push(format!("{name}: <style>{css}</style>"));
            }
        }
        for a in n.attributes() {
            let (attr, value) = (a.name().to_ascii_lowercase(), a.value());
            let v: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if attr.starts_with("on") {
                problems.push(format!("{name}: {attr}= handler"));
            }
            let raster = v.starts_with("data:image/png;base64,");
            if attr == "href" && !v.starts_with('#') && !(el == "image" && raster) {
                problems.push(format!("{name}: href={value}"));
            }
            if [
                "javascript:",
                "url(http",
                "url(//",
                "url(data",
                "url('http",
                "url(\"http",
            ]
            .iter()
            .any(|bad| v.contains(bad))
            {
                problems.push(format!("{name}: {attr}={value}"));
            }
            if attr == "base" || attr == "attributename" {
                problems.push(format!("{name}: {attr}="));
            }
        }
    }
    problems
}
