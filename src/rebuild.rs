//! Rebuilding after a change, for `serve`: the same steps as `build`, run
//! only where the change reaches. Editing a chapter's text re-renders that
//! chapter's Markdown once and the pages that show it; anything else (front
//! matter, a new or deleted file, a template, site.yaml) rebuilds the site.

use crate::content::front_matter::{self, Role};
use crate::content::load::CONTENT_DIR;
use crate::content::model::DocId;
use crate::diagnostics::{Diagnostic, Severity};
use crate::output::{Bytes, OutputFile};
use crate::pipeline::{self, Built, Failed, Options};
use crate::render::Spec;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// A built site kept in memory, ready for the next change.
pub struct Session {
    pub opts: Options,
    built: Built,
    /// Output path -> contents: what the server sends.
    pub files: BTreeMap<String, Arc<Vec<u8>>>,
}

/// What a rebuild did.
pub struct Outcome {
    /// Output files whose bytes changed.
    pub changed: Vec<String>,
    /// Whether the whole site was rebuilt.
    pub full: bool,
    pub pages: usize,
    pub ms: f64,
    /// Warnings of the changed files (errors fail the rebuild).
    pub warnings: Vec<Diagnostic>,
}

fn into_map(files: Vec<OutputFile>) -> BTreeMap<String, Arc<Vec<u8>>> {
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

impl Session {
    pub fn start(opts: Options) -> Result<(Self, Vec<Diagnostic>), Failed> {
        let mut built = pipeline::build(&opts)?;
        let files = into_map(std::mem::take(&mut built.files));
        let warnings = std::mem::take(&mut built.diagnostics);
        Ok((Session { opts, built, files }, warnings))
    }

    pub fn page_count(&self) -> usize {
        self.files.keys().filter(|k| k.ends_with(".html")).count()
    }

    /// Applies a change to `paths` (relative to the site folder or absolute).
    /// On failure the previous files are kept, so the last good site stays up.
    pub fn update(&mut self, paths: &[PathBuf]) -> Result<Outcome, Failed> {
        let start = Instant::now();
        match self.changed_docs(paths) {
            Some(docs) if !docs.is_empty() => self.update_docs(&docs, start),
            _ => self.full(start),
        }
    }

    fn full(&mut self, start: Instant) -> Result<Outcome, Failed> {
        let mut built = pipeline::build(&self.opts)?;
        let files = into_map(std::mem::take(&mut built.files));
        let changed = files
            .iter()
            .filter(|(k, v)| self.files.get(*k) != Some(v))
            .map(|(k, _)| k.clone())
            .chain(
                self.files
                    .keys()
                    .filter(|k| !files.contains_key(*k))
                    .cloned(),
            )
            .collect();
        let warnings = std::mem::take(&mut built.diagnostics);
        self.built = built;
        self.files = files;
        Ok(Outcome {
            changed,
            full: true,
            pages: self.page_count(),
            ms: start.elapsed().as_secs_f64() * 1000.0,
            warnings,
        })
    }

    /// The documents whose body alone changed, or `None` when the change
    /// needs a full rebuild.
    fn changed_docs(&mut self, paths: &[PathBuf]) -> Option<Vec<DocId>> {
        let root = self.opts.source.canonicalize().ok()?;
        let site = &mut self.built.site;
        let mut docs = Vec::new();
        for p in paths {
            let abs = if p.is_absolute() {
                p.clone()
            } else {
                root.join(p)
            };
            let rel = abs.strip_prefix(&root).ok()?.to_path_buf();
            if !rel.starts_with(CONTENT_DIR) {
                return None;
            }
            let d = (0..site.docs.len()).find(|&d| site.docs[d].file.rel == rel)?;
            let bytes = std::fs::read(&abs).ok()?;
            let text = crate::text::decode(&bytes).ok()?;
            let split = front_matter::split(&text).ok()?;
            let doc = &site.docs[d];
            let role = match (doc.file.stem.as_str(), doc.file.dir.components().count()) {
                ("index", 1) => Role::PublicationIndex,
                ("index", _) => Role::PartIndex,
                _ => Role::Chapter,
            };
            let mut ds = Vec::new();
            let fm = front_matter::parse(&split, &rel, role, &mut ds)?;
            let same = serde_json::to_value(&fm).ok()? == serde_json::to_value(&doc.fm).ok()?;
            if !same {
                return None;
            }
            let (body_offset, body_line) = (split.body_offset, split.body_line);
            let doc = &mut site.docs[d];
            doc.file.text = text;
            doc.body_offset = body_offset;
            doc.body_line = body_line;
            doc.hash = std::sync::OnceLock::new();
            docs.push(d);
        }
        Some(docs)
    }

    fn update_docs(&mut self, docs: &[DocId], start: Instant) -> Result<Outcome, Failed> {
        let built = &mut self.built;
        let site = &built.site;
        let labels: Vec<_> = (0..site.config.languages.len())
            .map(|l| built.i18n.labels(l))
            .collect();
        let mut diags = Vec::new();
        for &d in docs {
            let doc = site.doc(d);
            let opts = crate::markdown::Options {
                allow_raw_html: site.config.allow_raw_html,
                labels: &labels[doc.file.lang],
                interactive_tasks: site.publication_kind(doc.node)
                    == crate::content::front_matter::Kind::Checklist,
            };
            built.rendered[d] = crate::markdown::render(site, d, &opts);
            diags.extend(built.rendered[d].diagnostics.iter().cloned());
        }
        // Links from other pages may point at anchors that just went away.
        let anchors = crate::check::links(site, &mut built.rendered);
        let changed_files: Vec<&Path> = docs
            .iter()
            .map(|&d| site.doc(d).file.rel.as_path())
            .collect();
        diags.extend(anchors.into_iter().filter(|a| {
            a.severity == Severity::Error || changed_files.contains(&a.path.as_path())
        }));
        let failed = diags.iter().any(|d| d.severity == Severity::Error)
            || (self.opts.strict && !diags.is_empty());
        if failed {
            return Err(Failed { diagnostics: diags });
        }
        let specs = affected(site, docs);
        let mut render_diags = Vec::new();
        let files = crate::render::render_specs(
            site,
            &built.rendered,
            &built.tera,
            &built.theme,
            self.opts.live_reload.as_deref(),
            &specs,
            &mut render_diags,
        );
        if !render_diags.is_empty() {
            return Err(Failed {
                diagnostics: render_diags,
            });
        }
        // The search indexes hold every page's text: rebuild them (each
        // document's words are split once, so this stays fast).
        let (indexes, _) = crate::search::files(site, &built.rendered);
        let mut files = files;
        files.extend(indexes);
        let mut changed = Vec::new();
        for (path, bytes) in into_map(files) {
            if self.files.get(&path) != Some(&bytes) {
                changed.push(path.clone());
                self.files.insert(path, bytes);
            }
        }
        Ok(Outcome {
            changed,
            full: false,
            pages: specs.len(),
            ms: start.elapsed().as_secs_f64() * 1000.0,
            warnings: diags,
        })
    }
}

/// The pages that show any of `docs`: the page itself in every language it
/// is read in, its publication's print pages, and, for a source page whose
/// translations may have gone stale, every language's version and home.
fn affected(site: &crate::content::model::Site, docs: &[DocId]) -> Vec<Spec> {
    let nlang = site.config.languages.len();
    let mut specs = Vec::new();
    for &d in docs {
        let doc = site.doc(d);
        let node = &site.nodes[doc.node];
        let is_source = doc.file.lang == node.source_lang;
        for l in 0..nlang {
            if is_source || node.doc_for(l) == Some(d) {
                specs.push(Spec::Page(doc.node, l));
            }
            specs.push(Spec::Print(node.publication, l));
            if is_source {
                specs.push(Spec::Home(l));
            }
        }
    }
    specs.sort_by_key(|s| format!("{s:?}"));
    specs.dedup();
    specs
}
