use super::*;

fn cfg(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
    parse(text, Path::new("site.yaml"))
}

fn heads(d: &[Diagnostic]) -> Vec<String> {
    d.iter().map(Diagnostic::headline).collect()
}

const BASIC: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\n";

#[test]
fn full_config() {
    let (c, d) = cfg(
        "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\n  - { code: ha, name: Hausa, direction: rtl }\nbase_url: https://x.org/g\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let c = c.unwrap();
    assert_eq!(c.languages[1].dir, Direction::Rtl);
    assert_eq!(c.languages[2].dir, Direction::Rtl);
    assert_eq!(c.base_url.as_deref(), Some("https://x.org/g/"));
    assert_eq!(c.title_for("ar"), "T");
    assert_eq!(c.broken_links, BrokenLinks::Error);
    assert!(c.download && !c.offline && !c.allow_raw_html);
    assert_eq!((c.review_every, c.base, c.edition), (None, None, None));
}

/// Languages given by code alone are named in their own language where
/// the code is a common one, else by the code.
#[test]
fn languages_by_code_get_their_own_names() {
    let (c, d) = cfg("title: T\ndefault_language: en\nlanguages: [en, fr, pt-BR, sw, bm]\n");
    assert!(d.is_empty(), "{d:?}");
    let c = c.unwrap();
    let names: Vec<&str> = c.languages.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["English", "Français", "Português", "Kiswahili", "bm"]
    );
    // In an edition, a language listed by code alone takes its base's
    // name, even where fieldguide knows one; a name given is kept.
    let (base, _) = cfg(
        "title: T\ndefault_language: en\nlanguages: [en, { code: fr, name: Français (Arvenia) }]\n",
    );
    let (edition, _) =
        cfg("title: T\ndefault_language: en\nlanguages: [{ code: en, name: Local English }, fr]\n");
    let mut langs = edition.unwrap().languages;
    base::name_languages(&mut langs, &base.unwrap());
    let names: Vec<&str> = langs.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Local English", "Français (Arvenia)"]);
    // A name given is kept.
    let (c, _) =
        cfg("title: T\ndefault_language: en\nlanguages: [en, { code: fr, name: French }]\n");
    assert_eq!(c.unwrap().languages[1].name, "French");
}

