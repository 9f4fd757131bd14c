//! The hostile-input and careless-input findings fixed in the twenty-first
//! round.

#[path = "../common/mod.rs"]
mod common;
mod links;
mod opendocument;
mod zip_records;
