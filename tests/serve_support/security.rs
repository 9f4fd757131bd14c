//! `serve` refuses hosts that are not its own (DNS rebinding) and sends
//! its security headers on every response, refusals included.

use super::common::Site;
use super::server::{self, Server};

const MINIMAL_PDF: &str = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n";

#[test]
fn serve_answers_only_hosts_that_name_it() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let port = server.port;
    let get = |host: &str, path: &str| {
        server.request(&format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ))
    };
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(get(&host, "/en/").status, 200, "{host}");
    }
    // A name of another site pointed at 127.0.0.1 (DNS rebinding), or the
    // right name with another port: refused, the script and events too.
    for host in [
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        "localhost".to_string(),
        format!("localhost:{}", port.wrapping_add(1)),
    ] {
        for path in [
            "/en/",
            "/__fieldguide/livereload.js",
            "/__fieldguide/events",
        ] {
            let r = get(&host, path);
            assert_eq!(r.status, 421, "{host} {path}");
            assert_eq!(r.header("content-type"), "text/plain; charset=utf-8");
            assert!(
                r.body.contains(&format!("this one named `{host}`")),
                "{}",
                r.body
            );
            assert!(r.body.contains("(DNS rebinding)"), "{}", r.body);
            assert!(!r.body.contains("<html"), "no page of the site is sent");
        }
    }
    // No Host at all (HTTP/1.0), and an absolute URI naming another host.
    let r = server.request("GET /en/ HTTP/1.0\r\n\r\n");
    assert_eq!(r.status, 421);
    assert!(r.body.contains("this one named no host"), "{}", r.body);
    let r = server.request(&format!(
        "GET http://evil.example:{port}/en/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(r.status, 421);
}

/// The policy's directives, by name.
fn csp(r: &server::Response) -> std::collections::BTreeMap<String, String> {
    r.header("content-security-policy")
        .split(';')
        .filter_map(|d| {
            let d = d.trim();
            let (name, value) = d.split_once(' ').unwrap_or((d, ""));
            (!name.is_empty()).then(|| (name.to_string(), value.to_string()))
        })
        .collect()
}

pub fn assert_headers(r: &server::Response, what: &str) {
    assert_eq!(r.header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(r.header("referrer-policy"), "no-referrer", "{what}");
    assert_eq!(r.header("x-frame-options"), "DENY", "{what}");
    assert_eq!(
        r.header("cross-origin-resource-policy"),
        "same-origin",
        "{what}"
    );
    let p = csp(r);
    for (name, value) in [
        ("frame-ancestors", "'none'"),
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("style-src", "'self'"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("img-src", "'self' data:"),
    ] {
        assert_eq!(
            p.get(name).map(String::as_str),
            Some(value),
            "{what}: {p:?}"
        );
    }
}

#[test]
fn every_response_carries_the_security_headers() {
    let site = Site::fixture("basic");
    site.write("guidance/handbook/form.pdf", MINIMAL_PDF);
    let chapter = "guidance/handbook/02-signs.en.md";
    site.write(
        chapter,
        format!("{}\n[The form](form.pdf)\n", site.read(chapter)),
    );
    let server = Server::start(&site);
    for path in [
        "/",
        "/en/handbook/signs.html",
        "/assets/site.css",
        "/assets/site.js",
        "/en/search-index.js",
        "/en/handbook/images/flow.png",
        "/__fieldguide/livereload.js",
        "/__fieldguide/overlay.css",
        "/en/no-such-page.html",
        "/en/handbook",
    ] {
        assert_headers(&server.get(path), path);
    }
    assert_headers(&server.head_of("/__fieldguide/events"), "events");
    // A PDF keeps the other headers, but only `frame-ancestors` of the
    // policy: Chromium's viewer is a plugin in the PDF's own document.
    let pdf = server.get("/en/handbook/form.pdf");
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    assert_eq!(
        pdf.header("content-security-policy"),
        "frame-ancestors 'none'"
    );
    assert_eq!(pdf.header("x-content-type-options"), "nosniff");
    assert_eq!(pdf.header("referrer-policy"), "no-referrer");
    assert_eq!(pdf.header("x-frame-options"), "DENY");
    let refused =
        server.request("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assert_eq!(refused.status, 421);
    assert_headers(&refused, "refused");
    let post = server.request(&format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        server.host()
    ));
    assert_eq!(post.status, 405);
    assert_headers(&post, "POST");
}
