//! `.fieldguide-output`: the list of files fieldguide wrote into the output
//! folder, each with the BLAKE3 hash of the bytes it wrote.
//!
//! The manifest lives in the output folder, so anyone who can write there
//! can forge it. It is therefore only ever used to *remove* files, and only
//! a file whose path is plain (relative, no `..`, no link on the way) and
//! whose bytes still hash to what the manifest says: a forged entry can at
//! most make fieldguide remove a file that holds exactly what fieldguide
//! would have written.

use std::collections::BTreeMap;

pub const MARKER: &str = ".fieldguide-output";
/// Reserved names in the output folder: fieldguide's own.
pub const RESERVED_PREFIX: &str = ".fieldguide";
const HEADER: &str = "# Written by fieldguide. It lists the files it wrote here (BLAKE3 hash, path); it removes a file only while its bytes still match.\n";

pub type Hash = [u8; 32];

/// Path -> hash of what fieldguide wrote there (`None` for entries of an
/// older manifest without hashes: never removed).
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    pub files: BTreeMap<String, Option<Hash>>,
    /// Entries that were refused (absolute, `..`, reserved names), for a warning.
    pub refused: Vec<String>,
}

/// A path inside the output: relative, `/`-separated, no `..`, no empty,
/// `.` or reserved segments.
pub fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.starts_with(RESERVED_PREFIX))
}

fn hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_hex(s: &str) -> Option<Hash> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

impl Manifest {
    pub fn parse(text: &str) -> Manifest {
        let mut m = Manifest::default();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (hash, path) = match line.split_once(' ') {
                Some((h, p)) if parse_hex(h).is_some() => (parse_hex(h), p),
                _ => (None, line),
            };
            if is_safe(path) {
                m.files.insert(path.to_string(), hash);
            } else {
                m.refused.push(path.to_string());
            }
        }
        m
    }

    pub fn render(&self) -> String {
        let mut s = String::from(HEADER);
        for (path, hash) in &self.files {
            if let Some(h) = hash {
                s.push_str(&hex(h));
                s.push(' ');
            }
            s.push_str(path);
            s.push('\n');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths() {
        assert!(is_safe("en/pub/a.html"));
        assert!(!is_safe("../x"));
        assert!(!is_safe("/etc/x"));
        assert!(!is_safe("en//a"));
        assert!(!is_safe("en/./a"));
        assert!(!is_safe(".fieldguide-output"));
        assert!(!is_safe("en/.fieldguide-staging/x"));
    }

    #[test]
    fn round_trip_and_refusals() {
        let h = *blake3::hash(b"x").as_bytes();
        let mut m = Manifest::default();
        m.files.insert("en/a b.html".into(), Some(h));
        let text = m.render();
        let back = Manifest::parse(&format!("{text}../../etc/passwd\n/abs\nold/format.html\n"));
        assert_eq!(back.files["en/a b.html"], Some(h));
        assert_eq!(back.files["old/format.html"], None);
        assert_eq!(back.refused, ["../../etc/passwd", "/abs"]);
    }
}
