//! A rebuild with nothing changed: found right after loading, before any
//! Markdown is rendered, so that it takes the time of reading the site and
//! the output, not of making the site again.
//!
//! A build is a pure function of what it reads (the output is
//! deterministic) and of the program itself. So a key over all of that
//! (this program's bytes, the options, the parsed `site.yaml`, every theme
//! file, every Markdown file, every file under `guidance/` and `static/`
//! that could be published) names the output exactly, and what the build
//! says about the site: its messages and summary. A build seals its
//! manifest, and that report, with the key (a keyed BLAKE3 hash, see
//! `output::manifest`). The next build computes the key again: if it opens
//! the seal, and every file the manifest lists still hashes to what it
//! says (read without following links), the output is what a full build
//! would write, and nothing is written; the report is said again.
//!
//! The key is not stored anywhere: someone who can write the output folder
//! cannot forge a seal without every byte of the source. A seal that does
//! not open, a file that changed, a leftover staging folder: the build
//! runs in full, as it always did.

use super::{Inputs, Options};
use crate::diagnostics::Diagnostic;
use crate::output::manifest::{Hash, MARKER, Manifest, REPOSITORY, still_holds};
use crate::output::write::STAGING;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// What the shortcut found: the output is up to date.
pub struct UpToDate {
    /// Files checked.
    pub files: usize,
    pub bytes: u64,
    /// What the build that wrote them said.
    pub diagnostics: Vec<Diagnostic>,
    pub lines: Vec<String>,
    pub elapsed_ms: u128,
    /// Time per step, for `--verbose`.
    pub timings: Vec<(&'static str, u128)>,
}

/// Length-prefixed pieces, so that no two inputs hash alike.
struct Key(blake3::Hasher);

impl Key {
    fn put(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }
    fn text(&mut self, s: &str) {
        self.put(s.as_bytes());
    }
    fn path(&mut self, p: &Path) {
        self.put(p.as_os_str().as_encoded_bytes());
    }
}

/// The secret a site zip's hash is recorded with in the manifest (see
/// `output::manifest::zip_seal`), so that a rebuild reuses only entries of
/// the zip the earlier build wrote. Unlike [`key`], it must survive an
/// edit of a chapter, so it is made of what changes seldom: how this
/// program compresses, `site.yaml`, and every publication's and part's
/// `index` file (the secret: forging the record takes their bytes). `None`
/// (nothing reused) for a site without any.
pub fn zip_secret(inputs: &Inputs) -> Option<Hash> {
    let mut k = Key(blake3::Hasher::new());
    k.text("fieldguide zip seal 1");
    k.text(&crate::output::download::compressor());
    k.text(&format!("{:?}", inputs.config));
    let mut indexes = 0;
    for (f, _, _) in inputs
        .loaded
        .parsed
        .iter()
        .filter(|(f, _, _)| f.stem == "index")
    {
        k.path(&f.rel);
        k.put(&f.digest);
        indexes += 1;
    }
    (indexes > 0).then(|| *k.0.finalize().as_bytes())
}

/// The key of everything the build of `inputs` reads, or `None` when it
/// cannot be made (the program or a file cannot be read: build in full).
pub fn key(opts: &Options, inputs: &Inputs) -> Option<Hash> {
    let mut k = Key(blake3::Hasher::new());
    k.text("fieldguide output key 2");
    // Read through, not held: the program is 15 MB (200 MB with debug
    // information).
    let exe = std::fs::File::open(std::env::current_exe().ok()?).ok()?;
    k.put(
        blake3::Hasher::new()
            .update_reader(exe)
            .ok()?
            .finalize()
            .as_bytes(),
    );
    k.text(&format!("{opts:?}"));
    k.text(&format!("{:?}", inputs.config));
    let theme = &inputs.theme;
    for (path, bytes) in &theme.files {
        k.text(path);
        k.put(bytes);
        k.put(&[u8::from(theme.overridden.contains(path))]);
        k.text(theme.from_base.get(path).map_or("", String::as_str));
    }
    // What loading said: it names files kept out of `loaded` (a language
    // suffix the site lacks, a link inside `guidance/`), which must count.
    let mut said: Vec<String> = inputs
        .diagnostics
        .iter()
        .map(|d| format!("{d:?}"))
        .collect();
    said.sort_unstable();
    for d in &said {
        k.text(d);
    }
    let l = &inputs.loaded;
    // A file left out as unreadable (not UTF-8, binary) counts by what the
    // build says of it: that, and where it stands, is all it changes.
    for u in &l.unreadable {
        k.text(&format!("{:?} {:?} {:?}", u.error, u.lang, u.page));
    }
    // Each field as its bytes: formatting 30,000 files' paths with
    // `Debug` took a tenth of a rebuild that finds nothing changed.
    for (f, _, _) in &l.parsed {
        for p in [&f.rel, &f.dir, &f.root, &f.in_site] {
            k.path(p);
        }
        k.text(&f.stem);
        k.put(&(f.lang.0 as u64).to_le_bytes());
        k.put(&[u8::from(f.from_base)]);
        k.put(&f.digest);
    }
    for v in &l.values {
        k.text(&format!("{:?} {}", v.rel, v.from_base));
        k.text(&v.text);
    }
    for b in &l.replaced {
        k.text(&format!("{:?} {:?} {} {:?}", b.rel, b.dir, b.stem, b.lang));
        k.text(&b.text);
    }
    let content = crate::content::load::CONTENT_DIR;
    let assets: Vec<(&Path, bool)> = l
        .assets
        .iter()
        .map(|a| {
            k.text(&format!("{:?} {:?} {}", a.rel, a.variant, a.from_base));
            (a.rel.as_path(), a.from_base)
        })
        .collect();
    files(&mut k, opts, inputs, content, &assets)?;
    let stat = crate::content::static_dir::STATIC_DIR;
    let statics: Vec<(&Path, bool)> = l
        .static_files
        .iter()
        .map(|(name, disk)| {
            k.text(&format!("{name} {disk:?}"));
            (disk.as_path(), l.base_static.contains(disk))
        })
        .collect();
    files(&mut k, opts, inputs, stat, &statics)?;
    Some(*k.0.finalize().as_bytes())
}

/// Adds the bytes of `files` (relative to the folder `dir` of the site, or
/// of its base when marked), read as the build reads them.
fn files(
    k: &mut Key,
    opts: &Options,
    inputs: &Inputs,
    dir: &str,
    files: &[(&Path, bool)],
) -> Option<()> {
    let open = |root: &Path| {
        crate::no_follow::Dir::open(&crate::no_follow::real(root)).and_then(|d| d.sub(dir))
    };
    let own = if files.iter().any(|(_, b)| !b) {
        Some(open(&opts.source).ok()?)
    } else {
        None
    };
    let base = match &inputs.config.base_site {
        Some(b) if files.iter().any(|(_, b)| *b) => Some(open(&b.root).ok()?),
        _ => None,
    };
    let hashes: Vec<Option<Hash>> = files
        .par_iter()
        .map(|(p, from_base)| {
            let dir = if *from_base { &base } else { &own };
            hash_published(dir.as_ref()?, &crate::no_follow::slash_path(p))
        })
        .collect();
    for h in hashes {
        k.put(&h?);
    }
    Some(())
}

/// The hash of a file the build may publish, read a piece at a time;
/// `None` (build in full, which says why) past the size a published file
/// may have: a sparse file of terabytes is never read.
fn hash_published(dir: &crate::no_follow::Dir, rel: &str) -> Option<Hash> {
    use std::io::Read;
    let limit = crate::content::published_size::MAX_PUBLISHED_BYTES;
    let file = dir.open_read(rel).ok()?;
    if file.metadata().ok()?.len() > limit {
        return None;
    }
    let mut hasher = blake3::Hasher::new();
    let read = std::io::copy(&mut file.take(limit + 1), &mut hasher).ok()?;
    (read <= limit).then(|| *hasher.finalize().as_bytes())
}

/// The last build's manifest in `out`, read and parsed but not trusted
/// yet: [`check`] opens its seal. Read while the key is made.
pub struct Earlier {
    root: crate::no_follow::Dir,
    text: String,
    manifest: Manifest,
}

/// Reads `out`'s manifest; `None` when there is none, or a staging folder
/// was left behind.
pub fn earlier(out: &Path) -> Option<Earlier> {
    let root = crate::no_follow::Dir::open(out).ok()?;
    if root.kind(STAGING).ok()? != crate::no_follow::Kind::Missing {
        return None;
    }
    let text = String::from_utf8(crate::output::manifest::read(&root).ok()?).ok()?;
    let manifest = Manifest::parse(&text);
    Some(Earlier {
        root,
        text,
        manifest,
    })
}

/// Whether the output holds exactly what the build keyed `key` writes:
/// its manifest sealed with `key`, and every file listed as it was written.
pub fn check(earlier: Earlier, key: &Hash) -> Option<UpToDate> {
    let Earlier {
        root,
        text,
        manifest,
    } = earlier;
    let report = Manifest::seal_opens(&text, key)?;
    if !manifest.complete() {
        return None;
    }
    let report: Report = serde_json::from_str(&report).ok()?;
    // Each file with the hash and length the manifest records (a manifest
    // without lengths, an older one, is not stood on).
    let mut by_dir: BTreeMap<&str, Vec<(&str, Hash, u64)>> = BTreeMap::new();
    for (path, hash) in &manifest.files {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        let len = *manifest.lens.get(path)?;
        by_dir.entry(dir).or_default().push((name, (*hash)?, len));
    }
    // Each folder opened once; then every file hashed on its own, so that
    // a folder of large files (the zips) is not left to one thread.
    let dirs: Vec<Option<crate::no_follow::Dir>> = by_dir
        .par_iter()
        .map(|(dir, _)| root.sub(dir).ok())
        .collect();
    let mut files: Vec<(&crate::no_follow::Dir, &str, &Hash, u64)> = Vec::new();
    for (listed, d) in by_dir.values().zip(&dirs) {
        let d = d.as_ref()?;
        files.extend(
            listed
                .iter()
                .map(|(name, hash, len)| (d, *name, hash, *len)),
        );
    }
    // Each length is compared before its file is read (`still_holds`): a
    // file of another length planted at a page's name (a sparse file of
    // terabytes takes no room on a disk) is never read.
    let held = files
        .par_iter()
        .with_max_len(16)
        .all(|(d, name, hash, len)| still_holds(d, name, hash, Some(*len)));
    if !held {
        return None;
    }
    let bytes = files.iter().map(|f| f.3).sum();
    if !only_listed(&root, &manifest) {
        return None;
    }
    Some(UpToDate {
        files: manifest.files.len(),
        bytes,
        diagnostics: report
            .diagnostics
            .into_iter()
            .map(Said::into_diagnostic)
            .collect(),
        lines: report.lines,
        elapsed_ms: 0,
        timings: Vec::new(),
    })
}

/// Whether every folder of the output holds only what the manifest lists
/// (and the folders on the way to it): anything else, a file planted
/// there or a link, makes the build run, and its commit removes it.
fn only_listed(root: &crate::no_follow::Dir, manifest: &Manifest) -> bool {
    let mut expected: BTreeMap<&str, std::collections::BTreeSet<&str>> = BTreeMap::new();
    expected.entry("").or_default().insert(MARKER);
    for path in manifest.files.keys() {
        let mut rest = path.as_str();
        let mut is_file = true;
        loop {
            let (dir, name) = rest.rsplit_once('/').unwrap_or(("", rest));
            // A folder already named in its parent has its own way up named.
            let added = expected.entry(dir).or_default().insert(name);
            if dir.is_empty() || (!added && !is_file) {
                break;
            }
            is_file = false;
            rest = dir;
        }
    }
    // A Git repository at the top is never the build's (see `REPOSITORY`).
    let repository = root
        .kind(REPOSITORY)
        .is_ok_and(crate::output::manifest::is_repository);
    expected.par_iter().all(|(dir, names)| {
        root.sub(dir)
            .and_then(|d| d.names())
            .is_ok_and(|mut found| {
                if dir.is_empty() && repository {
                    found.retain(|n| n != REPOSITORY);
                }
                found.len() == names.len()
                    && found
                        .iter()
                        .all(|n| n.to_str().is_some_and(|n| names.contains(n)))
            })
    })
}

/// What a build said about the site, kept under the seal.
#[derive(serde::Serialize, serde::Deserialize)]
struct Report {
    diagnostics: Vec<Said>,
    lines: Vec<String>,
}

/// A message, with all that prints it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Said {
    warning: bool,
    path: std::path::PathBuf,
    line: usize,
    col: usize,
    width: usize,
    message: String,
    hint: Option<String>,
    note: Option<String>,
}

impl Said {
    fn into_diagnostic(self) -> Diagnostic {
        let mut d = if self.warning {
            Diagnostic::warning(self.path, self.line, self.col, self.message)
        } else {
            Diagnostic::error(self.path, self.line, self.col, self.message)
        };
        d.hint = self.hint;
        d.note = self.note.map(String::into_boxed_str);
        d.width = self.width;
        d
    }
}

/// The report to seal with a build's manifest: its messages about the site
/// and its summary lines, as one line of JSON.
pub fn report(diagnostics: &[Diagnostic], lines: Vec<String>) -> String {
    let report = Report {
        diagnostics: diagnostics
            .iter()
            .map(|d| Said {
                warning: d.severity == crate::diagnostics::Severity::Warning,
                path: d.path.clone(),
                line: d.line,
                col: d.col,
                width: d.width,
                message: d.message.clone(),
                hint: d.hint.clone(),
                note: d.note.as_deref().map(str::to_string),
            })
            .collect(),
        lines,
    };
    serde_json::to_string(&report).unwrap_or_default()
}
