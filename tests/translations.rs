//! End-to-end: translation status tracked by content hashes, `stamp`,
//! `status`, stale notices, completeness, sitemap alternates, language tags.

mod common;
use common::Site;

const FR_INTRO: &str = "guidance/handbook/01-intro.fr.md";
const EN_INTRO: &str = "guidance/handbook/01-intro.en.md";

fn status_json(site: &Site, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["status", "--format", "json"];
    args.extend_from_slice(extra);
    let o = site.run(&args);
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", o.stdout))
}

fn counts(v: &serde_json::Value, lang: &str, publication: &str) -> (u64, u64, u64, u64) {
    let l = v["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == lang)
        .unwrap();
    let p = l["publications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["publication"] == publication)
        .unwrap();
    let n = |k: &str| p[k].as_u64().unwrap();
    (n("up_to_date"), n("stale"), n("untracked"), n("missing"))
}

#[test]
fn stamp_then_edit_source_makes_stale() {
    let site = Site::fixture("basic");
    // Unstamped translations are untracked; missing ones are counted.
    let v = status_json(&site, &[]);
    // handbook: index, intro, signs, referral, contacts, deep, leaf = 7 pages;
    // French has index, intro and referral.
    assert_eq!(counts(&v, "fr", "handbook"), (0, 0, 3, 4));
    assert_eq!(counts(&v, "en", "handbook"), (7, 0, 0, 0));

    let o = site.run(&["stamp", site.path().join(FR_INTRO).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        counts(&status_json(&site, &[]), "fr", "handbook"),
        (1, 0, 2, 4)
    );
    site.build_ok();
    assert!(
        site.page("fr/handbook/intro.html")
            .select(".notice-stale")
            .is_empty()
    );

    // Whitespace at line ends and line endings do not make it stale.
    let en = site.read(EN_INTRO);
    site.write(EN_INTRO, en.replace('\n', "  \r\n"));
    assert_eq!(
        counts(&status_json(&site, &[]), "fr", "handbook"),
        (1, 0, 2, 4)
    );

    // A real edit does.
    site.write(EN_INTRO, en.replace("Second heading", "Changed heading"));
    let v = status_json(&site, &["--lang", "fr"]);
    assert_eq!(counts(&v, "fr", "handbook"), (0, 1, 2, 4));
    assert_eq!(v["languages"].as_array().unwrap().len(), 1);
    let pages = v["languages"][0]["pages"].as_array().unwrap();
    let stale: Vec<&str> = pages
        .iter()
        .filter(|p| p["status"] == "stale")
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert_eq!(stale, [FR_INTRO]);
    let missing: Vec<&str> = pages
        .iter()
        .filter(|p| p["status"] == "missing")
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert!(
        missing.contains(&"guidance/handbook/02-signs.fr.md"),
        "{missing:?}"
    );

    // The text report and the exit codes.
    let o = site.run(&["status"]);
    assert_eq!(o.code, 0);
    assert!(
        o.stdout.contains(&format!("stale:     {FR_INTRO}")),
        "{}",
        o.stdout
    );
    assert_eq!(site.run(&["status", "--strict"]).code, 1);

    // Readers see it: a notice linking to the original, and the count at home.
    let o = site.build_ok();
    assert!(
        o.stderr.contains(&format!("out of date: {FR_INTRO}")),
        "{}",
        o.stderr
    );
    let p = site.page("fr/handbook/intro.html");
    assert_eq!(
        p.attr(".notice-stale a", "href"),
        "../../en/handbook/intro.html"
    );
    assert_eq!(p.attr(".notice-stale a", "hreflang"), "en");
    let home = site.page("fr/index.html");
    let completeness: Vec<String> = home
        .select(".completeness")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    // Numbers come isolated (FSI ... PDI), as Fluent writes them.
    let n = |n: u32| format!("\u{2068}{n}\u{2069}");
    assert_eq!(
        completeness,
        [
            format!("{} page traduite sur {}", n(0), n(2)),
            format!(
                "{} pages traduites sur {} · {} page à mettre à jour",
                n(3),
                n(7),
                n(1)
            ),
        ]
    );
    assert_eq!(
        home.text_of(".completeness strong"),
        format!("{} page à mettre à jour", n(1))
    );
    // The English home shows no completeness for the source language.
    assert!(
        site.page("en/index.html")
            .select(".completeness")
            .is_empty()
    );

    // Stamping again brings it up to date.
    site.run(&["stamp", site.path().join(FR_INTRO).to_str().unwrap()]);
    assert_eq!(
        site.run(&["status", "--strict", "--lang", "fr"]).code,
        1,
        "missing pages still fail --strict"
    );
    assert_eq!(
        counts(&status_json(&site, &[]), "fr", "handbook"),
        (1, 0, 2, 4)
    );
}

/// A draft is translated before it is published: its translation is
/// stamped like any other (without `--drafts`, which `stamp` does not need).
#[test]
fn a_draft_translation_is_stamped() {
    let site = Site::fixture("basic");
    site.write(FR_INTRO, "---\ntitle: Intro\ndraft: true\n---\nTexte.\n");
    let o = site.run(&["stamp", site.path().join(FR_INTRO).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        site.read(FR_INTRO).contains("\ntranslation_of: "),
        "{}",
        site.read(FR_INTRO)
    );
    // Still a draft: French readers get the English page meanwhile.
    site.build_ok();
    let fr = std::fs::read_to_string(site.out().join("fr/handbook/intro.html")).unwrap();
    assert!(!fr.contains("Texte."));
    // `status` lists it as a draft, not as missing.
    let v = status_json(&site, &[]);
    let fr = v["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "fr")
        .unwrap();
    let page = fr["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["file"] == FR_INTRO)
        .unwrap();
    assert_eq!(page["status"], "draft", "{page}");
    let handbook = fr["publications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["publication"] == "handbook")
        .unwrap();
    assert_eq!(handbook["draft"], 1, "{handbook}");
    let text = site.run(&["status"]).stdout;
    assert!(text.contains(&format!("draft:     {FR_INTRO}")), "{text}");
    assert!(!text.contains(&format!("missing:   {FR_INTRO}")), "{text}");
}

/// A draft translation is not what readers get yet: on a site whose French
/// pages are otherwise all up to date, `status --strict` fails on it alone.
#[test]
fn status_strict_fails_on_a_draft_translation() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("fieldguide")
            .unwrap()
            .args(args)
            .arg("--source")
            .arg(&site)
            .output()
            .unwrap()
            .status
            .code()
    };
    let new = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .arg("new")
        .arg(&site)
        .output()
        .unwrap();
    assert!(new.status.success());
    let strict = ["status", "--strict", "--lang", "fr"];
    assert_eq!(run(&strict), Some(0));
    let fr = site.join("guidance/my-guide/02-next-steps.fr.md");
    let text = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(&fr, text.replacen("---\n", "---\ndraft: true\n", 1)).unwrap();
    assert_eq!(run(&strict), Some(1));
}

#[test]
fn stamp_changes_only_its_line() {
    let site = Site::fixture("basic");
    let weird = "\u{feff}---\r\ntitle:   Intro  \r\n# a comment\r\nextra: { a: 1 }\r\n---\r\nBody with trailing spaces   \r\n\r\nno final newline";
    site.write(FR_INTRO, weird);
    let o = site.run(&["stamp", site.path().join(FR_INTRO).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let after = site.read(FR_INTRO);
    let hash_line = after
        .lines()
        .find(|l| l.starts_with("translation_of: "))
        .unwrap()
        .to_string();
    assert_eq!(
        after.replace(&format!("{hash_line}\r\n"), ""),
        weird,
        "only one line was added"
    );
    // Re-stamping after a source edit replaces the value in place.
    site.write(EN_INTRO, "---\ntitle: Introduction\n---\nNew text.\n");
    site.run(&["stamp", site.path().join(FR_INTRO).to_str().unwrap()]);
    let again = site.read(FR_INTRO);
    let new_line = again
        .lines()
        .find(|l| l.starts_with("translation_of: "))
        .unwrap()
        .to_string();
    assert_ne!(new_line, hash_line);
    assert_eq!(again.replace(&new_line, &hash_line), after);
}

#[test]
fn stamp_refuses_the_source_language() {
    let site = Site::fixture("basic");
    let before = site.read(EN_INTRO);
    let o = site.run(&["stamp", site.path().join(EN_INTRO).to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("is in the source language (en)"),
        "{}",
        o.stderr
    );
    assert_eq!(site.read(EN_INTRO), before);
    let o = site.run(&["stamp", site.path().join("nope.md").to_str().unwrap()]);
    assert_eq!(o.code, 1);
}

/// A page named from the site folder (`--source site`), not from the
/// current folder, was "cannot read: no such file"; it is stamped.
#[test]
fn stamp_finds_a_page_named_from_the_site_folder() {
    let site = Site::fixture("basic");
    assert!(
        !std::path::Path::new(FR_INTRO).exists(),
        "run from elsewhere"
    );
    let o = site.run(&["stamp", FR_INTRO]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(site.read(FR_INTRO).contains("\ntranslation_of: "));
}

/// A page the site cannot read (a key given twice) was "not a page of this
/// site", which sent the translator looking elsewhere; `stamp` now shows
/// the page's own error at its line, and changes nothing.
#[test]
fn stamp_shows_why_a_page_cannot_be_stamped() {
    let site = Site::fixture("basic");
    let text = site
        .read(FR_INTRO)
        .replacen("---\n", "---\ntitle: Twice\n", 1);
    site.write(FR_INTRO, &text);
    let o = site.run(&["stamp", site.path().join(FR_INTRO).to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .contains(&format!("{FR_INTRO}:3:1: error: `title` is given twice")),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("not stamped: the site cannot read this page"),
        "{}",
        o.stderr
    );
    assert!(
        !o.stderr.contains("not a page of this site"),
        "{}",
        o.stderr
    );
    assert_eq!(site.read(FR_INTRO), text);
}

#[test]
fn sitemap_has_hreflang_alternates() {
    let site = Site::fixture("basic");
    site.write(
        "site.yaml",
        format!(
            "{}base_url: https://example.org/guide\n",
            site.read("site.yaml")
        ),
    );
    site.build_ok();
    let xml = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let urls: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    let loc = |u: &roxmltree::Node| {
        u.children()
            .find(|c| c.has_tag_name("loc"))
            .unwrap()
            .text()
            .unwrap()
            .to_string()
    };
    let find = |s: &str| {
        urls.iter()
            .find(|u| loc(u) == s)
            .unwrap_or_else(|| panic!("{s} not in sitemap"))
    };
    // intro exists in en, fr and ar: three alternates and x-default (English).
    let intro = find("https://example.org/guide/fr/handbook/intro.html");
    let alts: Vec<(String, String)> = intro
        .children()
        .filter(|c| c.has_tag_name("link"))
        .map(|c| {
            (
                c.attribute("hreflang").unwrap().to_string(),
                c.attribute("href").unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        alts,
        [
            (
                "en".into(),
                "https://example.org/guide/en/handbook/intro.html".into()
            ),
            (
                "fr".into(),
                "https://example.org/guide/fr/handbook/intro.html".into()
            ),
            (
                "ar".into(),
                "https://example.org/guide/ar/handbook/intro.html".into()
            ),
            (
                "x-default".into(),
                "https://example.org/guide/en/handbook/intro.html".into()
            ),
        ]
    );
    // signs exists only in English: no alternates, and no French fallback URL.
    let signs = find("https://example.org/guide/en/handbook/signs.html");
    assert_eq!(
        signs.children().filter(|c| c.has_tag_name("link")).count(),
        0
    );
    assert!(
        !urls
            .iter()
            .any(|u| loc(u).ends_with("fr/handbook/signs.html"))
    );
    // Pages carry absolute hreflang links when base_url is set.
    let p = site.page("en/handbook/intro.html");
    assert_eq!(
        p.attr("link[hreflang=fr]", "href"),
        "https://example.org/guide/fr/handbook/intro.html"
    );
    // Without base_url there is no sitemap.
    let plain = Site::fixture("basic");
    plain.build_ok();
    assert!(!plain.out().join("sitemap.xml").exists());
}

#[test]
fn bcp47_tags_and_directions() {
    let site = Site::fixture("basic");
    site.write(
        "site.yaml",
        "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: pt-BR, name: Português }\n  - { code: ha-Arab, name: هَوُسَ }\n  - { code: ckb, name: کوردی }\n  - { code: zh-Hant, name: 繁體中文 }\n  - { code: ha, name: Hausa }\n  - { code: fr, name: Français, direction: rtl }\n",
    );
    site.remove("guidance/handbook/01-intro.ar.md");
    site.remove("guidance/handbook/index.ar.md");
    site.write(
        "guidance/handbook/02-signs.pt-BR.md",
        "---\ntitle: Sinais\n---\n## Sinais físicos {#physical-signs}\n",
    );
    let o = site.build_ok();
    let _ = o;
    for (code, dir) in [
        ("en", "ltr"),
        ("pt-BR", "ltr"),
        ("ha-Arab", "rtl"),
        ("ckb", "rtl"),
        ("zh-Hant", "ltr"),
        ("ha", "ltr"),
        ("fr", "rtl"),
    ] {
        let p = site.page(&format!("{code}/handbook/signs.html"));
        assert_eq!(p.attr("html", "lang"), code);
        assert_eq!(p.attr("html", "dir"), dir, "{code}");
    }
    assert_eq!(
        site.page("pt-BR/handbook/signs.html").text_of("h1"),
        "Sinais"
    );
}

#[test]
fn numbers_in_right_to_left_text_are_isolated() {
    let site = Site::fixture("basic");
    site.build_ok();
    let p = site.page("ar/handbook/intro.html");
    let bdi = p.one(".content bdi");
    assert_eq!(bdi.value().attr("dir"), Some("ltr"));
    assert_eq!(bdi.text().collect::<String>(), "+000 00 000 000");
    // Left-to-right pages are left alone.
    assert!(
        site.page("en/handbook/intro.html")
            .select(".content bdi")
            .is_empty()
    );
}

/// Reads the on-screen x position of each character of the first element
/// matching a selector, in a page loaded in a frame.
const BIDI_SCRIPT: &str = r#"
var out = document.getElementById("result"), results = [];
var frame = document.createElement("iframe");
frame.style.cssText = "width:390px;height:800px";
document.body.appendChild(frame);
var checks = CHECKS, i = 0;
function next() {
  if (i >= checks.length) { out.textContent = JSON.stringify(results); return; }
  var c = checks[i++];
  frame.onload = function () {
    var d = frame.contentDocument, el = d.querySelector(c[1]);
    if (!el) { results.push(null); next(); return; }
    var menu = el.closest("details");
    if (menu) menu.open = true;
    var text = el.firstChild, xs = [];
    for (var k = 0; k < text.length; k++) {
      if (text.data[k] === " ") continue;
      var r = d.createRange(); r.setStart(text, k); r.setEnd(text, k + 1);
      xs.push(Math.round(r.getBoundingClientRect().left));
    }
    results.push({ text: text.data, xs: xs, dir: frame.contentWindow.getComputedStyle(el).direction });
    next();
  };
  frame.src = c[0];
}
next();
"#;

#[test]
fn mixed_direction_text_displays_in_order() {
    let Some(chromium) = common::browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    site.build_ok();
    let checks = serde_json::json!([
        // A phone number inside Arabic text reads left to right.
        ["ar/handbook/intro.html", ".content bdi"],
        // An Arabic name in a Latin page's language menu reads right to left.
        ["en/handbook/intro.html", ".languages a[lang=ar]"],
    ]);
    let script = BIDI_SCRIPT.replace("CHECKS", &checks.to_string());
    let out = common::browser::harness(&chromium, &site.out(), &script);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let xs = |i: usize| -> Vec<i64> {
        v[i]["xs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_i64().unwrap())
            .collect()
    };
    let phone = xs(0);
    assert_eq!(v[0]["text"], "+000 00 000 000");
    assert_eq!(v[0]["dir"], "ltr");
    assert!(
        phone.windows(2).all(|w| w[0] < w[1]),
        "digits out of order: {phone:?}"
    );
    let name = xs(1);
    assert!(
        name.windows(2).all(|w| w[0] > w[1]),
        "Arabic letters out of order: {name:?}"
    );
}

/// The basic fixture with the French intro stamped, then `edit` applied to
/// its text.
fn with_broken_intro(edit: impl Fn(&str) -> Vec<u8>) -> Site {
    let site = Site::fixture("basic");
    let o = site.run(&["stamp", site.path().join(FR_INTRO).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let text = site.read(FR_INTRO);
    site.write(FR_INTRO, edit(&text));
    site
}

const ERROR_LINE: &str = "    error:     guidance/handbook/01-intro.fr.md  (source: guidance/handbook/01-intro.en.md)  the file is there but has errors (see the messages): fix them, do not translate it again\n";

/// A case: what it is, how the file is broken, the error it gets.
type Case = (&'static str, fn(&str) -> Vec<u8>, &'static str);

/// A translation whose file is there but fails is shown as such, with its
/// messages, never as missing: a coordinator would commission it again.
#[test]
fn status_shows_a_translation_with_errors_as_an_error_not_missing() {
    let cases: [Case; 3] = [
        (
            "titel",
            |t| t.replacen("title:", "titel:", 1).into_bytes(),
            "guidance/handbook/01-intro.fr.md:1:1: error: missing `title` in front matter",
        ),
        (
            "empty stamp",
            |t| {
                let stamp = t
                    .lines()
                    .find(|l| l.starts_with("translation_of:"))
                    .unwrap();
                t.replacen(stamp, "translation_of:", 1).into_bytes()
            },
            "guidance/handbook/01-intro.fr.md:3:1: error: `translation_of` must be text",
        ),
        (
            "utf-16",
            |t| {
                let mut b = vec![0xFF, 0xFE];
                b.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
                b
            },
            "guidance/handbook/01-intro.fr.md: error: the file is UTF-16 encoded; fieldguide reads UTF-8",
        ),
    ];
    for (what, edit, message) in cases {
        let site = with_broken_intro(edit);
        let o = site.run(&["status", "--lang", "fr"]);
        assert_eq!(o.code, 1, "{what}: {}\n{}", o.stdout, o.stderr);
        assert!(o.stderr.contains(message), "{what}:\n{}", o.stderr);
        assert!(o.stdout.contains(ERROR_LINE), "{what}:\n{}", o.stdout);
        assert!(
            o.stdout.contains(
                "  handbook                           7 pages: 0 up to date, 2 untracked, 4 missing, 1 with errors\n"
            ),
            "{what}:\n{}",
            o.stdout
        );
        assert!(
            !o.stdout
                .contains("missing:   guidance/handbook/01-intro.fr.md")
        );
        assert_eq!(site.run(&["status", "--strict"]).code, 1, "{what}");
        let v = status_json(&site, &["--lang", "fr"]);
        assert_eq!(counts(&v, "fr", "handbook"), (0, 0, 2, 4), "{what}");
        let handbook = &v["languages"][0]["publications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["publication"] == "handbook")
            .unwrap()
            .clone();
        assert_eq!(handbook["error"], 1, "{what}");
        let page = v["languages"][0]["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["file"] == FR_INTRO)
            .unwrap()
            .clone();
        assert_eq!(page["status"], "error", "{what}");
    }
    // The hint that names the fix comes with it, as `build` gives it.
    let site = with_broken_intro(|t| t.replacen("title:", "titel:", 1).into_bytes());
    let o = site.run(&["status"]);
    assert!(
        o.stderr.contains(
            "guidance/handbook/01-intro.fr.md:2:1: warning: unknown front-matter key `titel`"
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("hint: did you mean `title`?"),
        "{}",
        o.stderr
    );
}

/// A `translation_of:` fieldguide did not write is warned about at its
/// line, with how to stamp; the page still counts as stale.
#[test]
fn status_warns_about_a_stamp_fieldguide_did_not_write() {
    for stamp in ["xyz", "12345", "0123456789ABCDEF"] {
        let site = Site::fixture("basic");
        site.write(
            FR_INTRO,
            site.read(FR_INTRO)
                .replacen("---\n", &format!("---\ntranslation_of: {stamp}\n"), 1),
        );
        let o = site.run(&["status", "--lang", "fr"]);
        assert_eq!(o.code, 0, "{stamp}: a warning: {}", o.stderr);
        let warning = format!(
            "guidance/handbook/01-intro.fr.md:2:17: warning: `translation_of: {stamp}` is not a stamp fieldguide wrote (a 16-character hash), so this translation counts as stale\n"
        );
        assert!(o.stderr.contains(&warning), "{stamp}:\n{}", o.stderr);
        assert!(
            o.stderr.contains("hint: check the translation against its source, then run `fieldguide stamp guidance/handbook/01-intro.fr.md`: it writes the right hash on this line"),
            "{stamp}:\n{}",
            o.stderr
        );
        assert!(
            o.stdout.contains(&format!("stale:     {FR_INTRO}")),
            "{stamp}:\n{}",
            o.stdout
        );
        assert_eq!(
            counts(&status_json(&site, &[]), "fr", "handbook"),
            (0, 1, 2, 4)
        );
        assert_eq!(site.run(&["status", "--strict"]).code, 1, "{stamp}");
        // Another language's report does not show it.
        let o = site.run(&["status", "--lang", "ar"]);
        assert!(!o.stderr.contains("translation_of"), "{}", o.stderr);
        // Stamping ends it.
        site.run(&["stamp", site.path().join(FR_INTRO).to_str().unwrap()]);
        let o = site.run(&["status", "--lang", "fr"]);
        assert!(o.stderr.is_empty(), "{}", o.stderr);
        assert_eq!(o.code, 0);
    }
}

/// A site published with known defects (`broken_links: warning`) leaves a
/// translation that cannot be read out, with a warning at its problem, and
/// its readers get the source page, marked as a fallback; without it, or
/// with `--strict`, the build fails and writes nothing.
#[test]
fn a_broken_translation_falls_back_to_its_source_when_defects_are_published() {
    let site = Site::fixture("basic");
    // Saved by an old editor in Windows-1252, and a front matter with a tab.
    site.write(
        "guidance/handbook/01-intro.fr.md",
        b"---\ntitle: Pr\xe9sentation\n---\n\nBonjour.\n",
    );
    site.write(
        "guidance/handbook/index.fr.md",
        "---\ntitle: Manuel\n\tkind: guidelines\n---\n\nTexte.\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(!site.out().exists());
    site.write(
        "site.yaml",
        format!("{}broken_links: warning\n", site.read("site.yaml")),
    );
    let strict = site.run(&["build", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(!site.out().exists());
    let o = site.build_ok();
    for (file, problem) in [
        (
            "guidance/handbook/01-intro.fr.md:2:10: warning: the file is not valid UTF-8 text",
            "01-intro",
        ),
        (
            "guidance/handbook/index.fr.md:3:1: warning: invalid front matter: a tab (U+0009)",
            "index",
        ),
    ] {
        let at = o
            .stderr
            .find(file)
            .unwrap_or_else(|| panic!("{problem}: {}", o.stderr));
        let rest = &o.stderr[at..];
        let end = rest[1..].find("\nguidance/").map_or(rest.len(), |e| e + 1);
        assert!(
            rest[..end].contains("= note: `broken_links: warning`: this translation is not published until it is fixed; readers of Français see the English page"),
            "{problem}: {}",
            &rest[..end]
        );
    }
    for page in ["fr/handbook/intro.html", "fr/handbook/index.html"] {
        let p = site.page(page);
        assert_eq!(p.attr("html", "lang"), "fr", "{page}");
        assert_eq!(p.attr("article", "lang"), "en", "{page}");
        assert_eq!(p.select(".notice-fallback").len(), 1, "{page}");
    }
    // A file in a language the site does not have is left out too.
    site.write(
        "guidance/handbook/01-intro.de.md",
        "---\ntitle: Einführung\n---\n\nHallo.\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr
            .contains("guidance/handbook/01-intro.de.md: warning: "),
        "{}",
        o.stderr
    );
    assert!(!site.out().join("de").exists());
    // `status` names them as files with errors, not as missing.
    let s = site.run(&["status"]);
    assert!(
        s.stdout.contains("error:") && s.stdout.contains("guidance/handbook/01-intro.fr.md"),
        "{}",
        s.stdout
    );
    assert!(
        !s.stdout
            .contains("missing:   guidance/handbook/01-intro.fr.md"),
        "{}",
        s.stdout
    );
}

/// A translation that cannot be read, on a site published with known
/// defects: `build` leaves it out, but `status` (which lists it as `error`)
/// and `check` exit 1 until it is fixed, as `build --strict` does.
#[test]
fn status_and_check_fail_on_a_translation_that_cannot_be_read() {
    let site = Site::fixture("basic");
    site.write(
        "site.yaml",
        format!("{}broken_links: warning\n", site.read("site.yaml")),
    );
    let good = site.read(FR_INTRO);
    // Saved by an old editor in Latin-1.
    site.write(FR_INTRO, b"---\ntitle: Pr\xe9sentation\n---\n\nBonjour.\n");
    site.build_ok();
    let s = site.run(&["status"]);
    assert!(
        s.stdout.contains(&format!("error:     {FR_INTRO}")),
        "{}",
        s.stdout
    );
    assert_eq!(s.code, 1, "{}\n{}", s.stdout, s.stderr);
    assert_eq!(site.run(&["status", "--format", "json"]).code, 1);
    let c = site.run(&["check"]);
    assert_eq!(c.code, 1, "{}", c.stderr);
    assert!(
        c.stderr.contains("1 translation with errors to fix: `build` leaves it out (broken_links: warning) and its readers get the source page, `check` does not pass it"),
        "{}",
        c.stderr
    );
    let c = site.run(&["check", "--format", "json"]);
    assert_eq!(c.code, 1, "{}", c.stderr);
    let v: serde_json::Value = serde_json::from_str(&c.stdout).unwrap();
    assert_eq!(v["translations_with_errors"], serde_json::json!([FR_INTRO]));
    // Fixed, all pass.
    site.write(FR_INTRO, good);
    assert_eq!(site.run(&["status"]).code, 0);
    let c = site.run(&["check"]);
    assert_eq!(c.code, 0, "{}", c.stderr);
}

/// A source page that cannot be read, on a site published with known
/// defects: `build` leaves it out and says so in its summary, and `check`
/// exits 1 until it is fixed (a moved wiki whose pages have no front
/// matter must not pass as clean).
#[test]
fn check_fails_on_a_source_page_that_cannot_be_read() {
    let site = Site::fixture("basic");
    site.write(
        "site.yaml",
        format!("{}broken_links: warning\n", site.read("site.yaml")),
    );
    site.write(
        "guidance/handbook/04-no-front-matter.en.md",
        "# Safe words\n\nAgree on a word that ends the conversation.\n",
    );
    let b = site.build_ok();
    assert!(
        b.stderr.lines().any(|l| l.starts_with("  en ")
            && l.ends_with(", 1 left out until fixed (errors; broken_links: warning)")),
        "{}",
        b.stderr
    );
    let c = site.run(&["check"]);
    assert_eq!(c.code, 1, "{}", c.stderr);
    assert!(
        c.stderr.contains("1 page with errors to fix: `build` leaves it out (broken_links: warning), showing a translation in its place if there is one, `check` does not pass it"),
        "{}",
        c.stderr
    );
    let c = site.run(&["check", "--format", "json"]);
    assert_eq!(c.code, 1, "{}", c.stderr);
    let v: serde_json::Value = serde_json::from_str(&c.stdout).unwrap();
    assert_eq!(
        v["pages_with_errors"],
        serde_json::json!(["guidance/handbook/04-no-front-matter.en.md"])
    );
    assert_eq!(v["translations_with_errors"], serde_json::json!([]));
}

/// `build` and `check` warn about a `translation_of:` fieldguide did not
/// write at its line, once, as `status` does.
#[test]
fn build_and_check_warn_about_a_stamp_fieldguide_did_not_write() {
    let site = Site::fixture("basic");
    site.write(
        FR_INTRO,
        site.read(FR_INTRO)
            .replacen("---\n", "---\ntranslation_of: abc\n", 1),
    );
    let warning = "guidance/handbook/01-intro.fr.md:2:17: warning: `translation_of: abc` is not a stamp fieldguide wrote (a 16-character hash), so this translation counts as stale\n";
    for args in [&["build"][..], &["check"], &["status"]] {
        let o = site.run(args);
        assert_eq!(o.code, 0, "{args:?}: {}", o.stderr);
        assert_eq!(
            o.stderr.matches(warning).count(),
            1,
            "{args:?}: {}",
            o.stderr
        );
    }
    let o = site.run(&["check", "--format", "json"]);
    assert_eq!(
        o.stdout.matches("translation_of: abc").count(),
        1,
        "{}",
        o.stdout
    );
    assert_eq!(site.run(&["check", "--strict"]).code, 1);
    // With an error in the same file, `status` shows the file's messages
    // (it has errors) and still says this one once.
    site.write(
        FR_INTRO,
        site.read(FR_INTRO)
            .replacen("---\n", "---\naliases: [signs]\n", 1),
    );
    let o = site.run(&["status"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(
        o.stderr
            .matches(warning.replace(":2:17", ":3:17").as_str())
            .count(),
        1,
        "{}",
        o.stderr
    );
}

/// `--lang` takes a language as `translate import` reads one (any case,
/// `_` for `-`, a region the site does not have); an unknown language or
/// date is a usage error (exit 2).
#[test]
fn status_reads_languages_as_translate_import_does() {
    let site = Site::fixture("basic");
    for spelled in ["FR", "Fr", "fr_FR", "fr-CA"] {
        let o = site.run(&["status", "--lang", spelled, "--format", "json"]);
        assert_eq!(o.code, 0, "{spelled}: {}", o.stderr);
        let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
        let codes: Vec<&str> = v["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["fr"], "{spelled}");
    }
    for bad in ["pt_BR", "de", ""] {
        let o = site.run(&["status", "--lang", bad]);
        assert_eq!(o.code, 2, "{bad}: {}", o.stderr);
        assert!(
            o.stderr.contains(&format!(
                "error: `--lang {bad}` is not one of the site's languages (en, fr, ar)"
            )),
            "{}",
            o.stderr
        );
    }
    let o = site.run(&["status", "--today", "2026-13-45"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
}

#[test]
fn a_block_inserted_in_the_source_is_missing_not_changed() {
    let site = Site::sample();
    let (en, fr) = (
        "guidance/pocket-guide/01-preparing.en.md",
        "guidance/pocket-guide/01-preparing.fr.md",
    );
    let o = site.run(&["stamp", site.path().join(fr).to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let item = "- Switch off radios. Put your phone on silent.\n";
    let text = site.read(en);
    assert!(text.contains(item));
    site.write(
        en,
        text.replace(item, &format!("{item}- Bring a pen and paper.\n")),
    );
    let v = status_json(&site, &["--lang", "fr"]);
    let page = v["languages"][0]["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["file"] == fr)
        .unwrap();
    assert_eq!(
        page["segments"],
        serde_json::json!({"translated": 21, "changed": 0, "missing": 1})
    );
    let out = site.path().join("out");
    let o = site.run(&[
        "translate",
        "export",
        "--lang",
        "fr",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let po = std::fs::read_to_string(out.join("pocket-guide.po")).unwrap();
    let entry = |key: &str| {
        let at = po.find(&format!("msgctxt \"{key}\"")).unwrap();
        let start = po[..at].rfind("\n\n").unwrap_or(0);
        let end = po[at..].find("\n\n").map_or(po.len(), |e| at + e);
        po[start..end].to_string()
    };
    let new = entry("01-preparing#safe-space/list1.5");
    assert!(
        new.contains("msgid \"Bring a pen and paper.\"\nmsgstr \"\""),
        "{new}"
    );
    assert!(!new.contains("fuzzy") && !new.contains("#|"), "{new}");
    let next = entry("01-preparing#safe-space/list1.6");
    assert!(
        !next.contains("fuzzy") && !next.contains("msgstr \"\""),
        "{next}"
    );
}
