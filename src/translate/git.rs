//! Running git in a site folder. Its repository comes with the site, so
//! nothing in it is trusted: its settings may not run a program (checking
//! a signature with `gpg.program`, a file-system monitor) or reach the
//! network (a partial clone fetching what it lacks, over
//! `core.sshCommand`); its output is read up to what a page may hold; and
//! git gets a time limit, since a named pipe in `.git/` (at `HEAD`) makes
//! it wait for ever.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long one git command may take: `log` of one file over a long
/// history takes seconds; one that takes this long is taken as stuck.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Git for one run: after a command is stuck, none is asked again (each
/// page would wait as long).
#[derive(Default)]
pub struct Git {
    stuck: AtomicBool,
}

impl Git {
    /// The output of `git <args>` in `root`; `None` when it fails, says
    /// more than a page may hold, or is stuck.
    pub fn run(&self, root: &Path, args: &[&str]) -> Option<Vec<u8>> {
        if self.stuck.load(Ordering::Relaxed) {
            return None;
        }
        let mut child = Command::new("git")
            .arg("-C")
            .arg(root)
            .args([
                "-c",
                "log.showSignature=false",
                "-c",
                "core.fsmonitor=false",
                "-c",
                "protocol.allow=never",
            ])
            .env("GIT_NO_LAZY_FETCH", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let stdout = child.stdout.take()?;
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            let read = stdout.take(super::MAX_FILE_BYTES + 1).read_to_end(&mut out);
            let _ = tx.send(read.is_ok());
            out
        });
        // The reader ends when git closes its output (it exits), or at
        // the cap; a git that says nothing for this long is stuck.
        let finished = rx.recv_timeout(TIME_LIMIT);
        if finished.is_err() {
            self.stuck.store(true, Ordering::Relaxed);
            let _ = child.kill();
        }
        let out = reader.join().ok()?;
        let over = out.len() as u64 > super::MAX_FILE_BYTES;
        if over {
            let _ = child.kill();
        }
        let status = child.wait().ok()?;
        (finished == Ok(true) && !over && status.success()).then_some(out)
    }

    /// Whether the blob `spec` (`commit:./path`) is small enough for a
    /// page. Asked before `git show`, which holds a blob whole: a commit can
    /// hold gigabytes of zeros in a megabyte (git compresses its objects),
    /// which `show` would unpack into its memory and then ours.
    pub fn small_enough(&self, root: &Path, spec: &str) -> bool {
        self.run(root, &["cat-file", "-s", spec])
            .and_then(|o| String::from_utf8(o).ok())
            .and_then(|s| s.trim().parse::<u64>().ok())
            .is_some_and(|n| n <= super::MAX_FILE_BYTES)
    }
}
