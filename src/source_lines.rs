//! The source lines shown under messages: read from the site folder
//! without following links (a message about a linked file never shows a
//! line of what it points to), and each file read once, however many
//! messages it has.

use crate::diagnostics::{SourceLookup, shown_columns};
use crate::no_follow::{Capped, Dir, slash_path};
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
        let text = lone_cr_to_lf(text);
        let index = LineIndex::new(&text);
        Lines { text, index }
    }

    fn line(&self, n: usize) -> Option<&str> {
        self.index.line(&self.text, n)
    }
}

/// A lone CR (an old Mac line ending) ends a line, as it does for the
/// loader (`text::decode`): otherwise a file saved so is one line, and
/// messages on its line 5 show nothing.
fn lone_cr_to_lf(text: String) -> String {
    let b = text.as_bytes();
    if !memchr::memchr_iter(b'\r', b).any(|i| b.get(i + 1) != Some(&b'\n')) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    out
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
        // No larger than a file the build would publish: a message about a
        // file that has grown into a sparse file of gigabytes shows no line
        // rather than read it all.
        match crate::content::published_size::read(&Dir::open(&start).ok()?, &slash_path(&rest)) {
            Ok(Capped::Bytes(bytes)) => Some(bytes),
            _ => None,
        }
    }
}

impl SiteSource {
    /// `f` applied to the file's lines, read on first use.
    fn with_lines<T>(&self, path: &Path, f: impl FnOnce(&Lines) -> Option<T>) -> Option<T> {
        let mut files = self.files.borrow_mut();
        let lines = files
            .entry(path.to_path_buf())
            .or_insert_with(|| self.read(path).map(Lines::new));
        f(lines.as_ref()?)
    }
}

impl SourceLookup for SiteSource {
    fn line_of(&self, path: &Path, line: usize) -> Option<String> {
        if line == 0 {
            return None;
        }
        self.with_lines(path, |l| l.line(line).map(str::to_string))
    }

    fn around(&self, path: &Path, line: usize, col: usize) -> Option<(String, usize)> {
        if line == 0 {
            return None;
        }
        let (first, len) = shown_columns(col);
        self.with_lines(path, |l| {
            let (text, first) = l.index.cut(&l.text, line, first, len)?;
            Some((text.to_string(), first))
        })
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
    fn lone_carriage_returns_end_lines() {
        let l = Lines::new(b"---\rtitle: [a\r---\r\r\xe9t\xc3\xa9\r\nend\r".to_vec());
        assert_eq!(l.line(2), Some("title: [a"));
        assert_eq!(l.line(5), Some("\u{fffd}t\u{e9}"));
        assert_eq!(l.line(6), Some("end"));
    }

    #[test]
    fn a_far_column_is_cut_from_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let line = format!("{}XYZ", "é".repeat(5_000));
        std::fs::write(dir.path().join("a.md"), format!("one\n{line}\n")).unwrap();
        let s = SiteSource::new(dir.path());
        let (text, first) = s.around(Path::new("a.md"), 2, 5_001).unwrap();
        assert_eq!(first, 5_001 - 200);
        assert!(text.starts_with('é') && text.ends_with("XYZ"), "{text}");
        assert_eq!(
            s.around(Path::new("a.md"), 1, 2).unwrap(),
            ("one".into(), 1)
        );
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

    #[test]
    fn a_file_too_large_to_publish_shows_no_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("static")).unwrap();
        let big = std::fs::File::create(dir.path().join("static/contacts.csv")).unwrap();
        let limit = crate::content::published_size::MAX_PUBLISHED_BYTES;
        big.set_len(limit + 1).unwrap();
        let s = SiteSource::new(dir.path());
        // Read, this sparse file's first line is 512 MB of zeros.
        assert_eq!(s.line_of(Path::new("static/contacts.csv"), 1), None);
    }
}
