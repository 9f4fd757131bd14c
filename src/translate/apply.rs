//! One page of a `translate import`: the entries the files give it,
//! checked against its source, then the page written when complete.

use super::assemble::{Job, assemble, normalise, placed, same_source};
use super::catalog::{Incoming, Routed, fingerprint, is_fingerprint_of};
use super::history;
use super::pending::{self, Suggestion};
use super::report::Report;
use super::units::{PageUnits, State, Unit};
use super::{anchors, bidi, fields, files, segments::Kind, validate};
use crate::config::LangId;
use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, display_path};
use crate::translation::{current_hash, stamped_against};
use std::collections::HashMap;
use std::path::Path;

/// Whether a translation is its source as it stands, in a block of prose:
/// three words or more with letters (a name, a number or a code block may
/// well stay as it is).
fn copied_source(source: &str, translation: &str) -> bool {
    let words = source
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words >= 3 && source.split_whitespace().eq(translation.split_whitespace())
}

fn place(e: &Incoming) -> String {
    format!("{}: ", e.place)
}

/// Whether the file gives the translation as it was exported (the
/// translator did not touch it), by the record export made.
fn untouched(e: &Incoming) -> bool {
    e.exported
        .as_deref()
        .is_some_and(|h| is_fingerprint_of(h, &e.translation))
}

/// One entry per segment, when several files of one import carry the
/// same page. Files that agree are fine; an entry the translator did not
/// touch gives way to one they changed; two that differ otherwise are an
/// error naming both, and the page is not written (`None`).
pub fn one_per_segment<'a>(
    page: &PageUnits,
    entries: Vec<Routed<'a>>,
    report: &mut Report,
) -> Option<Vec<Routed<'a>>> {
    let mut by_unit: Vec<Vec<Routed>> = vec![Vec::new(); page.units.len()];
    for r in entries {
        by_unit[r.unit].push(r);
    }
    let mut out = Vec::new();
    let mut clash = false;
    for (u, mut rs) in by_unit.into_iter().enumerate() {
        let text = |r: &Routed| placed(page.units[u].kind, &r.entry.translation);
        if rs.iter().any(|r| text(r) != text(&rs[0])) {
            if rs.iter().any(|r| !untouched(r.entry)) {
                rs.retain(|r| !untouched(r.entry));
            } else {
                // All as exported, one re-wrapped by its tool: one translation.
                rs.truncate(1);
            }
        }
        let Some(&first) = rs.first() else {
            continue;
        };
        for r in &rs[1..] {
            if r.file != first.file && text(r) != text(&first) {
                clash = true;
                report.diagnostics.push(
                    Diagnostic::error(r.file, r.entry.line, 1, format!(
                        "{}this file and {} (line {}) give this segment different translations: nothing is written for {}",
                        place(r.entry), first.file.display(), first.entry.line, display_path(&page.target_rel)
                    ))
                    .with_hint("import one of the two files, or make them agree, then import again"),
                );
            }
        }
        out.push(first);
    }
    (!clash).then_some(out)
}

/// Whether the site's translation of `unit` changed since the file was
/// exported while the file left it as it was: then the site's is newer,
/// and is kept. Files without a record cannot tell, and are applied.
fn newer_in_site(e: &Incoming, unit: &Unit) -> bool {
    untouched(e)
        && e.exported
            .as_deref()
            .is_some_and(|h| !is_fingerprint_of(h, &unit.translation))
}

/// The translation of entry `e`, made for an earlier source of `unit`, to
/// keep for the next export: unless it is empty, or is the site's own (as
/// exported, or as the site has it): then no work is lost.
fn keep(e: &Incoming, unit: &Unit) -> Option<Suggestion> {
    let text = placed(unit.kind, &e.translation);
    (!text.is_empty() && !untouched(e) && text != placed(unit.kind, &unit.translation)).then(|| {
        Suggestion {
            source: normalise(&e.source),
            translation: text,
            site: fingerprint(&unit.translation),
            fuzzy: false,
        }
    })
}

