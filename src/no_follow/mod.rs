//! File access that never follows a symbolic link.
//!
//! A folder is opened once ([`Dir::open`]); every path below it is then
//! resolved one component at a time from that open folder, refusing any
//! component that is a link. So a link planted in the site (`guidance/` ->
//! `/etc`) or in the output (`public/en` -> `/home/x`) can neither make
//! fieldguide read a file from outside the folder nor write or delete one
//! there, even if it is swapped in while the build runs.
//!
//! On Unix this uses `openat` with `O_NOFOLLOW` (through rustix); elsewhere
//! each component is checked with `symlink_metadata` before use.

use crate::diagnostics::Diagnostic;
use std::io;
use std::path::{Path, PathBuf};

/// What is at a name inside a folder, links not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Missing,
    File { len: u64 },
    Dir,
    Link,
    Other,
}

fn link_error(path: &Path) -> io::Error {
    io::Error::other(format!(
        "`{}` is a symbolic link, which fieldguide does not follow",
        path.display()
    ))
}

/// The components of a relative path (`a/b/c`), refusing `..`, `.`,
/// empty and absolute parts.
fn components(rel: &str) -> io::Result<Vec<&str>> {
    if rel.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Vec<&str> = rel.split('/').collect();
    if rel.starts_with('/')
        || rel.contains('\\')
        || parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{rel}` is not a plain relative path"),
        ));
    }
    Ok(parts)
}

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as imp;

#[cfg(not(unix))]
mod portable;
#[cfg(not(unix))]
use portable as imp;

pub use imp::Dir;

/// A file [`Dir::read_at_most`] read, or the length that kept it unread.
pub enum Capped {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

impl Dir {
    /// The regular file at `rel`, unless it holds more than `most` bytes:
    /// its length is looked at first, so a sparse file of terabytes (it
    /// takes no room on a disk) is never read, and a file that grows
    /// meanwhile is read no further than `most`.
    pub fn read_at_most(&self, rel: &str, most: u64) -> io::Result<Capped> {
        use std::io::Read;
        let file = self.open_read(rel)?;
        let len = file.metadata()?.len();
        if len > most {
            return Ok(Capped::TooLarge(len));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        file.take(most + 1).read_to_end(&mut bytes)?;
        Ok(match bytes.len() as u64 {
            n if n > most => Capped::TooLarge(n),
            _ => Capped::Bytes(bytes),
        })
    }
}

/// Whether `path` (last component only) is a symbolic link. `public/` and
/// `public/.` name `public` itself: the system follows a link given with
/// a slash after it (as a shell completes a folder's name), so the last
/// name is looked at without them.
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(named(path)).is_ok_and(|m| m.file_type().is_symlink())
}

/// `path` without a trailing slash or `.` parts (a leading `./` stays):
/// its last component is the name of what it leads to, not `.` or an
/// empty name after a slash that would have a system call follow a link.
pub fn named(path: &Path) -> PathBuf {
    path.components().collect()
}

/// `rel` as a `/`-separated string, for [`Dir`] calls.
pub fn slash_path(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// A folder of the site (`guidance`, `templates`, `static`): `Ok(None)`
/// when there is none, `Err` (a message) when it is a link or not a folder.
pub fn site_folder(site: &Dir, name: &str) -> Result<Option<Dir>, String> {
    match site.kind(name) {
        Ok(Kind::Missing) => Ok(None),
        Ok(Kind::Dir) => site.sub(name).map(Some).map_err(|e| e.to_string()),
        Ok(Kind::Link) => {
            let target = site
                .read_link(name)
                .map(|t| format!(" (to `{}`)", t.display()))
                .unwrap_or_default();
            Err(format!(
                "`{name}/` is a symbolic link{target}: fieldguide reads only files inside the site folder, so nothing was read from it"
            ))
        }
        Ok(_) => Err(format!("`{name}` is not a folder")),
        Err(e) => Err(e.to_string()),
    }
}

/// Where a link found inside the site leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkEnd {
    Inside,
    Outside,
    /// Nothing there, or a loop.
    Nowhere,
}

/// Where a link found inside the site points (as written in the link),
/// and whether that is inside the site folder `site` (a real path).
pub fn link_target(site: &Path, link: &Path) -> (String, LinkEnd) {
    let shown = std::fs::read_link(link)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    let end = match link.canonicalize() {
        Ok(real) if real.starts_with(site) => LinkEnd::Inside,
        Ok(_) => LinkEnd::Outside,
        Err(_) => LinkEnd::Nowhere,
    };
    (shown, end)
}

/// The message for a link found inside the site: never followed; an error
/// when it leads out of the site, so that committing a link cannot
/// publish a file from elsewhere.
pub fn link_diagnostic(site: &Path, link: &Path, shown: impl AsRef<Path>) -> Diagnostic {
    let (target, end) = link_target(site, link);
    let shown = shown.as_ref();
    match end {
        LinkEnd::Outside => Diagnostic::error(
            shown,
            0,
            0,
            format!("symbolic link to `{target}`, outside the site folder: nothing was read from it"),
        )
        .with_hint("fieldguide reads only files inside the site folder; remove the link, or copy what it points to into the site"),
        LinkEnd::Inside => Diagnostic::warning(
            shown,
            0,
            0,
            format!("symbolic link (to `{target}`) not followed: nothing was published from it"),
        )
        .with_hint("copy the file or folder here instead of linking to it"),
        LinkEnd::Nowhere => Diagnostic::warning(
            shown,
            0,
            0,
            format!("symbolic link (to `{target}`) that leads nowhere or to itself: not followed"),
        )
        .with_hint("remove the link"),
    }
}

/// The real (canonical) form of a folder the user named, or the path as
/// given when it does not exist.
pub fn real(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(all(test, unix))]
mod tests;
