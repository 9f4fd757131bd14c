//! What an outside sweep of real-world input found this round: a local
//! value inside a link's address published as braces, and language codes
//! that CLDR writes otherwise (`prs` for Dari, `ara` for Arabic) read as
//! left to right.

mod common;

use common::Site;

/// `[call](tel:{{hotline}})` was published as a link that dials
/// `{{hotline}}`, with no word from `check`: only a whole target
/// (`({{hotline}})`) was an error. A value anywhere in an address is now
/// the same error, with the same hint, and never published as braces.
#[test]
fn a_value_inside_a_link_address_is_an_error_not_braces() {
    let s = Site::signs_with(
        "[Call us](tel:{{hotline}}), [write](mailto:{{email}}), [the form](https://{{domain}}/form).\n",
    );
    s.write(
        "guidance/values.yaml",
        "hotline: { kind: phone, label: { en: Hotline }, value: \"+234 800 000\" }\n\
         email: { kind: email, label: { en: E-mail }, value: \"help@example.org\" }\n\
         domain: { label: { en: Domain }, value: \"example.org\" }\n",
    );
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    for (dest, value) in [
        ("tel:{{hotline}}", "{{hotline}}"),
        ("mailto:{{email}}", "{{email}}"),
        ("https://{{domain}}/form", "{{domain}}"),
    ] {
        let message = format!(
            "error: `{dest}`: the local value `{value}` is not filled into a link's address, only into a page's text"
        );
        assert!(o.stderr.contains(&message), "{message}\n{}", o.stderr);
    }
    assert!(
        o.stderr
            .contains("  = hint: write `{{hotline}}` in the text instead of this link"),
        "{}",
        o.stderr
    );
    // Published anyway, the links are their text: nothing dials braces.
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    s.build_ok();
    let page = s.page("en/handbook/signs.html");
    let hrefs: Vec<String> = page
        .select("a[href]")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(!hrefs.iter().any(|h| h.contains('{')), "{hrefs:?}");
    assert!(page.text_of("div.content").contains("Call us"));
}

/// Dari as `prs`, Persian as `pes`, Arabic as `arb` or ISO 639-2's `ara`:
/// valid codes, which ICU's likely scripts do not know (only `fa-AF`,
/// `fa`, `ar`), so their pages were left to right, named by their codes,
/// with English interface strings. They are read as the codes CLDR writes.
#[test]
fn codes_cldr_writes_otherwise_get_their_languages_direction_and_strings() {
    let s = Site::fixture("basic");
    s.write(
        "site.yaml",
        "title: Test guidance\ndefault_language: en\nlanguages: [en, fr, ar, prs, ara, pbu]\n",
    );
    for code in ["prs", "ara"] {
        for f in ["01-intro", "index"] {
            let ar = s.read(&format!("guidance/handbook/{f}.ar.md"));
            s.write(&format!("guidance/handbook/{f}.{code}.md"), ar);
        }
    }
    s.build_ok();
    for code in ["prs", "ara", "pbu"] {
        let page = s.page(&format!("{code}/handbook/intro.html"));
        assert_eq!(page.attr("html", "lang"), code);
        assert_eq!(page.attr("html", "dir"), "rtl", "{code}");
    }
    // Persian's and Arabic's built-in strings (the theme has no Pashto).
    for code in ["prs", "ara"] {
        let page = s.page(&format!("{code}/handbook/intro.html"));
        let label = page.attr("input[type=search]", "placeholder");
        assert!(!label.is_ascii(), "{code}: {label}");
    }
    let home = s.page("index.html");
    let names = home.text_of("body");
    for name in ["دری", "العربية", "پښتو"] {
        assert!(names.contains(name), "{name}: {names}");
    }
}

/// An icon of one PNG, as `favicon.ico` files are made today.
fn icon_of(png: &[u8]) -> Vec<u8> {
    let mut out = vec![0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0];
    out.extend_from_slice(&(png.len() as u32).to_le_bytes());
    out.extend_from_slice(&22u32.to_le_bytes());
    out.extend_from_slice(png);
    out
}

