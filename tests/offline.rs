//! Offline reading over http(s): with `offline: true`, a service worker keeps
//! the pages of the reader's language.

mod common;
use common::{Site, browser, cdp};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Run in a served page over the DevTools protocol (the server's
/// Content-Security-Policy allows no inline script, and service workers run
/// outside the virtual time `--dump-dom` waits on): resolves to what the
/// French cache holds once the worker has filled it.
const HARNESS: &str = r#"new Promise(function (report) {
navigator.serviceWorker.register("../../sw.js").then(function () { return navigator.serviceWorker.ready; }).then(function (reg) {
  navigator.serviceWorker.addEventListener("message", function (e) {
    // The page itself asks for its own language first: wait for French.
    if (e.data.cached !== "fr") return;
    fetch("../../fr/offline.json").then(function (r) { return r.json(); }).then(function (list) {
      return Promise.all(list.map(function (u) { return caches.match(new URL("../../" + u, location.href).href); })).then(function (hits) {
        report("cached " + hits.filter(Boolean).length + " of " + list.length);
      });
    });
  });
  reg.active.postMessage({ lang: "fr" });
}).catch(function (e) { report("error " + e); });
})"#;

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
    // The home too, rendered last of the pages.
    assert!(list.contains(&"fr/index.html".to_string()), "{list:?}");
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
    site.write(
        "site.yaml",
        format!("{}offline: true\n", site.read("site.yaml")),
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
    let mut page = cdp::Cdp::launch(&chromium);
    page.navigate(&format!("http://127.0.0.1:{port}/en/handbook/signs.html"));
    page.wait_until("document.readyState === 'complete'");
    let result = page.try_eval(HARNESS);
    drop(page);
    let _ = child.kill();
    let _ = child.wait();
    let result = result.expect("the page reported back");
    let result = result.as_str().unwrap_or_default();
    let (got, total) = result
        .trim_start_matches("cached ")
        .split_once(" of ")
        .unwrap_or_else(|| panic!("{result}"));
    assert_eq!(got, total, "{result}");
    assert!(total.parse::<usize>().unwrap() > 10, "{result}");
}
