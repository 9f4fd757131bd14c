//! XLIFF, the format CAT tools exchange: version 1.2 (`v1`), which
//! Trados, memoQ and OmegaT read best and `--format xliff` writes, and
//! version 2 (`v2`: 2.0, 2.1 and 2.2), which Phrase, Crowdin and newer
//! tools save and `--format xliff2` writes. A file is read as the version
//! its `<xliff>` element names, whatever it was exported as: a tool may
//! return the other one.
//!
//! Read with roxmltree, which refuses DTDs (and so entity expansion) by
//! default, within the bounds `xml` sets.

mod v1;
mod v2;
mod xml;

use crate::translate::catalog::{Catalog, ReadError};
pub use v1::write;
pub use v2::write as write_2;

pub fn read(bytes: &[u8]) -> Result<Catalog, Vec<ReadError>> {
    let text = xml::decode(bytes)?;
    let doc = xml::parse(&text)?;
    let root = doc.root_element();
    let version = root.attribute("version");
    match version {
        Some("1.2") if root.tag_name().name() == "xliff" => v1::read(&doc),
        Some(v) if root.tag_name().name() == "xliff" && v2::reads(v) => v2::read(&doc),
        _ => {
            let line = doc.text_pos_at(root.range().start).row as usize;
            Err(vec![(line, unknown(root))])
        }
    }
}

/// Why a file whose root is not an `<xliff>` of a version fieldguide
/// reads is refused, and what to do.
fn unknown(root: roxmltree::Node) -> String {
    let save = "save the translated file from the translation tool as XLIFF 1.2 or 2.0 (the version `fieldguide translate export` wrote: most tools return a file in the format it came in), then import it";
    match (root.tag_name().name(), root.attribute("version")) {
        ("xliff", Some(v)) => {
            format!("an XLIFF {v} file: fieldguide reads XLIFF 1.2 and 2.0 to 2.2; {save}")
        }
        ("xliff", None) => format!(
            "the <xliff> element names no version: fieldguide reads XLIFF 1.2 and 2.0 to 2.2; {save}"
        ),
        (other, _) => format!(
            "not an XLIFF file (its root element is <{other}>, not <xliff version=\"1.2\"> or <xliff version=\"2.0\">); {save}"
        ),
    }
}
