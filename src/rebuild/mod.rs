//! Rebuilding after a change, for `serve`: the same steps as `build`
//! (`pipeline`), run only where the change reaches. Editing a chapter's
//! text re-analyses that chapter and re-renders the pages that show it;
//! anything else (front matter, a new or deleted file, a template,
//! site.yaml) rebuilds the site.
//!
//! Files changed since the last successful build are kept as pending until
//! a build that includes them succeeds, so a failed rebuild never leaves a
//! change behind: the next one takes it up again. Nothing is applied until
//! every change has been read and classified.

use crate::content::front_matter;
use crate::content::load::{CONTENT_DIR, MAX_MARKDOWN_BYTES};
use crate::content::model::DocId;
use crate::diagnostics::{Diagnostic, Severity};
use crate::output::OutputFile;
use crate::pipeline::{self, Built, Failed, Options};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

mod kept;
mod reach;

use kept::{changed_paths, first_buffer, into_map, nav_of};
use reach::{affected, translation_statuses, used_assets};

/// Replaced print pages lend their buffer to the next edit's print pages;
/// at most this many are kept.
const BUFFERS_KEPT: usize = 4;

/// A built site kept in memory, ready for the next change.
pub struct Session {
    pub opts: Options,
    built: Built,
    /// Output path -> contents: what the server sends.
    pub files: BTreeMap<String, Arc<Vec<u8>>>,
    /// Site files changed since the last build that succeeded.
    pending: BTreeSet<PathBuf>,
    /// Where each chapter is in each print page of `files`.
    print_pieces: pipeline::PrintPieces,
    /// Each language's search index, kept to take an edited page's words
    /// out and put its new ones in (see `search::edit`).
    indexes: Vec<crate::search::IndexState>,
    /// The site's diagnostics of links to anchors, to tell which of them an
    /// edit made.
    anchors: Vec<Diagnostic>,
    /// The navigation of every page: an edit of a document's body changes
    /// no title, page or order, so it is made again only with the site.
    nav: Arc<crate::render::nav::Nav>,
    /// Buffers of print pages an edit replaced, to make the next ones in.
    buffers: std::sync::Mutex<Vec<Vec<u8>>>,
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

/// A document whose body alone changed: its new text, read and split.
struct BodyEdit {
    doc: DocId,
    text: String,
    body_offset: usize,
    body_line: usize,
}

/// A document as it was before an edit, to put back if the edit fails.
struct Saved {
    doc: DocId,
    text: String,
    body_offset: usize,
    body_line: usize,
    rendered: Option<crate::markdown::Rendered>,
}

impl Session {
    pub fn start(opts: Options) -> Result<(Self, Vec<Diagnostic>), Failed> {
        let built = pipeline::build(&opts)?;
        Ok(Self::of(opts, built))
    }

    /// A session holding the site `built`, and its warnings.
    fn of(opts: Options, mut built: Built) -> (Self, Vec<Diagnostic>) {
        let files = into_map(std::mem::take(&mut built.files));
        let warnings = std::mem::take(&mut built.summary.diagnostics);
        let print_pieces = std::mem::take(&mut built.summary.print_pieces);
        let indexes = crate::search::editable(&built.analysed.site, &built.analysed.rendered);
        let anchors = crate::check::anchors(&built.analysed.site, &built.analysed.rendered);
        let nav = nav_of(&built, &opts);
        let buffers = std::sync::Mutex::new(first_buffer(&files, &print_pieces));
        let session = Session {
            opts,
            built,
            files,
            pending: BTreeSet::new(),
            print_pieces,
            indexes,
            anchors,
            nav,
            buffers,
        };
        (session, warnings)
    }

    pub fn page_count(&self) -> usize {
        self.files.keys().filter(|k| k.ends_with(".html")).count()
    }

    /// Applies a change to `paths` (relative to the site folder or absolute).
    /// On failure the previous files are kept, so the last good site stays up.
    pub fn update(&mut self, paths: &[PathBuf]) -> Result<Outcome, Failed> {
        let start = Instant::now();
        let root = self.opts.source.canonicalize().unwrap_or_default();
        for p in paths {
            let abs = if p.is_absolute() {
                p.clone()
            } else {
                root.join(p)
            };
            self.pending.insert(
                abs.strip_prefix(&root)
                    .map(Path::to_path_buf)
                    .unwrap_or(abs),
            );
        }
        let result = match self.body_edits() {
            Some(edits) if !edits.is_empty() => match self.update_docs(edits, start) {
                Ok(Some(outcome)) => Ok(outcome),
                Ok(None) => self.full(start),
                Err(failed) => Err(failed),
            },
            _ => self.full(start),
        };
        if result.is_ok() {
            self.pending.clear();
        }
        result
    }

    fn full(&mut self, start: Instant) -> Result<Outcome, Failed> {
        let built = pipeline::build(&self.opts)?;
        let (mut fresh, warnings) = Self::of(self.opts.clone(), built);
        let changed = changed_paths(&self.files, &fresh.files);
        fresh.pending = std::mem::take(&mut self.pending);
        *self = fresh;
        Ok(Outcome {
            changed,
            full: true,
            pages: self.page_count(),
            ms: start.elapsed().as_secs_f64() * 1000.0,
            warnings,
        })
    }

