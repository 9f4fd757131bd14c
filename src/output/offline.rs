//! Offline reading over http(s) (`offline: true` in site.yaml): a service
//! worker at the site's root keeps the pages of the reader's language, and
//! replaces them when the site changes. From `file://` nothing happens:
//! browsers do not run service workers there, and the site needs none.

use super::{FileRecord, OutputFile};
use crate::content::model::Site;

/// The worker's code; `VERSION` is replaced by a hash of the whole site, so
/// any change to the site is a new worker, which drops the old cache.
const WORKER: &str = r#"// fieldguide offline reading. Generated: do not edit.
"use strict";
var VERSION = "__VERSION__";
var CACHE = "fieldguide-" + VERSION;
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("fieldguide-") === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
// A page tells the worker its language: keep that language's pages.
self.addEventListener("message", function (event) {
  var lang = event.data && event.data.lang;
  if (!lang || !/^[A-Za-z0-9-]+$/.test(lang)) return;
  var base = new URL("./", self.registration.scope);
  var list = new URL(lang + "/offline.json", base);
  event.waitUntil(fetch(list, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (files) {
    return caches.open(CACHE).then(function (cache) {
      return cache.addAll(files.map(function (f) { return new URL(f, base).href; }));
    });
  }).then(function () {
    if (event.source) event.source.postMessage({ cached: lang });
  }).catch(function () {}));
});
// Same-origin reads come from the cache when the network is missing.
self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(fetch(req).then(function (res) {
    if (res.ok) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(req, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(req, { ignoreSearch: true }).then(function (hit) {
      return hit || new Response("Offline, and this page was not saved on this device.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    });
  }));
});
"#;

/// `sw.js` and one `<lang>/offline.json` per language: every file of that
/// language's folder plus the shared assets, as paths from the root.
pub fn files(site: &Site, all: &[FileRecord]) -> Vec<OutputFile> {
    let mut sorted: Vec<&FileRecord> = all.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut hasher = blake3::Hasher::new();
    for f in &sorted {
        hasher.update(f.path.as_bytes());
        hasher.update(&f.hash);
    }
    let version = hasher.finalize().to_hex()[..16].to_string();
    let mut out = vec![OutputFile::owned(
        "sw.js".into(),
        WORKER.replace("__VERSION__", &version).into_bytes(),
    )];
    for lang in &site.config.languages {
        let prefix = format!("{}/", lang.code);
        let list: Vec<String> = sorted
            .iter()
            .map(|f| f.path.as_str())
            .filter(|p| {
                (p.starts_with(&prefix) || p.starts_with("assets/") || shown_static(site, p))
                    && !p.ends_with(".pdf")
            })
            .map(crate::markdown::links::encode_path)
            .collect();
        let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
        out.push(OutputFile::owned(
            format!("{}offline.json", prefix),
            json.into_bytes(),
        ));
    }
    out
}

/// A file of the site-wide `static/` folder, which any language's pages
/// may show (`/images/logo.png`); not a host's own files (`CNAME`,
/// `.nojekyll`, `.well-known/`), which a host may not serve: one missing
/// file fails the worker's whole `addAll`.
fn shown_static(site: &Site, path: &str) -> bool {
    site.static_files.contains(path)
        && path != "CNAME"
        && !path.split('/').any(|part| part.starts_with('.'))
}
