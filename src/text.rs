//! Small text helpers shared by the loading steps: decoding files,
//! turning byte offsets into line and column, and the content hash that
//! translations record.

/// A short BLAKE3 hash of a source page's title and body, blind to line
/// endings and to spaces at the ends of lines: what a translation records
/// in `translation_of:` (see `translation`). Here, with no import, so that
/// loading can compare files before the model exists.
pub fn source_hash(title: &str, body: &str) -> String {
    // Normalised into one buffer, then hashed at once: BLAKE3 hashes a
    // long input several chunks at a time, but line by line it would
    // compress block by block (a third of a no-op rebuild's hashing).
    let title = title.trim();
    let mut text = String::with_capacity(title.len() + 1 + body.len());
    text.push_str(title);
    text.push('\n');
    let mut pending_blank = 0usize;
    for line in body.lines() {
        let line = line.trim_end();
        // Blank lines at the end of the file do not count either.
        if line.is_empty() {
            pending_blank += 1;
            continue;
        }
        for _ in 0..pending_blank {
            text.push('\n');
        }
        pending_blank = 0;
        text.push_str(line);
        text.push('\n');
    }
    blake3::hash(text.as_bytes()).to_hex()[..16].to_string()
}

/// Like [`decode`], taking the bytes: valid UTF-8 (the usual case) becomes
/// the `String` without a copy.
pub fn decode_vec(mut bytes: Vec<u8>) -> Result<String, (usize, usize, String)> {
    let plain =
        !bytes.starts_with(b"\xEF\xBB\xBF") && !bytes.contains(&b'\r') && !bytes.contains(&0);
    if plain {
        match String::from_utf8(bytes) {
            Ok(s) => return Ok(s),
            Err(e) => bytes = e.into_bytes(),
        }
    }
    decode(&bytes)
}

/// Decodes a file as UTF-8 text, dropping a byte-order mark. A file that is
/// not text gets an error at the first bad byte: `(line, col, message)`;
/// line 0 when it concerns the whole file (no line of it is worth showing).
pub fn decode(bytes: &[u8]) -> Result<String, (usize, usize, String)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_utf16(bytes) {
        return Err((
            0,
            0,
            "the file is UTF-16 encoded; fieldguide reads UTF-8".into(),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = line_col_bytes(bytes, e.valid_up_to());
            return Err((
                line,
                col,
                "the file is not valid UTF-8 text (save it as UTF-8)".into(),
            ));
        }
    };
    if let Some(pos) = text.find('\0') {
        let (line, col) = line_col(text, pos);
        return Err((
            line,
            col,
            "the file contains binary data (a NUL byte); is it really Markdown?".into(),
        ));
    }
    // A lone CR (old Mac line ending) ends a line for YAML and Markdown;
    // make it a LF so every step counts lines the same way.
    let b = text.as_bytes();
    if (0..b.len()).any(|i| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\r' && chars.peek() != Some(&'\n') {
                out.push('\n');
            } else {
                out.push(c);
            }
        }
        return Ok(out);
    }
    Ok(text.to_string())
}

/// A UTF-16 byte-order mark, or text whose every other byte is NUL (UTF-16
/// saved without a mark: Windows Notepad's "Unicode").
fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    head.len() >= 4
        && (head.iter().step_by(2).all(|&b| b == 0)
            && head.iter().skip(1).step_by(2).all(|&b| b != 0)
            || head.iter().skip(1).step_by(2).all(|&b| b == 0)
                && head.iter().step_by(2).all(|&b| b != 0))
}

fn line_col_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    line_col_bytes(text.as_bytes(), offset)
}

/// Maps byte offsets to lines quickly for many lookups in one text.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // `match_indices` of a char looks for it with memchr, many bytes at
        // a time: every document with a link to another page's section
        // needs its lines.
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// Line `n` (1-based) of `text`, without its line ending.
    pub fn line<'t>(&self, text: &'t str, n: usize) -> Option<&'t str> {
        let start = *self.starts.get(n.checked_sub(1)?)?;
        let end = self.starts.get(n).map_or(text.len(), |&next| next - 1);
        Some(text.get(start..end)?.trim_end_matches('\r'))
    }

    /// 0-based line and 1-based column (in characters) of `offset` in `text`.
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let end = offset.min(text.len());
        let col = text.get(start..end).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_strips_bom_and_reports_bad_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        let (line, col, _) = decode(b"a\nbc\xFFd").unwrap_err();
        assert_eq!((line, col), (2, 3));
        assert!(decode(b"ok\0").is_err());
        let utf16 = (
            0,
            0,
            "the file is UTF-16 encoded; fieldguide reads UTF-8".to_string(),
        );
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap_err(), utf16);
        assert_eq!(decode(b"-\0-\0-\0\n\0").unwrap_err(), utf16);
        assert_eq!(decode(b"\0-\0-\0-\0\n").unwrap_err(), utf16);
        assert_ne!(decode(b"ab\0d").unwrap_err(), utf16);
        assert_eq!(decode(b"a\rb\r\nc\r").unwrap(), "a\nb\r\nc\n");
    }

    #[test]
    fn decode_vec_agrees_with_decode() {
        for input in [
            &b"plain"[..],
            b"\xEF\xBB\xBFbom",
            b"a\rb",
            b"bad\xFF",
            b"nul\0",
        ] {
            assert_eq!(decode_vec(input.to_vec()), decode(input));
        }
    }

    #[test]
    fn line_index_locates() {
        let t = "ab\nçd\ne";
        let idx = LineIndex::new(t);
        assert_eq!(idx.locate(t, 0), (0, 1));
        assert_eq!(idx.locate(t, 5), (1, 2));
        assert_eq!(idx.locate(t, 7), (2, 1));
        // Agrees with the slow way on every offset, Windows line ends,
        // a last line without one, and letters of several bytes.
        let t = "titre\r\nété\n\n  ذهب\r\nend";
        let idx = LineIndex::new(t);
        for offset in (0..=t.len()).filter(|&o| t.is_char_boundary(o)) {
            let (line, col) = line_col(t, offset);
            assert_eq!(idx.locate(t, offset), (line - 1, col), "{offset}");
        }
        let lines: Vec<_> = (1..=5).map(|n| idx.line(t, n)).collect();
        assert_eq!(
            lines,
            [
                Some("titre"),
                Some("été"),
                Some(""),
                Some("  ذهب"),
                Some("end")
            ]
        );
        assert_eq!(idx.line(t, 6), None);
    }
}
