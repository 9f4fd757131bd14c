//! Hostile and broken input: nothing runs, nothing leaks, nothing crashes.

mod common;
use common::cpu_time::run_with_cpu_time;
use common::{Site, browser, tree};
use scraper::{Html, Selector};

/// Scripts the theme itself loads; anything else is a failure.
fn is_theme_script(src: &str) -> bool {
    ["assets/site.js", "assets/search.js", "search-index.js"]
        .iter()
        .any(|s| src.ends_with(s))
}

fn check_page(rel: &str, text: &str, problems: &mut Vec<String>) {
    let html = Html::parse_document(text);
    let all = Selector::parse("*").unwrap();
    for el in html.select(&all) {
        let v = el.value();
        let name = v.name();
        if matches!(
            name,
            "iframe"
                | "object"
                | "embed"
                | "base"
                | "frame"
                | "applet"
                | "svg"
                | "math"
                | "template"
                | "textarea"
                | "video"
                | "audio"
                | "source"
                | "marquee"
        ) {
            problems.push(format!("{rel}: <{name}> element"));
        }
        // Stylesheets come from the theme only (and a print page's own
        // `@page` rules, made from the theme's template, beside it).
        let print_rules = rel.ends_with("/print.html") && v.attr("href") == Some("print-page.css");
        if name == "link"
            && v.attr("rel").is_some_and(|r| r.contains("stylesheet"))
            && !print_rules
            && !v
                .attr("href")
                .is_some_and(|h| h.ends_with("assets/site.css") || h.ends_with("assets/print.css"))
        {
            problems.push(format!("{rel}: <link> to {:?}", v.attr("href")));
        }
        // The theme's search form submits to a page of the site; no other form.
        if name == "form"
            && v.attr("action").is_none_or(|a| {
                a.contains(':') || a.starts_with("//") || !a.ends_with("search.html")
            })
        {
            problems.push(format!("{rel}: <form action={:?}>", v.attr("action")));
        }
        if name == "meta"
            && v.attr("http-equiv")
                .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
        {
            problems.push(format!("{rel}: meta refresh"));
        }
        if name == "script" {
            match v.attr("src") {
                Some(src) if is_theme_script(src) => {}
                _ => problems.push(format!("{rel}: <script> {:?}", v.attr("src"))),
            }
        }
        if name == "style"
            && !el
                .text()
                .collect::<String>()
                .trim_start()
                .starts_with("@page")
        {
            problems.push(format!("{rel}: <style> from content"));
        }
        for (attr, value) in v.attrs() {
            if attr.starts_with("on") {
                problems.push(format!("{rel}: <{name} {attr}>"));
            }
            // Only table alignment is written as a style; content may set none.
            let alignment = ["left", "center", "right"]
                .iter()
                .any(|a| value == format!("text-align: {a}"));
            if (attr == "style" && !alignment) || matches!(attr, "srcdoc" | "background") {
                problems.push(format!("{rel}: <{name} {attr}={value:?}>"));
            }
            if matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "data" | "srcset" | "xlink:href"
            ) {
                let cleaned: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if cleaned.starts_with("javascript:")
                    || cleaned.starts_with("vbscript:")
                    || cleaned.starts_with("data:")
                {
                    problems.push(format!("{rel}: <{name} {attr}={value}>"));
                }
                // Nothing may be loaded from another host (links are fine).
                let loads = !(name == "a"
                    || (name == "link" && v.attr("rel").is_some_and(|r| r == "alternate")));
                if loads
                    && (cleaned.starts_with("http:")
                        || cleaned.starts_with("https:")
                        || cleaned.starts_with("//"))
                {
                    problems.push(format!(
                        "{rel}: <{name} {attr}={value}> loads from another host"
                    ));
                }
            }
        }
    }
}