/// What becomes of entry `e`, whose block's source changed since its file
/// was exported, and what to do: its translation was `kept` for the next
/// export, or is the site's own. Nothing to say of an empty entry.
fn source_changed(code: &str, kept: bool, e: &Incoming) -> Option<(&'static str, String)> {
    let (what, hint) = if kept {
        (
            "its translation is not written into the page",
            format!(
                "export again: the new file shows the change as fuzzy, with this translation (kept in {} until then)",
                display_path(&pending::rel(code))
            ),
        )
    } else if !normalise(&e.translation).is_empty() {
        (
            "its translation, the site's, is not used",
            "export again: the new file shows the change as fuzzy".to_string(),
        )
    } else {
        // An empty entry carries no translation to lose.
        return None;
    };
    Some((what, hint))
}

/// The name of the publication of `node`, as files name it.
fn publication_of(site: &Site, node: &crate::content::model::NodeId) -> String {
    super::export::publication_name(site, site.nodes[*node].publication)
}

/// Records that `page` is written or as it should be: its kept
/// suggestions are done with.
fn settle(site: &Site, lang: LangId, page: &PageUnits, report: &mut Report) {
    let keys = page.units.iter().map(|u| u.key.clone()).collect();
    report
        .settled
        .push((lang, publication_of(site, &page.node), keys));
}

/// Applies a page's entries, checks them, and writes the page if complete.
pub fn import_page(
    site: &Site,
    root: &Path,
    lang: LangId,
    mut page: PageUnits,
    entries: &[Routed],
    report: &mut Report,
) {
    let mut failed = false;
    let mut applied = Vec::new();
    let publication = publication_of(site, &page.node);
    let target = display_path(&page.target_rel);
    let ids = anchors::source_ids(page.units.iter().map(|u| (u.kind, u.source.as_str())));
    let defs = super::links::Defs::of_source(site, page.node);
    let before: Vec<String> = page.units.iter().map(|u| u.translation.clone()).collect();
    let up_to_date: Vec<bool> = page
        .units
        .iter()
        .map(|u| u.state == State::Translated)
        .collect();
    for r in entries {
        let (e, unit) = (r.entry, &mut page.units[r.unit]);
        let at = |error: bool, msg: &str| said(r, error, msg);
        if let Some(n) = &e.notice {
            report.diagnostics.push(at(false, n));
        }
        if let Some(p) = &e.problem {
            failed = true;
            report.diagnostics.push(at(true, p).with_hint(format!(
                "nothing is written for {target} until this is fixed; the file's other pages are imported"
            )));
            continue;
        }
        if !same_source(&e.source, &unit.source) {
            let code = &site.config.languages[lang].code;
            let kept = keep(e, unit).map(|k| (lang, publication.clone(), unit.key.clone(), k));
            match source_changed(code, kept.is_some(), e) {
                Some((what, hint)) => {
                    let msg = format!(
                        "the source of this block changed since the file was exported (or was edited in the file); {what}"
                    );
                    report.diagnostics.push(at(false, &msg).with_hint(hint));
                }
                None => report.count_blank_moved(r.file, e.line),
            }
            report.suggested.extend(kept);
            continue;
        }
        if newer_in_site(e, unit) {
            report.count_kept(r.file);
            continue;
        }
        if unit.state == State::Fuzzy && !e.fuzzy && !e.translation.is_empty() && untouched(e) {
            report.count_confirmed_unchanged(r.file, e.line);
        }
        let text = translated_text(e, unit, ids[r.unit].as_deref());
        // Text already in the page for an unchanged source is not checked
        // again: the build checks its links, and a translator may have had
        // reasons. A fuzzy one is, once confirmed: its source changed. A
        // suggestion left fuzzy as exported is not applied, so not checked.
        let left_fuzzy = e.fuzzy && unit.state == State::Fuzzy;
        let kept = (unit.state == State::Translated || left_fuzzy)
            && text == placed(unit.kind, &unit.translation);
        if !kept && unit.kind != Kind::Fixed && copied_source(&e.source, &e.translation) {
            report.count_copied(r.file, e.line);
        }
        let problems = if text.is_empty() || kept {
            Vec::new()
        } else {
            validate::check_in_page(unit.kind, &unit.source, &text, &defs)
        };
        for problem in problems {
            failed = true;
            report
                .diagnostics
                .push(at(true, &problem).with_hint(format!(
                "fix the translation in the file; nothing is written for {target} until it is right"
            )));
        }
        unit.state = match (text.is_empty(), e.fuzzy) {
            (true, _) => State::Untranslated,
            (false, true) => State::Fuzzy,
            (false, false) => State::Translated,
        };
        unit.translation = text;
        applied.push(*r);
    }
    if failed {
        report.refused += 1;
        return;
    }
    if !report.complete(&page, entries, &target) {
        keep_unwritten(lang, &publication, &page, &before, &applied, report);
        return;
    }
    count_unrecorded(&page, &before, &up_to_date, &applied, report);
    write_page(site, root, lang, &page, &applied, report);
}

