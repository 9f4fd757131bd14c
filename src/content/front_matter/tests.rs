use super::*;
use crate::diagnostics::Severity;

fn run(text: &str, role: Role) -> (Option<FrontMatter>, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let s = split(text).unwrap();
    let fm = parse(&s, Path::new("a.md"), role, false, &mut d);
    (fm, d)
}

/// `line:col: severity: message` of each diagnostic.
fn heads(d: &[Diagnostic]) -> Vec<String> {
    d.iter()
        .map(|d| {
            let h = d.headline();
            h.strip_prefix("a.md:").unwrap_or(&h).to_string()
        })
        .collect()
}

fn publication(yaml: &str) -> (Option<FrontMatter>, Vec<String>) {
    let (fm, d) = run(
        &format!("---\ntitle: A\n{yaml}---\n"),
        Role::PublicationIndex,
    );
    (fm, heads(&d))
}

#[test]
fn yaml_error_line_is_counted_in_file() {
    let (fm, d) = run("---\ntitle: A\nsummary: [oops\n---\n", Role::Chapter);
    assert!(fm.is_none());
    assert_eq!(
        heads(&d),
        ["3:10: error: invalid front matter: this `[` is never closed"]
    );
    assert!(
        d[0].note
            .as_deref()
            .unwrap()
            .starts_with("the YAML parser says: "),
        "{d:?}"
    );
}

#[test]
fn unknown_key_warns_with_hint() {
    let (fm, d) = run("---\ntitle: A\nsumary: b\n---\n", Role::Chapter);
    assert!(fm.is_some());
    assert_eq!(
        heads(&d),
        ["3:1: warning: unknown front-matter key `sumary`"]
    );
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `summary`?"));
}

#[test]
fn missing_title() {
    let (fm, d) = run("---\ntitel: A\n---\n", Role::Chapter);
    assert!(fm.is_none());
    assert!(d.iter().any(|d| d.message.contains("missing `title`")));
    assert!(
        d.iter()
            .any(|d| d.hint.as_deref() == Some("did you mean `title`?"))
    );
}

#[test]
fn publication_keys() {
    let (fm, d) = run(
        "---\ntitle: A\nkind: pocket-guide\nreviewed: 2026-01-31\nversion: 1.20\nextra: { a: 1 }\n---\n",
        Role::PublicationIndex,
    );
    assert!(d.is_empty(), "{d:?}");
    let fm = fm.unwrap();
    assert_eq!(fm.about().kind, Some(Kind::PocketGuide));
    assert_eq!(fm.about().version.as_deref(), Some("1.20"));
    let extra: Value = serde_yaml::from_str("{ a: 1 }").unwrap();
    assert_eq!(fm.extra, Some(Box::new(extra)));
    let (_, d) = publication("reviewed: 15/03/2026\n");
    assert_eq!(
        d,
        ["3:11: error: `reviewed` must be a date written YYYY-MM-DD"]
    );
    let (_, d) = publication("reviewed: 2025-02-30\n");
    assert_eq!(
        d,
        ["3:11: error: `reviewed` must be a day that exists: there is no 2025-02-30"]
    );
    // Hugo and Jekyll write a time after the day: the day is read.
    for t in [
        "2026-03-15T10:00:00Z",
        "2026-03-15 10:00",
        "2026-03-15T10:00:00+01:00",
    ] {
        let (fm, d) = publication(&format!("reviewed: {t}\n"));
        assert!(d.is_empty(), "{t}: {d:?}");
        assert_eq!(fm.unwrap().about().reviewed.as_deref(), Some("2026-03-15"));
    }
    let (_, d) = publication("reviewed: 2026-03-15Tea\n");
    assert_eq!(
        d,
        ["3:11: error: `reviewed` must be a date written YYYY-MM-DD"]
    );
}

#[test]
fn a_site_published_with_defects_drops_only_a_bad_description() {
    let text =
        "---\ntitle: A\nreviewed: 15/03/2026\nstatus: old\norder: first\nkind: brochure\n---\n";
    let mut d = Vec::new();
    let fm = parse(
        &split(text).unwrap(),
        Path::new("a.md"),
        Role::PublicationIndex,
        true,
        &mut d,
    );
    assert_eq!(
        heads(&d),
        [
            "3:11: warning: `reviewed` must be a date written YYYY-MM-DD",
            "4:9: warning: `status` must be sample, draft or final",
            "5:8: warning: `order` must be a whole number",
            "6:7: error: unknown kind `brochure`",
        ]
    );
    assert!(
        fm.is_none(),
        "a wrong kind changes the page: still an error"
    );
    d.clear();
    let fm = parse(
        &split(&text.replace("kind: brochure\n", "")).unwrap(),
        Path::new("a.md"),
        Role::PublicationIndex,
        true,
        &mut d,
    );
    let fm = fm.expect("published without the bad values");
    assert_eq!(
        (
            fm.about().reviewed.clone(),
            fm.about().status.clone(),
            fm.order
        ),
        (None, None, None)
    );
}

