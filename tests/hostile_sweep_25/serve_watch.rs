//! What `serve` reads when a page it holds changes into something hostile
//! while it runs.

use crate::common::Site;
use crate::server::Server;
use std::time::{Duration, Instant};

/// The most memory process `pid` has held, in MB (Linux).
#[cfg(target_os = "linux")]
fn peak_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    kb / 1024
}

/// A page `serve` holds, grown in place into a sparse file of 1 GB (a
/// disk image saved over it, a tool gone wrong), was read whole into
/// memory to see whether only its text had changed, before the full build
/// said it was too large: the preview's memory grew by the file's size
/// (20 GB would have ended it). Now no more than the limit of a page is
/// read, and the error is the build's; the page made a named pipe is not
/// read either, and the page put back is served again.
#[cfg(target_os = "linux")]
#[test]
fn a_page_grown_into_a_huge_sparse_file_while_serving_is_not_read() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let pid = server.child.id();
    let rel = "guidance/handbook/01-intro.en.md";
    let page = site.read(rel);
    let before = peak_mb(pid);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(site.path().join(rel))
        .unwrap();
    file.set_len(1 << 30).unwrap();
    drop(file);
    let log = server.log_until("still serving the last good version");
    let text = log.join("\n");
    assert!(
        text.contains(&format!(
            "{rel}: error: the file is too large (1024.0 MB; the limit is 16 MB)"
        )),
        "{text}"
    );
    let peak = peak_mb(pid);
    assert!(peak < before + 200, "peak {peak} MB, {before} MB before");
    // The last good version is still served.
    assert_eq!(server.get("/en/handbook/intro.html").status, 200);

    // A named pipe in its place is not opened for reading (which would
    // wait for a writer).
    site.remove(rel);
    let fifo = std::ffi::CString::new(site.path().join(rel).to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    server.log_until("it is a named pipe (FIFO), not a file");
    site.remove(rel);
    site.write(
        rel,
        format!("{page}\nBack as it was, with one more line.\n"),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while !server
        .get("/en/handbook/intro.html")
        .body
        .contains("with one more line")
    {
        assert!(Instant::now() < deadline, "the page put back is not served");
        std::thread::sleep(Duration::from_millis(200));
    }
}
