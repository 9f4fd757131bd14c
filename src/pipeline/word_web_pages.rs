//! A page Word saved as a web page (`Referral.htm` beside the
//! `Referral_files/` folder of its pictures), left in a shared drive's
//! folder that became `guidance/`: fieldguide reads Markdown, so its text
//! was only among the files "not linked from any page", though its
//! readers lost a whole page. It is now named, with the conversion to do.

use crate::diagnostics::Diagnostic;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A warning for each unpublished `.htm` or `.html` file beside an
/// unpublished `<name>_files/` folder, as Word's "Save as Web Page"
/// leaves them.
pub(super) fn warnings(unpublished: &[PathBuf]) -> Vec<Diagnostic> {
    // The `_files` folders unpublished files are in, looked up once: a
    // corpus of thousands of leftovers is not compared file by file.
    let folders: HashSet<&Path> = unpublished
        .iter()
        .flat_map(|f| f.ancestors().skip(1))
        .filter(|a| {
            a.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with("_files"))
        })
        .collect();
    unpublished
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            let (stem, ext) = name.rsplit_once('.')?;
            if !matches!(ext.to_ascii_lowercase().as_str(), "htm" | "html") || stem.is_empty() {
                return None;
            }
            let folder = p.with_file_name(format!("{stem}_files"));
            folders
                .contains(folder.as_path())
                .then(|| warning(p, name, stem))
        })
        .collect()
}

fn warning(p: &Path, name: &str, stem: &str) -> Diagnostic {
    Diagnostic::warning(
        p,
        0,
        0,
        format!("a page Word saved as a web page (`{name}`, its pictures in `{stem}_files/`) is not read: fieldguide reads Markdown, so its text is not published"),
    )
    .with_hint(format!(
        "convert it to Markdown, `pandoc -f html -t gfm \"{name}\" -o \"{stem}.md\"`, give the page front matter with a `title:`, then delete `{name}` (keep `{stem}_files/`: the page shows its pictures from there); better, convert the Word document itself, if you have it"
    ))
}
