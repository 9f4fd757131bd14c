use super::*;

fn root(text: &str) -> Node {
    parse(text).unwrap().unwrap()
}

fn err(text: &str) -> YamlError {
    parse(text).unwrap_err()
}

#[test]
fn keeps_positions_of_keys_and_values() {
    let r = root("title: Signs\nprint:\n  size: A5\nlanguages: [en, fr]\n");
    let entries = r.entries().unwrap();
    assert_eq!(entries[0].0.pos, Pos { line: 1, col: 1 });
    assert_eq!(entries[0].0.width, 5);
    assert_eq!(entries[0].1.pos, Pos { line: 1, col: 8 });
    let size = r.get("print").unwrap().entries().unwrap();
    assert_eq!(size[0].0.pos, Pos { line: 3, col: 3 });
    let fr = &r.get("languages").unwrap().items().unwrap()[1];
    assert_eq!(
        (fr.pos, fr.as_text()),
        (Pos { line: 4, col: 17 }, Some("fr"))
    );
}

#[test]
fn scalars_resolve_as_yaml_1_2() {
    let r = root(
        "a: 1.10\nb: true\nc: 'true'\nd: ~\ne:\nf: 0x1f\ng: -3\nh: 1e3\ni: .nan\nj: yes\nk: !!str 12\n",
    );
    let g = |k: &str| r.get(k).unwrap();
    assert_eq!(g("a").as_text(), Some("1.10"));
    assert_eq!(g("a").as_f64(), Some(1.1));
    assert_eq!(g("b").as_bool(), Some(true));
    assert_eq!(g("c").as_bool(), None);
    assert!(g("d").is_null() && g("e").is_null());
    assert_eq!(g("d").as_text(), None);
    assert_eq!(g("f").as_i64(), Some(31));
    assert_eq!(g("g").as_i64(), Some(-3));
    assert_eq!(g("h").as_i64(), None);
    assert_eq!(g("h").as_f64(), Some(1000.0));
    assert!(g("i").as_f64().unwrap().is_nan());
    assert_eq!(g("j").as_bool(), None);
    assert_eq!(g("k").as_i64(), None);
    assert_eq!(g("k").to_value(), serde_yaml::Value::String("12".into()));
}

#[test]
fn to_value_for_templates() {
    let v = root("extra: { n: 3, list: [a, true], f: 1.5, nothing: ~ }\n").to_value();
    let expected: serde_yaml::Value =
        serde_yaml::from_str("extra: { n: 3, list: [a, true], f: 1.5, nothing: ~ }").unwrap();
    assert_eq!(v, expected);
}

#[test]
fn empty_text_is_none() {
    assert_eq!(parse("").unwrap(), None);
    assert_eq!(parse("# only a comment\n").unwrap(), None);
}

#[test]
fn duplicate_keys_are_found_at_the_second() {
    let r = root("title: a\nprint:\n  size: A5\n  size: A6\ntitle: b\n");
    let d: Vec<_> = duplicate_keys(&r)
        .iter()
        .map(|(k, first)| (k.pos.line, first.line))
        .collect();
    assert_eq!(d, [(4, 3), (5, 1)]);
}

#[test]
fn nesting_is_limited_at_its_line() {
    let deep_block: String = (0..MAX_DEPTH + 5)
        .map(|i| format!("{}k:\n", "  ".repeat(i)))
        .collect();
    let e = err(&deep_block);
    assert_eq!(e.kind, ErrorKind::TooDeep);
    assert_eq!(e.pos.line, MAX_DEPTH + 1);
    let e = err(&format!("title: x\nextra: {}\n", "[".repeat(100_000)));
    assert_eq!((e.kind, e.pos.line), (ErrorKind::TooDeep, 2));
    let e = err(&"- ".repeat(100_000));
    assert_eq!((e.kind, e.pos.line), (ErrorKind::TooDeep, 1));
    // Just inside the limit is fine.
    let ok = format!(
        "a: {}x{}",
        "[".repeat(MAX_DEPTH - 1),
        "]".repeat(MAX_DEPTH - 1)
    );
    assert!(parse(&ok).is_ok());
}

