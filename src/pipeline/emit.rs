//! Where a build's files go as they are made: a [`Sink`] (the disk writer
//! for `build`, memory for `serve` and `pdf`), the zip being filled, and a
//! ledger of what was emitted (path, size, hash) for the steps that need
//! the list of files but not their bytes: offline lists, collisions, the
//! summary.

use crate::diagnostics::Diagnostic;
use crate::output::manifest::Hash;
use crate::output::write::{Staged, Writer};
use crate::output::{OutputFile, WriteStats};
use std::io::{Cursor, Read, Seek, SeekFrom, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use zip::write::{PreparedZipFile, ZipFileBuilder, ZipWriter};

/// A large output being written (the zips): a file in the staging folder,
/// or memory.
pub enum Scratch {
    File(usize, std::fs::File),
    Memory(Cursor<Vec<u8>>),
}

impl Write for Scratch {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Scratch::File(_, f) => f.write(buf),
            Scratch::Memory(c) => c.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Scratch::File(_, f) => f.flush(),
            Scratch::Memory(c) => c.flush(),
        }
    }
}

impl Read for Scratch {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Scratch::File(_, f) => f.read(buf),
            Scratch::Memory(c) => c.read(buf),
        }
    }
}

impl Seek for Scratch {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        match self {
            Scratch::File(_, f) => f.seek(pos),
            Scratch::Memory(c) => c.seek(pos),
        }
    }
}

/// Takes finished files, from any thread.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile, hash: Hash) -> Result<(), Diagnostic>;
    fn scratch(&self) -> Result<Scratch, Diagnostic>;
    fn put_scratch(&self, path: &str, scratch: Scratch) -> Result<(), Diagnostic>;
}

/// Keeps every file in memory (`serve`, `pdf`).
#[derive(Default)]
pub struct Memory {
    files: Mutex<Vec<OutputFile>>,
}

impl Memory {
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.files.into_inner().unwrap_or_default();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn put(&self, file: OutputFile, _: Hash) -> Result<(), Diagnostic> {
        if let Ok(mut f) = self.files.lock() {
            f.push(file);
        }
        Ok(())
    }

    fn scratch(&self) -> Result<Scratch, Diagnostic> {
        Ok(Scratch::Memory(Cursor::new(Vec::new())))
    }

    fn put_scratch(&self, path: &str, scratch: Scratch) -> Result<(), Diagnostic> {
        let bytes = match scratch {
            Scratch::Memory(c) => c.into_inner(),
            Scratch::File(..) => {
                return Err(Diagnostic::error(
                    path,
                    0,
                    0,
                    "internal error: file scratch in memory",
                ));
            }
        };
        self.put(OutputFile::owned(path.to_string(), bytes), [0; 32])
    }
}

/// Keeps nothing (`check`: every page is rendered, to find template
/// errors, and dropped).
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile, _: Hash) -> Result<(), Diagnostic> {
        Ok(())
    }
    fn scratch(&self) -> Result<Scratch, Diagnostic> {
        Ok(Scratch::Memory(Cursor::new(Vec::new())))
    }
    fn put_scratch(&self, _: &str, _: Scratch) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// Stages every file in the output folder (`build`); nothing is visible
/// there until [`Disk::commit`].
pub struct Disk {
    writer: Writer,
    staged: Mutex<Vec<Staged>>,
}

impl Disk {
    pub fn new(writer: Writer) -> Self {
        Disk {
            writer,
            staged: Mutex::new(Vec::new()),
        }
    }

    pub fn writer(&self) -> &Writer {
        &self.writer
    }

    /// Moves everything into place; `seal`: see `pipeline::unchanged`.
    pub fn commit(
        self,
        printed: &crate::output::Printed,
        seal: Option<(&Hash, &str)>,
    ) -> Result<(WriteStats, Vec<Diagnostic>), Vec<Diagnostic>> {
        let staged = self.staged.into_inner().unwrap_or_default();
        self.writer.commit_printed(staged, printed, seal)
    }
}

