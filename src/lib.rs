//! fieldguide: multilingual guidance publications from Markdown.
//!
//! The build is a one-way pipeline (see `pipeline`): load -> model ->
//! markdown -> check -> render -> write. `main.rs` is only the command line.

pub mod adaptation;
pub mod address;
pub mod check;
pub mod commands;
pub mod config;
pub mod console;
pub mod content;
pub mod crash;
pub mod diagnostics;
pub mod drafts;
pub mod i18n;
#[doc(hidden)]
pub mod invariants;
pub mod markdown;
pub mod no_follow;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod rebuild;
pub mod render;
pub mod search;
pub mod serve;
pub mod slug;
pub mod source_lines;
pub mod text;
pub mod theme;
pub mod translate;
pub mod translation;
pub mod url;
pub mod xml_bounds;
pub mod yaml;
