//! Rendering whole documents of a small site held in memory.

mod converters;
mod headings;
mod links;
mod raw_html;

use super::*;
use crate::diagnostics::Severity;
use std::path::Path;

struct Doc {
    r: Rendered,
}

impl Doc {
    fn messages(&self) -> Vec<String> {
        self.r
            .diagnostics
            .iter()
            .map(|d| {
                let sev = if d.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                format!("{}:{}: {sev}: {}", d.line, d.col, d.message)
            })
            .collect()
    }

    fn hints(&self) -> Vec<&str> {
        self.r
            .diagnostics
            .iter()
            .filter_map(|d| d.hint.as_deref())
            .collect()
    }

    fn has(&self, line: &str) {
        let all = self.messages();
        assert!(all.iter().any(|m| m == line), "no `{line}` in {all:#?}");
    }
}

/// Renders `body` as chapter `pub/01-c.md` of a site with a second chapter
/// (`02-b.md`, heading `{#t}`), an image and a file in `static/`.
fn render_with(body: &str, yaml_extra: &str) -> Doc {
    let (config, _) = crate::config::parse(
        &format!("title: T\ndefault_language: en\nlanguages: [en]\n{yaml_extra}"),
        Path::new("site.yaml"),
    );
    // Three lines of front matter: the body starts on line 4.
    let chapter = format!("---\ntitle: C\n---\n{body}");
    let files = [
        ("pub/index.md", "---\ntitle: P\n---\n"),
        ("pub/01-c.md", chapter.as_str()),
        ("pub/02-b.md", "---\ntitle: B\n---\n## Target {#t}\n"),
        ("pub/images/flow.png", ""),
        ("pub/forms/consent.pdf", ""),
    ];
    let mut diags = Vec::new();
    let mut site = crate::content::build::from_memory(config.unwrap(), &files, &mut diags);
    site.static_files.insert("images/logo.png".into());
    site.not_files.insert(
        "pub/scans".into(),
        "a symbolic link, which fieldguide never follows",
    );
    let labels = Labels {
        missing_image: "Image not available".into(),
        ..Labels::default()
    };
    let opts = Options {
        allow_raw_html: site.config.allow_raw_html,
        labels: &labels,
        interactive_tasks: true,
        lint: true,
    };
    let d = site
        .doc_ids()
        .find(|&d| site.docs[d].file.stem == "01-c")
        .unwrap();
    Doc {
        r: render(&site, d, &opts),
    }
}

fn render_one(body: &str) -> Doc {
    render_with(body, "")
}
