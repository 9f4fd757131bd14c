//! Defects found by a fifth sweep with real-world corpora (old Hugo, Jekyll
//! and wiki sites, pandoc and Word exports): each test is the smallest site
//! that showed one, run through the real binary.

mod common;

use common::Site;
use common::photo::phone_photo;

/// `.jfif` is what Windows names a JPEG saved from a browser, and `.jpe`
/// an old name of JPEG: browsers show both. They were refused as "a format
/// browsers do not show", and with `allow_raw_html: true` published as
/// they were, GPS and all. Now they are JPEG: shown, and published without
/// their metadata, with the warning a `.jpg` gets.
#[test]
fn a_jfif_photo_is_a_jpeg_published_without_its_location() {
    let s = Site::signs_with("![Shelter](images/shelter.jfif) ![Pump](images/pump.JPE)\n");
    s.write("guidance/handbook/images/shelter.jfif", phone_photo());
    s.write("guidance/handbook/images/pump.JPE", phone_photo());
    for trusted in [false, true] {
        if trusted {
            let yaml = s.read("site.yaml");
            s.write("site.yaml", format!("{yaml}allow_raw_html: true\n"));
        }
        let o = s.build_ok();
        assert!(!o.stderr.contains("browsers do not show"), "{}", o.stderr);
        for name in ["shelter.jfif", "pump.JPE"] {
            let file = format!("guidance/handbook/images/{name}:");
            let warning = "warning: the published copy leaves out the photo's location (GPS)";
            assert!(
                o.stderr
                    .lines()
                    .any(|l| l.starts_with(&file) && l.contains(warning)),
                "{file} {warning}\n{}",
                o.stderr
            );
            let published = std::fs::read(s.out().join("en/handbook/images").join(name)).unwrap();
            assert!(published.starts_with(&[0xFF, 0xD8, 0xFF]));
            let gps = published.windows(13).any(|w| w == b"GPSSECRETMARK");
            assert!(!gps && published.len() < phone_photo().len(), "{name}");
        }
        let page = s.page("en/handbook/signs.html");
        assert_eq!(
            page.attr("img[alt='Shelter']", "src"),
            "images/shelter.jfif"
        );
        assert_eq!(page.attr("img[alt='Pump']", "src"), "images/pump.JPE");
    }
}

/// `//server/share/form.pdf` is a Windows network path written with
/// forward slashes, as converters leave `\\server\share\form.pdf`. It was
/// read as a protocol-relative web address and published, without a word,
/// as a link to `https://server/share/form.pdf` (and from `file://`, where
/// the site is read offline, it would lead to `file://server/…`). A host
/// without a dot is a machine on the writer's network: the link is broken,
/// said as what it is, like `\\server\share`. `//example.org/x` is still a
/// web address.
#[test]
fn a_network_share_written_with_slashes_is_a_broken_link() {
    let s = Site::signs_with(
        "[the form](//fileserver01/forms/form.pdf), ![Flow](//server/share/flow.png) and [the site](//example.org/x)\n",
    );
    let rel = "guidance/handbook/02-signs.en.md";
    let share = |dest: &str, host: &str| {
        format!(
            "`{dest}` is a file on a network share (`{host}`) on the writer's network, which readers cannot open"
        )
    };
    let form = share("//fileserver01/forms/form.pdf", "fileserver01");
    let flow = share("//server/share/flow.png", "server");
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for line in [
        format!("{rel}:13:1: error: {form}"),
        "  = hint: copy `form.pdf` into guidance/ (beside this page, or in its images/ folder) and link to it by its path from this page".to_string(),
        format!("{rel}:13:44: error: {flow}"),
        "  = hint: guidance/handbook/images/flow.png has that name: link to it from here, `images/flow.png`".to_string(),
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
    // The web address is no error.
    assert_eq!(o.stderr.matches(": error: ").count(), 2, "{}", o.stderr);

    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    let o = s.build_ok();
    for line in [
        format!("{rel}:13:1: warning: {form}; published as its text"),
        format!("{rel}:13:44: warning: {flow}; its description is shown in a box"),
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
    let page = s.page("en/handbook/signs.html");
    let links: Vec<&str> = page
        .select(".content a[href]")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links, ["https://example.org/x"]);
    assert!(page.select(".content img").is_empty());
}

/// A message about a whole file (a language `site.yaml` does not list, an
/// empty file, a file saved as UTF-16) was printed `path:1:1:`, which
/// sends the reader to line 1, and showed an empty line 1 under "the file
/// is empty". It is `path:` alone, with no excerpt; `check --format json`
/// gives `null` for its line and column. A message at a line keeps them.
#[test]
fn a_message_about_a_whole_file_names_no_line() {
    let s = Site::fixture("basic");
    let dir = "guidance/handbook";
    s.write(
        &format!("{dir}/01-intro.de.md"),
        "---\ntitle: Einführung\n---\nText.\n",
    );
    s.write(&format!("{dir}/04-empty.en.md"), "");
    s.write(&format!("{dir}/05-word.en.md"), b"\xFF\xFE-\0-\0-\0\n\0");
    s.write(
        &format!("{dir}/06-key.en.md"),
        "---\ntitle: Key\ndate: 2020-01-01\n---\nText.\n",
    );
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let de = format!(
        "{dir}/01-intro.de.md: error: unknown language suffix `.de`: the site's languages are en, fr, ar"
    );
    let empty = format!("{dir}/04-empty.en.md: error: the file is empty");
    let utf16 =
        format!("{dir}/05-word.en.md: error: the file is UTF-16 encoded; fieldguide reads UTF-8");
    let key = format!("{dir}/06-key.en.md:3:1: warning: unknown front-matter key `date`");
    for line in [&de, &empty, &utf16, &key] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
    assert!(!o.stderr.contains(":1:1:"), "{}", o.stderr);
    // No excerpt under a whole-file message: the hint follows it.
    let after = o.stderr.split(&empty).nth(1).unwrap();
    assert!(
        after.starts_with("\n  = hint: start it with front matter"),
        "{after}"
    );

    let o = s.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let at = |path: &str| {
        let f = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == format!("{dir}/{path}"))
            .unwrap_or_else(|| panic!("{path}: {report:#}"));
        (f["line"].clone(), f["column"].clone())
    };
    let none = (serde_json::Value::Null, serde_json::Value::Null);
    for path in ["01-intro.de.md", "04-empty.en.md", "05-word.en.md"] {
        assert_eq!(at(path), none, "{path}");
    }
    assert_eq!(at("06-key.en.md"), (3.into(), 1.into()));
}

