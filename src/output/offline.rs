//! Offline reading over http(s) (`offline: true` in site.yaml): a service
//! worker at the site's root keeps the pages of the reader's language, and
//! fetches again only what changed when the site changes. From `file://`
//! nothing happens: browsers do not run service workers there, and the
//! site needs none.
//!
//! Readers pay for their data, often on weak links: the worker fetches a
//! language's list once per version of the site (not on every page view),
//! each file only when its hash changed, leaves recordings and files over
//! [`BULK_MAX`] to be kept when visited, and fetches nothing in bulk when
//! the browser asks to save data.

use super::{FileRecord, OutputFile};
use crate::content::file_types::{FileType, classify};
use crate::content::model::Site;

/// Files larger than this are not fetched ahead (a video, a 3,000-chapter
/// publication's print page): a reader who opens one keeps it.
pub const BULK_MAX: u64 = 2 * 1024 * 1024;

/// The worker's code; `VERSION` is replaced by a hash of the whole site, so
/// any change to the site is a new worker, which brings each language's
/// copy up to date when a page of that language is next read.
const WORKER: &str = r#"// fieldguide offline reading. Generated: do not edit.
"use strict";
var VERSION = "__VERSION__";
var SCOPE = self.registration.scope;
// One cache per site, kept from version to version: an update fetches
// what changed. Named by the site's address, so two sites of one host
// keep their own.
var CACHE = "fieldguide " + SCOPE;
// What the cache holds: each file's hash, and the version each language
// was last brought up to date with.
var STATE = SCOPE + "__fieldguide/offline-state.json";
var busy = Promise.resolve();
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  // Earlier workers kept one cache per version ("fieldguide-<hash>").
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return /^fieldguide-[0-9a-f]{16}$/.test(k); })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
function load(cache) {
  return cache.match(STATE).then(function (r) { return r ? r.json() : null; }).catch(function () { return null; })
    .then(function (s) { return s && s.v && s.h ? s : { v: {}, h: {} }; });
}
// Brings `lang` up to date: fetches the files whose hash changed, a few at
// a time, and removes those the site no longer has.
function sync(lang) {
  return caches.open(CACHE).then(function (cache) {
    return load(cache).then(function (state) {
      if (state.v[lang] === VERSION) return false;
      var base = new URL("./", SCOPE);
      return fetch(new URL(lang + "/offline.json", base), { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (list) {
        var listed = {}, todo = [], all = true;
        list.files.forEach(function (f) {
          listed[f[0]] = true;
          if (state.h[f[0]] !== f[1] && f[2]) todo.push(f);
        });
        Object.keys(state.h).forEach(function (p) {
          // Another language's pages stay: its own list keeps them.
          var top = p.split("/")[0];
          if (!listed[p] && (top === lang || list.langs.indexOf(top) < 0)) {
            delete state.h[p];
            cache.delete(new URL(p, base).href);
          }
        });
        function next() {
          var f = todo.shift();
          if (!f) return Promise.resolve();
          return fetch(new URL(f[0], base).href, { cache: "no-cache" }).then(function (res) {
            if (!res.ok) { all = false; return; }
            return cache.put(new URL(f[0], base).href, res).then(function () { state.h[f[0]] = f[1]; });
          }, function () { all = false; }).then(next);
        }
        return Promise.all([next(), next(), next(), next()]).then(function () {
          // A file that could not be fetched is tried again next time.
          if (all) state.v[lang] = VERSION;
          return cache.put(STATE, new Response(JSON.stringify(state), { headers: { "Content-Type": "application/json" } }));
        }).then(function () { return true; });
      });
    });
  });
}
// A page tells the worker its language: keep that language's pages.
self.addEventListener("message", function (event) {
  var lang = event.data && event.data.lang;
  if (!lang || !/^[A-Za-z0-9-]+$/.test(lang)) return;
  var save = self.navigator.connection && self.navigator.connection.saveData;
  busy = busy.then(function () { return save ? false : sync(lang); }).then(function () {
    if (event.source) event.source.postMessage({ cached: lang });
  }, function () {});
  event.waitUntil(busy);
});
// Same-origin reads come from the cache when the network is missing.
self.addEventListener("fetch", function (event) {
  var req = event.request, url = new URL(req.url);
  // Not `serve`'s reload events: a stream that never ends, never kept.
  if (req.method !== "GET" || url.origin !== self.location.origin || url.pathname.indexOf("/__fieldguide/") >= 0) return;
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
/// language's folder plus the shared assets, as paths from the root, each
/// with its hash and whether the worker fetches it ahead (`files`), and the
/// site's languages (`langs`: their folders' files are not this list's).
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
    let langs: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    for lang in &site.config.languages {
        let prefix = format!("{}/", lang.code);
        let list: Vec<(String, String, u8)> = sorted
            .iter()
            .filter(|f| {
                let p = f.path.as_str();
                (p.starts_with(&prefix) || p.starts_with("assets/") || shown_static(site, p))
                    && !p.ends_with(".pdf")
            })
            .map(|f| {
                let hash = blake3::Hash::from_bytes(f.hash).to_hex()[..16].to_string();
                // Recordings (and their captions), whatever their size: a
                // reader plays the one they need.
                let media = classify(&f.path) == FileType::Media;
                let ahead = f.len <= BULK_MAX && !media;
                (
                    crate::markdown::links::encode_path(&f.path),
                    hash,
                    u8::from(ahead),
                )
            })
            .collect();
        let json = serde_json::json!({ "files": list, "langs": langs });
        out.push(OutputFile::owned(
            format!("{}offline.json", prefix),
            json.to_string().into_bytes(),
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
