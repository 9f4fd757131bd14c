//! The site is published exactly: nothing read from outside the site folder,
//! nothing written or removed outside the output folder, nothing forged in
//! the output survives a build, and a failed build changes nothing.
#![cfg(unix)]

mod common;
use common::{Site, tmpfs::Tmpfs, tree};
use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::Path;

/// A folder outside the site, with files no build may read or touch.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w("secret.txt", "SECRET-TEXT");
    w("secret.yaml", "SECRET-LINE: 1\ntitle: x\n");
    w(
        "pub/index.en.md",
        "---\ntitle: SECRET-TITLE\n---\nSECRET-BODY\n",
    );
    w(
        "pub/01-leak.en.md",
        "---\ntitle: SECRET-TITLE\n---\nSECRET-BODY\n",
    );
    w("static/secret.txt", "SECRET-TEXT");
    w("victim.html", "keep me");
    dir
}

/// No published file holds any of the outside folder's text.
fn assert_no_secret(out: &Path) {
    for (path, bytes) in tree(out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("SECRET"), "{path} holds outside text");
    }
}

fn without_staging(t: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    assert!(
        !t.keys().any(|k| k.contains(".fieldguide-staging")),
        "staging files left behind"
    );
    t
}

#[test]
fn a_linked_guidance_folder_is_refused() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    let out = outside();
    std::fs::rename(
        site.path().join("guidance"),
        site.path().join("real-guidance"),
    )
    .unwrap();
    symlink(out.path(), site.path().join("guidance")).unwrap();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("guidance: error: `guidance/` is a symbolic link"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("SECRET"), "{}", o.stderr);
    assert_eq!(without_staging(tree(&site.out())), before);
    // `check` and `status` refuse it too.
    assert_eq!(site.run(&["check"]).code, 1);
}

#[test]
fn a_linked_templates_folder_or_site_yaml_is_refused() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    let out = outside();
    symlink(out.path(), site.path().join("templates")).unwrap();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("`templates/` is a symbolic link"),
        "{}",
        o.stderr
    );
    assert_eq!(without_staging(tree(&site.out())), before);
    std::fs::remove_file(site.path().join("templates")).unwrap();

    std::fs::remove_file(site.path().join("site.yaml")).unwrap();
    symlink(
        out.path().join("secret.yaml"),
        site.path().join("site.yaml"),
    )
    .unwrap();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("symbolic link"), "{}", o.stderr);
    assert!(
        !o.stderr.contains("SECRET"),
        "the linked file is never shown: {}",
        o.stderr
    );
    assert_eq!(without_staging(tree(&site.out())), before);
}

#[test]
fn links_inside_guidance_that_leave_the_site_are_errors() {
    let site = Site::fixture("basic");
    let out = outside();
    symlink(
        out.path().join("secret.txt"),
        site.path().join("guidance/handbook/notes.txt"),
    )
    .unwrap();
    symlink(
        out.path().join("pub/01-leak.en.md"),
        site.path().join("guidance/handbook/04-leak.en.md"),
    )
    .unwrap();
    symlink(out.path().join("pub"), site.path().join("guidance/leaked")).unwrap();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for link in [
        "guidance/handbook/notes.txt",
        "guidance/handbook/04-leak.en.md",
        "guidance/leaked",
    ] {
        assert!(
            o.stderr.contains(&format!(
                "{link}: error: symbolic link to `{}",
                out.path().display()
            )),
            "{link}: {}",
            o.stderr
        );
    }
    assert!(!site.out().exists() || tree(&site.out()).is_empty());

    // A link that stays inside the site is not followed either, but is only
    // a warning that says so.
    for link in ["notes.txt", "04-leak.en.md"] {
        std::fs::remove_file(site.path().join("guidance/handbook").join(link)).unwrap();
    }
    std::fs::remove_file(site.path().join("guidance/leaked")).unwrap();
    symlink(
        site.path().join("guidance/handbook/01-intro.en.md"),
        site.path().join("guidance/handbook/04-copy.en.md"),
    )
    .unwrap();
    let o = site.build_ok();
    assert!(
        o.stderr
            .contains("guidance/handbook/04-copy.en.md: warning: symbolic link (to `")
            && o.stderr
                .contains("not followed: nothing was published from it"),
        "{}",
        o.stderr
    );
    assert!(!site.out().join("en/handbook/copy.html").exists());
    assert_no_secret(&site.out());
}

