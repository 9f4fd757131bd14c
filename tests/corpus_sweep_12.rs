//! What this round's outside sweep of real-world input found.

mod common;

use common::Site;

/// A site moved from Netlify or an Apache host keeps the host's settings
/// in `static/`: `_headers` and `_redirects` failed the build as files "of
/// unknown type", with a hint to publish a PDF instead, and `.htaccess` was
/// left out without a word. Each is now a warning that says what the file
/// is and where its settings belong; none is published (fieldguide cannot
/// check what it tells the server, such as a redirect to another site).
/// Codeberg Pages' `.domains`, a list of names like GitHub's `CNAME`, is
/// published at the top.
#[test]
fn a_hosts_settings_are_named_and_left_out() {
    let s = Site::signs_with("Signs.\n");
    s.write("static/_headers", "/*\n  X-Frame-Options: DENY\n");
    s.write(
        "static/_redirects",
        "/old/* https://elsewhere.example/:splat 200\n",
    );
    s.write("static/.htaccess", "Options -Indexes\n");
    s.write("static/docs/.htaccess", "Deny from all\n");
    s.write("static/.domains", "guide.example.org\n");
    s.write("static/.gitkeep", "");
    let o = s.build_ok();
    for (file, what) in [
        (
            "static/_headers",
            "Netlify's and Cloudflare Pages' header rules",
        ),
        (
            "static/_redirects",
            "Netlify's and Cloudflare Pages' redirect rules",
        ),
    ] {
        let line = format!(
            "{file}: warning: not published: it is {what}, which a host reads: fieldguide does not publish a host's settings"
        );
        assert!(o.stderr.contains(&line), "{line}\n{}", o.stderr);
    }
    for file in ["static/.htaccess", "static/docs/.htaccess"] {
        let line = format!(
            "{file}: warning: not published: it is Apache's settings, which a host reads, and hidden files are left out"
        );
        assert!(o.stderr.contains(&line), "{line}\n{}", o.stderr);
    }
    assert!(
        o.stderr
            .contains("hint: set headers and redirects in the host's own settings"),
        "{}",
        o.stderr
    );
    // A folder keeper is no setting: nothing said about it.
    assert!(!o.stderr.contains(".gitkeep"), "{}", o.stderr);
    let out = s.out();
    for gone in [
        "_headers",
        "_redirects",
        ".htaccess",
        "docs/.htaccess",
        ".gitkeep",
    ] {
        assert!(!out.join(gone).exists(), "{gone} was published");
    }
    assert_eq!(s.read("public/.domains"), "guide.example.org\n");
}

/// Crowdin, Transifex and gettext name a region's translation `pt_BR`. On a
/// site with `pt-BR`, `01-consent.pt_BR.md` was published as an extra page
/// in every language, marked as English, with no word but an unrelated
/// "same order"; only the language's first part (`pt`) was looked for.
#[test]
fn a_region_written_with_an_underscore_is_told_the_translations_name() {
    let s = Site::fixture("basic");
    let yaml = s.read("site.yaml");
    s.write(
        "site.yaml",
        yaml.replace(
            "  - { code: ar, name: العربية }",
            "  - { code: pt-BR, name: Português }",
        ),
    );
    s.remove("guidance/handbook/01-intro.ar.md");
    s.remove("guidance/handbook/index.ar.md");
    s.write(
        "guidance/handbook/01-intro.pt_BR.md",
        "---\ntitle: Introdução\n---\n\nBem-vindo.\n",
    );
    s.write(
        "guidance/handbook/02-signs_PT-BR.md",
        "---\ntitle: Sinais\n---\n\nMedo.\n",
    );
    let o = s.build_ok();
    let (line, hint) = common::message_at(&o.stderr, "guidance/handbook/01-intro.pt_BR.md");
    assert_eq!(
        line,
        "guidance/handbook/01-intro.pt_BR.md: warning: `.pt_BR` at the end of this file's name looks like the language `pt-BR`, but the file is published as a page of its own, in every language, not as the `pt-BR` version of `01-intro`"
    );
    assert_eq!(
        hint,
        "a translation has its language just before `.md`: rename it `01-intro.pt-BR.md`, and it is published as the `pt-BR` version of `01-intro`"
    );
    let (_, hint) = common::message_at(&o.stderr, "guidance/handbook/02-signs_PT-BR.md");
    assert_eq!(
        hint,
        "a translation has its language just before `.md`: rename it `02-signs.pt-BR.md`, and it is published as the `pt-BR` version of `02-signs`"
    );
}

/// Links to missing anchors were never grouped: the target's file was in
/// the message unquoted, so each target page was a kind of its own, and
/// 300 chapters linking to a missing anchor printed 300 warnings in full.
/// They are now shown at their first 50 places and then counted, as links
/// to missing pages are.
#[test]
fn links_to_missing_anchors_are_counted_after_their_first_places() {
    let s = Site::fixture("basic");
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    for i in 0..60 {
        s.write(
            &format!("guidance/handbook/{:02}-c{i}.en.md", i + 10),
            format!(
                "---\ntitle: Chapter {i}\n---\n\nSee [the next steps]({:02}-c{}.en.md#next-steps).\n",
                (i + 1) % 60 + 10,
                (i + 1) % 60
            ),
        );
    }
    let o = s.build_ok();
    let shown = o
        .stderr
        .matches("warning: link to a missing anchor `#next-steps` in `")
        .count();
    assert_eq!(shown, 50, "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "warning: link to a missing anchor `…` in `…`; published as its text: 10 more places"
        ),
        "{}",
        o.stderr
    );
}

/// An old corpus linking many missing pages, each from more than ten
/// files (a folder renamed everywhere but in the links): past its first
/// ten files each page got a line of its own counting the rest, hundreds
/// of lines after the kind's own count. The first ten such pages still
/// do; the others are counted with the kind.
#[test]
fn many_missing_pages_linked_from_many_files_are_counted_together() {
    let s = Site::fixture("basic");
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    let links: String = (0..20)
        .map(|k| format!("See [step {k}](old/gone-{k}.md).\n\n"))
        .collect();
    for i in 0..12 {
        s.write(
            &format!("guidance/handbook/{:02}-c{i}.en.md", i + 10),
            format!("---\ntitle: Chapter {i}\n---\n\n{links}"),
        );
    }
    let o = s.build_ok();
    let counted: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| {
            l.starts_with("warning: link to a missing page `old/gone-") && l.contains(" more place")
        })
        .collect();
    assert_eq!(counted.len(), 10, "{}", o.stderr);
    // 240 places: 50 shown, each page's 11th and 12th files (40) counted
    // by page, ten of those pages (20 places) on lines of their own.
    assert!(
        o.stderr.contains(
            "warning: link to a missing page `…`; published as its text: 170 more places"
        ),
        "{}",
        o.stderr
    );
}
