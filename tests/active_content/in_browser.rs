//! The published SVGs, opened on their own over HTTP, run no script;
//! the originals do.

use super::{common, corpus, site_with};
use common::browser;
use std::path::{Path, PathBuf};

fn answer(mut stream: std::net::TcpStream, dir: &Path) {
    use std::io::{BufRead, BufReader, Write};
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(30)));
    // Read the whole request head: closing with unread bytes would reset
    // the connection.
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = line
        .split(' ')
        .nth(1)
        .unwrap_or("/")
        .trim_start_matches('/');
    let path = common::decode(path);
    let (status, body) = match std::fs::read(dir.join(&path)) {
        Ok(b) if !path.contains("..") => ("200 OK", b),
        _ => ("404 Not Found", Vec::new()),
    };
    let kind = if path.ends_with(".svg") {
        "image/svg+xml"
    } else {
        "text/html"
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// A tiny HTTP server for the browser test: the SVGs must run (or not)
/// with a real origin, as they would on the site's host.
fn serve(dir: PathBuf) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            // One thread per connection: the browser opens connections it
            // may never send a request on.
            let dir = dir.clone();
            std::thread::spawn(move || answer(stream, &dir));
        }
    });
    port
}

#[test]
fn sanitised_svgs_run_no_script_in_a_browser() {
    let Some(chromium) = browser::require() else {
        return;
    };
    let files = corpus("hostile");
    let site = site_with(&files);
    site.build_ok();
    // The originals beside the published copies, as a control: the attacks
    // must really run, or the test proves nothing.
    let root = tempfile::tempdir().unwrap();
    let mut urls = Vec::new();
    for (name, bytes) in files.iter().chain(&corpus("refused")) {
        std::fs::create_dir_all(root.path().join("orig")).unwrap();
        std::fs::write(root.path().join("orig").join(name), bytes).unwrap();
        urls.push(format!("orig/{name}"));
        let published = site.out().join(format!("en/handbook/files/{name}"));
        if let Ok(b) = std::fs::read(published) {
            std::fs::create_dir_all(root.path().join("clean")).unwrap();
            std::fs::write(root.path().join("clean").join(name), b).unwrap();
            urls.push(format!("clean/{name}"));
        }
    }
    let script = format!(
        r#"const urls = {};
const out = {{}};
for (const u of urls) {{
  const f = document.createElement('iframe');
  f.src = u;
  f.onload = () => setTimeout(() => {{
    let v;
    try {{
      const d = f.contentDocument;
      v = d.documentElement.getAttribute('data-pwned') ? 'ran' : (d.title === 'pwned' ? 'ran' : d.documentElement.localName);
    }} catch (e) {{ v = 'error ' + e; }}
    // A frame can load twice (a script that navigates it): the result is
    // written once every frame has one, and again on any later load.
    out[u] = v;
    if (Object.keys(out).length === urls.length) document.getElementById('result').textContent = JSON.stringify(out);
  }}, 300);
  document.body.appendChild(f);
}}"#,
        serde_json::to_string(&urls).unwrap()
    );
    std::fs::write(
        root.path().join("harness.html"),
        format!("<!DOCTYPE html><html><body><pre id=\"result\">pending</pre><script>{script}</script></body></html>"),
    )
    .unwrap();
    let port = serve(root.path().to_path_buf());
    let profile = tempfile::tempdir().unwrap();
    let chrome = browser::command(&chromium, profile.path());
    // A hung browser must fail the test, not stall the suite.
    let out = std::process::Command::new("timeout")
        .arg("120")
        .arg(chrome.get_program())
        .args(chrome.get_args())
        .args(["--virtual-time-budget=20000", "--dump-dom"])
        .arg(format!("http://127.0.0.1:{port}/harness.html"))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let doc = scraper::Html::parse_document(&dom);
    let result: String = doc
        .select(&scraper::Selector::parse("#result").unwrap())
        .next()
        .map(|e| e.text().collect())
        .unwrap_or_default();
    let results: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&result).unwrap_or_else(|e| panic!("{e}: {dom}"));
    // The attacks work on the originals...
    for name in [
        "prefixed-script.svg",
        "svg-prefix-script.svg",
        "cdata-script.svg",
        "event-handlers.svg",
        "utf16le-bom.svg",
        "utf16be-bom.svg",
        "external-dtd.svg",
        "latin1.svg",
        "entity-script.svg",
        "foreign-object.svg",
        "html-namespace.svg",
        "utf16le-no-bom.svg",
        "xhtml-root.svg",
    ] {
        assert_eq!(
            results[&format!("orig/{name}")],
            "ran",
            "{name}: {results:#?}"
        );
    }
    // ...and on none of the published copies, which all load as SVG.
    let clean: Vec<_> = results
        .iter()
        .filter(|(k, _)| k.starts_with("clean/"))
        .collect();
    assert_eq!(clean.len(), files.len());
    for (url, v) in clean {
        assert_eq!(v, "svg", "{url}: {results:#?}");
    }
}

/// A screenshot of `file` (an SVG) as Chromium draws it.
fn screenshot(chromium: &Path, file: &Path, png: &Path) -> Vec<u8> {
    let profile = tempfile::tempdir().unwrap();
    let chrome = browser::command(chromium, profile.path());
    let status = std::process::Command::new("timeout")
        .arg("120")
        .arg(chrome.get_program())
        .args(chrome.get_args())
        .args(["--window-size=800,680", "--virtual-time-budget=1000"])
        .arg(format!("--screenshot={}", png.display()))
        .arg(browser::file_url(file))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    std::fs::read(png).unwrap()
}

#[test]
fn benign_svgs_look_the_same_after_sanitising() {
    let Some(chromium) = browser::require() else {
        return;
    };
    let mut files = corpus("benign");
    let flow = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("guidance/identification-guidelines/images/referral-flow.svg");
    files.push(("referral-flow.svg".into(), std::fs::read(flow).unwrap()));
    let site = site_with(&files);
    site.build_ok();
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in &files {
        let original = dir.path().join(format!("original-{name}"));
        std::fs::write(&original, bytes).unwrap();
        let published = site.out().join(format!("en/handbook/files/{name}"));
        let before = screenshot(&chromium, &original, &dir.path().join("before.png"));
        let after = screenshot(&chromium, &published, &dir.path().join("after.png"));
        assert!(before.len() > 1000, "{name}: no picture");
        assert!(
            before == after,
            "{name}: the sanitised SVG draws differently"
        );
    }
}
