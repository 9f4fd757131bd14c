//! Writing files for the round trip: only inside a given folder, never
//! through a symbolic link, and atomically (a temporary file in the same
//! folder, then a rename), so an interrupted run leaves no half file.

use std::io::Write;
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

/// Writes `bytes` to `root/rel` unless the file already holds them.
/// Returns whether the file changed.
pub fn write_inside(root: &Path, rel: &Path, bytes: &[u8]) -> Result<bool, String> {
    refuse_links(root, rel)?;
    let mut dir = root.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        dir.push(part);
        // `create_dir` does not follow a link put here since the check: it
        // fails on anything already at the name.
        if std::fs::symlink_metadata(&dir).is_err() {
            std::fs::create_dir(&dir)
                .map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
        }
    }
    let path = root.join(rel);
    if std::fs::read(&path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.fieldguide-tmp"));
    // A leftover of an interrupted run, or a link planted at the name, is
    // removed and never written through: `create_new` refuses anything
    // still there.
    let _ = std::fs::remove_file(&tmp);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|_| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("cannot write `{}`: {e}", path.display())
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
}
