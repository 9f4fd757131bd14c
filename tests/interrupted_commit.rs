//! A build stopped while its commit moves files into place. Ctrl-C and
//! SIGTERM wait for the commit, so the output is whole, never half old and
//! half new; after SIGKILL, which cannot wait, the next build takes the
//! folder for its own and makes it whole. Before, such a folder was
//! refused for good as "not created by fieldguide".
#![cfg(unix)]

mod common;

use common::{Site, tree};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A site of `n` chapters whose every page shows the site's title. Its
/// files in path order: `404.html`, then every page of `ar/` (shown from
/// English), before any file a new title leaves as it was (`assets/`).
fn many_pages(n: usize) -> Site {
    let s = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    s.write(
        "site.yaml",
        "title: Guidance\ndefault_language: en\nlanguages: [en, ar]\n",
    );
    s.write(
        "guidance/pub/index.md",
        "---\ntitle: Handbook\nkind: guidelines\n---\n\nIntro.\n",
    );
    for i in 0..n {
        s.write(
            &format!("guidance/pub/{i:03}-c{i:03}.md"),
            format!("---\ntitle: Chapter {i}\n---\n\nAsk for informed consent before any referral ({i}).\n"),
        );
    }
    s
}

/// A new site title: every page changes, so a killed commit may have
/// replaced every file its manifest lists first.
fn retitle(s: &Site, title: &str) {
    let yaml = s.read("site.yaml");
    let line = yaml.lines().next().unwrap();
    s.write("site.yaml", yaml.replace(line, &format!("title: {title}")));
}

/// Starts a build, and sends `signal` once the commit has replaced
/// `watched` (files are placed in path order: `404.html` first, `en/` after
/// every page of `ar/`); returns whether the signal came while the build
/// still ran.
fn interrupt_commit(s: &Site, watched: &str, signal: libc::c_int) -> bool {
    let watched = s.out().join(watched);
    let before = std::fs::metadata(&watched).unwrap().ino();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fieldguide"));
    cmd.args(["build", "-q"])
        .current_dir(s.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // A test run started in the background by a shell ignores Ctrl-C, and
    // fieldguide keeps a signal ignored: the signal's own action is what
    // is tested here.
    // SAFETY: only resets a signal's action in the child before exec.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut cmd, move || {
            libc::signal(signal, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    let start = Instant::now();
    while std::fs::metadata(&watched).is_ok_and(|m| m.ino() == before) {
        if child.try_wait().unwrap().is_some() || start.elapsed() > Duration::from_secs(120) {
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    // SAFETY: sends a signal to the child process started above.
    unsafe {
        libc::kill(child.id() as libc::pid_t, signal);
    }
    let status = child.wait().unwrap();
    std::os::unix::process::ExitStatusExt::signal(&status) == Some(signal)
}

/// The same source built into an empty folder.
fn clean_build(s: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = s.path().join("clean");
    let o = s.run(&["build", "-q", "--out", out.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let t = tree(&out);
    std::fs::remove_dir_all(&out).unwrap();
    t
}

/// Every file as a clean build writes it; the manifest aside, whose seal
/// covers the options (`--out` too).
fn assert_same(out: &Path, clean: &std::collections::BTreeMap<String, Vec<u8>>, what: &str) {
    let mut got = tree(out);
    let mut clean = clean.clone();
    for t in [&mut got, &mut clean] {
        t.remove(".fieldguide-output");
    }
    let differ: Vec<&String> = clean
        .keys()
        .chain(got.keys())
        .filter(|k| clean.get(*k) != got.get(*k))
        .take(5)
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: differs from a clean build at {differ:?}"
    );
}

#[test]
fn ctrl_c_and_sigterm_wait_for_the_commit() {
    let s = many_pages(600);
    s.build_ok();
    for (i, signal) in [libc::SIGINT, libc::SIGTERM].into_iter().enumerate() {
        retitle(&s, &format!("Guidance {i}"));
        let clean = clean_build(&s);
        let stopped = interrupt_commit(&s, "404.html", signal);
        // Stopped or not, the commit finished: every file is the new one,
        // and nothing of the build is left behind.
        assert_same(
            &s.out(),
            &clean,
            &format!("signal {signal}, stopped: {stopped}"),
        );
        assert!(!s.out().join(".fieldguide-staging").exists());
        // And its manifest is the finished one: the next build finds
        // nothing to do.
        let o = s.run(&["build"]);
        assert!(o.stderr.contains(" written, "), "{}", o.stderr);
        assert!(o.stderr.contains("(0 written, "), "{}", o.stderr);
    }
}

#[test]
fn after_sigkill_the_next_build_makes_the_output_whole() {
    let s = many_pages(600);
    s.build_ok();
    retitle(&s, "Guidance 1");
    // Half-way: the manifest's first files are all new ones by then.
    interrupt_commit(&s, "en/index.html", libc::SIGKILL);
    let o = s.run(&["build", "-q"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_same(&s.out(), &clean_build(&s), "after SIGKILL");
}

/// The killed commit's worst moment, made by hand: every listed file
/// already replaced, the old manifest still in place, the files it replaced
/// set aside in the staging folder. Only the set-aside files show the folder
/// is a build's.
#[test]
fn a_commit_killed_before_its_manifest_leaves_a_folder_the_next_build_takes() {
    let s = many_pages(40);
    s.build_ok();
    let out = s.out();
    let old = tree(&out);
    retitle(&s, "Guidance 2");
    let clean = clean_build(&s);
    let staging = out.join(".fieldguide-staging");
    std::fs::create_dir(&staging).unwrap();
    let mut b = 0;
    for (rel, bytes) in &clean {
        if rel == ".fieldguide-output" {
            continue;
        }
        if let Some(was) = old.get(rel).filter(|was| *was != bytes) {
            std::fs::write(staging.join(format!("b{b}")), was).unwrap();
            b += 1;
        }
        std::fs::write(out.join(rel), bytes).unwrap();
    }
    assert!(b > 0);
    let o = s.run(&["build", "-q"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_same(&out, &clean, "after a commit killed before its manifest");
    // A folder with a made-up staging folder is still not taken.
    let other = s.path().join("other");
    std::fs::create_dir_all(other.join(".fieldguide-staging")).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    std::fs::write(
        other.join(".fieldguide-output"),
        "# Written by fieldguide\nnotes.txt 00\n",
    )
    .unwrap();
    std::fs::write(other.join(".fieldguide-staging/b0"), "mine").unwrap();
    let o = s.run(&["build", "-q", "--out", other.to_str().unwrap()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).unwrap(),
        "mine"
    );
}
