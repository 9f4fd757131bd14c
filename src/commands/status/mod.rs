//! `fieldguide status`: which translations are up to date, stale, missing or
//! untracked, per language and publication, and which interface strings
//! each language lacks. A translation whose file is there but has errors
//! (its front matter fails, it is not UTF-8) is shown as such, with its
//! messages, never as missing: it is to be fixed, not translated again.

use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, Verbosity, print_diagnostics};
use crate::adaptation::{AdriftReport, Overdue, OverrideReport, dates::Date};
use crate::config::LangId;
use crate::content::model::{NodeId, Reason, Site};
use crate::diagnostics::{Diagnostic, Severity, display_path};
use crate::pipeline::{self, Options};
use crate::translate::history::History;
use crate::translate::units::{self, SegmentCounts};
use crate::translation::{self, Counts, Status};
use serde::Serialize;

mod text;
use std::collections::HashSet;
use text::text;

/// A page's state in one language, as `status` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum State {
    Stale,
    Untracked,
    Missing,
    /// The translation's file is there, marked `draft: true`: published
    /// once that goes.
    Draft,
    /// The translation's file is there, but has errors: the build fails
    /// on it until they are fixed.
    Error,
}

#[derive(Serialize)]
struct Report {
    languages: Vec<LanguageReport>,
    /// A local edition's pages whose base changed since they were adapted,
    /// or that never recorded which version they adapt.
    overrides: Vec<OverrideReport>,
    /// A local edition's pages that say they adapt a base page the base
    /// no longer has (renamed or removed).
    adapted_base_gone: Vec<AdriftReport>,
    /// Local values never verified, or verified longer ago than `review_every`.
    values_to_check: Vec<Overdue>,
}

#[derive(Serialize)]
struct LanguageReport {
    code: String,
    name: String,
    publications: Vec<PublicationReport>,
    /// Pages to look at: stale, missing and untracked, with their files.
    pages: Vec<PageReport>,
    /// Translations whose source is gone: never published, never a source.
    orphaned: Vec<OrphanReport>,
    missing_strings: Vec<String>,
}

#[derive(Serialize)]
struct OrphanReport {
    file: String,
    /// The source under another name that looks like this file's own.
    looks_like: Option<String>,
    /// The name the file should have to translate it.
    rename_to: Option<String>,
}

/// The orphaned translations in language `l`.
fn orphans(site: &Site, l: LangId) -> Vec<OrphanReport> {
    let code = &site.config.languages[l].code;
    site.left_out
        .iter()
        .filter(|o| o.lang == l)
        .filter_map(|o| match &o.reason {
            Reason::Orphan { renamed } => Some(OrphanReport {
                file: display_path(&o.file),
                looks_like: renamed.as_ref().map(|(p, _)| display_path(p)),
                rename_to: renamed.as_ref().map(|(p, _)| {
                    let name = p.file_stem().and_then(|n| n.to_str()).unwrap_or("");
                    let stem = crate::content::load::split_lang(name, &site.config)
                        .map_or(name, |(s, _)| s);
                    display_path(&crate::content::orphans::renamed_translation(
                        &site.config,
                        p,
                        stem,
                        code,
                        &o.file,
                    ))
                }),
            }),
            Reason::Draft { .. } => None,
        })
        .collect()
}

#[derive(Serialize)]
struct PublicationReport {
    publication: String,
    #[serde(flatten)]
    counts: Counts,
    /// Translations whose file has errors (not counted in `counts`' others).
    error: usize,
    /// Translations marked `draft: true` (counted here, not as missing).
    draft: usize,
}

#[derive(Serialize)]
struct PageReport {
    status: State,
    /// The translation (for a missing page: the file to create).
    file: String,
    source: String,
    /// The page's blocks: translated, changed since translated, missing.
    segments: Option<SegmentCounts>,
    /// In a local edition, for a stale translation read from the base
    /// because the edition adapted its source: the edition's file to
    /// translate the adaptation into (the base's is not the edition's to
    /// stamp).
    #[serde(skip_serializing_if = "Option::is_none")]
    translate_in_edition: Option<String>,
}

