//! Inputs the fuzzers once found a problem with (`fuzz/`, see README), run
//! through the same checks (`fieldguide::invariants`) on every `cargo test`.

use std::path::Path;

fn inputs(kind: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(kind);
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    assert!(!v.is_empty());
    v
}

#[test]
fn front_matter_problems_stay_inside_the_file() {
    for (name, data) in inputs("front_matter") {
        assert_eq!(
            fieldguide::invariants::front_matter(&data),
            Ok(()),
            "{name}"
        );
    }
}

#[test]
fn markdown_output_stays_safe() {
    for (name, data) in inputs("markdown") {
        let Ok(body) = std::str::from_utf8(&data) else {
            continue;
        };
        assert_eq!(fieldguide::invariants::markdown(body), Ok(()), "{name}");
    }
}
