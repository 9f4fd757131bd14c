//! The end of a build: the language homes, the zips they offer, and the
//! offline lists, which name every file (the homes too).
//!
//! The homes are rendered twice, in this one place: first without a
//! download link, into the zip (a downloaded site need not offer itself),
//! then, once the zips are closed and their sizes known, with the links,
//! for the site. The offline lists are made for each: the zip's from the
//! files in it. Each language's zip is copied from the whole-site zip's
//! compressed entries, so nothing is compressed twice.

use super::Analysed;
use super::emit::{At, Emitter, Entry, Scratch};
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::output::download::{compress, copy_entry};
use crate::output::zip_out::ZipOut;
use crate::render::context::Download;
use crate::render::{Renderer, Spec};
use rayon::prelude::*;
use std::io::{Read, Seek, SeekFrom};
use zip::ZipArchive;

pub const DIR: &str = crate::output::download::DIR;

pub use crate::content::published_paths::zip_name;

fn homes(
    a: &Analysed,
    r: &Renderer,
    em: &Emitter,
    links: Option<&[(Download, Option<Download>)]>,
) -> Vec<OutputFile> {
    (0..a.site.config.languages.len())
        .into_par_iter()
        .map(LangId)
        .filter_map(|l| {
            let downloads = links.map(|d| (&d[l].0, d[l].1.as_ref()));
            r.page(Spec::Home(l), "", downloads)
                .map_err(|d| em.error(d))
                .ok()
        })
        .collect()
}

/// Renders the homes, closes the zips and emits them, then the offline
/// lists.
pub fn finish(a: &Analysed, r: &Renderer, em: &mut Emitter) {
    let plain = homes(a, r, em, None);
    if !em.zips() {
        em.emit(plain, false);
        offline(a, em, &[]);
        return;
    }
    for home in &plain {
        em.zip_only(home);
    }
    if a.site.config.offline {
        let records: Vec<Entry> = plain.iter().map(Entry::of).collect();
        for f in offline_files(a, em, &records) {
            em.zip_only(&f);
        }
    }
    drop(plain);
    let Some(zip) = em.take_zip() else { return };
    let links = match zip.and_then(|z| close(a, em, z)) {
        Ok(links) => links,
        Err(d) => return em.error(d),
    };
    let linked = homes(a, r, em, Some(&links));
    em.emit(linked, false);
    offline(a, em, &[]);
}

/// Emits the offline lists and worker (`offline: true`), for every file
/// emitted so far and `more`.
fn offline(a: &Analysed, em: &Emitter, more: &[Entry]) {
    if a.site.config.offline {
        let files = offline_files(a, em, more);
        em.emit(files, false);
    }
}

fn offline_files(a: &Analysed, em: &Emitter, more: &[Entry]) -> Vec<OutputFile> {
    let mut records = em.ledger();
    records.extend(more.iter().cloned());
    crate::output::offline::files(&a.site, &records)
}

fn err(path: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(path, 0, 0, format!("cannot make the download: {e}"))
}

fn size(s: &mut Scratch) -> std::io::Result<u64> {
    s.seek(SeekFrom::End(0))
}

/// Emits the whole-site zip and one zip per language; returns, per
/// language, the links its home shows.
fn close(
    a: &Analysed,
    em: &Emitter,
    mut site_zip: Scratch,
) -> Result<Vec<(Download, Option<Download>)>, Diagnostic> {
    let name = zip_name(&a.site);
    let site_path = format!("{DIR}/{name}.zip");
    let site_size = size(&mut site_zip).map_err(|e| err(&site_path, e))?;
    let site_dl = Download::new(site_path.clone(), site_size);
    let several = a.site.config.languages.len() > 1;
    // The language zips are copied from the site zip in parallel, each
    // through its own reader of it.
    let languages = if several {
        &a.site.config.languages[..]
    } else {
        &[]
    };
    let made: Vec<Result<(String, Scratch, u64), Diagnostic>> = {
        let shared = &site_zip;
        languages
            .par_iter()
            .map(|lang| {
                let path = format!("{DIR}/{name}-{}.zip", lang.code);
                // Small: each entry is found by a seek, which empties the
                // buffer, and its data, 6 KB on average, is read once.
                let reader = std::io::BufReader::with_capacity(READ_BUFFER, At::new(shared));
                let holds = holds(a, lang);
                let statics = &a.site.static_files;
                let mut z = language_zip(
                    &name,
                    &lang.code,
                    &holds,
                    statics,
                    reader,
                    em.sink().scratch()?,
                )
                .map_err(|e| err(&path, e))?;
                let bytes = size(&mut z).map_err(|e| err(&path, e))?;
                Ok((path, z, bytes))
            })
            .collect()
    };
    let made = made.into_iter().collect::<Result<Vec<_>, _>>()?;
    let mut links: Vec<_> = made
        .iter()
        .map(|(path, _, bytes)| (site_dl.clone(), Some(Download::new(path.clone(), *bytes))))
        .collect();
    if !several {
        links.push((site_dl.clone(), None));
    }
    // Staging hashes each zip (and the last build's, to keep it when
    // unchanged): the zips at once, not one after the other.
    let mut zips: Vec<(String, Scratch, u64)> = made;
    zips.push((site_path, site_zip, site_size));
    let entries = zips
        .into_par_iter()
        .map(|(path, z, len)| {
            em.sink().put_scratch(&path, z, None)?;
            Ok(Entry {
                path,
                len,
                hash: [0; 32],
            })
        })
        .collect::<Result<Vec<Entry>, Diagnostic>>()?;
    for entry in entries {
        em.record_entry(entry);
    }
    Ok(links)
}

