//! Front matter: splitting and parsing arbitrary text never panics, and
//! every problem has a line inside the file (`fieldguide::invariants`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = fieldguide::invariants::front_matter(data) {
        panic!("{broken}");
    }
});