/// The file of `node`'s translation in language `l`: the one read, else
/// the one to create (in the site's own folder, even when a local edition
/// shows its base's page).
fn own_file(site: &Site, node: NodeId, l: LangId) -> std::path::PathBuf {
    let n = &site.nodes[node];
    std::path::Path::new(crate::content::load::CONTENT_DIR)
        .join(&n.dir)
        .join(format!("{}.{}.md", n.stem, site.config.languages[l].code))
}

/// The files left out as drafts: language and page (`dir/stem`).
fn drafts(site: &Site) -> HashSet<(LangId, &std::path::Path)> {
    site.left_out
        .iter()
        .filter(|o| matches!(o.reason, Reason::Draft { .. }))
        .map(|o| (o.lang, o.key.as_path()))
        .collect()
}

/// Whether `node`'s translation in `l` is a file with errors: `broken`
/// holds the files that errors were reported in.
fn has_errors(site: &Site, node: NodeId, l: LangId, broken: &HashSet<String>) -> bool {
    let read = site.nodes[node].docs[l].map(|d| display_path(&site.doc(d).file.rel));
    read.into_iter()
        .chain([display_path(&own_file(site, node, l))])
        .any(|f| broken.contains(&f))
}

/// For a stale translation a local edition reads from its base because it
/// adapted the source: the edition's file to translate the adaptation into.
fn edition_file(site: &Site, node: NodeId, l: LangId, state: State) -> Option<String> {
    (state == State::Stale)
        .then(|| translation::adaptation_to_translate(site, node, l))
        .flatten()
        .map(|f| display_path(&f))
}

fn report(
    site: &Site,
    i18n: &crate::i18n::I18n,
    only: Option<LangId>,
    history: &History,
    today: Date,
    broken: &HashSet<String>,
) -> Report {
    let draft_pages = drafts(site);
    let mut languages = Vec::new();
    for (l, lang) in site.config.lang_ids().zip(&site.config.languages) {
        if only.is_some_and(|o| o != l) {
            continue;
        }
        let mut publications = Vec::new();
        let mut pages = Vec::new();
        for &p in &site.publications {
            let mut counts = translation::counts(site, p, l);
            let mut error = 0;
            let mut drafts = 0;
            for &n in &site.reading_order[&p] {
                let status = translation::status(site, n, l);
                let broken = status != Status::Source && has_errors(site, n, l, broken);
                if broken {
                    // Counted as its own state, not as what the model saw.
                    error += 1;
                    let c = &mut counts;
                    match status {
                        Status::UpToDate => c.up_to_date -= 1,
                        Status::Stale => c.stale -= 1,
                        Status::Untracked => c.untracked -= 1,
                        Status::Missing => c.missing -= 1,
                        Status::Source => {}
                    }
                }
                let node = &site.nodes[n];
                let draft = !broken
                    && status == Status::Missing
                    && draft_pages.contains(&(l, node.dir.join(&node.stem).as_path()));
                if draft {
                    drafts += 1;
                    counts.missing -= 1;
                }
                let state = match status {
                    _ if broken => State::Error,
                    _ if draft => State::Draft,
                    Status::Source | Status::UpToDate => continue,
                    Status::Stale => State::Stale,
                    Status::Untracked => State::Untracked,
                    Status::Missing => State::Missing,
                };
                let node = &site.nodes[n];
                let Some(src) = node.docs[node.source_lang] else {
                    continue;
                };
                let source = site.doc(src).file.rel.clone();
                // A missing translation is written in the site's own folder,
                // even when a local edition shows its base's page; a file
                // with errors is named where the errors are.
                let file = match node.docs[l] {
                    Some(d) if !(broken && site.doc(d).file.from_base) => {
                        site.doc(d).file.rel.clone()
                    }
                    _ => own_file(site, n, l),
                };
                pages.push(PageReport {
                    status: state,
                    file: display_path(&file),
                    source: display_path(&source),
                    // A draft's blocks are not read (it is left out).
                    segments: (!broken && !draft)
                        .then(|| units::page(site, n, l, history).map(|p| p.counts()))
                        .flatten(),
                    translate_in_edition: edition_file(site, n, l, state),
                });
            }
            publications.push(PublicationReport {
                publication: site.nodes[p].slug.clone(),
                counts,
                error,
                draft: drafts,
            });
        }
        languages.push(LanguageReport {
            code: lang.code.clone(),
            name: lang.name.clone(),
            publications,
            pages,
            orphaned: orphans(site, l),
            missing_strings: i18n.missing(l),
        });
    }
    Report {
        languages,
        overrides: crate::adaptation::overrides(site),
        adapted_base_gone: crate::adaptation::adrift(site),
        values_to_check: crate::adaptation::overdue(site, today),
    }
}

