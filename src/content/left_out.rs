//! Files the build leaves out, decided before the tree is built:
//!
//! - drafts: `draft: true` on a page in the default language leaves the
//!   page out in every language; on a publication's or part's index, the
//!   whole folder; on a translation, that translation only (its readers get
//!   the source, as for any untranslated page). `--drafts` keeps them all.
//! - orphaned translations, whose source is gone (see `orphans`).

use super::load::SourceFile;
use super::model::{LeftOut, Reason};
use super::orphans::{Parsed, key, orphans, url_of};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Which files to leave out (`true` at their index), and why.
pub(super) fn decide(
    docs: &[Parsed],
    config: &Config,
    failed: &HashSet<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<bool>, Vec<LeftOut>) {
    let mut skip = vec![false; docs.len()];
    let mut out = Vec::new();
    if !config.drafts {
        drafts(docs, config, &mut skip, &mut out);
    }
    for (i, reason) in orphans(docs, config, failed, &skip, diags) {
        skip[i] = true;
        out.push(left_out(&docs[i].0, reason));
    }
    (skip, out)
}

fn left_out(f: &SourceFile, reason: Reason) -> LeftOut {
    LeftOut {
        file: f.rel.clone(),
        key: key(f),
        lang: f.lang,
        reason,
        url: url_of(&f.dir, &f.stem),
    }
}

fn drafts(docs: &[Parsed], config: &Config, skip: &mut [bool], out: &mut Vec<LeftOut>) {
    let default = config.default_index();
    let source_draft = |(f, fm, ..): &&Parsed| f.lang == default && fm.draft;
    // Folder -> its index that says `draft: true`; page -> its file that does.
    let dirs: BTreeMap<&Path, &Path> = docs
        .iter()
        .filter(source_draft)
        .filter(|(f, ..)| f.stem == "index")
        .map(|(f, ..)| (f.dir.as_path(), f.rel.as_path()))
        .collect();
    let pages: BTreeMap<PathBuf, &Path> = docs
        .iter()
        .filter(source_draft)
        .map(|d| (key(&d.0), d.0.rel.as_path()))
        .collect();
    for (i, (f, fm, ..)) in docs.iter().enumerate() {
        let marked = f
            .dir
            .ancestors()
            .find_map(|a| dirs.get(a))
            .or_else(|| pages.get(&key(f)))
            .copied()
            .or(fm.draft.then_some(f.rel.as_path()));
        if let Some(marked) = marked {
            skip[i] = true;
            let marked = marked.to_path_buf();
            out.push(left_out(f, Reason::Draft { marked }));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::content::build::en_fr as site;

    const INDEX: (&str, &str) = ("pub/index.en.md", "---\ntitle: Pub\n---\n");

    #[test]
    fn hugo_index_files_are_read_as_the_folder_index() {
        let (s, d) = site(
            &[
                ("pub/_index.md", "---\ntitle: Pub\nkind: checklist\n---\n"),
                ("pub/part/_index.fr.md", "---\ntitle: Partie\n---\n"),
                ("pub/part/index.fr.md", "---\ntitle: Partie\n---\n"),
                ("pub/part/index.en.md", "---\ntitle: Part\n---\n"),
                ("pub/part/01-a.en.md", "---\ntitle: A\n---\n"),
            ],
            false,
        );
        assert_eq!(
            d,
            [
                "guidance/pub/_index.md: warning: `_index.md` is Hugo's name for a folder's own page: read as this folder's index",
                "guidance/pub/part/_index.fr.md: warning: Hugo's `_index.md` beside this folder's own page (`index.fr.md`): this file is left out",
            ]
        );
        let p = s.publications[0];
        assert_eq!(s.title(p, crate::config::LangId(0)), "Pub");
        assert_eq!(
            s.publication_kind(p),
            crate::content::front_matter::Kind::Checklist
        );
        assert_eq!(s.nodes.len(), 3, "no `_index` page");
    }

    #[test]
    fn drafts_are_left_out_unless_asked_for() {
        let files = [
            INDEX,
            ("pub/01-a.en.md", "---\ntitle: A\ndraft: true\n---\n"),
            ("pub/01-a.fr.md", "---\ntitle: A fr\n---\n"),
            ("pub/02-b.en.md", "---\ntitle: B\n---\n"),
            ("pub/02-b.fr.md", "---\ntitle: B fr\ndraft: true\n---\n"),
            ("next/index.en.md", "---\ntitle: Next\ndraft: true\n---\n"),
            ("next/01-c.en.md", "---\ntitle: C\n---\n"),
        ];
        let (s, d) = site(&files, false);
        assert!(d.is_empty(), "{d:?}");
        let urls: Vec<(&str, usize)> = s
            .left_out
            .iter()
            .map(|l| (l.url.as_str(), l.lang.0))
            .collect();
        assert_eq!(
            urls,
            [
                ("pub/a.html", 0),
                ("pub/a.html", 1),
                ("pub/b.html", 1),
                ("next/", 0),
                ("next/c.html", 0)
            ]
        );
        assert_eq!(s.publications.len(), 1);
        let b = s.by_source[std::path::Path::new("pub/02-b")];
        assert!(
            s.nodes[b].docs[1].is_none(),
            "the draft translation falls back"
        );
        let (s, _) = site(&files, true);
        assert!(s.left_out.is_empty());
        assert_eq!(s.publications.len(), 2);
    }
}
