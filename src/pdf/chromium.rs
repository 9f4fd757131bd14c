//! Running headless Chromium: its flags, and where it cannot be driven
//! over a pipe (Windows), one `--print-to-pdf` run per page.

use std::path::Path;
#[cfg(not(unix))]
use std::process::{Command, Stdio};
#[cfg(not(unix))]
use std::time::{Duration, Instant};

/// Flags that keep Chromium offline and quiet. Its sandbox is kept but
/// for root, which Chromium refuses to sandbox (see [`sandboxed`]).
pub const FLAGS: &[&str] = &[
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
    // No host is looked up, IP addresses included: a print page loads only
    // the staged site's files (see `requests`), but Chromium connects to
    // where a page goes before it asks (a preconnect), and a connection
    // tells that host who builds the site, and when.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    // Nor does WebRTC send UDP to a STUN server a script names, which no
    // Content-Security-Policy covers.
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
];

/// The flags of one `--print-to-pdf` run (see [`super::devtools`] for
/// the same over the protocol).
#[cfg(not(unix))]
const PRINT_FLAGS: &[&str] = &[
    // Lets late work (lazy images) finish before printing, without waiting
    // in real time when the page is idle.
    "--virtual-time-budget=10000",
    "--no-pdf-header-footer",
    // Bookmarks from the headings, for reading on screen.
    "--generate-pdf-document-outline",
];

/// Prints `html` to `pdf`. `profile` is an empty or reusable folder for the
/// browser's profile; `log` receives its messages.
#[cfg(not(unix))]
pub fn print(
    browser: &Path,
    profile: &Path,
    html: &Path,
    pdf: &Path,
    log: &Path,
    timeout: Duration,
) -> Result<(), String> {
    if crate::output::signals::pending() {
        return Err("stopped by a signal".to_string());
    }
    let log_file = std::fs::File::create(log)
        .map_err(|e| format!("cannot create a temporary file {}: {e}", log.display()))?;
    let mut cmd = Command::new(browser);
    if !sandboxed() {
        cmd.arg("--no-sandbox");
    }
    cmd.args(FLAGS)
        .args(PRINT_FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(html))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", browser.display()))?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            // Ctrl-C, SIGTERM or SIGHUP: the staging folder is removed
            // before the signal acts.
            Ok(None) if crate::output::signals::pending() => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("stopped by a signal".to_string());
            }
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "Chromium did not finish within {} s and was stopped{}",
                    timeout.as_secs(),
                    log_tail(log)
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
            Err(e) => return Err(format!("lost track of Chromium: {e}")),
        }
    };
    if !status.success() {
        let tail = log_tail(log);
        let hint = if tail.contains("sandbox") && sandboxed() {
            " (where Chromium's sandbox cannot start, as in a container without user namespaces, FIELDGUIDE_NO_SANDBOX=1 runs it without)"
        } else {
            ""
        };
        return Err(format!("Chromium failed ({status}){tail}{hint}"));
    }
    match std::fs::metadata(pdf) {
        Ok(m) if m.len() > 0 => Ok(()),
        _ => Err(format!("Chromium wrote no PDF{}", log_tail(log))),
    }
}

/// Whether Chromium runs in its sandbox: the page it prints is the site's
/// own, but an image or font made to exploit the browser is held there.
/// Not as root (Chromium refuses to start sandboxed as root), nor where
/// `FIELDGUIDE_NO_SANDBOX` is set: a container without user namespaces,
/// where Chromium says "No usable sandbox!".
pub(super) fn sandboxed() -> bool {
    #[cfg(unix)]
    let root = rustix::process::geteuid().is_root();
    #[cfg(not(unix))]
    let root = false;
    !root && std::env::var_os("FIELDGUIDE_NO_SANDBOX").is_none()
}

/// The last few meaningful lines Chromium printed, to explain a failure.
pub(super) fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains("dbus") && !l.contains("DBus"))
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let tail = &lines[lines.len().saturating_sub(3)..];
    format!(": {}", tail.join(" / "))
}

/// What stays as is in a `file://` URL's path: as in a PDF link, and `:`
/// (a Windows drive).
const FILE_PATH: &percent_encoding::AsciiSet = &super::links::URI_PATH.remove(b':');

/// A `file://` URL for a path, percent-encoded.
pub fn file_url(path: &Path) -> String {
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let s = abs.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !s.starts_with('/') {
        url.push('/');
    }
    url.push_str(&percent_encoding::utf8_percent_encode(&s, FILE_PATH).to_string());
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/no/such dir/é#1.html")),
            "file:///no/such%20dir/%C3%A9%231.html"
        );
    }
}
