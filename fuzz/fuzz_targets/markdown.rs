//! Markdown to HTML, with link rewriting and heading ids: never panics,
//! ids are unique, and nothing that runs comes out (`fieldguide::invariants`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    if let Err(broken) = fieldguide::invariants::markdown(body) {
        panic!("{broken}");
    }
});
