//! Small text helpers shared by the loading steps: decoding files,
//! turning byte offsets into line and column, and the content hash that
//! translations record (of the title, summary and body).

/// A short BLAKE3 hash of a source page's title and body, blind to line
/// endings and to spaces at the ends of lines: what a translation records
/// in `translation_of:` (see `translation`). Here, with no import, so that
/// loading can compare files before the model exists.
pub fn source_hash(title: &str, body: &str) -> String {
    blake3::hash(&normalised(title, body)).to_hex()[..16].to_string()
}

/// The hash a translation records of its source (`translation_of:`) and an
/// edition's page of the base's (`adapts:`): [`source_hash`] of the title
/// and body, with the summary when the page has one, so that a changed
/// summary makes its translations stale. A page with no summary has the
/// hash it always had; a page with one also matches stamps written before
/// the summary counted (see [`legacy_hash`]).
pub fn stamp_hash(title: &str, summary: Option<&str>, body: &str) -> String {
    match summary.map(str::trim).filter(|s| !s.is_empty()) {
        None => source_hash(title, body),
        Some(summary) => {
            let mut text = normalised(title, body);
            // A NUL never ends a page's body: no body alone gives this text.
            text.extend_from_slice(b"\0summary\n");
            text.extend_from_slice(summary.as_bytes());
            blake3::hash(&text).to_hex()[..16].to_string()
        }
    }
}

/// The hash stamps recorded before the summary counted, when it differs
/// from [`stamp_hash`]'s (the page has a summary): such a stamp still
/// matches while the title and body are those it was made from.
pub fn legacy_hash(title: &str, summary: Option<&str>, body: &str) -> Option<String> {
    summary
        .is_some_and(|s| !s.trim().is_empty())
        .then(|| source_hash(title, body))
}

/// The text [`source_hash`] hashes: the title, a line end, and the body
/// normalised.
fn normalised(title: &str, body: &str) -> Vec<u8> {
    // The normalised text is the body up to its last non-space character,
    // each line with its trailing spaces (and `\r`) dropped, and a line end
    // after the last. Most lines have nothing to drop, so it is copied in
    // long runs, and hashed at once: BLAKE3 hashes an input several chunks
    // at a time, but fed in pieces (line by line, or after a title that
    // leaves a chunk half full) it compresses fewer at a time.
    let title = title.trim();
    let body = body.trim_end();
    let mut text = Vec::with_capacity(title.len() + body.len() + 2);
    text.extend_from_slice(title.as_bytes());
    text.push(b'\n');
    if !body.is_empty() {
        let mut run = 0;
        let mut line = 0;
        for nl in memchr::memchr_iter(b'\n', body.as_bytes()) {
            let kept = line + body[line..nl].trim_end().len();
            if kept < nl {
                text.extend_from_slice(&body.as_bytes()[run..kept]);
                run = nl;
            }
            line = nl + 1;
        }
        text.extend_from_slice(&body.as_bytes()[run..]);
        text.push(b'\n');
    }
    text
}

/// Why a file is not UTF-8 text, and where: line 0 when it concerns the
/// whole file (no line of it is worth showing).
#[derive(Debug, PartialEq)]
pub struct Undecodable {
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// Text in another encoding (UTF-16, UTF-32), which an editor can save
    /// as UTF-8, rather than binary data.
    pub other_encoding: bool,
}

impl Undecodable {
    fn whole(message: &str, other_encoding: bool) -> Self {
        Undecodable {
            line: 0,
            col: 0,
            message: message.to_string(),
            other_encoding,
        }
    }

    fn at(line: usize, col: usize, message: &str) -> Self {
        Undecodable {
            line,
            col,
            message: message.to_string(),
            other_encoding: false,
        }
    }
}

/// Like [`decode`], taking the bytes: valid UTF-8 (the usual case) becomes
/// the `String` without a copy.
pub fn decode_vec(mut bytes: Vec<u8>) -> Result<String, Undecodable> {
    // One pass for both bytes that need the slow path.
    let plain = !bytes.starts_with(b"\xEF\xBB\xBF") && memchr::memchr2(b'\r', 0, &bytes).is_none();
    if plain {
        match String::from_utf8(bytes) {
            Ok(s) => return Ok(s),
            Err(e) => bytes = e.into_bytes(),
        }
    }
    decode(&bytes)
}