#[test]
fn links_in_the_output_are_replaced_never_written_through() {
    let site = Site::fixture("basic");
    site.build_ok();
    let fresh = tree(&site.out());
    let out = outside();
    let outside_before = tree(out.path());
    // A linked folder where the English pages go, and a forged manifest
    // entry that leads through it to a file outside.
    std::fs::remove_dir_all(site.out().join("en")).unwrap();
    symlink(out.path(), site.out().join("en")).unwrap();
    let hash = blake3::hash(b"keep me").to_hex();
    let manifest = site.out().join(".fieldguide-output");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str(&format!("{hash} en/victim.html\n{hash} ../victim.html\n"));
    std::fs::write(&manifest, text).unwrap();
    let o = site.build_ok();
    assert!(
        o.stderr
            .contains("`en` (a link, where this build writes a folder)")
            && o.stderr.contains("never followed"),
        "{}",
        o.stderr
    );
    assert_eq!(tree(out.path()), outside_before, "nothing outside changed");
    assert!(
        std::fs::symlink_metadata(site.out().join("en"))
            .unwrap()
            .is_dir()
    );
    // The manifest is the same but for its seal: a build with something
    // to report (here, the link replaced) does not seal it.
    assert_eq!(
        unsealed(without_staging(tree(&site.out()))),
        unsealed(fresh)
    );
}

/// The output with its manifest's seal and the report under it (see
/// `pipeline::unchanged`; enciphered with the seal's key, which names the
/// build's options too) taken off.
fn unsealed(mut t: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    if let Some(m) = t.get_mut(".fieldguide-output") {
        let text = String::from_utf8(m.clone()).unwrap();
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with("sealed ") && !l.starts_with("report "))
            .map(|l| format!("{l}\n"))
            .collect();
        *m = kept.into_bytes();
    }
    t
}

#[test]
fn a_linked_output_folder_is_refused() {
    let site = Site::fixture("basic");
    let out = outside();
    symlink(out.path(), site.out()).unwrap();
    let o = site.build();
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("is a symbolic link"), "{}", o.stderr);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 5);
}

#[test]
fn a_forged_zip_does_not_survive_a_rebuild() {
    let site = Site::fixture("basic");
    site.build_ok();
    let zip_path = site.out().join("download/test-guidance.zip");
    let good = std::fs::read(&zip_path).unwrap();
    // The same entries, one page carrying a script.
    let entries = fieldguide::output::download::entries(&good).unwrap();
    let files: Vec<fieldguide::output::OutputFile> = entries
        .into_iter()
        .map(|(name, mut bytes)| {
            if name.ends_with("en/handbook/intro.html") {
                bytes = String::from_utf8(bytes)
                    .unwrap()
                    .replace("</body>", "<script>alert(1)</script></body>")
                    .into_bytes();
            }
            let path = name.strip_prefix("test-guidance/").unwrap().to_string();
            fieldguide::output::OutputFile::owned(path, bytes)
        })
        .collect();
    let forged = fieldguide::output::download::zip(&files, "test-guidance").unwrap();
    std::fs::write(&zip_path, forged).unwrap();
    site.build_ok();
    assert!(std::fs::read(&zip_path).unwrap() == good);
}

/// A site built into an empty folder, for comparison.
fn fresh_tree() -> BTreeMap<String, Vec<u8>> {
    let site = Site::fixture("basic");
    site.build_ok();
    without_staging(tree(&site.out()))
}