    /// Every pending change, read and classified before anything is
    /// applied: `None` when one of them needs a full rebuild.
    fn body_edits(&self) -> Option<Vec<BodyEdit>> {
        let site = &self.built.analysed.site;
        let dir = crate::no_follow::Dir::open(&crate::no_follow::real(&self.opts.source)).ok()?;
        let mut edits = Vec::new();
        for rel in &self.pending {
            if !rel.starts_with(CONTENT_DIR) {
                return None;
            }
            // Compared as bytes: paths are kept as found, and comparing
            // them component by component is slow over 30,000 documents.
            let d = site
                .doc_ids()
                .find(|&d| site.docs[d].file.rel.as_os_str() == rel.as_os_str())?;
            let bytes = read_page(&dir, rel)?;
            let text = crate::text::decode(&bytes).ok()?;
            let split = front_matter::split(&text).ok()?;
            let doc = site.doc(d);
            let role = crate::content::parse::role(&doc.file.stem, &doc.file.dir);
            let mut ds = Vec::new();
            let fm = front_matter::parse(&split, rel, role, false, &mut ds)?;
            let same = serde_json::to_value(&fm).ok()? == serde_json::to_value(&doc.fm).ok()?;
            if !same || !ds.is_empty() {
                return None;
            }
            edits.push(BodyEdit {
                doc: d,
                body_offset: split.body_offset,
                body_line: split.body_line,
                text,
            });
        }
        Some(edits)
    }

    /// Applies body edits and re-renders what shows them. On failure the
    /// documents are put back as they were, so the session still holds the
    /// last good site and the next update compares with it.
    /// `Ok(None)` when the edits change which files are published (an image
    /// newly shown, or no longer): the whole site is built instead.
    fn update_docs(
        &mut self,
        edits: Vec<BodyEdit>,
        start: Instant,
    ) -> Result<Option<Outcome>, Failed> {
        let a = &mut self.built.analysed;
        let stale_before = translation_statuses(&a.site);
        let assets_before = used_assets(&a.rendered);
        let docs: Vec<DocId> = edits.iter().map(|e| e.doc).collect();
        let saved = apply(a, edits);
        if used_assets(&self.built.analysed.rendered) != assets_before {
            let a = &mut self.built.analysed;
            restore(a, saved);
            crate::check::links(&a.site, &mut a.rendered);
            return Ok(None);
        }
        let result = self.rerender(&docs, &stale_before, start).map(Some);
        if result.is_err() {
            let a = &mut self.built.analysed;
            restore(a, saved);
            // The check marks links in every document: mark them again
            // for the site as it was.
            crate::check::links(&a.site, &mut a.rendered);
        }
        result
    }

    /// Checks the edited documents `docs` (already applied) and renders
    /// the pages that show them.
    fn rerender(
        &mut self,
        docs: &[DocId],
        stale_before: &[crate::translation::Status],
        start: Instant,
    ) -> Result<Outcome, Failed> {
        let strict = self.opts.strict;
        let a = &mut self.built.analysed;
        let link_diags = crate::check::links(&a.site, &mut a.rendered);
        let diags = self.edit_diagnostics(docs, &link_diags);
        let a = &self.built.analysed;
        if pipeline::has_errors(&diags, strict) {
            return Err(pipeline::fail(diags, strict));
        }
        let whole_publications = stale_before != translation_statuses(&a.site);
        let specs = affected(&a.site, docs, whole_publications);
        let extras = crate::render::Extras {
            live_reload: self.opts.live_reload.clone(),
            ..Default::default()
        };
        let renderer = crate::render::Renderer::with_nav(
            &a.site,
            &a.rendered,
            &self.built.tera,
            &a.theme,
            extras,
            Some(self.nav.clone()),
        );
        let edited: BTreeSet<DocId> = docs.iter().copied().collect();
        let reuse = pipeline::Reuse {
            files: &self.files,
            pieces: &self.print_pieces,
            edited: &edited,
            buffers: &self.buffers,
        };
        let (mut files, pieces) = pipeline::render_specs(a, &renderer, &specs, Some(&reuse))
            .map_err(|d| pipeline::fail(d, strict))?;
        self.print_pieces.extend(pieces);
        // Only the indexes of the languages whose pages show an edited
        // document change.
        let edits: Vec<_> = docs
            .iter()
            .map(|&d| {
                let r = &a.rendered[d];
                (
                    d,
                    crate::search::PageWords::of_doc(&a.site, d, &r.toc, &r.text),
                )
            })
            .collect();
        files.extend(crate::search::update(&a.site, &mut self.indexes, &edits));
        let mut changed = self.store(files);
        if self.built.analysed.site.config.offline {
            changed.extend(self.refresh_offline());
        }
        self.anchors = link_diags;
        Ok(Outcome {
            changed,
            full: false,
            pages: specs.len(),
            ms: start.elapsed().as_secs_f64() * 1000.0,
            warnings: pipeline::fail(diags, false).diagnostics,
        })
    }

