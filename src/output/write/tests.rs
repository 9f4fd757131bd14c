use super::*;
use crate::output::MARKER;

/// `Writer::begin`, waiting while the output's lock is held by a child
/// process that another test thread is starting (`mkfifo`, `git`): a fork
/// copies every open file, this test's locked folder included, until the
/// child's exec closes it.
fn begin(out: &Path) -> Result<Writer, Diagnostic> {
    for _ in 0..200 {
        match Writer::begin(out) {
            Err(d) if d.message.starts_with("another fieldguide build") => {
                std::thread::sleep(std::time::Duration::from_millis(10))
            }
            done => return done,
        }
    }
    Writer::begin(out)
}

fn write_all(out: &Path, files: &[(&str, &str)]) -> Result<WriteStats, Vec<Diagnostic>> {
    let w = begin(out).map_err(|d| vec![d])?;
    let staged: Vec<Staged> = files
        .iter()
        .map(|(p, b)| w.put(p, b.as_bytes()).unwrap())
        .collect();
    w.commit(staged).map(|(s, _)| s)
}

#[test]
fn writes_only_changes_and_removes_stale() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let s = write_all(&out, &[("a.html", "1"), ("x/b.html", "2")]).unwrap();
    assert_eq!(s.written, 2);
    let s = write_all(&out, &[("a.html", "1"), ("c.html", "3")]).unwrap();
    assert_eq!((s.written, s.unchanged, s.removed), (1, 1, 1));
    assert!(!out.join("x").exists(), "empty folder removed");
    assert!(!out.join(STAGING).exists());
    let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(manifest.ends_with(" a.html\n") || manifest.contains(" c.html\n"));
}

#[test]
fn printed_files_are_recorded_and_kept_only_while_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let key = "ab".repeat(16);
    let w = begin(&out).unwrap();
    let staged = vec![
        w.put("a.html", b"1").unwrap(),
        w.put("g.pdf", b"pdf").unwrap(),
        w.put("h.pdf", b"pdf2").unwrap(),
    ];
    let made = [("g.pdf", &key), ("h.pdf", &key)].map(|(p, k)| (p.to_string(), k.clone()));
    let printed = Printed {
        made: made.into(),
        keep: BTreeSet::new(),
    };
    w.commit_printed(staged, &printed, None).unwrap();
    let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(
        manifest.contains(&format!("printed {key} g.pdf\n")),
        "{manifest}"
    );
    // A build without them keeps g.pdf (still listed with its key) and
    // removes h.pdf.
    let w = begin(&out).unwrap();
    let staged = vec![w.put("a.html", b"1").unwrap()];
    let keep = Printed {
        made: BTreeMap::new(),
        keep: ["g.pdf".to_string()].into(),
    };
    let (stats, _) = w.commit_printed(staged, &keep, None).unwrap();
    assert_eq!(stats.removed, 1);
    assert!(out.join("g.pdf").is_file() && !out.join("h.pdf").exists());
    let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(
        manifest.contains(&format!("printed {key} g.pdf\n")),
        "{manifest}"
    );
    // Changed by hand, it is no longer fieldguide's: removed, and named.
    std::fs::write(out.join("g.pdf"), "edited").unwrap();
    let w = begin(&out).unwrap();
    let staged = vec![w.put("a.html", b"1").unwrap()];
    let (stats, warnings) = w.commit_printed(staged, &keep, None).unwrap();
    assert_eq!((stats.removed, warnings.len()), (1, 1));
    assert!(warnings[0].message.contains("`g.pdf`"));
    assert!(!out.join("g.pdf").exists());
    assert!(
        !std::fs::read_to_string(out.join(MARKER))
            .unwrap()
            .contains("g.pdf")
    );
}

#[test]
fn a_changed_stale_file_is_removed_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_all(&out, &[("a.html", "1"), ("b.html", "2")]).unwrap();
    std::fs::write(out.join("b.html"), "edited by hand").unwrap();
    let w = begin(&out).unwrap();
    let staged = vec![w.put("a.html", b"1").unwrap()];
    let (s, warnings) = w.commit(staged).unwrap();
    assert_eq!(s.removed, 1);
    assert!(!out.join("b.html").exists());
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].message.contains("`b.html`"),
        "{}",
        warnings[0].message
    );
}

