//! Tests of the XLIFF 2 writer and reader.

use super::*;
use crate::translate::xliff::read as read_file;
use crate::translate::xliff::xml::samples;

#[test]
fn writes_and_reads_back() {
    let h = samples::header();
    let units = samples::units(["01-a#signs/p1", "01-a/p2", "01-a/p_3"]);
    let out = samples::outgoing(&units);
    let bytes = write(&h, &out);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains("<unit id=\"01-a_23_signs:p1\" name=\"01-a#signs/p1\">"),
        "{text}"
    );
    assert!(
        text.contains("<segment state=\"initial\" subState=\"fieldguide:needs-review\">"),
        "{text}"
    );
    assert!(
        text.contains(
            "<note category=\"previous-source\" appliesTo=\"source\">Previous source: Old</note>"
        ),
        "{text}"
    );
    let c = read_file(&bytes).unwrap();
    let at = Header {
        lang_line: 2,
        publication_line: 3,
        ..h
    };
    assert_eq!(c.header, at);
    let got: Vec<(&str, &str, &str, bool, bool)> = c
        .entries
        .iter()
        .map(|e| {
            (
                e.key.as_str(),
                e.source.as_str(),
                e.translation.as_str(),
                e.fuzzy,
                e.exported.is_some(),
            )
        })
        .collect();
    let source = units[0].source.as_str();
    assert_eq!(
        got,
        [
            ("01-a#signs/p1", source, "نص  عربي", false, true),
            ("01-a/p2", source, "قديم", true, true),
            ("01-a/p_3", source, "", false, true),
        ]
    );
}

#[test]
fn a_file_with_nothing_to_translate_holds_an_empty_group() {
    // `--only-changed` when every segment is translated: the schema asks
    // `<file>` for at least one unit or group.
    let bytes = write(&samples::header(), &[]);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let file = doc
        .descendants()
        .find(|n| n.has_tag_name((NS, "file")))
        .unwrap();
    let kinds: Vec<&str> = file
        .children()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(kinds, ["notes", "group"], "{text}");
    let c = read_file(&bytes).unwrap();
    assert!(c.entries.is_empty());
    assert_eq!(c.header.publication, samples::header().publication);
}

#[test]
fn ids_spell_their_keys() {
    for key in ["01-a/p1", "02-b#x/list1.3", "p_1", "é/ا", "a:b", "_"] {
        let id = id_of(key);
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':')),
            "{id}"
        );
        assert_eq!(key_of_id(&id), key);
    }
    // An id a tool renumbered is taken as it is.
    assert_eq!(key_of_id("u_12"), "u_12");
    assert_eq!(key_of_id("seg_zz_"), "seg_zz_");
    // An XLIFF 1.2 key a tool kept as the id, with `_` in a heading's id.
    assert_eq!(key_of_id("01-a#safe_b_side/p1"), "01-a#safe_b_side/p1");
}

/// A file as a tool saves it: `units` inside one `<file>`.
fn file(units: &str) -> Vec<u8> {
    format!("<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\" trgLang=\"fr\">\n<file id=\"f\" original=\"pub\">\n{units}\n</file>\n</xliff>\n").into_bytes()
}

fn entries(units: &str) -> Vec<Incoming> {
    read_file(&file(units)).unwrap().entries
}

#[test]
fn segments_a_tool_split_are_joined() {
    let e = entries(
        "<unit id=\"pub:p1\"><segment state=\"translated\"><source>One.</source><target>Un.</target></segment><ignorable><source> </source></ignorable><segment state=\"final\"><source>Two.</source><target>Deux.</target></segment></unit>",
    );
    assert_eq!(e[0].key, "pub/p1");
    assert_eq!(
        (e[0].source.as_str(), e[0].translation.as_str()),
        ("One. Two.", "Un. Deux.")
    );
    assert!(!e[0].fuzzy);
    // One segment left: the unit is not translated.
    let e = entries(
        "<unit id=\"p1\"><segment state=\"translated\"><source>One.</source><target>Un.</target></segment><segment><source>Two.</source></segment></unit>",
    );
    assert_eq!((e[0].translation.as_str(), e[0].fuzzy), ("", false));
}

