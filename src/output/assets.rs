//! Copying the files under `guidance/` that are not Markdown: each read
//! once, checked for active content, and placed in every language's folder
//! (its variant for that language, when there is one).

use super::{Bytes, OutputFile};
use crate::content::{load, model};
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads each asset once and places it in every language's folder.
pub fn copy(site: &model::Site, source: &Path, diags: &mut Vec<Diagnostic>) -> Vec<OutputFile> {
    // Read without following links: `load` already refused them, and a
    // link swapped in since must not be read either. A local edition reads
    // the files it does not have from its base.
    let open = |site: &Path| {
        crate::no_follow::Dir::open(&crate::no_follow::real(site))
            .and_then(|d| d.sub(load::CONTENT_DIR))
    };
    let root = open(source);
    let base = site.config.base_site.as_ref().map(|b| (open(&b.root), b));
    let shown = |p: &Path| match &base {
        Some((_, b)) if site.base_assets.contains(p) => b.shown_path(load::CONTENT_DIR).join(p),
        _ => Path::new(load::CONTENT_DIR).join(p),
    };
    let mut sources: Vec<&Path> = site
        .assets
        .iter()
        .flat_map(|a| a.src.iter().chain(a.variants.values()))
        .map(PathBuf::as_path)
        .collect();
    sources.sort();
    sources.dedup();
    let read: Vec<(&Path, std::io::Result<Vec<u8>>)> = sources
        .par_iter()
        .map(|p| {
            let dir = match &base {
                Some((dir, _)) if site.base_assets.contains(*p) => dir,
                _ => &root,
            };
            let bytes = match dir {
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
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if !site.config.allow_raw_html
                    && let Some(why) = crate::output::active::active_content(name, &b)
                {
                    diags.push(
                        Diagnostic::error(
                            shown(p),
                            0,
                            0,
                            format!("not published: {why}, which could run script in readers' browsers"),
                        )
                        .with_hint("remove the script or file, or set `allow_raw_html: true` in site.yaml if every author is trusted"),
                    );
                    continue;
                }
                bytes.insert(p, Arc::new(b));
            }
            Err(e) => diags.push(Diagnostic::error(
                shown(p),
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