#[test]
fn alias_expansion_is_bounded() {
    let mut y = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        y.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    assert_eq!(err(&y).kind, ErrorKind::TooBig);
    let r = root("a: &x [1, 2]\nb: *x\n");
    assert_eq!(r.get("b").unwrap().items().unwrap().len(), 2);
}

#[test]
fn a_second_document_is_an_error() {
    let e = err("title: a\n---\nb: c\n");
    assert_eq!((e.kind, e.pos.line), (ErrorKind::SecondDocument, 2));
}

fn explained(text: &str) -> Vec<(usize, usize, String)> {
    explain(text, &err(text))
        .into_iter()
        .map(|x| (x.pos.line, x.pos.col, x.message))
        .collect()
}

#[test]
fn explains_word_leftovers_and_tabs() {
    assert_eq!(
        explained("title:\u{a0}Signs\nsummary: x\n"),
        [(
            1,
            7,
            "a non-breaking space (U+00A0) at column 7; type a normal space".to_string()
        )]
    );
    assert_eq!(
        explained("title: Signs\n\tsummary: x\n"),
        [(
            2,
            1,
            "a tab (U+0009) at column 1; indent with spaces".to_string()
        )]
    );
}

#[test]
fn explains_indentation() {
    assert_eq!(
        explained(" title: Signs\nsummary: x\n"),
        [(
            1,
            1,
            "`title` starts after a space; the first key must start at the beginning of the line"
                .to_string()
        )]
    );
    assert_eq!(
        explained("title: Signs\nprint:\n  size: A5\n   booklet: true\n"),
        [(4, 1, "this line starts after 3 spaces, more than the line above it (2 spaces), so YAML reads it as part of that line's value".to_string())]
    );
    assert_eq!(
        explained("title: Signs\nprint:\n    size: A5\n  booklet: true\n"),
        [(
            4,
            1,
            "this line's indentation (2 spaces) does not line up with the lines above it"
                .to_string()
        )]
    );
    assert_eq!(
        explained("title Signs\nsummary: y\n"),
        [(
            1,
            1,
            "this line has no `: ` between a key and its value".to_string()
        )]
    );
}

#[test]
fn curly_quotes_are_replaced_not_kept() {
    let text = "title: “Step 1: Prepare”\n";
    let x = explain(text, &err(text));
    assert_eq!(
        x[0].hint,
        "replace the curly quotes “ ” with straight ones: title: \"Step 1: Prepare\""
    );
}

#[test]
fn explains_quoting() {
    let x = explain("title: Signs: more\n", &err("title: Signs: more\n"));
    assert_eq!(
        (x[0].pos, x[0].message.as_str(), x[0].hint.as_str()),
        (
            Pos { line: 1, col: 13 },
            "this value contains `: `, which YAML reads as the start of another key",
            "put the value in quotes: title: \"Signs: more\""
        )
    );
    assert_eq!(
        x[0].raw,
        Some((
            Pos { line: 1, col: 13 },
            "mapping values are not allowed in this context".to_string()
        ))
    );
    assert_eq!(
        explained("title: \"abc\n"),
        [(
            1,
            8,
            "the quote that opens this value is never closed".to_string()
        )]
    );
    assert_eq!(
        explained("title: @home\n"),
        [(1, 8, "a value cannot start with `@`".to_string())]
    );
    assert_eq!(
        explained("title: a\nsummary: [b, c\nkind: d\n"),
        [(2, 10, "this `[` is never closed".to_string())]
    );
    assert_eq!(
        explained("title: {oops\n"),
        [(1, 8, "this `{` is never closed".to_string())]
    );
    assert_eq!(
        explained("list: - a\n")[0].2,
        "a list item `-` cannot start on the same line as its key"
    );
}

#[test]
fn deep_flow_nesting_is_reported_where_the_run_starts() {
    let text = format!("title: x\nextra: {}\n", "[".repeat(100_000));
    let x = explain(&text, &err(&text));
    assert_eq!(
        (x[0].pos, x[0].message.as_str()),
        (
            Pos { line: 2, col: 8 },
            "values are nested more than 64 levels deep"
        )
    );
}
