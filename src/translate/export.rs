//! `translate export`: one file per publication for one language, with
//! every segment of every page in reading order (or, with `only_changed`,
//! just those that need work).

use super::catalog::{Format, Header, Outgoing, fingerprint};
use super::history::History;
use super::units::{self, PageUnits, SegmentCounts, State};
use crate::config::Direction;
use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use crate::diagnostics::{Diagnostic, display_path};
use std::collections::HashSet;
use std::path::Path;

pub struct Options {
    pub lang: LangId,
    pub format: Format,
    pub only_changed: bool,
    /// One file per part of each publication (see `split`).
    pub by_part: bool,
}

/// One publication's export, ready to write.
pub struct Exported {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// What the file holds.
    pub counts: SegmentCounts,
    /// Pages whose translation cannot be read (see `unreadable`).
    pub warnings: Vec<Diagnostic>,
}

/// The file of `format` holding `outgoing`.
fn file_bytes(format: Format, h: &Header, outgoing: &[Outgoing]) -> Result<Vec<u8>, String> {
    Ok(match format {
        Format::Po => super::po::write(h, outgoing),
        Format::Xliff => super::xliff::write(h, outgoing),
        Format::Xliff2 => super::xliff::write_2(h, outgoing),
        Format::Xlsx => super::xlsx::write(h, outgoing)
            .map_err(|e| format!("cannot make the spreadsheet: {e}"))?,
    })
}

/// The warning for an export larger than `translate import` reads: said
/// when it is made, not after the translators' work.
fn too_large_to_import(dir: &Path, publication: &str, len: usize) -> Option<Diagnostic> {
    let limit = super::MAX_FILE_BYTES;
    (len as u64 > limit).then(|| {
        Diagnostic::warning(
            dir,
            0,
            0,
            format!(
                "the export file `{publication}` is {:.1} MB: `translate import` reads translators' files of up to {} MB, so this one cannot come back as it is",
                len as f64 / (1024.0 * 1024.0),
                super::megabytes(limit)
            ),
        )
        .with_hint("an export is cut between pages to stay within that size, so this file holds one page larger than that: split the page into smaller chapters")
    })
}

/// A page whose text for translators holds a web address wrapped by a
/// click tracker (`address::tracked`): the build publishes the address
/// inside, but the file goes to translators, often outside the team, as
/// the source is written, and a Safe Link names the mailbox it was sent
/// to. Said once per page, at the first.
fn wrapped_address(page: &super::units::PageUnits, outgoing: &[Outgoing]) -> Option<Diagnostic> {
    let (line, (_, who, inner)) = outgoing.iter().find_map(|o| {
        let found = crate::address::first_tracked(&o.unit.source)
            .or_else(|| crate::address::first_tracked(&o.unit.translation))?;
        Some((o.unit.source_line, found))
    })?;
    Some(
        Diagnostic::warning(
            &page.source_rel,
            line,
            1,
            format!("the text sent to translators holds a web address that goes through {who}"),
        )
        .with_hint(format!(
            "write the address itself in the page, `{inner}`, and export again: the file goes to its translators as the page is written (`fieldguide build` names each such address)"
        )),
    )
}

/// What a file holds, by state.
fn counts_of(outgoing: &[Outgoing]) -> SegmentCounts {
    let mut counts = SegmentCounts::default();
    for o in outgoing {
        match o.unit.state {
            State::Translated => counts.translated += 1,
            State::Fuzzy => counts.changed += 1,
            State::Untranslated => counts.missing += 1,
        }
    }
    counts
}

/// Every page of a publication, as units, in reading order.
pub fn publication_units(
    site: &Site,
    publication: NodeId,
    lang: LangId,
    history: &History,
) -> Vec<PageUnits> {
    site.reading_order[&publication]
        .iter()
        .filter_map(|&n| units::page(site, n, lang, history))
        .collect()
}

/// The folder name that identifies a publication in exported files.
pub fn publication_name(site: &Site, publication: NodeId) -> String {
    display_path(&site.nodes[publication].dir)
}

/// The name of the file holding `share`. A folder named `Referral:
/// Guide?` is read (and said to be renamed): translators, often on
/// Windows, get a file they can save. Its header names the publication.
fn file_name(share: &str, format: Format) -> String {
    let name = crate::content::windows_names::portable_file_name(share);
    format!("{name}.{}", format.extension())
}

