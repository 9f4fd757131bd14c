//! If fieldguide ever panics, the reader gets one clear line naming the
//! file being processed, not a backtrace. Each thread records what it is
//! working on; the panic hook reads it.

use std::cell::RefCell;
use std::path::Path;

thread_local! {
    static CURRENT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`, recording `what` (a file) as this thread's work meanwhile.
pub fn working_on<R>(what: &Path, f: impl FnOnce() -> R) -> R {
    let previous = CURRENT.with(|c| c.replace(Some(what.to_string_lossy().into_owned())));
    let r = f();
    CURRENT.with(|c| *c.borrow_mut() = previous);
    r
}

/// Replaces Rust's panic message with one for users.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let file = CURRENT.with(|c| c.borrow().clone());
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        match file {
            Some(f) => {
                crate::errln!(
                    "internal error: fieldguide failed while processing {f}: {what}{place}"
                )
            }
            None => crate::errln!("internal error: fieldguide failed: {what}{place}"),
        }
        crate::errln!(
            "  = this is a bug in fieldguide, not in your files; please report it with the file above"
        );
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs in a child process (see below): installs the hook and panics.
    #[test]
    #[ignore = "run by panic_report_names_the_file, in a child process"]
    fn panicking_child() {
        install_hook();
        working_on(Path::new("guidance/pub/01-a.en.md"), || panic!("boom"));
    }

    #[test]
    fn panic_report_names_the_file() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash::tests::panicking_child",
                "--ignored",
                "--nocapture",
            ])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(
                "internal error: fieldguide failed while processing guidance/pub/01-a.en.md: boom"
            ),
            "{err}"
        );
        assert!(err.contains("this is a bug in fieldguide"), "{err}");
        assert!(!err.contains("RUST_BACKTRACE"), "{err}");
    }

    #[test]
    fn work_is_recorded_and_restored() {
        working_on(Path::new("outer.md"), || {
            working_on(Path::new("inner.md"), || {
                assert_eq!(
                    CURRENT.with(|c| c.borrow().clone()).as_deref(),
                    Some("inner.md")
                );
            });
            assert_eq!(
                CURRENT.with(|c| c.borrow().clone()).as_deref(),
                Some("outer.md")
            );
        });
        assert_eq!(CURRENT.with(|c| c.borrow().clone()), None);
    }
}