/// One language's zip, copied from the site's: its folder, the shared
/// assets, the site-wide `static/` files (`statics`: its pages may show
/// any of them, `/images/logo.png`), and an `index.html` that opens the
/// language's home. Its `site.js` starts with `holds` (see [`holds`]).
fn language_zip(
    name: &str,
    code: &str,
    holds: &str,
    statics: &std::collections::BTreeSet<String>,
    site_zip: impl Read + Seek,
    out: Scratch,
) -> zip::result::ZipResult<Scratch> {
    let mut archive = ZipArchive::new(site_zip)?;
    let mut w = ZipOut::new(out);
    let root = format!("{name}-{code}");
    let lang_prefix = format!("{name}/{code}/");
    let assets_prefix = format!("{name}/assets/");
    let whole = |name: String, bytes: &[u8]| compress(&name, bytes).map_err(std::io::Error::other);
    whole(format!("{root}/index.html"), redirect(code).as_bytes())?.add_to(&mut w)?;
    let top = format!("{name}/");
    for i in 0..archive.len() {
        // Chosen by the name the central directory gives: an entry's own
        // header is read only for the entries copied.
        let Some(Ok(full)) = archive.name_for_index(i).map(|n| n.map(|n| n.into_owned())) else {
            continue;
        };
        let Some(rest) = full.strip_prefix(&top) else {
            continue;
        };
        if rest == SITE_JS {
            let mut script = holds.as_bytes().to_vec();
            archive.by_index(i)?.read_to_end(&mut script)?;
            whole(format!("{root}/{rest}"), &script)?.add_to(&mut w)?;
        } else if full.starts_with(&lang_prefix)
            || full.starts_with(&assets_prefix)
            || statics.contains(rest)
        {
            let name = format!("{root}/{rest}");
            copy_entry(&mut w, archive.by_index_raw(i)?, Some(name.as_bytes()))?;
        }
    }
    Ok(w.finish(b"")?)
}

const SITE_JS: &str = "assets/site.js";

/// The language zips' read buffer over the site zip.
const READ_BUFFER: usize = 8 << 10;

/// The line a language's zip puts before its `site.js`: the language it
/// holds, so that the script can take the links to other languages' pages,
/// which the zip does not hold (the language menu, a fallback's and a stale
/// page's links to the source), out of the page, with a note. A page
/// saying so in place of each would cost about 400 bytes a page for each
/// other language: half as much again for a seven-language site's zip.
fn holds(a: &Analysed, lang: &crate::config::Language) -> String {
    let id = a.i18n.index(&lang.code).unwrap_or_default();
    let note = a.i18n.text(id, "download-not-held");
    let json = serde_json::json!({ "lang": lang.code, "note": note });
    format!("window.fieldguideHolds = {json};\n")
}

/// A page that opens `code/index.html`, from the disk as from a server.
fn redirect(code: &str) -> String {
    let code = crate::markdown::escape(code);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<meta http-equiv=\"refresh\" content=\"0; url={code}/index.html\">\n<title>{code}</title>\n</head>\n<body>\n<p><a href=\"{code}/index.html\">{code}/index.html</a></p>\n</body>\n</html>\n",
        crate::render::CSP
    )
}
