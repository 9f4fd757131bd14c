//! `.fieldguide-output`: the list of files fieldguide wrote into the output
//! folder, each with the BLAKE3 hash of the bytes it wrote.
//!
//! Its first line marks the folder as one a build made: only into such a
//! folder (or an empty one) does a build write, since it removes from it
//! everything it does not write (`output::commit`). The manifest lives in
//! the output folder, so anyone who can write there can forge it: nothing
//! in it decides what a build writes.
//!
//! A build with nothing to report also seals it: a last line holding a
//! BLAKE3 hash of the lines above, keyed by a hash of every input (see
//! `pipeline::unchanged`). Only a seal that opens with the key of the next
//! build's own inputs lets that build keep the output as it is, and even
//! then only once every file still hashes to what the manifest says.
//!
//! The report under the seal (the build's messages and summary, said again
//! by a build that writes nothing) is enciphered with that key: the
//! manifest is published with the site, and messages name what was kept
//! out of it (a `case-notes.docx` no page links to, a path on the writer's
//! computer). Only someone with every byte of the source can read it.

use std::collections::BTreeMap;

pub const MARKER: &str = ".fieldguide-output";

/// A Git repository at the top of the output folder (`public/` made a
/// clone of the `gh-pages` branch after a first build, to deploy): never
/// the build's, so never read, written, zipped or removed. A link by that
/// name is not one: it is removed like any other.
pub const REPOSITORY: &str = ".git";

/// Whether `kind` of the name [`REPOSITORY`] at the top of the output is
/// a repository to keep: a folder, or the file a worktree has instead.
pub fn is_repository(kind: crate::no_follow::Kind) -> bool {
    matches!(
        kind,
        crate::no_follow::Kind::Dir | crate::no_follow::Kind::File { .. }
    )
}
/// Reserved names in the output folder: fieldguide's own.
pub const RESERVED_PREFIX: &str = ".fieldguide";
const HEADER: &str = "# Written by fieldguide: the files it wrote here (BLAKE3 hash:length in bytes, path). A build removes from this folder everything it does not write.\n";
/// How every manifest fieldguide wrote begins, this version's and older.
const WRITTEN_BY: &str = "# Written by fieldguide";

pub type Hash = [u8; 32];

/// The most of a manifest a build reads: lines for about two million
/// files. The output folder is not trusted, and a manifest forged to
/// gigabytes (a sparse file costs no disk) is read no further.
pub const MAX_BYTES: u64 = 256 << 20;

/// Reads the manifest of the output folder `dir`, up to [`MAX_BYTES`].
pub fn read(dir: &crate::no_follow::Dir) -> std::io::Result<Vec<u8>> {
    read_at_most(dir, MAX_BYTES)
}

fn read_at_most(dir: &crate::no_follow::Dir, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    dir.open_read(MARKER)?.take(max).read_to_end(&mut out)?;
    Ok(out)
}

/// A refused entry as kept for the warning: no path fieldguide writes is
/// this long, and a forged line of megabytes is not quoted whole.
fn shortened(entry: &str) -> String {
    const KEPT: usize = 200;
    match entry.char_indices().nth(KEPT) {
        Some((at, _)) => format!("{}…", &entry[..at]),
        None => entry.to_string(),
    }
}

/// Whether `bytes` are a manifest fieldguide wrote (its first line): an
/// empty or made-up `.fieldguide-output` does not make a folder the build's
/// to empty.
pub fn written_by_fieldguide(bytes: &[u8]) -> bool {
    bytes.starts_with(WRITTEN_BY.as_bytes())
}

/// Path -> hash of what fieldguide wrote there (`None` for entries of an
/// older manifest without hashes: never removed).
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    pub files: BTreeMap<String, Option<Hash>>,
    /// Entries that were refused (absolute, `..`, reserved names), for a warning.
    pub refused: Vec<String>,
    /// PDFs made by `pdf` -> the key of the print page they were printed
    /// from (`printed <key> <path>` lines; see `pdf::keep`). Like every
    /// entry, it can only keep a file from being removed, never make a
    /// page link to it.
    pub printed: BTreeMap<String, String>,
    /// The site zip's hash keyed with a secret of the source (see
    /// [`zip_seal`]): a rebuild reuses entries only of that zip.
    pub zip_sealed: Option<Hash>,
    /// Path -> length of what fieldguide wrote there (`hash:length path`
    /// lines; an older manifest has none): a file of another length is
    /// known not to be it without reading it (a sparse file of terabytes
    /// planted there takes no room on a disk).
    pub lens: BTreeMap<String, u64>,
}