/// Counts the entries of a page about to be written that replace the
/// site's up-to-date translation (`before`, `up_to_date`) with another
/// while their file recorded no translation it was exported with: see
/// `Report::unrecorded`.
fn count_unrecorded(
    page: &PageUnits,
    before: &[String],
    up_to_date: &[bool],
    applied: &[Routed],
    report: &mut Report,
) {
    for r in applied {
        let (u, now) = (r.unit, &page.units[r.unit].translation);
        if r.entry.exported.is_none() && up_to_date[u] && !before[u].is_empty() && *now != before[u]
        {
            report.count_unrecorded(r.file, r.entry.line);
        }
    }
}

/// A message at the place of `r`'s entry in its file.
fn said(r: &Routed, error: bool, msg: &str) -> Diagnostic {
    let msg = format!("{}{msg}", place(r.entry));
    if error {
        Diagnostic::error(r.file, r.entry.line, 1, msg)
    } else {
        Diagnostic::warning(r.file, r.entry.line, 1, msg)
    }
}

/// The text `e` gives `unit`, as the page will hold it: the heading's id
/// at its end and the source's (`id`) kept, direction marks out of the
/// syntax.
fn translated_text(e: &Incoming, unit: &Unit, id: Option<&str>) -> String {
    // Left as exported, perhaps re-wrapped by a tool: the site's text,
    // with its own line breaks, is the same translation.
    let given = if untouched(e) && !unit.translation.is_empty() {
        &unit.translation
    } else {
        &e.translation
    };
    let text = anchors::id_to_end(unit.kind, &placed(unit.kind, given));
    let text = bidi::unmarked_syntax(unit.kind, &text);
    anchors::keep_id(unit.kind, &text, id)
}

/// Keeps the translations of a page that is not written (a segment is
/// missing, perhaps one added to the source since the export, or marked
/// fuzzy) for the next export, so that work is not typed again: the
/// confirmed ones offered as translated, the fuzzy ones as fuzzy.
/// `before` is the site's translation of each block.
fn keep_unwritten(
    lang: LangId,
    publication: &str,
    page: &PageUnits,
    before: &[String],
    applied: &[Routed],
    report: &mut Report,
) {
    for r in applied {
        let unit = &page.units[r.unit];
        // A fuzzy one too: the translator's newest text, left for review.
        if unit.state == State::Untranslated || unit.translation == before[r.unit] {
            continue;
        }
        let kept = Suggestion {
            source: unit.source.clone(),
            translation: unit.translation.clone(),
            site: fingerprint(&before[r.unit]),
            fuzzy: unit.state == State::Fuzzy,
        };
        report
            .suggested
            .push((lang, publication.to_string(), unit.key.clone(), kept));
    }
}

