//! Writing files for the round trip: only inside a given folder, never
//! through a symbolic link, and atomically (a temporary file in the same
//! folder, then a rename), so an interrupted run leaves no half file.

use crate::no_follow::{Dir, Kind};
use std::path::{Component, Path};

/// Refuses `root/rel` when it, or a folder on the way below `root`, is a
/// symbolic link. Export checks every file this way before writing any, so
/// that a refused export writes nothing at all.
pub fn refuse_links(root: &Path, rel: &Path) -> Result<(), String> {
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(format!("`{}` is not a plain relative path", rel.display()));
    }
    let mut path = root.to_path_buf();
    for part in rel.components() {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)
                    .map(|t| format!(" (to `{}`)", t.display()))
                    .unwrap_or_default();
                return Err(format!(
                    "`{}` is a symbolic link{target}; fieldguide does not write through links",
                    path.display()
                ));
            }
            Ok(_) => {}
            // Nothing there, so nothing below it either.
            Err(_) => break,
        }
    }
    Ok(())
}

/// The bytes of the file `root/rel` (a `/`-separated path), read as
/// `write_inside` writes: never through a link, on the way or at the end
/// (a snapshot planted as a link to a file elsewhere, or to `/dev/zero`,
/// which would be read until memory runs out). `None` when it is not a
/// plain file of at most `most` bytes.
pub fn read_inside(root: &Path, rel: &str, most: u64) -> Option<Vec<u8>> {
    let (folders, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let dir = Dir::open(&crate::no_follow::real(root))
        .ok()?
        .sub(folders)
        .ok()?;
    match dir.read_at_most(name, most).ok()? {
        crate::no_follow::Capped::Bytes(bytes) => Some(bytes),
        crate::no_follow::Capped::TooLarge(_) => None,
    }
}

/// Writes `bytes` to `root/rel` unless the file already holds them.
/// Returns whether the file changed.
pub fn write_inside(root: &Path, rel: &Path, bytes: &[u8]) -> Result<bool, String> {
    // First, for its message naming the link; then every step is taken
    // from the open folder (`no_follow`), so a link put in since is never
    // followed either.
    refuse_links(root, rel)?;
    let shown = |e: std::io::Error, what: &Path| format!("cannot write `{}`: {e}", what.display());
    let parts: Vec<&str> = rel
        .components()
        .map(|c| {
            c.as_os_str()
                .to_str()
                .ok_or(format!("`{}` is not UTF-8", rel.display()))
        })
        .collect::<Result<_, _>>()?;
    let Some((name, folders)) = parts.split_last() else {
        return Err("no file name".into());
    };
    let mut dir = Dir::open(&crate::no_follow::real(root)).map_err(|e| shown(e, root))?;
    for part in folders {
        if dir.kind(part).map_err(|e| shown(e, rel))? == Kind::Missing {
            dir.mkdir(part).map_err(|e| shown(e, rel))?;
        }
        dir = dir.sub(part).map_err(|e| shown(e, rel))?;
    }
    if dir.same_content(name, bytes) {
        return Ok(false);
    }
    // A leftover of an interrupted run, or a link planted at the name, is
    // removed, never written through: `create_new` refuses anything there.
    let tmp = format!(".{name}.fieldguide-tmp");
    let _ = dir.unlink(&tmp);
    dir.create_new(&tmp, bytes)
        .and_then(|()| dir.rename(&tmp, &dir, name))
        .map_err(|e| {
            let _ = dir.unlink(&tmp);
            shown(e, &root.join(rel))
        })?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_inside_only_and_reports_changes() {
        let dir = tempfile::tempdir().unwrap();
        let rel = Path::new("a/b/c.txt");
        assert_eq!(write_inside(dir.path(), rel, b"x"), Ok(true));
        assert_eq!(write_inside(dir.path(), rel, b"x"), Ok(false));
        assert_eq!(std::fs::read(dir.path().join(rel)).unwrap(), b"x");
        assert!(write_inside(dir.path(), Path::new("../out.txt"), b"x").is_err());
        assert!(write_inside(dir.path(), Path::new("/etc/x"), b"x").is_err());
        #[cfg(unix)]
        {
            let elsewhere = tempfile::tempdir().unwrap();
            std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("link")).unwrap();
            assert!(write_inside(dir.path(), Path::new("link/x.txt"), b"x").is_err());
            assert!(write_inside(dir.path(), Path::new("link/new/x.txt"), b"x").is_err());
            assert!(!elsewhere.path().join("x.txt").exists());
            assert!(!elsewhere.path().join("new").exists());
            let e = refuse_links(dir.path(), Path::new("link/x.txt")).unwrap_err();
            assert!(e.contains("link` is a symbolic link (to `"), "{e}");
        }
    }

    #[test]
    fn reads_inside_only_plain_files_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        write_inside(dir.path(), Path::new("a/b.md"), b"text").unwrap();
        assert_eq!(read_inside(dir.path(), "a/b.md", 4), Some(b"text".to_vec()));
        assert_eq!(read_inside(dir.path(), "a/b.md", 3), None);
        assert_eq!(read_inside(dir.path(), "a/none.md", 4), None);
        assert_eq!(read_inside(dir.path(), "../b.md", 4), None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            let elsewhere = tempfile::tempdir().unwrap();
            std::fs::write(elsewhere.path().join("b.md"), "secret").unwrap();
            symlink(elsewhere.path().join("b.md"), dir.path().join("a/file.md")).unwrap();
            symlink(elsewhere.path(), dir.path().join("folder")).unwrap();
            symlink("/dev/zero", dir.path().join("a/zero.md")).unwrap();
            for rel in ["a/file.md", "folder/b.md", "a/zero.md"] {
                assert_eq!(read_inside(dir.path(), rel, 1 << 20), None, "{rel}");
            }
        }
    }
}