#[test]
fn hostile_input_cannot_run_or_leak() {
    let site = Site::fixture("hostile");
    let o = site.build_ok();
    for told in [
        "guidance/pub/01-raw.en.md:8:1: warning: `<script>` removed from raw HTML, with its content",
        // pulldown-cmark ends a `<SCRIPT>` block only at a lower-case
        // `</script>`: line 12 is part of the block started at line 10.
        "guidance/pub/01-raw.en.md:12:1: warning: `onerror` attribute removed from `<img>` in raw HTML",
        "guidance/pub/01-raw.en.md:14:1: warning: `<iframe>` removed from raw HTML, with its content",
        "guidance/pub/01-raw.en.md:28:1: warning: `<meta>` removed from raw HTML",
        "guidance/pub/01-raw.en.md:32:1: warning: `javascript:` link removed",
        "guidance/pub/01-raw.en.md:60:1: warning: `javascript:` link removed",
        "guidance/pub/01-raw.en.md:64:1: warning: `srcset` attribute removed from `<img>` in raw HTML",
        // Formatting is said once for the page, with every tag it was on.
        "guidance/pub/01-raw.en.md:63:1: warning: `style` attribute removed from `<a>`, `<img>`, `<span>` and `<div>` in raw HTML (4 in all on this page)",
        "guidance/pub/01-raw.en.md:69:1: warning: `ontoggle` attribute removed from `<details>` in raw HTML",
        "guidance/pub/01-raw.en.md:76:1: warning: `<math>` removed from raw HTML, with its content",
        "guidance/pub/01-raw.en.md:84:1: warning: `<marquee>` removed from raw HTML; its text is kept",
    ] {
        assert!(
            o.stderr.lines().any(|l| l == told),
            "authors are told `{told}`:\n{}",
            o.stderr
        );
    }
    assert!(
        o.stderr.contains("`javascript:` link removed"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("remote image"), "{}", o.stderr);
    let mut problems = Vec::new();
    for (rel, bytes) in tree(&site.out()) {
        if rel.ends_with(".html") {
            check_page(&rel, &String::from_utf8_lossy(&bytes), &mut problems);
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");

    // Front-matter values are text everywhere they appear.
    let p = site.page("en/pub/raw.html");
    assert!(
        p.text_of("h1").contains("<svg onload=alert(1)>"),
        "{}",
        p.text_of("h1")
    );
    assert!(p.text_of("title").contains("<svg onload=alert(1)>"));
    let nav = p.select(".pub-nav-title a")[0].text().collect::<String>();
    assert!(nav.contains("<script>alert('title')</script>"), "{nav}");
    let home = site.page("en/index.html");
    let listed = home.select(".publications h3 a")[0]
        .text()
        .collect::<String>();
    assert!(
        listed.starts_with("<script>alert('title')</script><img src=x"),
        "{listed}"
    );
    assert!(
        site.page("index.html")
            .text_of("h1")
            .contains("<script>alert('site')</script>")
    );
    let meta = p.attr("meta[name=description]", "content");
    assert!(meta.contains("</title><script>"), "{meta}");
    // Code stays code.
    assert!(p.text_of("pre code").contains("<script>this is code"));
    // The heading kept its id, lost its handler.
    assert_eq!(p.select("h2#attrs").len(), 1);
    // Formatting in raw HTML is kept, without what runs.
    assert_eq!(p.text_of(".content details summary"), "toggle");
    assert_eq!(p.select(".content td").len(), 1);
    assert_eq!(p.select(".content img[src=\"images/safe.svg\"]").len(), 4);
    // Stray end tags cannot close the page's own layout.
    for outside in [
        "article footer",
        "main footer",
        ".content .pub-nav",
        "main .pub-nav",
    ] {
        assert!(p.select(outside).is_empty(), "{outside}");
    }
    assert_eq!(p.select("body > footer.site-footer").len(), 1);
    assert_eq!(p.select(".layout > main > article > .content").len(), 1);
}

#[test]
fn hostile_pages_run_no_script_in_a_browser() {
    let Some(chromium) = browser::require() else {
        return;
    };
    let site = Site::fixture("hostile");
    site.build_ok();
    for page in [
        "en/pub/raw.html",
        "en/pub/index.html",
        "ar/pub/raw.html",
        "en/index.html",
        "index.html",
        "en/pub/print.html",
    ] {
        let dom = browser::dump_dom(&chromium, &browser::file_url(&site.out().join(page)));
        let html = Html::parse_document(&dom);
        let body = html
            .select(&Selector::parse("body").unwrap())
            .next()
            .expect("the page loaded");
        // The payloads mark <body> if they run; their text may well be shown.
        assert_eq!(
            body.value().attr("data-pwned"),
            None,
            "{page}: a script ran"
        );
        assert!(dom.contains("<h1"), "{page}: the page did not render");
    }
}

#[test]
fn active_files_are_refused() {
    let site = Site::fixture("hostile");
    site.write(
        "guidance/pub/images/evil.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    );
    site.write("guidance/pub/extra.html", "<p>hello</p>");
    // Files are published only when a page uses them: these two are.
    site.write(
        "guidance/pub/09-files.en.md",
        "---\ntitle: Files\n---\n![A drawing](images/evil.svg) [a page](extra.html)\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1);
    // The link to a type that runs is an error at the link.
    assert!(
        o.stderr.contains(
            "guidance/pub/09-files.en.md:4:31: error: `extra.html` cannot be published: a .html file runs in the reader's browser"
        ),
        "{}",
        o.stderr
    );
    site.remove("guidance/pub/extra.html");
    site.write(
        "guidance/pub/09-files.en.md",
        "---\ntitle: Files\n---\n![A drawing](images/evil.svg)\n",
    );
    let o = site.build_ok();
    // The SVG is published without its script, with a warning naming it.
    assert!(
        o.stderr.contains(
            "guidance/pub/images/evil.svg:1:41: warning: the published copy leaves out what is not on the SVG allowlist (script, event handlers, outside references, …): `<script>` element"
        ),
        "{}",
        o.stderr
    );
    assert_eq!(
        site.read("public/en/pub/images/evil.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
    );
    // A trusted site may publish them as they are.
    site.write("guidance/pub/extra.html", "<p>hello</p>");
    site.write(
        "guidance/pub/09-files.en.md",
        "---\ntitle: Files\n---\n![A drawing](images/evil.svg) [a page](extra.html)\n",
    );
    site.write(
        "site.yaml",
        format!("{}allow_raw_html: true\n", site.read("site.yaml")),
    );
    site.build_ok();
    assert!(
        site.read("public/en/pub/images/evil.svg")
            .contains("<script>")
    );
    assert!(site.out().join("en/pub/extra.html").exists());
}

fn assert_clean_failure(o: &common::Output) {
    assert!(
        !o.stderr.contains("panicked") && !o.stderr.contains("RUST_BACKTRACE"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("internal error"), "{}", o.stderr);
}

#[test]
fn huge_and_deep_input_does_not_crash() {
    let site = Site::fixture("basic");
    // Lists nested 10,000 deep, and a line of 1 MB.
    let deep = format!("---\ntitle: Deep\n---\n\n{}deepest\n", "- ".repeat(10_000));
    site.write("guidance/handbook/05-deep.en.md", deep);
    let long = format!("---\ntitle: Long\n---\n\n{}\n", "word ".repeat(210_000));
    site.write("guidance/handbook/06-long.en.md", long);
    let o = site.build();
    assert_clean_failure(&o);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        std::fs::metadata(site.out().join("en/handbook/long.html"))
            .unwrap()
            .len()
            > 1_000_000
    );
    // A 50 MB file: refused with a clear error, nothing written.
    let before = tree(&site.out());
    let big = format!(
        "---\ntitle: Big\n---\n\n{}",
        "A paragraph of text that goes on.\n\n".repeat(1_500_000)
    );
    site.write("guidance/handbook/07-big.en.md", big);
    let o = site.build();
    assert_clean_failure(&o);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .contains("guidance/handbook/07-big.en.md: error: the file is too large"),
        "{}",
        o.stderr
    );
    assert_eq!(tree(&site.out()), before);
}

#[test]
fn yaml_alias_bomb_is_bounded() {
    let site = Site::fixture("basic");
    let mut y = String::from("---\ntitle: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..16 {
        let p = i - 1;
        y.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    y.push_str("---\nText\n");
    site.write("guidance/handbook/05-bomb.en.md", y);
    let start = std::time::Instant::now();
    let o = site.build();
    assert_clean_failure(&o);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("guidance/handbook/05-bomb.en.md:"),
        "{}",
        o.stderr
    );
    assert!(
        start.elapsed().as_secs() < 20,
        "alias expansion must be bounded"
    );
}

#[test]
fn binary_bytes_and_symlink_loops() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/05-binary.en.md",
        b"---\ntitle: B\n---\n\x00\x01\x02\xff\xfe",
    );
    std::os::unix::fs::symlink(
        site.path().join("guidance"),
        site.path().join("guidance/handbook/loop"),
    )
    .unwrap();
    let o = site.build();
    assert_clean_failure(&o);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("guidance/handbook/05-binary.en.md:4:"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("guidance/handbook/loop: warning: symbolic link (to `"),
        "{}",
        o.stderr
    );
    site.remove("guidance/handbook/05-binary.en.md");
    let o = site.build();
    assert_eq!(o.code, 0, "the loop alone is only a warning: {}", o.stderr);
}

#[test]
fn output_on_a_read_only_path() {
    let site = Site::fixture("basic");
    let o = site.run(&["build", "--out", "/proc/fieldguide-cannot-write-here"]);
    assert_clean_failure(&o);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("cannot write"), "{}", o.stderr);
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::fixture("basic");
    let file = site.path().join("guidance/handbook/02-signs.en.md");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: drop to an unprivileged user when we are root.
    let is_root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if is_root {
        for entry in walkdir::WalkDir::new(site.path()) {
            let e = entry.unwrap();
            if e.path() != file {
                let mode = if e.file_type().is_dir() { 0o777 } else { 0o644 };
                std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode)).unwrap();
            }
        }
        // The temporary folder's parent (the system's temp folder) is already
        // open to every user; the walk above opened the site itself.
        let mut c = std::process::Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_fieldguide"),
        ]);
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_fieldguide"))
    };
    let o = cmd
        .args(["build", "--source"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "guidance/handbook/02-signs.en.md: error: cannot read the file: permission denied"
        ),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

/// Issue 11: 20,000 identical headings took 18 s and 20,000 identical task
/// items 27 s (each new id tried every number before it). Ids, tasks and
/// footnotes are now linear in the input: these inputs, larger than the
/// ones reported, are checked well within a generous limit for a debug
/// build. The one timed test (the issue asks for it); it counts the CPU
/// time of the `check` process itself, so a busy machine cannot fail it.
#[test]
fn repeated_headings_tasks_and_footnotes_cost_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::Site { dir };
    site.write(
        "site.yaml",
        "title: Big\ndefault_language: en\nlanguages: [en]\n",
    );
    site.write("guidance/p/index.md", "---\ntitle: P\n---\n");
    let n = 50_000;
    let page = |title: &str, body: String| format!("---\ntitle: {title}\n---\n\n{body}");
    site.write("guidance/p/01-h.md", page("H", "## same\n\n".repeat(n)));
    site.write("guidance/p/02-t.md", page("T", "- [ ] same\n".repeat(n)));
    site.write(
        "guidance/p/03-f.md",
        page("F", format!("{}\n\n[^a]: Note.\n", "x[^a] ".repeat(n))),
    );
    let refs: String = (0..n).map(|i| format!("x[^{i}] ")).collect();
    let notes: String = (0..n).map(|i| format!("[^{i}]: Note {i}.\n")).collect();
    site.write(
        "guidance/p/04-g.md",
        page("G", format!("{refs}\n\n{notes}")),
    );
    let tags: String = (0..20_000)
        .map(|i| format!("<b title=\"{i}\">x</b> "))
        .collect();
    site.write("guidance/p/05-r.md", page("R", tags));
    let (code, cpu) = run_with_cpu_time(&["check", "--quiet", "--source"], site.path());
    assert_eq!(code, 0, "check failed");
    // 18-21 s of a debug build's CPU time on this 2-core machine kind in
    // December 2026 (the program of a month before took the same): 40 s
    // leaves room for a slower or busier machine, and the quadratic time
    // this guards against took minutes at this size.
    assert!(
        cpu.as_secs() < 40,
        "{n} repeated headings, tasks and footnotes took {cpu:?} of CPU time"
    );
}

