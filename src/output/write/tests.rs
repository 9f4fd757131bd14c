use super::*;

fn write_all(out: &Path, files: &[(&str, &str)]) -> Result<WriteStats, Vec<Diagnostic>> {
    let w = Writer::begin(out).map_err(|d| vec![d])?;
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
    std::fs::write(out.join("mine.txt"), "user file").unwrap();
    let s = write_all(&out, &[("a.html", "1"), ("c.html", "3")]).unwrap();
    assert_eq!((s.written, s.unchanged, s.removed), (1, 1, 1));
    assert!(!out.join("x").exists(), "empty folder removed");
    assert!(
        out.join("mine.txt").exists(),
        "files fieldguide did not write are kept"
    );
    assert!(!out.join(STAGING).exists());
    let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(manifest.ends_with(" a.html\n") || manifest.contains(" c.html\n"));
}

#[test]
fn printed_files_are_recorded_and_kept_only_while_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let key = "ab".repeat(16);
    let w = Writer::begin(&out).unwrap();
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
    let w = Writer::begin(&out).unwrap();
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
    // Changed by hand, it is no longer fieldguide's: not listed, not removed.
    std::fs::write(out.join("g.pdf"), "edited").unwrap();
    let w = Writer::begin(&out).unwrap();
    let staged = vec![w.put("a.html", b"1").unwrap()];
    let (stats, warnings) = w.commit_printed(staged, &keep, None).unwrap();
    assert_eq!((stats.removed, warnings.len()), (0, 1));
    assert_eq!(
        std::fs::read_to_string(out.join("g.pdf")).unwrap(),
        "edited"
    );
    assert!(
        !std::fs::read_to_string(out.join(MARKER))
            .unwrap()
            .contains("g.pdf")
    );
}

#[test]
fn a_changed_stale_file_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_all(&out, &[("a.html", "1"), ("b.html", "2")]).unwrap();
    std::fs::write(out.join("b.html"), "edited by hand").unwrap();
    let s = write_all(&out, &[("a.html", "1")]).unwrap();
    assert_eq!(s.removed, 0);
    assert_eq!(
        std::fs::read_to_string(out.join("b.html")).unwrap(),
        "edited by hand"
    );
}

/// A manifest entry that leads through a link fieldguide did not write
/// (and does not replace, since nothing is written there): the target is
/// left alone, and the build says why the entry was not removed.
#[cfg(unix)]
#[test]
fn a_stale_entry_through_a_link_is_kept_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("v.txt"), "keep").unwrap();
    write_all(&out, &[("a.html", "1")]).unwrap();
    std::fs::create_dir_all(out.join("x")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("x/lnk")).unwrap();
    std::os::unix::fs::symlink(outside.join("v.txt"), out.join("x/file")).unwrap();
    let h = blake3::hash(b"keep").to_hex();
    std::fs::write(
        out.join(MARKER),
        format!("{h} x/lnk/v.txt\n{h} x/file\n{h} gone/v.txt\n"),
    )
    .unwrap();
    let w = Writer::begin(&out).unwrap();
    let staged = vec![w.put("a.html", b"1").unwrap()];
    let (_, warnings) = w.commit(staged).unwrap();
    assert_eq!(
        std::fs::read_to_string(outside.join("v.txt")).unwrap(),
        "keep"
    );
    let said: Vec<String> = warnings.iter().map(|d| d.message.clone()).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    for (d, path) in warnings.iter().zip(["x/file", "x/lnk/v.txt"]) {
        assert!(d.path.ends_with(path), "{:?}", d.path);
        assert!(d.message.starts_with("not removed: "), "{}", d.message);
    }
    assert!(said[1].contains("symbolic link"), "{said:?}");
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
    // A folder the user made where a new file must go.
    std::fs::create_dir_all(out.join("z.html")).unwrap();
    let r = write_all(
        &out,
        &[("en/a.html", "2"), ("new/b.html", "2"), ("z.html", "2")],
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
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    write_all(&out, &[("a.html", "two")]).unwrap();
    assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "two");
    assert!(std::fs::symlink_metadata(&fifo).is_err());
}
