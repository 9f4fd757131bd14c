//! Where a build's files go as they are made: a [`Sink`] (the disk writer
//! for `build`, memory for `serve` and `pdf`), the zip being filled, and a
//! ledger of what was emitted (path, size, hash) for the steps that need
//! the list of files but not their bytes: offline lists, collisions, the
//! summary.

mod earlier;
mod matching;
mod read_at;
mod sinks;
mod stream;

pub use earlier::EarlierZip;
pub use read_at::At;
pub use sinks::{Discard, Disk, Memory, Scratch, Sink};
pub use stream::Streamed;

use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::output::download::{Compressed, compress};
pub use crate::output::file::FileRecord as Entry;
use crate::output::zip_out::ZipOut;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A file on its way out: hashed, compressed for the zip if it goes there,
/// handed to the sink. Made in parallel; recorded in order.
pub struct Emitted {
    entry: Entry,
    zip: Option<Zipped>,
}

/// A file's zip entry: compressed now (whole, or as it was streamed), or
/// the earlier zip's entry `i`, verified to hold the same bytes.
enum Zipped {
    Fresh(Compressed),
    /// Compressed as it was written, into a scratch file.
    Spooled(Compressed<Scratch>),
    Earlier(usize),
}

/// Everything the build emits passes through here.
pub struct Emitter<'s> {
    sink: &'s dyn Sink,
    ledger: Mutex<Vec<Entry>>,
    zip: Option<Mutex<ZipOut<Scratch>>>,
    /// The zip an earlier build left, whose verified entries are reused.
    earlier: Option<EarlierZip>,
    /// Entries added to the zip, and how many of them were reused.
    zipped: AtomicUsize,
    reused: AtomicUsize,
    /// The zip's top folder (`guide/`).
    zip_root: String,
    errors: Mutex<Vec<Diagnostic>>,
    /// Warnings found while emitting (an SVG published sanitised).
    warnings: Mutex<Vec<Diagnostic>>,
    failed: AtomicBool,
    /// Print page -> the files it loads, for the PDFs' print keys.
    print_loads: Mutex<std::collections::BTreeMap<String, Vec<String>>>,
    track_prints: bool,
    /// Where each chapter is in each print page.
    pieces: Mutex<super::PrintPieces>,
}

pub use crate::output::download::options as zip_options;

/// Two files emitted to `path`.
pub fn clash(path: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        0,
        0,
        format!("two files would be written to `{path}`"),
    )
    .with_hint(format!(
        "`static/{path}`, or a file under guidance/, has the same name as a page or another file the build writes; rename one"
    ))
}

impl<'s> Emitter<'s> {
    /// `zip_root`: the zip's top folder, when the build makes a zip.
    pub fn new(sink: &'s dyn Sink, zip_root: Option<String>) -> Result<Self, Diagnostic> {
        let zip = match &zip_root {
            Some(_) => Some(Mutex::new(ZipOut::new(sink.scratch()?))),
            None => None,
        };
        Ok(Emitter {
            sink,
            ledger: Mutex::new(Vec::new()),
            zip,
            earlier: None,
            zipped: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
            zip_root: zip_root.unwrap_or_default(),
            errors: Mutex::new(Vec::new()),
            warnings: Mutex::new(Vec::new()),
            failed: AtomicBool::new(false),
            print_loads: Mutex::default(),
            track_prints: false,
            pieces: Mutex::default(),
        })
    }

    /// Reuses the verified entries of `earlier` (see [`EarlierZip`]).
    pub fn reuse(&mut self, earlier: Option<EarlierZip>) {
        self.earlier = earlier;
    }

    /// Files added to the zip so far, and how many of them were reused
    /// from the earlier zip.
    pub fn zip_counts(&self) -> (usize, usize) {
        (
            self.zipped.load(Ordering::Relaxed),
            self.reused.load(Ordering::Relaxed),
        )
    }

    /// Records what each print page loads, for its print key.
    pub fn track_prints(&mut self, on: bool) {
        self.track_prints = on;
    }

