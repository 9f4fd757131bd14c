use crate::diagnostics::{Diagnostic, Severity};

fn errors(files: &[(&str, &str)]) -> Vec<String> {
    let config = crate::config::parse(
        "title: T\ndefault_language: en\nlanguages: [en, fr]\n",
        std::path::Path::new("site.yaml"),
    )
    .0
    .unwrap();
    let mut diags = Vec::new();
    crate::content::build::from_memory(config, files, &mut diags);
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(Diagnostic::headline)
        .collect()
}

const PAGE: &str = "---\ntitle: T\n---\n";

#[test]
fn two_names_for_one_page_name_are_told_why() {
    use std::path::Path;
    assert_eq!(
        super::dup_slug_hint(
            Path::new("g/field-guide"),
            Path::new("g/Field Guide"),
            "field-guide"
        ),
        "page names are lower case, with `-` for spaces and punctuation: `Field Guide` and `field-guide` both give `field-guide`; rename one of them"
    );
    assert!(
        super::dup_slug_hint(Path::new("p/02-a.en.md"), Path::new("p/01-a.en.md"), "a")
            .starts_with("the number prefix")
    );
}

#[test]
fn page_names_windows_reserves_are_errors() {
    for (files, file, name) in [
        (
            vec![("g/index.md", PAGE), ("g/03-con.en.md", PAGE)],
            "guidance/g/03-con.en.md",
            "con",
        ),
        (
            vec![("g/index.md", PAGE), ("g/01 NUL.md", PAGE)],
            "guidance/g/01 NUL.md",
            "nul",
        ),
        (
            vec![("g/index.md", PAGE), ("g/07_com\u{b9}.fr.md", PAGE)],
            "guidance/g/07_com\u{b9}.fr.md",
            "com\u{b9}",
        ),
        (
            vec![("g/index.md", PAGE), ("g/lpt1!.md", PAGE)],
            "guidance/g/lpt1!.md",
            "lpt1",
        ),
        (
            vec![("g/index.md", PAGE), ("g/03-aux/index.en.md", PAGE)],
            "guidance/g/03-aux",
            "aux",
        ),
        (
            vec![("g/index.md", PAGE), ("g/03-Aux/01-a.md", PAGE)],
            "guidance/g/03-Aux",
            "aux",
        ),
        (vec![("01-prn/index.md", PAGE)], "guidance/01-prn", "prn"),
        (
            vec![("g/index.md", PAGE), ("g/03-con .en.md", PAGE)],
            "guidance/g/03-con .en.md",
            "con",
        ),
    ] {
        let got = errors(&files);
        let head = format!(
            "{file}: error: this name does not work on every system: the page name `{name}`"
        );
        assert!(
            got.iter()
                .any(|e| e.starts_with(&head) && e.contains("a name Windows reserves")),
            "{file}: {got:?}"
        );
        assert_eq!(got.len(), 1, "{file}: {got:?}");
    }
}

#[test]
fn names_like_reserved_ones_are_pages() {
    // `03-con.x.md` is published as `con-x.html`, not the console.
    for name in [
        "g/03-console.md",
        "g/03-com10.md",
        "g/03-con.x.md",
        "g/con_.md",
        "g/03-lpt.md",
        // `$` is not kept: the page is `conin`, not the console.
        "g/02-conin$.md",
    ] {
        let got = errors(&[("g/index.md", PAGE), (name, PAGE)]);
        assert!(got.is_empty(), "{name}: {got:?}");
    }
}

#[test]
fn trailing_dots_and_spaces_never_reach_a_page_name() {
    // Names without `order:` or a number, and names ending with a dot
    // or a space once the number is off: the slug drops both.
    for (stem, slug) in [
        ("03-x.", "x"),
        ("03-x ", "x"),
        ("x. ", "x"),
        ("03-. x..", "x"),
    ] {
        assert_eq!(crate::slug::order_and_slug(stem).1, slug, "{stem:?}");
    }
    let got = errors(&[
        ("g./index.md", PAGE),
        ("g./03-x .md", PAGE),
        ("g./y..md", PAGE),
    ]);
    // The folder `g.` is the walk's error (not repeated here); the pages are fine.
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn page_names_too_long_for_windows_are_errors() {
    // `İ` lowercases to two characters: the name grows past 255.
    let name = format!("g/{}.md", "\u{130}".repeat(200));
    let got = errors(&[("g/index.md", PAGE), (&name, PAGE)]);
    assert!(
        got.iter()
            .any(|e| e.contains("would be published as") && e.contains("longer than 255")),
        "{got:?}"
    );
}

#[test]
fn names_too_long_in_bytes_are_errors_before_any_file_is_written() {
    // 243 bytes of folder name: its booklet PDF, `<name>.en.booklet.pdf`,
    // would be 258 bytes; a chapter of 85 three-byte letters is 260 bytes
    // as `.html` once lower-cased from two-byte `Ⱥ`.
    let publication = format!("{}/index.md", "a".repeat(243));
    let got = errors(&[(&publication, PAGE)]);
    assert!(
        got.iter().any(|e| e.contains("name of 258 bytes")),
        "{got:?}"
    );
    let chapter = format!("g/{}.md", "\u{23a}".repeat(85));
    let got = errors(&[("g/index.md", PAGE), (&chapter, PAGE)]);
    assert!(
        got.iter().any(|e| e.contains("name of 260 bytes")),
        "{got:?}"
    );
    let fine = format!("{}/index.md", "a".repeat(230));
    assert!(errors(&[(&fine, PAGE)]).is_empty());
}