/// Quotes nested 200,000 deep on one line (`>>>>…> x`, no spaces) took
/// 20–27 s to build: each quote's callout check read the rest of the line.
/// Each now looks at the start of its line only: the build takes about
/// 1.5 s of CPU time in a debug build, 0.3 s optimised. The limit is half
/// the other timed test's, so that the old cost (20 s optimised) fails it
/// in either build; the page has every quote.
#[test]
fn quotes_nested_on_one_line_cost_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::Site { dir };
    site.write(
        "site.yaml",
        "title: Quotes\ndefault_language: en\nlanguages: [en]\n",
    );
    site.write("guidance/p/index.md", "---\ntitle: P\n---\n");
    let n = 200_000;
    site.write(
        "guidance/p/01-q.md",
        format!("---\ntitle: Q\n---\n\nIntro.\n\n{} x\n", ">".repeat(n)),
    );
    let (code, cpu) = run_with_cpu_time(&["build", "--quiet", "--source"], site.path());
    assert_eq!(code, 0, "build failed");
    assert!(
        cpu.as_secs() < 10,
        "{n} quotes nested on one line took {cpu:?} of CPU time"
    );
    let html = site.read("public/en/p/q.html");
    assert_eq!(html.matches("<blockquote>").count(), n);
    assert_eq!(html.matches("</blockquote>").count(), n);
    assert!(html.contains("<p>x</p>"));
}

