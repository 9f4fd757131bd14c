//! The hostile-input and careless-input findings of the twenty-second
//! round.

#[path = "../common/mod.rs"]
mod common;
mod history;
mod opendocument;
mod serve;
#[path = "../serve_support/server.rs"]
#[allow(dead_code)]
mod server;
mod translate;
#[path = "../common/translate.rs"]
mod translating;
mod zip_records;