#[test]
fn publication_keys_elsewhere_are_ignored_with_a_warning() {
    let (fm, d) = run("---\ntitle: A\nstatus: draft\n---\n", Role::Chapter);
    assert!(fm.is_some());
    assert_eq!(
        heads(&d),
        ["3:1: warning: `status` only applies to a publication's index page; it is ignored here"]
    );
}

#[test]
fn alias_bomb_is_bounded() {
    let mut y = String::from("---\ntitle: A\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        y.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    y.push_str("---\n");
    let (_, d) = run(&y, Role::Chapter);
    assert!(d.iter().any(|d| d.severity == Severity::Error), "{d:?}");
}

#[test]
fn print_settings_are_typed() {
    let (fm, d) = publication("print:\n  size: a5\n  margins: 10mm 1.5cm\n  booklet: true\n");
    assert!(d.is_empty(), "{d:?}");
    let p = fm.unwrap().about().print.clone().unwrap();
    assert_eq!(p.size, Some(PaperSize::A5));
    assert_eq!(p.margins.unwrap().css(), "10mm 15mm");
    assert_eq!(p.booklet, Some(true));
    let (fm, d) = publication("checklist: { remember: true }\n");
    assert!(d.is_empty(), "{d:?}");
    assert!(fm.unwrap().about().checklist.unwrap().remember);
}

#[test]
fn print_settings_misspelt_or_out_of_range() {
    let (fm, d) = publication("print: { sise: A5 }\n");
    assert!(fm.unwrap().about().print.clone().unwrap().size.is_none());
    assert_eq!(d, ["3:10: warning: unknown key `sise` in `print:`"]);
    let (fm, d) = publication("print:\n  margins: 10mm 1e30mm\n");
    assert!(fm.is_none());
    assert_eq!(d, ["4:17: error: margin `1e30mm` is wider than 70mm"]);
    let (_, d) = publication("print:\n  margins: NaNmm\n");
    assert_eq!(
        d,
        ["4:12: error: margin `NaNmm` is not a number followed by a unit"]
    );
    let (_, d) = publication("print: { margins: -2mm }\n");
    assert_eq!(d, ["3:19: error: margin `-2mm` must not be negative"]);
    let (_, d) = publication("print: { margins: 2cm }\n");
    assert!(d.is_empty(), "{d:?}");
    let (_, d) = publication("print: { size: A6, margins: 30mm }\n");
    assert_eq!(
        d,
        [
            "3:29: error: these margins leave less than half of a A6 page (105mm by 148mm) for the text"
        ]
    );
    let (_, d) = publication("print: { size: B5, booklet: yes }\n");
    assert_eq!(
        d,
        [
            "3:16: error: unknown paper size `B5`",
            "3:29: error: `booklet` must be true or false"
        ]
    );
    let (_, d) = publication("print: A5\n");
    assert_eq!(
        d,
        ["3:8: error: `print` must be a mapping of settings, not text"]
    );
    let (_, d) = publication("checklist: { remembre: true }\n");
    assert_eq!(d, ["3:14: warning: unknown key `remembre` in `checklist:`"]);
}

#[test]
fn new_page_keys() {
    let (fm, d) = run(
        "---\ntitle: A\ndraft: true\nomit: false\naliases: [old-name, part/older]\nadapts: 081524f1c3eaa8cd\n---\n",
        Role::Chapter,
    );
    assert!(d.is_empty(), "{d:?}");
    let fm = fm.unwrap();
    assert!(fm.draft && !fm.omit);
    assert_eq!(fm.aliases, ["old-name", "part/older"]);
    assert_eq!(fm.adapts.as_deref(), Some("081524f1c3eaa8cd"));
    let (fm, d) = run(
        "---\ntitle: A\ndraft: maybe\naliases: [ok, ../escape]\nadapts: 12\n---\n",
        Role::Chapter,
    );
    assert!(fm.is_none());
    assert_eq!(
        heads(&d),
        [
            "3:8: error: `draft` must be true or false",
            "4:15: error: alias `../escape` has an empty, `.` or `..` part",
            "5:9: error: `adapts` must be the 16-character hash of the page it adapts",
        ]
    );
}

#[test]
fn positions_are_exact_for_nested_and_repeated_keys() {
    let (fm, d) = run("---\ntitle: A\nsummary: b\ntitle: C\n---\n", Role::Chapter);
    assert!(fm.is_none());
    assert_eq!(
        heads(&d),
        ["4:1: error: `title` is given twice; the first is at line 2"]
    );
    let (_, d) = run("---\ntitle: A\norder: x\n---\n", Role::Chapter);
    assert_eq!(heads(&d), ["3:8: error: `order` must be a whole number"]);
    assert_eq!(d[0].hint.as_deref(), Some("order: 3"));
    // Word's heading numbers: the file name takes them.
    let (_, d) = run("---\ntitle: A\norder: 1.5\n---\n", Role::Chapter);
    assert_eq!(
        d[0].hint.as_deref(),
        Some(
            "`order` takes whole numbers (1, 2, 3); for 1.5 between them, start the file's name with it instead, `1.5-name.md`, and take the `order:` line away"
        )
    );
}

#[test]
fn word_leftovers_are_named_at_their_column() {
    let (fm, d) = run("---\ntitle:\u{a0}Signs\n---\n", Role::Chapter);
    assert!(fm.is_none());
    assert_eq!(
        heads(&d),
        [
            "2:7: error: invalid front matter: a non-breaking space (U+00A0) at column 7; type a normal space"
        ]
    );
    let (_, d) = run("---\ntitle:\tSigns\n---\n", Role::Chapter);
    assert_eq!(
        heads(&d),
        [
            "2:7: error: invalid front matter: a tab (U+0009) at column 7 after the key; type a space"
        ]
    );
    let text = "---\ntitle: A\nkind: pocket-guide\nprint:\n\u{a0}\u{a0}size: A5\n---\n";
    let (fm, d) = run(text, Role::PublicationIndex);
    assert!(
        fm.is_none(),
        "the print settings must not be dropped in silence"
    );
    assert_eq!(
        heads(&d),
        [
            "5:1: error: invalid front matter: a non-breaking space (U+00A0) at column 1; type a normal space"
        ]
    );
}

#[test]
fn not_a_mapping() {
    let (fm, d) = run("---\n- a\n- b\n---\n", Role::Chapter);
    assert!(fm.is_none());
    assert_eq!(
        heads(&d),
        ["2:1: error: front matter must be `key: value` lines"]
    );
}

#[test]
fn deep_nesting_is_an_error_at_its_line() {
    let text = format!("---\ntitle: A\nextra: {}\n---\n", "[".repeat(100_000));
    let (fm, d) = run(&text, Role::Chapter);
    assert!(fm.is_none());
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].headline().starts_with("a.md:3:")
            && d[0]
                .message
                .ends_with("values are nested more than 64 levels deep"),
        "{d:?}"
    );
}

