//! Checks made before anything is built: the output folder must be one
//! fieldguide may write to.

use super::MARKER;
use crate::diagnostics::Diagnostic;
use std::path::{Component, Path, PathBuf};

/// An absolute, normalised path, whether or not it exists yet: resolved
/// one component at a time, as the system will when the folder is made.
/// Each part that exists is resolved with its links; a `..` then leaves
/// the real folder reached so far, never a name's text (`new/../guidance`
/// is `guidance`, and `link/new/../x` is beside where `link` leads).
fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => {
                out.push(other);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
        }
    }
    out
}

const HINT: &str = "choose an output folder such as `public` inside the site folder, or elsewhere (not in guidance/, templates/ or static/)";

/// Folders of a site that a build reads: output there would be read back
/// as source by the next build (or overwrite it).
const READ: [&str; 3] = [
    crate::content::load::CONTENT_DIR,
    crate::theme::THEME_DIR,
    crate::content::static_dir::STATIC_DIR,
];

/// Why `dst` cannot be the output of a build that reads the site at
/// `root` (both absolute and normalised), if it cannot.
fn reads_from(root: &Path, dst: &Path, shown: &str, whose: &str) -> Option<String> {
    if dst == root || root.starts_with(dst) {
        return Some(format!(
            "the output folder `{shown}` contains {whose} source"
        ));
    }
    READ.iter()
        .find(|inner| dst.starts_with(root.join(inner)))
        .map(|inner| format!("the output folder `{shown}` is inside {whose} `{inner}/` folder"))
}

/// A local edition also reads its base: refuses an output folder inside
/// the base's source folders, or holding the base.
pub fn check_base(base: &Path, out: &Path) -> Result<(), Diagnostic> {
    let shown = out.display().to_string();
    match reads_from(&absolute(base), &absolute(out), &shown, "the base site's") {
        Some(msg) => Err(Diagnostic::error(&shown, 0, 0, msg).with_hint(HINT.to_string())),
        None => Ok(()),
    }
}

/// Refuses an output folder that would put the source or someone else's
/// files at risk.
pub fn check_target(source: &Path, out: &Path) -> Result<PathBuf, Diagnostic> {
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
    if let Some(msg) = reads_from(&src, &dst, &shown, "the site's") {
        return refuse(msg, HINT);
    }
    if dst.exists() && !dst.is_dir() {
        return refuse(
            format!("`{shown}` exists and is not a folder"),
            "choose another --out",
        );
    }
    // Removes all it does not write from the folder: so only from one with
    // a manifest it wrote (a build made it), or an empty one.
    let ours = made_by_a_build(&dst);
    if dst.is_dir() && !ours {
        // A clone to deploy from, with only its `.git` so far, is empty;
        // so is a folder a file manager has shown, with only its view
        // settings (hidden: the author sees nothing there to empty).
        let non_empty = std::fs::read_dir(&dst)
            .map(|d| {
                d.flatten().any(|e| {
                    let name = e.file_name();
                    let link = e.file_type().is_ok_and(|t| t.is_symlink());
                    let view = e.file_type().is_ok_and(|t| t.is_file())
                        && name.to_str().is_some_and(is_view_settings);
                    (name != super::manifest::REPOSITORY || link) && !view
                })
            })
            .unwrap_or(true);
        if non_empty {
            return refuse(
                format!(
                    "`{shown}` is not empty and was not created by fieldguide (it has no {MARKER} file that fieldguide wrote)"
                ),
                "a build removes from its folder everything it does not write: choose another --out, or empty this one yourself",
            );
        }
    }
    Ok(without_missing_steps(out))
}

/// `out` without the steps into folders that do not exist and back out
/// (`new/../public` is `public` when there is no `new`): creating the
/// output folder by its given path would create `new` too, outside it.
/// A step into a folder that exists is left to the system, which resolves
/// it as `absolute` does (a link's `..` is the parent of where it leads).
fn without_missing_steps(out: &Path) -> PathBuf {
    let mut kept = PathBuf::new();
    for c in out.components() {
        let missing = || std::fs::symlink_metadata(&kept).is_err();
        match c {
            Component::ParentDir
                if matches!(kept.components().next_back(), Some(Component::Normal(_)))
                    && missing() =>
            {
                kept.pop();
            }
            other => kept.push(other),
        }
    }
    if kept.as_os_str().is_empty() {
        kept.push(".");
    }
    kept
}

