//! Watching the site folder and rebuilding on change.

use super::{Notice, ServeOptions, Shared};
use crate::commands::{Verbosity, plural, print_diagnostics};
use crate::rebuild::Session;
use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watcher {
    _debouncer: Box<dyn std::any::Any>,
}

/// Files that are not content: editor swap files, our own temp files.
fn ignored(p: &std::path::Path, ignore: &[PathBuf]) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    ignore.iter().any(|i| p.starts_with(i))
        || name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name.contains(".fieldguide-tmp")
        || p.components().any(|c| c.as_os_str() == ".git")
}

pub fn start(
    mut session: Session,
    shared: Arc<Shared>,
    opts: &ServeOptions,
) -> Result<Watcher, String> {
    let source = opts
        .build
        .source
        .canonicalize()
        .map_err(|e| e.to_string())?;
    let ignore: Vec<PathBuf> = opts
        .ignore
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let verbosity = opts.verbosity;
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(Duration::from_millis(120), None, tx).map_err(|e| e.to_string())?;
    debouncer
        .watch(&source, RecursiveMode::Recursive)
        .map_err(|e| e.to_string())?;
    std::thread::spawn(move || {
        for result in rx {
            let events = match result {
                Ok(ev) => ev,
                Err(errors) => {
                    for e in errors {
                        eprintln!("warning: watching for changes: {e}");
                    }
                    continue;
                }
            };
            // Reading files (as a rebuild does) raises access events: only
            // real changes count, or each rebuild would trigger the next.
            let mut paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| {
                    matches!(
                        e.event.kind,
                        EventKind::Create(_)
                            | EventKind::Remove(_)
                            | EventKind::Modify(
                                ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any
                            )
                    )
                })
                .flat_map(|e| e.event.paths.iter().cloned())
                .filter(|p| !ignored(p, &ignore))
                .collect();
            paths.sort();
            paths.dedup();
            if paths.is_empty() {
                continue;
            }
            rebuild(&mut session, &shared, &paths, &source, verbosity);
        }
    });
    Ok(Watcher {
        _debouncer: Box::new(debouncer),
    })
}

fn rebuild(
    session: &mut Session,
    shared: &Shared,
    paths: &[PathBuf],
    source: &std::path::Path,
    verbosity: Verbosity,
) {
    let shown: Vec<String> = paths
        .iter()
        .map(|p| p.strip_prefix(source).unwrap_or(p).display().to_string())
        .collect();
    match session.update(paths) {
        Ok(outcome) => {
            print_diagnostics(&session.opts.source, &outcome.warnings, verbosity);
            if verbosity != Verbosity::Quiet {
                let how = if outcome.full {
                    "rebuilt the site"
                } else {
                    "rebuilt"
                };
                eprintln!(
                    "{} ({}) in {:.0} ms: {} changed [{}]",
                    how,
                    plural(outcome.pages, "page", "pages"),
                    outcome.ms,
                    plural(outcome.changed.len(), "file", "files"),
                    shown.join(", ")
                );
            }
            let was_broken = shared
                .snapshot
                .read()
                .map(|s| s.error.is_some())
                .unwrap_or(true);
            if let Ok(mut snap) = shared.snapshot.write() {
                snap.files = Arc::new(session.files.clone());
                snap.error = None;
            }
            if !outcome.changed.is_empty() || was_broken {
                let _ = shared.notices.send(Notice::Reload);
            }
        }
        Err(failed) => {
            print_diagnostics(&session.opts.source, &failed.diagnostics, verbosity);
            eprintln!(
                "the change broke the build; still serving the last good version [{}]",
                shown.join(", ")
            );
            let text: String = failed
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::diagnostics::Severity::Error)
                .map(|d| {
                    let mut s = d.headline();
                    if let Some(h) = &d.hint {
                        s.push_str("\n  hint: ");
                        s.push_str(h);
                    }
                    s
                })
                .collect::<Vec<_>>()
                .join("\n");
            if let Ok(mut snap) = shared.snapshot.write() {
                snap.error = Some(text.clone());
            }
            let _ = shared.notices.send(Notice::Error(text));
        }
    }
}