impl Sink for Disk {
    fn put(&self, file: OutputFile, hash: Hash) -> Result<(), Diagnostic> {
        let s = self
            .writer
            .put_hashed(&file.path, file.bytes.as_ref(), hash)?;
        if let Ok(mut v) = self.staged.lock() {
            v.push(s);
        }
        Ok(())
    }

    fn scratch(&self) -> Result<Scratch, Diagnostic> {
        self.writer
            .scratch()
            .map(|(n, f)| Scratch::File(n, f))
            .map_err(|e| {
                Diagnostic::error(
                    crate::output::write::STAGING,
                    0,
                    0,
                    format!("cannot write: {e}"),
                )
            })
    }

    fn put_scratch(&self, path: &str, scratch: Scratch) -> Result<(), Diagnostic> {
        let Scratch::File(n, mut f) = scratch else {
            return Err(Diagnostic::error(
                path,
                0,
                0,
                "internal error: memory scratch on disk",
            ));
        };
        f.flush()
            .map_err(|e| Diagnostic::error(path, 0, 0, format!("cannot write: {e}")))?;
        drop(f);
        let s = self.writer.put_scratch(path, n)?;
        if let Ok(mut v) = self.staged.lock() {
            v.push(s);
        }
        Ok(())
    }
}

pub use crate::output::file::FileRecord as Entry;

/// A file on its way out: hashed, compressed for the zip if it goes there,
/// handed to the sink. Made in parallel; recorded in order.
pub struct Emitted {
    entry: Entry,
    zip: Option<PreparedZipFile>,
}

/// A large file emitted as it is made (a print page: a whole publication
/// in one document), never held whole: each piece is hashed, compressed
/// for the zip and written to the sink's scratch file as it comes.
pub struct Streamed {
    path: String,
    hasher: blake3::Hasher,
    len: u64,
    zip: Option<ZipFileBuilder>,
    out: Scratch,
    /// The whole file, only when its print key needs it (`track_prints`).
    copy: Option<Vec<u8>>,
    /// A write failed (and was reported): the rest is not written.
    failed: bool,
}

/// Everything the build emits passes through here.
pub struct Emitter<'s> {
    sink: &'s dyn Sink,
    ledger: Mutex<Vec<Entry>>,
    zip: Option<Mutex<ZipWriter<Scratch>>>,
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

