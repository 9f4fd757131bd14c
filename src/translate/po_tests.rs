//! Tests of the PO writer and reader.

use super::*;
use crate::translate::segments::Kind;
use crate::translate::units::Unit;

fn unit(key: &str, state: State) -> Unit {
    Unit {
        key: key.into(),
        kind: Kind::Paragraph,
        source:
            "Say \"hello\"\\ to everyone in the room, then wait; this line is long enough to wrap."
                .into(),
        translation: "Dites « bonjour »\nà tous.".into(),
        state,
        previous: (state == State::Fuzzy).then(|| "Say hi.".into()),
        notes: vec!["Page: P".into(), "Paragraph.".into()],
        source_line: 3,
    }
}

#[test]
fn writes_and_reads_back_with_fuzzy_and_previous() {
    let h = Header {
        publication: "pocket-guide".into(),
        source_lang: "en".into(),
        lang: "fr".into(),
        ..Header::default()
    };
    let units = [
        unit("01-a/p1", State::Translated),
        unit("01-a/p2", State::Fuzzy),
    ];
    let out: Vec<Outgoing> = units
        .iter()
        .map(|u| Outgoing {
            unit: u,
            reference: "guidance/p/01-a.en.md:3".into(),
            exported: crate::translate::catalog::fingerprint(&u.translation),
        })
        .collect();
    let bytes = write(&h, &out);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains("#, fuzzy\n#| msgid \"Say hi.\"\nmsgctxt \"01-a/p2\"\n"),
        "{text}"
    );
    assert!(text.contains("#: guidance/p/01-a.en.md:3\n"), "{text}");
    let back = read(&bytes).unwrap();
    assert_eq!(back.header.lang, "fr");
    assert_eq!(back.header.publication, "pocket-guide");
    assert_eq!(back.header.source_lang, "en");
    assert_eq!(back.entries.len(), 2);
    assert_eq!(back.entries[0].source, units[0].source);
    assert_eq!(back.entries[0].translation, units[0].translation);
    assert!(!back.entries[0].fuzzy);
    assert!(back.entries[1].fuzzy);
    let line = text.lines().nth(back.entries[1].line - 1).unwrap();
    assert!(line.starts_with("msgstr "), "{line}");
}

#[test]
fn malformed_files_give_lines_not_panics() {
    let cases: [(&str, usize); 6] = [
        ("msgid \"a\nmsgstr \"b\"\n", 1),
        ("\"\n", 1),
        ("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"\\q\"\n", 3),
        ("msgid \"a\"\nmsgstr[0] \"x\"\n", 1),
        ("\n\nmsgid \"a\"\nbogus\nmsgstr \"b\"\n", 4),
        ("msgctxt \"k\"\nmsgid \"a\"\n", 1),
    ];
    for (text, line) in cases {
        let errs = read(text.as_bytes()).unwrap_err();
        assert_eq!(errs[0].0, line, "{text:?}: {errs:?}");
    }
}

proptest::proptest! {
    /// A translator's file is input we do not control: any text gives
    /// entries or errors, never a panic.
    #[test]
    fn any_text_reads_without_panic(lines in proptest::collection::vec(
        "(msgctxt |msgid |msgstr |msgstr\\[0\\] |#, fuzzy|#\\| |#~ |\"|\\\\|[a-z ]){0,6}",
        0..12,
    )) {
        let _ = read(lines.join("\n").as_bytes());
    }
}

#[test]
fn header_fields_have_their_lines() {
    let text = "# comment\nmsgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: p\\n\"\n\"Language: de\\n\"\n\"X-Fieldguide-Publication: p\\nX-Other: 1\\n\"\n\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"x\"\n";
    let h = read(text.as_bytes()).unwrap().header;
    assert_eq!((h.lang.as_str(), h.lang_line), ("de", 5));
    assert_eq!((h.publication.as_str(), h.publication_line), ("p", 6));
    // Missing fields: the header's line; no header at all: line 1.
    let text = "msgid \"\"\nmsgstr \"Project-Id-Version: p\\n\"\n";
    let h = read(text.as_bytes()).unwrap().header;
    assert_eq!(
        (h.lang.as_str(), h.lang_line, h.publication_line),
        ("", 2, 2)
    );
    let h = read(b"msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"x\"\n")
        .unwrap()
        .header;
    assert_eq!((h.lang_line, h.publication_line), (1, 1));
}

