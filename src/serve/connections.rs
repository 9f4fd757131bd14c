//! Accepting connections for the preview, within bounds: a request's
//! headers must arrive within `HEADER_TIMEOUT` (a client that sends them a
//! byte at a time, or opens a connection and says nothing, is closed), and
//! no more than `cap()` connections are served at once. Without either, a
//! program on the machine (or, with `--bind`, on the network) could hold
//! every file descriptor the process may open: the preview then answered
//! nothing, and each rebuild failed with "Too many open files".

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long a request's line and headers may take to arrive, and how long
/// an idle kept-alive connection stays open. A browser sends them at once.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// At most this many connections at once, whatever the limit on open
/// files: a browser opens six per host name, and an open page holds one
/// for its reload events.
const MAX_CONNECTIONS: usize = 256;

/// The connections served at once: half the files the process may open
/// (the other half stays for rebuilds and the watcher), at most
/// `MAX_CONNECTIONS`, at least 16.
fn cap() -> usize {
    open_file_limit().map_or(MAX_CONNECTIONS, |n| (n / 2).clamp(16, MAX_CONNECTIONS))
}

#[cfg(unix)]
fn open_file_limit() -> Option<usize> {
    let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile);
    limit.current.and_then(|n| usize::try_from(n).ok())
}

#[cfg(not(unix))]
fn open_file_limit() -> Option<usize> {
    None
}

/// Connections over the cap answered at the same time.
const REFUSALS: usize = 32;

const TOO_MANY: &str = "503: this fieldguide preview has as many connections open as it serves; \
try again in a moment.\n";

/// The whole answer to a connection over the cap.
fn too_many() -> String {
    format!(
        "HTTP/1.1 503 Service Unavailable\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         X-Content-Type-Options: nosniff\r\n\
         Cache-Control: no-store\r\n\
         Connection: close\r\n\
         Content-Length: {}\r\n\r\n{TOO_MANY}",
        TOO_MANY.len()
    )
}

/// Serves `app` on `listener` until the runtime stops; returns only if
/// accepting fails for good.
pub async fn serve(listener: TcpListener, app: Router) -> std::io::Result<()> {
    let cap = cap();
    let slots = Arc::new(Semaphore::new(cap));
    let refusals = Arc::new(Semaphore::new(REFUSALS));
    // The terminal is told once, not at every refused connection.
    let mut warned = false;
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) if transient(&e) => {
                // Out of file descriptors (another program's doing): wait
                // for some to close rather than spin.
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
            Err(e) => return Err(e),
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            if !std::mem::replace(&mut warned, true) {
                crate::errln!(
                    "warning: the preview has {cap} connections open; more are refused (503) until some close (a program on this machine may be opening them)"
                );
            }
            // Refusals answered at once are few; past them, a connection
            // is just closed, so that a flood cannot hold descriptors.
            if let Ok(refusing) = refusals.clone().try_acquire_owned() {
                tokio::spawn(refuse(stream, refusing));
            }
            continue;
        };
        let app = app.clone();
        tokio::spawn(async move {
            let _slot = slot;
            let _ = stream.set_nodelay(true);
            let service = TowerToHyperService::new(app);
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Errors `accept` recovers from: a connection reset before it was
/// accepted, or no file descriptor free for now.
fn transient(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | Interrupted | WouldBlock
    ) || out_of_descriptors(e)
}

#[cfg(unix)]
fn out_of_descriptors(e: &std::io::Error) -> bool {
    e.raw_os_error()
        .is_some_and(|n| n == libc::EMFILE || n == libc::ENFILE)
}

#[cfg(not(unix))]
fn out_of_descriptors(_: &std::io::Error) -> bool {
    false
}

/// Says why, briefly, and closes: the refused client is not kept waiting,
/// nor allowed to hold the descriptor by not reading or not closing. What
/// it sent is read first (for a quarter of a second at most): closing over
/// unread bytes resets the connection, and the client would lose the
/// answer.
async fn refuse(mut stream: TcpStream, _slot: OwnedSemaphorePermit) {
    let answer = async {
        stream.write_all(too_many().as_bytes()).await?;
        stream.shutdown().await?;
        let mut buf = [0u8; 4096];
        let mut left: usize = 64 * 1024;
        while left > 0 {
            match stream.read(&mut buf).await? {
                0 => break,
                n => left = left.saturating_sub(n),
            }
        }
        std::io::Result::Ok(())
    };
    let _ = tokio::time::timeout(Duration::from_millis(250), answer).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refusal_is_one_whole_response() {
        let answer = too_many();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 503 "), "{head}");
        let length = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .unwrap();
        assert_eq!(length.parse::<usize>().unwrap(), body.len());
        assert_eq!(body, TOO_MANY);
    }

    #[test]
    fn the_cap_leaves_half_the_descriptors_to_the_build() {
        let cap = cap();
        assert!((16..=MAX_CONNECTIONS).contains(&cap), "{cap}");
        if let Some(limit) = open_file_limit().filter(|&n| n >= 32) {
            assert!(cap <= limit / 2, "{cap} of {limit}");
        }
    }
}