impl<'s> Emitter<'s> {
    /// `zip_root`: the zip's top folder, when the build makes a zip.
    pub fn new(sink: &'s dyn Sink, zip_root: Option<String>) -> Result<Self, Diagnostic> {
        let zip = match &zip_root {
            Some(_) => Some(Mutex::new(ZipWriter::new(sink.scratch()?))),
            None => None,
        };
        Ok(Emitter {
            sink,
            ledger: Mutex::new(Vec::new()),
            zip,
            zip_root: zip_root.unwrap_or_default(),
            errors: Mutex::new(Vec::new()),
            warnings: Mutex::new(Vec::new()),
            failed: AtomicBool::new(false),
            print_loads: Mutex::default(),
            track_prints: false,
            pieces: Mutex::default(),
        })
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
            match PreparedZipFile::from_data(name, zip_options(), bytes) {
                Ok(z) => Some(z),
                Err(e) => {
                    self.error(Diagnostic::error(
                        &file.path,
                        0,
                        0,
                        format!("cannot zip: {e}"),
                    ));
                    return None;
                }
            }
        } else {
            None
        };
        if self.track_prints && file.path.ends_with("/print.html") {
            let refs = crate::pdf::keep::refs(&file.path, bytes);
            if let Ok(mut loads) = self.print_loads.lock() {
                loads.insert(file.path.clone(), refs);
            }
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

    /// Starts the file `path`, to be written piece by piece
    /// ([`Emitter::write_stream`]) and finished by
    /// [`Emitter::finish_stream`]. `None` (the error recorded) when no
    /// scratch file can be made.
    pub fn stream(&self, path: String) -> Option<Streamed> {
        let out = self.sink.scratch().map_err(|d| self.error(d)).ok()?;
        let zip = match &self.zip {
            Some(_) => {
                let name = format!("{}/{}", self.zip_root, path);
                match ZipFileBuilder::new(name, zip_options()) {
                    Ok(z) => Some(z),
                    Err(e) => {
                        self.error(self.zip_error(&path, e));
                        return None;
                    }
                }
            }
            None => None,
        };
        let copy = (self.track_prints && path.ends_with("/print.html")).then(Vec::new);
        Some(Streamed {
            path,
            hasher: blake3::Hasher::new(),
            len: 0,
            zip,
            out,
            copy,
            failed: false,
        })
    }

    /// Adds `bytes` to the streamed file; false (the error recorded) when
    /// it cannot be written.
    pub fn write_stream(&self, s: &mut Streamed, bytes: &[u8]) -> bool {
        if s.failed {
            return false;
        }
        s.hasher.update(bytes);
        s.len += bytes.len() as u64;
        if let Some(copy) = &mut s.copy {
            copy.extend_from_slice(bytes);
        }
        if let Some(z) = &mut s.zip
            && let Err(e) = z.write_all(bytes)
        {
            self.error(self.zip_error(&s.path, zip::result::ZipError::Io(e)));
            s.failed = true;
            return false;
        }
        if let Err(e) = s.out.write_all(bytes) {
            self.error(self.stream_error(&s.path, &e));
            s.failed = true;
            return false;
        }
        true
    }

    /// The streamed file, handed to the sink: pass it to
    /// [`Emitter::record`] as any prepared file.
    pub fn finish_stream(&self, s: Streamed) -> Option<Emitted> {
        let Streamed {
            path,
            hasher,
            len,
            zip,
            mut out,
            copy,
            failed,
        } = s;
        if failed {
            return None;
        }
        let zip = match zip.map(ZipFileBuilder::finish) {
            Some(Ok(z)) => Some(z),
            Some(Err(e)) => {
                self.error(self.zip_error(&path, e));
                return None;
            }
            None => None,
        };
        if let Some(copy) = copy {
            let refs = crate::pdf::keep::refs(&path, &copy);
            if let Ok(mut loads) = self.print_loads.lock() {
                loads.insert(path.clone(), refs);
            }
        }
        if let Err(e) = out.flush() {
            self.error(self.stream_error(&path, &e));
            return None;
        }
        let entry = Entry {
            path,
            len,
            hash: *hasher.finalize().as_bytes(),
        };
        if let Err(d) = self.sink.put_scratch(&entry.path, out) {
            self.error(d);
            return None;
        }
        Some(Emitted { entry, zip })
    }

    fn stream_error(&self, path: &str, e: &std::io::Error) -> Diagnostic {
        crate::output::write::io_error(std::path::Path::new(path), e)
    }

    /// Records emitted files, adding their zip entries in this order.
    pub fn record(&self, emitted: impl IntoIterator<Item = Option<Emitted>>) {
        let mut ledger = self.ledger.lock().unwrap_or_else(|e| e.into_inner());
        for e in emitted.into_iter().flatten() {
            if let (Some(z), Some(zip)) = (e.zip, &self.zip) {
                let mut zip = zip.lock().unwrap_or_else(|e| e.into_inner());
                if let Err(err) = zip.add_prepared_file(z) {
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
        let result =
            PreparedZipFile::from_data(name, zip_options(), file.bytes.as_ref()).and_then(|p| {
                zip.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .add_prepared_file(p)
            });
        if let Err(e) = result {
            self.error(self.zip_error(&file.path, e));
        }
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
        Some(zip.finish().map_err(|e| {
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
        (
            self.ledger.into_inner().unwrap_or_default(),
            self.errors.into_inner().unwrap_or_default(),
            self.warnings.into_inner().unwrap_or_default(),
        )
    }
}
