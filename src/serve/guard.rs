//! What every response of the preview server passes through: a check that
//! the request names this server (DNS rebinding), and the headers that
//! keep other sites from framing, sniffing or embedding the preview.
//!
//! A page on another site can point a DNS name of its own at 127.0.0.1 and
//! then read the preview as same-origin content; the only trace is the
//! `Host` header, which still carries the attacker's name. So only hosts
//! that name this server are answered.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

/// The site's own policy (scripts, styles, images, fonts and connections
/// from the site only; no plugins, no `<base>`) plus what only a header can
/// say: no other page may frame the preview. `data:` images are allowed
/// because the theme's stylesheet draws its icons with them; an image
/// cannot run script.
pub const CSP: &str = concat!(crate::csp_policy!(), "; frame-ancestors 'none'");

/// The hosts this server answers to.
#[derive(Debug, Clone, Copy)]
pub struct Guard {
    ip: IpAddr,
    port: u16,
}

impl Guard {
    /// For a server listening on `local` (the real port, once bound).
    pub fn new(local: SocketAddr) -> Self {
        Guard {
            ip: local.ip(),
            port: local.port(),
        }
    }

    /// Whether a `Host` value names this server: `localhost`, `127.0.0.1`,
    /// `[::1]` or the address it listens on, with its port. Listening on
    /// every address (`0.0.0.0`), any IP address is accepted: an address
    /// typed as digits cannot be rebound, only a name can.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let Some((name, port)) = split_host(&host) else {
            return false;
        };
        // Browsers leave the port out only when it is the default one.
        let port_ok = match port {
            Some(p) => p == self.port,
            None => self.port == 80,
        };
        if !port_ok {
            return false;
        }
        if name == "localhost" {
            return true;
        }
        let Ok(ip) = name.parse::<IpAddr>() else {
            return false;
        };
        ip == self.ip
            || ip == IpAddr::V4(Ipv4Addr::LOCALHOST)
            || ip == IpAddr::V6(Ipv6Addr::LOCALHOST)
            || self.ip.is_unspecified()
    }

    fn refusal(&self, host: Option<&str>) -> Response {
        let shown = match host {
            Some(h) => format!("`{}`", printable(h)),
            None => "no host".to_string(),
        };
        let addr = if self.ip.is_unspecified() {
            format!(
                "http://localhost:{}/ or this machine's IP address with port {}",
                self.port, self.port
            )
        } else {
            let ip = match self.ip {
                IpAddr::V6(v6) => format!("[{v6}]"),
                v4 => v4.to_string(),
            };
            format!(
                "http://{ip}:{}/ or http://localhost:{}/",
                self.port, self.port
            )
        };
        let body = format!(
            "421 Misdirected Request: this fieldguide preview answers only requests for {addr}; \
             this one named {shown}.\n\
             A page on another site may be trying to read the preview through a DNS name that \
             points at this machine (DNS rebinding), so the request was refused.\n"
        );
        // The connection closes with the answer: a page that points many
        // names at this machine would otherwise keep each one open.
        (
            StatusCode::MISDIRECTED_REQUEST,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::CONNECTION, "close"),
            ],
            body,
        )
            .into_response()
    }
}

/// `name` and port of a `Host` value (`[::1]:8080`, `localhost:1111`,
/// `example.org`); `None` when it is not one.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, rest) = if let Some(v6) = host.strip_prefix('[') {
        let (inner, rest) = v6.split_once(']')?;
        (inner, rest)
    } else {
        match host.find(':') {
            Some(i) => (&host[..i], &host[i..]),
            None => (host, ""),
        }
    };
    if name.is_empty() {
        return None;
    }
    let port = match rest {
        "" => None,
        r => {
            let digits = r.strip_prefix(':')?;
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some(digits.parse().ok()?)
        }
    };
    Some((name, port))
}

/// A host as sent, safe to echo: visible ASCII only, and short.
fn printable(s: &str) -> String {
    s.chars()
        .take(100)
        .map(|c| if c.is_ascii_graphic() { c } else { '?' })
        .collect()
}