/// What macOS Finder and Windows Explorer write into a folder they show.
fn is_view_settings(name: &str) -> bool {
    name == ".DS_Store"
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Whether `dst` holds a manifest fieldguide wrote, for this folder's
/// files: it begins as fieldguide's do, and one of the files it lists is
/// there with the bytes it records. A marker made up, even one that
/// begins like fieldguide's, lists none.
fn made_by_a_build(dst: &Path) -> bool {
    let Ok(dir) = crate::no_follow::Dir::open(dst) else {
        return false;
    };
    let Ok(bytes) = super::manifest::read(&dir) else {
        return false;
    };
    if !super::manifest::written_by_fieldguide(&bytes) {
        return false;
    }
    let manifest = super::manifest::Manifest::parse(&String::from_utf8_lossy(&bytes));
    // A file it lists still holds the bytes it records: any one will do
    // (some may have been edited since, or replaced by a commit that was
    // killed halfway; the first one usually answers).
    let listed = manifest.files.iter().any(|(path, hash)| {
        let (d, name) = path.rsplit_once('/').unwrap_or(("", path.as_str()));
        hash.is_some_and(|h| {
            dir.sub(d)
                .and_then(|d| d.hash(name))
                .is_ok_and(|(found, _)| found == h)
        })
    });
    listed || set_aside_by_a_commit(&dir, &manifest)
}

/// A build killed while it moved its files into place (SIGKILL, the power
/// cut) may have replaced every file its manifest lists before writing
/// the new manifest; the files it replaced are then in its staging folder,
/// set aside as `b0`, `b1`, ... One of them with bytes the manifest
/// records shows the folder is a build's. Without this, the folder of a
/// killed build was refused as not fieldguide's, for good.
fn set_aside_by_a_commit(
    dir: &crate::no_follow::Dir,
    manifest: &super::manifest::Manifest,
) -> bool {
    let Ok(staging) = dir.sub(super::write::STAGING) else {
        return false;
    };
    let recorded: std::collections::HashSet<&super::manifest::Hash> =
        manifest.files.values().flatten().collect();
    (0..16).any(|b| {
        staging
            .hash(&format!("b{b}"))
            .is_ok_and(|(found, _)| recorded.contains(&found))
    })
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
        let e = check_target(&site, &site.join("static")).unwrap_err();
        assert!(
            e.message.contains("inside the site's `static/` folder"),
            "{}",
            e.message
        );
        assert!(check_target(&site, &site.join("static/sub/out")).is_err());
        assert!(check_target(&site, &site.join("templates/x")).is_err());
        assert!(check_target(&site, &site.join("statics")).is_ok());
        // A `..` after a folder not made yet still leads into the site.
        assert!(check_target(&site, &site.join("new/../guidance/out")).is_err());
        assert!(check_target(&site, &site.join("a/b/../../static")).is_err());
        assert!(check_target(&site, &site.join("new/../public")).is_ok());
        let base = dir.path().join("base");
        for inside in ["guidance/out", "templates/x", "static", "static/a/b"] {
            let e = check_base(&base, &base.join(inside)).unwrap_err();
            assert!(
                e.message.contains("inside the base site's"),
                "{}",
                e.message
            );
        }
        assert!(check_base(&base, dir.path()).is_err());
        assert!(check_base(&base, &base).is_err());
        assert!(check_base(&base, &base.join("public")).is_ok());
        assert!(check_target(&site, &site.join("public")).is_ok());
        let other = dir.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("notes.txt"), "keep").unwrap();
        let e = check_target(&site, &other).unwrap_err();
        assert!(e.message.contains("not created by fieldguide"));
        // An empty or made-up marker is not one fieldguide wrote.
        for made_up in ["", "hello\n", "d63b a.html\n"] {
            std::fs::write(other.join(MARKER), made_up).unwrap();
            assert!(check_target(&site, &other).is_err(), "{made_up:?}");
        }
        // Nor is one that begins as fieldguide's but lists no file here.
        let header = "# Written by fieldguide. It lists the files it wrote here (BLAKE3 hash, path); it removes a file only while its bytes still match.\n";
        let notes = blake3::hash(b"keep").to_hex();
        std::fs::write(other.join(MARKER), header).unwrap();
        assert!(check_target(&site, &other).is_err());
        std::fs::write(
            other.join(MARKER),
            format!("{header}{} notes.txt\n", "ab".repeat(32)),
        )
        .unwrap();
        assert!(check_target(&site, &other).is_err());
        std::fs::write(other.join(MARKER), format!("{header}{notes} notes.txt\n")).unwrap();
        assert!(check_target(&site, &other).is_ok());
    }

    #[test]
    fn steps_into_missing_folders_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("real")).unwrap();
        let p = |s: &str| without_missing_steps(&d.join(s));
        assert_eq!(p("new/../public"), d.join("public"));
        assert_eq!(p("a/b/../../public"), d.join("public"));
        // An existing folder's `..` is the system's to resolve.
        assert_eq!(p("real/../public"), d.join("real/../public"));
        assert_eq!(
            without_missing_steps(Path::new("../out")),
            Path::new("../out")
        );
        assert_eq!(without_missing_steps(Path::new("x/..")), Path::new("."));
    }
}
