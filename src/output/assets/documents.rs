//! What an office document a site publishes tells its readers' computers
//! and its readers (`output::office`): a fetch on opening or a macro keeps
//! it from being published; its authors, comments, tracked changes and
//! paths on the writer's computer are published with it, with a warning.

use crate::diagnostics::Diagnostic;
use crate::output::office::{self, Report};
use std::path::Path;

const CSV_HINT: &str = "publish the values instead of the formulas (in the spreadsheet: copy the cells, Paste Special > Values, save as CSV again); a cell meant as text can start with a space";

const PDF_HINT: &str =
    "print it to a new PDF (Print > Save as PDF), which keeps its pages and leaves out its actions";

const TRUSTED: &str =
    "only if every author is trusted, `allow_raw_html: true` in site.yaml publishes it as it is";

/// Whether the document at `path` (of type `ext`) may be published. A site
/// whose authors are all trusted publishes it, with warnings instead.
pub fn vet(
    path: &Path,
    ext: &str,
    bytes: &[u8],
    allow_raw: bool,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let report = match office::inspect(ext, bytes) {
        Ok(r) => r,
        Err(why) => {
            let msg = format!(
                "cannot check what the document fetches or runs when opened, or who wrote it: {why}"
            );
            let hint = "open it in the program that made it and save it again";
            refuse(path, allow_raw, msg, format!("{hint}; {TRUSTED}"), diags);
            return allow_raw;
        }
    };
    let fetched: Vec<String> = report
        .fetched
        .iter()
        .map(|(k, t)| format!("{k} `{t}`"))
        .collect();
    let refusals = [
        (
            &fetched[..],
            "opening it makes the reader's program fetch from another computer, which then learns who opened it and when".to_string(),
            "remove the link in the program that made it (Word: Developer > Document Template, or File > Info > Edit Links to Files; LibreOffice: Edit > Links to External Files; File > Properties > Internet for a page that reloads it from an address; Form > Form Properties > Data for a form's database) and save it again",
        ),
        (
            &report.fetching_cells[..],
            "a formula in it fetches from another computer each time the spreadsheet program calculates it, on opening too, and that computer learns who opened it and when".to_string(),
            "replace those formulas by their values (copy the cells, Paste Special > Values) and save it again",
        ),
        (
            &report.macros[..],
            format!("it holds macros or commands that start a program, which a .{ext} file is not expected to"),
            "save it again without macros (Word, Excel, PowerPoint: File > Save As, the type without macros; LibreOffice: Tools > Macros > Organize Macros, delete the document's own), or publish a PDF",
        ),
        (
            &report.located[..],
            "a photo in it records where it was taken (GPS), which anyone who saves the picture from the document can read".to_string(),
            "export the photo again with location turned off (most photo editors offer this, or `exiftool -gps:all= FILE`), put that copy in the document in its place, and save it (or make the PDF) again",
        ),
    ];
    let mut ok = true;
    for (items, what, office_hint) in refusals {
        if items.is_empty() {
            continue;
        }
        // A photo's location is removed from the photo, whatever holds it.
        let hint = match ext {
            _ if std::ptr::eq(items, &report.located[..]) => office_hint,
            "csv" => CSV_HINT,
            "pdf" => PDF_HINT,
            _ => office_hint,
        };
        let msg = format!("{what}: {}", super::listed(items));
        refuse(path, allow_raw, msg, format!("{hint}; {TRUSTED}"), diags);
        ok = allow_raw;
    }
    private_parts(path, ext, &report, diags);
    formulas(path, &report, diags);
    pdf_notes(path, &report, diags);
    ok
}

/// What a PDF viewer may run or hand the reader, and what could not be
/// read: warnings, the file is published.
fn pdf_notes(path: &Path, r: &Report, diags: &mut Vec<Diagnostic>) {
    if !r.active.is_empty() {
        let msg = format!(
            "it holds {}, which a viewer that runs them (Acrobat) does when the reader opens or uses it",
            and_list(&r.active)
        );
        diags.push(Diagnostic::warning(path, 0, 0, msg).with_hint(
            format!("if readers only need its pages, {PDF_HINT}; a form's number formats made in Acrobat are JavaScript, and a form meant to be sent is fine"),
        ));
    }
    if let Some(why) = &r.unchecked {
        let msg =
            format!("published unchecked: cannot read what it runs or fetches when opened: {why}");
        diags.push(Diagnostic::warning(path, 0, 0, msg).with_hint(
            "save it again without a password (or print it to a new PDF), so that its actions can be checked",
        ));
    }
}

/// A CSV file's formula cells, at the first: a spreadsheet program shows
/// what they compute, not what the file says.
fn formulas(path: &Path, r: &Report, diags: &mut Vec<Diagnostic>) {
    if r.formula_count == 0 {
        return;
    }
    let more = r.formula_count - r.formulas.len();
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let msg = format!(
        "cells that a spreadsheet program runs as formulas when it opens the file: {}{more}",
        r.formulas.join(", ")
    );
    diags.push(Diagnostic::warning(path, r.first_line, 1, msg).with_hint(CSV_HINT));
}

/// An error (not published) on a site whose authors are not all trusted,
/// otherwise a warning (published as it is).
fn refuse(path: &Path, allow_raw: bool, msg: String, hint: String, diags: &mut Vec<Diagnostic>) {
    let d = if allow_raw {
        Diagnostic::warning(path, 0, 0, msg)
    } else {
        Diagnostic::error(path, 0, 0, format!("not published: {msg}"))
    };
    diags.push(d.with_hint(hint));
}

/// One warning naming what the published copy says about the people who
/// made it: every reader who downloads it can read that.
fn private_parts(path: &Path, ext: &str, r: &Report, diags: &mut Vec<Diagnostic>) {
    let quoted = |items: &[String]| -> String {
        let shown: Vec<String> = items.iter().map(|p| format!("`{p}`")).collect();
        super::listed(&shown)
    };
    let mut said = Vec::new();
    if !r.people.is_empty() {
        said.push(format!("who wrote or edited it ({})", quoted(&r.people)));
    }
    if r.comments {
        said.push("comments".to_string());
    }
    if r.tracked_changes {
        said.push("tracked changes (deleted text included)".to_string());
    }
    said.extend(
        r.hidden
            .iter()
            .map(|h| format!("{h}, which its viewer does not show")),
    );
    if !r.local.is_empty() {
        said.push(format!(
            "paths on the writer's computer ({})",
            quoted(&r.local)
        ));
    }
    if said.is_empty() {
        return;
    }
    let msg = format!(
        "the published copy keeps {}: anyone who downloads it can read them",
        and_list(&said)
    );
    let hint = if ext == "pdf" {
        "clear the author in the program that made it (Acrobat: File > Properties; Word, before saving as PDF: File > Info > Check for Issues > Inspect Document, remove personal information) and save or export it again"
    } else {
        "Word, Excel, PowerPoint: File > Info > Check for Issues > Inspect Document, and remove comments, revisions, hidden content (hidden text, hidden sheets, presentation notes) and personal information; LibreOffice: Edit > Track Changes > Accept All, delete the comments, and tick Tools > Options > Security > Options > Remove personal information on saving; then save it again"
    };
    diags.push(Diagnostic::warning(path, 0, 0, msg).with_hint(hint));
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}