pub fn status(
    opts: &Options,
    lang: Option<&str>,
    json: bool,
    verbosity: Verbosity,
    today: Option<&str>,
) -> i32 {
    let today = match today.map(|t| (t, Date::parse(t))) {
        None => Date::today(),
        Some((_, Some(d))) => d,
        Some((t, None)) => {
            crate::errln!("error: `--today {t}` is not a date written YYYY-MM-DD");
            return EXIT_USAGE;
        }
    };
    let m = match pipeline::model(opts) {
        Ok(m) => m,
        Err(f) => {
            print_diagnostics(&opts.source, &f.diagnostics, verbosity);
            return EXIT_FAILED;
        }
    };
    let only = match lang.map(|code| (code, m.site.config.language_spelled(code))) {
        None => None,
        Some((_, Some(l))) => Some(l),
        Some((code, None)) => {
            crate::errln!(
                "error: `--lang {code}` is not one of the site's languages ({})",
                m.site.config.codes().join(", ")
            );
            return EXIT_USAGE;
        }
    };
    let (shown, broken) = messages(&m.site, &m.diagnostics, only);
    print_diagnostics(&opts.source, &shown, verbosity);
    let r = report(
        &m.site,
        &m.i18n,
        only,
        &History::new(&opts.source),
        today,
        &broken,
    );
    if json {
        crate::outln!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    } else {
        crate::out!("{}", text(&r));
    }
    let behind = r
        .languages
        .iter()
        .flat_map(|l| &l.pages)
        // A draft translation is not what readers get yet.
        .any(|p| {
            matches!(
                p.status,
                State::Stale | State::Missing | State::Draft | State::Error
            )
        })
        || r.overrides.iter().any(|o| o.state == "changed")
        || !r.adapted_base_gone.is_empty()
        || !r.values_to_check.is_empty();
    // A translation or source page with errors fails the site even when
    // `broken_links: warning` made its messages warnings (the build leaves
    // it out).
    let failed = shown.iter().any(|d| d.severity == Severity::Error)
        || !m.site.broken_sources.is_empty()
        || r.languages
            .iter()
            .flat_map(|l| &l.pages)
            .any(|p| p.status == State::Error);
    if failed || (opts.strict && behind) {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

/// What `status` prints before its report, as `build` would: every error
/// found reading the site, every message about a file that has errors (the
/// hint that names the fix is often a warning: an unknown key `titel`),
/// and stamps fieldguide did not write (in language `only`, if given).
/// Also the files with errors.
fn messages(
    site: &Site,
    diags: &[Diagnostic],
    only: Option<LangId>,
) -> (Vec<Diagnostic>, HashSet<String>) {
    // Files with errors; on a site published with known defects, the
    // translations and source pages left out for theirs (reported as
    // warnings).
    let broken: HashSet<String> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| display_path(&d.path))
        .chain(
            site.broken_translations
                .iter()
                .map(|(_, p)| display_path(p)),
        )
        .chain(site.broken_sources.iter().map(|p| display_path(p)))
        .collect();
    // Among the model's messages too: said once, and only for `only`.
    let stamps: Vec<Diagnostic> = translation::malformed_stamps(site)
        .into_iter()
        .filter(|(l, _)| only.is_none_or(|o| o == *l))
        .map(|(_, d)| d)
        .collect();
    let mut shown: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error || broken.contains(&display_path(&d.path)))
        .filter(|d| !stamps.contains(d))
        .cloned()
        .collect();
    shown.extend(stamps);
    (crate::diagnostics::sorted(shown), broken)
}
