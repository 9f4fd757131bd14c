//! End-to-end: a chapter pasted from Word, with its own markup (`<o:p>`,
//! `<w:Sdt>`, `<st1:place>`, `<v:shape>`, `<![if !supportLists]>`) and link
//! targets with spaces in list items and tables. The site still publishes,
//! readers see none of the markup, and each problem is a warning at its
//! file and line, once per kind and page.

mod common;
use common::Site;

const CHAPTER: &str = "---
title: Pasted from Word
---

Para.<o:p></o:p>

<o:p>&nbsp;</o:p>

We met in <st1:place>Kano</st1:place> with <w:Sdt>the committee</w:Sdt>.<v:shape id=\"_x0000_i1025\" style='width:12pt'></v:shape>

<![if !supportLists]>1.<![endif]> First step<o:p></o:p>

<p class=MsoNormal>Raw <b>bold</b><o:p></o:p><![if !vml]> kept<![endif]></p>

1. ![a](images/my photo.png)
- [c](02-next steps.md)

| Form | Where |
|---|---|
| [consent](forms/consent form.pdf) | office<o:p></o:p> |
";

/// `path:line:col: warning: message` lines of the run's output.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            l.starts_with("guidance/handbook/04-pasted.en.md:") && l.contains(": warning: ")
        })
        .collect()
}

fn check_page(site: &Site) {
    let page = site.page("en/handbook/pasted.html");
    let content = page.select(".content");
    assert_eq!(content.len(), 1);
    let text: String = content[0].text().collect();
    for gone in ["o:p", "w:Sdt", "st1:", "v:shape", "<![", "endif", "<", ">"] {
        assert!(!text.contains(gone), "`{gone}` shown in: {text}");
    }
    assert!(!page.text.contains("&lt;o:p") && !page.text.contains("o:p"));
    for kept in [
        "Para.",
        "We met in Kano with the committee.",
        "1. First step",
        "Raw bold kept",
        "office",
    ] {
        assert!(text.contains(kept), "`{kept}` missing from: {text}");
    }
    // `<o:p>&nbsp;</o:p>` leaves no empty paragraph behind.
    let paragraphs = page.select(".content p");
    assert!(
        paragraphs
            .iter()
            .all(|p| !p.text().collect::<String>().trim().is_empty()),
        "{}",
        content[0].html()
    );
}

#[test]
fn word_markup_is_dropped_with_a_warning_at_its_line() {
    for yaml in ["", "allow_raw_html: true\n"] {
        let site = Site::fixture("basic");
        let base = site.read("site.yaml");
        site.write("site.yaml", format!("{base}{yaml}"));
        site.write("guidance/handbook/04-pasted.en.md", CHAPTER);
        let o = site.build_ok();
        check_page(&site);
        let found = warnings(&o.stderr);
        let f = "guidance/handbook/04-pasted.en.md";
        let mut expected = vec![
            format!("{f}:5:6: warning: Word leftover `<o:p>` removed (and 4 more on this page)"),
            format!("{f}:9:11: warning: Word leftover `<st1:place>` removed; its text is kept"),
            format!("{f}:9:44: warning: Word leftover `<w:Sdt>` removed; its text is kept"),
            format!("{f}:9:73: warning: Word leftover `<v:shape>` removed; its text is kept"),
            format!(
                "{f}:11:1: warning: Word leftover `<![if !supportLists]>` removed (and 1 more on this page); what it wraps is kept"
            ),
            format!(
                "{f}:15:9: warning: image target `images/my photo.png` has a space, so it is shown as text"
            ),
            format!(
                "{f}:16:7: warning: link target `02-next steps.md` has a space, so it is shown as text"
            ),
            format!(
                "{f}:20:13: warning: link target `forms/consent form.pdf` has a space, so it is shown as text"
            ),
        ];
        if yaml.is_empty() {
            expected.push(format!(
                "{f}:13:1: warning: `class` attribute removed from `<p>` in raw HTML"
            ));
        }
        expected.sort();
        let mut found_sorted: Vec<String> = found.iter().map(|s| s.to_string()).collect();
        found_sorted.sort();
        assert_eq!(found_sorted, expected, "{yaml}\n{}", o.stderr);
        // The hint says what the markup is and what to do.
        assert!(
            o.stderr.contains("paste from Word as plain text"),
            "{}",
            o.stderr
        );
    }
}

#[test]
fn check_reports_the_same_places() {
    let site = Site::fixture("basic");
    site.write("guidance/handbook/04-pasted.en.md", CHAPTER);
    let o = site.run(&["check"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let found = warnings(&o.stderr);
    assert_eq!(found.len(), 9, "{}", o.stderr);
    assert!(
        found.iter().any(|l| l
            .starts_with("guidance/handbook/04-pasted.en.md:5:6: warning: Word leftover `<o:p>`")),
        "{found:#?}"
    );
}

/// A copy a file manager or Word made next to its original is published
/// (it may be meant), with a warning that names the original.
#[test]
fn a_copy_next_to_its_original_is_named() {
    let site = Site::fixture("basic");
    let signs = site.read("guidance/handbook/02-signs.en.md");
    site.write("guidance/handbook/Copy of 02-signs.en.md", &signs);
    site.write("guidance/handbook/02-signs (1).en.md", &signs);
    site.write("guidance/handbook/02-signs 2.en.md", &signs);
    site.write(
        "guidance/handbook/02-signs (conflicted copy 2024-01-02).en.md",
        &signs,
    );
    let o = site.build_ok();
    for copy in [
        "Copy of 02-signs.en.md",
        "02-signs (1).en.md",
        "02-signs 2.en.md",
        "02-signs (conflicted copy 2024-01-02).en.md",
    ] {
        assert!(
            o.stderr
                .lines()
                .any(|l| l.starts_with(&format!("guidance/handbook/{copy}"))
                    && l.contains("warning: this looks like a copy of `02-signs.en.md`")),
            "{copy}: {}",
            o.stderr
        );
    }
}
