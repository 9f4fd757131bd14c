//! End-to-end: `fieldguide check` finds what authors get wrong, says where
//! (`path:line:col`, the line, a caret), and never writes anything.

mod common;
use common::Site;

const PAGE: &str = "guidance/handbook/02-signs.en.md";

fn site_with_problems() -> Site {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\n#### Too deep\n\n![](images/flow.png)\n\n![Missing](images/nope.png)\n\n[]() and [empty]()\n\n## Again {#physical-signs}\n\nSee [the French version](02-signs.fr.md) and [French intro](01-intro.fr.md#safety).\n",
    );
    site.write("guidance/handbook/02-signs.fr.md", "---\ntitle: Signes\n---\n\n## Signes physiques\n\nVoir [l'intro](01-intro.md#who-it-is-for).\n");
    site
}

#[test]
fn every_finding_is_located_and_explained() {
    let site = site_with_problems();
    let o = site.run(&["check"]);
    assert_eq!(o.code, 1, "a missing image is an error:\n{}", o.stderr);
    let e = &o.stderr;
    for line in [
        "guidance/handbook/02-signs.en.md:7:1: warning: heading level skipped: level 4 after level 2",
        "guidance/handbook/02-signs.en.md:9:1: warning: image without alt text",
        "guidance/handbook/02-signs.en.md:11:1: error: missing image file `images/nope.png`",
        "guidance/handbook/02-signs.en.md:13:1: warning: empty link",
        "guidance/handbook/02-signs.en.md:13:10: warning: empty link",
        "guidance/handbook/02-signs.en.md:15:1: warning: duplicate id `physical-signs` on this page",
        "guidance/handbook/02-signs.en.md:17:5: warning: link to this same page in another language",
        // The French intro exists but its heading has another id.
        "guidance/handbook/02-signs.fr.md:7:6: warning: anchor `#who-it-is-for` exists in the source but not in `guidance/handbook/01-intro.fr.md`",
    ] {
        assert!(e.lines().any(|l| l == line), "missing\n  {line}\nin:\n{e}");
    }
    // The source line and a caret under the column.
    assert!(e.contains("7 | #### Too deep\n  | ^"), "{e}");
    assert!(e.contains("= hint: "), "{e}");
    assert!(e.contains("1 error, 8 warnings"), "{e}");
    // check writes nothing.
    assert!(!site.out().exists());
}

#[test]
fn json_format_for_ci() {
    let site = site_with_problems();
    let o = site.run(&["check", "--format", "json"]);
    assert_eq!(o.code, 1);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["errors"], 1);
    assert_eq!(v["warnings"], 8);
    let f = v["findings"].as_array().unwrap();
    let missing = f
        .iter()
        .find(|f| f["message"].as_str().unwrap().starts_with("missing image"))
        .unwrap();
    assert_eq!(missing["severity"], "error");
    assert_eq!(missing["path"], PAGE);
    assert_eq!(missing["line"], 11);
    assert_eq!(missing["column"], 1);
}

#[test]
fn warnings_pass_unless_strict() {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\n#### Too deep\n",
    );
    let o = site.run(&["check"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("0 errors, 1 warning"), "{}", o.stderr);
    let o = site.run(&["check", "--strict"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .contains("02-signs.en.md:7:1: error: heading level skipped"),
        "{}",
        o.stderr
    );
    let o = site.run(&["check", "--quiet"]);
    assert_eq!(o.code, 0);
    assert!(o.stderr.is_empty(), "{}", o.stderr);
}

#[test]
fn new_site_builds_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("my guide");
    let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
    let o = cmd.arg("new").arg(&target).output().unwrap();
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("fieldguide serve")
            && text.contains("fieldguide build")
            && text.contains("fieldguide status"),
        "{text}"
    );
    let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
    let o = cmd
        .args(["build", "--strict", "--source"])
        .arg(&target)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("; 0 warnings"), "{err}");
    assert!(
        target
            .join("public/fr/my-guide/getting-started.html")
            .is_file()
    );
    // Translations start stamped: status is clean.
    let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
    assert!(
        cmd.args(["status", "--strict", "--source"])
            .arg(&target)
            .output()
            .unwrap()
            .status
            .success()
    );
    // It refuses a folder that is not empty.
    let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
    let o = cmd.arg("new").arg(&target).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
}

/// `fieldguide new` into a link (`shared/`, a link to a folder elsewhere,
/// or a link left dangling) wrote the site wherever it led, through it; a
/// dangling one failed with "File exists". Both are refused, naming the
/// link, and nothing is written where it leads. A name with control
/// characters is shown escaped, never sent to the terminal as they are.
#[cfg(unix)]
#[test]
fn new_refuses_a_link_and_escapes_the_name_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("shared")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("dangling")).unwrap();
    for name in ["shared", "shared/", "dangling"] {
        let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
        let o = cmd.arg("new").arg(dir.path().join(name)).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains("is a link: fieldguide new creates a folder of its own"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    assert!(!dir.path().join("gone").exists());
    let mut cmd = assert_cmd::Command::cargo_bin("fieldguide").unwrap();
    let o = cmd
        .arg("new")
        .arg(dir.path().join("a\u{1b}[31mred"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        !err.contains('\u{1b}') && err.contains("a\\u{1b}[31mred"),
        "{err}"
    );
}
