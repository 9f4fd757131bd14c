//! `fieldguide pdf` with a temporary folder on a full disk. Chromium
//! writes each PDF there before sending it, and on a full disk says only
//! `IO.read: Read failed`, or stops: the error named the document but not
//! the disk. It now says the temporary folder's disk is full, and how
//! much room is left.

use crate::common::{
    Site,
    pdf::{blank, hostile_chromium},
    tmpfs::Tmpfs,
};
use std::time::Duration;

#[test]
fn a_print_that_fills_the_temporary_folder_says_its_disk_is_full() {
    let tools = tempfile::tempdir().unwrap();
    let tmp = tools.path().join("tmp");
    let Some(_fs) = Tmpfs::mount(&tmp, "48m") else {
        eprintln!("skipped: mounting a small disk needs root (CI runs as root)");
        return;
    };
    // As Chromium does with a PDF too large for the disk left: the English
    // handbook's stream fills the temporary folder, and the browser stops.
    let fill = r#"open(my $f, '>', "$ENV{TMPDIR}/stream") or exit 1;
        my $mb = "x" x 1048576;
        while (syswrite($f, $mb)) { }
        print STDERR "IO.read: Read failed\n";
        exit 1;"#;
    let browser = hostile_chromium(
        tools.path(),
        &blank(3, 298.08, 420.0),
        ("/en/handbook/", fill),
    );
    let site = Site::fixture("basic");
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(["pdf", "--browser"])
        .arg(&browser)
        .arg("--source")
        .arg(site.path())
        .env("TMPDIR", &tmp)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{said}");
    let line = said
        .lines()
        .find(|l| l.contains("could not print en/handbook/print.html"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.contains(&format!(
            "the disk of the temporary folder {} has",
            tmp.display()
        )) && line.contains("set TMPDIR to a folder on a disk with room"),
        "{said}"
    );
    // The other documents were printed, and the run's staging folder is
    // gone: only what filled the disk is left.
    assert!(
        site.out().join("fr/handbook/handbook.fr.pdf").is_file(),
        "{said}"
    );
    let left: Vec<_> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["stream"]);
}
