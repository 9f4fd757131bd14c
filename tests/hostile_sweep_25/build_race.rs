//! A page changed into something hostile while a build runs.

use crate::common::Site;
use crate::edition::{finish_build, grow, start_build};
use std::os::unix::ffi::OsStrExt;

/// Waits (30 s at most) until the file watched by inotify descriptor `fd`
/// has been closed once after reading.
#[cfg(target_os = "linux")]
fn wait_for_close(fd: i32) {
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: plain FFI on a descriptor this test owns.
    let ready = unsafe { libc::poll(&mut poll, 1, 30_000) };
    assert_eq!(ready, 1, "the build never read the page");
}

/// A build reads each page twice: once to model the site, then again as
/// its Markdown is rendered (the texts are let go meanwhile), checked
/// against what was read first. A page grown between the two into a
/// sparse file of 1 GB (another program saving over it, a synced folder)
/// was read whole the second time before its hash said it had changed:
/// the build peaked at over 1 GB. Now no more than a page may hold (16 MB)
/// is read again, and the error is the same.
#[cfg(target_os = "linux")]
#[test]
fn a_page_grown_huge_during_a_build_is_not_read_again() {
    let site = Site::fixture("basic");
    let rel = "guidance/handbook/02-signs.en.md";
    let path = site.path().join(rel);
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: plain FFI; the descriptor is closed below.
    let fd = unsafe { libc::inotify_init1(libc::IN_CLOEXEC | libc::IN_NONBLOCK) };
    assert!(fd >= 0);
    let wd = unsafe { libc::inotify_add_watch(fd, name.as_ptr(), libc::IN_CLOSE_NOWRITE) };
    assert!(wd >= 0);
    let (child, stderr) = start_build(site.path());
    wait_for_close(fd);
    grow(&path, 1 << 30);
    unsafe { libc::close(fd) };
    let (code, text, peak) = finish_build(child, stderr);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(&format!(
            "{rel}: error: the file changed while the site was being built"
        )),
        "{text}"
    );
    assert!(peak < 200, "peak {peak} MB");
}
