//! Finding a Chromium-based browser: `--browser PATH`, else the
//! `FIELDGUIDE_BROWSER` environment variable, else the usual names on PATH.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The environment variable naming the browser.
pub const ENV: &str = "FIELDGUIDE_BROWSER";

/// Names looked for on PATH, in this order.
pub const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "msedge",
    "microsoft-edge",
];

/// How to get a browser, for the error message.
pub const INSTALL_HINT: &str = "install Chromium (Debian, Ubuntu: `sudo apt-get install chromium`; \
Fedora: `sudo dnf install chromium`; macOS: `brew install --cask chromium`; \
or Google Chrome or Microsoft Edge from https://www.chromium.org/getting-involved/download-chromium/), \
then run again; or name the browser with --browser PATH or FIELDGUIDE_BROWSER=PATH";

/// Why no browser could be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    pub message: String,
    pub hint: String,
}

impl std::fmt::Display for NotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error: {}\n  = hint: {}", self.message, self.hint)
    }
}

/// The browser to run, from `--browser`, the environment, or PATH.
pub fn find(explicit: Option<&Path>) -> Result<PathBuf, NotFound> {
    find_in(
        explicit,
        std::env::var_os(ENV).filter(|v| !v.is_empty()),
        std::env::var_os("PATH"),
    )
}

/// [`find`] with the environment passed in, for tests.
pub fn find_in(
    explicit: Option<&Path>,
    env: Option<OsString>,
    path: Option<OsString>,
) -> Result<PathBuf, NotFound> {
    let named = explicit
        .map(|p| (p.to_path_buf(), "--browser"))
        .or_else(|| env.map(|v| (PathBuf::from(v), ENV)));
    if let Some((p, from)) = named {
        // A bare name (`--browser chromium`) is looked up on PATH.
        let resolved = if p.components().count() == 1 && !p.is_file() {
            on_path(p.as_os_str(), path.as_deref())
        } else {
            Some(p.clone()).filter(|p| is_executable(p))
        };
        return resolved.ok_or_else(|| NotFound {
            message: format!(
                "the browser named by {from} (`{}`) does not exist or is not a program",
                p.display()
            ),
            hint: INSTALL_HINT.into(),
        });
    }
    NAMES
        .iter()
        .find_map(|n| on_path(OsStr::new(n), path.as_deref()))
        .ok_or_else(|| NotFound {
            message: format!(
                "no Chromium-based browser found: fieldguide makes PDFs with headless Chromium, and none of {} is on PATH",
                NAMES.join(", ")
            ),
            hint: INSTALL_HINT.into(),
        })
}

fn on_path(name: &OsStr, path: Option<&OsStr>) -> Option<PathBuf> {
    let path = path?;
    std::env::split_paths(path)
        .filter(|d| !d.as_os_str().is_empty())
        .flat_map(|d| {
            let plain = d.join(name);
            let exe = cfg!(windows).then(|| {
                let mut n = name.to_os_string();
                n.push(".exe");
                d.join(n)
            });
            std::iter::once(plain).chain(exe)
        })
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(p) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_browser(dir: &Path, name: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        p
    }

    #[test]
    fn order_of_lookup() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        let path = Some(bin.clone().into_os_string());
        // Nothing anywhere: the install hint.
        let e = find_in(None, None, path.clone()).unwrap_err();
        assert!(e.message.contains("no Chromium-based browser found"));
        assert!(e.hint.contains("apt-get install chromium"));
        // A name on PATH.
        let edge = fake_browser(&bin, "msedge");
        assert_eq!(find_in(None, None, path.clone()).unwrap(), edge);
        let chromium = fake_browser(&bin, "chromium");
        assert_eq!(find_in(None, None, path.clone()).unwrap(), chromium);
        // The environment wins over PATH, and --browser over both.
        let other = fake_browser(dir.path(), "my-chrome");
        let env = Some(other.clone().into_os_string());
        assert_eq!(find_in(None, env.clone(), path.clone()).unwrap(), other);
        assert_eq!(
            find_in(Some(&edge), env.clone(), path.clone()).unwrap(),
            edge
        );
        // A bare name is looked up on PATH.
        assert_eq!(
            find_in(Some(Path::new("msedge")), None, path.clone()).unwrap(),
            edge
        );
        // A wrong explicit browser is an error, not a silent fallback.
        let e = find_in(None, Some("/nonexistent".into()), path.clone()).unwrap_err();
        assert!(e.message.contains("FIELDGUIDE_BROWSER"), "{}", e.message);
        assert!(e.message.contains("/nonexistent"));
        let e = find_in(Some(Path::new("/nonexistent")), None, path).unwrap_err();
        assert!(e.message.contains("--browser"));
        // Not executable.
        let plain = dir.path().join("notes.txt");
        std::fs::write(&plain, "x").unwrap();
        #[cfg(unix)]
        assert!(find_in(Some(&plain), None, None).is_err());
    }
}