#[test]
fn crlf_files_keep_their_positions() {
    let (fm, d) = run(
        "---\r\ntitle: A\r\norder: x\r\n---\r\nbody\r\n",
        Role::Chapter,
    );
    assert!(fm.is_none());
    assert_eq!(heads(&d), ["3:8: error: `order` must be a whole number"]);
}

#[test]
fn a_leftover_that_turned_settings_into_text() {
    let (fm, d) = publication("print:\n  size:\u{a0}A5\n");
    assert!(fm.is_none());
    assert_eq!(
        d,
        [
            "4:8: error: invalid front matter: a non-breaking space (U+00A0) at column 8; type a normal space"
        ]
    );
}

#[test]
fn an_author_list_is_joined_and_ignored_keys_are_not_checked() {
    let index = "---\ntitle: P\nauthor: [WASH Cluster, Ministry of Water]\n---\n";
    let (fm, diags) = run(index, Role::PublicationIndex);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        fm.unwrap().about().author.as_deref(),
        Some("WASH Cluster, Ministry of Water")
    );
    let chapter = "---\ntitle: C\nauthor: [WASH Cluster]\nreviewed: 01/03/2024\n---\n";
    let (fm, diags) = run(chapter, Role::Chapter);
    assert!(fm.is_some());
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`author` only applies to a publication's index page; it is ignored here",
            "`reviewed` only applies to a publication's index page; it is ignored here"
        ]
    );
}

