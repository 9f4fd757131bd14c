//! `fieldguide stamp FILE...`: record in each translation which version of
//! its source it translates (`translation_of:`), and in each page a local
//! edition adapts from its base which version of the base's page it adapts
//! (`adapts:`). Only those lines change; every other byte of the file stays
//! as it was.

use super::{EXIT_FAILED, EXIT_OK, Verbosity, print_diagnostics};
use crate::diagnostics::Diagnostic;
use crate::pipeline::{self, Options};
use crate::translation::current_hash;
use std::path::{Path, PathBuf};

pub fn stamp(opts: &Options, files: &[PathBuf], verbosity: Verbosity) -> i32 {
    // A draft is translated before it is published: its pages are stamped
    // like any other.
    let opts = &Options {
        drafts: true,
        ..opts.clone()
    };
    let modelled = match pipeline::model(opts) {
        Ok(m) => m,
        Err(f) => {
            print_diagnostics(&opts.source, &f.diagnostics, verbosity);
            return EXIT_FAILED;
        }
    };
    let site = &modelled.site;
    let root = opts
        .source
        .canonicalize()
        .unwrap_or_else(|_| opts.source.clone());
    let mut problems = Vec::new();
    for file in files {
        let shown = file.display().to_string();
        // A page is named from the current folder, as a shell completes
        // it; one named from the site folder (`--source`) is found too.
        let mut tried = Vec::new();
        for candidate in [Some(file.clone()), from_source(&opts.source, file)]
            .into_iter()
            .flatten()
        {
            tried.push(candidate.canonicalize());
        }
        let doc = tried.iter().flatten().find_map(|c| {
            site.doc_ids()
                .find(|&d| root.join(&site.doc(d).file.rel) == *c)
        });
        let Some(doc_id) = doc else {
            problems.extend(not_a_page(&shown, &tried, &root, &modelled.diagnostics));
            continue;
        };
        stamp_one(opts, site, doc_id, verbosity, &mut problems);
    }
    print_diagnostics(&opts.source, &problems, verbosity);
    if super::count(&problems).0 == 0 {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}

/// `file` named from the site folder, when it is relative and the site
/// is not the current folder.
fn from_source(source: &Path, file: &Path) -> Option<PathBuf> {
    (file.is_relative() && source != Path::new(".")).then(|| source.join(file))
}

/// Why a file given to `stamp` is no page to stamp: it cannot be read, or
/// the site could not make a page of it (its own errors, as `check` says
/// them), or it is not one of the site's pages.
fn not_a_page(
    shown: &str,
    tried: &[std::io::Result<PathBuf>],
    root: &Path,
    found: &[Diagnostic],
) -> Vec<Diagnostic> {
    let Some(canonical) = tried.iter().flatten().next() else {
        let e = tried.iter().find_map(|t| t.as_ref().err());
        let why = e.map_or_else(String::new, crate::content::load::io_message);
        return vec![Diagnostic::error(
            shown,
            0,
            0,
            format!("cannot read: {why}"),
        )];
    };
    let rel = canonical.strip_prefix(root).ok();
    let own: Vec<Diagnostic> = found
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .filter(|d| rel.is_some_and(|r| d.path == r))
        .cloned()
        .collect();
    if own.is_empty() {
        let hint = "stamp a translated page under guidance/ whose front matter is valid (run `fieldguide check`)";
        return vec![Diagnostic::error(shown, 0, 0, "not a page of this site").with_hint(hint)];
    }
    let mut out = own;
    let hint = "fix the errors above, then stamp it again";
    out.push(
        Diagnostic::error(shown, 0, 0, "not stamped: the site cannot read this page")
            .with_hint(hint),
    );
    out
}

/// Stamps one page: a translation with the version of its source it
/// translates (`translation_of:`), a local edition's page that replaces its
/// base's with the version of the base it adapts (`adapts:`), or both.
fn stamp_one(
    opts: &Options,
    site: &crate::content::model::Site,
    doc_id: crate::content::model::DocId,
    verbosity: Verbosity,
    problems: &mut Vec<Diagnostic>,
) {
    let doc = site.doc(doc_id);
    let node = &site.nodes[doc.node];
    let source_code = &site.config.languages[node.source_lang].code;
    let adapts = site
        .edition
        .as_ref()
        .and_then(|e| e.overrides.iter().find(|o| o.doc == doc_id));
    let translates = (doc.file.lang != node.source_lang)
        .then_some(node.docs[node.source_lang])
        .flatten();
    if adapts.is_none() && translates.is_none() {
        let (what, hint) = if doc.file.from_base {
            (
                "this page is the base's: an edition stamps only its own files",
                "copy it into this edition's guidance/ to adapt it, then stamp the copy",
            )
        } else {
            (
                "this page is in the source language ({source_code}); only translations and an edition's adapted pages are stamped",
                "stamp its translations, e.g. the .fr.md file, once they match this version",
            )
        };
        problems.push(
            Diagnostic::error(
                &doc.file.rel,
                1,
                1,
                what.replace("{source_code}", source_code),
            )
            .with_hint(hint),
        );
        return;
    }
    let mut stamps = Vec::new();
    if let Some(o) = adapts {
        stamps.push(("adapts", o.base_hash.clone()));
    }
    if let Some(src) = translates {
        stamps.push(("translation_of", current_hash(site, src).to_string()));
        // Keep the source as stamped, so `translate export` can show
        // translators what changes in it later.
        if let Err(e) = crate::translate::history::save(&opts.source, &site.doc(src).file.text) {
            let msg = format!("cannot keep a snapshot of the source: {e}");
            problems.push(Diagnostic::warning(
                crate::translate::history::STORE,
                0,
                0,
                msg,
            ));
        }
    }
    for (key, hash) in stamps {
        match rewrite(&opts.source, &doc.file.rel, key, &hash) {
            Ok(changed) if verbosity != Verbosity::Quiet => {
                let what = if changed {
                    "stamped"
                } else {
                    "already stamped"
                };
                crate::errln!(
                    "{what} {} ({key}: {hash})",
                    crate::diagnostics::display_path(&doc.file.rel)
                );
            }
            Ok(_) => {}
            Err(msg) => problems.push(Diagnostic::error(&doc.file.rel, 1, 1, msg)),
        }
    }
}

/// Writes `key: <hash>` into the front matter of the site's file `rel`,
/// replacing the existing line or adding one before the closing `---`.
/// Read and written inside the site only, never through a link: a plain
/// write to a temporary name followed a link planted there, out of the
/// site.
fn rewrite(root: &Path, rel: &Path, key: &str, hash: &str) -> Result<bool, String> {
    let bytes = crate::no_follow::Dir::open(&crate::no_follow::real(root))
        .and_then(|d| d.read(&crate::no_follow::slash_path(rel)))
        .map_err(|e| format!("cannot read: {e}"))?;
    let new = set_key(&bytes, key, hash)?;
    if new == bytes {
        return Ok(false);
    }
    crate::translate::files::write_inside(root, rel, &new)
}

/// Sets a top-level front-matter key, touching only that line.
pub fn set_key(bytes: &[u8], key: &str, value: &str) -> Result<Vec<u8>, String> {
    let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut lines = Vec::new(); // (start, end without line ending, end with line ending)
    let mut pos = start;
    while pos < bytes.len() {
        let end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| pos + p + 1);
        let mut content_end = end;
        while content_end > pos && matches!(bytes[content_end - 1], b'\n' | b'\r') {
            content_end -= 1;
        }
        lines.push((pos, content_end, end));
        pos = end;
    }
    let text = |l: &(usize, usize, usize)| &bytes[l.0..l.1];
    let is_fence = |t: &[u8], closing: bool| {
        let t = t.trim_ascii_end();
        t == b"---" || (closing && t == b"...")
    };
    if lines.is_empty() || !is_fence(text(&lines[0]), false) {
        return Err("the file has no front matter to record the source version in".into());
    }
    let close = lines
        .iter()
        .skip(1)
        .position(|l| is_fence(text(l), true))
        .map(|p| p + 1)
        .ok_or("the front matter is never closed")?;
    let newline: &[u8] = if bytes[lines[0].1..lines[0].2].starts_with(b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    let line = format!("{key}: {value}");
    let prefix = format!("{key}:");
    let mut out = Vec::with_capacity(bytes.len() + line.len() + 2);
    match lines[1..close]
        .iter()
        .find(|l| text(l).starts_with(prefix.as_bytes()))
    {
        Some(l) => {
            out.extend_from_slice(&bytes[..l.0]);
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(&bytes[l.1..]);
        }
        None => {
            let at = lines[close].0;
            out.extend_from_slice(&bytes[..at]);
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(newline);
            out.extend_from_slice(&bytes[at..]);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::set_key;

    #[test]
    fn adds_or_replaces_one_line() {
        let s = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        let a = set_key(b"---\ntitle: A\n---\nBody  \n", "translation_of", "abc").unwrap();
        assert_eq!(s(&a), "---\ntitle: A\ntranslation_of: abc\n---\nBody  \n");
        let b = set_key(&a, "translation_of", "def").unwrap();
        assert_eq!(s(&b), "---\ntitle: A\ntranslation_of: def\n---\nBody  \n");
        let c = set_key(
            b"\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\nx",
            "translation_of",
            "abc",
        )
        .unwrap();
        assert_eq!(
            c,
            b"\xEF\xBB\xBF---\r\ntitle: A\r\ntranslation_of: abc\r\n---\r\nx"
        );
        assert!(set_key(b"# no front matter\n", "translation_of", "x").is_err());
        assert!(set_key(b"---\ntitle: A\n", "translation_of", "x").is_err());
    }
}
