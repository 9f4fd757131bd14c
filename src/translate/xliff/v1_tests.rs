//! Tests of the XLIFF writer and reader.

use super::*;
use crate::translate::xliff::read;
use crate::translate::xliff::xml::{MAX_NODES, samples};

#[test]
fn writes_and_reads_back() {
    let h = samples::header();
    let units = samples::units(["01-a/p1", "01-a/p2", "01-a/p3"]);
    let out = samples::outgoing(&units);
    let bytes = write(&h, &out);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains("<target state=\"needs-review-translation\">قديم</target>"),
        "{text}"
    );
    assert!(
        text.contains(
            "<note from=\"previous-source\" annotates=\"source\">Previous source: Old</note>"
        ),
        "{text}"
    );
    let c = read(&bytes).unwrap();
    let at_file = Header {
        lang_line: 3,
        publication_line: 3,
        ..h
    };
    assert_eq!(c.header, at_file);
    let got: Vec<(&str, &str, &str, bool)> = c
        .entries
        .iter()
        .map(|e| {
            (
                e.key.as_str(),
                e.source.as_str(),
                e.translation.as_str(),
                e.fuzzy,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("01-a/p1", units[0].source.as_str(), "نص  عربي", false),
            ("01-a/p2", units[0].source.as_str(), "قديم", true),
            ("01-a/p3", units[0].source.as_str(), "", false),
        ]
    );
}

#[test]
fn refuses_dtds_at_their_line() {
    let evil =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n<xliff version=\"1.2\"/>";
    let e = read(evil.as_bytes()).unwrap_err();
    assert_eq!(e[0].0, 2, "{e:?}");
    assert!(e[0].1.starts_with("the file has a DTD"), "{e:?}");
}

#[test]
fn refuses_too_many_nodes() {
    let many = format!(
        "<xliff version=\"1.2\">{}</xliff>",
        "<a/>".repeat(MAX_NODES as usize)
    );
    let e = read(many.as_bytes()).unwrap_err();
    assert!(e[0].1.contains("more than 1000000 XML elements"), "{e:?}");
}

/// A unit of `writes_and_reads_back`'s kind, with `target` as its
/// target element's content.
fn one_unit(id: &str, target: &str) -> String {
    format!(
        "<trans-unit id=\"{id}\"><source>One.</source><target state=\"translated\">{target}</target></trans-unit>"
    )
}

fn file(units: &str) -> Vec<u8> {
    format!("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"{NS}\"><file original=\"p\" source-language=\"en\" target-language=\"fr\"><body>\n{units}\n</body></file></xliff>").into_bytes()
}

#[test]
fn segment_markers_hold_the_target() {
    let units = one_unit("a/p1", "<mrk mtype=\"seg\" mid=\"1\">Un.</mrk>")
        + &one_unit(
            "a/p2",
            "\n  <mrk mtype=\"seg\" mid=\"1\">Deux</mrk> <mrk mtype=\"seg\" mid=\"2\">trois.</mrk>\n",
        );
    let c = read(&file(&units)).unwrap();
    let got: Vec<_> = c
        .entries
        .iter()
        .map(|e| (e.translation.as_str(), e.problem.is_none()))
        .collect();
    assert_eq!(got, [("Un.", true), ("Deux trois.", true)]);
}

#[test]
fn another_inline_tag_refuses_its_unit_only() {
    let units = one_unit("a/p1", "Un <g id=\"1\">gras</g>.") + &one_unit("b/p1", "Deux.");
    let c = read(&file(&units)).unwrap();
    assert_eq!(c.entries.len(), 2);
    let p = c.entries[0].problem.as_deref().unwrap();
    assert!(
        p.starts_with("inline tags inside <target> are not supported (<g> here)"),
        "{p}"
    );
    assert_eq!(c.entries[1].problem, None);
    assert_eq!(c.entries[1].translation, "Deux.");
}

#[test]
fn a_target_in_state_new_is_not_a_translation() {
    let xlf = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="p" source-language="en" target-language="fr" datatype="plaintext"><body>
    <trans-unit id="index/p1"><source>Hello.</source><target state="new">Hello.</target></trans-unit>
    <trans-unit id="index/p2"><source>Bye.</source><target state="needs-translation">Bye.</target></trans-unit>
    <trans-unit id="index/p3"><source>Yes.</source><target state="translated">Oui.</target></trans-unit>
  </body></file>
</xliff>
"#;
    let c = read(xlf.as_bytes()).unwrap();
    let got: Vec<(&str, bool)> = c
        .entries
        .iter()
        .map(|e| (e.translation.as_str(), e.fuzzy))
        .collect();
    assert_eq!(got, [("", false), ("", false), ("Oui.", false)]);
}

/// Before, a file cut short (a transfer that stopped, a full disk) was
/// reported at line 1 as "unexpected end of stream" or "the root node was
/// opened but never closed", where nothing is wrong. Now it is reported at
/// its last line, as cut short.
#[test]
fn a_file_cut_short_is_reported_at_its_end() {
    let whole = file(&(one_unit("a/p1", "Un.") + "\n" + &one_unit("a/p2", "Deux.")));
    for cut in [whole.len() / 2, whole.len() - 10, 60] {
        let text = &whole[..cut];
        let lines = text.iter().filter(|&&b| b == b'\n').count() + 1;
        let e = read(text).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, lines, "{cut}: {e:?}");
        assert!(e[0].1.contains("cut short"), "{e:?}");
    }
}

/// Before, a file in the encoding its XML declaration names (ISO-8859-1,
/// as Okapi can be set to write) was refused as "neither UTF-8 nor
/// UTF-16". Now it is read in that encoding, as an XML parser reads it.
#[test]
fn the_declared_encoding_is_read() {
    let text = String::from_utf8(file(&one_unit("a/p1", "Été à côté")))
        .unwrap()
        .replace(
            "<?xml version=\"1.0\"?>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
        );
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy && std::str::from_utf8(&bytes).is_err());
    let c = read(&bytes).unwrap();
    assert_eq!(c.entries[0].translation, "Été à côté");
    // Without a declaration, it is refused, at the line of the first byte
    // that is not UTF-8.
    let bare = bytes.splitn(2, |&b| b == b'\n').nth(1).unwrap();
    let e = read(bare).unwrap_err();
    assert!(e[0].1.contains("save it as UTF-8"), "{e:?}");
    assert_eq!(e[0].0, 2, "{e:?}");
}

/// Before, a marker of another type than a segment's (Trados writes a
/// comment on a segment as `<mrk mtype="x-sdl-comment">`) was named only
/// `<mrk>`, the element accepted for segments. Now its type is named.
#[test]
fn a_marker_of_another_type_is_named_with_it() {
    let c = read(&file(&one_unit(
        "a/p1",
        "<mrk mtype=\"seg\">Un <mrk mtype=\"x-sdl-comment\">deux</mrk>.</mrk>",
    )))
    .unwrap();
    assert_eq!(
        c.entries[0].problem.as_deref(),
        Some(
            "inline tags inside <mrk> are not supported (<mrk mtype=\"x-sdl-comment\"> here): keep it plain text"
        )
    );
}

/// Segment markers nested as deep as a crafted file likes are read
/// without recursion (a stack overflow aborted the import before).
#[test]
fn deeply_nested_markers_are_read() {
    let n = 200_000;
    let target = format!("{}x{}", "<mrk mtype=\"seg\">".repeat(n), "</mrk>".repeat(n));
    let c = read(&file(&one_unit("pub/p1", &target))).unwrap();
    assert_eq!(c.entries[0].translation, "x");
}
