//! Hostile sweep 3: input built to cost time, special files where the
//! theme is read, and the other ways in that earlier sweeps did not try.

mod common;
use common::Site;
use common::cpu_time::run_with_cpu_time;

/// A one-language site with one publication, its pages given.
fn small_site(pages: &[(&str, String)]) -> Site {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write(
        "site.yaml",
        "title: Sweep\ndefault_language: en\nlanguages: [en]\n",
    );
    site.write("guidance/p/index.md", "---\ntitle: P\n---\n");
    for (name, text) in pages {
        site.write(&format!("guidance/p/{name}"), text);
    }
    site
}

/// Opening braces with a closing pair only at the end (`{{ {{ … }}`),
/// ampersands with one semicolon (`& & … ;`) and brackets with one `](`,
/// in a page's summary: each `{{` looked for its `}}` to the end of the
/// value, each `&` for a `;`, each `[` for a `](`, so the cost grew with
/// the square of the value (60,000 of each, 0.4 MB: 4 s optimised). Now
/// each stretch is searched once: they cost what the same marks closed
/// at once (`{{}}`, `&;`, `[](x)`) cost.
#[test]
fn marks_closed_only_at_the_end_of_a_summary_cost_linear_time() {
    let n = 60_000;
    let cpu = |brace: &str, amp: &str, bracket: &str| {
        let summary = format!(
            "{} }}}} {} ; {} ](x)",
            vec![brace; n].join(" "),
            vec![amp; n].join(" "),
            vec![bracket; n].join(" ")
        );
        let site = small_site(&[(
            "01-a.md",
            format!("---\ntitle: A\nsummary: \"{summary}\"\n---\n\nText.\n"),
        )]);
        let (code, cpu) = run_with_cpu_time(&["check", "--quiet", "--source"], site.path());
        assert_eq!(code, 0, "check failed");
        cpu
    };
    let closed = cpu("{{}}", "&;", "[](x)");
    let open = cpu("{{", "&", "[");
    let floor = closed.max(std::time::Duration::from_millis(500));
    assert!(
        open < floor * 4,
        "{n} marks closed at the end took {open:?} of CPU time, closed at once {closed:?}"
    );
}

/// The same in a page's text: `{{ {{ … }}` on one line. Each `{{` looked
/// for its `}}` to the end of the line, twice (for a local value, and for
/// Hugo template code): 80,000 of them, 240 KB, took 23 s to check
/// (optimised).
#[test]
fn braces_closed_only_at_the_end_of_a_line_cost_linear_time() {
    let n = 100_000;
    let cpu = |brace: &str, end: &str| {
        let text = format!("{}{end}", vec![brace; n].join(" "));
        let site = small_site(&[("01-a.md", format!("---\ntitle: A\n---\n\n{text}\n"))]);
        let (code, cpu) = run_with_cpu_time(&["check", "--quiet", "--source"], site.path());
        assert_eq!(code, 0, "check failed");
        cpu
    };
    let closed = cpu("{{}}", "");
    let floor = closed.max(std::time::Duration::from_millis(500));
    for end in ["", " }}"] {
        let open = cpu("{{", end);
        assert!(
            open < floor * 4,
            "{n} braces then {end:?} took {open:?} of CPU time, closed ones {closed:?}"
        );
    }
}

/// ` a0="" a1="" …`: `n` attributes for one element.
fn attributes(n: usize) -> String {
    (0..n).map(|i| format!(" a{i}=\"\"")).collect()
}

/// An SVG from guidance/ whose one element has 60,000 attributes (600 KB):
/// the XML parser checks each attribute against all before it, so the
/// build took minutes (200,000 attributes, 2.2 MB: over 100 s optimised).
/// It is now refused at once, at the element, as any SVG that cannot be
/// published is.
#[test]
fn an_svg_element_with_thousands_of_attributes_is_refused_at_once() {
    let site = Site::signs_with("![A crowded drawing](images/crowded.svg)");
    site.write(
        "guidance/handbook/images/crowded.svg",
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect{}/></svg>\n",
            attributes(60_000)
        ),
    );
    let (code, cpu) = run_with_cpu_time(&["build", "--quiet", "--source"], site.path());
    assert_eq!(code, 1, "the SVG is refused");
    assert!(cpu.as_secs() < 5, "refusing it took {cpu:?} of CPU time");
    let o = site.build();
    assert!(
        o.stderr
            .contains("guidance/handbook/images/crowded.svg:2:1: error:")
            && o.stderr.contains("an element has more than 256 attributes"),
        "{}",
        o.stderr
    );
}

