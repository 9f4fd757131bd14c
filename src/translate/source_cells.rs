//! Entries with no translation whose source is not their block's: when
//! the site's source changed since the file was exported, nothing is
//! lost. But a translator who typed over the source (a spreadsheet's
//! source column, next to the empty translation column) sees the same,
//! and before this their whole work was dropped without a word.

use super::report::Report;
use crate::diagnostics::Diagnostic;

/// One warning per file for its entries with no translation and a source
/// other than their block's, at the first.
pub fn warn(report: &mut Report) {
    for (file, n, line) in std::mem::take(&mut report.blank_moved) {
        report.diagnostics.push(
            Diagnostic::warning(&file, line, 1, format!(
                "{n} {} no translation and a source that is not {} block's source as it is now: nothing is imported from {}",
                if n == 1 { "entry has" } else { "entries have" },
                if n == 1 { "its" } else { "their" },
                if n == 1 { "it" } else { "them" },
            ))
            .with_hint("if translations were typed over the source (in a spreadsheet, into the source column), move them to the translation column, put the source back, and import again; nothing to do if these blocks were left untranslated and their source changed since the file was exported"),
        );
    }
}