/// Whether the regular file `name` of `dir` still holds what fieldguide
/// wrote there: its length first when the manifest has it, then its hash,
/// read as it streams (never the whole file in memory).
pub fn still_holds(dir: &crate::no_follow::Dir, name: &str, hash: &Hash, len: Option<u64>) -> bool {
    match dir.kind(name) {
        Ok(crate::no_follow::Kind::File { len: found }) if len.is_none_or(|l| l == found) => {
            dir.hash(name).is_ok_and(|(h, _)| h == *hash)
        }
        _ => false,
    }
}

/// What a manifest records of the site zip whose bytes hash to `zip`:
/// keyed with `secret` (`pipeline::unchanged::zip_secret`), so that a zip
/// put in the output by someone else, even with entries holding the same
/// files, is not taken for the build's own.
pub fn zip_seal(secret: &Hash, zip: &Hash) -> Hash {
    *blake3::keyed_hash(secret, zip).as_bytes()
}

const PRINTED: &str = "printed ";
const ZIP_SEALED: &str = "zipsealed ";
/// The last line of a manifest written by a build that can be skipped
/// next time nothing changed: the keyed hash of the lines above it (see
/// `pipeline::unchanged`).
const SEALED: &str = "sealed ";
/// The line before it: what that build said, on one line (JSON).
const REPORT: &str = "report ";

/// A path inside the output: relative, `/`-separated, no `..`, no empty,
/// `.` or reserved segments, and not in the [`REPOSITORY`] at the top (a
/// manifest entry forged there would have the build remove its files).
pub fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && path.split('/').next() != Some(REPOSITORY)
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.starts_with(RESERVED_PREFIX))
}

fn hex(h: &[u8]) -> String {
    let mut s = String::with_capacity(2 * h.len());
    for b in h {
        let _ = std::fmt::Write::write_fmt(&mut s, format_args!("{b:02x}"));
    }
    s
}

