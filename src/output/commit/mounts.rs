//! File systems mounted inside the output folder. A folder the build sets
//! aside (planted there, or emptied of stale files) is removed with
//! everything in it, never across a mount point: one mounted in it (a
//! shared drive's FUSE mount, a bind mount) would stay behind in the
//! staging folder. Linux lists mount points in `/proc/self/mountinfo`;
//! elsewhere only the folder's own device is compared.

use std::path::{Path, PathBuf};

/// The mount points at or below `path` (absolute).
pub fn under(path: &Path) -> Vec<PathBuf> {
    let Ok(text) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return Vec::new();
    };
    points(&text)
        .into_iter()
        .filter(|p| p.starts_with(path))
        .collect()
}

/// The mount points `mountinfo` lists: each line's fifth field, its
/// spaces and other special bytes written as octal escapes (`\040`).
fn points(mountinfo: &str) -> Vec<PathBuf> {
    mountinfo
        .lines()
        .filter_map(|line| line.split(' ').nth(4))
        .map(|field| {
            let b = field.as_bytes();
            let mut out = Vec::with_capacity(b.len());
            let mut i = 0;
            while i < b.len() {
                let octal = b
                    .get(i + 1..i + 4)
                    .filter(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)));
                match (b[i], octal) {
                    (b'\\', Some(d)) => {
                        out.push(d.iter().fold(0u8, |v, c| v.wrapping_mul(8) + (c - b'0')));
                        i += 4;
                    }
                    (c, _) => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            PathBuf::from(std::ffi::OsString::from(
                String::from_utf8_lossy(&out).into_owned(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_points_are_read_with_their_escapes() {
        let info = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n\
                    91 22 0:50 / /srv/site/public/planted/my\\040drive rw - fuse.rclone x rw\n";
        assert_eq!(
            points(info),
            [
                PathBuf::from("/"),
                PathBuf::from("/srv/site/public/planted/my drive")
            ]
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_root_is_a_mount_point_and_a_folder_below_has_none() {
        assert!(under(Path::new("/")).contains(&PathBuf::from("/")));
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().canonicalize().unwrap().join("planted");
        std::fs::create_dir(&inside).unwrap();
        assert!(under(&inside).is_empty());
    }
}