/// Middleware: refuse requests for other hosts, then add the headers.
pub async fn check(State(guard): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .map(|v| v.to_str().unwrap_or("\u{fffd}"));
    // A request in absolute form (`GET http://name/ HTTP/1.1`) names its
    // host in the URI as well: both must be this server.
    let uri_host = req.uri().authority().map(|a| a.as_str());
    // Two `Host` headers: which one a proxy or cache in between reads is
    // anyone's guess (RFC 9112 says refuse).
    if req.headers().get_all(header::HOST).iter().count() > 1 {
        let mut response = (
            StatusCode::BAD_REQUEST,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::CONNECTION, "close"),
            ],
            "400: more than one Host header\n",
        )
            .into_response();
        add_headers(response.headers_mut());
        return response;
    }
    let refused = match (host, uri_host) {
        (None, None) => Some(None),
        (Some(h), _) if !guard.allows(h) => Some(Some(h.to_string())),
        (_, Some(u)) if !guard.allows(u) => Some(Some(u.to_string())),
        _ => None,
    };
    let mut response = match refused {
        Some(h) => guard.refusal(h.as_deref()),
        None => next.run(req).await,
    };
    add_headers(response.headers_mut());
    response
}

/// For PDFs: Chromium shows them in a document of its own, made of the
/// response, with the viewer as an `<embed>` that `object-src 'none'` (and
/// the ban on inline style) would block (crbug.com/271452). Script in a
/// PDF never runs as the site.
pub const PDF_CSP: &str = "frame-ancestors 'none'";

fn add_headers(h: &mut HeaderMap) {
    let pdf = h
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/pdf"));
    let set = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::CONTENT_SECURITY_POLICY,
            if pdf { PDF_CSP } else { CSP },
        ),
        (header::X_FRAME_OPTIONS, "DENY"),
        // Another site may not embed the preview's files either (a
        // `<script src>` of a search index would hand it the draft text).
        (
            header::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in set {
        h.insert(name, HeaderValue::from_static(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(addr: &str) -> Guard {
        Guard::new(addr.parse().unwrap())
    }

    #[test]
    fn loopback_names_with_the_right_port_only() {
        let g = guard("127.0.0.1:1111");
        for ok in [
            "localhost:1111",
            "LocalHost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert!(g.allows(ok), "{ok}");
        }
        for bad in [
            "localhost",
            "localhost:1112",
            "127.0.0.1:11110",
            "evil.example:1111",
            "localhost.evil.example:1111",
            "evil.localhost:1111",
            "127.0.0.1.nip.io:1111",
            "192.168.1.5:1111",
            "::1:1111",
            "[::1]",
            "localhost:+1111",
            "localhost:1111:1111",
            ":1111",
            "",
        ] {
            assert!(!g.allows(bad), "{bad}");
        }
    }

    #[test]
    fn the_default_port_may_be_left_out() {
        let g = guard("127.0.0.1:80");
        assert!(g.allows("localhost"));
        assert!(g.allows("127.0.0.1"));
        assert!(!g.allows("evil.example"));
    }

    #[test]
    fn every_address_accepts_ip_literals_but_no_names() {
        let g = guard("0.0.0.0:1111");
        assert!(g.allows("192.168.1.5:1111"));
        assert!(g.allows("[fe80::1]:1111"));
        assert!(g.allows("localhost:1111"));
        assert!(!g.allows("laptop.local:1111"));
        assert!(!g.allows("192.168.1.5:1112"));
        let g = guard("192.168.1.5:1111");
        assert!(g.allows("192.168.1.5:1111"));
        assert!(!g.allows("192.168.1.6:1111"));
    }

    #[test]
    fn echoed_hosts_are_printable() {
        assert_eq!(printable("a\u{1b}[31mb c"), "a?[31mb?c");
        assert_eq!(printable(&"x".repeat(500)).len(), 100);
    }
}
