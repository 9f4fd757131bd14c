//! Headless Chromium driven over the DevTools protocol on a pipe
//! (`--remote-debugging-pipe`: JSON messages ended by NUL on fds 3 and 4),
//! for what `--dump-dom` cannot show: a page that reloads by itself, CSP
//! violations, computed colours.

use serde_json::{Value, json};
use std::io::{PipeWriter, Write};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Cdp {
    child: Child,
    to: PipeWriter,
    from: mpsc::Receiver<Value>,
    next: u64,
    session: String,
    /// Events received so far, in order.
    pub events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Cdp {
    /// A browser with one blank page, attached.
    pub fn launch(browser: &Path) -> Cdp {
        Self::launch_with(browser, &[])
    }

    /// [`Cdp::launch`] with more command-line flags.
    pub fn launch_with(browser: &Path, flags: &[&str]) -> Cdp {
        let profile = tempfile::tempdir().unwrap();
        let mut cmd = super::browser::command(browser, profile.path());
        cmd.args(["--remote-debugging-pipe", "--window-size=1024,768"])
            .args(flags)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let pipe = fieldguide::pdf::devtools::spawn(&mut cmd).unwrap();
        let (child, to, rx) = (pipe.child, pipe.to, pipe.from);
        let mut cdp = Cdp {
            child,
            to,
            from: rx,
            next: 0,
            session: String::new(),
            events: Vec::new(),
            _profile: profile,
        };
        let target = cdp.call("Target.createTarget", json!({ "url": "about:blank" }));
        let id = target["targetId"].as_str().unwrap().to_string();
        let attached = cdp.call(
            "Target.attachToTarget",
            json!({ "targetId": id, "flatten": true }),
        );
        cdp.session = attached["sessionId"].as_str().unwrap().to_string();
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            cdp.call(domain, json!({}));
        }
        cdp
    }

    /// Sends a command to the page (or the browser before attaching) and
    /// waits for its result, keeping the events that arrive meanwhile.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.try_call(method, params)
            .unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    fn try_call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            msg["sessionId"] = json!(self.session);
        }
        let mut bytes = serde_json::to_vec(&msg).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let v = self
                .from
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no answer to {method}"));
            if v["id"] == json!(id) {
                return match v.get("error") {
                    Some(e) => Err(e.clone()),
                    None => Ok(v["result"].clone()),
                };
            }
            if v.get("method").is_some() {
                self.events.push(v);
            }
        }
    }

    /// Runs `script` before any script of every document the page loads.
    pub fn on_new_document(&mut self, script: &str) {
        self.call(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        );
    }

    pub fn navigate(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
    }

    /// The value of `expr` in the page; `Err` while the page is between
    /// documents or the expression throws.
    pub fn try_eval(&mut self, expr: &str) -> Result<Value, Value> {
        let r = self.try_call(
            "Runtime.evaluate",
            json!({ "expression": expr, "returnByValue": true, "awaitPromise": true }),
        )?;
        match r.get("exceptionDetails") {
            Some(e) => Err(e.clone()),
            None => Ok(r["result"]["value"].clone()),
        }
    }

    pub fn eval(&mut self, expr: &str) -> Value {
        self.try_eval(expr)
            .unwrap_or_else(|e| panic!("{expr}: {e}"))
    }

    /// Loads `url` and returns its DOM once the document has loaded (its
    /// deferred scripts and `load` handlers run), as `--dump-dom` shows
    /// it, in a browser kept from page to page instead of one started for
    /// each.
    pub fn dom_of(&mut self, url: &str) -> String {
        // The document being left is marked, so that the wait below cannot
        // take it for the new one.
        let _ = self.try_eval("window.__left = true");
        self.navigate(url);
        let deadline = Instant::now() + Duration::from_secs(60);
        while self
            .try_eval("!window.__left && document.readyState === 'complete'")
            .ok()
            != Some(json!(true))
        {
            assert!(Instant::now() < deadline, "never loaded: {url}");
            std::thread::sleep(Duration::from_millis(2));
        }
        let html = self.eval("document.documentElement.outerHTML");
        format!("<!DOCTYPE html>{}", html.as_str().unwrap_or_default())
    }

    /// Polls until `expr` is true (a reload may happen meanwhile).
    pub fn wait_until(&mut self, expr: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if self.try_eval(expr).ok() == Some(json!(true)) {
                return;
            }
            assert!(Instant::now() < deadline, "never true: {expr}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Messages the browser logged about security (CSP violations among
    /// them) and uncaught exceptions, since the start.
    pub fn complaints(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e["method"].as_str() {
                Some("Log.entryAdded") if e["params"]["entry"]["source"] == "security" => {
                    Some(e["params"]["entry"]["text"].to_string())
                }
                Some("Runtime.exceptionThrown") => {
                    Some(e["params"]["exceptionDetails"].to_string())
                }
                _ => None,
            })
            .collect()
    }
}

impl Drop for Cdp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
