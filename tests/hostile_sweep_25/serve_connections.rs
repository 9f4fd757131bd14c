//! Clients that hold the preview's connections: headers sent a line at a
//! time, connections opened and left silent, hundreds at once, and pages
//! of another host name whose connections stay open.

use crate::common::Site;
use crate::server::Server;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Reads until the server closes the connection, or `limit` passes;
/// the time it took to close, `None` if it did not.
fn closed_within(mut s: TcpStream, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    s.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let mut buf = [0u8; 4096];
    while start.elapsed() < limit {
        match s.read(&mut buf) {
            Ok(0) => return Some(start.elapsed()),
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return Some(start.elapsed()),
        }
    }
    None
}

/// A client that sends a request's headers one line a second, without
/// end (slowloris), one that connects and says nothing, and one whose
/// kept-alive connection sits idle after its answer, each held a
/// connection for as long as it liked: nothing closed them, so enough of
/// them used up the descriptors the process may open. Now each is closed
/// once its headers have taken 10 seconds.
#[test]
fn connections_that_send_no_whole_request_are_closed() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let host = server.host();
    let limit = Duration::from_secs(30);
    let connect = || TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let trickle = {
        let mut s = connect();
        let host = host.clone();
        std::thread::spawn(move || {
            let reader = s.try_clone().unwrap();
            let watch = std::thread::spawn(move || closed_within(reader, limit));
            let _ = write!(s, "GET /en/ HTTP/1.1\r\nHost: {host}\r\n");
            for i in 0..30 {
                std::thread::sleep(Duration::from_secs(1));
                if write!(s, "X-Note-{i}: still here\r\n").is_err() || watch.is_finished() {
                    break;
                }
            }
            watch.join().unwrap()
        })
    };
    let silent = {
        let s = connect();
        std::thread::spawn(move || closed_within(s, limit))
    };
    let kept_alive = {
        let mut s = connect();
        write!(s, "GET /en/ HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        std::thread::spawn(move || {
            // The page arrives first; the connection then stays idle.
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut first = [0u8; 12];
            s.read_exact(&mut first).unwrap();
            assert_eq!(&first, b"HTTP/1.1 200");
            closed_within(s, limit)
        })
    };
    for (what, client) in [
        ("headers sent a line a second", trickle),
        ("a silent connection", silent),
        ("an idle kept-alive connection", kept_alive),
    ] {
        let closed = client.join().unwrap();
        let Some(after) = closed else {
            panic!("{what}: still open after {limit:?}");
        };
        assert!(
            after >= Duration::from_secs(5),
            "{what}: closed after {after:?}"
        );
    }
    // A browser's request is answered as before.
    assert_eq!(server.get("/en/").status, 200);
}

/// With the process allowed 128 open files, 200 connections opened and
/// left silent made the preview answer nothing (its accept loop found no
/// descriptor free) and the next rebuild fail with "cannot read
/// site.yaml: Too many open files". Now the preview serves at most half
/// as many connections as it may open files: one more is answered 503,
/// saying why, the terminal says so once, and rebuilds go on.
#[cfg(unix)]
#[test]
fn connections_beyond_the_cap_are_refused_and_rebuilds_go_on() {
    let site = Site::fixture("basic");
    let mut command = std::process::Command::new("sh");
    command
        .args(["-c", "ulimit -n 128 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["serve", "--port", "0", "--source"])
        .arg(site.path());
    let server = Server::spawn(command);
    let held: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    // The refusals of those over the cap take a moment: ask until the
    // answer comes (a connection closed unanswered is asked again).
    let deadline = Instant::now() + Duration::from_secs(10);
    let answer = loop {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(s, "GET /en/ HTTP/1.1\r\nHost: {}\r\n\r\n", server.host()).unwrap();
        let mut answer = String::new();
        let read = s.read_to_string(&mut answer);
        if read.is_ok() && !answer.is_empty() {
            break answer;
        }
        let timed_out = read.as_ref().is_err_and(|e| {
            matches!(
                e.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            )
        });
        assert!(
            !timed_out && Instant::now() < deadline,
            "no answer: {read:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(answer.starts_with("HTTP/1.1 503 "), "{answer}");
    assert!(
        answer.ends_with("503: this fieldguide preview has as many connections open as it serves; try again in a moment.\n"),
        "{answer}"
    );
    let rel = "guidance/handbook/02-signs.en.md";
    site.write(
        rel,
        format!(
            "{}\nA sentence added while the preview is full.\n",
            site.read(rel)
        ),
    );
    let mut log = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !log
        .iter()
        .any(|l: &String| l.contains("rebuilt") || l.contains("broke"))
    {
        let left = deadline.saturating_duration_since(Instant::now());
        match server.log.recv_timeout(left) {
            Ok(line) => log.push(line),
            Err(_) => panic!("no rebuild: {log:#?}"),
        }
    }
    let text = log.join("\n");
    assert!(!text.contains("Too many open files"), "{text}");
    assert!(text.contains("rebuilt (") && text.contains(rel), "{text}");
    let warnings: Vec<&String> = log
        .iter()
        .filter(|l| l.contains("connections open"))
        .collect();
    assert_eq!(warnings.len(), 1, "{text}");
    assert!(
        warnings[0].starts_with(
            "warning: the preview has 64 connections open; more are refused (503) until some close"
        ),
        "{text}"
    );
    // Once they close, the preview answers again, with the edit.
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let r = server.get("/en/handbook/signs.html");
        if r.status == 200 {
            assert!(r.body.contains("added while the preview is full"));
            break;
        }
        assert!(Instant::now() < deadline, "still {}: {}", r.status, r.body);
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A page that points many names of its own at this machine (DNS
/// rebinding) is refused (421), but each connection stayed open for the
/// browser to reuse; now it closes with the refusal.
#[test]
fn a_request_for_another_host_closes_its_connection() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    for host in [
        format!("rebind-1.evil.example:{}", server.port),
        "localhost".to_string(),
    ] {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(s, "GET /en/ HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut answer = Vec::new();
        let read = s.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(read.is_ok(), "{host}: still open: {read:?} {answer}");
        assert!(answer.starts_with("HTTP/1.1 421 "), "{answer}");
    }
    // Two Host headers: refused, and closed too.
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let host = server.host();
    write!(
        s,
        "GET /en/ HTTP/1.1\r\nHost: {host}\r\nHost: {host}\r\n\r\n"
    )
    .unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut answer = Vec::new();
    let read = s.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(read.is_ok(), "still open: {read:?} {answer}");
    assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
}
