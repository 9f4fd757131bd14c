//! The content hash that translations (`translation_of:`) and an
//! edition's adapted pages (`adapts:`) record of the page they follow.

/// A short BLAKE3 hash of a source page's title and body, blind to line
/// endings and to spaces at the ends of lines.
pub fn source_hash(title: &str, body: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(title.trim().as_bytes());
    h.update(b"\n");
    let mut pending_blank = 0usize;
    for line in body.lines() {
        let line = line.trim_end();
        // Blank lines at the end of the file do not count either.
        if line.is_empty() {
            pending_blank += 1;
            continue;
        }
        for _ in 0..pending_blank {
            h.update(b"\n");
        }
        pending_blank = 0;
        h.update(line.as_bytes());
        h.update(b"\n");
    }
    h.finalize().to_hex()[..16].to_string()
}
