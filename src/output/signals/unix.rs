//! The Unix side: each held signal's action is a handler that notes it.

use std::sync::Mutex;
use std::sync::atomic::{AtomicI32, Ordering};

const HELD_SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// The signal that came while a commit ran (0: none). A signal handler may
/// only touch atomics, so this one is process-wide, as signals are.
static PENDING: AtomicI32 = AtomicI32::new(0);

/// How many commits run at once (tests run several), and the actions to
/// put back when the last one ends.
static HOLDERS: Mutex<(usize, Vec<libc::sigaction>)> = Mutex::new((0, Vec::new()));

extern "C" fn note(sig: libc::c_int) {
    PENDING.store(sig, Ordering::SeqCst);
}

/// Whether a signal came while held: work that can stop early (Chromium
/// printing a document) stops.
pub fn pending() -> bool {
    PENDING.load(Ordering::SeqCst) != 0
}

/// Holds the signals back while it lives.
pub struct Hold(());

impl Hold {
    pub fn new() -> Hold {
        let mut holders = HOLDERS.lock().unwrap_or_else(|e| e.into_inner());
        if holders.0 == 0 {
            holders.1 = HELD_SIGNALS.iter().map(|&sig| install(sig)).collect();
        }
        holders.0 += 1;
        Hold(())
    }
}

/// Sets `note` as the action for `sig`; returns the action it had. A
/// signal the process was started ignoring stays ignored: `nohup
/// fieldguide pdf` goes on printing when the terminal closes, and a job a
/// shell started in the background is not stopped by a Ctrl-C meant for
/// the foreground.
fn install(sig: libc::c_int) -> libc::sigaction {
    // SAFETY: sigaction with zeroed structs filled in as POSIX asks; the
    // handler only stores into an atomic, which is async-signal-safe.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old);
        if old.sa_sigaction == libc::SIG_IGN {
            return old;
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = note as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = libc::SA_RESTART;
        libc::sigaction(sig, &action, &mut old);
        old
    }
}

impl Drop for Hold {
    fn drop(&mut self) {
        let mut holders = HOLDERS.lock().unwrap_or_else(|e| e.into_inner());
        holders.0 -= 1;
        if holders.0 > 0 {
            return;
        }
        for (&sig, old) in HELD_SIGNALS.iter().zip(&holders.1) {
            // SAFETY: puts back the action sigaction returned for it.
            unsafe {
                libc::sigaction(sig, old, std::ptr::null_mut());
            }
        }
        drop(holders);
        let sig = PENDING.swap(0, Ordering::SeqCst);
        if sig != 0 {
            // SAFETY: raises a signal at this process, which now acts on it
            // as it would have when it came (ends it, by default).
            unsafe {
                libc::raise(sig);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern "C" fn quiet(_: libc::c_int) {}

    /// A signal that comes while a commit holds them is not acted on then,
    /// and the actions there were come back after; one the process ignores
    /// stays ignored. (Raising it again at the end would end the test
    /// process with the default action: that part is
    /// `tests/exact_output.rs`.) One test, as signals are the process's.
    #[test]
    fn a_signal_waits_while_held_and_actions_come_back() {
        // SIGHUP handled by a function that does nothing, so its raise at
        // the end is harmless; the other tests do not use it.
        let quiet = quiet as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: sets one signal's action to a handler that does nothing.
        let before = unsafe { libc::signal(libc::SIGHUP, quiet) };
        let hold = Hold::new();
        // SAFETY: raises a signal at this process; its action is `note`.
        unsafe {
            libc::raise(libc::SIGHUP);
        }
        assert_eq!(PENDING.load(Ordering::SeqCst), libc::SIGHUP);
        assert!(pending());
        drop(hold);
        assert_eq!(PENDING.load(Ordering::SeqCst), 0);
        // SAFETY: reads the action, then ignores the signal.
        let now = unsafe { libc::signal(libc::SIGHUP, libc::SIG_IGN) };
        assert_eq!(now, quiet);
        // Ignored when held: not noted, and still ignored after.
        let hold = Hold::new();
        // SAFETY: raises a signal this process ignores.
        unsafe {
            libc::raise(libc::SIGHUP);
        }
        assert!(!pending());
        drop(hold);
        // SAFETY: reads the action, then puts back the one before the test.
        let now = unsafe { libc::signal(libc::SIGHUP, before) };
        assert_eq!(now, libc::SIG_IGN);
    }
}
