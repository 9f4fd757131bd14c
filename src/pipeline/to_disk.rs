//! `build`: the site written into its output folder, all or nothing, or
//! nothing at all when the output is already what it would write.

use super::{
    Failed, Inputs, Options, Summary, download, emit, fail, load_inputs, prepare_from, render_site,
    spool, unchanged,
};
use crate::output::OutputFile;
use std::path::Path;
use std::time::Instant;

/// The largest PDF of an earlier `pdf` run a build keeps (read whole to be
/// checked): a print page of 35 MB makes a PDF of about 20 MB.
const KEPT_PDF_MAX: u64 = 512 << 20;

/// A build written to disk: what was written, and the summary.
pub struct Written {
    pub summary: Summary,
    pub stats: crate::output::WriteStats,
    /// Lines to print about PDFs of an earlier run, kept or removed.
    pub notes: Vec<String>,
}

/// What `build` did.
pub enum Outcome {
    Written(Box<Written>),
    /// Nothing changed since the last build (see [`unchanged`]).
    UpToDate(unchanged::UpToDate),
}

/// `build`: the site written into `out`, or nothing at all when the output
/// is already what this build would write.
/// `summary_lines` says what the build prints about the site besides its
/// messages: a rebuild that finds nothing changed prints it again.
pub fn build_or_keep(
    opts: &Options,
    out: &Path,
    summary_lines: &dyn Fn(&Summary) -> Vec<String>,
) -> Result<Outcome, Failed> {
    let start = Instant::now();
    let mut inputs = load_inputs(opts, !opts.keep_text)?;
    check_base(&inputs, out)?;
    // The last build's manifest is read while the key is made. Warnings
    // while loading (a language without interface strings, an unknown
    // key) are a function of the inputs, said again from the seal's
    // report; only a site that fails cannot be kept.
    let fails = inputs
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error || opts.strict);
    let (key, earlier) = if !fails {
        rayon::join(|| unchanged::key(opts, &inputs), || unchanged::earlier(out))
    } else {
        (None, None)
    };
    let found = key
        .as_ref()
        .zip(earlier)
        .and_then(|(k, e)| unchanged::check(e, k));
    if let Some(found) = found {
        inputs.timer.lap("output checked");
        return Ok(Outcome::UpToDate(unchanged::UpToDate {
            elapsed_ms: start.elapsed().as_millis(),
            timings: inputs.timer.laps,
            ..found
        }));
    }
    let seal = key.map(|k| (k, summary_lines));
    let written = build_from(opts, inputs, start, out, Vec::new(), Vec::new(), None, seal)?;
    Ok(Outcome::Written(Box::new(written)))
}

/// Builds the site into `out`, all or nothing: files are staged as they
/// are rendered and moved into place only when every one is ready.
/// `pdfs` are the PDFs in `extra_files`, printed from a site whose print
/// keys are `keys` (see `pdf::keep`; `None`: this build's own).
pub fn build_to(
    opts: &Options,
    out: &Path,
    pdfs: Vec<String>,
    extra_files: Vec<OutputFile>,
    keys: Option<std::collections::BTreeMap<String, String>>,
) -> Result<Written, Failed> {
    let start = Instant::now();
    let inputs = load_inputs(opts, !opts.keep_text)?;
    check_base(&inputs, out)?;
    build_from(opts, inputs, start, out, pdfs, extra_files, keys, None)
}

/// A local edition reads its base's folders too: its output must be
/// outside them (the site's own are checked before loading).
fn check_base(inputs: &Inputs, out: &Path) -> Result<(), Failed> {
    match &inputs.config.base_site {
        Some(b) => crate::output::guard::check_base(&b.root, out).map_err(|d| fail(vec![d], false)),
        None => Ok(()),
    }
}

/// The key of a build's inputs, and what it prints about the site: the
/// manifest is sealed with them (see [`unchanged`]).
type Seal<'a> = (
    crate::output::manifest::Hash,
    &'a dyn Fn(&Summary) -> Vec<String>,
);

