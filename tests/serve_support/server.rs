//! A running `fieldguide serve` and raw HTTP/1.1 requests to it, so tests
//! see exactly what a browser would receive (status, headers, body).

use super::common::Site;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Server {
    pub child: Child,
    pub port: u16,
    pub log: mpsc::Receiver<String>,
}

/// A response as received.
pub struct Response {
    pub status: u16,
    /// Header names lowercased, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    /// The one value of header `name`; panics when absent or repeated.
    pub fn header(&self, name: &str) -> &str {
        let v: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(v.len(), 1, "header {name}: {:?}", self.headers);
        v[0]
    }
}

impl Server {
    /// The lines `serve` prints until one contains `needle` (60 s at most),
    /// that one included.
    pub fn log_until(&self, needle: &str) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self
                .log
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no log line with `{needle}`: {seen:#?}"));
            let found = line.contains(needle);
            seen.push(line);
            if found {
                return seen;
            }
        }
    }

    pub fn start(site: &Site) -> Server {
        Server::start_with(site, &[])
    }

    /// `fieldguide serve --port 0 <args>`, once it says where it listens.
    pub fn start_with(site: &Site, args: &[&str]) -> Server {
        Server::start_in(site.path(), args)
    }

    /// Serves the site in `source` (a local edition in a fixture's subfolder).
    pub fn start_in(source: &std::path::Path, args: &[&str]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_fieldguide"));
        command
            .args(["serve", "--port", "0"])
            .args(args)
            .arg("--source")
            .arg(source);
        Server::spawn(command)
    }

    /// Runs `command` (a `fieldguide serve --port 0`, perhaps under limits
    /// a test sets), once it says where it listens.
    // The child is waited for in `Drop`.
    #[allow(clippy::zombie_processes)]
    pub fn spawn(mut command: Command) -> Server {
        let mut child = command
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
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut seen = Vec::new();
        loop {
            let line = rx
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("server did not start: {seen:#?}"));
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let port = rest.split('/').next().unwrap().parse().unwrap();
                return Server {
                    child,
                    port,
                    log: rx,
                };
            }
            seen.push(line);
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The `Host` a browser sends for this server.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// A GET with this server's own `Host`; the path is sent exactly as given.
    pub fn get(&self, path: &str) -> Response {
        self.request(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.host()
        ))
    }

    /// Sends `raw` as is and reads the whole response.
    pub fn request(&self, raw: &str) -> Response {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.write_all(raw.as_bytes()).unwrap();
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        parse(&String::from_utf8_lossy(&buf))
    }

    /// Only the status line and headers of a GET (for streams that do not end).
    pub fn head_of(&self, path: &str) -> Response {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.host()).unwrap();
        let mut text = String::new();
        for line in BufReader::new(s).lines().map_while(Result::ok) {
            if line.is_empty() {
                break;
            }
            text.push_str(&line);
            text.push_str("\r\n");
        }
        parse(&text)
    }

    /// Opens the event stream; events arrive on the returned channel as
    /// `name: data`.
    pub fn events(&self) -> mpsc::Receiver<String> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "GET /__fieldguide/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.host()
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
                } else if line == "data:" {
                    data.push(String::new());
                } else if line.is_empty() && !event.is_empty() {
                    let _ = tx.send(format!("{event}: {}", data.join("\n")));
                    event.clear();
                    data.clear();
                }
            }
        });
        rx
    }

    /// Waits for an event whose text starts with `name: `.
    pub fn wait_event(rx: &mpsc::Receiver<String>, name: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        let prefix = format!("{name}: ");
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let e = rx
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no `{name}` event"));
            if let Some(data) = e.strip_prefix(&prefix) {
                return data.to_string();
            }
        }
    }
}

fn parse(text: &str) -> Response {
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((text, ""));
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP response: {text:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
