//! Keeping the PDFs of the last `pdf` run across plain builds.
//!
//! `build` makes no PDFs, and pages link only to PDFs made in the same run
//! (a PDF in the output folder could be anything: nothing read from there
//! may change what is written). But a `build` after `pdf` used to remove
//! every PDF. Now each PDF is recorded in the output's manifest with the
//! *print key* of what it was printed from: a hash of the print page's
//! bytes, of the files it loads (theme, images) and of the PDF's settings
//! (title, author, language, paper, `base_url`) and fieldguide's version.
//! A later `build` renders the same print page, computes the key again,
//! and keeps the PDF (not linked, still listed) when the key is the same
//! and the file still holds the bytes that were written; otherwise the
//! PDF is removed, and the build says so.
//!
//! A forged manifest can at most keep a file it names from being removed:
//! a page never links to a PDF this run did not make.

use super::Job;
use crate::content::model::Site;
use crate::markdown::links::percent_decode;
use crate::output::manifest::{Hash, Manifest};
use crate::output::{FileRecord, Printed};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The files a print page loads (stylesheets, images), from the output
/// root: every `src` and `href` that is a relative path to something other
/// than a page. Links to pages do not change how the PDF looks.
pub fn refs(print_path: &str, html: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(html);
    let dir: Vec<&str> = print_path.split('/').collect();
    let dir = &dir[..dir.len() - 1];
    let mut out = BTreeSet::new();
    for attr in [" src=\"", " href=\""] {
        for (at, _) in text.match_indices(attr) {
            let rest = &text[at + attr.len()..];
            let value = rest.split('"').next().unwrap_or("");
            let value = value.split(['#', '?']).next().unwrap_or("");
            let scheme = value.split_once(':').is_some_and(|(s, _)| !s.contains('/'));
            if value.is_empty() || scheme || value.starts_with('/') || value.ends_with(".html") {
                continue;
            }
            let decoded = percent_decode(&value.replace("&amp;", "&"));
            let mut parts: Vec<&str> = dir.to_vec();
            for seg in decoded.split('/') {
                match seg {
                    "" | "." => {}
                    ".." => {
                        parts.pop();
                    }
                    s => parts.push(s),
                }
            }
            out.insert(parts.join("/"));
        }
    }
    out.into_iter().collect()
}

/// The print key of every PDF path of the site (both PDFs of a publication
/// share their print page's key), from the files this build emitted and
/// what each print page loads.
pub fn keys(
    site: &Site,
    files: &[FileRecord],
    loads: &BTreeMap<String, Vec<String>>,
) -> BTreeMap<String, String> {
    let hashes: HashMap<&str, &Hash> = files.iter().map(|f| (f.path.as_str(), &f.hash)).collect();
    let theme: BTreeSet<&str> = hashes
        .keys()
        .copied()
        .filter(|p| p.starts_with("assets/"))
        .collect();
    let mut out = BTreeMap::new();
    for job in super::jobs(site) {
        let Some(page) = hashes.get(job.html.as_str()) else {
            continue;
        };
        let key = key(&job, page, &theme, loads.get(&job.html), &hashes);
        if let Some(b) = &job.paths.booklet {
            out.insert(b.clone(), key.clone());
        }
        out.insert(job.paths.pdf.clone(), key);
    }
    out
}

fn key(
    job: &Job,
    page: &Hash,
    theme: &BTreeSet<&str>,
    loads: Option<&Vec<String>>,
    hashes: &HashMap<&str, &Hash>,
) -> String {
    let mut h = blake3::Hasher::new();
    h.update(concat!("fieldguide ", env!("CARGO_PKG_VERSION"), "\n").as_bytes());
    let settings = format!(
        "{:?}\n",
        (&job.meta, job.paper_mm, &job.base_url, &job.paths)
    );
    h.update(settings.as_bytes());
    h.update(page);
    let loaded = loads.into_iter().flatten().map(String::as_str);
    let all: BTreeSet<&str> = theme.iter().copied().chain(loaded).collect();
    for path in all {
        if let Some(file) = hashes.get(path) {
            h.update(path.as_bytes());
            h.update(b"\n");
            h.update(*file);
        }
    }
    h.finalize().to_hex()[..32].to_string()
}

/// What to do with the PDFs of an earlier run that this run did not make.
#[derive(Debug, Default)]
pub struct Plan {
    /// Recorded with the same key: kept, listed, not linked.
    pub keep: BTreeSet<String>,
    /// Anything else that was a PDF: removed (if still unchanged).
    pub remove: Vec<String>,
}

/// Compares the previous manifest's PDFs (`previous`: every path it lists,
/// `printed`: the keys of those `pdf` made) with this run's keys and files.
/// Only PDFs of publications count: a PDF copied from `guidance/` is an
/// ordinary file.
pub fn plan<'a>(
    previous: impl Iterator<Item = &'a String>,
    printed: &BTreeMap<String, String>,
    now: &BTreeMap<String, String>,
    written: &BTreeSet<&str>,
) -> Plan {
    let mut plan = Plan::default();
    for path in previous {
        if written.contains(path.as_str()) {
            continue;
        }
        match (printed.get(path), now.get(path)) {
            (Some(old), Some(new)) if old == new => {
                plan.keep.insert(path.clone());
            }
            (None, None) => {}
            _ => plan.remove.push(path.clone()),
        }
    }
    plan
}

