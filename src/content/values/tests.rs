use super::*;
use std::path::Path;

fn config() -> Config {
    crate::config::parse(
        "title: T\ndefault_language: en\nlanguages: [en, fr, ar]\n",
        Path::new("site.yaml"),
    )
    .0
    .unwrap()
}

fn text(rel: &str, text: &str, from_base: bool) -> ValuesText {
    ValuesText {
        rel: rel.into(),
        text: text.into(),
        from_base,
    }
}

fn heads(d: &[Diagnostic]) -> Vec<String> {
    d.iter().map(Diagnostic::headline).collect()
}

#[test]
fn a_site_declares_and_sets_values() {
    let mut d = Vec::new();
    let v = build(
        &[text(
            "guidance/values.yaml",
            "hotline:\n  label: { en: National hotline, fr: Ligne nationale }\n  kind: phone\nwebsite: { label: Website, kind: url, value: \"https:\x2f/example.org/\" }\noffice:\n  label: Office\n  value: { en: Main office, fr: Bureau principal }\n",
            false,
        )],
        &config(),
        &mut d,
    );
    assert!(d.is_empty(), "{d:?}");
    let h = v.get("hotline").unwrap();
    assert_eq!(h.kind, ValueKind::Phone);
    assert_eq!(
        h.label,
        ["National hotline", "Ligne nationale", "National hotline"]
    );
    assert_eq!(h.value, [None, None, None]);
    assert_eq!(v.unset(crate::config::LangId(1)), ["hotline"]);
    let o = v.get("office").unwrap();
    assert_eq!(o.kind, ValueKind::Text);
    // Arabic has none: the default language's.
    assert_eq!(
        o.value,
        [
            Some("Main office".into()),
            Some("Bureau principal".into()),
            Some("Main office".into())
        ]
    );
    assert_eq!(
        v.get("website").unwrap().value[2].as_deref(),
        Some("https://example.org/")
    );
}

#[test]
fn an_edition_sets_what_its_base_declares() {
    let mut c = config();
    let base = c.clone();
    c.base_site = Some(crate::config::BaseSite {
        shown: "../global".into(),
        root: "/".into(),
        config: Box::new(base),
    });
    let mut d = Vec::new();
    let v = build(
        &[
            text(
                "../global/guidance/values.yaml",
                "hotline: { label: Hotline, kind: phone }\nemail: { label: E-mail, kind: email, value: global@example.org }\nnote: { label: { en: Note, fr: Note }, value: { en: Global, fr: Mondial } }\n",
                true,
            ),
            text(
                "guidance/values.yaml",
                "hotline:\n  value: \"+000 12 34\"\n  verified: 2026-11-01\nnote: { value: { en: Local } }\nhotlnie: { value: \"1\" }\n",
                false,
            ),
        ],
        &c,
        &mut d,
    );
    assert_eq!(
        heads(&d),
        ["guidance/values.yaml:5:1: error: `hotlnie` is not declared in the base's values.yaml"]
    );
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `hotline`?"));
    let h = v.get("hotline").unwrap();
    assert_eq!(h.value[1].as_deref(), Some("+000 12 34"));
    assert_eq!(h.verified.as_deref(), Some("2026-11-01"));
    assert!(h.set_here);
    assert_eq!(
        (h.file.as_path(), h.line),
        (Path::new("guidance/values.yaml"), 2)
    );
    let e = v.get("email").unwrap();
    assert!(!e.set_here);
    assert_eq!(e.value[0].as_deref(), Some("global@example.org"));
    // Edition in the language, then the base in the language, then the default.
    let n = v.get("note").unwrap();
    assert_eq!(n.value[0].as_deref(), Some("Local"));
    assert_eq!(n.value[1].as_deref(), Some("Mondial"));
    assert_eq!(n.value[2].as_deref(), Some("Local"));
}

#[test]
fn values_are_checked_against_their_kind() {
    let mut d = Vec::new();
    build(
        &[text(
            "guidance/values.yaml",
            "a: { label: A, kind: phone, value: call me }\nb: { label: B, kind: email, value: nobody }\nc: { label: C, kind: url, value: example.org }\nd: { label: D, kind: date, value: 2026-13-01, verified: soon }\ne: { label: E, kind: fax }\n1x: { label: X }\nf: { kind: text, lable: F }\n",
            false,
        )],
        &config(),
        &mut d,
    );
    let mut h = heads(&d);
    h.sort();
    assert_eq!(
        h,
        [
            "guidance/values.yaml:1:36: error: `call me` is not a valid phone for `a`",
            "guidance/values.yaml:2:36: error: `nobody` is not a valid email for `b`",
            "guidance/values.yaml:3:34: error: `example.org` is not a valid url for `c`",
            "guidance/values.yaml:4:35: error: `2026-13-01` is not a valid date for `d`",
            "guidance/values.yaml:4:57: error: `verified` must be a date written YYYY-MM-DD",
            "guidance/values.yaml:5:22: error: `kind` must be text, phone, email, url or date",
            "guidance/values.yaml:6:1: error: `1x` cannot name a value",
            "guidance/values.yaml:7:18: warning: unknown key `lable` in values.yaml",
            "guidance/values.yaml:7:1: warning: the value `f` has no label",
        ]
    );
}

