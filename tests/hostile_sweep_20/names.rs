//! Published file names that are one on Windows and macOS.

use crate::common;

/// Two published names were compared in lowercase, which keeps a Greek
/// word's final `ς` apart from the `σ` its capital `Σ` lowers to (and the
/// long `ſ` from `s`): `static/οδηγός.txt` beside `static/ΟΔΗΓΌΣ.txt`
/// was published as two files, though Windows and macOS, which compare
/// names by their capitals, hold one, and a copy to a USB stick loses one.
/// Now the pair is an error naming both; names that differ on those
/// systems too (`straße` and `strasse`, `i` and the dotted `İ`) are still
/// published, with nothing said.
#[test]
fn names_one_by_their_capitals_are_an_error() {
    for (a, b) in [("οδηγός.txt", "ΟΔΗΓΌΣ.txt"), ("ſign.txt", "sign.txt")] {
        let site = common::Site::fixture("basic");
        site.write(&format!("static/{a}"), "one\n");
        site.write(&format!("static/{b}"), "two\n");
        let o = site.build();
        assert_eq!(o.code, 1, "{a}: {}", o.stderr);
        let said = "differ only by case or Unicode normalisation: on Windows and macOS they would be one file";
        assert!(
            o.stderr.lines().any(|l| l.starts_with("static/")
                && l.contains(&format!("`{a}`"))
                && l.contains(&format!("`{b}`"))
                && l.contains(said)),
            "{a}: {}",
            o.stderr
        );
        assert!(!site.out().exists(), "{a}: written");
    }
    let site = common::Site::fixture("basic");
    for name in ["straße.txt", "strasse.txt", "i.txt", "İ.txt"] {
        site.write(&format!("static/{name}"), name);
    }
    let o = site.build_ok();
    assert!(!o.stderr.contains("differ only"), "{}", o.stderr);
    for name in ["straße.txt", "strasse.txt", "i.txt", "İ.txt"] {
        assert_eq!(
            std::fs::read_to_string(site.out().join(name)).unwrap(),
            name
        );
    }
}