mod forged {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Forgery {
        /// Other bytes in a file fieldguide wrote.
        Overwrite(usize),
        /// A file replaced by a link to a file outside.
        FileLink(usize),
        /// A file's folder replaced by a link to a folder outside.
        DirLink(usize),
        /// A manifest entry that leads outside.
        Manifest(u8),
        Truncate(usize),
        /// A file, a folder of files or a link planted next to a file
        /// fieldguide wrote.
        Plant(usize, u8),
    }

    fn forgery() -> impl Strategy<Value = Forgery> {
        prop_oneof![
            any::<usize>().prop_map(Forgery::Overwrite),
            any::<usize>().prop_map(Forgery::FileLink),
            any::<usize>().prop_map(Forgery::DirLink),
            any::<u8>().prop_map(Forgery::Manifest),
            any::<usize>().prop_map(Forgery::Truncate),
            (any::<usize>(), any::<u8>()).prop_map(|(i, k)| Forgery::Plant(i, k)),
        ]
    }

    fn apply(out: &Path, outside: &Path, files: &[String], f: &Forgery) {
        let pick = |i: usize| &files[i % files.len()];
        // The forger writes only to real files: writing through a link it
        // planted itself would change the outside folder on its own.
        let real_file = |p: &Path| {
            std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file())
                && p.ancestors().skip(1).take_while(|a| *a != out).all(|a| {
                    !std::fs::symlink_metadata(a).is_ok_and(|m| m.file_type().is_symlink())
                })
        };
        match f {
            Forgery::Overwrite(i) => {
                let p = out.join(pick(*i));
                if real_file(&p) {
                    std::fs::write(p, "<script>forged</script>").unwrap();
                }
            }
            Forgery::Truncate(i) => {
                let p = out.join(pick(*i));
                if real_file(&p) {
                    std::fs::write(p, "").unwrap();
                }
            }
            Forgery::FileLink(i) => {
                let p = out.join(pick(*i));
                if real_file(&p) && std::fs::remove_file(&p).is_ok() {
                    symlink(outside.join("victim.html"), &p).unwrap();
                }
            }
            Forgery::DirLink(i) => {
                let p = out.join(pick(*i));
                let dir = p.parent().unwrap();
                if dir != out && std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
                    std::fs::remove_dir_all(dir).unwrap();
                    symlink(outside, dir).unwrap();
                }
            }
            Forgery::Plant(i, k) => {
                let p = out.join(pick(*i));
                let dir = p.parent().unwrap();
                if !std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
                    return;
                }
                let name = dir.join(format!("planted-{k}"));
                if std::fs::symlink_metadata(&name).is_ok() {
                    return;
                }
                match k % 3 {
                    0 => std::fs::write(&name, "<script>planted</script>").unwrap(),
                    1 => {
                        std::fs::create_dir_all(name.join("deeper")).unwrap();
                        std::fs::write(name.join("deeper/x.html"), "planted").unwrap();
                    }
                    _ => symlink(outside, &name).unwrap(),
                }
            }
            Forgery::Manifest(k) => {
                let hash = blake3::hash(b"keep me").to_hex();
                let entry = match k % 3 {
                    0 => "../victim.html".to_string(),
                    1 => format!("{}/victim.html", outside.display()),
                    _ => "en/victim.html".to_string(),
                };
                let m = out.join(".fieldguide-output");
                let mut text = std::fs::read_to_string(&m).unwrap_or_default();
                text.push_str(&format!("{hash} {entry}\n"));
                std::fs::write(&m, text).unwrap();
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn building_over_forged_output_equals_building_into_an_empty_folder(
            forgeries in proptest::collection::vec(forgery(), 1..6)
        ) {
            let expected = fresh_tree();
            let site = Site::fixture("basic");
            site.build_ok();
            let outside = outside();
            let outside_before = tree(outside.path());
            let files: Vec<String> = tree(&site.out())
                .into_keys()
                .filter(|k| !k.starts_with(".fieldguide"))
                .collect();
            for f in &forgeries {
                apply(&site.out(), outside.path(), &files, f);
            }
            let o = site.build();
            prop_assert_eq!(o.code, 0, "{}", o.stderr);
            prop_assert_eq!(tree(outside.path()), outside_before);
            let got = without_staging(tree(&site.out()));
            prop_assert_eq!(got.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
            for (k, v) in &expected {
                if k != ".fieldguide-output" {
                    prop_assert!(&got[k] == v, "{} differs", k);
                }
            }
        }
    }
}

