//! The command line. Everything else lives in the library.

use clap::{Args, Parser, Subcommand};
use fieldguide::commands::{self, Verbosity};
use fieldguide::pipeline::Options;
use std::path::PathBuf;

const EXIT_CODES: &str = "Exit codes: 0 success; 1 the site has errors (or warnings with --strict), or the output cannot be written; 2 wrong command-line usage; 3 internal error in fieldguide.";

#[derive(Parser)]
#[command(
    name = "fieldguide",
    version,
    about = "Build multilingual guidance publications (guidelines, checklists, pocket guides) from Markdown into a static website that works offline and prints well.",
    after_help = EXIT_CODES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct Common {
    /// The site folder: it holds site.yaml, guidance/ and optionally templates/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    source: PathBuf,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
    /// Print only errors.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more detail.
    #[arg(long, short)]
    verbose: bool,
}

impl Common {
    fn options(&self) -> Options {
        Options {
            source: self.source.clone(),
            strict: self.strict,
            live_reload: None,
            keep_text: false,
            print_keys: false,
            download: false,
            drafts: false,
        }
    }

    /// Options for the commands that write a site, and the output folder
    /// (default: `public` inside the site folder).
    fn site_options(&self, out: Option<PathBuf>) -> (Options, PathBuf) {
        let out = out.unwrap_or_else(|| self.source.join("public"));
        let opts = Options {
            download: true,
            ..self.options()
        };
        (opts, out)
    }

