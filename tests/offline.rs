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
      var ahead = list.files.filter(function (f) { return f[2]; });
      return Promise.all(ahead.map(function (f) { return caches.match(new URL("../../" + f[0], location.href).href); })).then(function (hits) {
        report("cached " + hits.filter(Boolean).length + " of " + ahead.length);
      });
    });
  });
  reg.active.postMessage({ lang: "fr" });
}).catch(function (e) { report("error " + e); });
})"#;

/// Brings the worker up to date with the served `sw.js` (a changed site is
/// a new worker), asks it to keep French, and resolves to the French list
/// and, for each file it lists, the `Date` of the response the cache
/// holds: when it was fetched.
const FETCHED: &str = r#"new Promise(function (report) {
var stage = "registering", fail = function (e) { report("error " + e + " while " + stage); };
setTimeout(function () { report("stuck while " + stage); }, 40000);
navigator.serviceWorker.register("../../sw.js").then(function (reg) { stage = "updating"; return reg.update().then(function () { return reg; }); }).then(function (reg) {
  stage = "waiting for the new worker";
  (function settled() {
    if (reg.installing || reg.waiting || !reg.active || reg.active.state !== "activated") return setTimeout(settled, 50);
    stage = "waiting for the worker's answer";
    // The answer of this worker: the page's own script may have asked the
    // one before it, which answers at once.
    var worker = reg.active;
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (e.data.cached !== "fr" || e.source !== worker) return;
      stage = "reading the cache";
      fetch("../../fr/offline.json", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (list) {
        var dates = {};
        return Promise.all(list.files.map(function (f) {
          return caches.match(new URL("../../" + f[0], location.href).href).then(function (r) { dates[f[0]] = r ? r.headers.get("date") : null; });
        })).then(function () { report(JSON.stringify({ files: list.files, dates: dates })); });
      }).catch(fail);
    });
    worker.postMessage({ lang: "fr" });
  })();
}).catch(fail);
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
    // A recording, and a file over 2 MB: listed, not fetched ahead.
    site.write("static/briefing.mp3", "ID3 not really a recording");
    site.write("static/annex.txt", "x".repeat(3 * 1024 * 1024));
    site.build_ok();
    let sw = site.read("public/sw.js");
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/fr/offline.json")).unwrap();
    let list: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f[0].as_str().unwrap().to_string())
        .collect();
    // Each file with its hash, and whether the worker fetches it ahead.
    assert!(
        json["files"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| { f[1].as_str().is_some_and(|h| h.len() == 16) && (f[2] == 0 || f[2] == 1) })
    );
    assert_eq!(json["langs"], serde_json::json!(["en", "fr", "ar"]));
    let ahead = |path: &str| {
        json["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f[0] == path)
            .unwrap_or_else(|| panic!("{path}"))[2]
            == 1
    };
    assert!(!ahead("briefing.mp3") && !ahead("annex.txt"));
    assert!(ahead("fr/handbook/intro.html") && ahead("assets/site.css"));
    assert!(list.contains(&"fr/handbook/intro.html".to_string()));
    // The home too, rendered last of the pages.
    assert!(list.contains(&"fr/index.html".to_string()), "{list:?}");
    assert!(list.contains(&"assets/site.css".to_string()));
    assert!(
        list.iter()
            .all(|p| p.starts_with("fr/") || p.starts_with("assets/") || !p.contains('/'))
    );
    assert_eq!(
        site.page("fr/handbook/intro.html")
            .attr("html", "data-offline"),
        "../../"
    );
    // A change to the site is a new worker, which brings the cache up to date.
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
    // The site is kept until the end: its folder is served.
    let (_site, mut child, port) = served_offline();
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

/// The basic fixture with `offline: true`, `fieldguide serve` on it, and
/// its port.
fn served_offline() -> (Site, std::process::Child, u16) {
    let site = Site::fixture("basic");
    site.write(
        "site.yaml",
        format!("{}offline: true\n", site.read("site.yaml")),
    );
    // A recording, and a file over 2 MB: kept when opened, not fetched ahead.
    site.write("static/briefing.mp3", "ID3 not really a recording");
    site.write("static/annex.txt", "x".repeat(3 * 1024 * 1024));
    let (child, port) = serve(&site);
    (site, child, port)
}

/// `fieldguide serve` on `site`, and its port.
fn serve(site: &Site) -> (std::process::Child, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["serve", "--port", "0", "--source"])
        .arg(site.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut port = None;
    for line in lines.by_ref().map_while(Result::ok) {
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            port = rest.split('/').next().and_then(|p| p.parse::<u16>().ok());
            break;
        }
    }
    // Keep reading, so that a full pipe never stops the server.
    std::thread::spawn(move || lines.for_each(drop));
    (child, port.expect("serve started"))
}