/// `ha` and `ha-Arab` were both "Hausa" in the language menu, and
/// nothing said so: readers of Ajami could not find theirs.
#[test]
fn two_languages_shown_by_one_name_are_a_warning() {
    let (_, d) = cfg("title: T\ndefault_language: ha\nlanguages: [en, ha, ha-Arab]\n");
    assert_eq!(
        heads(&d),
        [
            "site.yaml:3:21: warning: `ha` and `ha-Arab` are both shown as \"Hausa\" in the language menu: readers cannot tell them apart"
        ]
    );
    assert!(
        d[0].hint
            .as_deref()
            .unwrap()
            .contains("code: ha-Arab, name:")
    );
    let (_, d) = cfg(
        "title: T\ndefault_language: pt\nlanguages:\n  - pt\n  - { code: pt-BR, name: Português (Brasil) }\n",
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn localized_title_and_unknown_key() {
    let (c, d) = cfg(
        "title: { en: Guide, fr: Guide FR }\ndefault_language: en\nlanguages: [en, fr]\ntitel: x\n",
    );
    assert_eq!(c.unwrap().title_for("fr"), "Guide FR");
    assert_eq!(
        heads(&d),
        ["site.yaml:4:1: warning: unknown key `titel` in site.yaml"]
    );
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn errors_point_at_lines() {
    let (c, d) = cfg("title: T\ndefault_language: de\nlanguages:\n  - { code: en_GB }\n");
    assert!(c.is_none());
    let mut lines: Vec<_> = d.iter().map(|d| (d.line, d.col)).collect();
    lines.sort();
    assert_eq!(lines, [(2, 19), (4, 13)], "{d:?}");
}

#[test]
fn a_language_listed_twice_is_reported_at_the_second() {
    let (c, d) =
        cfg("title: T\ndefault_language: en\nlanguages:\n  - en\n  - fr\n  - { code: en }\n");
    assert!(c.is_none());
    assert_eq!(
        heads(&d),
        ["site.yaml:6:13: error: language `en` is listed twice"]
    );
}

#[test]
fn title_for_an_unlisted_language_is_a_warning_at_its_key() {
    let (c, d) = cfg("title:\n  en: T\n  de: T\ndefault_language: en\nlanguages: [en]\n");
    assert!(c.is_some());
    assert_eq!(
        heads(&d),
        ["site.yaml:3:3: warning: title given for `de`, which is not a listed language"]
    );
}

#[test]
fn new_keys_are_typed() {
    let (c, d) = cfg(&format!(
        "{BASIC}broken_links: warning\nreview_every: 6 months\nbase: ../global\nedition: {{ name: {{ en: Kenya edition, fr: Édition Kenya }} }}\n"
    ));
    assert!(d.is_empty(), "{d:?}");
    let c = c.unwrap();
    assert_eq!(c.broken_links, BrokenLinks::Warning);
    assert_eq!(
        c.review_every,
        Some(Period {
            count: 6,
            unit: PeriodUnit::Month
        })
    );
    assert_eq!(c.base, Some(PathBuf::from("../global")));
    assert_eq!(c.edition.unwrap().name["fr"], "Édition Kenya");
}

#[test]
fn new_keys_report_bad_values() {
    let (c, d) = cfg(&format!(
        "{BASIC}broken_links: ignore\nreview_every: often\nbase: ''\nedition: {{ nmae: x }}\n"
    ));
    assert!(c.is_none());
    assert_eq!(
        heads(&d),
        [
            "site.yaml:4:1: error: `broken_links` must be `error` or `warning`",
            "site.yaml:5:15: error: `review_every`: `often` is not a number of days, weeks, months or years",
            "site.yaml:6:7: error: `base` must be the path of the base site's folder",
            "site.yaml:7:12: warning: unknown key `nmae` in `edition:`",
        ]
        .map(|s| s.replace("4:1:", "4:15:"))
    );
    assert_eq!(d[3].hint.as_deref(), Some("did you mean `name`?"));
}

#[test]
fn bools_and_invisible_characters() {
    let (c, d) = cfg(&format!("{BASIC}offline: yes\n"));
    assert!(c.is_none());
    assert_eq!(
        heads(&d),
        ["site.yaml:4:10: error: `offline` must be true or false"]
    );
    let (c, d) = cfg("title: T\nlanguages:\n  -\u{a0}en\n");
    assert!(c.is_none());
    assert_eq!(
        heads(&d),
        [
            "site.yaml:3:4: error: invalid site.yaml: a non-breaking space (U+00A0) at column 4; type a normal space"
        ]
    );
}

#[test]
fn not_yaml_or_not_a_mapping() {
    let (c, d) = cfg("- a\n");
    assert!(c.is_none());
    assert_eq!(
        heads(&d),
        ["site.yaml:1:1: error: site.yaml must be a mapping of keys to values"]
    );
    let (_, d) = cfg("title: T\n---\ntitle: U\n");
    assert_eq!(
        heads(&d),
        ["site.yaml:2:1: error: invalid site.yaml: a second YAML document starts here"]
    );
}

/// `global/` (a site) and `local/` (an edition of it) in a temporary folder.
fn pair(local: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = tmp.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "global/site.yaml",
        "title: { en: Global, fr: Global FR }\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\nauthor: Team\nreview_every: 3 months\nbase_url: https://example.org/\n",
    );
    std::fs::create_dir_all(tmp.path().join("global/guidance")).unwrap();
    write("local/site.yaml", local);
    tmp
}

#[test]
fn an_edition_takes_what_it_leaves_out_from_its_base() {
    let tmp = pair("base: ../global\nedition: { name: Local }\nlanguages: [fr]\n");
    let (c, d) = load(&tmp.path().join("local"));
    assert!(d.is_empty(), "{d:?}");
    let c = c.unwrap();
    assert_eq!(
        (c.languages[0].name.as_str(), c.languages.len()),
        ("Français", 1)
    );
    assert_eq!(c.default_language, "fr");
    assert_eq!(c.title_for("fr"), "Global FR");
    assert_eq!(c.author.as_deref(), Some("Team"));
    assert_eq!(c.review_every.map(|p| p.count), Some(3));
    // Its own address, never the base's.
    assert_eq!(c.base_url, None);
    assert_eq!(c.edition_name("fr"), Some("Local"));
    let base = c.base_site.unwrap();
    assert_eq!(base.shown, PathBuf::from("../global"));
    assert_eq!(base.root, tmp.path().join("global").canonicalize().unwrap());
    // Parsed alone, the same file does not follow its base.
    let (c, _) = parse(
        "base: ../global\ntitle: T\nlanguages: [en]\n",
        Path::new("site.yaml"),
    );
    assert!(c.unwrap().base_site.is_none());
}

#[test]
fn an_edition_of_an_edition_or_of_itself_is_refused() {
    let tmp = pair("base: ../global\nedition: { name: Local }\n");
    std::fs::create_dir_all(tmp.path().join("local/guidance")).unwrap();
    std::fs::create_dir_all(tmp.path().join("third")).unwrap();
    std::fs::write(tmp.path().join("third/site.yaml"), "base: ../local\n").unwrap();
    let (c, d) = load(&tmp.path().join("third"));
    assert!(c.is_none());
    assert_eq!(
        heads(&d),
        [
            "site.yaml:1:7: error: the base `../local` is itself a local edition (its site.yaml has `base:`)"
        ]
    );
    std::fs::write(tmp.path().join("third/site.yaml"), "base: .\n").unwrap();
    let (_, d) = load(&tmp.path().join("third"));
    assert_eq!(
        heads(&d),
        ["site.yaml:1:7: error: an edition cannot be its own base"]
    );
}

#[test]
fn base_url_paths_that_name_another_host_are_refused() {
    for (url, why) in [
        (
            "https://example.org//guide/",
            "has `//` or `\\` in its path",
        ),
        (
            "https://example.org//evil.example/",
            "has `//` or `\\` in its path",
        ),
        (
            "https://example.org/\\evil.example/",
            "has `//` or `\\` in its path",
        ),
        ("https:///guide/", "has no host"),
        ("https://example.org/a guide/", "must be a plain address"),
        ("https://example.org/?x=1", "must be a plain address"),
    ] {
        let (c, d) = cfg(&format!("{BASIC}base_url: '{url}'\n"));
        assert!(c.is_none(), "{url}");
        let h = heads(&d);
        assert_eq!(h.len(), 1, "{url}: {h:?}");
        assert!(
            h[0].starts_with(&format!("site.yaml:4:11: error: `base_url` {why}")),
            "{url}: {h:?}"
        );
    }
    let (c, d) = cfg(&format!(
        "{BASIC}base_url: https://example.org:8080/field/guide\n"
    ));
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        c.unwrap().base_url.as_deref(),
        Some("https://example.org:8080/field/guide/")
    );
}

#[test]
fn language_codes_windows_reserves_are_refused() {
    for code in ["con", "NUL", "prn", "aux"] {
        let (c, d) = cfg(&format!(
            "title: T\ndefault_language: en\nlanguages: [en, {code}]\n"
        ));
        assert!(c.is_none(), "{code}");
        let h = heads(&d);
        assert!(
            h.iter().any(|l| l.contains(&format!(
                "`{code}` cannot be a language code here: Windows reserves the name"
            ))),
            "{code}: {h:?}"
        );
    }
}

/// Every page links every language: a list past [`language::MAX_LANGUAGES`]
/// is an error at the first language too many.
#[test]
fn more_than_two_hundred_languages_are_refused_at_the_one_too_many() {
    let codes: Vec<String> = (0..210)
        .map(|i| format!("q{}{}", (b'a' + i / 26) as char, (b'a' + i % 26) as char))
        .collect();
    let site = |n: usize| {
        let list: String = codes[..n].iter().map(|c| format!("  - {c}\n")).collect();
        format!("title: T\ndefault_language: qaa\nlanguages:\n{list}")
    };
    let (c, d) = cfg(&site(200));
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(c.unwrap().languages.len(), 200);
    let (_, d) = cfg(&site(210));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(heads(&d)[0].contains("more than 200 languages"), "{d:?}");
    // The 201st item, on line 3 + 201.
    assert_eq!(d[0].line, 204);
}