    fn verbosity(&self) -> Verbosity {
        if self.quiet {
            Verbosity::Quiet
        } else if self.verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder. A failed build leaves the previous output untouched.
    #[command(after_help = EXIT_CODES)]
    Build {
        #[command(flatten)]
        common: Common,
        /// Include pages marked `draft: true` (each shows a "Draft" banner). Without it they are
        /// left out, and a link to one is an error.
        #[arg(long)]
        drafts: bool,
        /// The output folder [default: public, inside the site folder]. fieldguide refuses a
        /// non-empty folder it did not create.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Also make the PDFs, as `fieldguide pdf` does.
        #[arg(long)]
        pdf: bool,
        /// The Chromium-based browser that prints the PDFs [default: FIELDGUIDE_BROWSER, else
        /// chromium, chromium-browser, google-chrome or msedge on PATH].
        #[arg(long, value_name = "PATH", requires = "pdf")]
        browser: Option<PathBuf>,
    },
    /// Build the site, then print each publication in each language to PDF with headless
    /// Chromium: <lang>/<publication>/<publication>.<lang>.pdf, and for pocket guides a booklet
    /// (<publication>.<lang>.booklet.pdf) to print double-sided, flip on short edge, fold and
    /// staple.
    #[command(after_help = EXIT_CODES)]
    Pdf {
        #[command(flatten)]
        common: Common,
        /// Include pages marked `draft: true` (each shows a "Draft" banner). Without it they are
        /// left out, and a link to one is an error.
        #[arg(long)]
        drafts: bool,
        /// The output folder [default: public, inside the site folder].
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The Chromium-based browser to print with [default: FIELDGUIDE_BROWSER, else
        /// chromium, chromium-browser, google-chrome or msedge on PATH].
        #[arg(long, value_name = "PATH")]
        browser: Option<PathBuf>,
    },
    /// Check the site (links, anchors, front matter, images) without writing anything.
    #[command(after_help = EXIT_CODES)]
    Check {
        #[command(flatten)]
        common: Common,
        /// Include pages marked `draft: true` (each shows a "Draft" banner). Without it they are
        /// left out, and a link to one is an error.
        #[arg(long)]
        drafts: bool,
        /// Output format: text (as rustc prints) or json (for CI).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Preview the site: build it in memory, serve it on this machine, rebuild when a file
    /// changes and reload open pages. Errors show in the terminal and over the page.
    #[command(after_help = EXIT_CODES)]
    Serve {
        #[command(flatten)]
        common: Common,
        /// Include pages marked `draft: true` (each shows a "Draft" banner). Without it they are
        /// left out, and a link to one is an error.
        #[arg(long)]
        drafts: bool,
        /// The port to listen on (0: any free port).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. Anything but 127.0.0.1 or ::1 shows the preview to
        /// other machines on the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
    },
    /// Show which translations are up to date, stale (the source changed), missing or untracked,
    /// per language and publication, and which interface strings each language lacks.
    #[command(
        after_help = "Exit codes: 0, or 1 with --strict when a translation is stale or missing."
    )]
    Status {
        #[command(flatten)]
        common: Common,
        /// Only this language.
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The date to check local values' `verified:` dates against
        /// [default: today]
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Create a new site in DIR: site.yaml with two languages and one publication with two
    /// chapters, ready to build. DIR must not exist or be empty.
    New {
        /// The folder to create.
        dir: PathBuf,
    },
    /// Record in each translation (`translation_of:` in its front matter) the version of the source
    /// it matches. Run it after reviewing a translation against its source; only that line changes.
    #[command(after_help = EXIT_CODES)]
    Stamp {
        #[command(flatten)]
        common: Common,
        /// Translated Markdown files, e.g. guidance/pocket-guide/01-preparing.fr.md.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Work with translators in the tools they use: export each publication's text as PO,
    /// XLIFF or a spreadsheet, and import their work back as stamped Markdown pages.
    Translate {
        #[command(subcommand)]
        action: Translate,
    },
}

#[derive(Subcommand)]
enum Translate {
    /// Write one file per publication for one language (default: translations/<lang>/
    /// <publication>.po). Segments whose source changed since they were translated come out
    /// fuzzy, with the earlier source.
    #[command(after_help = EXIT_CODES)]
    Export {
        #[command(flatten)]
        common: Common,
        /// The language to translate into.
        #[arg(long, value_name = "CODE")]
        lang: String,
        /// po (Poedit, Weblate, Crowdin), xliff (XLIFF 1.2: Trados, memoQ, OmegaT), xliff2 (XLIFF
        /// 2.0: Phrase, Crowdin, newer tools) or xlsx (a spreadsheet).
        #[arg(long, value_enum, default_value_t = TranslationFormat::Po)]
        format: TranslationFormat,
        /// Only the segments that need work (untranslated or fuzzy).
        #[arg(long)]
        only_changed: bool,
        /// One file per part of each publication (`<publication>--<part>`), to share the work
        /// among translators. A publication too large for one file that `translate import`
        /// reads (16 MB) is split so without it.
        #[arg(long)]
        by_part: bool,
        /// The folder to write to [default: translations/<lang>, inside the site folder].
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Check translated files and write back each page whose segments are all translated and
    /// none fuzzy, stamped with the source it translates. Other pages stay as they were.
    #[command(after_help = EXIT_CODES)]
    Import {
        #[command(flatten)]
        common: Common,
        /// Files made by `translate export` (.po, .xlf, .xlsx).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TranslationFormat {
    Po,
    Xliff,
    Xliff2,
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() {
    let cli = Cli::parse();
    // `serve` holds the site in memory anyway; given back at once, the
    // memory of each edit's print page would be taken from the system
    // again (70 ms of a 190 ms edit at 30,000 pages).
    if !matches!(cli.command, Command::Serve { .. }) {
        return_memory_at_once();
    }
    no_huge_pages();
    fieldguide::crash::install_hook();
    ignore_file_size_signal();
    let mut code = std::panic::catch_unwind(move || run(cli)).unwrap_or(commands::EXIT_INTERNAL);
    // A report that could not be written is not a success.
    if code == 0 && fieldguide::console::stdout_failed() {
        code = 1;
    }
    std::process::exit(code);
}

fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build {
            common,
            out,
            pdf: false,
            drafts,
            ..
        } => {
            let (mut opts, out) = common.site_options(out);
            opts.drafts = drafts;
            commands::build::build(&opts, &out, common.verbosity())
        }
        Command::Build {
            common,
            out,
            browser,
            drafts,
            ..
        }
        | Command::Pdf {
            common,
            out,
            browser,
            drafts,
        } => {
            // Everything `build` makes, and the PDFs.
            let (mut opts, out) = common.site_options(out);
            opts.drafts = drafts;
            commands::pdf::pdf(&opts, &out, browser.as_deref(), common.verbosity())
        }
        Command::Check {
            common,
            format,
            drafts,
        } => commands::check::check(
            &Options {
                drafts,
                ..common.options()
            },
            format == Format::Json,
            common.verbosity(),
        ),
        Command::Status {
            common,
            lang,
            format,
            today,
        } => commands::status::status(
            &common.options(),
            lang.as_deref(),
            format == Format::Json,
            common.verbosity(),
            today.as_deref(),
        ),
        Command::New { dir } => commands::new::new(&dir),
        Command::Serve {
            common,
            port,
            bind,
            drafts,
        } => fieldguide::serve::serve(fieldguide::serve::ServeOptions {
            build: Options {
                drafts,
                ..common.options()
            },
            bind,
            port,
            ignore: vec![common.source.join("public")],
            verbosity: common.verbosity(),
        }),
        Command::Stamp { common, files } => {
            commands::stamp::stamp(&common.options(), &files, common.verbosity())
        }
        Command::Translate { action } => translate(action),
    }
}

fn translate(action: Translate) -> i32 {
    use fieldguide::translate::catalog::Format as F;
    match action {
        Translate::Export {
            common,
            lang,
            format,
            only_changed,
            by_part,
            out,
        } => {
            let format = match format {
                TranslationFormat::Po => F::Po,
                TranslationFormat::Xliff => F::Xliff,
                TranslationFormat::Xliff2 => F::Xliff2,
                TranslationFormat::Xlsx => F::Xlsx,
            };
            commands::translate::export(
                &common.options(),
                &lang,
                format,
                only_changed,
                by_part,
                out.as_deref(),
                common.verbosity(),
            )
        }
        Translate::Import { common, files } => {
            commands::translate::import(&common.options(), &files, common.verbosity())
        }
    }
}

// A build allocates and frees millions of small strings across threads:
// on the 30,000-page benchmark mimalloc takes about 10% less CPU time than
// the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the mimalloc that `libmimalloc-sys` 0.1.49
/// builds (pinned: the Rust crate does not name this option).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// mimalloc keeps freed memory for a second before giving it back: a build
/// frees a chunk of pages at a time, so memory would follow the site, not
/// the pages being made. Given back at once, the peak is 75 MB instead of
/// 135 at 3,000 pages and 290 instead of 400-420 at 30,000, for about 1 s
/// more system time there.
fn return_memory_at_once() {
    // SAFETY: sets a plain option of the allocator; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

/// Linux backs large allocations with 2 MB pages when it can (transparent
/// huge pages), and a page stays resident while any byte of it is in use:
/// a build's many short-lived strings keep whole huge pages alive. Without
/// them the peak is 32 MB instead of 55 at 3,000 pages and 119 instead of
/// 153 at 30,000, for no measurable CPU time (alternating runs). Set before
/// the build allocates much: it applies to every page touched afterwards.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: a prctl that sets one flag of this process; no pointers.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Past a file-size limit (`ulimit -f`), a write would otherwise kill the
/// process with SIGXFSZ: no message, and the staging folder left behind.
/// Ignored, the write fails (`EFBIG`) and the build reports it and cleans
/// up, as on a full disk.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: sets the disposition of one signal to "ignore", before any
    // other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn huge_pages_are_turned_off() {
        no_huge_pages();
        // SAFETY: reads one flag of this process.
        assert_eq!(
            unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) },
            1
        );
    }

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reads and sets plain options of the allocator.
        unsafe {
            // Its default in this mimalloc (1,000 ms), and the options around it
            // (the NUMA nodes to use: all, 0; the OS tag: 100).
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY), 1000);
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY + 1), 0);
            assert_eq!(
                libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY + 3),
                100
            );
        }
        return_memory_at_once();
        // SAFETY: as above.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            0
        );
    }
}
