//! Closed or full standard streams: no panic, and a report that could not
//! be written is said once and fails the run.

use super::common::Site;
use std::process::{Command, Stdio};

fn fieldguide(site: &Site, args: &[&str]) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("fieldguide"));
    c.args(args)
        .arg("--source")
        .arg(site.path())
        .env("NO_COLOR", "1");
    c
}

fn dev_full() -> std::fs::File {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
}

#[test]
fn a_full_standard_output_is_said_once_and_fails_the_run() {
    let site = Site::fixture("basic");
    let o = fieldguide(&site, &["status"])
        .stdout(dev_full())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert_eq!(
        said.matches("error: cannot write to standard output")
            .count(),
        1,
        "{said}"
    );
    assert!(!said.contains("internal error"), "{said}");
}

#[test]
fn a_full_or_closed_standard_error_is_no_crash() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/01-broken.en.md",
        "---\ntitle: x\n---\n\n[a](missing.md)\n",
    );
    // The build fails on the broken link: exit 1, not an abort.
    let o = fieldguide(&site, &["check"])
        .stdout(Stdio::null())
        .stderr(dev_full())
        .status()
        .unwrap();
    assert_eq!(o.code(), Some(1));
    for args in [&["check"][..], &["status"], &["build"]] {
        let mut child = fieldguide(&site, args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        drop(child.stderr.take());
        let code = child.wait().unwrap().code();
        assert!(matches!(code, Some(0 | 1)), "{args:?}: {code:?}");
    }
}
