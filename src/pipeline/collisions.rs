//! Files the build would publish at one path, or at paths that are one
//! file on Windows and macOS: naming clashes the author must fix, said at
//! the site's files to rename.

use super::emit::Entry;
use crate::config::LangId;
use crate::content::model::Site;
use crate::diagnostics::Diagnostic;

/// Two files written to one path is a naming clash the author must fix; so
/// are two paths that differ only by case or Unicode normalisation, which
/// are one file on Windows and macOS (and on the USB sticks readers use).
pub fn check(site: &Site, files: &[Entry]) -> Result<(), Vec<Diagnostic>> {
    let mut paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    paths.sort_unstable();
    let mut clashes: Vec<Diagnostic> = paths
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| clash(site, w[0]))
        .collect();
    paths.dedup();
    let mut by_key: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for p in &paths {
        by_key
            .entry(crate::content::file_types::portable_key(p))
            .or_default()
            .push(p);
    }
    // The same pair in every language's folder is one problem, said once.
    let below_top = |p: &str| p.split_once('/').map_or(p, |(_, rest)| rest).to_string();
    let mut said: std::collections::BTreeMap<(String, String), (usize, &str, &str)> =
        Default::default();
    for group in by_key.values().filter(|g| g.len() > 1) {
        said.entry((below_top(group[0]), below_top(group[1])))
            .and_modify(|(n, ..)| *n += 1)
            .or_insert((1, group[0], group[1]));
    }
    for (n, a, b) in said.into_values() {
        let also = match n {
            1 => String::new(),
            2 => " (and the same in 1 other folder)".to_string(),
            n => format!(" (and the same in {} other folders)", n - 1),
        };
        let message = format!(
            "`{a}` and `{b}` differ only by case or Unicode normalisation: on Windows and macOS they would be one file{also}"
        );
        // Said at the files to rename, when they are the site's own.
        let d = match (source_of(site, a), source_of(site, b)) {
            (Some(sa), Some(sb)) => {
                Diagnostic::error(&sb, 0, 0, message).with_hint(format!("rename `{sa}` or `{sb}`"))
            }
            _ => Diagnostic::error(b, 0, 0, message)
                .with_hint("rename one of the files they come from (under guidance/ or static/)"),
        };
        clashes.push(d);
    }
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(clashes)
    }
}

/// The site file published at `out`: from `static/`, or a file beside the
/// pages in `guidance/` (`en/pub/images/a.png`); `None` for a page.
fn source_of(site: &Site, out: &str) -> Option<String> {
    sources_of(site, out).into_iter().next()
}

/// Every site file published at `out`: from `static/`, then from
/// `guidance/`.
fn sources_of(site: &Site, out: &str) -> Vec<String> {
    let mut found = Vec::new();
    if site.static_files.contains(out) {
        found.push(format!("static/{out}"));
    }
    found.extend(guidance_file(site, out));
    found
}

fn guidance_file(site: &Site, out: &str) -> Option<String> {
    let (code, rest) = out.split_once('/')?;
    let lang = site.config.languages.iter().position(|l| l.code == code)?;
    let asset = site.assets.iter().find(|a| a.out == rest)?;
    let src = asset.source_for(LangId(lang))?;
    Some(format!(
        "{}/{}",
        crate::content::load::CONTENT_DIR,
        crate::diagnostics::display_path(src)
    ))
}

/// Two files emitted to `out`: said at the site's files that go there
/// when it has two, else at the one that takes a name the build writes
/// itself, else (two files the build makes) at `out`.
fn clash(site: &Site, out: &str) -> Diagnostic {
    match &sources_of(site, out)[..] {
        [a, b, ..] => Diagnostic::error(
            a,
            0,
            0,
            format!("`{a}` and `{b}` would both be published as `{out}`"),
        )
        .with_hint("rename or remove one of them"),
        [a] => Diagnostic::error(
            a,
            0,
            0,
            format!("`{a}` would be published as `{out}`, which the build writes itself (a page, the theme's files, the search index or the zips)"),
        )
        .with_hint("rename it, or move it to another folder"),
        [] => super::emit::clash(out),
    }
}
