//! Files that stand in for the real one: an empty file (a copy or a sync
//! cut short) and a Git LFS pointer (a repository cloned without LFS has
//! a few lines of text in place of each picture and PDF). Both were
//! published without a word, and readers got a broken picture or a
//! useless download. They are still published as they are (a link to
//! them still works), with a warning that says how to get the real file.

use crate::content::file_types::{self, FileType};
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// How every Git LFS pointer file starts (its specification's first line).
const LFS: &[u8] = b"version https://git-lfs.github.com/spec/";

/// The warning for `bytes` of `path` when they stand in for the real file.
/// `linked`: a file of `guidance/`, published because a page links to it;
/// an empty file in `static/` may be meant (`.nojekyll`).
pub(super) fn warning(path: &Path, bytes: &[u8], linked: bool) -> Option<Diagnostic> {
    let name = path.to_string_lossy();
    let readers = match file_types::classify(&name) {
        FileType::Image | FileType::Svg => "readers see a broken picture",
        _ => "readers who open it get nothing of use",
    };
    if bytes.is_empty() && linked {
        let msg = format!("the file is empty (0 bytes): {readers}");
        return Some(Diagnostic::warning(path, 0, 0, msg).with_hint(
            "copy the file again from where it came from (a copy or sync cut short leaves empty files), or remove the links to it",
        ));
    }
    if is_pointer(bytes) {
        let msg = format!(
            "the file is a Git LFS pointer (a few lines of text that stand for it), not the file itself: {readers}"
        );
        return Some(Diagnostic::warning(path, 0, 0, msg).with_hint(
            "fetch the real files before building: `git lfs install` then `git lfs pull` in the site's repository (in CI, check out with LFS turned on)",
        ));
    }
    None
}

/// A Git LFS pointer and nothing else: its `version`, `oid` and `size`
/// lines (and the `ext-` lines of extensions), so that what is published
/// without being vetted is a few harmless lines of text.
fn is_pointer(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    bytes.len() <= 1024
        && bytes.starts_with(LFS)
        && text.lines().all(|l| {
            let (key, value) = l.split_once(' ').unwrap_or((l, ""));
            let plain = value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b":/._-".contains(&b));
            plain && (matches!(key, "version" | "oid" | "size") || key.starts_with("ext-"))
        })
}

#[cfg(test)]
mod tests {
    use super::warning;
    use std::path::Path;

    #[test]
    fn empty_files_and_lfs_pointers_only() {
        let png = Path::new("guidance/a.png");
        let pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 9\n";
        assert!(warning(png, b"", true).is_some());
        assert!(warning(png, pointer, true).is_some());
        assert!(warning(Path::new("static/a.pdf"), pointer, false).is_some());
        assert!(warning(Path::new("static/.nojekyll"), b"", false).is_none());
        assert!(warning(png, b"\x89PNG\r\n\x1a\n", true).is_none());
        assert!(warning(png, b"version 2 of the form", true).is_none());
        // More than a pointer: vetted as what its name says.
        let more = b"version https://git-lfs.github.com/spec/v1\n<script>x</script>\n";
        assert!(warning(Path::new("guidance/a.html"), more, true).is_none());
    }
}
