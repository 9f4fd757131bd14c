//! What a `serve` session keeps between edits, made from a build: the
//! files it serves, the navigation, and spare buffers for print pages
//! (its search indexes are kept by `search::edit`).

use crate::output::{Bytes, OutputFile};
use crate::pipeline::{self, Built, Options};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A buffer the size of the largest print page, its memory already the
/// process's, for the first edit's print page (the next ones take the
/// buffers of the pages they replace).
pub(super) fn first_buffer(
    files: &BTreeMap<String, Arc<Vec<u8>>>,
    pieces: &pipeline::PrintPieces,
) -> Vec<Vec<u8>> {
    let largest = pieces
        .keys()
        .filter_map(|p| files.get(p))
        .map(|b| b.len())
        .max();
    let Some(len) = largest else {
        return Vec::new();
    };
    let mut buffer = vec![1u8; len];
    buffer.clear();
    vec![buffer]
}

/// The navigation of the site `built`.
pub(super) fn nav_of(built: &Built, opts: &Options) -> Arc<crate::render::nav::Nav> {
    let a = &built.analysed;
    let extras = crate::render::Extras {
        live_reload: opts.live_reload.clone(),
        ..Default::default()
    };
    crate::render::Renderer::new(&a.site, &a.rendered, &built.tera, &a.theme, extras).nav()
}

pub(super) fn into_map(files: Vec<OutputFile>) -> BTreeMap<String, Arc<Vec<u8>>> {
    files
        .into_iter()
        .map(|f| {
            let bytes = match f.bytes {
                Bytes::Owned(v) => Arc::new(v),
                Bytes::Shared(a) => a,
                Bytes::Static(s) => Arc::new(s.to_vec()),
            };
            (f.path, bytes)
        })
        .collect()
}

pub(super) fn changed_paths(
    old: &BTreeMap<String, Arc<Vec<u8>>>,
    new: &BTreeMap<String, Arc<Vec<u8>>>,
) -> Vec<String> {
    new.iter()
        .filter(|(k, v)| old.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .chain(old.keys().filter(|k| !new.contains_key(*k)).cloned())
        .collect()
}
