//! `serve` on a local edition whose base holds a link to a folder
//! elsewhere.

use crate::common::Site;
use crate::server::Server;

/// The folders the kernel watches for process `pid` (Linux: one
/// `inotify wd:` line per watch in the inotify descriptor's fdinfo).
#[cfg(target_os = "linux")]
fn watches(pid: u32) -> usize {
    let dir = format!("/proc/{pid}/fdinfo");
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .map(|info| {
            info.lines()
                .filter(|l| l.starts_with("inotify wd:"))
                .count()
        })
        .sum()
}

/// `serve` on an edition watched the base's `guidance/`, `templates/` and
/// `static/` folders recursively, and the watcher walks a folder it is
/// given even when it is a link: a base whose `static` led to a folder
/// elsewhere (`/usr`: 15,000 folders) had every folder of it watched (the
/// user's inotify watches used up, and any change there a rebuild),
/// though the build reads nothing through the link. Now a base folder
/// that is a link is not watched; the site's own folders still are.
#[cfg(target_os = "linux")]
#[test]
fn serve_does_not_watch_what_a_base_folder_links_to() {
    let site = Site::fixture("edition");
    let elsewhere = tempfile::tempdir().unwrap();
    for i in 0..300 {
        std::fs::create_dir(elsewhere.path().join(format!("folder{i}"))).unwrap();
    }
    std::os::unix::fs::symlink(elsewhere.path(), site.path().join("global/static")).unwrap();
    let server = Server::start_in(&site.path().join("local"), &[]);
    let n = watches(server.child.id());
    assert!(n < 100, "{n} folders watched");
    // Not a false alarm: the edition's folders and the base's real ones
    // are watched (a few each).
    assert!(n > 3, "{n} folders watched");
}
