//! One headless Chromium kept from one document to the next, driven over
//! its DevTools protocol on a pipe (`--remote-debugging-pipe`: JSON
//! messages ended by NUL, read on its descriptor 3 and written on 4).
//!
//! Starting Chromium costs most of printing a page (about 0.8 of the 1 s
//! one `--print-to-pdf` run took for each of the sample's documents), and
//! every document is printed twice, to put page numbers in its contents.
//! A pipe, unlike a debugging port, is open to no other program of the
//! machine. Each document gets a new tab, printed with the parameters
//! `--print-to-pdf` uses, so the PDFs are the same.

use super::chromium;
use super::pipe::TOO_LARGE;
pub use super::pipe::{Pipe, spawn};
use super::requests::{self, Refusal, Tab, Verdict};
use base64::Engine;
use serde_json::{Value, json};
use std::fs::File;
use std::io::{PipeWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the browser may take to start and answer.
const START: Duration = Duration::from_secs(60);

/// A PDF is read back in pieces of this size (base64 in JSON), not as one
/// message: a large print page's PDF would be held three times over.
pub const CHUNK: usize = 4 << 20;

/// The largest PDF taken from the browser, far above a long handbook's
/// (and more than the steps after printing could open: lopdf holds it
/// several times over). A stream that never ends (a browser that is not
/// Chromium) would otherwise be held until the time is up, or memory
/// runs out.
const PDF_LARGEST: usize = 512 << 20;

/// The events a print waits for; others are dropped as they come (a page
/// that adds and removes frames without end sends events without end).
const AWAITED: &[&str] = &["Page.loadEventFired", "Emulation.virtualTimeBudgetExpired"];

/// How many awaited events are kept at most (a page that reloads itself
/// without end sends a load event for each time).
const KEPT: usize = 64;

pub struct Browser {
    child: Child,
    to: PipeWriter,
    from: Receiver<Value>,
    next: u64,
    /// Events that came while waiting for something else.
    events: Vec<Value>,
    log: PathBuf,
    /// The time the document being printed has, for the message.
    limit: Duration,
    /// The staged site's `file://` address: all a tab may load.
    site: String,
    /// The tab being printed.
    tab: Tab,
    /// What its document tried to load and was refused.
    refused: Vec<Refusal>,
}

/// What stops a wait: the protocol's answer, or why there is none.
type Answer = Result<Value, String>;

impl Browser {
    /// Starts `browser` with `profile` as its profile folder and its
    /// messages written to `log`; its tabs may load only the files under
    /// `site` (a `file://` address ending in `/`).
    pub fn launch(
        browser: &Path,
        profile: &Path,
        log: &Path,
        site: &str,
    ) -> Result<Browser, String> {
        let log_file = File::create(log)
            .map_err(|e| format!("cannot create a temporary file {}: {e}", log.display()))?;
        let mut cmd = Command::new(browser);
        if !chromium::sandboxed() {
            cmd.arg("--no-sandbox");
        }
        cmd.args(chromium::FLAGS)
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(["--remote-debugging-pipe", "about:blank"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log_file)
            // Chromium keeps its crash reports (a renderer's memory: the
            // pages, drafts too) in ~/.config/chromium whatever its profile
            // folder is, and GLib its settings' cache in ~/.cache: both go
            // to the staging folder, removed when `pdf` ends.
            .env("CHROME_CONFIG_HOME", profile.join("config"))
            .env("GSETTINGS_BACKEND", "memory");
        let Pipe { child, to, from } =
            spawn(&mut cmd).map_err(|e| format!("cannot run {}: {e}", browser.display()))?;
        let mut b = Browser {
            child,
            to,
            from,
            next: 0,
            events: Vec::new(),
            log: log.to_path_buf(),
            limit: START,
            site: site.to_string(),
            tab: Tab::default(),
            refused: Vec::new(),
        };
        let until = Instant::now() + START;
        b.call(None, "Browser.getVersion", json!({}), until)?;
        // Every request of every tab (popups too) waits for a verdict
        // (see `requests`).
        let every = json!({ "patterns": [{ "urlPattern": "*" }] });
        b.call(None, "Fetch.enable", every, until)?;
        // A page's script that clicks a link to download (a `blob:` or
        // `data:` address, which no request is asked about) wrote the file
        // into ~/Downloads.
        let deny = json!({ "behavior": "deny" });
        b.call(None, "Browser.setDownloadBehavior", deny, until)?;
        Ok(b)
    }

    /// Prints the page at `url` as `--print-to-pdf` does, in a tab of its
    /// own, within `timeout`.
    pub fn print(&mut self, url: &str, timeout: Duration) -> Result<Vec<u8>, String> {
        let until = Instant::now() + timeout;
        self.limit = timeout;
        // Events kept for an earlier document's tab (its loading, its
        // frames) are of no use now: without this they would pile up over
        // a site's documents.
        self.events.clear();
        self.refused.clear();
        let target = self.call(
            None,
            "Target.createTarget",
            json!({ "url": "about:blank" }),
            until,
        )?;
        let target = target["targetId"].clone();
        self.tab = Tab {
            frame: target.as_str().unwrap_or_default().to_string(),
            opened: None,
        };
        let mut result = self.print_in(&target, url, until);
        // Whatever else went wrong, the refusal says why.
        if !self.refused.is_empty() {
            result = Err(requests::message(&self.refused));
        }
        // A tab left open would only cost memory; the browser goes on.
        if result.is_ok() {
            self.call(
                None,
                "Target.closeTarget",
                json!({ "targetId": target }),
                until,
            )?;
        }
        result
    }

    fn print_in(&mut self, target: &Value, url: &str, until: Instant) -> Result<Vec<u8>, String> {
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
            until,
        )?;
        let s = attached["sessionId"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let s = Some(s.as_str());
        self.call(s, "Page.enable", json!({}), until)?;
        // A theme's script that prints the page as it opens (a common
        // "print version" script) would take the print from us: Chromium
        // refuses a second one ("Page is already being printed").
        let no_print = json!({ "source": "window.print = function () {};" });
        self.call(s, "Page.addScriptToEvaluateOnNewDocument", no_print, until)?;
        let nav = self.call(s, "Page.navigate", json!({ "url": url }), until)?;
        if let Some(e) = nav.get("errorText").and_then(Value::as_str) {
            return Err(format!("Chromium could not open the print page: {e}"));
        }
        self.event(s, "Page.loadEventFired", until)?;
        // As `--virtual-time-budget`: late work (lazy images, fonts) runs
        // without waiting in real time while the page is idle.
        let budget = json!({ "policy": "pauseIfNetworkFetchesPending", "budget": 10000 });
        self.call(s, "Emulation.setVirtualTimePolicy", budget, until)?;
        self.event(s, "Emulation.virtualTimeBudgetExpired", until)?;
        self.call(
            s,
            "Emulation.setVirtualTimePolicy",
            json!({ "policy": "advance" }),
            until,
        )?;
        let printed = self.call(
            s,
            "Page.printToPDF",
            json!({
                "printBackground": true,
                "preferCSSPageSize": true,
                "displayHeaderFooter": false,
                "generateDocumentOutline": true,
                "transferMode": "ReturnAsStream",
            }),
            until,
        )?;
        self.read_stream(s, &printed["stream"], until)
    }

    /// Reads a stream the tab of `session` holds to its end, and closes it.
    fn read_stream(
        &mut self,
        session: Option<&str>,
        handle: &Value,
        until: Instant,
    ) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        loop {
            let piece = self.call(
                session,
                "IO.read",
                json!({ "handle": handle, "size": CHUNK }),
                until,
            )?;
            let data = piece["data"].as_str().unwrap_or_default();
            // Said before the piece is taken, whose base64 is a third
            // larger than its bytes.
            if out.len() + data.len() / 4 * 3 > PDF_LARGEST {
                return Err(format!(
                    "the browser sent a PDF of more than {} MB and did not end it",
                    PDF_LARGEST >> 20
                ));
            }
            if piece["base64Encoded"].as_bool() == Some(true) {
                base64::engine::general_purpose::STANDARD
                    .decode_vec(data, &mut out)
                    .map_err(|e| format!("Chromium sent a PDF that cannot be read: {e}"))?;
            } else {
                out.extend_from_slice(data.as_bytes());
            }
            if piece["eof"].as_bool() != Some(false) {
                break;
            }
        }
        self.call(session, "IO.close", json!({ "handle": handle }), until)?;
        if out.is_empty() {
            return Err(format!(
                "Chromium made no PDF{}",
                chromium::log_tail(&self.log)
            ));
        }
        Ok(out)
    }

    /// Sends `method` (to the tab of `session`, else the browser) and
    /// waits for its answer.
    fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
        until: Instant,
    ) -> Answer {
        let id = self.send(session, method, params)?;
        let answer = self.wait(until, |v| v["id"] == json!(id))?;
        match answer.get("error") {
            Some(e) => Err(format!(
                "Chromium refused {method}: {}",
                e["message"].as_str().unwrap_or("no reason given")
            )),
            None => Ok(answer["result"].clone()),
        }
    }

    /// Sends `method` without waiting: its number, which its answer has.
    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<u64, String> {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg).map_err(|e| e.to_string())?;
        bytes.push(0);
        if self.to.write_all(&bytes).is_err() {
            return Err(self.failed());
        }
        Ok(id)
    }

    /// Waits for the event `method` of the tab of `session`.
    fn event(&mut self, session: Option<&str>, method: &str, until: Instant) -> Answer {
        let is = |v: &Value| v["method"] == method && v["sessionId"].as_str() == session;
        if let Some(i) = self.events.iter().position(is) {
            return Ok(self.events.remove(i));
        }
        self.wait(until, is)
    }

    /// The next message that `wanted` accepts, keeping the events that
    /// come before it; an error once the time is up, the page crashed,
    /// the browser is gone or a signal came.
    fn wait(&mut self, until: Instant, wanted: impl Fn(&Value) -> bool) -> Answer {
        loop {
            // Ctrl-C, SIGTERM or SIGHUP: the staging folder is removed
            // before the signal acts.
            if crate::output::signals::pending() {
                return Err("stopped by a signal".to_string());
            }
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(format!(
                    "Chromium did not finish within {} s and was stopped{}",
                    self.limit.as_secs(),
                    chromium::log_tail(&self.log)
                ));
            }
            match self.from.recv_timeout(left.min(Duration::from_millis(25))) {
                Ok(v) if wanted(&v) => return Ok(v),
                // A theme's script that asks something (`alert`, `confirm`)
                // would hold the page until the time is up: answered OK,
                // as a reader would.
                Ok(v) if v["method"] == "Page.javascriptDialogOpening" => {
                    let session = v["sessionId"].as_str();
                    self.send(
                        session,
                        "Page.handleJavaScriptDialog",
                        json!({ "accept": true }),
                    )?;
                }
                Ok(v) if v["method"] == "Fetch.requestPaused" => self.paused(&v["params"])?,
                Ok(v) if v["method"] == "Inspector.targetCrashed" => {
                    return Err(format!(
                        "Chromium's page crashed while printing{}",
                        chromium::log_tail(&self.log)
                    ));
                }
                Ok(v) if v["method"] == TOO_LARGE => {
                    return Err(format!(
                        "the browser sent a message of more than {} MB, which is not \
                         Chromium's DevTools protocol: is it a Chromium-based browser?",
                        super::pipe::LARGEST >> 20
                    ));
                }
                Ok(v) => {
                    let method = v["method"].as_str().unwrap_or_default();
                    if AWAITED.contains(&method) && self.events.len() < KEPT {
                        self.events.push(v);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Err(self.failed()),
            }
        }
    }

    /// Lets a tab's request go on, or refuses it (see `requests`).
    fn paused(&mut self, p: &Value) -> Result<(), String> {
        let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
        let verdict = requests::judge(
            &self.site,
            &mut self.tab,
            &text(&p["request"]["url"]),
            &text(&p["resourceType"]),
            &text(&p["frameId"]),
        );
        let id = json!({ "requestId": p["requestId"] });
        match verdict {
            Verdict::Allow => self.send(None, "Fetch.continueRequest", id)?,
            Verdict::Refuse(why) => {
                self.refused.push(why);
                let mut fail = id;
                fail["errorReason"] = json!("BlockedByClient");
                self.send(None, "Fetch.failRequest", fail)?
            }
        };
        Ok(())
    }

    /// Why the browser stopped answering: its exit and last messages.
    fn failed(&mut self) -> String {
        // The pipe closes as the process ends: give it a moment to.
        let mut status = None;
        for _ in 0..40 {
            if let Ok(Some(s)) = self.child.try_wait() {
                status = Some(s);
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let tail = chromium::log_tail(&self.log);
        let hint = if tail.contains("sandbox") && chromium::sandboxed() {
            " (where Chromium's sandbox cannot start, as in a container without user namespaces, FIELDGUIDE_NO_SANDBOX=1 runs it without)"
        } else {
            ""
        };
        match status {
            Some(s) => format!("Chromium failed ({s}){tail}{hint}"),
            None => format!("Chromium stopped answering{tail}{hint}"),
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Asked to close first, so that it ends its helper processes and
        // leaves its profile folder alone; stopped if it does not.
        let closed = self
            .call(
                None,
                "Browser.close",
                json!({}),
                Instant::now() + Duration::from_secs(2),
            )
            .is_ok();
        if closed {
            for _ in 0..80 {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(25));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
