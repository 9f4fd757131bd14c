//! Finding the source text a translation was made from. A stamp records
//! only a hash of it (`translation_of:`), so to show a translator what
//! changed we need the text itself: first from the snapshots that `stamp`
//! and `translate import` keep (`translations/sources/<hash>.md`), then
//! from the site's git history, if it has one. A local edition shows its
//! base's pages: their snapshots and history are the base's, so both
//! stores are searched (the edition's first: its own `stamp` writes there).

use super::files;
use super::git::Git;
use crate::content::load::SourceFile;
use crate::translation::{legacy_hash, stamp_hash};
use std::path::{Path, PathBuf};

/// Where snapshots of stamped sources live, inside the site folder.
pub const STORE: &str = "translations/sources";

/// How many commits of a file's history are searched for a version.
const GIT_DEPTH: usize = 200;

pub struct History {
    root: PathBuf,
    git: Git,
}

/// The hash `stamp` would record for a page's text.
pub fn hash_of(text: &str) -> Option<String> {
    let (title, summary, body) = stamped_parts(text)?;
    Some(stamp_hash(&title, summary.as_deref(), body))
}

/// Whether `text` is the page a stamp of `hash` was made from: its hash
/// now, or the one stamps recorded before the summary counted.
fn has_hash(text: &str, hash: &str) -> bool {
    stamped_parts(text).is_some_and(|(title, summary, body)| {
        stamp_hash(&title, summary.as_deref(), body) == hash
            || legacy_hash(&title, summary.as_deref(), body).as_deref() == Some(hash)
    })
}

/// The title, summary and body of a page's text, as a stamp hashes them.
fn stamped_parts(text: &str) -> Option<(String, Option<String>, &str)> {
    let split = crate::content::front_matter::split(text).ok()?;
    let yaml: serde_yaml::Value = if split.yaml.trim().is_empty() {
        serde_yaml::Value::Null
    } else {
        serde_yaml::from_str(split.yaml).ok()?
    };
    let scalar = |key: &str| match yaml.get(key)? {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let title = scalar("title").unwrap_or_default();
    // Hugo's `description` is the summary when there is no `summary:`.
    let summary = match yaml.get("summary") {
        Some(_) => scalar("summary"),
        None => scalar("description"),
    };
    Some((title, summary, split.body))
}

/// A hash as `stamp` writes it; anything else is never used in a path.
fn well_formed(hash: &str) -> bool {
    hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

impl History {
    /// The site folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            git: Git::default(),
        }
    }

    /// The text of source page `file` as it was when its hash was `hash`,
    /// and where it was found: in this site's snapshots, then in those of
    /// the site the file is in (a local edition's base), then in that
    /// site's git history.
    pub fn find(&self, file: &SourceFile, hash: &str) -> Option<(String, &'static str)> {
        if !well_formed(hash) {
            return None;
        }
        // A file read from memory (tests) has no folder of its own.
        let own = if file.root.as_os_str().is_empty() {
            &self.root
        } else {
            &file.root
        };
        let stored = stored(&self.root, hash).or_else(|| stored(own, hash));
        if let Some(t) = stored {
            return Some((t, "snapshot"));
        }
        let rel = if file.in_site.as_os_str().is_empty() {
            &file.rel
        } else {
            &file.in_site
        };
        in_git(&self.git, own, rel, hash).map(|t| (t, "git history"))
    }

    /// [`History::find`], and then, for a local edition's own page that
    /// adapts a base page, the base's store and history, where the text
    /// the base's translation `translated` was made from is kept.
    pub fn find_for(
        &self,
        file: &SourceFile,
        translated: &SourceFile,
        hash: &str,
    ) -> Option<(String, &'static str)> {
        self.find(file, hash).or_else(|| {
            if file.from_base || !translated.from_base || !well_formed(hash) {
                return None;
            }
            let base = &translated.root;
            let rel = if file.in_site.as_os_str().is_empty() {
                &file.rel
            } else {
                &file.in_site
            };
            stored(base, hash)
                .map(|t| (t, "snapshot"))
                .or_else(|| in_git(&self.git, base, rel, hash).map(|t| (t, "git history")))
        })
    }
}

/// The snapshot of `hash` in site folder `root`'s store, if it is there
/// (never read through a link) and its text has that hash.
fn stored(root: &Path, hash: &str) -> Option<String> {
    let rel = format!("{STORE}/{hash}.md");
    let bytes = files::read_inside(root, &rel, super::MAX_FILE_BYTES)?;
    let text = crate::text::decode_vec(bytes).ok()?;
    has_hash(&text, hash).then_some(text)
}

/// The version of `rel` (relative to site folder `root`) with `hash`,
/// among the last commits that changed it.
fn in_git(git: &Git, root: &Path, rel: &Path, hash: &str) -> Option<String> {
    let rel = rel.to_str()?.replace('\\', "/");
    let depth = format!("-n{GIT_DEPTH}");
    let log = git.run(root, &["log", "--format=%H", &depth, "--", &rel])?;
    let log = String::from_utf8(log).ok()?;
    log.lines().find_map(|commit| {
        let spec = format!("{commit}:./{rel}");
        if !git.small_enough(root, &spec) {
            return None;
        }
        let bytes = git.run(root, &["show", &spec])?;
        let text = crate::text::decode_vec(bytes).ok()?;
        has_hash(&text, hash).then_some(text)
    })
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

    /// A source page read from site folder `root`.
    fn file(root: &Path, rel: &str) -> SourceFile {
        SourceFile {
            rel: rel.into(),
            dir: "p".into(),
            stem: "a".into(),
            lang: crate::config::LangId(0),
            text: String::new(),
            from_base: false,
            root: root.to_path_buf(),
            in_site: rel.into(),
            digest: [0; 32],
            hash: None,
            legacy_hash: None,
            released: false,
        }
    }

    #[test]
    fn snapshots_are_found_by_hash_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let text = "---\ntitle: T\n---\nOld text.\n";
        save(dir.path(), text).unwrap();
        let hash = hash_of(text).unwrap();
        let h = History::new(dir.path());
        let found = h.find(&file(dir.path(), "guidance/p/a.en.md"), &hash);
        assert_eq!(found, Some((text.to_string(), "snapshot")));
        // A snapshot whose text does not match its name is not trusted.
        let other = dir.path().join(STORE).join("0123456789abcdef.md");
        std::fs::write(&other, text).unwrap();
        let x = file(dir.path(), "x.md");
        assert_eq!(h.find(&x, "0123456789abcdef"), None);
        assert_eq!(h.find(&x, "../../etc/passwd"), None);
    }

    #[test]
    fn a_base_page_is_found_in_the_bases_store_and_the_editions() {
        let base = tempfile::tempdir().unwrap();
        let edition = tempfile::tempdir().unwrap();
        let (old, local) = ("---\ntitle: T\n---\nOld.\n", "---\ntitle: T\n---\nMine.\n");
        save(base.path(), old).unwrap();
        save(edition.path(), local).unwrap();
        let h = History::new(edition.path());
        let page = SourceFile {
            from_base: true,
            ..file(base.path(), "guidance/p/a.en.md")
        };
        for text in [old, local] {
            let found = h.find(&page, &hash_of(text).unwrap());
            assert_eq!(found, Some((text.to_string(), "snapshot")));
        }
    }
}
