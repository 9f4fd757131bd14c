//! Word leftovers and YAML jargon: each said plainly, at the line and
//! column to change, with the parser's own words kept as a note; and YAML
//! that is hostile (deep nesting) or carries control characters.

use super::{assert_has, fails};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";
const INDEX: &str = "guidance/handbook/index.en.md";

/// Writes `text` to `file`, checks the build fails as `fails` does, and
/// returns stderr.
fn broken(file: &str, text: &str) -> String {
    fails(|s| s.write(file, text))
}

#[test]
fn non_breaking_space_after_a_key() {
    let e = broken(SIGNS, "---\ntitle:\u{a0}Signs\n---\nText\n");
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:2:7: error: invalid front matter: a non-breaking space (U+00A0) at column 7; type a normal space",
    );
    let own: Vec<&str> = e.lines().filter(|l| l.starts_with(SIGNS)).collect();
    assert_eq!(own.len(), 1, "{e}");
}

#[test]
fn non_breaking_spaces_as_indentation_under_print() {
    let e = broken(
        INDEX,
        "---\ntitle: Handbook\nkind: guidelines\nsummary: A small handbook for tests.\nversion: \"2.1\"\nreviewed: 2026-10-01\nauthor: Field team\nprint:\n\u{a0}\u{a0}size: A5\n\u{a0}\u{a0}booklet: true\n---\nText\n",
    );
    assert_has(
        &e,
        "guidance/handbook/index.en.md:9:1: error: invalid front matter: a non-breaking space (U+00A0) at column 1; type a normal space",
    );
    assert_has(
        &e,
        "guidance/handbook/index.en.md:10:1: error: invalid front matter: a non-breaking space (U+00A0) at column 1; type a normal space",
    );
    assert!(!e.contains("unknown"), "no unknown-key noise:\n{e}");
}

#[test]
fn dashes_in_place_of_the_front_matter_line() {
    let e = broken(SIGNS, "———\ntitle: Signs\n———\nText\n");
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:1:1: error: `———` is made of em dashes (U+2014), but the line that starts front matter is three hyphens `---`",
    );
    assert!(!e.contains("missing `title`"), "{e}");
    let e = broken(SIGNS, "---\ntitle: Signs\n–––\nText\n");
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:3:1: error: `–––` is made of en dashes (U+2013), but the line that ends front matter is three hyphens `---`",
    );
}

#[test]
fn a_tab_is_explained_with_the_parser_note() {
    let e = broken(
        SIGNS,
        "---\ntitle: Signs\n\tsummary: Bodies and minds\n---\nText\n",
    );
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:3:1: error: invalid front matter: a tab (U+0009) at column 1; indent with spaces",
    );
    assert_has(
        &e,
        "  = note: the YAML parser says: while scanning a plain scalar, found a tab (line 2, column 8)",
    );
}

#[test]
fn a_space_before_the_first_key() {
    let e = broken(SIGNS, "---\n title: Signs\nsummary: Bodies\n---\nText\n");
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:2:1: error: invalid front matter: `title` starts after a space; the first key must start at the beginning of the line",
    );
    assert!(
        e.contains("  = hint: remove the 1 space before `title`"),
        "{e}"
    );
    assert!(!e.contains("more than one document"), "{e}");
}

#[test]
fn indentation_that_does_not_line_up() {
    let e = broken(
        INDEX,
        "---\ntitle: Handbook\nprint:\n  size: A5\n   booklet: true\n---\nText\n",
    );
    assert_has(
        &e,
        "guidance/handbook/index.en.md:5:1: error: invalid front matter: this line starts after 3 spaces, more than the line above it (2 spaces), so YAML reads it as part of that line's value",
    );
    assert_has(
        &e,
        "  = note: the YAML parser says: mapping values are not allowed in this context (line 5, column 11)",
    );
}

#[test]
fn a_colon_inside_a_value() {
    let e = broken(
        SIGNS,
        "---\ntitle: Signs: physical and psychological\n---\nText\n",
    );
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:2:13: error: invalid front matter: this value contains `: `, which YAML reads as the start of another key",
    );
    assert_has(
        &e,
        "  = hint: put the value in quotes: title: \"Signs: physical and psychological\"",
    );
}

