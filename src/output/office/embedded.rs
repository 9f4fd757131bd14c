//! Documents inside a document: Word keeps a chart's data as a workbook
//! (`word/embeddings/Microsoft_Excel_Worksheet.xlsx`), and a deck or a
//! report may hold a whole other document, which opens in its own program
//! at a double click. What that one fetches, runs or says about people
//! (a formula calling `WEBSERVICE`, a macro, a located photo, its author)
//! is the outer document's too, named with the part that holds it. Their
//! parts and pictures are read on the outer document's budgets. An object
//! of another program, kept as an OLE compound file, is not opened: only
//! a file packed inside one (an OLE Package) is told.

use super::{Budget, Package, Report, person};
use std::io::Cursor;

/// How deep documents inside documents are opened (a chart's workbook in
/// a deck pasted into a report is two deep); deeper, which no program
/// writes, is refused. The budgets, shared, bound the work; this bounds
/// the recursion (a zip can hold itself).
pub const DEPTH: usize = 3;

/// Adds what each package inside `zip` holds to `report`; `depth` is the
/// nesting of `zip` itself.
pub fn check(zip: &mut Package, report: &mut Report, depth: usize) -> Result<(), String> {
    for (i, name) in zip.names() {
        let head = zip.head_at(i);
        if head.starts_with(COMPOUND) {
            packed(zip, i, &name, report)?;
            continue;
        }
        if !head.starts_with(b"PK\x03\x04") {
            continue;
        }
        let (_, bytes) = zip.bytes_at(i)?;
        let mut budget = Budget {
            parts: zip.left,
            photos: zip.photos_left,
            streams: 0,
        };
        let found = document(&bytes, &format!("`{name}`"), &mut budget, depth)?;
        zip.left = budget.parts;
        zip.photos_left = budget.photos;
        merge(report, found, &name);
    }
    Ok(())
}

/// The report on `bytes`, named `name` (quoted as messages show it), a
/// file inside a document nested `depth` deep: a document (an office one,
/// a PDF) is checked as the file is, read on `budget`; a photo or a
/// recording for where it was made; any other file for a picture or XMP
/// packet that says so (a song's cover).
pub(super) fn document(
    bytes: &[u8],
    name: &str,
    budget: &mut Budget,
    depth: usize,
) -> Result<Report, String> {
    let pdf = is_pdf(bytes);
    let package = bytes.starts_with(b"PK\x03\x04");
    if (pdf || package) && depth >= DEPTH {
        return Err(format!(
            "{name} is a document nested more than {DEPTH} deep in it, which is not opened to check"
        ));
    }
    if package {
        let inner = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("{name}, a document inside it, cannot be read as a zip ({e})"))?;
        // Known by what it holds, as its program knows it, not by its name.
        return super::package_report(inner, bytes, false, budget, depth + 1)
            .map_err(|why| format!("{name}, a document inside it: {why}"));
    }
    if pdf {
        return super::pdf::inspect_at(bytes, budget, depth + 1)
            .map_err(|why| format!("{name}, a document inside it: {why}"));
    }
    let mut report = Report::default();
    let ext = name
        .trim_end_matches('`')
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    if let Some(what) = super::photos::located(name, ext.as_deref().unwrap_or(""), bytes) {
        report.located.push(what);
    }
    Ok(report)
}

/// Whether `bytes` are a PDF: its header within its first kilobyte, where
/// viewers look for it.
fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// Whether `document` checks `bytes` as a document (a package, a PDF).
pub(super) fn is_document(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || is_pdf(bytes)
}

/// An OLE compound file's signature: how Word, Excel, PowerPoint and
/// LibreOffice keep an object of another program (`oleObject1.bin`,
/// `Object 2`).
const COMPOUND: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Adds the compound file at `i` to `report`'s macros when it holds an
/// OLE Package (its `\u{1}Ole10Native` stream): a program or any other file
/// packed inside, which a double click on its icon starts, as a PDF's
/// `/Launch` does. Other objects (an equation, a drawing) pass.
fn packed(zip: &mut Package, i: usize, name: &str, report: &mut Report) -> Result<(), String> {
    let (_, bytes) = zip.bytes_at(i)?;
    // The stream's name, in the directory, as UTF-16 (little-endian).
    let stream: Vec<u8> = "\u{1}Ole10Native"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if memchr::memmem::find(&bytes, &stream).is_some() {
        report.macros.push(format!(
            "`{name}`, a file packed inside that a double click starts (an OLE Package)"
        ));
    }
    Ok(())
}

/// Adds `inner`, the report on the document `name` inside, to `report`.
pub(super) fn merge(report: &mut Report, inner: Report, name: &str) {
    let inside = |s: String| format!("{s} in `{name}`");
    report.fetched.extend(
        inner
            .fetched
            .into_iter()
            .map(|(kind, target)| (inside(kind), target)),
    );
    report
        .fetching_cells
        .extend(inner.fetching_cells.into_iter().map(inside));
    report.macros.extend(inner.macros.into_iter().map(inside));
    report.located.extend(inner.located.into_iter().map(inside));
    report.local.extend(inner.local);
    for p in &inner.people {
        person(report, Some(p));
    }
    report.active.extend(inner.active.into_iter().map(inside));
    report.unchecked = report.unchecked.take().or(inner.unchecked.map(inside));
    report.comments |= inner.comments;
    report.tracked_changes |= inner.tracked_changes;
    for h in inner.hidden {
        report.hides(h);
    }
}

#[cfg(test)]
mod tests {
    use super::super::inspect;

    fn zip_of(name: &str, bytes: &[u8]) -> Vec<u8> {
        super::super::tests::zip_of(&[(name, bytes)])
    }

    #[test]
    fn documents_nested_past_the_depth_are_refused() {
        let core = "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\"><dc:creator>Amina</dc:creator></cp:coreProperties>";
        let mut doc = zip_of("docProps/core.xml", core.as_bytes());
        for _ in 0..super::DEPTH {
            doc = zip_of("word/embeddings/inner.docx", &doc);
        }
        let r = inspect("docx", &doc).unwrap();
        assert_eq!(r.people, ["Amina"]);
        let deeper = zip_of("word/embeddings/inner.docx", &doc);
        let e = inspect("docx", &deeper).unwrap_err();
        assert!(e.contains("`word/embeddings/inner.docx`"), "{e}");
        assert!(e.contains("nested more than 3 deep"), "{e}");
    }
}
