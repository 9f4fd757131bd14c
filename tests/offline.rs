//! Offline reading over http(s): with `offline: true`, a service worker keeps
//! the pages of the reader's language.

mod common;
use common::{Site, browser};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Service workers run outside the virtual time `--dump-dom` waits on, so
/// the page reports back over HTTP to a listener in the test instead.
const HARNESS: &str = r#"<!DOCTYPE html><html><body><script>
function report(t) { fetch("http://127.0.0.1:REPORT/result?" + encodeURIComponent(t), { mode: "no-cors" }); }
navigator.serviceWorker.register("../../sw.js").then(function () { return navigator.serviceWorker.ready; }).then(function (reg) {
  navigator.serviceWorker.addEventListener("message", function (e) {
    if (!e.data.cached) return;
    fetch("../../fr/offline.json").then(function (r) { return r.json(); }).then(function (list) {
      return Promise.all(list.map(function (u) { return caches.match(new URL("../../" + u, location.href).href); })).then(function (hits) {
        report("cached " + hits.filter(Boolean).length + " of " + list.length);
      });
    });
  });
  reg.active.postMessage({ lang: "fr" });
}).catch(function (e) { report("error " + e); });
</script></body></html>"#;

/// Waits for one `GET /result?...` and returns the decoded query.
fn report_listener() -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let n = s.read(&mut buf).unwrap_or(0);
            let req = String::from_utf8_lossy(&buf[..n]).into_owned();
            let _ =
                s.write_all(b"HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n\r\n");
            if let Some(q) = req
                .split_whitespace()
                .nth(1)
                .and_then(|p| p.strip_prefix("/result?"))
            {
                let _ = tx.send(common::decode(q));
                return;
            }
        }
    });
    (port, rx)
}

#[test]
fn offline_files_are_written_only_when_asked() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert!(!site.out().join("sw.js").exists());
    assert!(
        site.page("en/index.html")
            .one("html")
            .value()
            .attr("data-offline")
            .is_none()
    );
    site.write(
        "site.yaml",
        format!("{}offline: true\n", site.read("site.yaml")),
    );
    site.build_ok();
    let sw = site.read("public/sw.js");
    let list: Vec<String> = serde_json::from_str(&site.read("public/fr/offline.json")).unwrap();
    assert!(list.contains(&"fr/handbook/intro.html".to_string()));
    assert!(list.contains(&"assets/site.css".to_string()));
    assert!(
        list.iter()
            .all(|p| p.starts_with("fr/") || p.starts_with("assets/"))
    );
    assert_eq!(
        site.page("fr/handbook/intro.html")
            .attr("html", "data-offline"),
        "../../"
    );
    // A change to the site is a new worker, which replaces the cache.
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n## Physical signs {#physical-signs}\nChanged.\n",
    );
    site.build_ok();
    assert_ne!(site.read("public/sw.js"), sw);
}

#[test]
fn the_service_worker_keeps_the_readers_language() {
    let Some(chromium) = browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    // The harness page is an HTML file under guidance/: only a trusted site may publish one.
    site.write(
        "site.yaml",
        format!(
            "{}offline: true\nallow_raw_html: true\n",
            site.read("site.yaml")
        ),
    );
    let (report_port, results) = report_listener();
    site.write(
        "guidance/handbook/harness.html",
        HARNESS.replace("REPORT", &report_port.to_string()),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["serve", "--port", "0", "--source"])
        .arg(site.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut port = None;
    for line in BufReader::new(child.stderr.take().unwrap())
        .lines()
        .map_while(Result::ok)
    {
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            port = rest.split('/').next().and_then(|p| p.parse::<u16>().ok());
            break;
        }
    }
    let port = port.expect("serve started");
    let profile = tempfile::tempdir().unwrap();
    let mut reader = browser::command(&chromium, profile.path())
        .arg(format!("http://127.0.0.1:{port}/en/handbook/harness.html"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let result = results.recv_timeout(Duration::from_secs(60));
    let _ = reader.kill();
    let _ = reader.wait();
    let _ = child.kill();
    let _ = child.wait();
    let result = result.expect("the page reported back");
    let (got, total) = result
        .trim_start_matches("cached ")
        .split_once(" of ")
        .unwrap_or_else(|| panic!("{result}"));
    assert_eq!(got, total, "{result}");
    assert!(total.parse::<usize>().unwrap() > 10, "{result}");
}
