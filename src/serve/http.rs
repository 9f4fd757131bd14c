//! The preview server: files from the in-memory site, the reload script,
//! and a stream of reload / error events. Only files of the built site are
//! served; nothing on disk is reachable, whatever the request path.

use super::{EVENTS, Notice, RELOAD_SCRIPT, Shared};
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::convert::Infallible;
use std::sync::Arc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

const SCRIPT: &str = r#"(function () {
  var src = document.currentScript && document.currentScript.src;
  if (!src || !window.EventSource) return;
  var events = new EventSource(src.replace(/livereload\.js.*$/, "events"));
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(text) {
    hide();
    box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.id = "fieldguide-error";
    box.style.cssText = "position:fixed;inset:0;z-index:99999;background:rgba(40,0,0,.94);color:#fff;padding:1.5rem;overflow:auto;font:15px/1.5 ui-monospace,monospace;direction:ltr;text-align:left";
    var h = document.createElement("h2");
    h.textContent = "fieldguide: the build failed";
    h.style.cssText = "font:bold 1.3rem system-ui,sans-serif;margin:0 0 1rem";
    var pre = document.createElement("pre");
    pre.textContent = text;
    pre.style.cssText = "white-space:pre-wrap;margin:0";
    var p = document.createElement("p");
    p.textContent = "The page below is the last version that built. Fix the error and save: this page reloads by itself.";
    box.appendChild(h); box.appendChild(pre); box.appendChild(p);
    document.body.appendChild(box);
  }
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("build-error", function (e) { show(e.data); });
  events.addEventListener("build-ok", hide);
})();
"#;

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(&format!("/{EVENTS}"), get(events))
        .route(&format!("/{RELOAD_SCRIPT}"), get(script))
        .fallback(get(file))
        .with_state(shared)
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        SCRIPT,
    )
        .into_response()
}

fn notice_event(n: Notice) -> Event {
    match n {
        Notice::Reload => Event::default().event("reload").data("reload"),
        Notice::Error(text) => Event::default().event("build-error").data(text),
    }
}

async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let rx = shared.notices.subscribe();
    // A page opened while the build is broken shows the error at once.
    let current = shared.snapshot.read().ok().and_then(|s| s.error.clone());
    let first = match current {
        Some(text) => notice_event(Notice::Error(text)),
        None => Event::default().event("build-ok").data("ok"),
    };
    let stream = tokio_stream::iter([Ok(first)]).chain(
        BroadcastStream::new(rx)
            .filter_map(|n| n.ok())
            .map(|n| Ok(notice_event(n))),
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The output path for a request path; `None` for anything that tries to
/// leave the site (`..`, encoded or not, backslashes, NUL).
pub fn resolve(path: &str) -> Option<String> {
    let decoded = crate::markdown::links::percent_decode(path);
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if out.is_empty() || decoded.ends_with('/') {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str("index.html");
    }
    Some(out)
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "txt" | "md" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "404: not a page of this site\n",
    )
        .into_response()
}

async fn file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let Some(path) = resolve(uri.path()) else {
        return not_found();
    };
    let files = match shared.snapshot.read() {
        Ok(s) => s.files.clone(),
        Err(_) => return not_found(),
    };
    let found = files
        .get(&path)
        .map(|b| (path.clone(), b.clone()))
        .or_else(|| {
            // `/en/pocket-guide` -> its index page.
            let index = format!("{path}/index.html");
            files.get(&index).map(|b| (index, b.clone()))
        });
    match found {
        Some((p, bytes)) => (
            [
                (header::CONTENT_TYPE, content_type(&p)),
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes.as_ref().clone(),
        )
            .into_response(),
        None => not_found(),
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn resolves_inside_the_site_only() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/en/").as_deref(), Some("en/index.html"));
        assert_eq!(resolve("/en/a%20b.html").as_deref(), Some("en/a b.html"));
        assert_eq!(resolve("/../site.yaml"), None);
        assert_eq!(resolve("/%2e%2e/site.yaml"), None);
        assert_eq!(resolve("/en/..%2f..%2fsite.yaml"), None);
        assert_eq!(resolve("/en/%5c..%5csite.yaml"), None);
    }
}
