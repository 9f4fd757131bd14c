//! A folder of translations named for its language, as Hugo, Docusaurus
//! and MkDocs lay them out (`content/fr/…`, `docs/fr/…`), copied into
//! `guidance/` as it was: a folder there is a publication, so `guidance/fr/`
//! became a publication called `fr`, its French pages published in every
//! language and marked as written in the default language, without a word.
//! A warning at the folder, with the name one of its pages should have.

use super::model::{NodeKind, Site};
use crate::diagnostics::{Diagnostic, display_path};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    // Each publication named for a language, with the file whose new name
    // the hint gives: one whose source is there, the first by path.
    let mut found: BTreeMap<usize, (bool, &Path, usize)> = BTreeMap::new();
    for (i, doc) in site.docs.iter().enumerate() {
        let publication = site.nodes[doc.node].publication;
        if site.nodes[publication].kind != NodeKind::Publication
            || language(site, &site.nodes[publication].dir).is_none()
        {
            continue;
        }
        let key = (
            source(site, d_key(doc)).is_none(),
            doc.file.rel.as_path(),
            i,
        );
        let best = found.entry(publication.0).or_insert(key);
        if (key.0, key.1) < (best.0, best.1) {
            *best = key;
        }
    }
    for (publication, (_, _, d)) in found {
        diags.push(warning(site, publication, d));
    }
    parts(site, diags);
}

/// A folder named for a language inside a publication
/// (`guidance/handbook/fr/`), as shared drives keep one folder per
/// language: a part called `fr`, its French pages published in every
/// language as if written in the default one. A warning at the folder,
/// with the name its first page should have.
fn parts(site: &Site, diags: &mut Vec<Diagnostic>) {
    // The folder (from `guidance/`), its language, and its first page.
    let mut found: BTreeMap<PathBuf, (&str, &Path, PathBuf)> = BTreeMap::new();
    let default = site.config.languages[site.config.default_index()]
        .code
        .as_str();
    for doc in &site.docs {
        let dirs: Vec<&std::ffi::OsStr> = doc.file.dir.iter().collect();
        let Some((at, code)) = dirs
            .iter()
            .enumerate()
            .skip(1)
            .find_map(|(i, d)| Some((i, language(site, Path::new(d))?)))
        else {
            continue;
        };
        let folder: PathBuf = dirs[..=at].iter().collect();
        let mut renamed: PathBuf = dirs
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != at)
            .map(|(_, d)| d)
            .collect();
        // Docusaurus keeps a translation under
        // `i18n/fr/docusaurus-plugin-content-docs/current/<its source's path>`:
        // beside its source is where that path leads, not the folder
        // without `fr`, which is no page's.
        if !site.by_source.contains_key(&renamed.join(&doc.file.stem)) {
            let inner: PathBuf = dirs[at + 1..].iter().collect();
            if let Some(dir) = source_dir(site, &inner, &doc.file.stem) {
                renamed = dir;
            }
        }
        // A page of the default language needs no suffix.
        renamed.push(match code == default {
            true => format!("{}.md", doc.file.stem),
            false => format!("{}.{code}.md", doc.file.stem),
        });
        let page = (code, doc.file.rel.as_path(), renamed);
        let first = found.entry(folder).or_insert_with(|| page.clone());
        if page.1 < first.1 {
            *first = page;
        }
    }
    let guidance = Path::new(super::load::CONTENT_DIR);
    for (folder, (code, rel, renamed)) in found {
        let folder = guidance.join(folder);
        let (what, goes) = if code == default {
            (
                "the publication's own pages",
                "a page of the default language goes in its publication's folder (or its part's)",
            )
        } else {
            (
                "translations",
                "a translation goes beside its source, with the language in its name",
            )
        };
        diags.push(
            Diagnostic::warning(
                &folder,
                0,
                0,
                format!(
                    "folder `{}` is named like the site's language `{code}`, but a folder in a publication is a part: its pages are published in every language as a part called `{code}`, not as {what}",
                    display_path(&folder),
                ),
            )
            .with_hint(format!(
                "{goes}: `{}` becomes `{}`; if this is a part of its own, give its folder another name",
                display_path(rel),
                display_path(&guidance.join(renamed))
            )),
        );
    }
}

/// The code of the site's language that `folder` is named for (`fr`,
/// `pt_BR` for `pt-BR`, `zh-cn` for `zh-Hans`), any case.
fn language<'s>(site: &'s Site, folder: &Path) -> Option<&'s str> {
    let name = folder.to_string_lossy().replace('_', "-");
    site.config
        .languages
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(&name))
        .map(|l| l.code.as_str())
        // Hugo's `zh-cn/` where the site has `zh-Hans`.
        .or_else(|| super::names::script_alias(&name, &site.config))
}

/// The folder of the source page that a page in a language folder
/// translates, found by the longest end of its path (`inner`, from the
/// language folder down) that is a source page's: `manual/` for
/// `docusaurus-plugin-content-docs/current/manual/index`.
fn source_dir(site: &Site, inner: &Path, stem: &str) -> Option<PathBuf> {
    let parts: Vec<_> = inner.components().collect();
    (0..=parts.len()).find_map(|skip| {
        let dir: PathBuf = parts[skip..].iter().collect();
        site.by_source.contains_key(&dir.join(stem)).then_some(dir)
    })
}

/// `dir/stem` of a page, as `Site::by_source` has it.
fn d_key(doc: &super::model::Doc) -> PathBuf {
    doc.file.dir.join(&doc.file.stem)
}

/// The source of a page in a language folder: the page of the same path
/// without the folder (`fr/pub/01-a` -> `pub/01-a`), or of the longest
/// end of it (Docusaurus's `fr/docusaurus-plugin-content-docs/current/pub/01-a`),
/// if the site has it.
fn source(site: &Site, key: PathBuf) -> Option<PathBuf> {
    let stem = key.file_name()?.to_str()?;
    let dir: PathBuf = key.parent()?.components().skip(1).collect();
    let inner = source_dir(site, &dir, stem)?.join(stem);
    let node = *site.by_source.get(&inner)?;
    (site.nodes[node].publication != site.nodes[*site.by_source.get(&key)?].publication)
        .then_some(inner)
}

fn warning(site: &Site, publication: usize, d: usize) -> Diagnostic {
    let node = &site.nodes[publication];
    let doc = &site.docs[d];
    let code = language(site, &node.dir).unwrap_or_default();
    // `guidance/fr` from `guidance/fr/pub/01-a.md`, whose folder is `fr/pub`.
    let up = doc.file.dir.components().count();
    let folder: PathBuf = doc
        .file
        .rel
        .ancestors()
        .nth(up)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let guidance = folder.parent().unwrap_or(Path::new(""));
    let example = match source(site, d_key(doc)) {
        Some(inner) => format!(
            ": `{}` becomes `{}`",
            display_path(&doc.file.rel),
            display_path(&guidance.join(format!("{}.{code}.md", inner.display())))
        ),
        None => format!(" (`01-intro.{code}.md` beside `01-intro.md`)"),
    };
    Diagnostic::warning(
        &folder,
        0,
        0,
        format!(
            "folder `{}` is named like the site's language `{code}`, but a folder in guidance/ is a publication: its pages are published as a publication called `{}`, in every language, not as translations",
            display_path(&folder),
            node.slug
        ),
    )
    .with_hint(format!(
        "a translation goes beside its source, with the language in its name{example}; if this is a publication of its own, give its folder another name"
    ))
}