/// 30,000 broken anchors on one line took 29 s to check, on separate
/// lines 1 s: each message counted its column from the line's start and
/// copied the whole line to show it. Columns now come from marks along a
/// long line and the excerpt is cut from near its column, so one line
/// costs about what separate lines do. A ratio, as the machine's speed
/// cancels out; the old cost was 20 times or more.
#[test]
fn many_messages_on_one_long_line_cost_linear_time() {
    let n = 20_000;
    let links: Vec<String> = (0..n).map(|i| format!("[l](02-b.md#nope-{i})")).collect();
    let cpu = |sep: &str| {
        let site = common::Site {
            dir: tempfile::tempdir().unwrap(),
        };
        site.write(
            "site.yaml",
            "title: Long\ndefault_language: en\nlanguages: [en]\n",
        );
        site.write("guidance/p/index.md", "---\ntitle: P\n---\n");
        site.write("guidance/p/02-b.md", "---\ntitle: B\n---\n\n## Here\n");
        let body = links.join(sep);
        site.write(
            "guidance/p/01-a.md",
            format!("---\ntitle: A\n---\n\n{body}\n"),
        );
        // Not quiet: every message is shown, with its excerpt.
        let (code, cpu) = run_with_cpu_time(&["check", "--source"], site.path());
        assert_ne!(code, 0, "check should fail on {n} broken anchors");
        cpu
    };
    let separate = cpu("\n\n");
    let one_line = cpu(" ");
    let floor = separate.max(std::time::Duration::from_millis(500));
    assert!(
        one_line < floor * 4,
        "{n} broken anchors on one line took {one_line:?} of CPU time, on separate lines {separate:?}"
    );
}
