//! Translation status, tracked by content: a translation records (in
//! `translation_of:`) a hash of the source it was made from. When the
//! source's title, summary or body changes, the hash no longer matches and the
//! translation is stale.

use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use serde::Serialize;

pub use crate::content::build::{is_stamp, malformed_stamps};
pub use crate::text::{legacy_hash, source_hash, stamp_hash};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The page is in its source language.
    Source,
    UpToDate,
    /// The source changed since the translation was stamped.
    Stale,
    /// A translation with no `translation_of:` hash.
    Untracked,
    Missing,
}

/// The status of `node` in `lang`.
pub fn status(site: &Site, node: NodeId, lang: LangId) -> Status {
    let n = &site.nodes[node];
    if lang == n.source_lang {
        return Status::Source;
    }
    let Some(doc) = n.docs[lang] else {
        return Status::Missing;
    };
    let Some(recorded) = site.doc(doc).fm.translation_of.as_deref() else {
        return Status::Untracked;
    };
    // The source it was stamped against cannot be read (its error is
    // reported): as stamped, not stale against the translation standing in.
    if site.source_unreadable(node) {
        return Status::UpToDate;
    }
    match n.docs[n.source_lang] {
        Some(src) if stamped_against(site, src, recorded) => Status::UpToDate,
        Some(_) => Status::Stale,
        None => Status::Untracked,
    }
}

pub fn current_hash(site: &Site, doc: crate::content::model::DocId) -> &str {
    let d = site.doc(doc);
    d.hash
        .get_or_init(|| stamp_hash(d.title(), d.fm.summary.as_deref(), d.body()))
}

/// Whether stamp `recorded` is source `doc` as it is now: its hash, or the
/// hash stamps recorded before the summary counted (`text::legacy_hash`),
/// so that upgrading fieldguide does not make every translation stale.
pub fn stamped_against(site: &Site, doc: crate::content::model::DocId, recorded: &str) -> bool {
    if current_hash(site, doc) == recorded {
        return true;
    }
    let d = site.doc(doc);
    d.legacy_hash
        .get_or_init(|| legacy_hash(d.title(), d.fm.summary.as_deref(), d.body()))
        .as_deref()
        == Some(recorded)
}

/// Counts for one publication in one language.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Counts {
    pub total: usize,
    pub up_to_date: usize,
    pub stale: usize,
    pub untracked: usize,
    pub missing: usize,
}

impl Counts {
    /// Pages readers get in their language (up to date, stale or untracked).
    pub fn translated(&self) -> usize {
        self.total - self.missing
    }
}

pub fn counts(site: &Site, publication: NodeId, lang: LangId) -> Counts {
    let mut c = Counts::default();
    for &n in &site.reading_order[&publication] {
        c.total += 1;
        match status(site, n, lang) {
            Status::Source | Status::UpToDate => c.up_to_date += 1,
            Status::Stale => c.stale += 1,
            Status::Untracked => c.untracked += 1,
            Status::Missing => c.missing += 1,
        }
    }
    c
}

/// Pages per language, for the summary line.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LanguageSummary {
    pub code: String,
    pub pages: usize,
    pub translated: usize,
    pub fallback: usize,
    /// Translations whose source changed since they were stamped.
    pub stale: Vec<String>,
    /// In a local edition, the stale translations it reads from its base
    /// because it adapted their source: each with the edition's file to
    /// translate the adaptation into (see [`adaptation_to_translate`]).
    pub translate_in_edition: Vec<(String, String)>,
    /// Translations with no `translation_of:` stamp.
    pub untracked: usize,
    /// Files left out because they cannot be read (`broken_links:
    /// warning`): translations, and in the source language its own pages.
    /// `check` fails on them, as `build --strict` does.
    pub with_errors: Vec<String>,
    /// The source language (its `with_errors` are its own pages).
    pub source: bool,
}

impl LanguageSummary {
    /// What to do about the stale translation `file` (one of `stale`).
    pub fn stale_advice(&self, file: &str) -> String {
        match self.translate_in_edition.iter().find(|(f, _)| f == file) {
            Some((_, own)) => adapted_advice(&self.code, own),
            None => "its source changed; review it, then `fieldguide stamp` it".into(),
        }
    }
}

/// When a local edition reads `node`'s translation in `lang` from its base
/// while the source is the edition's own (it adapted that page): the file
/// of the edition to translate the adaptation into. The base's file is the
/// global team's, and `stamp` in the edition refuses it.
pub fn adaptation_to_translate(
    site: &Site,
    node: NodeId,
    lang: LangId,
) -> Option<std::path::PathBuf> {
    let n = &site.nodes[node];
    let from_base = |l: LangId| n.docs[l].map(|d| site.doc(d).file.from_base);
    if from_base(lang)? && !from_base(n.source_lang)? {
        let code = &site.config.languages[lang].code;
        Some(
            std::path::Path::new(crate::content::load::CONTENT_DIR)
                .join(&n.dir)
                .join(format!("{}.{code}.md", n.stem)),
        )
    } else {
        None
    }
}

/// The advice for a base's translation of a page the edition adapted:
/// translate the adaptation in the edition, as `own`.
pub fn adapted_advice(code: &str, own: &str) -> String {
    format!(
        "the global team's translation of a page this edition adapted: translate the adaptation into `{code}` as {own} in this edition (`fieldguide translate export --lang {code}` gives the text, with this translation as the suggestion), then import it"
    )
}

/// Pages per language and their translation status, for the build summary.
pub fn summary(site: &Site) -> Vec<LanguageSummary> {
    let default = site.config.default_index();
    site.config
        .lang_ids()
        .zip(&site.config.languages)
        .map(|(l, lang)| {
            let mut sum = LanguageSummary {
                code: lang.code.clone(),
                pages: site.nodes.len(),
                translated: 0,
                fallback: 0,
                stale: Vec::new(),
                translate_in_edition: Vec::new(),
                untracked: 0,
                source: l == default,
                with_errors: site
                    .broken_translations
                    .iter()
                    .filter(|(bl, _)| *bl == l)
                    .map(|(_, p)| p)
                    .chain(site.broken_sources.iter().filter(|_| l == default))
                    .map(|p| crate::diagnostics::display_path(p))
                    .collect(),
            };
            for (n, node) in site.node_ids().zip(&site.nodes) {
                match status(site, n, l) {
                    Status::Missing => sum.fallback += 1,
                    Status::Stale => {
                        sum.translated += 1;
                        if let Some(d) = node.docs[l] {
                            let file = crate::diagnostics::display_path(&site.doc(d).file.rel);
                            if let Some(own) = adaptation_to_translate(site, n, l) {
                                let own = crate::diagnostics::display_path(&own);
                                sum.translate_in_edition.push((file.clone(), own));
                            }
                            sum.stale.push(file);
                        }
                    }
                    Status::Untracked => {
                        sum.translated += 1;
                        sum.untracked += 1;
                    }
                    Status::Source | Status::UpToDate => sum.translated += 1,
                }
            }
            sum.stale.sort();
            sum.with_errors.sort();
            sum
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_line_endings_and_trailing_space() {
        let a = source_hash("Title", "Line one\nLine two\n");
        assert_eq!(a, source_hash("Title", "Line one  \r\nLine two\t\r\n\r\n"));
        assert_eq!(a, source_hash(" Title ", "Line one\nLine two"));
        assert_ne!(a, source_hash("Title", "Line one\nLine 2\n"));
        assert_ne!(a, source_hash("Other", "Line one\nLine two\n"));
        assert_ne!(a, source_hash("Title", "Line one\n\nLine two\n"));
        assert_eq!(a.len(), 16);
    }
}
