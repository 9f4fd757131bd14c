//! A browser that answers the DevTools protocol otherwise than Chromium
//! does: a program named by `--browser` that is not Chromium, a broken
//! one, or one that floods the pipe. Each ends in a clear error naming
//! the document, or a PDF, within memory a machine has.

use crate::common::{
    Site,
    pdf::{blank, hostile_chromium},
    tree,
};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A stand-in for Chromium (`tests/common/pdf.rs`) that answers every
/// command and prints a blank PDF, but for the English handbook, after
/// answering `Page.navigate`, runs `hostile` (Perl, with `say_` to send a
/// message, `$out` the pipe and `$s` the session's part of a message).
fn stand_in(dir: &Path, hostile: &str) -> PathBuf {
    hostile_chromium(dir, &blank(3, 298.08, 420.0), ("/en/handbook/", hostile))
}

/// `fieldguide pdf` with `browser`, its data (heap) limited to `mb` MB as
/// a machine's memory would limit it, killed after 120 s.
fn pdf_within(site: &Site, browser: &Path, mb: u64) -> (Option<i32>, String, Duration) {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("fieldguide"));
    cmd.args(["pdf", "--browser"])
        .arg(browser)
        .arg("--source")
        .arg(site.path())
        .env("NO_COLOR", "1");
    let limit = libc::rlimit {
        rlim_cur: mb << 20,
        rlim_max: mb << 20,
    };
    // SAFETY: setrlimit is async-signal-safe.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_DATA, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let start = Instant::now();
    let o = assert_cmd::Command::from_std(cmd)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.code(), said, start.elapsed())
}

fn pdfs(out: &Path) -> Vec<String> {
    tree(out)
        .into_keys()
        .filter(|p| p.ends_with(".pdf"))
        .collect()
}

/// A browser that, asked to open a page, sent bytes without end and no
/// message's end (a NUL): fieldguide kept them all, waiting for the end,
/// until the time was up (5 minutes) or memory ran out (here, at 1 GB, it
/// was stopped by the allocator). Now a message over 64 MB stops that
/// browser: its document is an error that says so, the others are
/// printed.
#[test]
fn a_browser_that_sends_a_message_without_end_is_stopped() {
    let tools = tempfile::tempdir().unwrap();
    let browser = stand_in(
        tools.path(),
        r#"my $x = "x" x 65536; print $out $x while 1;"#,
    );
    let site = Site::fixture("basic");
    let (code, said, took) = pdf_within(&site, &browser, 1024);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(
            "could not print en/handbook/print.html: the browser sent a message of more than 64 MB"
        ),
        "{said}"
    );
    assert!(took < Duration::from_secs(60), "{took:?}");
    let made = pdfs(&site.out());
    assert_eq!(made.len(), 5, "{made:?}");
    assert!(!made.iter().any(|p| p.starts_with("en/handbook/")));
}

/// A page that adds and removes frames without end makes Chromium send
/// events without end; fieldguide kept every event that came while it
/// waited for the page to load, for the whole print. Here a browser sends
/// a million such events before the page's load: they were kept until
/// memory ran out (at 512 MB). Now only the events a print waits for are
/// kept, and the document is printed.
#[test]
fn a_flood_of_events_while_a_page_loads_is_not_kept() {
    let tools = tempfile::tempdir().unwrap();
    let flood = r#"my $e = "{\"method\":\"Page.frameStartedLoading\",\"params\":{\"frameId\":\"F1\"}$s}\0"; print $out $e for 1 .. 1_000_000;"#;
    let browser = stand_in(tools.path(), flood);
    let site = Site::fixture("basic");
    let (code, said, _) = pdf_within(&site, &browser, 512);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(pdfs(&site.out()).len(), 6, "{said}");
}

/// A browser whose PDF stream never ends (each piece says more is to
/// come): fieldguide kept reading it until the time was up (5 minutes) or
/// memory ran out (here at 2 GB). Now a PDF over 512 MB is an error naming
/// the document.
#[test]
fn a_pdf_stream_that_never_ends_is_stopped() {
    let tools = tempfile::tempdir().unwrap();
    // 3 MB of PDF a piece, the same bytes each time.
    let endless = r#"
        my $piece = "JVBERi0x" x 524288;
        say_("{\"method\":\"Page.loadEventFired\",\"params\":{}$s}");
        while (my $r = <$in>) {
            chomp $r;
            my ($rid) = $r =~ /"id":(\d+)/;
            my ($rm) = $r =~ /"method":"([^"]+)"/;
            my $res = "{}";
            $res = '{"stream":"P1"}' if $rm eq "Page.printToPDF";
            $res = "{\"base64Encoded\":true,\"data\":\"$piece\",\"eof\":false}" if $rm eq "IO.read";
            say_("{\"id\":$rid,\"result\":$res$s}");
            say_("{\"method\":\"Emulation.virtualTimeBudgetExpired\",\"params\":{}$s}") if $rm eq "Emulation.setVirtualTimePolicy" && $r =~ /"budget"/;
            exit 0 if $rm eq "Browser.close";
        }
    "#;
    let browser = stand_in(tools.path(), endless);
    let site = Site::fixture("basic");
    let (code, said, took) = pdf_within(&site, &browser, 2048);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(
            "could not print en/handbook/print.html: the browser sent a PDF of more than 512 MB"
        ),
        "{said}"
    );
    assert!(took < Duration::from_secs(110), "{took:?}");
    assert_eq!(pdfs(&site.out()).len(), 5, "{said}");
}
