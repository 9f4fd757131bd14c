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
        }
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
        /// The output folder [default: public, inside the site folder]. fieldguide refuses a
        /// non-empty folder it did not create.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Check the site (links, anchors, front matter, images) without writing anything.
    #[command(after_help = EXIT_CODES)]
    Check {
        #[command(flatten)]
        common: Common,
    },
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Build { common, out } => {
            let out = out.unwrap_or_else(|| common.source.join("public"));
            commands::build::build(&common.options(), &out, common.verbosity())
        }
        Command::Check { common } => commands::build::check(&common.options(), common.verbosity()),
    };
    std::process::exit(code);
}
