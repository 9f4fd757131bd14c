//! End-to-end: local values (`{{hotline}}`) in a local edition and its
//! base: every kind rendered as itself, an unset value as a gap on screen
//! and a line to write on in print, `check` and `status` listing what to
//! fill in or check again, unknown names as errors. See `editions.rs` for
//! the fixture.

mod common;
use common::Page;
use common::edition::{Edition, content, run_in};
use scraper::Html;

#[test]
fn every_kind_of_value_renders_as_itself() {
    let e = Edition::new();
    e.build_ok();
    let p = e.page("en/guide/contacts.html");
    let phone = p.one(".content a.value-phone");
    assert_eq!(phone.value().attr("href"), Some("tel:+00012345678"));
    assert_eq!(
        p.text_of(".content a.value-phone bdi[dir=ltr]"),
        "+000 12 345 678"
    );
    assert_eq!(
        p.attr(".content a.value-email", "href"),
        "mailto:office@example.org"
    );
    assert_eq!(p.text_of(".content a.value-email"), "office@example.org");
    assert_eq!(
        p.attr(".content a.value-url", "href"),
        "https://example.org/lakeland"
    );
    assert_eq!(p.attr(".content time.value-date", "datetime"), "2026-09-01");
    assert_eq!(p.attr(".content time.value-date", "dir"), "ltr");
    assert_eq!(
        content(&p),
        "Hotline +000 12 345 678, e-mail office@example.org, web https://example.org/lakeland, updated 2026-09-01, office Lake Street office, shelter To be filled in locally: Safe shelter."
    );
    // Text values are per language; the base's French page uses the phone too.
    let fr = e.page("fr/guide/intro.html");
    assert_eq!(fr.text_of(".content a.value-phone"), "+000 12 345 678");
    // A phone number never wraps.
    let css = std::fs::read_to_string(e.local().join("public/assets/site.css")).unwrap();
    assert!(
        css.contains(
            "a[href^=\"tel:\"],.value-phone,.value-email,.value-date{white-space:nowrap;}"
        ),
        "{css}"
    );
}

#[test]
fn an_unset_value_is_a_marked_gap_on_screen_and_a_line_to_write_on_in_print() {
    let e = Edition::new();
    e.build_ok();
    let p = e.page("en/guide/contacts.html");
    let gap = p.one(".content .value-unset");
    assert_eq!(
        gap.text().collect::<String>(),
        "To be filled in locally: Safe shelter"
    );
    assert_eq!(p.text_of(".value-unset-label"), "Safe shelter");
    assert_eq!(p.attr(".value-write-in", "aria-hidden"), "true");
    // French readers get the French label and note.
    let fr = e.page("fr/guide/intro.html");
    assert!(fr.select(".value-unset").is_empty(), "the hotline is set");
    // The print page holds the same gap; print.css shows the label and a
    // line, not the screen's note.
    let print = e.page("en/guide/print.html");
    assert_eq!(
        print.text_of(".value-unset .value-unset-label"),
        "Safe shelter"
    );
    let css = std::fs::read_to_string(e.local().join("public/assets/print.css")).unwrap();
    assert!(css.contains(".value-unset-note{display:none;}"), "{css}");
    assert!(
        css.contains(".value-write-in{display:inline-block;min-width:35mm;"),
        "{css}"
    );
}

