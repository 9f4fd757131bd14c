//! The site's git history, which comes with the site, holding a blob of
//! gigabytes compressed to a megabyte.

use crate::common::Site;
use std::io::Write;
use std::process::{Command, Stdio};

/// `git <args>` in the site folder, which must succeed; its output.
fn git(site: &Site, args: &[&str]) -> String {
    let o = Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .arg("-C")
        .arg(site.path())
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {:?}", o);
    String::from_utf8(o.stdout).unwrap()
}

/// A blob of `len` zero bytes written into the site's repository: its id.
fn zeros_blob(site: &Site, len: usize) -> String {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(site.path())
        .args(["hash-object", "-w", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..len >> 20 {
        stdin.write_all(&chunk).unwrap();
    }
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// `fieldguide <args> --source <site>`: its exit code and the peak
/// memory (kB) of it and the programs it ran (git), as the kernel counts.
// The child is waited for with `wait4`, for its resource usage.
#[allow(clippy::zombie_processes)]
pub(crate) fn run_with_peak_memory(site: &Site, args: &[&str]) -> (i32, i64) {
    let child = Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(args)
        .arg("--source")
        .arg(site.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
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
    (code, usage.ru_maxrss)
}

/// `translate export` looks for the source a stale translation was made
/// from in the site's git history, and read each version of the page with
/// `git show` whole: a commit whose version of the page was 200 MB of
/// zeros (200 kB in the repository, as git compresses it) took the
/// export to a peak of 290 MB (git's or fieldguide's), and a gigabyte to
/// 2.1 GB (from a repository of 1.4 MB). Now a version larger than a page may be (16 MB)
/// is skipped, asked its size first, and git's output is read up to that:
/// the export stays under 150 MB (35 MB for the gigabyte), and writes
/// the same file, with the earlier source found in the commits around it.
#[test]
fn a_huge_page_in_the_git_history_is_not_read() {
    let huge = stale_in_git(true);
    let (code, peak) = run_with_peak_memory(&huge, &["translate", "export", "--lang", "fr"]);
    assert_eq!(code, 0);
    assert!(peak < 150_000, "peak memory {peak} kB");
    // Not a false alarm: the same export as from the same history without
    // that commit.
    let plain = stale_in_git(false);
    let o = plain.run(&["translate", "export", "--lang", "fr"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let po = "translations/fr/pub.po";
    assert_eq!(huge.read(po), plain.read(po));
    // The earlier source was found in the history, around that commit.
    let earlier = "#| msgid \"Explain what happens to the information.\"";
    assert!(huge.read(po).contains(earlier), "{}", huge.read(po));
}

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\ndownload: false\n";
const EN: &str = "---\ntitle: Preparing\n---\n\nChoose a quiet place.\n\nExplain what happens to the information.\n";
const FR: &str = "---\ntitle: Se préparer\n---\n\nChoisir un lieu calme.\n\nExpliquez ce qu'il advient des informations.\n";

/// A page in English and French in a git repository: the French stamped
/// and committed (without the snapshot `stamp` keeps, so that the
/// earlier source is only in git), then, with `huge`, a commit whose
/// English page is 200 MB of zeros, then the English page with its last
/// paragraph changed.
fn stale_in_git(huge: bool) -> Site {
    let site = crate::translating::one_page_site(SITE, EN, FR);
    let en = "guidance/pub/index.en.md";
    std::fs::remove_dir_all(site.path().join("translations")).unwrap();
    git(&site, &["init", "-q"]);
    git(&site, &["add", "-A"]);
    git(&site, &["commit", "-qm", "stamped"]);
    if huge {
        let blob = zeros_blob(&site, 200 << 20);
        let entry = format!("100644,{blob},{en}");
        git(&site, &["update-index", "--cacheinfo", &entry]);
        git(&site, &["commit", "-qm", "huge"]);
    }
    site.write(en, EN.replace("information.", "information you give."));
    git(&site, &["add", en]);
    git(&site, &["commit", "-qm", "changed"]);
    site
}

/// git waits for ever on a named pipe in its repository (at `.git/HEAD`),
/// which comes with the site: `translate export` and `status`, which ask
/// git for a stale page's earlier source, hung until killed. Now git has
/// 20 s a command, after which it is not asked again in that run: the
/// export is written, as it is without a repository.
#[cfg(unix)]
#[test]
fn a_named_pipe_in_the_git_repository_does_not_hang_the_export() {
    let site = stale_in_git(false);
    let head = site.path().join(".git/HEAD");
    std::fs::remove_file(&head).unwrap();
    let made = Command::new("mkfifo").arg(&head).status().unwrap();
    assert!(made.success());
    for args in [&["translate", "export", "--lang", "fr"][..], &["status"]] {
        let o = assert_cmd::Command::cargo_bin("fieldguide")
            .unwrap()
            .args(args)
            .arg("--source")
            .arg(site.path())
            .timeout(std::time::Duration::from_secs(90))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&o.stderr);
        assert!(
            o.status.code().is_some(),
            "{args:?}: killed after 90 s: {said}"
        );
    }
    let po = site.read("translations/fr/pub.po");
    assert!(po.contains("msgctxt \"index/p2\""), "{po}");
}
