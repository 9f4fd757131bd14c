//! Writing to the terminal. `println!` and `eprintln!` panic when a stream
//! is closed or full (`fieldguide status | head -1`, `2>/dev/full`); these
//! do not. What cannot be written to standard error is dropped: there is
//! nowhere left to say so. Standard output carries what was asked for (a
//! report, JSON), so a failure there other than a reader that went away
//! is said once on standard error, and the run's exit code says it too
//! ([`stdout_failed`]).

use std::cell::Cell;
use std::io::Write;

thread_local! {
    /// Whether a write to standard output failed on this thread, other
    /// than by a closed pipe. Per thread, not shared: the commands print
    /// their reports from the main thread, which `main` asks at the end.
    static STDOUT_FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Writes to standard output (see [`crate::outln`]).
pub fn out(args: std::fmt::Arguments) {
    let Err(e) = std::io::stdout().lock().write_fmt(args) else {
        return;
    };
    if e.kind() == std::io::ErrorKind::BrokenPipe || STDOUT_FAILED.with(|f| f.replace(true)) {
        return;
    }
    err(format_args!(
        "error: cannot write to standard output: {}\n",
        crate::content::load::io_message(&e)
    ));
}

/// Writes to standard error (see [`crate::errln`]); a failure is dropped.
pub fn err(args: std::fmt::Arguments) {
    let _ = std::io::stderr().lock().write_fmt(args);
}

/// Whether a write to standard output failed on this thread (not counting
/// a reader that went away): the report asked for is incomplete.
pub fn stdout_failed() -> bool {
    STDOUT_FAILED.with(Cell::get)
}

/// `println!` that never panics (see [`out`]).
#[macro_export]
macro_rules! outln {
    () => { $crate::console::out(format_args!("\n")) };
    ($($t:tt)*) => { $crate::console::out(format_args!("{}\n", format_args!($($t)*))) };
}

/// `print!` that never panics (see [`out`]).
#[macro_export]
macro_rules! out {
    ($($t:tt)*) => { $crate::console::out(format_args!($($t)*)) };
}

/// `eprintln!` that never panics (see [`err`]).
#[macro_export]
macro_rules! errln {
    () => { $crate::console::err(format_args!("\n")) };
    ($($t:tt)*) => { $crate::console::err(format_args!("{}\n", format_args!($($t)*))) };
}

/// `eprint!` that never panics (see [`err`]).
#[macro_export]
macro_rules! err {
    ($($t:tt)*) => { $crate::console::err(format_args!($($t)*)) };
}