#[test]
fn the_base_site_itself_prints_every_value_as_a_gap() {
    let e = Edition::new();
    let global = e.site.path().join("global");
    let o = run_in(&global, &["build"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let text = std::fs::read_to_string(global.join("public/fr/guide/intro.html")).unwrap();
    let p = Page {
        html: Html::parse_document(&text),
        text,
    };
    assert_eq!(
        p.text_of(".content .value-unset"),
        format!(
            "{} Ligne nationale",
            common::label("fr", "value-to-fill-in")
        )
    );
    // `check` lists what is left to fill in, per language.
    let o = run_in(&global, &["check"]);
    assert!(
        o.stderr.lines().any(|l| l
            == "  fr     values to fill in locally (readers see a gap): hotline, office, office_email, shelter, updated, website"),
        "{}",
        o.stderr
    );
}

#[test]
fn check_and_status_list_what_the_country_team_must_look_after() {
    let e = Edition::new();
    let o = e.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["unset_values"]["en"], serde_json::json!(["shelter"]));
    assert_eq!(v["unset_values"]["fr"], serde_json::json!(["shelter"]));
    let o = e.run(&["check"]);
    assert!(
        o.stderr
            .lines()
            .any(|l| l == "  en     values to fill in locally (readers see a gap): shelter"),
        "{}",
        o.stderr
    );
    // Values verified longer ago than `review_every` (6 months).
    let o = e.run(&["status", "--today", "2026-08-01"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout.contains(
            "local values to check again\n  office_email         verified 2026-01-15, due 2026-07-15  (guidance/values.yaml:2)\n"
        ),
        "{}",
        o.stdout
    );
    let o = e.run(&["status", "--today", "2026-07-14", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["values_to_check"], serde_json::json!([]));
    let o = e.run(&["status", "--today", "2027-03-02", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let names: Vec<&str> = v["values_to_check"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["hotline", "office", "office_email", "updated", "website"]
    );
    // A usage error, as for any bad option.
    assert_eq!(e.run(&["status", "--today", "soon"]).code, 2);
}

#[test]
fn an_unknown_value_is_an_error_at_its_line_with_a_suggestion() {
    let e = Edition::new();
    e.site.write(
        "local/guidance/guide/05-local-services.en.md",
        "---\ntitle: Local services\n---\n\nCall {{hotlne}}, not \\{{hotline}}.\n",
    );
    let o = e.run(&["check"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.lines().any(|l| l
            == "guidance/guide/05-local-services.en.md:5:6: error: unknown value `{{hotlne}}`"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("= hint: did you mean `{{hotline}}`?"),
        "{}",
        o.stderr
    );
    // Setting a value the base does not declare is an error too.
    e.site.write(
        "local/guidance/guide/05-local-services.en.md",
        "---\ntitle: Local services\n---\n\nWrite \\{{hotline}} for the hotline.\n",
    );
    e.site.write(
        "local/guidance/values.yaml",
        "hotlnie: { value: \"+000 1\" }\n",
    );
    let o = e.run(&["check"]);
    assert!(
        o.stderr.lines().any(|l| l
            == "guidance/values.yaml:1:1: error: `hotlnie` is not declared in the base's values.yaml"),
        "{}",
        o.stderr
    );
    e.site.write("local/guidance/values.yaml", "");
    e.build_ok();
    assert_eq!(
        content(&e.page("en/guide/local-services.html")),
        "Write {{hotline}} for the hotline."
    );
}

#[test]
fn the_pdf_carries_the_edition_and_prints_a_line_for_each_unset_value() {
    let Some(browser) = common::browser::require() else {
        return;
    };
    let e = Edition::new();
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(["pdf", "--source"])
        .arg(e.local())
        .env("FIELDGUIDE_BROWSER", &browser)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = e.local().join("public/en/guide/guide.en.pdf");
    let doc = lopdf::Document::load(&pdf).unwrap();
    let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let title = doc
        .get_object(id)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"Title")
        .unwrap();
    assert_eq!(
        fieldguide::pdf::metadata::decode_text(title.as_str().unwrap()),
        "Field guide · Lakeland edition"
    );
    // On paper, an unset value is its label and a line: not the screen's note.
    let Ok(text) = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
    else {
        assert!(
            std::env::var_os("FIELDGUIDE_REQUIRE_BROWSER").is_none(),
            "pdftotext missing: apt-get install poppler-utils"
        );
        return;
    };
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("shelter Safe shelter"), "{text}");
    assert!(
        !text.contains(&common::label("en", "value-to-fill-in")),
        "{text}"
    );
}
