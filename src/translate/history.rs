//! Finding the source text a translation was made from. A stamp records
//! only a hash of it (`translation_of:`), so to show a translator what
//! changed we need the text itself: first from the snapshots that `stamp`
//! and `translate import` keep (`translations/sources/<hash>.md`), then
//! from the site's git history, if it has one.

use super::files;
use crate::translation::source_hash;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where snapshots of stamped sources live, inside the site folder.
pub const STORE: &str = "translations/sources";

/// How many commits of a file's history are searched for a version.
const GIT_DEPTH: usize = 200;

pub struct History {
    root: PathBuf,
}

/// The hash `stamp` would record for a page's text.
pub fn hash_of(text: &str) -> Option<String> {
    let split = crate::content::front_matter::split(text).ok()?;
    let yaml: serde_yaml::Value = if split.yaml.trim().is_empty() {
        serde_yaml::Value::Null
    } else {
        serde_yaml::from_str(split.yaml).ok()?
    };
    let title = yaml
        .get("title")
        .and_then(serde_yaml::Value::as_str)
        .unwrap_or("");
    Some(source_hash(title, split.body))
}

/// A hash as `stamp` writes it; anything else is never used in a path.
fn well_formed(hash: &str) -> bool {
    hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

impl History {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
        }
    }

    /// The text of `rel` (a source page, relative to the site folder) as
    /// it was when its hash was `hash`, and where it was found.
    pub fn find(&self, rel: &Path, hash: &str) -> Option<(String, &'static str)> {
        if !well_formed(hash) {
            return None;
        }
        if let Some(t) = self.stored(hash) {
            return Some((t, "snapshot"));
        }
        self.in_git(rel, hash).map(|t| (t, "git history"))
    }

    fn stored(&self, hash: &str) -> Option<String> {
        let path = self.root.join(STORE).join(format!("{hash}.md"));
        let bytes = std::fs::read(path).ok()?;
        let text = crate::text::decode_vec(bytes).ok()?;
        (hash_of(&text).as_deref() == Some(hash)).then_some(text)
    }

    fn git(&self, args: &[&str]) -> Option<Vec<u8>> {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(args)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status.success().then_some(out.stdout)
    }

    fn in_git(&self, rel: &Path, hash: &str) -> Option<String> {
        let rel = rel.to_str()?.replace('\\', "/");
        let depth = format!("-n{GIT_DEPTH}");
        let log = self.git(&["log", "--format=%H", &depth, "--", &rel])?;
        let log = String::from_utf8(log).ok()?;
        log.lines().find_map(|commit| {
            let bytes = self.git(&["show", &format!("{commit}:./{rel}")])?;
            let text = crate::text::decode_vec(bytes).ok()?;
            (hash_of(&text).as_deref() == Some(hash)).then_some(text)
        })
    }
}

/// Keeps a copy of a source page's text under its hash, so a later export
/// can show what changed. An existing snapshot is left as it is.
pub fn save(root: &Path, text: &str) -> Result<(), String> {
    let Some(hash) = hash_of(text) else {
        return Ok(());
    };
    let rel = PathBuf::from(STORE).join(format!("{hash}.md"));
    if root.join(&rel).exists() {
        return Ok(());
    }
    files::write_inside(root, &rel, text.as_bytes()).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_are_found_by_hash_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let text = "---\ntitle: T\n---\nOld text.\n";
        save(dir.path(), text).unwrap();
        let hash = hash_of(text).unwrap();
        let h = History::new(dir.path());
        let found = h.find(Path::new("guidance/p/a.en.md"), &hash);
        assert_eq!(found, Some((text.to_string(), "snapshot")));
        // A snapshot whose text does not match its name is not trusted.
        let other = dir.path().join(STORE).join("0123456789abcdef.md");
        std::fs::write(&other, text).unwrap();
        assert_eq!(h.find(Path::new("x.md"), "0123456789abcdef"), None);
        assert_eq!(h.find(Path::new("x.md"), "../../etc/passwd"), None);
    }
}
