//! Headless Chromium for tests that only a browser can answer.
//!
//! Without a browser these tests print that they were skipped, and the
//! test binary says once, as it exits, how many it skipped (the test
//! harness hides what passing tests print); with
//! `FIELDGUIDE_REQUIRE_BROWSER=1` (set by `.ci/run`) a missing browser fails.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The tests of this binary that were skipped, by name. Shared by the
/// harness's threads; read once at exit.
static SKIPPED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// Notes that the running test is skipped, and the first time, arranges
/// for the count to be printed when the binary exits.
fn skip(why: &str) {
    eprintln!("skipped: {why}");
    let mut skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    if skipped.is_empty() {
        // SAFETY: registers a plain function with no arguments, once.
        unsafe {
            libc::atexit(report_skipped);
        }
    }
    // The harness names each test's thread after the test.
    let n = skipped.len();
    let name = std::thread::current()
        .name()
        .filter(|n| *n != "main")
        .map_or_else(|| format!("test {n}"), str::to_string);
    skipped.insert(name);
}

extern "C" fn report_skipped() {
    let skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    let n = skipped.len();
    let names: Vec<&str> = skipped.iter().map(String::as_str).collect();
    let _ = writeln!(
        std::io::stderr(),
        "note: {n} browser {} skipped for want of Chromium or a browser tool: {} \
         (install them, or set FIELDGUIDE_REQUIRE_BROWSER=1 to make a missing one fail, as CI does)",
        if n == 1 { "test was" } else { "tests were" },
        names.join(", ")
    );
}

/// The browser: `FIELDGUIDE_BROWSER`, else the first of the usual names on PATH.
pub fn find() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FIELDGUIDE_BROWSER") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
            "msedge",
        ] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The browser, or `None` after printing why the test is skipped.
pub fn require() -> Option<PathBuf> {
    match find() {
        Some(p) => Some(p),
        None if std::env::var_os("FIELDGUIDE_REQUIRE_BROWSER").is_some() => {
            panic!(
                "no Chromium found (FIELDGUIDE_REQUIRE_BROWSER is set): apt-get install chromium"
            )
        }
        None => {
            skip("this test needs Chromium (apt-get install chromium)");
            None
        }
    }
}

/// Flags that keep Chromium offline and quiet, and work as root.
pub fn command(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--hide-scrollbars",
        "--mute-audio",
    ]);
    c.arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// Loads `url`, lets scripts run, and returns the DOM as the page left it.
pub fn dump_dom(browser: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = command(browser, profile.path())
        .args([
            "--virtual-time-budget=5000",
            "--window-size=390,844",
            "--dump-dom",
        ])
        .arg(url)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A `file://` URL for a path.
pub fn file_url(path: &Path) -> String {
    let abs = path.canonicalize().unwrap();
    let mut url = String::from("file://");
    for c in abs.to_string_lossy().chars() {
        match c {
            ' ' => url.push_str("%20"),
            '#' => url.push_str("%23"),
            '?' => url.push_str("%3F"),
            '%' => url.push_str("%25"),
            c => url.push(c),
        }
    }
    url
}

/// Runs `script` in a page placed in `dir` (so it can load the site's pages
/// in frames) and returns the text the script left in `#result`.
pub fn harness(browser: &Path, dir: &Path, script: &str) -> String {
    let page = dir.join("__harness.html");
    std::fs::write(
        &page,
        format!("<!DOCTYPE html><html><body><pre id=\"result\">pending</pre><script>\n{script}\n</script></body></html>"),
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = command(browser, profile.path())
        .args([
            "--allow-file-access-from-files",
            "--virtual-time-budget=15000",
            "--dump-dom",
        ])
        .arg(file_url(&page))
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&page);
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let doc = scraper::Html::parse_document(&dom);
    let sel = scraper::Selector::parse("#result").unwrap();
    doc.select(&sel)
        .next()
        .map(|e| e.text().collect())
        .unwrap_or_else(|| format!("no result in: {dom}"))
}

/// A tool installed by `.ci/run` under `.ci/node/node_modules`, or `None`
/// after printing why the test is skipped (CI fails instead).
pub fn tool(relative: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".ci/node/node_modules")
        .join(relative);
    if p.is_file() {
        return Some(p);
    }
    if std::env::var_os("FIELDGUIDE_REQUIRE_BROWSER").is_some() {
        panic!(
            "{} is missing: run .ci/run (npm install in .ci/node)",
            p.display()
        );
    }
    skip(&format!(
        "needs {} (cd .ci/node && npm install --ignore-scripts)",
        p.display()
    ));
    None
}
