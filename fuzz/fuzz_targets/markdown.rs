//! Markdown to HTML, with link rewriting and heading ids: never panics,
//! ids are unique, and no `javascript:` link or raw `<script>` comes out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let (Some(config), _) = fieldguide::config::parse(
        "title: T\ndefault_language: en\nlanguages: [en, ar]\n",
        Path::new("site.yaml"),
    ) else {
        return;
    };
    let chapter = format!("---\ntitle: Fuzz\n---\n{body}");
    let files = [
        ("pub/index.en.md", "---\ntitle: P\n---\n[a](01-a.md)\n"),
        ("pub/01-a.en.md", chapter.as_str()),
        ("pub/01-a.ar.md", chapter.as_str()),
        ("pub/images/x.png", ""),
        ("pub/02-b.en.md", "---\ntitle: B\n---\n## Target {#t}\n"),
    ];
    let mut diags = Vec::new();
    let site = fieldguide::content::model::from_memory(config, &files, &mut diags);
    let labels = fieldguide::markdown::Labels::default();
    for d in 0..site.docs.len() {
        let opts = fieldguide::markdown::Options { allow_raw_html: false, labels: &labels, interactive_tasks: d % 2 == 0 };
        let r = fieldguide::markdown::render(&site, d, &opts);
        // Real tags only: escaped markup shown as text starts with `&lt;`.
        let lower = r.html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "script in output");
        for tag in lower.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
            assert!(!tag.contains("href=\"javascript:"), "javascript link in output: <{tag}>");
            assert!(!tag.contains(" on") || !tag.split_whitespace().any(|a| a.starts_with("on") && a.contains('=')), "event handler in output: <{tag}>");
        }
        let mut ids: Vec<&str> = ids_in_tags(&r.html);
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
    }
});

/// The `id` values of real tags (text may read `id="x"`: it is not escaped).
fn ids_in_tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|t| t.split('>').next())
        .flat_map(|tag| tag.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()))
        .collect()
}
