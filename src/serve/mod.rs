//! `fieldguide serve`: build in memory, serve on localhost, rebuild on
//! change and reload open pages. The state lives here, owned by the
//! command: the build steps know nothing about serving.

mod connections;
mod guard;
mod http;
mod overlay;
mod watch;

use crate::commands::{EXIT_FAILED, EXIT_OK, Verbosity, print_diagnostics};
use crate::pipeline::Options;
use crate::rebuild::Session;
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use tokio::runtime::Runtime;
use tokio::sync::broadcast;

/// Where the reload script is served from (never part of a normal build).
pub const RELOAD_SCRIPT: &str = "__fieldguide/livereload.js";
pub const EVENTS: &str = "__fieldguide/events";
/// The error overlay's stylesheet.
pub const OVERLAY_CSS: &str = "__fieldguide/overlay.css";

pub struct ServeOptions {
    pub build: Options,
    pub bind: IpAddr,
    pub port: u16,
    /// Folders whose changes are ignored (the output folder of `build`).
    pub ignore: Vec<PathBuf>,
    pub verbosity: Verbosity,
}

/// Output path -> contents.
pub type Files = Arc<BTreeMap<String, Arc<Vec<u8>>>>;

/// What the server sends: the last good site, and the current error if the
/// latest change broke the build.
pub struct Snapshot {
    /// `None` until a build succeeds: every page is then the error page.
    pub files: Option<Files>,
    /// The errors, as text, while the build is broken.
    pub error: Option<String>,
}

/// Messages to open pages.
#[derive(Clone, Debug)]
pub enum Notice {
    Reload,
    Error(String),
}

pub struct Shared {
    pub snapshot: RwLock<Snapshot>,
    pub notices: broadcast::Sender<Notice>,
}

pub fn serve(mut opts: ServeOptions) -> i32 {
    opts.build.live_reload = Some(RELOAD_SCRIPT.to_string());
    opts.build.keep_text = true;
    let Some((session, error)) = first_build(&opts) else {
        return EXIT_FAILED;
    };
    let (tx, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Snapshot {
            files: session.as_ref().map(|s| Arc::new(s.files.clone())),
            error,
        }),
        notices: tx,
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            crate::errln!("error: cannot start the server: {e}");
            return EXIT_FAILED;
        }
    };
    let Some(listener) = listen(&runtime, &opts) else {
        return EXIT_FAILED;
    };
    let local = listener
        .local_addr()
        .unwrap_or(SocketAddr::new(opts.bind, opts.port));
    let watcher = match watch::start(session, shared.clone(), &opts) {
        Ok(w) => w,
        Err(e) => {
            let source = opts.build.source.display();
            crate::errln!("error: cannot watch {source} for changes: {e}");
            return EXIT_FAILED;
        }
    };
    let code = run(
        &runtime,
        listener,
        http::router(shared, local),
        &opts,
        local,
    );
    drop(watcher);
    // Open event streams would keep a graceful shutdown waiting: stop now.
    runtime.shutdown_background();
    code
}

/// The first build. A site with errors still gets a server (it shows the
/// errors until they are fixed); a folder that is not a site does not.
/// `None` after printing why it cannot start.
fn first_build(opts: &ServeOptions) -> Option<(Option<Session>, Option<String>)> {
    let source = &opts.build.source;
    let start = std::time::Instant::now();
    match Session::start(opts.build.clone()) {
        Ok((session, warnings)) => {
            print_diagnostics(source, &warnings, opts.verbosity);
            crate::errln!(
                "built {} pages in {} ms",
                session.page_count(),
                start.elapsed().as_millis()
            );
            Some((Some(session), None))
        }
        Err(f) => {
            print_diagnostics(source, &f.diagnostics, opts.verbosity);
            if !source.join(crate::config::CONFIG_FILE).is_file() {
                crate::errln!("the site has errors; fix them and run `fieldguide serve` again");
                return None;
            }
            crate::errln!("the site has errors: the preview shows them until a change fixes them");
            let failing = overlay::failing(&f.diagnostics, opts.build.strict);
            Some((None, Some(overlay::failure_text(&failing, source))))
        }
    }
}

/// Binds the port, or says why not.
fn listen(runtime: &Runtime, opts: &ServeOptions) -> Option<tokio::net::TcpListener> {
    let addr = SocketAddr::new(opts.bind, opts.port);
    match runtime.block_on(tokio::net::TcpListener::bind(addr)) {
        Ok(l) => {
            if !opts.bind.is_loopback() {
                crate::errln!(
                    "warning: serving on {} makes the preview visible to other machines on the network",
                    opts.bind
                );
            }
            Some(l)
        }
        Err(e) => {
            let why = if e.kind() == std::io::ErrorKind::AddrInUse {
                format!("port {} is already in use", opts.port)
            } else {
                e.to_string()
            };
            crate::errln!("error: cannot listen on {addr}: {why}");
            crate::errln!(
                "  = hint: choose another port with --port, e.g. --port 8080 (or --port 0 for any free port)"
            );
            None
        }
    }
}

/// Serves until Ctrl-C; the exit code.
fn run(
    runtime: &Runtime,
    listener: tokio::net::TcpListener,
    app: axum::Router,
    opts: &ServeOptions,
    local: SocketAddr,
) -> i32 {
    // Listen for Ctrl-C before announcing the address, so that an early
    // interrupt still stops the server cleanly.
    let mut interrupt = match runtime.block_on(async { Interrupt::listen() }) {
        Ok(i) => i,
        Err(e) => {
            crate::errln!("error: cannot listen for Ctrl-C: {e}");
            return EXIT_FAILED;
        }
    };
    let host = match local.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
        v4 => v4.to_string(),
    };
    crate::errln!(
        "serving {} at http://{host}:{}/ (Ctrl-C to stop)",
        opts.build.source.display(),
        local.port()
    );
    let result = runtime.block_on(async move {
        tokio::select! {
            r = connections::serve(listener, app) => r.map_err(|e| e.to_string()),
            _ = interrupt.recv() => Ok(()),
        }
    });
    match result {
        Ok(()) => {
            crate::errln!("stopped");
            EXIT_OK
        }
        Err(e) => {
            crate::errln!("error: the server stopped: {e}");
            EXIT_FAILED
        }
    }
}

/// Ctrl-C, registered as soon as it is created.
#[cfg(unix)]
struct Interrupt(tokio::signal::unix::Signal);

#[cfg(unix)]
impl Interrupt {
    fn listen() -> std::io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        signal(SignalKind::interrupt()).map(Interrupt)
    }

    async fn recv(&mut self) {
        self.0.recv().await;
    }
}

#[cfg(not(unix))]
struct Interrupt;

#[cfg(not(unix))]
impl Interrupt {
    fn listen() -> std::io::Result<Self> {
        Ok(Interrupt)
    }

    async fn recv(&mut self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}
