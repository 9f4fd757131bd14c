//! The preview server: files from the in-memory site, the reload script,
//! and a stream of reload / error events. Only files of the built site are
//! served; nothing on disk is reachable, whatever the request path.

use super::guard::{self, Guard};
use super::{EVENTS, Files, Notice, OVERLAY_CSS, RELOAD_SCRIPT, Shared, overlay};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

/// Every route, behind the host check and security headers of `guard`.
pub fn router(shared: Arc<Shared>, local: SocketAddr) -> Router {
    Router::new()
        .route(&format!("/{EVENTS}"), get(events))
        .route(&format!("/{RELOAD_SCRIPT}"), get(script))
        .route(&format!("/{OVERLAY_CSS}"), get(stylesheet))
        .fallback(get(file))
        .with_state(shared)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(Guard::new(local)),
            guard::check,
        ))
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        overlay::SCRIPT,
    )
        .into_response()
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        overlay::stylesheet(),
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
/// leave the site (`..`, encoded or not, backslashes, NUL), and for an
/// encoded slash: it is not a folder separator, and a page found through
/// one would be served one folder off, its relative links broken.
pub fn resolve(path: &str) -> Option<String> {
    let mut parts = Vec::new();
    for seg in path.split('/') {
        let seg = crate::markdown::links::percent_decode(seg);
        match seg.as_str() {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['/', '\\', '\0']) => return None,
            _ => parts.push(seg),
        }
    }
    let mut out = parts.join("/");
    if out.is_empty() || path.ends_with('/') {
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
        "jpg" | "jpeg" | "jfif" | "jpe" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "txt" | "md" => "text/plain; charset=utf-8",
        "avif" => "image/avif",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "opus" => "audio/ogg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "vtt" => "text/vtt; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/octet-stream",
    }
}

/// What a request path finds in the site.
#[derive(Debug, PartialEq)]
enum Found {
    File(String, Arc<Vec<u8>>),
    /// A folder asked for without its trailing slash: its index page's
    /// relative links only work from the slash form.
    Redirect(String),
    Missing,
}

fn lookup(files: &Files, uri: &Uri) -> Found {
    let raw = uri.path();
    let Some(path) = resolve(raw) else {
        return Found::Missing;
    };
    let file = files.get(&path);
    let folder =
        file.is_none() && !raw.ends_with('/') && files.contains_key(&format!("{path}/index.html"));
    if file.is_none() && !folder {
        return Found::Missing;
    }
    // Rebuilt from the path as sent (still percent-encoded), one slash
    // between segments, so the target is always a path on this server: a
    // folder's slash form, and `/en//index.html` (whose relative links
    // would be one folder off) in its one-slash form.
    let mut to: String = raw
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .flat_map(|s| ["/", s])
        .collect();
    if folder || (raw.ends_with('/') && !to.is_empty()) || to.is_empty() {
        to.push('/');
    }
    match file {
        Some(bytes) if to == raw => Found::File(path, bytes.clone()),
        _ => {
            if let Some(q) = uri.query() {
                to.push('?');
                to.push_str(q);
            }
            Found::Redirect(to)
        }
    }
}

/// The site's own `404.html` when it has one, else a plain page.
fn not_found(files: Option<&Files>) -> Response {
    if let Some(page) = files.and_then(|f| f.get("404.html")) {
        return (
            StatusCode::NOT_FOUND,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            page.as_ref().clone(),
        )
            .into_response();
    }
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        NOT_FOUND_TEXT,
    )
        .into_response()
}

const NOT_FOUND_TEXT: &str = "404: not a page of this site\n";

/// A file of the site, without copying it (a 100 MB video, asked for by
/// several readers at once, is held once), and the one byte range asked
/// for, if any: a video player seeks, and Safari plays nothing without.
fn file_response(path: &str, bytes: Arc<Vec<u8>>, request: &HeaderMap) -> Response {
    let len = bytes.len();
    let body = Bytes::from_owner(Owned(bytes));
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    // No validators are sent, so an `If-Range` cannot be checked: the
    // whole file, as RFC 9110 says.
    let asked = request
        .get(header::RANGE)
        .filter(|_| !request.contains_key(header::IF_RANGE))
        .and_then(|v| v.to_str().ok());
    let (status, body) = match asked.and_then(|r| byte_range(r, len)) {
        None => (StatusCode::OK, body),
        Some(Some((from, to))) => {
            let range = format!("bytes {from}-{}/{len}", to - 1);
            if let Ok(v) = HeaderValue::from_str(&range) {
                headers.insert(header::CONTENT_RANGE, v);
            }
            (StatusCode::PARTIAL_CONTENT, body.slice(from..to))
        }
        Some(None) => {
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                headers.insert(header::CONTENT_RANGE, v);
            }
            (StatusCode::RANGE_NOT_SATISFIABLE, Bytes::new())
        }
    };
    (status, headers, Body::from(body)).into_response()
}

/// A file's bytes, shared with the site held in memory.
struct Owned(Arc<Vec<u8>>);