#[test]
fn markup_in_a_title_or_summary_is_said_to_show_as_written() {
    let (fm, d) = run(
        "---\ntitle: Call {{ hotline }} now\nsummary: See [the signs](02-signs.md) first.\n---\n",
        Role::Chapter,
    );
    assert_eq!(
        fm.unwrap().summary.as_deref(),
        Some("See [the signs](02-signs.md) first.")
    );
    assert_eq!(
        heads(&d),
        [
            "2:8: warning: `{{ hotline }}` in `title` is shown as written, in braces: local values are filled in only in a page's text",
            "3:10: warning: `[the signs](02-signs.md)` in `summary` is shown as written: `summary` is plain text, not Markdown",
        ]
    );
    assert_eq!(
        d[1].hint.as_deref(),
        Some("write the words alone here, `the signs`, and the link in the page's text")
    );
    let (_, d) = run(
        "---\ntitle: Risk &amp; safety\nsummary: Don&#8217;t & won't; &x;\n---\n",
        Role::Chapter,
    );
    assert_eq!(
        heads(&d),
        [
            "2:8: warning: `&amp;` in `title` is shown as written: `title` is plain text, not HTML",
            "3:10: warning: `&#8217;` in `summary` is shown as written: `summary` is plain text, not HTML",
        ]
    );
    assert_eq!(
        d[1].hint.as_deref(),
        Some("write the character itself: `’`")
    );
    // A literal `\{{`, and brackets without a target, are text; braces
    // that name no value are Hugo's or Jekyll's template code (sweep 25).
    let (_, d) = run(
        "---\ntitle: \"[sic] \\\\{{hotline}} \\\\{{ site.org }} [a] (b)\"\n---\n",
        Role::Chapter,
    );
    assert!(d.is_empty(), "{:?}", heads(&d));
    let (_, d) = run("---\ntitle: \"{{< ref a >}} [sic]\"\n---\n", Role::Chapter);
    assert_eq!(
        heads(&d),
        [
            "2:8: warning: `{{< ref a >}}` in `title` is shown as written: fieldguide does not run Hugo or Jekyll templates"
        ]
    );
}

#[test]
fn an_alias_in_curly_quotes_is_an_error_with_its_name() {
    let (_, d) = run(
        "---\ntitle: A\naliases: [“old-signs”, ‘older’, women’s-safety]\n---\n",
        Role::Chapter,
    );
    assert_eq!(
        heads(&d),
        [
            "3:11: error: alias `“old-signs”` is wrapped in quotes a word processor typed, which YAML keeps as part of the name",
            "3:24: error: alias `‘older’` is wrapped in quotes a word processor typed, which YAML keeps as part of the name",
        ]
    );
    assert_eq!(
        d[0].hint.as_deref(),
        Some("write it with straight quotes, or none: old-signs")
    );
}

#[test]
fn other_tools_positions_are_a_weight_and_a_fraction_is_only_a_warning() {
    let (fm, d) = run("---\ntitle: A\nsidebar_position: 3\n---\n", Role::Chapter);
    assert_eq!(fm.unwrap().weight, Some(3));
    assert!(d.is_empty(), "{:?}", heads(&d));
    let (fm, d) = run("---\ntitle: A\nnav_order: 2.5\n---\n", Role::Chapter);
    assert_eq!(fm.unwrap().weight, None);
    assert_eq!(
        heads(&d),
        [
            "3:12: warning: `nav_order` is not a whole number: ignored, so the page is placed by its name"
        ]
    );
}

#[test]
fn a_known_key_in_capitals_is_read_unless_written_both_ways() {
    let (fm, d) = run("---\nTitle: A\nDescription: B\n---\n", Role::Chapter);
    let fm = fm.unwrap();
    assert_eq!(
        (fm.title.as_deref(), fm.summary.as_deref()),
        (Some("A"), Some("B"))
    );
    assert_eq!(
        heads(&d),
        [
            "2:1: warning: front-matter key `Title` read as `title`",
            "3:1: warning: front-matter key `Description` read as `description`"
        ]
    );
    let (fm, d) = run("---\ntitle: A\nTitle: B\n---\n", Role::Chapter);
    assert_eq!(fm.unwrap().title.as_deref(), Some("A"));
    assert_eq!(
        heads(&d),
        ["3:1: warning: unknown front-matter key `Title`"]
    );
}

#[test]
fn a_flag_written_otherwise_is_told_the_value_it_meant() {
    for (value, hint) in [
        (
            "no",
            "write `draft: false`: `no` is read as text here, not as false",
        ),
        (
            "Off",
            "write `draft: false`: `off` is read as text here, not as false",
        ),
        (
            "0",
            "write `draft: false`: `0` is read as text here, not as false",
        ),
        (
            "\"false\"",
            "write `draft: false`: `false` is read as text here, not as false",
        ),
        (
            "yes",
            "write `draft: true`: `yes` is read as text here, not as true",
        ),
        ("maybe", "write `draft: true` or `draft: false`"),
    ] {
        let (_, d) = run(
            &format!("---\ntitle: A\ndraft: {value}\n---\n"),
            Role::Chapter,
        );
        assert_eq!(d.len(), 1, "{value}: {d:?}");
        assert_eq!(d[0].hint.as_deref(), Some(hint), "{value}");
    }
}
