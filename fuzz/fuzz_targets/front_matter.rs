//! Front matter: splitting and parsing arbitrary text never panics, and
//! every problem has a line inside the file.
#![no_main]

use fieldguide::content::front_matter::{Role, parse, split};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = fieldguide::text::decode(data) else { return };
    let lines = text.lines().count().max(1) + 1;
    if let Ok(s) = split(&text) {
        for role in [Role::Chapter, Role::PublicationIndex] {
            let mut diags = Vec::new();
            let _ = parse(&s, Path::new("a.md"), role, &mut diags);
            for d in &diags {
                assert!(d.line <= lines, "line {} beyond the file ({lines} lines): {}", d.line, d.message);
            }
        }
    }
});