/// Whatever is in the output folder that the build does not write goes:
/// a planted file, a folder of them, a name that is not UTF-8, links to
/// a file and to a folder outside (removed, never followed), a folder
/// where a new file goes and a file where a new folder goes. The output
/// is then what a build into an empty folder writes.
#[cfg(unix)]
#[test]
fn everything_the_build_does_not_write_is_removed() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(outside.join("sub")).unwrap();
    std::fs::write(outside.join("v.txt"), "keep").unwrap();
    write_all(&out, &[("a.html", "1"), ("en/b.html", "2")]).unwrap();
    std::fs::write(out.join("en/evil.html"), "<script>").unwrap();
    std::fs::create_dir_all(out.join("planted/deep/er")).unwrap();
    std::fs::write(out.join("planted/deep/er/x.js"), "x").unwrap();
    std::fs::write(out.join(std::ffi::OsStr::from_bytes(b"en/\xff.html")), "x").unwrap();
    std::os::unix::fs::symlink(outside.join("v.txt"), out.join("en/link.html")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("fr")).unwrap();
    std::fs::create_dir_all(out.join("c.html")).unwrap();
    std::fs::write(out.join("de"), "in the way").unwrap();
    let files = [
        ("a.html", "1"),
        ("en/b.html", "2"),
        ("c.html", "3"),
        ("de/d.html", "4"),
        ("fr/e.html", "5"),
    ];
    let w = begin(&out).unwrap();
    let staged: Vec<Staged> = files
        .iter()
        .map(|(p, b)| w.put(p, b.as_bytes()).unwrap())
        .collect();
    let (_, warnings) = w.commit(staged).unwrap();
    let fresh = dir.path().join("fresh");
    write_all(&fresh, &files).unwrap();
    let listing = |root: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| !e.file_type().is_dir())
            .map(|e| {
                (
                    e.path().strip_prefix(root).unwrap().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(listing(&out), listing(&fresh));
    assert_eq!(
        std::fs::read_to_string(outside.join("v.txt")).unwrap(),
        "keep"
    );
    assert!(outside.join("sub").is_dir() && !outside.join("e.html").exists());
    assert_eq!(warnings.len(), 1);
    let m = &warnings[0].message;
    assert!(
        m.contains(
            "`c.html` (a folder, where this build writes a file), `de` (a file, where this build writes a folder), `en/\\xff.html`, `en/evil.html`, `en/link.html` (a link) and 2 more"
        ),
        "{m}"
    );
}

/// A staging folder left with sub-folders (a forged one, or a killed
/// build's) is removed whole by the next build, however deep.
#[test]
fn a_staging_folder_with_folders_in_it_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_all(&out, &[("a.html", "1")]).unwrap();
    let mut deep = out.join(STAGING);
    for i in 0..300 {
        deep.push(format!("d{i}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("f"), "x").unwrap();
    std::fs::create_dir_all(out.join(STAGING).join("en")).unwrap();
    write_all(&out, &[("a.html", "2")]).unwrap();
    assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "2");
    assert!(!out.join(STAGING).exists());
}

/// A manifest entry that leads through a link fieldguide did not write:
/// the target is left alone, and the link itself is removed, and named.
#[cfg(unix)]
#[test]
fn a_stale_entry_through_a_link_removes_only_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("v.txt"), "keep").unwrap();
    write_all(&out, &[("a.html", "1"), ("x/b.html", "1")]).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("x/lnk")).unwrap();
    std::os::unix::fs::symlink(outside.join("v.txt"), out.join("x/file")).unwrap();
    let h = blake3::hash(b"keep").to_hex();
    std::fs::write(
        out.join(MARKER),
        format!("{h} x/lnk/v.txt\n{h} x/file\n{h} gone/v.txt\n"),
    )
    .unwrap();
    let w = begin(&out).unwrap();
    let staged = vec![
        w.put("a.html", b"1").unwrap(),
        w.put("x/b.html", b"1").unwrap(),
    ];
    let (_, warnings) = w.commit(staged).unwrap();
    assert_eq!(
        std::fs::read_to_string(outside.join("v.txt")).unwrap(),
        "keep"
    );
    assert!(std::fs::symlink_metadata(out.join("x/lnk")).is_err());
    assert!(std::fs::symlink_metadata(out.join("x/file")).is_err());
    let said: Vec<String> = warnings.iter().map(|d| d.message.clone()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("`x/file` (a link), `x/lnk` (a link)"),
        "{said:?}"
    );
}

#[cfg(unix)]
#[test]
fn links_in_the_output_are_replaced_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("victim.html"), "keep").unwrap();
    write_all(&out, &[("en/a.html", "1")]).unwrap();
    std::fs::remove_dir_all(out.join("en")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("en")).unwrap();
    // A forged manifest entry pointing through the link.
    let h = blake3::hash(b"keep").to_hex();
    std::fs::write(out.join(MARKER), format!("{h} en/victim.html\n")).unwrap();
    write_all(&out, &[("en/a.html", "1")]).unwrap();
    assert_eq!(
        std::fs::read_to_string(outside.join("victim.html")).unwrap(),
        "keep"
    );
    assert!(!outside.join("a.html").exists());
    assert!(std::fs::symlink_metadata(out.join("en")).unwrap().is_dir());
    assert_eq!(std::fs::read_to_string(out.join("en/a.html")).unwrap(), "1");
}

