//! Room on the disk of the temporary folder. The site is staged there for
//! Chromium, which also writes each PDF there before sending it. On a full
//! disk Chromium says only "Read failed", or stops, and neither names a
//! disk: a failed print says so when that disk is all but full.

use std::path::Path;

/// Less room than this, after a failed print, is taken as its cause: a
/// print page's PDF is rarely smaller.
const LOW: u64 = 32 << 20;

/// What to add to the error of a print that failed, when the disk holding
/// `staging` (the run's folder in the temporary folder) has almost no
/// room left.
pub fn note(staging: &Path) -> Option<String> {
    let free = free_bytes(staging)?;
    (free < LOW).then(|| {
        let folder = staging.parent().unwrap_or(staging);
        format!(
            "the disk of the temporary folder {} has {} left: free some space there, or set TMPDIR to a folder on a disk with room",
            crate::diagnostics::display_path(folder),
            crate::diagnostics::size_text(free)
        )
    })
}

#[cfg(unix)]
fn free_bytes(dir: &Path) -> Option<u64> {
    let st = rustix::fs::statvfs(dir).ok()?;
    Some(st.f_bavail.saturating_mul(st.f_frsize))
}

#[cfg(not(unix))]
fn free_bytes(_dir: &Path) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn only_a_disk_all_but_full_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let free = free_bytes(dir.path()).unwrap();
        assert!(free > 0);
        assert_eq!(note(dir.path()).is_some(), free < LOW);
    }
}