#[test]
fn misspelt_print_setting_and_impossible_margin() {
    let e = broken(
        INDEX,
        "---\ntitle: Handbook\nprint:\n  sise: A5\n  margins: 12mm NaNmm\n---\nText\n",
    );
    assert_has(
        &e,
        "guidance/handbook/index.en.md:4:3: warning: unknown key `sise` in `print:`",
    );
    assert_has(&e, "  = hint: did you mean `size`?");
    assert_has(
        &e,
        "guidance/handbook/index.en.md:5:17: error: margin `NaNmm` is not a number followed by a unit",
    );
}

#[test]
fn a_utf16_file_prints_no_nul_bytes() {
    let utf16: Vec<u8> = "\u{feff}---\ntitle: Signs\n---\nText\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let e = fails(|s| s.write(SIGNS, &utf16));
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md: error: the file is UTF-16 encoded; fieldguide reads UTF-8",
    );
    assert!(!e.contains('\0'), "raw NUL bytes in:\n{e:?}");
    // Without a byte-order mark too (Notepad's "Unicode").
    let bare: Vec<u8> = utf16[2..].to_vec();
    let e = fails(|s| s.write(SIGNS, &bare));
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md: error: the file is UTF-16 encoded; fieldguide reads UTF-8",
    );
    assert!(!e.contains('\0'), "raw NUL bytes in:\n{e:?}");
}

/// A source that cannot be read is the news; its translations' source is
/// there, not "gone", and the page has an `en` version.
#[test]
fn an_unreadable_source_is_not_called_gone() {
    let utf16: Vec<u8> = "---\ntitle: Intro\n---\nText\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let e = fails(|s| {
        s.write(
            "guidance/handbook/01-intro.fr.md",
            "---\ntitle: Intro\ntranslation_of: 0123456789abcdef\n---\nTexte\n",
        );
        s.write("guidance/handbook/01-intro.en.md", &utf16)
    });
    assert_has(
        &e,
        "guidance/handbook/01-intro.en.md: error: the file is UTF-16 encoded; fieldguide reads UTF-8",
    );
    assert!(!e.contains("is gone"), "{e}");
    assert!(!e.contains("no `en` version"), "{e}");
}

#[test]
fn deeply_nested_yaml_is_refused_at_its_line() {
    let e = broken(
        SIGNS,
        &format!(
            "---\ntitle: Signs\nextra: {}\n---\nText\n",
            "[".repeat(100_000)
        ),
    );
    let own: Vec<&str> = e.lines().filter(|l| l.starts_with(SIGNS)).collect();
    assert_eq!(
        own,
        [
            "guidance/handbook/02-signs.en.md:3:8: error: invalid front matter: values are nested more than 64 levels deep"
        ],
        "{e}"
    );
}

#[test]
fn control_characters_in_content_are_escaped_in_messages() {
    let e = broken(
        SIGNS,
        "---\ntitle: Signs\n\"x\u{1b}[2J\u{1b}]0;pwned\u{7}\": 1\n---\n## Physical signs {#physical-signs}\n",
    );
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:3:1: error: invalid front matter: this value holds a control character (U+001B), which no page can show",
    );
    assert_has(&e, "3 | \"x\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\": 1");
    assert!(!e.contains('\u{1b}') && !e.contains('\u{7}'), "{e:?}");
}

/// Control characters written as YAML escapes never reach a page: an
/// error at the value's line, in front matter and in site.yaml.
#[test]
fn control_characters_written_as_escapes_are_errors() {
    let e = broken(
        SIGNS,
        "---\ntitle: \"Getting\\u0000 started\\e[2J\"\n---\nText\n",
    );
    assert_has(
        &e,
        "guidance/handbook/02-signs.en.md:2:8: error: invalid front matter: this value holds a control character (U+0000), which no page can show",
    );
    let e = fails(|s| {
        let yaml = std::fs::read_to_string(s.path().join("site.yaml")).unwrap();
        s.write("site.yaml", format!("{yaml}\nsubtitle: \"a\\x85b\"\n"));
    });
    assert!(
        e.contains("this value holds a control character (U+0085)"),
        "{e}"
    );
}
