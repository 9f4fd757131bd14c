//! Local editions whose base, another team's folder, holds hostile files.

use crate::common::Site;
use std::process::{Command, Stdio};

/// `fieldguide build --source <source>`, started, with where its
/// messages go.
pub(crate) fn start_build(
    source: &std::path::Path,
) -> (std::process::Child, tempfile::NamedTempFile) {
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["build", "--source"])
        .arg(source)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(stderr.reopen().unwrap())
        .spawn()
        .unwrap();
    (child, stderr)
}

/// Waits for a build [`start_build`] started: its exit code, what it
/// printed, and its peak memory in MB, as the kernel counts it.
#[cfg(unix)]
pub(crate) fn finish_build(
    child: std::process::Child,
    stderr: tempfile::NamedTempFile,
) -> (i32, String, i64) {
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: plain FFI; `usage` is a valid out-parameter and `pid` our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let text = std::fs::read_to_string(stderr.path()).unwrap();
    (code, text, usage.ru_maxrss / 1024)
}

/// A build's exit code, messages and peak memory (MB).
// The child is waited for with `wait4`, for its resource usage.
#[allow(clippy::zombie_processes)]
#[cfg(unix)]
pub(crate) fn build_with_peak_memory(source: &std::path::Path) -> (i32, String, i64) {
    let (child, stderr) = start_build(source);
    finish_build(child, stderr)
}

/// Grows `path` in place into a sparse file of `len` bytes: its text
/// first, then zeros that take no room on the disk.
pub(crate) fn grow(path: &std::path::Path, len: u64) {
    let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.set_len(len).unwrap();
}

/// The base's `site.yaml`, in a folder the edition's team does not keep,
/// grown into a sparse file of 1 GB, was read whole, twice (to see whether
/// the base is itself an edition, then for its settings): the edition's
/// build peaked at over 1 GB. The site's own site.yaml too. Now no more
/// than 1 MB of a site.yaml is read, and the error names the file.
#[cfg(unix)]
#[test]
fn a_base_s_huge_site_yaml_is_not_read() {
    let site = Site::fixture("edition");
    grow(&site.path().join("global/site.yaml"), 1 << 30);
    let (code, text, peak) = build_with_peak_memory(&site.path().join("local"));
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("../global/site.yaml: error: site.yaml is too large: over 1 MB, where a site's settings take a few kilobytes; nothing past that was read"),
        "{text}"
    );
    assert!(
        text.contains("the base `../global` cannot be used: its site.yaml has errors"),
        "{text}"
    );
    assert!(peak < 200, "peak {peak} MB");

    // The site's own, the same.
    let site = Site::fixture("basic");
    grow(&site.path().join("site.yaml"), 1 << 30);
    let (code, text, peak) = build_with_peak_memory(site.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.starts_with("site.yaml: error: site.yaml is too large: over 1 MB"),
        "{text}"
    );
    assert!(peak < 200, "peak {peak} MB");
}