#[test]
fn a_bidirectional_override_in_a_value_is_refused() {
    let mut d = Vec::new();
    build(
        &[text(
            "guidance/values.yaml",
            "office: { label: Office, kind: text, value: \"Room \u{202e}21 B\" }\nname: { label: Name, kind: text, value: \"مكتب \u{200f}21\" }\n",
            false,
        )],
        &config(),
        &mut d,
    );
    let h = heads(&d);
    assert_eq!(h.len(), 1, "{h:?}");
    assert!(
        h[0].starts_with("guidance/values.yaml:1:")
            && h[0].contains("is not a valid text for `office`"),
        "{h:?}"
    );
}

#[test]
fn each_label_and_value_knows_the_language_it_is_really_in() {
    let mut d = Vec::new();
    let v = build(
        &[
            text(
                "global/guidance/values.yaml",
                "office: { label: { en: Office, fr: Bureau } }\nmail: { label: E-mail, kind: email, value: { en: a@example.org } }\nday: { label: { en: Day }, kind: date }\nunnamed: { kind: text }\n",
                true,
            ),
            text(
                "guidance/values.yaml",
                "office: { value: { en: Main office, ar: المكتب الرئيسي } }\nday: { value: 2026-11-01 }\n",
                false,
            ),
        ],
        &config(),
        &mut d,
    );
    let (en, fr, ar) = (LangId(0), LangId(1), LangId(2));
    let c = config();
    let o = v.get("office").unwrap();
    // The label: French's own, Arabic's from English.
    assert_eq!(o.label_lang, [en, fr, en]);
    // The value: Arabic's own, French's from English (the edition's own
    // Arabic before anything of the base's).
    assert_eq!(o.value_lang, [en, en, ar]);
    assert_eq!(o.label_attrs(&c, en), "");
    assert_eq!(o.label_attrs(&c, fr), "");
    assert_eq!(o.label_attrs(&c, ar), " lang=\"en\" dir=\"ltr\"");
    assert_eq!(o.value_attrs(&c, fr), " lang=\"en\"");
    assert_eq!(o.value_attrs(&c, ar), "");
    // Text for every language is in each: nothing to mark.
    let m = v.get("mail").unwrap();
    assert_eq!(m.label_lang, [en, fr, ar]);
    // Another kind's element is left to right already: only its language.
    assert_eq!(m.value_lang, [en, en, en]);
    assert_eq!(m.value_attrs(&c, ar), " lang=\"en\"");
    assert_eq!(v.get("day").unwrap().value_lang, [en, fr, ar]);
    assert_eq!(v.get("day").unwrap().label_lang, [en, en, en]);
    // A value with no label shows its name, in no language in particular.
    let u = v.get("unnamed").unwrap();
    assert_eq!(u.label, ["unnamed", "unnamed", "unnamed"]);
    assert_eq!(u.label_lang, [en, fr, ar]);
    assert_eq!(heads(&d).len(), 1, "{d:?}");
}

#[test]
fn quotes_a_word_processor_typed_and_mailto_are_no_address() {
    use super::ValueKind::{Email, Url};
    use super::parse::problem;
    for bad in [
        "“x@y.org”",
        "‘x@y.org’",
        "mailto:x@y.org",
        "«x@y.org»",
        "x@y.org;z@y.org",
    ] {
        assert!(problem(Email, bad).is_some(), "{bad}");
    }
    assert!(problem(Email, "first.last+tag@example.org").is_none());
    for bad in ["https://example.org/”", "“https://example.org”"] {
        assert!(problem(Url, bad).is_some(), "{bad}");
    }
    assert!(problem(Url, "https://example.org/a?b=c&d=(e)").is_none());
}

#[test]
fn a_phone_number_may_be_typed_in_arabic_indic_or_persian_digits() {
    use super::ValueKind::Phone;
    for ok in ["+234 800 123 4567", "+٢٣٤ ٨٠٠ ١٢٣ ٤٥٦٧", "۰۸۰۰ ۱۱۱ ۲۲۲"] {
        assert_eq!(super::parse::problem(Phone, ok), None, "{ok}");
    }
    let why = super::parse::problem(Phone, "call ٨٠٠").unwrap();
    assert!(why.contains("0-9"), "{why}");
    assert_eq!(super::dial_digit('٧'), Some('7'));
    assert_eq!(super::dial_digit('۴'), Some('4'));
    assert_eq!(super::dial_digit('a'), None);
}