/// What the manifest of this build records about PDFs (`made`: this run's,
/// with `keys`; `keep`: the earlier ones whose key did not change), and the
/// lines to print about the earlier ones.
/// `still_written`: whether an earlier PDF still holds what `pdf` wrote (one
/// changed since is no longer fieldguide's: the commit removes it, and
/// names it).
/// `plain`: whether an earlier PDF holds nothing a PDF `pdf` makes never
/// does (see [`crate::output::plain_pdf`]): the manifest's record of a
/// print key can be forged by whoever can write the output folder, and a
/// source is often public, so a PDF kept under a recorded key is checked
/// like one published from `guidance/`.
pub fn printed(
    previous: &Manifest,
    files: &[FileRecord],
    keys: &BTreeMap<String, String>,
    still_written: impl Fn(&str) -> bool,
    plain: impl Fn(&str) -> bool,
) -> (Printed, Vec<String>) {
    let written: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let made = written.iter().filter(|p| keys.contains_key(**p));
    let mut plan = plan(previous.files.keys(), &previous.printed, keys, &written);
    plan.keep.retain(|p| still_written(p));
    let (keep, refused): (BTreeSet<String>, BTreeSet<String>) = std::mem::take(&mut plan.keep)
        .into_iter()
        .partition(|p| plain(p));
    plan.keep = keep;
    let printed = Printed {
        made: made.map(|p| (p.to_string(), keys[*p].clone())).collect(),
        keep: plan.keep.clone(),
    };
    let mut lines = lines(&plan);
    if !refused.is_empty() {
        let names: Vec<&str> = refused.iter().map(String::as_str).collect();
        lines.push(format!(
            "removed {} recorded as made by `fieldguide pdf` but holding what such a PDF never does (actions, scripts, attached files, a photo's location, or parts that cannot be read): {}; run `fieldguide pdf` to make them again",
            plural(refused.len()),
            names.join(", ")
        ));
    }
    (printed, lines)
}

/// The line `build` prints about the PDFs it kept or removed.
pub fn lines(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    if !plan.keep.is_empty() {
        let n = plan.keep.len();
        out.push(format!(
            "kept {} made by `fieldguide pdf` ({} did not change); pages link to PDFs only after `fieldguide pdf`",
            plural(n),
            if n == 1 { "its publication" } else { "their publications" }
        ));
    }
    if !plan.remove.is_empty() {
        let shown: Vec<&str> = plan.remove.iter().take(4).map(String::as_str).collect();
        let more = plan.remove.len() - shown.len();
        out.push(format!(
            "removed {} made by `fieldguide pdf`, whose publications changed since: {}{}; run `fieldguide pdf` to make them again",
            plural(plan.remove.len()),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    out
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 PDF".into()
    } else {
        format!("{n} PDFs")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_print_page_loads_its_stylesheet_and_images() {
        let html = br##"<link rel="stylesheet" href="../../assets/print.css"><a href="index.html">x</a><img src="images/a%20b.png" alt=""><a href="https://x.org/a.png">y</a><img src="../other/images/c.png?v=1"><a href="#p-intro">z</a>"##;
        assert_eq!(
            refs("en/guide/print.html", html),
            [
                "assets/print.css",
                "en/guide/images/a b.png",
                "en/other/images/c.png"
            ]
        );
    }

    #[test]
    fn unchanged_pdfs_are_kept_and_others_removed() {
        let k = |s: &str| s.repeat(32);
        let previous: Vec<String> = [
            "en/a/a.en.pdf",
            "en/a/manual.pdf",
            "en/b/b.en.pdf",
            "en/c/c.en.pdf",
            "en/d/d.en.pdf",
            "en/a/index.html",
        ]
        .map(String::from)
        .to_vec();
        let printed = BTreeMap::from([
            ("en/a/a.en.pdf".to_string(), k("1")),
            ("en/b/b.en.pdf".to_string(), k("2")),
            ("en/d/d.en.pdf".to_string(), k("4")),
        ]);
        let now = BTreeMap::from([
            ("en/a/a.en.pdf".to_string(), k("1")),
            ("en/b/b.en.pdf".to_string(), k("9")),
            // Made by an older fieldguide, without a key.
            ("en/c/c.en.pdf".to_string(), k("3")),
            ("en/d/d.en.pdf".to_string(), k("4")),
        ]);
        let written = BTreeSet::from(["en/d/d.en.pdf", "en/a/index.html"]);
        let p = plan(previous.iter(), &printed, &now, &written);
        assert_eq!(p.keep, BTreeSet::from(["en/a/a.en.pdf".to_string()]));
        assert_eq!(p.remove, ["en/b/b.en.pdf", "en/c/c.en.pdf"]);
        assert_eq!(
            lines(&p),
            [
                "kept 1 PDF made by `fieldguide pdf` (its publication did not change); pages link to PDFs only after `fieldguide pdf`",
                "removed 2 PDFs made by `fieldguide pdf`, whose publications changed since: en/b/b.en.pdf, en/c/c.en.pdf; run `fieldguide pdf` to make them again"
            ]
        );
    }
}
