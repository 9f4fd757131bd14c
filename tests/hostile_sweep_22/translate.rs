//! The translators' round trip with what a site folder may hold planted in
//! it.

use crate::common::Site;
use std::time::Duration;

/// `fieldguide <args> --source <site>`, killed after 60 s.
fn run_for_a_minute(site: &Site, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(args)
        .arg("--source")
        .arg(site.path())
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

/// The store of suggestions kept for the next export
/// (`translations/pending/fr.json`) was read with a plain read: a named
/// pipe planted there (which anyone who can write the site folder can
/// make) hung `translate export` and `translate import` until killed, and
/// a sparse file of 3 GB was read whole into memory. Now it is read as
/// the source snapshots are (a plain file only, never through a link, up
/// to 64 MB), so both commands finish and write what they would without
/// it.
#[cfg(unix)]
#[test]
fn a_named_pipe_as_the_store_of_suggestions_does_not_hang_the_round_trip() {
    let site = Site::fixture("basic");
    std::fs::create_dir_all(site.path().join("translations/pending")).unwrap();
    let fifo = site.path().join("translations/pending/fr.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let o = run_for_a_minute(&site, &["translate", "export", "--lang", "fr"]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(0),
        "killed after 60 s, or failed: {said}"
    );
    let po = site.path().join("translations/fr/handbook.po");
    assert!(po.is_file(), "{said}");
    let o = run_for_a_minute(&site, &["translate", "import", po.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(0),
        "killed after 60 s, or failed: {said}"
    );
}