    /// The diagnostics of an edit of `docs`: theirs, and those of links
    /// from other pages to anchors that just went away. Warnings in other
    /// files are kept when the edit made them: they fail a --strict build,
    /// as `build` would.
    fn edit_diagnostics(&self, docs: &[DocId], link_diags: &[Diagnostic]) -> Vec<Diagnostic> {
        let a = &self.built.analysed;
        let mut diags: Vec<Diagnostic> = docs
            .iter()
            .flat_map(|&d| a.rendered[d].diagnostics.iter().cloned())
            .collect();
        let changed_files: Vec<&Path> = docs
            .iter()
            .map(|&d| a.site.doc(d).file.rel.as_path())
            .collect();
        let before: std::collections::HashSet<&Diagnostic> = self.anchors.iter().collect();
        diags.extend(
            link_diags
                .iter()
                .filter(|x| {
                    x.severity == Severity::Error
                        || changed_files.contains(&x.path.as_path())
                        || !before.contains(x)
                })
                .cloned(),
        );
        diags
    }

    /// Puts `files` in place of what the session serves; returns the paths
    /// whose bytes changed.
    fn store(&mut self, files: Vec<OutputFile>) -> Vec<String> {
        let mut changed = Vec::new();
        for (path, bytes) in into_map(files) {
            if self.files.get(&path) != Some(&bytes) {
                changed.push(path.clone());
                let print = self.print_pieces.contains_key(&path);
                let old = self.files.insert(path, bytes);
                if print {
                    self.keep_buffer(old);
                }
            }
        }
        changed
    }

    /// Keeps the buffer of a replaced print page (unless a response still
    /// holds it) for the next edit's print pages, a few at most.
    fn keep_buffer(&mut self, old: Option<Arc<Vec<u8>>>) {
        let Some(old) = old else {
            return;
        };
        if let (Ok(bytes), Ok(buffers)) = (Arc::try_unwrap(old), self.buffers.get_mut())
            && buffers.len() < BUFFERS_KEPT
        {
            buffers.push(bytes);
        }
    }

    /// The offline lists and worker, which name every file.
    fn refresh_offline(&mut self) -> Vec<String> {
        let records: Vec<crate::output::FileRecord> = self
            .files
            .iter()
            .filter(|(p, _)| !is_offline_file(p))
            .map(|(p, b)| crate::output::FileRecord {
                path: p.clone(),
                len: b.len() as u64,
                hash: *blake3::hash(b).as_bytes(),
            })
            .collect();
        let files = crate::output::offline::files(&self.built.analysed.site, &records);
        self.store(files)
    }
}

/// Puts each edit in its document and analyses it again; returns what
/// they replaced.
fn apply(a: &mut pipeline::Analysed, edits: Vec<BodyEdit>) -> Vec<Saved> {
    let mut saved: Vec<Saved> = edits
        .into_iter()
        .map(|e| {
            let doc = &mut a.site.docs[e.doc];
            doc.hash = std::sync::OnceLock::new();
            doc.legacy_hash = std::sync::OnceLock::new();
            Saved {
                doc: e.doc,
                text: std::mem::replace(&mut doc.file.text, e.text),
                body_offset: std::mem::replace(&mut doc.body_offset, e.body_offset),
                body_line: std::mem::replace(&mut doc.body_line, e.body_line),
                rendered: None,
            }
        })
        .collect();
    // Once every text is in place: a document's links see the others.
    for s in &mut saved {
        let mut r = pipeline::render_doc(&a.site, &a.labels, s.doc);
        r.html = String::new();
        s.rendered = Some(std::mem::replace(&mut a.rendered[s.doc], r));
    }
    saved
}

/// Undoes [`apply`].
fn restore(a: &mut pipeline::Analysed, saved: Vec<Saved>) {
    for s in saved {
        let doc = &mut a.site.docs[s.doc];
        doc.file.text = s.text;
        doc.body_offset = s.body_offset;
        doc.body_line = s.body_line;
        doc.hash = std::sync::OnceLock::new();
        doc.legacy_hash = std::sync::OnceLock::new();
        if let Some(r) = s.rendered {
            a.rendered[s.doc] = r;
        }
    }
}

fn is_offline_file(path: &str) -> bool {
    path == "sw.js" || path.ends_with("/offline.json")
}

/// An edited page's bytes, `None` past the loader's limit: the full build
/// that follows says it is too large without reading it. (A page made a
/// sparse file of gigabytes while `serve` ran was read whole, into memory.)
fn read_page(dir: &crate::no_follow::Dir, rel: &Path) -> Option<Vec<u8>> {
    match dir.read_at_most(&crate::no_follow::slash_path(rel), MAX_MARKDOWN_BYTES) {
        Ok(crate::no_follow::Capped::Bytes(bytes)) => Some(bytes),
        _ => None,
    }
}