impl AsRef<[u8]> for Owned {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// The byte range of a `Range` header: `None` to send the whole file (no
/// range, several, or one not understood), `Some(None)` when it cannot be
/// satisfied, else `Some(Some((from, to)))`, `to` excluded.
fn byte_range(value: &str, len: usize) -> Option<Option<(usize, usize)>> {
    let spec = value.trim().strip_prefix("bytes=")?.trim();
    if spec.contains(',') {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let number = |s: &str| -> Option<Option<u64>> {
        let s = s.trim();
        if s.is_empty() {
            return Some(None);
        }
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
            .map(Some)
    };
    let (a, b) = (number(a)?, number(b)?);
    let len64 = len as u64;
    let (from, to) = match (a, b) {
        (Some(a), b) => {
            if b.is_some_and(|b| b < a) {
                return None;
            }
            if a >= len64 {
                return Some(None);
            }
            (a, b.map_or(len64, |b| b.saturating_add(1).min(len64)))
        }
        (None, Some(n)) => {
            if n == 0 || len64 == 0 {
                return Some(None);
            }
            (len64.saturating_sub(n), len64)
        }
        (None, None) => return None,
    };
    Some(Some((from as usize, to as usize)))
}

async fn file(State(shared): State<Arc<Shared>>, uri: Uri, request: HeaderMap) -> Response {
    let (files, error) = match shared.snapshot.read() {
        Ok(s) => (s.files.clone(), s.error.clone()),
        Err(_) => return not_found(None),
    };
    let Some(files) = files else {
        // Never built: every page is the list of errors.
        let text = error.unwrap_or_default();
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            overlay::error_page(&text, RELOAD_SCRIPT, OVERLAY_CSS),
        )
            .into_response();
    };
    match lookup(&files, &uri) {
        Found::File(p, bytes) => file_response(&p, bytes, &request),
        Found::Redirect(to) => match HeaderValue::from_str(&to) {
            Ok(location) => (
                StatusCode::MOVED_PERMANENTLY,
                [
                    (header::LOCATION, location),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                ],
            )
                .into_response(),
            Err(_) => not_found(Some(&files)),
        },
        Found::Missing => not_found(Some(&files)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn byte_ranges() {
        assert_eq!(byte_range("bytes=0-99", 1000), Some(Some((0, 100))));
        assert_eq!(byte_range("bytes=900-", 1000), Some(Some((900, 1000))));
        assert_eq!(byte_range("bytes=-100", 1000), Some(Some((900, 1000))));
        assert_eq!(byte_range("bytes=-5000", 1000), Some(Some((0, 1000))));
        assert_eq!(byte_range("bytes=990-5000", 1000), Some(Some((990, 1000))));
        // Cannot be satisfied: 416.
        assert_eq!(byte_range("bytes=1000-", 1000), Some(None));
        assert_eq!(byte_range("bytes=-0", 1000), Some(None));
        assert_eq!(byte_range("bytes=0-", 0), Some(None));
        // Not understood, or several: the whole file.
        for v in [
            "bytes=5-1",
            "bytes=0-1,5-6",
            "items=0-1",
            "bytes=a-b",
            "bytes=-",
            "bytes=+1-2",
            "bytes=99999999999999999999999-",
        ] {
            assert_eq!(byte_range(v, 1000), None, "{v}");
        }
    }

    #[test]
    fn resolves_inside_the_site_only() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/en/").as_deref(), Some("en/index.html"));
        assert_eq!(resolve("/en/a%20b.html").as_deref(), Some("en/a b.html"));
        assert_eq!(resolve("/../site.yaml"), None);
        assert_eq!(resolve("/%2e%2e/site.yaml"), None);
        assert_eq!(resolve("/en/..%2f..%2fsite.yaml"), None);
        assert_eq!(resolve("/en/%5c..%5csite.yaml"), None);
        assert_eq!(resolve("/en%2f"), None);
        assert_eq!(resolve("/en/handbook%2Fsigns.html"), None);
    }

    fn site(paths: &[&str]) -> Files {
        Arc::new(
            paths
                .iter()
                .map(|p| (p.to_string(), Arc::new(p.as_bytes().to_vec())))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    fn find(files: &Files, uri: &str) -> Found {
        lookup(files, &uri.parse().unwrap())
    }

    #[test]
    fn folders_redirect_to_their_slash_form() {
        let files = site(&["index.html", "en/index.html", "en/my guide/index.html"]);
        let redirect = |s: &str| Found::Redirect(s.to_string());
        assert_eq!(find(&files, "/en"), redirect("/en/"));
        assert_eq!(find(&files, "/en/my%20guide"), redirect("/en/my%20guide/"));
        assert_eq!(
            find(&files, "/en/my%20guide?q=a"),
            redirect("/en/my%20guide/?q=a")
        );
        // Never to another host, however many slashes lead the path.
        assert_eq!(find(&files, "//en"), redirect("/en/"));
        assert_eq!(find(&files, "/./en/./"), redirect("/en/"));
        // A doubled slash would put relative links one folder off.
        assert_eq!(find(&files, "/en//index.html"), redirect("/en/index.html"));
        assert_eq!(find(&files, "/en//"), redirect("/en/"));
        assert!(matches!(find(&files, "/en/"), Found::File(p, _) if p == "en/index.html"));
        assert_eq!(find(&files, "/fr"), Found::Missing);
        assert_eq!(find(&files, "/en/index.html/"), Found::Missing);
    }

    #[test]
    fn missing_pages_get_the_sites_404_page_when_it_has_one() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let body = |r: Response| {
            rt.block_on(axum::body::to_bytes(r.into_body(), 1 << 20))
                .unwrap()
                .to_vec()
        };
        let with = site(&["index.html", "404.html"]);
        let r = not_found(Some(&with));
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            r.headers()[header::CONTENT_TYPE],
            "text/html; charset=utf-8"
        );
        assert_eq!(body(r), b"404.html");
        let without = site(&["index.html"]);
        let r = not_found(Some(&without));
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert_eq!(body(r), NOT_FOUND_TEXT.as_bytes());
    }
}