fn edit(site: &Site) {
    site.write(
        "guidance/handbook/02-signs.en.md",
        format!(
            "---\ntitle: Signs\n---\n## Physical signs {{#physical-signs}}\n{}\n",
            "New text. ".repeat(2000)
        ),
    );
}

#[test]
fn a_full_disk_changes_nothing_and_leaves_nothing() {
    let site = Site::fixture("basic");
    let Some(_fs) = Tmpfs::mount(&site.out(), "4m") else {
        // Not root: the same failure comes from a file-size limit instead.
        return full_by_rlimit(&site);
    };
    site.build_ok();
    let before = tree(&site.out());
    // Fill the disk, leaving too little room for the next build's files.
    let free = fs_free(&site.out());
    std::fs::write(
        site.out().join("filler.bin"),
        vec![0u8; free.saturating_sub(20_000) as usize],
    )
    .ok();
    edit(&site);
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("cannot write"), "{}", o.stderr);
    let mut after = without_staging(tree(&site.out()));
    after.remove("filler.bin");
    assert_eq!(after, before, "the previous output is untouched");
    std::fs::remove_file(site.out().join("filler.bin")).unwrap();
    site.build_ok();
    assert!(
        site.read("public/en/handbook/signs.html")
            .contains("New text.")
    );
}

/// A file system mounted in a folder planted in the output cannot be moved
/// away: the build fails, says why, and leaves the mount and its files.
#[test]
fn a_mount_planted_in_the_output_is_named_and_kept() {
    let site = Site::fixture("basic");
    site.build_ok();
    let mnt = site.out().join("en/mnt");
    let Some(_fs) = Tmpfs::mount(&mnt, "1m") else {
        return; // not root
    };
    std::fs::write(mnt.join("theirs.txt"), "kept").unwrap();
    let before = tree(&site.out());
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("something is mounted inside the output folder (`mount` lists it)"),
        "{}",
        o.stderr
    );
    assert_eq!(without_staging(tree(&site.out())), before);
    assert_eq!(
        std::fs::read_to_string(mnt.join("theirs.txt")).unwrap(),
        "kept"
    );
}

fn fs_free(p: &Path) -> u64 {
    let st = rustix_statvfs(p);
    st.0 * st.1
}

fn rustix_statvfs(p: &Path) -> (u64, u64) {
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::statvfs(c.as_ptr(), &mut st) }, 0);
    (st.f_bavail as u64, st.f_frsize as u64)
}

/// Two builds into one folder: the second waits for nobody and touches
/// nothing (not even the first one's staging folder), and says why.
#[cfg(unix)]
#[test]
fn a_build_into_a_folder_another_build_is_writing_changes_nothing() {
    use std::os::fd::AsRawFd;
    let site = Site::fixture("basic");
    site.build_ok();
    edit(&site);
    // What a running build holds: the output folder's lock, and its staging.
    std::fs::create_dir(site.out().join(".fieldguide-staging")).unwrap();
    std::fs::write(site.out().join(".fieldguide-staging/0"), "in use").unwrap();
    let before = tree(&site.out());
    let held = std::fs::File::open(site.out()).unwrap();
    assert_eq!(
        unsafe { libc::flock(held.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) },
        0
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("another fieldguide build is writing into"),
        "{}",
        o.stderr
    );
    assert_eq!(tree(&site.out()), before);
    drop(held);
    site.build_ok();
    assert!(!site.out().join(".fieldguide-staging").exists());
}

#[test]
fn a_file_size_limit_fails_with_a_message_and_leaves_nothing() {
    full_by_rlimit(&Site::fixture("basic"));
}

