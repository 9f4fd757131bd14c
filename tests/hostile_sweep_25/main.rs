//! The hostile-input findings of the twenty-fifth round: `fieldguide
//! serve` under clients that hold its connections, local editions and the
//! translators' files.

#[cfg(target_os = "linux")]
mod build_race;
#[path = "../common/mod.rs"]
mod common;
mod edition;
mod large_files;
mod serve_connections;
mod serve_watch;
#[path = "../serve_support/server.rs"]
#[allow(dead_code)]
mod server;
mod translate;
#[path = "../common/translate.rs"]
mod translating;
