//! Inputs the fuzzers once found a problem with (`fuzz/`, see README), run
//! through the same checks on every `cargo test`.

use fieldguide::content::front_matter::{Role, parse, split};
use std::path::Path;

fn inputs(kind: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(kind);
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    assert!(!v.is_empty());
    v
}

#[test]
fn front_matter_problems_stay_inside_the_file() {
    for (name, data) in inputs("front_matter") {
        let Ok(text) = fieldguide::text::decode(&data) else {
            continue;
        };
        let lines = text.lines().count().max(1) + 1;
        if let Ok(s) = split(&text) {
            for role in [Role::Chapter, Role::PublicationIndex] {
                let mut diags = Vec::new();
                let _ = parse(&s, Path::new("a.md"), role, &mut diags);
                for d in &diags {
                    assert!(
                        d.line <= lines,
                        "{name}: line {} beyond the file ({lines} lines)",
                        d.line
                    );
                }
            }
        }
    }
}

#[test]
fn markdown_output_stays_safe() {
    for (name, data) in inputs("markdown") {
        let Ok(body) = std::str::from_utf8(&data) else {
            continue;
        };
        let (Some(config), _) = fieldguide::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en, ar]\n",
            Path::new("site.yaml"),
        ) else {
            panic!()
        };
        let chapter = format!("---\ntitle: Fuzz\n---\n{body}");
        let files = [
            ("pub/index.en.md", "---\ntitle: P\n---\n[a](01-a.md)\n"),
            ("pub/01-a.en.md", chapter.as_str()),
            ("pub/01-a.ar.md", chapter.as_str()),
        ];
        let mut diags = Vec::new();
        let site = fieldguide::content::model::from_memory(config, &files, &mut diags);
        let labels = fieldguide::markdown::Labels::default();
        for d in 0..site.docs.len() {
            let opts = fieldguide::markdown::Options {
                allow_raw_html: false,
                labels: &labels,
                interactive_tasks: true,
            };
            let raw = fieldguide::markdown::render(&site, d, &opts).html;
            let mut ids = ids_in_tags(&raw);
            let n = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), n, "{name}: duplicate ids");
            let html = raw.to_ascii_lowercase();
            assert!(!html.contains("<script"), "{name}");
            for tag in html
                .split('<')
                .skip(1)
                .map(|t| t.split('>').next().unwrap_or(""))
            {
                assert!(!tag.contains("javascript:"), "{name}: <{tag}>");
                assert!(
                    !tag.split_whitespace()
                        .any(|a| a.starts_with("on") && a.contains('=')),
                    "{name}: <{tag}>"
                );
            }
        }
    }
}

/// The `id` values of real tags (text may read `id="x"`: it is not escaped).
fn ids_in_tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|t| t.split('>').next())
        .flat_map(|tag| {
            tag.split(" id=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
        })
        .collect()
}
