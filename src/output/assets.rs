//! Copying the files under `guidance/` that are not Markdown: each read
//! once, checked against the allowlist of types (SVG sanitised), and placed
//! in every language's folder (its variant for that language, when there
//! is one).

use super::{Bytes, OutputFile};
use crate::content::file_types::{self, FileType};
use crate::content::{load, model};
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads each asset once and places it in every language's folder.
pub fn copy(site: &model::Site, source: &Path, diags: &mut Vec<Diagnostic>) -> Vec<OutputFile> {
    // Read without following links: `load` already refused them, and a
    // link swapped in since must not be read either.
    let root = crate::no_follow::Dir::open(&crate::no_follow::real(source))
        .and_then(|d| d.sub(load::CONTENT_DIR));
    let mut sources: Vec<&Path> = site
        .assets
        .iter()
        .flat_map(|a| a.src.iter().chain(a.variants.values()))
        .map(PathBuf::as_path)
        .collect();
    sources.sort();
    sources.dedup();
    // Leftovers (`~$x.docx`, `.DS_Store`, `x.bak`) are never read or published.
    sources.retain(|p| file_types::classify(&p.to_string_lossy()) != FileType::Leftover);
    let read: Vec<(&Path, std::io::Result<Vec<u8>>)> = sources
        .par_iter()
        .map(|p| {
            let bytes = match &root {
                Ok(dir) => dir.read(&crate::no_follow::slash_path(p)),
                Err(e) => Err(std::io::Error::new(e.kind(), e.to_string())),
            };
            (*p, bytes)
        })
        .collect();
    let mut bytes = std::collections::HashMap::new();
    for (p, r) in read {
        match r {
            Ok(b) => {
                if let Some(b) = vet(site.config.allow_raw_html, p, b, diags) {
                    bytes.insert(p, Arc::new(b));
                }
            }
            Err(e) => diags.push(Diagnostic::error(
                Path::new(load::CONTENT_DIR).join(p),
                0,
                0,
                format!("cannot read: {}", load::io_message(&e)),
            )),
        }
    }
    let mut out = Vec::new();
    for (l, lang) in site.config.languages.iter().enumerate() {
        for asset in &site.assets {
            if let Some(b) = asset.source_for(l).and_then(|p| bytes.get(p)) {
                out.push(OutputFile {
                    path: format!("{}/{}", lang.code, asset.out),
                    bytes: Bytes::Shared(b.clone()),
                });
            }
        }
    }
    out
}

/// The bytes to publish for `rel` (under `guidance/`): as they are for an
/// allowlisted type, sanitised for an SVG; `None` with an error for a type
/// that runs or is unknown. A site whose authors are all trusted
/// (`allow_raw_html`) publishes every type as it is.
fn vet(
    allow_raw: bool,
    rel: &Path,
    bytes: Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<u8>> {
    let path = Path::new(load::CONTENT_DIR).join(rel);
    let name = rel.to_string_lossy();
    if allow_raw {
        return Some(bytes);
    }
    if file_types::classify(&name) == FileType::Svg {
        // Positions count characters of the decoded text; the excerpt under
        // the message is read as UTF-8, so other encodings get none.
        let utf8 = std::str::from_utf8(&bytes).is_ok();
        let at = |line, col| if utf8 { (line, col) } else { (0, 0) };
        return match crate::output::svg::sanitise(&bytes) {
            Ok(s) => {
                if let Some((line, col)) = s.first_removed.map(|(l, c)| at(l, c)) {
                    let msg = format!(
                        "the published copy leaves out what is not on the SVG allowlist \
                         (script, event handlers, outside references, …): {}",
                        listed(&s.removed)
                    );
                    diags.push(Diagnostic::warning(&path, line, col, msg).with_hint(
                        "remove these from the file, or set `allow_raw_html: true` in site.yaml if every author is trusted",
                    ));
                }
                Some(s.bytes)
            }
            Err(r) => {
                let (line, col) = at(r.line, r.col);
                let msg = format!("not published: the SVG cannot be checked: {}", r.reason);
                diags.push(Diagnostic::error(&path, line, col, msg).with_hint(
                    "save it again from the drawing program as plain SVG (UTF-8, no DOCTYPE)",
                ));
                None
            }
        };
    }
    let Some(why) = file_types::refusal(&name) else {
        return Some(bytes);
    };
    diags.push(
        Diagnostic::error(&path, 0, 0, format!("not published: {why}"))
            .with_hint("link a PDF or an image instead, or set `allow_raw_html: true` in site.yaml if every author is trusted"),
    );
    None
}

/// The first few of `items`, and how many more: a warning stays readable
/// however many handlers a file carries.
fn listed(items: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut s = items[..items.len().min(SHOWN)].join(", ");
    if items.len() > SHOWN {
        s.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    s
}
