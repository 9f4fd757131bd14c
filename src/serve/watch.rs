//! Watching the site folder and rebuilding on change.

use super::{Notice, ServeOptions, Shared, overlay};
use crate::commands::{Verbosity, plural, print_diagnostics};
use crate::pipeline::{Failed, Options};
use crate::rebuild::Session;
use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{Config, RecommendedWatcher};
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, NoCache, new_debouncer_opt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watcher {
    _debouncer: Box<dyn std::any::Any>,
}

/// Files that are not content: those the build never reads (editors'
/// backups, swap and autosave files: the loader's own list; anything in a
/// hidden folder, such as `.git/`, `.obsidian/` or `.vscode/`, which the
/// loader does not enter), our own temp files. (vim's `4913` probe is made
/// and removed within one debounce window, which drops it.) `roots` are
/// the folders watched: the site's, and a local edition's base.
fn ignored(p: &Path, ignore: &[PathBuf], roots: &[PathBuf]) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let rel = roots.iter().find_map(|r| p.strip_prefix(r).ok());
    ignore.iter().any(|i| p.starts_with(i))
        || name.contains(".fieldguide-tmp")
        || p.components().any(|c| c.as_os_str() == ".git")
        || rel.map_or(crate::content::names::ignored(name), not_read)
}

/// Whether the build never reads the file at `rel` (relative to a site's
/// folder): a part of its path is a name the loader skips, except what
/// `static/` publishes at its top (`.well-known/`, `.nojekyll`).
fn not_read(rel: &Path) -> bool {
    let parts: Vec<&str> = rel.iter().filter_map(|c| c.to_str()).collect();
    parts.iter().enumerate().any(|(i, part)| {
        let published = i == 1
            && parts[0] == crate::content::static_dir::STATIC_DIR
            && crate::content::static_dir::kept_at_top(part);
        !published && crate::content::names::ignored(part)
    })
}

/// The watcher thread's state: the site as last built, if it ever built.
struct Rebuilder {
    session: Option<Session>,
    opts: Options,
    shared: Arc<Shared>,
    verbosity: Verbosity,
}