#[test]
fn a_failure_late_in_the_commit_undoes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_all(&out, &[("en/a.html", "1"), ("old.html", "1")]).unwrap();
    // A name the file system refuses, placed last.
    let long = format!("z/{}.html", "x".repeat(300));
    let r = write_all(
        &out,
        &[
            ("en/a.html", "2"),
            ("new/b.html", "2"),
            (long.as_str(), "2"),
        ],
    );
    assert!(r.is_err());
    assert_eq!(std::fs::read_to_string(out.join("en/a.html")).unwrap(), "1");
    assert_eq!(std::fs::read_to_string(out.join("old.html")).unwrap(), "1");
    assert!(!out.join("new").exists());
    assert!(!out.join(STAGING).exists());
}

#[cfg(unix)]
#[test]
fn a_failure_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    if rustix::process::geteuid().is_root() {
        // Root ignores folder permissions; the end-to-end test on a
        // full tmpfs covers failure as root.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_all(
        &out,
        &[("en/a.html", "1"), ("fr/a.html", "1"), ("z.html", "1")],
    )
    .unwrap();
    std::fs::set_permissions(out.join("fr"), std::fs::Permissions::from_mode(0o555)).unwrap();
    let r = write_all(
        &out,
        &[("en/a.html", "2"), ("fr/a.html", "2"), ("z.html", "2")],
    );
    std::fs::set_permissions(out.join("fr"), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(r.is_err());
    for p in ["en/a.html", "fr/a.html", "z.html"] {
        assert_eq!(std::fs::read_to_string(out.join(p)).unwrap(), "1", "{p}");
    }
    assert!(!out.join(STAGING).exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_staging_folder_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_all(&out, &[("a.html", "one")]).unwrap();
    let fifo = out.join(STAGING);
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    write_all(&out, &[("a.html", "two")]).unwrap();
    assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "two");
    assert!(std::fs::symlink_metadata(&fifo).is_err());
}

/// A pipe planted in place of a page was named as something "this build
/// does not write", though the build writes that very page; it is named
/// as what it is, in place of what.
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_a_page_is_named_as_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_all(&out, &[("en/a.html", "one")]).unwrap();
    std::fs::remove_file(out.join("en/a.html")).unwrap();
    rustix::fs::mknodat(
        rustix::fs::CWD,
        out.join("en/a.html"),
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let w = begin(&out).unwrap();
    let staged = vec![w.put("en/a.html", b"two").unwrap()];
    let (_, warnings) = w.commit(staged).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("en/a.html")).unwrap(),
        "two"
    );
    assert_eq!(warnings.len(), 1);
    let m = &warnings[0].message;
    assert!(
        m.ends_with("`en/a.html` (a special file, such as a pipe, where this build writes a file)"),
        "{m}"
    );
}

/// An empty folder planted in the output is removed and named; one that
/// removing stale files emptied (however deep) is removed without a word.
#[test]
fn a_planted_empty_folder_is_named_an_emptied_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_all(&out, &[("a.html", "1"), ("en/old/deep/b.html", "2")]).unwrap();
    std::fs::create_dir_all(out.join("en/my-uploads")).unwrap();
    std::fs::create_dir_all(out.join("empty-top/inner")).unwrap();
    let w = begin(&out).unwrap();
    let staged = vec![w.put("a.html", b"1").unwrap()];
    let (stats, warnings) = w.commit(staged).unwrap();
    assert_eq!(
        stats.removed, 3,
        "the stale file and the two planted folders"
    );
    assert!(!out.join("en").exists() && !out.join("empty-top").exists());
    assert_eq!(warnings.len(), 1);
    let m = &warnings[0].message;
    assert!(m.ends_with(": `empty-top`, `en/my-uploads`"), "{m}");
}

/// What a commit set aside and cannot remove (here a file system mounted
/// in the staging folder, as root; otherwise a folder that may not be
/// emptied) is an error after the commit, which has put the new output in
/// place: the build does not report a plain success.
#[cfg(target_os = "linux")]
#[test]
fn what_cannot_be_removed_from_the_staging_folder_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_all(&out, &[("a.html", "1")]).unwrap();
    let w = begin(&out).unwrap();
    let stuck = out.join(STAGING).join("s999");
    std::fs::create_dir_all(stuck.join("sub")).unwrap();
    // SAFETY: reads this process's effective user id.
    let root = unsafe { libc::geteuid() } == 0;
    let mounted = root
        && std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(stuck.join("sub"))
            .status()
            .is_ok_and(|s| s.success());
    if !root {
        std::fs::write(stuck.join("sub/x"), "x").unwrap();
        std::fs::set_permissions(stuck.join("sub"), std::fs::Permissions::from_mode(0o500))
            .unwrap();
    } else if !mounted {
        return;
    }
    let staged = vec![w.put("a.html", b"2").unwrap()];
    let (_, warnings) = w.commit(staged).unwrap();
    if mounted {
        let _ = std::process::Command::new("umount")
            .arg(stuck.join("sub"))
            .status();
    } else {
        std::fs::set_permissions(stuck.join("sub"), std::fs::Permissions::from_mode(0o700))
            .unwrap();
    }
    assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "2");
    let errors: Vec<_> = warnings
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{warnings:?}");
    assert!(
        errors[0].message.contains("cannot be removed"),
        "{warnings:?}"
    );
}
