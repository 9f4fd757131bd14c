//! The size a published file may have (under `guidance/`, `static/` or a
//! theme's `templates/`). Every such file is read whole, checked,
//! compressed for the zips, and kept until it is written: a sparse file of
//! 20 GB planted in `static/` (it takes no room on the disk) was read into
//! memory until the machine had none left, and one of 2 GB took the build
//! to 6 GB. A file over the limit is not read at all.

use crate::diagnostics::Diagnostic;
use crate::no_follow::{Capped, Dir};
use std::path::Path;

/// 512 MB: a long training video at a size phones can play; more than a
/// reader on a weak link would fetch, or a USB stick's site should carry.
pub const MAX_PUBLISHED_BYTES: u64 = 512 << 20;

/// The file `rel` of `dir`, unless it is over [`MAX_PUBLISHED_BYTES`]
/// (then never read: see [`Dir::read_at_most`]).
pub fn read(dir: &Dir, rel: &str) -> std::io::Result<Capped> {
    dir.read_at_most(rel, MAX_PUBLISHED_BYTES)
}

/// The error for `path`, of `size` bytes, over the limit.
pub fn too_large(path: &Path, size: u64) -> Diagnostic {
    Diagnostic::error(
        path,
        0,
        0,
        format!(
            "too large to publish: {}, over the {} MB a published file may have; it was not read",
            crate::diagnostics::size_text(size),
            MAX_PUBLISHED_BYTES >> 20
        ),
    )
    .with_hint("readers on a phone could not fetch it either: make it smaller (a video at a lower resolution, a scan at 150 dpi), or put it on a file host your readers can reach and link to it")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let tmp = tempfile::tempdir().unwrap();
        let big = std::fs::File::create(tmp.path().join("big.mp4")).unwrap();
        big.set_len(MAX_PUBLISHED_BYTES + 1).unwrap();
        std::fs::write(tmp.path().join("small.png"), b"png").unwrap();
        let dir = crate::no_follow::Dir::open(tmp.path()).unwrap();
        assert!(matches!(
            read(&dir, "big.mp4"),
            Ok(Capped::TooLarge(n)) if n == MAX_PUBLISHED_BYTES + 1
        ));
        assert!(matches!(read(&dir, "small.png"), Ok(Capped::Bytes(b)) if b == b"png"));
    }
}
