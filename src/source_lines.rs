//! The source lines shown under messages: read from the site folder
//! without following links (a message about a linked file never shows a
//! line of what it points to), and each file read once, however many
//! messages it has.

use crate::diagnostics::SourceLookup;
use crate::no_follow::{Dir, slash_path};
use crate::text::LineIndex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// A file's text and where each of its lines starts.
struct Lines {
    text: String,
    index: LineIndex,
}

impl Lines {
    fn new(bytes: Vec<u8>) -> Lines {
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        let index = LineIndex::new(&text);
        Lines { text, index }
    }

    fn line(&self, n: usize) -> Option<&str> {
        self.index.line(&self.text, n)
    }
}

/// Looks lines up in the site folder.
pub struct SiteSource {
    root: PathBuf,
    files: RefCell<HashMap<PathBuf, Option<Lines>>>,
}

impl SiteSource {
    pub fn new(root: &Path) -> SiteSource {
        SiteSource {
            root: root.to_path_buf(),
            files: RefCell::new(HashMap::new()),
        }
    }

    /// The file's bytes: the leading `..` of a path (a local edition's
    /// base, named by its author) is taken as given, the rest is read one
    /// folder at a time without following a link.
    fn read(&self, path: &Path) -> Option<Vec<u8>> {
        if path.is_absolute() {
            return None;
        }
        let mut start = self.root.clone();
        let mut rest = PathBuf::new();
        for c in path.components() {
            match c {
                Component::ParentDir if rest.as_os_str().is_empty() => start.push(".."),
                Component::Normal(p) => rest.push(p),
                Component::CurDir => {}
                _ => return None,
            }
        }
        Dir::open(&start).ok()?.read(&slash_path(&rest)).ok()
    }
}

impl SourceLookup for SiteSource {
    fn line_of(&self, path: &Path, line: usize) -> Option<String> {
        if line == 0 {
            return None;
        }
        let mut files = self.files.borrow_mut();
        let lines = files
            .entry(path.to_path_buf())
            .or_insert_with(|| self.read(path).map(Lines::new));
        lines.as_ref()?.line(line).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_by_number_after_a_bom_and_with_crlf() {
        let l = Lines::new("\u{feff}one\r\ntwo\n\nfour".as_bytes().to_vec());
        assert_eq!(l.line(1), Some("one"));
        assert_eq!(l.line(2), Some("two"));
        assert_eq!(l.line(3), Some(""));
        assert_eq!(l.line(4), Some("four"));
        assert_eq!(l.line(5), None);
        assert_eq!(l.line(0), None);
    }

    #[test]
    fn a_linked_file_shows_no_line() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("secret.txt");
        std::fs::write(&outside, "the secret\n").unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("guidance")).unwrap();
        std::fs::write(site.join("guidance/a.md"), "first\nsecond\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, site.join("guidance/b.md")).unwrap();
        let s = SiteSource::new(&site);
        assert_eq!(
            s.line_of(Path::new("guidance/a.md"), 2).as_deref(),
            Some("second")
        );
        #[cfg(unix)]
        assert_eq!(s.line_of(Path::new("guidance/b.md"), 1), None);
        assert_eq!(s.line_of(Path::new("/etc/passwd"), 1), None);
    }
}