/// Decodes a file as UTF-8 text, dropping a byte-order mark. A file that is
/// not text gets an error at the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<String, Undecodable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Its mark begins like UTF-16's: said first.
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Err(Undecodable::whole(
            "the file is UTF-32 encoded; fieldguide reads UTF-8",
            true,
        ));
    }
    if looks_utf16(bytes) {
        return Err(Undecodable::whole(
            "the file is UTF-16 encoded; fieldguide reads UTF-8",
            true,
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = line_col_bytes(bytes, e.valid_up_to());
            return Err(Undecodable::at(
                line,
                col,
                "the file is not valid UTF-8 text (save it as UTF-8)",
            ));
        }
    };
    if let Some(pos) = text.find('\0') {
        let (line, col) = line_col(text, pos);
        return Err(Undecodable::at(
            line,
            col,
            "the file contains binary data (a NUL byte); is it really a text file?",
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

/// The line of `text` that holds byte `pos` (clamped to the text): where it
/// starts and where it ends (its `\n` or the text's end). memchr's search,
/// many bytes at a time (`str::find` of a char is not): the Markdown step
/// asks it of every run of text.
pub fn line_around(text: &str, pos: usize) -> (usize, usize) {
    let (b, pos) = (text.as_bytes(), pos.min(text.len()));
    let start = memchr::memrchr(b'\n', &b[..pos]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |i| pos + i);
    (start, end)
}

/// Maps byte offsets to lines quickly for many lookups in one text.
pub struct LineIndex {
    starts: Vec<usize>,
    /// In lines longer than [`MARK_EVERY`] bytes, a mark every so many
    /// bytes (at a character boundary): its offset, and the characters
    /// from its line's start to it. Columns are counted from the nearest
    /// mark, so many messages on one long line cost linear time in all,
    /// not line length times messages.
    marks: Vec<(usize, usize)>,
}

/// Bytes between two marks of a long line.
const MARK_EVERY: usize = 1024;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // memchr's search, many bytes at a time: every document with a link
        // to another page's section needs its lines.
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut marks = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(text.len(), |&next| next);
            let (mut at, mut chars) = (start, 0);
            while end - at > MARK_EVERY {
                let mut next = at + MARK_EVERY;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                chars += text[at..next].chars().count();
                marks.push((next, chars));
                at = next;
            }
        }
        Self { starts, marks }
    }

    /// Line `n` (1-based) of `text`, without its line ending.
    pub fn line<'t>(&self, text: &'t str, n: usize) -> Option<&'t str> {
        let (start, end) = self.bounds(text, n)?;
        Some(text.get(start..end)?.trim_end_matches('\r'))
    }

    /// Byte range of line `n` (1-based), without its `\n`.
    fn bounds(&self, text: &str, n: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(n.checked_sub(1)?)?;
        let end = self.starts.get(n).map_or(text.len(), |&next| next - 1);
        Some((start, end))
    }

    /// 0-based line and 1-based column (in characters) of `offset` in `text`.
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let end = offset.min(text.len());
        // The last mark at or before `end`, if it is on this line.
        let i = self.marks.partition_point(|&(at, _)| at <= end);
        let (from, before) = match i.checked_sub(1).map(|i| self.marks[i]) {
            Some((at, chars)) if at > start => (at, chars),
            _ => (start, 0),
        };
        let col = text
            .get(from..end)
            .map_or(1, |s| before + s.chars().count() + 1);
        (line, col)
    }

    /// Line `n` (1-based) from column `col` (1-based, in characters) on,
    /// at most `len` characters of it, and the column it starts at (the
    /// line's end when `col` is past it). Found from the nearest mark, so
    /// a far column costs no more than a near one.
    pub fn cut<'t>(
        &self,
        text: &'t str,
        n: usize,
        col: usize,
        len: usize,
    ) -> Option<(&'t str, usize)> {
        let (start, end) = self.bounds(text, n)?;
        let lo = self.marks.partition_point(|&(at, _)| at <= start);
        let hi = self.marks.partition_point(|&(at, _)| at < end);
        let want = col.max(1) - 1;
        let j = self.marks[lo..hi].partition_point(|&(_, chars)| chars <= want);
        let (from, before) = j.checked_sub(1).map_or((start, 0), |j| self.marks[lo + j]);
        let line = text.get(from..end)?.trim_end_matches('\r');
        let skip = line
            .char_indices()
            .nth(want - before)
            .map_or(line.len(), |(i, _)| i);
        let shown = &line[skip..];
        let stop = shown
            .char_indices()
            .nth(len)
            .map_or(shown.len(), |(i, _)| i);
        let first = before + line[..skip].chars().count() + 1;
        Some((&shown[..stop], first))
    }
}

/// A character that takes no room on screen: soft hyphen, zero-width
/// space and joiners, direction marks and embeddings, word joiner and
/// isolates, byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// Finds `pat` after each of a rising series of offsets, searching each
/// stretch of text once: many starts before one far `pat` (`{{ {{ {{ … }}`),
/// or with none after them, cost one search, not one each (which grew with
/// the square of the line).
pub struct Ahead<'p> {
    pat: &'p str,
    /// The last answer: where `pat` is, at or after the offset asked.
    found: Option<Option<usize>>,
}

impl<'p> Ahead<'p> {
    pub fn new(pat: &'p str) -> Self {
        Ahead { pat, found: None }
    }

    /// The offset of the first `pat` in `s` at or after `from`, which
    /// must not be less than the last call's.
    pub fn find(&mut self, s: &str, from: usize) -> Option<usize> {
        match self.found {
            Some(Some(at)) if at >= from => Some(at),
            Some(None) => None,
            _ => {
                let at = s.get(from..)?.find(self.pat).map(|p| from + p);
                self.found = Some(at);
                at
            }
        }
    }
}