/// A converter that left `01-a.md` beside `a.md` (or `intro.md` beside
/// `Intro.md`) in every folder: one error per folder, each printed with
/// its hint, 1,500 of them in a real corpus. Errors of one kind are now
/// grouped as warnings are: the first 50 places, then a count; the build
/// still fails with every error counted and nothing written, and `check
/// --format json` still lists every place.
#[test]
fn a_flood_of_one_error_shows_its_first_places_then_a_count() {
    let s = Site::fixture("basic");
    for i in 0..60 {
        let dir = format!("guidance/handbook/p{i:02}");
        s.write(
            &format!("{dir}/index.en.md"),
            format!("---\ntitle: Part {i}\n---\n"),
        );
        s.write(&format!("{dir}/01-a.en.md"), "---\ntitle: A\n---\nText.\n");
        s.write(
            &format!("{dir}/a.en.md"),
            "---\ntitle: A again\n---\nText.\n",
        );
    }
    let clash =
        "error: two pages would both be published as `a`: this one and `guidance/handbook/p";
    let counted = "error: two pages would both be published as `…`: this one and `…`: 10 more places (`fieldguide check --format json` lists every place)";
    for command in ["build", "check"] {
        let o = s.run(&[command]);
        assert_eq!(o.code, 1, "{}", o.stderr);
        let shown = o.stderr.lines().filter(|l| l.contains(clash)).count();
        assert_eq!(shown, 50, "{}", o.stderr);
        assert!(o.stderr.lines().any(|l| l == counted), "{}", o.stderr);
        assert!(o.stderr.contains("60 errors"), "{}", o.stderr);
    }
    assert!(!s.out().exists());

    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.code, 1);
    let report: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(report["errors"], 60);
    let listed = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .unwrap()
                .starts_with("two pages would both")
        })
        .count();
    assert_eq!(listed, 60);
}

/// pandoc writes what it cannot say in Markdown as raw blocks and spans
/// (```` ```{=html} ````, `` `<b>x</b>`{=html} ``); CommonMark reads them as
/// code, so readers were shown the HTML source, without a word. Raw HTML is
/// now raw HTML written in the Markdown: sanitised (a `<script>` removed,
/// at its line) or trusted with `allow_raw_html: true`. Raw LaTeX or
/// OpenXML is for another kind of output: left out, with a warning at its
/// line.
#[test]
fn pandoc_raw_html_is_raw_html_and_other_formats_are_left_out() {
    let s = Site::signs_with(concat!(
        "```{=html}\n",
        "<div class=\"note\"><b>Bold</b> <script>alert(1)</script></div>\n",
        "```\n\n",
        "See `<i>this</i>`{=html} and `\\textbf{that}`{=latex} here.\n\n",
        "```{=latex}\n\\newpage\n```\n\n",
        "```{=openxml}\n<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n```\n\n",
        "```html\n<b>code stays code</b>\n```\n",
    ));
    let rel = "guidance/handbook/02-signs.en.md";
    let left_out = |format: &str| {
        format!(
            "warning: pandoc raw `{{={format}}}` content is left out: it is written for another kind of output than a web page, so readers see nothing of it"
        )
    };
    let o = s.build_ok();
    for line in [
        format!("{rel}:14:1: warning: `<script>` removed from raw HTML, with its content"),
        format!("{rel}:17:30: {}", left_out("latex")),
        format!("{rel}:19:1: {}", left_out("latex")),
        format!("{rel}:23:1: {}", left_out("openxml")),
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
    let page = s.page("en/handbook/signs.html");
    let content = page.one(".content");
    let text: String = content.text().collect();
    for gone in ["{=", "newpage", "textbf", "w:br", "alert", "<i>", "Bold<"] {
        assert!(!text.contains(gone), "{gone}: {text}");
    }
    assert_eq!(page.text_of(".content div > b"), "Bold");
    assert_eq!(page.text_of(".content p > i"), "this");
    assert!(page.select(".content script").is_empty());
    // A fence that names a language, not a raw format, is code.
    assert_eq!(
        page.text_of(".content pre code"),
        "<b>code stays code</b>\n"
    );

    // Trusted authors: passed through as written.
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}allow_raw_html: true\n"));
    let o = s.build_ok();
    assert!(!o.stderr.contains("removed from raw HTML"), "{}", o.stderr);
    assert!(o.stderr.contains(&left_out("openxml")), "{}", o.stderr);
    let page = s.page("en/handbook/signs.html");
    assert_eq!(page.text_of(".content div.note > b"), "Bold");
    assert_eq!(page.select(".content pre").len(), 1);
}