    /// Whether this build makes zips.
    pub fn zips(&self) -> bool {
        self.zip.is_some()
    }

    /// Records a file the sink already has (a zip).
    pub fn record_entry(&self, entry: Entry) {
        if let Ok(mut l) = self.ledger.lock() {
            l.push(entry);
        }
    }

    pub fn sink(&self) -> &dyn Sink {
        self.sink
    }

    /// Whether an error was recorded: later work can stop.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    /// A problem found while emitting: an error fails the build, a warning
    /// is reported with the others.
    pub fn report(&self, d: Diagnostic) {
        if d.severity == crate::diagnostics::Severity::Error {
            self.error(d);
        } else if let Ok(mut w) = self.warnings.lock() {
            w.push(d);
        }
    }

    pub fn error(&self, d: Diagnostic) {
        self.failed.store(true, Ordering::Relaxed);
        if let Ok(mut e) = self.errors.lock() {
            e.push(d);
        }
    }

    /// Hashes `file`, compresses it for the zip (`in_zip`) and hands it to
    /// the sink. Runs in parallel; pass the result to [`Emitter::record`]
    /// in a fixed order.
    pub fn prepare(&self, file: OutputFile, in_zip: bool) -> Option<Emitted> {
        let bytes = file.bytes.as_ref();
        let hash = *blake3::hash(bytes).as_bytes();
        let zip = if in_zip && self.zip.is_some() {
            let name = format!("{}/{}", self.zip_root, file.path);
            match self.earlier.as_ref().and_then(|e| e.verify(&name, bytes)) {
                Some(i) => Some(Zipped::Earlier(i)),
                None => Some(Zipped::Fresh(self.compressed(&file.path, &name, bytes)?)),
            }
        } else {
            None
        };
        if self.tracks(&file.path) {
            self.note_loads(&file.path, bytes);
        }
        let entry = Entry {
            path: file.path.clone(),
            len: bytes.len() as u64,
            hash,
        };
        if let Err(d) = self.sink.put(file, hash) {
            self.error(d);
            return None;
        }
        Some(Emitted { entry, zip })
    }

    /// Whether `path` is a print page whose loads are recorded.
    fn tracks(&self, path: &str) -> bool {
        self.track_prints && path.ends_with("/print.html")
    }

    /// Records what the print page `path` loads (see `pdf::keep`).
    fn note_loads(&self, path: &str, bytes: &[u8]) {
        let refs = crate::pdf::keep::refs(path, bytes);
        if let Ok(mut loads) = self.print_loads.lock() {
            loads.insert(path.to_string(), refs);
        }
    }

    /// Records emitted files, adding their zip entries in this order.
    pub fn record(&self, emitted: impl IntoIterator<Item = Option<Emitted>>) {
        let mut ledger = self.ledger.lock().unwrap_or_else(|e| e.into_inner());
        for e in emitted.into_iter().flatten() {
            if let (Some(z), Some(zip)) = (e.zip, &self.zip) {
                let mut zip = zip.lock().unwrap_or_else(|e| e.into_inner());
                self.zipped.fetch_add(1, Ordering::Relaxed);
                if let Zipped::Earlier(_) = z {
                    self.reused.fetch_add(1, Ordering::Relaxed);
                }
                let added = match (z, &self.earlier) {
                    (Zipped::Fresh(z), _) => z.add_to(&mut zip),
                    (Zipped::Spooled(z), _) => z.add_to(&mut zip),
                    (Zipped::Earlier(i), Some(earlier)) => earlier.copy_into(i, &mut zip),
                    (Zipped::Earlier(_), None) => Err(zip::result::ZipError::FileNotFound),
                };
                // Two files for one path are the ledger's to name
                // (`collisions`), with the files they come from.
                if let Err(err) = added {
                    self.error(self.zip_error(&e.entry.path, err));
                }
            }
            ledger.push(e.entry);
        }
    }