/// Whether the earlier output's file at `path`, a PDF an earlier `pdf` run
/// is recorded to have made, holds nothing such a PDF never does.
fn plain_earlier_pdf(writer: &crate::output::Writer, path: &str) -> bool {
    use std::io::Read;
    let mut bytes = Vec::new();
    writer.open_earlier(path).is_some_and(|f| {
        f.take(KEPT_PDF_MAX + 1).read_to_end(&mut bytes).is_ok()
            && bytes.len() as u64 <= KEPT_PDF_MAX
            && crate::output::plain_pdf(&bytes)
    })
}

/// [`build_to`] from what was loaded, sealing the manifest with `seal`.
#[allow(clippy::too_many_arguments)]
fn build_from(
    opts: &Options,
    inputs: Inputs,
    start: Instant,
    out: &Path,
    pdfs: Vec<String>,
    extra_files: Vec<OutputFile>,
    keys: Option<std::collections::BTreeMap<String, String>>,
    seal: Option<Seal>,
) -> Result<Written, Failed> {
    // The output folder is opened first, for the spool in its staging
    // folder; a site that fails its checks is still reported before a
    // folder that cannot be written.
    let writer = crate::output::Writer::begin(out);
    let spool = match &writer {
        Ok(w) => w.scratch().map_or_else(
            |_| spool::Spool::default(),
            |(_, f)| spool::Spool::in_file(f),
        ),
        Err(_) => spool::Spool::default(),
    };
    let zip_secret = unchanged::zip_secret(&inputs);
    let mut ready = prepare_from(opts, inputs, spool, start)?;
    ready.zip_secret = zip_secret;
    let writer = writer.map_err(|d| fail(vec![d], false))?;
    let refused = crate::output::refused_warnings(out, &writer);
    // Print keys only when there are PDFs of an earlier run to keep.
    let opts = &Options {
        print_keys: keys.is_none() && !writer.previous().printed.is_empty(),
        ..opts.clone()
    };
    let mut disk = emit::Disk::new(writer);
    let mut summary = render_site(&mut ready, opts, &disk, pdfs, extra_files)?;
    let site = &ready.analysed.site;
    if let (Some(secret), true) = (zip_secret, opts.download && site.config.download) {
        let zip = format!("{}/{}.zip", download::DIR, download::zip_name(site));
        disk.seal_zip(zip, secret);
    }
    let previous = disk.writer().previous();
    let keys = keys.as_ref().unwrap_or(&summary.print_keys);
    let still_written = |path: &str| disk.writer().still_written(path);
    let plain = |path: &str| plain_earlier_pdf(disk.writer(), path);
    let (printed, notes) =
        crate::pdf::keep::printed(previous, &summary.files, keys, still_written, plain);
    // What a rebuild with nothing changed says again: the site's own
    // messages and summary, not those about the previous output (pages
    // gone since it, entries of its manifest refused, links replaced),
    // which a full rebuild would not say again either. Not with PDFs of an
    // earlier run in play: whether they are kept depends on that run.
    let report = seal
        .filter(|_| notes.is_empty() && printed.is_empty())
        .map(|(key, lines)| {
            (
                key,
                unchanged::report(&summary.diagnostics, lines(&summary)),
            )
        });
    let now: std::collections::BTreeSet<&str> =
        summary.files.iter().map(|f| f.path.as_str()).collect();
    // Only what the output still holds as the manifest records it: an
    // entry forged into the manifest names no page readers had, and must
    // not fail a `--strict` build.
    let published = previous
        .files
        .keys()
        .filter(|p| !now.contains(p.as_str()) && still_written(p));
    let gone =
        crate::content::aliases::gone(&ready.analysed.site, out, published, now.iter().copied());
    if opts.strict && !gone.is_empty() {
        summary.diagnostics.extend(gone);
        return Err(fail(summary.diagnostics, true));
    }
    summary.diagnostics.extend(gone);
    summary.diagnostics.extend(refused);
    let write_start = Instant::now();
    let (stats, warnings) = disk
        .commit(&printed, report.as_ref().map(|(k, r)| (k, r.as_str())))
        .map_err(|d| fail(d, false))?;
    summary
        .timings
        .push(("commit", write_start.elapsed().as_micros()));
    summary.diagnostics.extend(warnings);
    summary.elapsed_ms = ready.start.elapsed().as_millis();
    Ok(Written {
        summary,
        stats,
        notes,
    })
}