fn write_page(
    site: &Site,
    root: &Path,
    lang: LangId,
    page: &PageUnits,
    applied: &[Routed],
    report: &mut Report,
) {
    let node = &site.nodes[page.node];
    let Some(src_id) = node.docs[node.source_lang] else {
        return;
    };
    let src = site.doc(src_id);
    let Some(parsed) = fields::parse(&src.file.text) else {
        return;
    };
    let mut texts = page.units.iter().map(|u| u.translation.clone());
    let translations: Vec<String> = parsed
        .segments
        .iter()
        .map(|s| match s.kind {
            Kind::Fixed => String::new(),
            _ => texts.next().unwrap_or_default(),
        })
        .collect();
    // The translation the site reads now: its own file, or in a local
    // edition, its base's.
    let existing = node.docs[lang].map(|d| site.doc(d));
    // A stamp that still matches the source is kept as written, one made
    // before the summary counted too: importing again changes nothing.
    let stamped = existing
        .and_then(|d| d.fm.translation_of.as_deref())
        .filter(|&h| stamped_against(site, src_id, h));
    let job = Job {
        source: &src.file.text,
        existing: existing.map(|d| d.file.text.as_str()),
        translations: &translations,
        hash: stamped.unwrap_or_else(|| current_hash(site, src_id)),
    };
    let text = match assemble(&job) {
        Ok(t) => t,
        Err(f) => {
            report.refused += 1;
            report
                .diagnostics
                .push(unplaceable(page, &parsed, applied, f));
            return;
        }
    };
    // An edition's page that reads as its base's is the base's: writing
    // it would copy the base, and stop it receiving the base's corrections.
    if existing.is_some_and(|d| d.file.from_base && d.file.text == text) {
        report.unchanged += 1;
        settle(site, lang, page, report);
        return;
    }
    // Keep a byte-order mark the file had; never read through a link (a
    // page planted as a link to `/dev/zero` was read until memory ran
    // out, before the write refused it).
    let rel = page.target_rel.to_string_lossy().replace('\\', "/");
    let had_bom = files::read_inside(root, &rel, super::MAX_FILE_BYTES)
        .is_some_and(|b| b.starts_with(b"\xEF\xBB\xBF"));
    let mut bytes = if had_bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    bytes.extend_from_slice(text.as_bytes());
    let written = files::write_inside(root, &page.target_rel, &bytes);
    if written.is_ok() {
        settle(site, lang, page, report);
    }
    match written {
        Ok(true) => {
            report.written.push(page.target_rel.clone());
            if let Err(e) = history::save(root, &src.file.text) {
                report.diagnostics.push(Diagnostic::warning(
                    history::STORE,
                    0,
                    0,
                    format!("cannot keep a snapshot of the source: {e}"),
                ));
            }
        }
        Ok(false) => report.unchanged += 1,
        Err(e) => report
            .diagnostics
            .push(Diagnostic::error(&page.target_rel, 0, 0, e)),
    }
}

/// The error for a page that cannot be written: at the translator's entry
/// whose text cannot be placed, when a file gave it.
fn unplaceable(
    page: &PageUnits,
    parsed: &fields::Parsed,
    applied: &[Routed],
    f: super::assemble::Failure,
) -> Diagnostic {
    let target = display_path(&page.target_rel);
    // The unit of source segment `i`: units skip code blocks.
    let unit = f.segment.map(|i| {
        parsed.segments[..i]
            .iter()
            .filter(|s| s.kind != Kind::Fixed)
            .count()
    });
    let by_unit: HashMap<usize, &Routed> = applied.iter().map(|r| (r.unit, r)).collect();
    match unit.and_then(|u| by_unit.get(&u)) {
        Some(r) => Diagnostic::error(
            r.file,
            r.entry.line,
            1,
            format!("{}the translation cannot be written into the page as it is: {}", place(r.entry), f.why),
        )
        .with_hint(format!("rewrite that part of the translation in the file; nothing is written for {target} until then")),
        None => Diagnostic::error(
            &page.target_rel,
            0,
            0,
            format!("cannot write the translated page: {}", f.why),
        )
        .with_hint("the page's existing text is what cannot be kept: correct it in the page, then import again"),
    }
}

#[cfg(test)]
mod copied_tests {
    use super::copied_source;

    #[test]
    fn a_translation_that_is_its_source_is_found_in_prose_only() {
        assert!(copied_source(
            "Explain what happens to the information.",
            "Explain what happens to the information."
        ));
        assert!(copied_source(
            "Explain what happens\nto the information.",
            "Explain what happens to the information."
        ));
        assert!(!copied_source(
            "Explain what happens to the information.",
            "Expliquez ce qu'il advient des informations."
        ));
        // A name, a number, a short label may stay as they are.
        assert!(!copied_source("UNICEF", "UNICEF"));
        assert!(!copied_source("+234 800 123 4567", "+234 800 123 4567"));
        assert!(!copied_source("Save the Children", "Save the"));
        assert!(!copied_source("OK, WhatsApp", "OK, WhatsApp"));
    }
}
