//! Checks made before anything is built: the output folder must be one
//! fieldguide may write to.

use super::MARKER;
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// An absolute, normalised path, whether or not it exists yet.
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // Canonicalise the deepest existing ancestor, then add the rest.
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    for r in rest.into_iter().rev() {
        if r == ".." {
            out.pop();
        } else if r != "." {
            out.push(r);
        }
    }
    out
}

/// Refuses an output folder that would put the source or someone else's
/// files at risk.
pub fn check_target(source: &Path, out: &Path) -> Result<(), Diagnostic> {
    if crate::no_follow::is_link(out) {
        return Err(Diagnostic::error(
            out.display().to_string(),
            0,
            0,
            format!("the output folder `{}` is a symbolic link", out.display()),
        )
        .with_hint("fieldguide never writes through links; pass the real folder with --out"));
    }
    let src = absolute(source);
    let dst = absolute(out);
    let shown = out.display().to_string();
    let refuse = |msg: String, hint: &str| {
        Err(Diagnostic::error(&shown, 0, 0, msg).with_hint(hint.to_string()))
    };
    if dst == src || src.starts_with(&dst) {
        return refuse(
            format!("the output folder `{shown}` contains the site's source"),
            "choose an output folder such as `public` inside the site folder, or elsewhere",
        );
    }
    for inner in [crate::content::load::CONTENT_DIR, crate::theme::THEME_DIR] {
        if dst.starts_with(src.join(inner)) {
            return refuse(
                format!("the output folder `{shown}` is inside the site's `{inner}/` folder"),
                "choose an output folder outside guidance/ and templates/",
            );
        }
    }
    if dst.exists() && !dst.is_dir() {
        return refuse(
            format!("`{shown}` exists and is not a folder"),
            "choose another --out",
        );
    }
    if dst.is_dir() && !std::fs::symlink_metadata(dst.join(MARKER)).is_ok_and(|m| m.is_file()) {
        let non_empty = std::fs::read_dir(&dst)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true);
        if non_empty {
            return refuse(
                format!(
                    "`{shown}` is not empty and was not created by fieldguide (it has no {MARKER} file)"
                ),
                "fieldguide will not write into a folder it might overwrite files in; choose another --out, or empty it yourself",
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_targets() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("guidance")).unwrap();
        assert!(check_target(&site, &site).is_err());
        assert!(check_target(&site, dir.path()).is_err());
        assert!(check_target(&site, &site.join("guidance/out")).is_err());
        assert!(check_target(&site, &site.join("public")).is_ok());
        let other = dir.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("notes.txt"), "keep").unwrap();
        let e = check_target(&site, &other).unwrap_err();
        assert!(e.message.contains("not created by fieldguide"));
        std::fs::write(other.join(MARKER), "").unwrap();
        assert!(check_target(&site, &other).is_ok());
    }
}
