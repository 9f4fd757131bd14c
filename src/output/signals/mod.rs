//! Ctrl-C (SIGINT), SIGTERM (a CI job's time limit) and SIGHUP (a closed
//! terminal) wait while a commit moves files into place: a build stopped
//! halfway through would leave the output half old, half new. Each is
//! raised again, with the action it had, once the commit is done or undone
//! and the staging folder is gone (a few hundred milliseconds at 30,000
//! files). SIGKILL cannot wait: the next build takes the half-moved output
//! for its own (`guard::made_by_a_build`) and makes it whole.
//!
//! `fieldguide pdf` holds them too while its staging folder (a copy of the
//! site, drafts included, in $TMPDIR) exists: the work in progress asks
//! [`pending`] and stops at once, the folder is removed, then the signal
//! acts.

//!
//! Elsewhere (Windows) nothing is held: Ctrl-C ends the process at once,
//! and the next build makes a half-moved output whole, as after SIGKILL.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{Hold, pending};

/// Whether a signal came while held: never, where none is held.
#[cfg(not(unix))]
pub fn pending() -> bool {
    false
}

/// Holds nothing back, where signals are not held.
#[cfg(not(unix))]
pub struct Hold(());

#[cfg(not(unix))]
impl Hold {
    pub fn new() -> Hold {
        Hold(())
    }
}
