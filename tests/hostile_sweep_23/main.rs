//! The hostile-input findings of the twenty-third round: what a print
//! page, and the browser that prints it, can do to `fieldguide pdf`.

#[path = "../common/mod.rs"]
mod common;
mod full_tmpdir;
mod pdf_protocol;
mod pdf_tab;
mod translate;
#[path = "../common/translate.rs"]
mod translating;