/// The report enciphered (or deciphered) with `key`: XOR with BLAKE3's
/// output stream under a key derived from it. A key is a hash of every
/// input, so it enciphers one report only: the same inputs make the same
/// report.
fn report_cipher(key: &Hash, bytes: &mut [u8]) {
    let k = blake3::derive_key("fieldguide manifest report 1", key);
    let mut stream = vec![0u8; bytes.len()];
    blake3::Hasher::new_keyed(&k)
        .finalize_xof()
        .fill(&mut stream);
    bytes.iter_mut().zip(&stream).for_each(|(b, s)| *b ^= s);
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
        for line in text.lines().filter(|l| {
            !l.starts_with('#') && !l.is_empty() && !l.starts_with(SEALED) && !l.starts_with(REPORT)
        }) {
            if let Some(rest) = line.strip_prefix(ZIP_SEALED) {
                m.zip_sealed = parse_hex(rest);
                continue;
            }
            if let Some(rest) = line.strip_prefix(PRINTED) {
                match rest.split_once(' ') {
                    Some((key, path))
                        if key.len() == 32
                            && key.bytes().all(|b| b.is_ascii_hexdigit())
                            && is_safe(path) =>
                    {
                        m.printed.insert(path.to_string(), key.to_string());
                    }
                    _ => m.refused.push(shortened(line)),
                }
                continue;
            }
            // `hash:length path`, `hash path` (older), or a path alone.
            let entry = line.split_once(' ').and_then(|(h, p)| {
                let (h, len) = h
                    .split_once(':')
                    .map_or((h, None), |(h, l)| (h, l.parse().ok()));
                Some((parse_hex(h)?, len, p))
            });
            let (hash, len, path) = match entry {
                Some((h, len, p)) => (Some(h), len, p),
                None => (None, None, line),
            };
            if is_safe(path) {
                if let Some(len) = len {
                    m.lens.insert(path.to_string(), len);
                }
                m.files.insert(path.to_string(), hash);
            } else {
                m.refused.push(shortened(path));
            }
        }
        m
    }

    /// [`Manifest::render`], sealed with `seal` when given: a key, and a
    /// report (one line) kept under the seal.
    pub fn render_sealed(&self, seal: Option<(&Hash, &str)>) -> String {
        let mut s = self.render();
        if let Some((key, report)) = seal {
            let mut secret = report.as_bytes().to_vec();
            report_cipher(key, &mut secret);
            s.push_str(REPORT);
            s.push_str(&hex(&secret));
            s.push('\n');
            let tag = blake3::keyed_hash(key, s.as_bytes());
            s.push_str(SEALED);
            s.push_str(&hex(tag.as_bytes()));
            s.push('\n');
        }
        s
    }

    /// The report under the seal of `text`, when the seal opens with `key`.
    pub fn seal_opens(text: &str, key: &Hash) -> Option<String> {
        let body = text.strip_suffix('\n')?;
        let (body, last) = body.rsplit_once('\n')?;
        let tag = parse_hex(last.strip_prefix(SEALED)?)?;
        let body = &text[..body.len() + 1];
        if blake3::keyed_hash(key, body.as_bytes()) != blake3::Hash::from_bytes(tag) {
            return None;
        }
        let (_, report) = body.strip_suffix('\n')?.rsplit_once('\n')?;
        let report = report.strip_prefix(REPORT)?;
        let mut bytes = (0..report.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(report.get(i..i + 2)?, 16).ok())
            .collect::<Option<Vec<u8>>>()?;
        report_cipher(key, &mut bytes);
        String::from_utf8(bytes).ok()
    }

    /// Every entry accepted, each with its hash: the only kind of manifest
    /// a build that writes nothing may stand on.
    pub fn complete(&self) -> bool {
        self.refused.is_empty() && self.files.values().all(Option::is_some)
    }

    pub fn render(&self) -> String {
        let mut s = String::from(HEADER);
        for (path, hash) in &self.files {
            if let Some(h) = hash {
                s.push_str(&hex(h));
                if let Some(len) = self.lens.get(path) {
                    s.push_str(&format!(":{len}"));
                }
                s.push(' ');
            }
            s.push_str(path);
            s.push('\n');
        }
        for (path, key) in &self.printed {
            if self.files.contains_key(path) {
                s.push_str(&format!("{PRINTED}{key} {path}\n"));
            }
        }
        if let Some(h) = &self.zip_sealed {
            s.push_str(&format!("{ZIP_SEALED}{}\n", hex(h)));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_is_read_so_far_and_an_entry_quoted_so_long() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MARKER), vec![b'x'; 1000]).unwrap();
        let d = crate::no_follow::Dir::open(dir.path()).unwrap();
        assert_eq!(read_at_most(&d, 10).unwrap().len(), 10);
        assert_eq!(read(&d).unwrap().len(), 1000);
        let m = Manifest::parse(&format!("{HEADER}../{}\n", "\0".repeat(5000)));
        assert_eq!(m.refused.len(), 1);
        assert_eq!(m.refused[0].chars().count(), 201);
    }

    #[test]
    fn lengths_are_read_back_and_an_older_line_has_none() {
        let mut m = Manifest::default();
        m.files.insert("en/a b.html".into(), Some([7; 32]));
        m.lens.insert("en/a b.html".into(), 1234);
        m.files.insert("old.html".into(), Some([9; 32]));
        let back = Manifest::parse(&m.render());
        assert_eq!(back.files, m.files);
        assert_eq!(back.lens, m.lens);
        assert!(back.complete());
        // A length that is no number is not one; the hash still is.
        let forged = Manifest::parse(&format!("{}:12x x.html\n", hex(&[1; 32])));
        assert_eq!(forged.files["x.html"], Some([1; 32]));
        assert!(forged.lens.is_empty());
        // Only a regular file of the recorded length is read and compared.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.html"), b"page").unwrap();
        let d = crate::no_follow::Dir::open(dir.path()).unwrap();
        let h = *blake3::hash(b"page").as_bytes();
        assert!(still_holds(&d, "p.html", &h, Some(4)));
        assert!(still_holds(&d, "p.html", &h, None));
        assert!(!still_holds(&d, "p.html", &h, Some(5)));
        assert!(!still_holds(&d, "p.html", &[0; 32], Some(4)));
        assert!(!still_holds(&d, "none.html", &h, None));
    }

    #[test]
    fn a_seal_opens_only_with_its_key_and_over_the_same_lines() {
        let mut m = Manifest::default();
        m.files.insert("en/index.html".into(), Some([7; 32]));
        m.files.insert("assets/site.css".into(), Some([9; 32]));
        let key = [1; 32];
        let text = m.render_sealed(Some((&key, "{\"said\": 1}")));
        let report = Manifest::seal_opens(&text, &key).expect("opens");
        assert_eq!(report, "{\"said\": 1}");
        // Published with the site, the report is read only with the key.
        assert!(!text.contains("said"), "{text}");
        // What the build reads of it is the same sealed or not.
        assert_eq!(Manifest::parse(&text).files, m.files);
        assert!(Manifest::parse(&text).complete());
        assert!(
            Manifest::seal_opens(&text, &[2; 32]).is_none(),
            "another key"
        );
        let forged = text.replace(&hex(&[7; 32]), &hex(&[8; 32]));
        assert!(
            Manifest::seal_opens(&forged, &key).is_none(),
            "a hash changed"
        );
        let added = format!("{}{}", hex(&[3; 32]), " en/x.html\n");
        assert!(
            Manifest::seal_opens(&format!("{added}{text}"), &key).is_none(),
            "a line added"
        );
        assert!(
            Manifest::seal_opens(&m.render(), &key).is_none(),
            "unsealed"
        );
    }

    #[test]
    fn only_a_manifest_of_plain_paths_each_with_a_hash_is_complete() {
        let hash = hex(&[7; 32]);
        assert!(Manifest::parse(&format!("{hash} en/index.html\n")).complete());
        assert!(!Manifest::parse("en/index.html\n").complete(), "no hash");
        assert!(
            !Manifest::parse(&format!("{hash} ../x\n")).complete(),
            "refused"
        );
    }

    #[test]
    fn safe_paths() {
        assert!(is_safe("en/pub/a.html"));
        assert!(!is_safe("../x"));
        assert!(!is_safe("/etc/x"));
        assert!(!is_safe("en//a"));
        assert!(!is_safe("en/./a"));
        assert!(!is_safe(".fieldguide-output"));
        assert!(!is_safe("en/.fieldguide-staging/x"));
        assert!(!is_safe(".git/HEAD"));
        assert!(!is_safe(".git"));
        assert!(is_safe("en/.git/x") && is_safe(".github/x"));
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

    #[test]
    fn printed_keys_round_trip_only_for_listed_safe_files() {
        let key = "0123456789abcdef0123456789abcdef".to_string();
        let mut m = Manifest::default();
        m.files.insert("en/g/g.en.pdf".into(), Some([1; 32]));
        m.printed.insert("en/g/g.en.pdf".into(), key.clone());
        m.printed.insert("en/g/gone.pdf".into(), key.clone());
        let text = m.render();
        assert!(
            text.ends_with(&format!("printed {key} en/g/g.en.pdf\n")),
            "{text}"
        );
        assert!(!text.contains("gone.pdf"));
        let back = Manifest::parse(&format!(
            "{text}printed {key} ../x.pdf\nprinted short en/y.pdf\n"
        ));
        assert_eq!(back.printed.len(), 1);
        assert_eq!(back.printed["en/g/g.en.pdf"], key);
        assert_eq!(back.files.len(), 1, "{:?}", back.files);
        assert_eq!(back.refused.len(), 2, "{:?}", back.refused);
    }
}
