//! `fieldguide status`: which translations are up to date, stale, missing or
//! untracked, per language and publication, and which interface strings
//! each language lacks.

use super::{EXIT_FAILED, EXIT_OK, Verbosity, print_diagnostics};
use crate::adaptation::{Overdue, OverrideReport, dates::Date};
use crate::content::model::{Reason, Site};
use crate::diagnostics::display_path;
use crate::pipeline::{self, Options};
use crate::translate::history::History;
use crate::translate::units::{self, SegmentCounts};
use crate::translation::{self, Counts, Status};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Serialize)]
struct Report {
    languages: Vec<LanguageReport>,
    /// A local edition's pages whose base changed since they were adapted,
    /// or that never recorded which version they adapt.
    overrides: Vec<OverrideReport>,
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
fn orphans(site: &Site, l: usize) -> Vec<OrphanReport> {
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
                    display_path(&p.with_file_name(format!("{stem}.{code}.md")))
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
}

#[derive(Serialize)]
struct PageReport {
    status: Status,
    /// The translation (for a missing page: the file to create).
    file: String,
    source: String,
    /// The page's blocks: translated, changed since translated, missing.
    segments: Option<SegmentCounts>,
}

fn report(
    site: &Site,
    i18n: &crate::i18n::I18n,
    only: Option<&str>,
    history: &History,
    today: Date,
) -> Report {
    let mut languages = Vec::new();
    for (l, lang) in site.config.languages.iter().enumerate() {
        if only.is_some_and(|o| o != lang.code) {
            continue;
        }
        let mut publications = Vec::new();
        let mut pages = Vec::new();
        for &p in &site.publications {
            publications.push(PublicationReport {
                publication: site.nodes[p].slug.clone(),
                counts: translation::counts(site, p, l),
            });
            for &n in &site.reading_order[&p] {
                let status = translation::status(site, n, l);
                if matches!(status, Status::Source | Status::UpToDate) {
                    continue;
                }
                let node = &site.nodes[n];
                let Some(src) = node.docs[node.source_lang] else {
                    continue;
                };
                let source = site.doc(src).file.rel.clone();
                // A missing translation is written in the site's own folder,
                // even when a local edition shows its base's page.
                let file = match node.docs[l] {
                    Some(d) => site.doc(d).file.rel.clone(),
                    None => std::path::Path::new(crate::content::load::CONTENT_DIR)
                        .join(&node.dir)
                        .join(format!("{}.{}.md", node.stem, lang.code)),
                };
                pages.push(PageReport {
                    status,
                    file: display_path(&file),
                    source: display_path(&source),
                    segments: units::page(site, n, l, history).map(|p| p.counts()),
                });
            }
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
        values_to_check: crate::adaptation::overdue(site, today),
    }
}

fn text(r: &Report) -> String {
    let mut out = String::new();
    for lang in &r.languages {
        let _ = writeln!(out, "{} ({})", lang.code, lang.name);
        for p in &lang.publications {
            let c = &p.counts;
            let mut parts = vec![format!("{} up to date", c.up_to_date)];
            for (n, what) in [
                (c.stale, "stale"),
                (c.untracked, "untracked"),
                (c.missing, "missing"),
            ] {
                if n > 0 {
                    parts.push(format!("{n} {what}"));
                }
            }
            let _ = writeln!(
                out,
                "  {:<32} {:>3} pages: {}",
                p.publication,
                c.total,
                parts.join(", ")
            );
        }
        for page in &lang.pages {
            let what = match page.status {
                Status::Stale => "stale:    ",
                Status::Missing => "missing:  ",
                _ => "untracked:",
            };
            let segments = page.segments.map_or(String::new(), |c| {
                format!(
                    "  segments: {} translated, {} changed, {} missing",
                    c.translated, c.changed, c.missing
                )
            });
            let _ = writeln!(
                out,
                "    {what} {}  (source: {}){segments}",
                page.file, page.source
            );
        }
        for o in &lang.orphaned {
            let what = match (&o.looks_like, &o.rename_to) {
                (Some(src), Some(to)) => {
                    format!("its source is gone; it looks like {src}, renamed: rename it to {to}")
                }
                _ => "its source is gone".to_string(),
            };
            let _ = writeln!(out, "    orphaned:  {}  ({what}; not published)", o.file);
        }
        if !lang.missing_strings.is_empty() {
            let _ = writeln!(
                out,
                "  interface strings missing: {}",
                lang.missing_strings.join(", ")
            );
        }
    }
    if !r.overrides.is_empty() {
        let _ = writeln!(out, "adapted pages to review");
        for line in super::build::override_lines(&r.overrides) {
            let _ = writeln!(out, "  {line}");
        }
    }
    if !r.values_to_check.is_empty() {
        let _ = writeln!(out, "local values to check again");
        for v in &r.values_to_check {
            let when = match (&v.verified, &v.due) {
                (Some(verified), Some(due)) => format!("verified {verified}, due {due}"),
                _ => "never verified (add `verified: YYYY-MM-DD`)".to_string(),
            };
            let _ = writeln!(out, "  {:<20} {when}  ({})", v.name, v.at);
        }
    }
    out
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
            eprintln!("error: `--today {t}` is not a date written YYYY-MM-DD");
            return EXIT_FAILED;
        }
    };
    let m = match pipeline::model(opts) {
        Ok(m) => m,
        Err(f) => {
            print_diagnostics(&opts.source, &f.diagnostics, verbosity);
            return EXIT_FAILED;
        }
    };
    if let Some(code) = lang
        && m.site.config.language(code).is_none()
    {
        eprintln!("error: `{code}` is not one of the site's languages");
        return EXIT_FAILED;
    }
    let r = report(&m.site, &m.i18n, lang, &History::new(&opts.source), today);
    if json {
        println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    } else {
        print!("{}", text(&r));
    }
    let behind = r
        .languages
        .iter()
        .flat_map(|l| &l.pages)
        .any(|p| matches!(p.status, Status::Stale | Status::Missing))
        || r.overrides.iter().any(|o| o.state == "changed")
        || !r.values_to_check.is_empty();
    if opts.strict && behind {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}