/// What [`FETCHED`] reports: the French list's files (path, hash, ahead)
/// and when the cache's copy of each was fetched.
fn fetched(page: &mut cdp::Cdp) -> (Vec<(String, String, bool)>, serde_json::Value) {
    let r = page.try_eval(FETCHED).expect("the page reported back");
    let r = r.as_str().unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(r).unwrap_or_else(|_| panic!("{r}"));
    let files = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f[0].as_str().unwrap().to_string(),
                f[1].as_str().unwrap().to_string(),
                f[2] == 1,
            )
        })
        .collect();
    (files, v["dates"].clone())
}

/// Readers pay for their data: every change to the site made the worker
/// drop its cache and fetch the whole language again. It now fetches the
/// files whose hash changed, and keeps the others as they were fetched.
#[test]
fn an_update_fetches_only_what_changed() {
    let Some(chromium) = browser::require() else {
        return;
    };
    let (site, mut child, port) = served_offline();
    let mut page = cdp::Cdp::launch(&chromium);
    page.navigate(&format!("http://127.0.0.1:{port}/fr/handbook/intro.html"));
    page.wait_until("document.readyState === 'complete'");
    let (before, first) = fetched(&mut page);
    let ahead = before.iter().filter(|f| f.2).count();
    assert!(ahead > 10, "{before:?}");
    // Listed, not fetched: the worker leaves them until they are opened.
    for (path, _, ahead) in &before {
        if path == "briefing.mp3" || path == "annex.txt" {
            assert!(!ahead && first[path].is_null(), "{path}: {first}");
        }
    }
    assert!(before.iter().filter(|f| !f.2).count() >= 2, "{before:?}");
    assert!(
        before
            .iter()
            .filter(|f| f.2)
            .all(|f| first[&f.0].is_string()),
        "{first}"
    );
    // A second apart, so that a file fetched again has another `Date`.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let intro = site.read("guidance/handbook/01-intro.fr.md");
    site.write(
        "guidance/handbook/01-intro.fr.md",
        format!("{intro}\nUne phrase ajoutée.\n"),
    );
    // `serve` rebuilds, and reloads the page (a new document, without this
    // mark), whose own files then come through the worker, which keeps
    // what the reader got.
    page.eval("window.__before = true");
    site.write(
        "guidance/handbook/01-intro.fr.md",
        format!("{intro}\nUne phrase ajoutée.\n"),
    );
    page.wait_until("window.__before !== true && document.readyState === 'complete'");
    let (after, second) = fetched(&mut page);
    drop(page);
    let _ = child.kill();
    let _ = child.wait();
    let old: std::collections::BTreeMap<&str, &str> = before
        .iter()
        .map(|f| (f.0.as_str(), f.1.as_str()))
        .collect();
    let changed: Vec<&str> = after
        .iter()
        .filter(|f| f.2 && old.get(f.0.as_str()) != Some(&f.1.as_str()))
        .map(|f| f.0.as_str())
        .collect();
    assert!(changed.contains(&"fr/handbook/intro.html"), "{changed:?}");
    assert!(changed.len() < ahead / 2, "{changed:?}");
    // The pages the reload did not ask for: fetched again only when changed.
    for f in after
        .iter()
        .filter(|f| f.2 && f.0.ends_with(".html") && f.0 != "fr/handbook/intro.html")
    {
        let refetched = second[&f.0] != first[&f.0];
        assert_eq!(
            refetched,
            changed.contains(&f.0.as_str()),
            "{}: {} then {}",
            f.0,
            first[&f.0],
            second[&f.0]
        );
    }
}