pub fn start(
    session: Option<Session>,
    shared: Arc<Shared>,
    opts: &ServeOptions,
) -> Result<Watcher, String> {
    let source = opts
        .build
        .source
        .canonicalize()
        .map_err(|e| e.to_string())?;
    // The output folder may not exist yet: resolve its parent instead, so
    // that a `build` run beside `serve` later is still ignored.
    let ignore: Vec<PathBuf> = opts
        .ignore
        .iter()
        .filter_map(|p| {
            p.canonicalize()
                .ok()
                .or_else(|| Some(p.parent()?.canonicalize().ok()?.join(p.file_name()?)))
        })
        .collect();
    let mut rebuilder = Rebuilder {
        session,
        opts: opts.build.clone(),
        shared,
        verbosity: opts.verbosity,
    };
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    // Links are never followed, as the build never reads through them: a
    // link to `/usr` in `guidance/` would have all of it watched, and a
    // change there rebuild the site. No file-id cache either: on macOS and
    // Windows it walks the tree following links.
    let config = Config::default().with_follow_symlinks(false);
    let mut debouncer = new_debouncer_opt::<_, RecommendedWatcher, _>(
        Duration::from_millis(120),
        None,
        tx,
        NoCache,
        config,
    )
    .map_err(|e| e.to_string())?;
    debouncer
        .watch(&source, RecursiveMode::Recursive)
        .map_err(|e| e.to_string())?;
    // A local edition also rebuilds when its base changes: its site.yaml,
    // content, theme and static files (not the rest of its folder, which
    // may hold anything, even this edition).
    let mut roots = vec![source.clone()];
    if let (Some(config), _) = crate::config::load(&source)
        && let Some(base) = config.base_site
    {
        let base = base.root;
        roots.push(base.clone());
        debouncer
            .watch(&base, RecursiveMode::NonRecursive)
            .map_err(|e| e.to_string())?;
        for dir in [
            crate::content::load::CONTENT_DIR,
            crate::theme::THEME_DIR,
            crate::content::static_dir::STATIC_DIR,
        ] {
            // A real folder only: the watcher walks the folder it is given
            // even when that folder is a link (walkdir follows its root),
            // so a base whose `guidance` led to `/usr` had all of it
            // watched. The build reads nothing through such a link.
            let real_dir = std::fs::symlink_metadata(base.join(dir)).is_ok_and(|m| m.is_dir());
            if real_dir {
                debouncer
                    .watch(base.join(dir), RecursiveMode::Recursive)
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    std::thread::spawn(move || {
        for result in rx {
            let paths = changed_paths(result, &ignore, &roots);
            if !paths.is_empty() {
                rebuilder.rebuild(&paths, &source);
            }
        }
    });
    Ok(Watcher {
        _debouncer: Box::new(debouncer),
    })
}

/// The files that really changed in a batch of events, sorted.
fn changed_paths(
    result: DebounceEventResult,
    ignore: &[PathBuf],
    roots: &[PathBuf],
) -> Vec<PathBuf> {
    let events = match result {
        Ok(ev) => ev,
        Err(errors) => {
            for e in errors {
                crate::errln!("warning: watching for changes: {e}");
            }
            return Vec::new();
        }
    };
    // Reading files (as a rebuild does) raises access events: only real
    // changes count, or each rebuild would trigger the next.
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
        .filter(|p| !ignored(p, ignore, roots))
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// How many changed files a status line names before counting the rest.
const SHOWN_PATHS: usize = 10;

/// The changed files for a status line: relative to the site, escaped as
/// diagnostics are (a file name can hold terminal escapes or a
/// right-to-left override), the first few named and the rest counted.
fn shown_paths(paths: &[PathBuf], source: &Path) -> String {
    let mut shown: Vec<String> = paths
        .iter()
        .take(SHOWN_PATHS)
        .map(|p| {
            let rel = crate::diagnostics::display_path(p.strip_prefix(source).unwrap_or(p));
            crate::diagnostics::escape_controls(&rel, false)
        })
        .collect();
    if paths.len() > SHOWN_PATHS {
        shown.push(format!("and {} more", paths.len() - SHOWN_PATHS));
    }
    shown.join(", ")
}

impl Rebuilder {
    fn rebuild(&mut self, paths: &[PathBuf], source: &Path) {
        let shown = shown_paths(paths, source);
        let result = match &mut self.session {
            Some(session) => session.update(paths).map(|outcome| {
                self.report(&outcome, &shown);
                !outcome.changed.is_empty()
            }),
            // Never built yet: anything may have fixed it.
            None => Session::start(self.opts.clone()).map(|(session, warnings)| {
                print_diagnostics(&self.opts.source, &warnings, self.verbosity);
                crate::errln!(
                    "the site builds again ({}) [{shown}]",
                    plural(session.page_count(), "page", "pages")
                );
                self.session = Some(session);
                true
            }),
        };
        match result {
            Ok(changed) => self.publish(changed),
            Err(failed) => self.fail(failed, &shown),
        }
    }

    fn report(&self, outcome: &crate::rebuild::Outcome, shown: &str) {
        print_diagnostics(&self.opts.source, &outcome.warnings, self.verbosity);
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        let how = if outcome.full {
            "rebuilt the site"
        } else {
            "rebuilt"
        };
        // The count is of output files, the names of the site's files
        // that changed: said apart, so that "9 files" over 5 names reads
        // right.
        crate::errln!(
            "{} ({}; {} written) in {:.0} ms: changed [{shown}]",
            how,
            plural(outcome.pages, "page", "pages"),
            plural(outcome.changed.len(), "output file", "output files"),
            outcome.ms,
        );
    }

    /// A good build: serve it, and reload open pages if anything changed
    /// or they show an error.
    fn publish(&self, changed: bool) {
        let Some(session) = &self.session else {
            return;
        };
        let mut was_broken = true;
        if let Ok(mut snap) = self.shared.snapshot.write() {
            was_broken = snap.error.is_some();
            snap.files = Some(Arc::new(session.files.clone()));
            snap.error = None;
        }
        if changed || was_broken {
            let _ = self.shared.notices.send(Notice::Reload);
        }
    }

    /// A failed build: keep serving the last good site, show the errors.
    fn fail(&self, failed: Failed, shown: &str) {
        // Sorted, and with warnings made errors under --strict, as `build`
        // reports them; otherwise a warning that fails a --strict rebuild
        // would leave an empty error box.
        let diags = overlay::failing(&failed.diagnostics, self.opts.strict);
        print_diagnostics(&self.opts.source, &diags, self.verbosity);
        if self.session.is_some() {
            crate::errln!(
                "the change broke the build; still serving the last good version [{shown}]"
            );
        } else {
            crate::errln!("the site still has errors [{shown}]");
        }
        let text = overlay::failure_text(&diags, &self.opts.source);
        if let Ok(mut snap) = self.shared.snapshot.write() {
            snap.error = Some(text.clone());
        }
        let _ = self.shared.notices.send(Notice::Error(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file name cannot write to the terminal through a status line, nor
    /// make it thousands of characters long.
    #[test]
    fn changed_paths_are_escaped_and_counted() {
        let source = Path::new("/site");
        let hostile = source.join("guidance/p/12-\u{1b}]0;PWNED\u{7}x\u{202e}.en.md");
        let shown = shown_paths(&[hostile], source);
        assert_eq!(shown, "guidance/p/12-\\u{1b}]0;PWNED\\u{7}x\\u{202e}.en.md");
        assert!(!shown.chars().any(|c| c.is_control()));
        let many: Vec<PathBuf> = (0..300)
            .map(|i| source.join(format!("guidance/p/{i:03}.en.md")))
            .collect();
        let shown = shown_paths(&many, source);
        assert!(shown.starts_with("guidance/p/000.en.md, guidance/p/001.en.md"));
        assert!(
            shown.ends_with("guidance/p/009.en.md, and 290 more"),
            "{shown}"
        );
    }

    /// What the loader never reads makes no rebuild (an editor's or a
    /// notes app's folder, a repository's); what it reads does, including
    /// what `static/` publishes from hidden names.
    #[test]
    fn only_what_the_build_reads_rebuilds() {
        let roots = [PathBuf::from("/site"), PathBuf::from("/base")];
        let rebuilds = |p: &str| !ignored(Path::new(p), &[PathBuf::from("/site/public")], &roots);
        for p in [
            "/site/.obsidian/workspace.json",
            "/site/.vscode/settings.json",
            "/site/guidance/.trash/old.en.md",
            "/site/guidance/p/.01-intro.en.md.swp",
            "/site/guidance/p/01-intro.en.md~",
            "/site/.git/index",
            "/site/public/en/index.html",
            "/base/.idea/workspace.xml",
            "/site/static/img/.thumbnails/a.png",
        ] {
            assert!(!rebuilds(p), "{p}");
        }
        for p in [
            "/site/site.yaml",
            "/site/guidance/p/01-intro.en.md",
            "/site/static/.nojekyll",
            "/site/static/.well-known/security.txt",
            "/site/templates/page.html",
            "/base/guidance/p/01-intro.fr.md",
            // Beside the site: not a site folder's part, judged by its name.
            "/elsewhere/.hidden-parent/guidance.md",
        ] {
            assert!(rebuilds(p), "{p}");
        }
    }
}