#[test]
fn entries_without_blank_lines_and_obsolete_ones() {
    let text = "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"x\"\n#, fuzzy\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"\"\n\"y\"\n\n#~ msgid \"old\"\n#~ msgstr \"gone\"\n";
    let c = read(text.as_bytes()).unwrap();
    let got: Vec<(&str, &str, bool)> = c
        .entries
        .iter()
        .map(|e| (e.key.as_str(), e.translation.as_str(), e.fuzzy))
        .collect();
    assert_eq!(got, [("a", "x", false), ("b", "y", true)]);
}

/// Before, a file in the charset its header declares (`charset=CP1252`,
/// `ISO-8859-1`: gettext reads it, Lokalize and `msgconv` write it) was
/// refused as "not UTF-8". Now it is read in that charset; a file that is
/// neither UTF-8 nor a declared charset is still refused at its line.
#[test]
fn a_declared_charset_is_read() {
    let entry = |charset: &str, text: &[u8]| {
        let mut b = format!(
            "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset={charset}\\n\"\n\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \""
        )
        .into_bytes();
        b.extend_from_slice(text);
        b.extend_from_slice(b"\"\n");
        b
    };
    for (charset, bytes, want) in [
        ("CP1252", &b"L\x92\xe9t\xe9 \x80"[..], "L’été €"),
        ("ISO-8859-1", b"\xe0 c\xf4t\xe9", "à côté"),
        ("UTF-8", "déjà".as_bytes(), "déjà"),
        // Valid UTF-8 is UTF-8, whatever the header says.
        ("ISO-8859-1", "déjà".as_bytes(), "déjà"),
    ] {
        let c = read(&entry(charset, bytes)).unwrap();
        assert_eq!(c.entries[0].translation, want, "{charset}");
    }
    let e = read(&entry("UTF-8", b"\xe9t\xe9")).unwrap_err();
    assert_eq!(
        e[0],
        (7, "the file is not UTF-8 text; save it as UTF-8".into())
    );
}

/// Before, rspolib's wrapping could split `\\` (an escaped backslash, as
/// in Markdown's `\_`, `\|`, `\*` and a backslash line break) across two
/// lines, leaving a string whose closing quote was escaped: the exported
/// file failed `msgfmt --check`, Poedit refused it and so did import. Now
/// every wrap point reads back to the same text.
#[test]
fn wrapping_never_splits_an_escape() {
    let h = Header {
        lang: "fr".into(),
        ..Header::default()
    };
    for n in 0..90 {
        let text = format!(
            "{}above, \\_ and \\\\ and a break\\\nhere \\* and \\| end.",
            "x".repeat(n % 10) + &" word".repeat(n / 2)
        );
        let mut u = unit("a/p1", State::Translated);
        u.source = text.clone();
        u.translation = text.clone();
        let out = [Outgoing {
            unit: &u,
            reference: "g/a.en.md:1".into(),
            exported: String::new(),
        }];
        let bytes = write(&h, &out);
        let back = read(&bytes)
            .unwrap_or_else(|e| panic!("{n}: {e:?}\n{}", String::from_utf8_lossy(&bytes)));
        assert_eq!(back.entries[0].source, text, "{n}");
        assert_eq!(back.entries[0].translation, text, "{n}");
    }
}

#[test]
fn split_escapes_are_mended() {
    let broken = "msgstr \"\"\n\"a \\\"\n\"\\_ b\"\n#| \"c\\\\\"\n#| \"d\"\n";
    assert_eq!(
        mend_split_escapes(broken),
        "msgstr \"\"\n\"a \"\n\"\\\\_ b\"\n#| \"c\\\\\"\n#| \"d\"\n"
    );
}