/// A PDF text string's bytes as text: UTF-16 after its byte-order mark,
/// else one byte a character (PDFDocEncoding, close enough to Latin-1 for
/// names and titles). Written by `pdf::metadata`, read by the checks of
/// published PDFs.
pub fn pdf_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| b as char).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `source_hash` as first written, line by line into a copy: stamps in
    /// users' files were made with it, so the fast one must agree exactly.
    fn source_hash_by_lines(title: &str, body: &str) -> String {
        let mut text = format!("{}\n", title.trim());
        let mut pending_blank = 0usize;
        for line in body.lines() {
            let line = line.trim_end();
            if line.is_empty() {
                pending_blank += 1;
                continue;
            }
            text.push_str(&"\n".repeat(pending_blank));
            pending_blank = 0;
            text.push_str(line);
            text.push('\n');
        }
        blake3::hash(text.as_bytes()).to_hex()[..16].to_string()
    }

    #[test]
    fn a_summary_counts_in_a_stamp_and_a_page_without_one_keeps_its_hash() {
        let plain = source_hash("Title", "Body.\n");
        assert_eq!(stamp_hash("Title", None, "Body.\n"), plain);
        assert_eq!(stamp_hash("Title", Some("  "), "Body.\n"), plain);
        assert_eq!(legacy_hash("Title", None, "Body.\n"), None);
        let with = stamp_hash("Title", Some("Short."), "Body.\n");
        assert_ne!(with, plain);
        assert_ne!(with, stamp_hash("Title", Some("Other."), "Body.\n"));
        assert_eq!(with, stamp_hash("Title", Some(" Short. "), "Body.  \r\n"));
        assert_eq!(legacy_hash("Title", Some("Short."), "Body.\n"), Some(plain));
    }

    #[test]
    fn source_hash_agrees_with_the_line_by_line_hash() {
        let pieces = [
            "a",
            "word",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "\u{a0}",
            "\u{3000}",
            "é",
            "مرحبا",
            "\u{2028}",
            "x\u{85}",
            "- item",
            "",
        ];
        // Every string of up to three pieces, then longer ones from a
        // simple generator.
        let mut bodies = vec![String::new()];
        for _ in 0..3 {
            let mut next = Vec::new();
            for b in &bodies {
                for p in pieces {
                    next.push(format!("{b}{p}"));
                }
            }
            bodies.extend(next);
            bodies.sort();
            bodies.dedup();
        }
        let mut seed = 7u64;
        for _ in 0..2_000 {
            let mut b = String::new();
            for _ in 0..40 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                b.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            bodies.push(b);
        }
        for b in &bodies {
            for t in ["", " Title ", "عنوان"] {
                assert_eq!(source_hash(t, b), source_hash_by_lines(t, b), "{t:?} {b:?}");
            }
        }
    }

    #[test]
    fn decode_strips_bom_and_reports_bad_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        let e = decode(b"a\nbc\xFFd").unwrap_err();
        assert_eq!((e.line, e.col, e.other_encoding), (2, 3, false));
        assert!(decode(b"ok\0").is_err());
        let utf16 = Undecodable::whole("the file is UTF-16 encoded; fieldguide reads UTF-8", true);
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap_err(), utf16);
        assert_eq!(decode(b"-\0-\0-\0\n\0").unwrap_err(), utf16);
        assert_eq!(decode(b"\0-\0-\0-\0\n").unwrap_err(), utf16);
        assert_ne!(decode(b"ab\0d").unwrap_err(), utf16);
        let utf32 = decode(b"\xFF\xFE\0\0h\0\0\0").unwrap_err();
        assert!(utf32.message.contains("UTF-32") && utf32.other_encoding);
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

    #[test]
    fn columns_on_long_lines_agree_with_counting() {
        // Marks fall inside letters of several bytes and near line ends.
        let long: String = (0..3000).map(|i| ["a", "é", "ذ", "😀"][i % 4]).collect();
        let t = format!("short\n{long}\r\n{long}x\nend");
        let idx = LineIndex::new(&t);
        assert!(!idx.marks.is_empty());
        let offsets = (0..=t.len()).filter(|&o| t.is_char_boundary(o));
        for offset in offsets.step_by(7) {
            let (line, col) = line_col(&t, offset);
            assert_eq!(idx.locate(&t, offset), (line - 1, col), "{offset}");
        }
        for n in 1..=4 {
            let whole = idx.line(&t, n).unwrap();
            let count = whole.chars().count();
            for col in (1..count + 3).step_by(7) {
                let want: String = whole.chars().skip(col - 1).take(50).collect();
                let (got, first) = idx.cut(&t, n, col, 50).unwrap();
                assert_eq!(
                    (got, first),
                    (want.as_str(), col.min(count + 1)),
                    "{n}:{col}"
                );
            }
        }
    }

    #[test]
    fn ahead_finds_what_find_finds() {
        let s = "{{ a {{ b }} {{ c";
        let mut ahead = super::Ahead::new("}}");
        for from in 0..=s.len() {
            assert_eq!(
                ahead.find(s, from),
                s[from..].find("}}").map(|p| from + p),
                "{from}"
            );
        }
    }
}