pub fn header(site: &Site, publication: NodeId, lang: LangId) -> Header {
    let l = &site.config.languages;
    let src = site.nodes[publication].source_lang;
    Header {
        publication: publication_name(site, publication),
        source_lang: l[src].code.clone(),
        lang: l[lang].code.clone(),
        source_rtl: l[src].dir == Direction::Rtl,
        lang_rtl: l[lang].dir == Direction::Rtl,
        ..Header::default()
    }
}

pub fn export(site: &Site, root: &Path, opts: &Options) -> Result<Vec<Exported>, Vec<Diagnostic>> {
    let history = History::new(root);
    let kept = super::pending::load(root, &site.config.languages[opts.lang].code);
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for &p in &site.publications {
        let mut pages = publication_units(site, p, opts.lang, &history);
        // What each block's file records as exported: the site's
        // translation, before a kept suggestion takes its place.
        let exported: Vec<Vec<String>> = pages
            .iter()
            .map(|page| {
                page.units
                    .iter()
                    .map(|u| fingerprint(&u.translation))
                    .collect()
            })
            .collect();
        let name = publication_name(site, p);
        for page in &mut pages {
            super::pending::offer(&kept, &name, page);
        }
        super::moved::offer(&kept, &name, &mut pages);
        let mut seen = HashSet::new();
        let mut too_long = false;
        let mut grouped = Vec::new();
        let mut warnings: Vec<Diagnostic> = pages
            .iter()
            .filter_map(|p| p.unreadable.as_ref())
            .map(super::unreadable::export_warning)
            .collect();
        for (page, exported) in pages.iter().zip(&exported) {
            let mut outgoing = Vec::new();
            for (u, exported) in page.units.iter().zip(exported) {
                if !seen.insert(u.key.as_str()) {
                    problems.push(
                        Diagnostic::error(&page.source_rel, u.source_line, 1, format!("two segments have the same key `{}`", u.key))
                            .with_hint("rename one of the pages or give its headings explicit ids ({#id}) so that every block has its own place"),
                    );
                }
                if opts.only_changed && u.state == State::Translated {
                    continue;
                }
                if let Some(why) = (opts.format == Format::Xlsx)
                    .then(|| super::xlsx::too_long(u))
                    .flatten()
                {
                    too_long = true;
                    problems.push(
                        Diagnostic::error(&page.source_rel, u.source_line, 1, format!("cannot make the spreadsheet: the segment `{}` {why}", u.key))
                            .with_hint("export this publication as PO or XLIFF (--format po, --format xliff), which have no such limit, or split the block in the source"),
                    );
                }
                outgoing.push(Outgoing {
                    unit: u,
                    reference: format!("{}:{}", display_path(&page.source_rel), u.source_line),
                    exported: exported.clone(),
                });
            }
            warnings.extend(wrapped_address(page, &outgoing));
            grouped.push((page.page.clone(), outgoing));
        }
        if too_long {
            continue;
        }
        let h = header(site, p, opts.lang);
        let write = |o: &[Outgoing]| file_bytes(opts.format, &h, o);
        let files = super::split::Files {
            write: &write,
            limit: super::MAX_FILE_BYTES as usize,
            holds_texts: opts.format != Format::Xlsx,
        };
        let shares = match super::split::shares(&h.publication, grouped, opts.by_part, &files) {
            Ok(s) => s,
            Err(e) => {
                problems.push(Diagnostic::error(&site.nodes[p].dir, 0, 0, e));
                continue;
            }
        };
        for share in shares {
            // Only a page larger than import reads is still too large.
            warnings.extend(too_large_to_import(
                &site.nodes[p].dir,
                &share.name,
                share.bytes.len(),
            ));
            out.push(Exported {
                file_name: file_name(&share.name, opts.format),
                counts: counts_of(&share.outgoing),
                bytes: share.bytes,
                warnings: std::mem::take(&mut warnings),
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_larger_than_import_reads_is_warned_about() {
        let dir = Path::new("guidance/big");
        let limit = super::super::MAX_FILE_BYTES as usize;
        assert!(too_large_to_import(dir, "big", limit).is_none());
        let d = too_large_to_import(dir, "big", 171 * 1024 * 1024 + 1).unwrap();
        assert_eq!(d.path, dir);
        assert!(
            d.message.contains("the export file `big` is 171.0 MB")
                && d.message
                    .contains("up to 16 MB, so this one cannot come back"),
            "{}",
            d.message
        );
        assert!(d.hint.as_deref().unwrap_or("").contains("one page larger"));
    }
}
