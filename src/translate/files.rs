//! Writing files for the round trip: only inside a given folder, never
//! through a symbolic link, and atomically (a temporary file in the same
//! folder, then a rename), so an interrupted run leaves no half file.

use std::path::{Component, Path};

/// Writes `bytes` to `root/rel` unless the file already holds them.
/// Returns whether the file changed.
pub fn write_inside(root: &Path, rel: &Path, bytes: &[u8]) -> Result<bool, String> {
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(format!("`{}` is not a plain relative path", rel.display()));
    }
    let mut dir = root.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        dir.push(part);
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(format!(
                    "`{}` is a symbolic link; fieldguide does not write through links",
                    dir.display()
                ));
            }
            Ok(_) => {}
            Err(_) => std::fs::create_dir(&dir)
                .map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?,
        }
    }
    let path = root.join(rel);
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(format!(
                "`{}` is a symbolic link; fieldguide does not write through links",
                path.display()
            ));
        }
        Ok(_) => {
            if std::fs::read(&path).is_ok_and(|old| old == bytes) {
                return Ok(false);
            }
        }
        Err(_) => {}
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.fieldguide-tmp"));
    std::fs::write(&tmp, bytes)
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
            assert!(!elsewhere.path().join("x.txt").exists());
        }
    }
}