/// A translator's XLIFF file comes from outside the team: one element
/// with 60,000 attributes held `translate import` for as long as the SVG
/// above held a build. It is refused at once, naming the line.
#[test]
fn an_xliff_file_with_a_crowded_element_is_refused_at_once() {
    let site = Site::fixture("basic");
    let file = site.path().join("handbook.xlf");
    std::fs::write(
        &file,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\"{}>\n</xliff>\n",
            attributes(60_000)
        ),
    )
    .unwrap();
    let (code, cpu) = run_with_cpu_time(
        &["translate", "import", file.to_str().unwrap(), "--source"],
        site.path(),
    );
    assert_eq!(code, 1, "the file is refused");
    assert!(cpu.as_secs() < 5, "refusing it took {cpu:?} of CPU time");
    let o = site.run(&["translate", "import", file.to_str().unwrap()]);
    let want = format!(
        "{}:2:1: error: an element has more than 256 attributes",
        file.display()
    );
    assert!(o.stderr.contains(&want), "missing {want} in:\n{}", o.stderr);
}

/// A named pipe (or socket) in the site's `templates/`, where a template
/// or a theme file would be, was skipped without a word: the built-in
/// file was used and the author never learnt why the override did not
/// apply. It is named, as one in guidance/ or static/ is; nothing blocks.
#[test]
fn a_named_pipe_in_the_theme_is_named() {
    let site = Site::fixture("basic");
    std::fs::create_dir_all(site.path().join("templates/static")).unwrap();
    for rel in ["templates/chapter.html", "templates/static/site.css"] {
        let path = std::ffi::CString::new(site.path().join(rel).to_str().unwrap()).unwrap();
        // SAFETY: plain FFI with a valid, NUL-terminated path.
        assert_eq!(
            unsafe { libc::mkfifo(path.as_ptr(), 0o644) },
            0,
            "mkfifo {rel}"
        );
    }
    let o = site.build_ok();
    for rel in ["templates/chapter.html", "templates/static/site.css"] {
        let want = format!("{rel}: warning: not read: it is a named pipe (FIFO), not a file");
        assert!(o.stderr.contains(&want), "missing {want} in:\n{}", o.stderr);
    }
}

/// `stamp` wrote the stamped page to `<page>.md.fieldguide-tmp` with a
/// plain write, which follows a link: a link planted at that name (in a
/// site someone sent, or a shared folder) had the page written over the
/// file it led to, outside the site, and the page itself replaced by the
/// link. The page is now written as `translate import` writes pages:
/// inside the site only, never through a link.
#[test]
fn stamp_never_writes_through_a_link() {
    let site = Site::fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("notes.txt");
    std::fs::write(&victim, "keep me\n").unwrap();
    let page = "guidance/handbook/01-intro.fr.md";
    std::os::unix::fs::symlink(&victim, site.path().join(format!("{page}.fieldguide-tmp")))
        .unwrap();
    let o = site.run(&["stamp", page]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
    let meta = std::fs::symlink_metadata(site.path().join(page)).unwrap();
    assert!(meta.is_file(), "the page is still a file of its own");
    assert!(site.read(page).contains("translation_of: "));
}

/// Parts nested in parts, 400 folders deep, each with a 30-byte index
/// (12 KB in all): every page shows the path to it, each step a relative
/// link one `../` longer, so the site grew with the cube of the depth
/// (129 MB, 11 s; 1,000 deep ran for minutes, towards gigabytes). Folders
/// more than 12 deep under guidance/ are an error naming the first one,
/// and nothing is written.
#[test]
fn folders_nested_without_end_are_refused() {
    let site = small_site(&[]);
    let mut rel = String::from("guidance/p");
    for depth in 2..=40 {
        rel.push_str("/a");
        site.write(
            &format!("{rel}/index.md"),
            format!("---\ntitle: Level {depth}\n---\n"),
        );
    }
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let first = format!("guidance/p{}", "/a".repeat(12));
    let want = format!("{first}: error: folders nested more than 12 deep");
    assert!(o.stderr.contains(&want), "missing {want} in:\n{}", o.stderr);
    assert!(!site.out().exists(), "nothing is written");
}

/// Raw HTML whose one tag has 60,000 attributes (`<span a0="" a1="" …>`):
/// the HTML tokenizer checks each attribute against every one before it,
/// so checking the page took the square of the tag (80,000 of them, 1 MB:
/// 20 s optimised). Such a tag is removed with the rest of its HTML, with
/// a warning at it, at once.
#[test]
fn raw_html_with_a_crowded_tag_is_removed_at_once() {
    let tag = format!("<span{}>crowded</span>", attributes(60_000));
    let site = small_site(&[(
        "01-a.md",
        format!("---\ntitle: A\n---\n\nBefore.\n\n{tag}\n\nAfter.\n"),
    )]);
    let (code, cpu) = run_with_cpu_time(&["build", "--quiet", "--source"], site.path());
    assert_eq!(code, 0, "the page is published");
    assert!(cpu.as_secs() < 5, "it took {cpu:?} of CPU time");
    let o = site.build();
    let want = "guidance/p/01-a.md:7:1: warning: a tag with more than 256 attributes";
    assert!(o.stderr.contains(want), "missing {want} in:\n{}", o.stderr);
    let page = site.page("en/p/a.html");
    let text = page.text_of("main");
    assert!(
        text.contains("Before.") && text.contains("After."),
        "{text}"
    );
    assert!(page.select("span[a0]").is_empty());
}
