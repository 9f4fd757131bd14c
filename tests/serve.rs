//! End-to-end: `fieldguide serve` builds, serves, rebuilds on change,
//! reloads pages, shows errors, keeps the last good site, refuses paths
//! that leave the site, and stops cleanly.

mod common;
use common::Site;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
    log: mpsc::Receiver<String>,
}

impl Server {
    // The child is waited for in `Drop`.
    #[allow(clippy::zombie_processes)]
    fn start(site: &Site) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fieldguide"))
            .args(["serve", "--port", "0", "--source"])
            .arg(site.path())
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let line = rx
                .recv_timeout(deadline - Instant::now())
                .expect("server did not start");
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let port = rest.split('/').next().unwrap().parse().unwrap();
                return Server {
                    child,
                    port,
                    log: rx,
                };
            }
        }
    }

    /// A raw HTTP/1.1 GET: (status, body). The path is sent exactly as given.
    fn get(&self, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        let text = String::from_utf8_lossy(&buf).into_owned();
        let status = text.split(' ').nth(1).unwrap().parse().unwrap();
        let body = text
            .split_once("\r\n\r\n")
            .map(|x| x.1.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Opens the event stream; events arrive on the returned channel.
    fn events(&self) -> mpsc::Receiver<String> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "GET /__fieldguide/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let reader = BufReader::new(s);
            let (mut event, mut data) = (String::new(), Vec::new());
            for line in reader.lines().map_while(Result::ok) {
                if let Some(name) = line.strip_prefix("event: ") {
                    event = name.to_string();
                } else if let Some(d) = line.strip_prefix("data: ") {
                    data.push(d.to_string());
                } else if line.is_empty() && !event.is_empty() {
                    let _ = tx.send(format!("{event}: {}", data.join("\n")));
                    event.clear();
                    data.clear();
                }
            }
        });
        rx
    }

    /// Waits for an event whose text contains `what`.
    fn wait_event(rx: &mpsc::Receiver<String>, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let e = rx
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no `{what}` event"));
            if e.contains(what) {
                return e;
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_rebuilds_reloads_shows_errors_and_stays_inside_the_site() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let (status, page) = server.get("/en/handbook/signs.html");
    assert_eq!(status, 200);
    assert!(
        page.contains("__fieldguide/livereload.js"),
        "the reload script is injected when serving"
    );
    assert_eq!(server.get("/").0, 200);
    assert_eq!(server.get("/en/").0, 200);
    assert_eq!(server.get("/__fieldguide/livereload.js").0, 200);

    // Nothing outside the built site, whatever the encoding.
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/en/..%2f..%2fsite.yaml",
        "/en/%2E%2E/%2E%2E/site.yaml",
        "/..%5csite.yaml",
        "/guidance/handbook/02-signs.en.md",
        "/site.yaml",
    ] {
        assert_eq!(server.get(path).0, 404, "{path}");
    }

    // Edit a chapter: the change shows, and open pages are told to reload.
    let events = server.events();
    Server::wait_event(&events, "build-ok");
    let chapter = "guidance/handbook/02-signs.en.md";
    let original = site.read(chapter);
    let index_before = server.get("/en/search-index.js").1;
    site.write(chapter, format!("{original}\nA freshly added sentence.\n"));
    Server::wait_event(&events, "reload");
    assert!(
        server
            .get("/en/handbook/signs.html")
            .1
            .contains("A freshly added sentence.")
    );
    // The search index follows the edit too.
    assert_ne!(server.get("/en/search-index.js").1, index_before);

    // Break the YAML: the error reaches the browser; the last good page stays.
    site.write(chapter, "---\ntitle: [broken\n---\nText\n");
    let err = Server::wait_event(&events, "build-error");
    assert!(
        err.contains("guidance/handbook/02-signs.en.md:3:1: error: invalid front matter"),
        "{err}"
    );
    let (status, body) = server.get("/en/handbook/signs.html");
    assert_eq!(status, 200);
    assert!(body.contains("A freshly added sentence."));
    // A page opened now learns about the error at once.
    let late = server.events();
    Server::wait_event(&late, "build-error");

    // Fix it: the page comes back with the new text.
    site.write(chapter, format!("{original}\nFixed again.\n"));
    Server::wait_event(&events, "reload");
    let body = server.get("/en/handbook/signs.html").1;
    assert!(body.contains("Fixed again."), "{body}");

    // A normal build never carries the reload script.
    site.build_ok();
    assert!(
        !site
            .read("public/en/handbook/signs.html")
            .contains("livereload")
    );
    drop(server);
}

#[test]
fn serve_stops_cleanly_on_interrupt() {
    let site = Site::fixture("basic");
    let mut server = Server::start(&site);
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(server.child.id() as i32, libc::SIGINT) };
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    // The reader thread ends at end of file: collect until then.
    let mut rest = Vec::new();
    while let Ok(line) = server.log.recv_timeout(Duration::from_secs(10)) {
        rest.push(line);
    }
    assert!(rest.iter().any(|l| l == "stopped"), "{rest:?}");
}

#[test]
fn serve_reports_a_port_in_use() {
    let site = Site::fixture("basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let o = site.run(&["serve", "--port", &port]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("is already in use"), "{}", o.stderr);
    assert!(!o.stderr.contains("panicked"));
}

#[test]
fn serving_beyond_this_machine_is_announced() {
    let site = Site::fixture("basic");
    let mut c = Command::new(env!("CARGO_BIN_EXE_fieldguide"));
    let mut child = c
        .args(["serve", "--port", "0", "--bind", "0.0.0.0", "--source"])
        .arg(site.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut seen = Vec::new();
    for line in BufReader::new(child.stderr.take().unwrap())
        .lines()
        .map_while(Result::ok)
    {
        let done = line.starts_with("serving ");
        seen.push(line);
        if done {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        seen.iter()
            .any(|l| l.starts_with("warning: serving on 0.0.0.0 makes the preview visible")),
        "{seen:?}"
    );
}
