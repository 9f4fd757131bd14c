//! The CPU time a run of the binary takes: what the tests that check a
//! cost grows linearly compare, since wall time depends on what else the
//! machine is doing.

/// Runs the binary with `args` and the site folder, output discarded: its
/// exit code and the CPU time it used (user + system), so a busy machine
/// cannot fail a timed test.
pub fn run_with_cpu_time(args: &[&str], site: &std::path::Path) -> (i32, std::time::Duration) {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(args)
        .arg(site)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_with_cpu_time(child)
}

/// Waits for `child`; its exit code and the CPU time it used.
fn wait_with_cpu_time(child: std::process::Child) -> (i32, std::time::Duration) {
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: plain FFI; `usage` is a valid out-parameter and `pid` our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    let time = |t: libc::timeval| {
        std::time::Duration::from_secs(t.tv_sec as u64)
            + std::time::Duration::from_micros(t.tv_usec as u64)
    };
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, time(usage.ru_utime) + time(usage.ru_stime))
}
