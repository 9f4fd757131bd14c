//! `fieldguide serve`: build in memory, serve on localhost, rebuild on
//! change and reload open pages. The state lives here, owned by the
//! command: the build steps know nothing about serving.

mod http;
mod watch;

use crate::commands::{EXIT_FAILED, EXIT_OK, Verbosity, print_diagnostics};
use crate::pipeline::Options;
use crate::rebuild::Session;
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

/// Where the reload script is served from (never part of a normal build).
pub const RELOAD_SCRIPT: &str = "__fieldguide/livereload.js";
pub const EVENTS: &str = "__fieldguide/events";

pub struct ServeOptions {
    pub build: Options,
    pub bind: IpAddr,
    pub port: u16,
    /// Folders whose changes are ignored (the output folder of `build`).
    pub ignore: Vec<PathBuf>,
    pub verbosity: Verbosity,
}

/// What the server sends: the last good site, and the current error if the
/// latest change broke the build.
pub struct Snapshot {
    pub files: Arc<BTreeMap<String, Arc<Vec<u8>>>>,
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
    let source = opts.build.source.clone();
    let start = std::time::Instant::now();
    let (session, warnings) = match Session::start(opts.build.clone()) {
        Ok(s) => s,
        Err(f) => {
            print_diagnostics(&source, &f.diagnostics, opts.verbosity);
            eprintln!("the site has errors; fix them and run `fieldguide serve` again");
            return EXIT_FAILED;
        }
    };
    print_diagnostics(&source, &warnings, opts.verbosity);
    eprintln!(
        "built {} pages in {} ms",
        session.page_count(),
        start.elapsed().as_millis()
    );
    let (tx, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Snapshot {
            files: Arc::new(session.files.clone()),
            error: None,
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
            eprintln!("error: cannot start the server: {e}");
            return EXIT_FAILED;
        }
    };
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = match runtime.block_on(tokio::net::TcpListener::bind(addr)) {
        Ok(l) => l,
        Err(e) => {
            let why = if e.kind() == std::io::ErrorKind::AddrInUse {
                format!("port {} is already in use", opts.port)
            } else {
                e.to_string()
            };
            eprintln!("error: cannot listen on {addr}: {why}");
            eprintln!(
                "  = hint: choose another port with --port, e.g. --port 8080 (or --port 0 for any free port)"
            );
            return EXIT_FAILED;
        }
    };
    let local = listener.local_addr().unwrap_or(addr);
    if !opts.bind.is_loopback() {
        eprintln!(
            "warning: serving on {} makes the preview visible to other machines on the network",
            opts.bind
        );
    }
    let watcher = match watch::start(session, shared.clone(), &opts) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch {} for changes: {e}", source.display());
            return EXIT_FAILED;
        }
    };
    let host = if local.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        local.ip().to_string()
    };
    // Listen for Ctrl-C before announcing the address, so that an early
    // interrupt still stops the server cleanly.
    let mut interrupt = match runtime.block_on(async { Interrupt::listen() }) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: cannot listen for Ctrl-C: {e}");
            return EXIT_FAILED;
        }
    };
    eprintln!(
        "serving {} at http://{host}:{}/ (Ctrl-C to stop)",
        source.display(),
        local.port()
    );
    let app = http::router(shared);
    let result = runtime.block_on(async move {
        tokio::select! {
            r = axum::serve(listener, app) => r.map_err(|e| e.to_string()),
            _ = interrupt.recv() => Ok(()),
        }
    });
    drop(watcher);
    // Open event streams would keep a graceful shutdown waiting: stop now.
    runtime.shutdown_background();
    match result {
        Ok(()) => {
            eprintln!("stopped");
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: the server stopped: {e}");
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