    /// Emits files one after the other (small, or already in order).
    pub fn emit(&self, files: Vec<OutputFile>, in_zip: bool) {
        use rayon::prelude::*;
        let prepared: Vec<Option<Emitted>> = files
            .into_par_iter()
            .map(|f| self.prepare(f, in_zip))
            .collect();
        self.record(prepared);
    }

    /// Adds a file to the zip only (the homes without a download link).
    pub fn zip_only(&self, file: &OutputFile) {
        let Some(zip) = &self.zip else { return };
        let name = format!("{}/{}", self.zip_root, file.path);
        let Some(compressed) = self.compressed(&file.path, &name, file.bytes.as_ref()) else {
            return;
        };
        let mut zip = zip.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = compressed.add_to(&mut zip) {
            self.error(self.zip_error(&file.path, e));
        }
    }

    /// `bytes` (the file `path`) compressed as the zip entry `name`; `None`,
    /// the error recorded, when it cannot be.
    fn compressed(&self, path: &str, name: &str, bytes: &[u8]) -> Option<Compressed> {
        compress(name, bytes)
            .map_err(|e| self.error(Diagnostic::error(path, 0, 0, format!("cannot zip: {e}"))))
            .ok()
    }

    /// A file that could not go into the zip: the zip cannot be written
    /// (a full disk: said as for any file), or the file cannot be zipped.
    fn zip_error(&self, file: &str, e: zip::result::ZipError) -> Diagnostic {
        match e {
            zip::result::ZipError::Io(io) => {
                let zip = format!("{}/{}.zip", crate::output::download::DIR, self.zip_root);
                crate::output::write::io_error(std::path::Path::new(&zip), &io)
            }
            e => Diagnostic::error(file, 0, 0, format!("cannot zip: {e}")),
        }
    }

    /// Closes the zip and returns its bytes' holder, for the language zips
    /// and the sink.
    pub fn take_zip(&mut self) -> Option<Result<Scratch, Diagnostic>> {
        let zip = self.zip.take()?;
        let zip = zip.into_inner().unwrap_or_else(|e| e.into_inner());
        // The comment says how entries were compressed, for the next build.
        let comment = crate::output::download::compressor();
        Some(zip.finish(comment.as_bytes()).map_err(|e| {
            Diagnostic::error(
                &self.zip_root,
                0,
                0,
                format!("cannot make the download: {e}"),
            )
        }))
    }

    pub fn ledger(&self) -> Vec<Entry> {
        self.ledger.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Records where each chapter is in the print page `path`.
    pub fn record_pieces(&self, path: String, ranges: Vec<std::ops::Range<usize>>) {
        if let Ok(mut p) = self.pieces.lock() {
            p.insert(path, ranges);
        }
    }

    pub fn take_pieces(&self) -> super::PrintPieces {
        self.pieces
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    }

    /// What each print page loads (see `pdf::keep`).
    pub fn take_print_loads(&self) -> std::collections::BTreeMap<String, Vec<String>> {
        self.print_loads
            .lock()
            .map(|mut l| std::mem::take(&mut *l))
            .unwrap_or_default()
    }

    /// The files emitted, the errors and the warnings.
    pub fn into_parts(mut self) -> (Vec<Entry>, Vec<Diagnostic>, Vec<Diagnostic>) {
        // A zip left open (the build failed) is closed here, its error
        // ignored: dropped open, the zip crate would print it.
        let _ = self.take_zip();
        if self.earlier.as_ref().is_some_and(EarlierZip::changed) {
            let path = format!("{}/{}.zip", crate::output::download::DIR, self.zip_root);
            self.error(
                Diagnostic::error(
                    &path,
                    0,
                    0,
                    "the last build's zip was written to while this build took entries from it",
                )
                .with_hint(
                    "build again; if it happens again, something else is writing the output folder",
                ),
            );
        }
        (
            self.ledger.into_inner().unwrap_or_default(),
            self.errors.into_inner().unwrap_or_default(),
            self.warnings.into_inner().unwrap_or_default(),
        )
    }
}