#[test]
fn states_say_what_is_confirmed() {
    let unit = |state: &str, target: &str| {
        entries(&format!(
            "<unit id=\"p1\"><segment{state}><source>One.</source>{target}</segment></unit>"
        ))
        .remove(0)
    };
    let t = "<target>Un.</target>";
    let got = |e: Incoming| (e.translation, e.fuzzy);
    assert_eq!(got(unit(" state=\"translated\"", t)), ("Un.".into(), false));
    assert_eq!(got(unit(" state=\"reviewed\"", t)), ("Un.".into(), false));
    assert_eq!(got(unit("", t)), ("Un.".into(), false));
    assert_eq!(got(unit(" state=\"initial\"", t)), ("Un.".into(), true));
    assert_eq!(
        got(unit(" state=\"initial\"", "<target/>")),
        ("".into(), false)
    );
    assert_eq!(got(unit(" state=\"initial\"", "")), ("".into(), false));
}

#[test]
fn annotations_are_text_and_codes_refuse_their_unit() {
    let e = entries(
        "<unit id=\"p1\"><segment state=\"translated\"><source>A form</source><target><mrk id=\"m\" translate=\"no\">A</mrk> formulaire<sm id=\"s\"/><em startRef=\"s\"/><cp hex=\"9\"/></target></segment></unit><unit id=\"p2\"><segment state=\"translated\"><source>B</source><target><pc id=\"1\">B</pc></target></segment></unit>",
    );
    assert_eq!(e[0].translation, "A formulaire\t");
    assert_eq!(e[0].problem, None);
    let problem = e[1].problem.as_deref().unwrap();
    assert!(problem.contains("<pc> here"), "{problem}");
}

#[test]
fn other_versions_are_named() {
    let text = String::from_utf8(file("")).unwrap().replace("2.1", "3.0");
    let errs = read_file(text.as_bytes()).unwrap_err();
    assert_eq!(errs[0].0, 2);
    assert!(errs[0].1.contains("an XLIFF 3.0 file"), "{errs:?}");
}

/// Annotations nested as deep as a crafted file likes are read without
/// recursion (a stack overflow aborted the import before).
#[test]
fn deeply_nested_annotations_are_read() {
    let n = 200_000;
    let target = format!("{}x{}", "<mrk id=\"m\">".repeat(n), "</mrk>".repeat(n));
    let e = entries(&format!(
        "<unit id=\"p1\"><segment state=\"translated\"><source>x</source><target>{target}</target></segment></unit>"
    ));
    assert_eq!(e[0].translation, "x");
}

/// Every cut and every byte flip of an exported file is read or refused
/// with a message, never a panic (a translator's file comes from outside).
#[test]
fn every_cut_and_flip_of_a_file_ends_without_a_panic() {
    let units = samples::units(["01-a#signs/p1", "01-a/p2", "01-a/p_3"]);
    let text = String::from_utf8(write(&samples::header(), &samples::outgoing(&units))).unwrap();
    // And the shapes a tool may add: a comment, an escaped id, a code
    // point out of range, annotations, an ignorable without source.
    let odd = "<!-- --><unit id=\"x_2f_\"><segment><source><cp hex=\"110000\"/></source><target><mrk><sm/></mrk></target></segment><ignorable/></unit></file>";
    let bytes = text.replace("</file>", odd).into_bytes();
    assert!(read_file(&bytes).is_ok());
    for end in 0..bytes.len() {
        let _ = read_file(&bytes[..end]);
    }
    for at in 0..bytes.len() {
        for flip in [0x01, 0x20, 0x80] {
            let mut b = bytes.clone();
            b[at] ^= flip;
            let _ = read_file(&b);
        }
    }
}