/// Without root: a file-size limit on the process makes the large files of
/// the rebuild fail to write, as a full disk would. The signal such a write
/// raises is left as the shell leaves it (killing the process): fieldguide
/// must turn it into an error message itself.
fn full_by_rlimit(site: &Site) {
    use std::os::unix::process::CommandExt;
    site.build_ok();
    let before = tree(&site.out());
    edit(site);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_fieldguide"));
    cmd.args(["build", "--source"]).arg(site.path());
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
            let lim = libc::rlimit {
                rlim_cur: 16_000,
                rlim_max: 16_000,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &lim);
            Ok(())
        });
    }
    let o = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error"), "no message: {stderr}");
    assert_eq!(without_staging(tree(&site.out())), before);
}

#[test]
fn a_read_only_folder_changes_nothing_and_leaves_nothing() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    edit(&site);
    site.write(
        "guidance/handbook/01-intro.fr.md",
        format!(
            "{}\nNouveau.\n",
            site.read("guidance/handbook/01-intro.fr.md")
        ),
    );
    let fr = site.out().join("fr");
    let root = rustix_is_root();
    if root {
        // Root ignores permissions: make the folder a read-only mount.
        let bind = |args: &[&str]| {
            std::process::Command::new("mount")
                .args(args)
                .arg(&fr)
                .arg(&fr)
                .status()
                .is_ok_and(|s| s.success())
        };
        if !bind(&["--bind"]) {
            return;
        }
        let _ = std::process::Command::new("mount")
            .args(["-o", "remount,bind,ro"])
            .arg(&fr)
            .status();
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fr, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let o = site.build();
    if root {
        let _ = std::process::Command::new("umount").arg(&fr).status();
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fr, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("cannot write"), "{}", o.stderr);
    assert_eq!(
        without_staging(tree(&site.out())),
        before,
        "English, French and the zip all at the old version"
    );
    site.build_ok();
}

fn rustix_is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

/// A build reads each Markdown file again when it makes the file's pages
/// (the model lets the text go once the site is checked, so memory does
/// not grow with the site): a file changed in between is refused, never
/// published unchecked.
#[test]
fn a_file_changed_during_the_build_is_refused() {
    use fieldguide::pipeline::{self, Options, emit};
    let site = Site::fixture("basic");
    let opts = Options {
        source: site.path().to_path_buf(),
        ..Default::default()
    };
    let mut ready = pipeline::prepare(&opts).ok().expect("the fixture builds");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n<script>alert(1)</script>\n",
    );
    let failed = pipeline::render_site(&mut ready, &opts, &emit::Discard, Vec::new(), Vec::new())
        .err()
        .expect("the build fails");
    let messages: Vec<String> = failed
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m == "the file changed while the site was being built"),
        "{messages:?}"
    );
}

/// However many forged entries a manifest holds, the build says so once.
#[test]
fn many_forged_manifest_entries_are_one_warning() {
    let site = Site::fixture("basic");
    site.build_ok();
    let manifest = site.out().join(".fieldguide-output");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    let hash = blake3::hash(b"x").to_hex();
    for i in 0..10_000 {
        text.push_str(&format!("{hash} ../victim-{i}.html\n"));
    }
    std::fs::write(&manifest, text).unwrap();
    let o = site.build_ok();
    let said: Vec<&str> = o.stderr.lines().filter(|l| l.contains("victim-")).collect();
    assert_eq!(said.len(), 1, "{}", o.stderr);
    assert!(
        said[0].contains("warning: ignored 10000 entries that are not a plain path inside the output folder: `../victim-0.html`")
            && said[0].ends_with(" and 9995 more"),
        "{}",
        said[0]
    );
}