/// `static/favicon.ico`, which nearly every site moved from Hugo, Jekyll
/// or Docusaurus has, failed the build as "not a type fieldguide
/// publishes"; the only way out offered was `allow_raw_html: true`. An
/// icon is an image now: published, each PNG inside without its metadata.
/// A web app manifest is still refused, for what it does, not as script.
#[test]
fn a_favicon_is_published_without_the_metadata_of_its_pngs() {
    let s = Site::fixture("basic");
    let png = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos/plain.png"),
    )
    .unwrap();
    // A text chunk after IHDR, as editors write the author's name.
    let ihdr_end = 8 + 8 + 13 + 4;
    let mut tagged = png[..ihdr_end].to_vec();
    let text = b"Author\0GPSSECRETMARK";
    tagged.extend_from_slice(&(text.len() as u32).to_be_bytes());
    tagged.extend_from_slice(b"tEXt");
    tagged.extend_from_slice(text);
    tagged.extend_from_slice(&[0; 4]);
    tagged.extend_from_slice(&png[ihdr_end..]);
    s.write("static/favicon.ico", icon_of(&tagged));
    s.build_ok();
    let published = std::fs::read(s.out().join("favicon.ico")).unwrap();
    assert_eq!(published, icon_of(&png));

    s.write("static/manifest.webmanifest", "{\"name\": \"Guidance\"}");
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "a .webmanifest file tells the reader's browser to install the site as an app"
        ),
        "{}",
        o.stderr
    );
}

/// `![flow](flow.svg)` beside `flow.en.svg` and `flow.fr.svg` only was a
/// bare "missing image file": the hint now says a page shows its
/// language's version, and which file to rename or link to.
#[test]
fn an_image_with_only_language_versions_is_told_the_file_to_rename() {
    let s = Site::signs_with("![Referral flow](flow.svg)\n");
    for code in ["en", "fr"] {
        s.write(
            &format!("guidance/handbook/flow.{code}.svg"),
            format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>{code}</title></svg>"),
        );
    }
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let hint = "  = hint: there is no `flow.svg`, only its language versions (`flow.en.svg`, `flow.fr.svg`): a page shows the version in its language, and `flow.svg` where there is none; rename `flow.en.svg` to `flow.svg`, or link to `flow.en.svg`";
    assert!(o.stderr.lines().any(|l| l == hint), "{}", o.stderr);
}

/// `pt-br` in site.yaml and files named `.pt-BR.md`, as the README writes
/// the code: each file was told to be renamed to the site's spelling, with
/// no word that site.yaml's one line is the other way out.
#[test]
fn a_code_in_another_case_than_bcp_47s_points_at_site_yaml_too() {
    let s = Site::fixture("basic");
    let yaml = s.read("site.yaml").replace("code: fr,", "code: pt-br,");
    s.write("site.yaml", yaml);
    for f in ["01-intro", "index"] {
        let fr = s.read(&format!("guidance/handbook/{f}.fr.md"));
        s.remove(&format!("guidance/handbook/{f}.fr.md"));
        s.write(&format!("guidance/handbook/{f}.pt-BR.md"), fr);
    }
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let hint = "  = hint: rename the file `01-intro.pt-br.md`, or write the language `pt-BR` in site.yaml, as BCP 47 writes it (then every file of it is named `.pt-BR.md`)";
    assert!(o.stderr.lines().any(|l| l == hint), "{}", o.stderr);
}

/// The sitemap protocol asks for addresses escaped as RFC 3986 writes
/// them; a page named in Arabic or Hindi was listed with its letters as
/// they are. Every address is now ASCII, and reads back as the page.
#[test]
fn the_sitemap_lists_addresses_percent_encoded() {
    let s = Site::fixture("basic");
    let yaml = s.read("site.yaml");
    s.write(
        "site.yaml",
        format!("{yaml}base_url: https://example.org/g/\n"),
    );
    s.write(
        "guidance/handbook/04-स्वास्थ्य.en.md",
        "---\ntitle: Health\n---\n\nText.\n",
    );
    s.build_ok();
    let xml = s.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.iter().all(|l| l.is_ascii()), "{locs:?}");
    let health = locs
        .iter()
        .find(|l| common::decode(l).ends_with("/en/handbook/स्वास्थ्य.html"))
        .unwrap_or_else(|| panic!("{locs:?}"));
    assert!(
        health.starts_with("https://example.org/g/en/handbook/%E0%A4"),
        "{health}"
    );
}