/// A `.fieldguide-output` that fieldguide did not write (empty, made up)
/// does not make a folder of someone's files the build's to empty.
#[test]
fn a_made_up_marker_does_not_open_a_folder_to_the_build() {
    let site = Site::fixture("basic");
    let docs = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(docs.path().join("photos")).unwrap();
    std::fs::write(docs.path().join("thesis.txt"), "mine").unwrap();
    std::fs::write(docs.path().join("photos/a.jpg"), "mine").unwrap();
    for made_up in [
        "",
        "hello\n",
        "# Written by fieldguide\n",
        "# Written by fieldguide\nd63bd9a826af91c1fea371965a64e11ee20f13e46b5f52c5990113660 thesis.txt\n",
    ] {
        std::fs::write(docs.path().join(".fieldguide-output"), made_up).unwrap();
        let before = tree(docs.path());
        let o = site.run(&["build", "--out", docs.path().to_str().unwrap()]);
        assert_eq!(o.code, 1, "{}", o.stderr);
        assert!(
            o.stderr.contains("was not created by fieldguide"),
            "{}",
            o.stderr
        );
        assert_eq!(tree(docs.path()), before);
    }
}

/// A file system mounted where the staging folder goes (root only): the
/// build never empties it, and says what to do.
#[test]
fn a_mount_in_place_of_the_staging_folder_is_left_alone() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    let staging = site.out().join(".fieldguide-staging");
    let Some(_mounted) = Tmpfs::mount(&staging, "1m") else {
        eprintln!("skipped: mounting needs root");
        return;
    };
    std::fs::create_dir_all(staging.join("sub")).unwrap();
    std::fs::write(staging.join("a.txt"), "keep").unwrap();
    std::fs::write(staging.join("sub/b.txt"), "keep").unwrap();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("a staging folder left in the output cannot be removed"),
        "{}",
        o.stderr
    );
    assert_eq!(
        std::fs::read_to_string(staging.join("a.txt")).unwrap(),
        "keep"
    );
    assert_eq!(
        std::fs::read_to_string(staging.join("sub/b.txt")).unwrap(),
        "keep"
    );
    let mut after = tree(&site.out());
    after.retain(|k, _| !k.starts_with(".fieldguide-staging"));
    assert_eq!(after, before);
}

/// `public/` made a clone of the `gh-pages` branch to deploy from: its
/// `.git` is never the build's, so it is kept as it is, never read; the
/// rest of the output is still exactly a fresh build's. A link named
/// `.git` is not a repository: it is removed, never followed.
#[test]
fn a_git_repository_in_the_output_is_kept() {
    let fresh = fresh_tree();
    // A folder holding only a repository is a folder to build into.
    let site = Site::fixture("basic");
    let git = site.out().join(".git");
    std::fs::create_dir_all(git.join("objects/ab")).unwrap();
    std::fs::write(git.join("HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    std::fs::write(git.join("objects/ab/cdef"), b"\x78\x01unpushed").unwrap();
    let repo = |t: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        t.iter()
            .filter(|(k, _)| k.starts_with(".git/"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let before = repo(&tree(&site.out()));
    assert_eq!(before.len(), 2);
    site.build_ok();
    // Planted files go; the repository stays; nothing changed says so.
    std::fs::write(site.out().join("planted.html"), "<script>x</script>").unwrap();
    edit(&site);
    let o = site.build_ok();
    assert!(!o.stderr.contains(".git"), "{}", o.stderr);
    assert!(o.stderr.contains("planted.html"), "{}", o.stderr);
    let o = site.build_ok();
    assert!(o.stderr.contains("nothing changed"), "{}", o.stderr);
    let after = tree(&site.out());
    assert_eq!(repo(&after), before);
    site.write(
        "guidance/handbook/02-signs.en.md",
        Site::fixture("basic").read("guidance/handbook/02-signs.en.md"),
    );
    site.build_ok();
    let rest: BTreeMap<String, Vec<u8>> = without_staging(tree(&site.out()))
        .into_iter()
        .filter(|(k, _)| !k.starts_with(".git/"))
        .collect();
    assert_eq!(unsealed(rest), unsealed(fresh));
    // A link by that name is removed, and what it pointed to is untouched.
    let victim = outside();
    std::fs::remove_dir_all(&git).unwrap();
    symlink(victim.path(), &git).unwrap();
    site.build_ok();
    assert!(
        std::fs::symlink_metadata(&git).is_err(),
        "the link is removed"
    );
    assert_eq!(std::fs::read_dir(victim.path()).unwrap().count(), 5);
}
