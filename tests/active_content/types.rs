//! Types on the allowlist are published as they are, others are errors,
//! leftovers are skipped.

use super::{Files, LANGS, common, site_with};

/// Allowed types, forbidden types, and leftovers.
fn types() -> (Files, Files, Vec<String>) {
    let b = |s: &str| s.as_bytes().to_vec();
    let allowed = [
        "photo.png",
        "photo.JPG",
        "scan.jpeg",
        "a.gif",
        "a.webp",
        "a.avif",
        "form.pdf",
        "case-notes CONFIDENTIAL.docx",
        "sheet.xlsx",
        "slides.pptx",
        "notes.odt",
        "a.ods",
        "a.odp",
        "readme.txt",
        "contacts.csv",
        "talk.mp3",
        "a.m4a",
        "a.ogg",
        "a.opus",
        "clip.mp4",
        "clip.webm",
        "clip.vtt",
        "font.woff",
        "font.woff2",
        "font.ttf",
        "font.otf",
    ]
    .iter()
    .map(|n| {
        // An office document is opened to be checked: a real one (a zip).
        let office = [".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"];
        match office.iter().any(|e| n.ends_with(e)) {
            true => (n.to_string(), common::office::plain_docx()),
            false => (n.to_string(), b(&format!("bytes of {n}"))),
        }
    })
    .collect();
    let forbidden = [
        "page.html",
        "page.htm",
        "page.xhtml",
        "page.xht",
        "page.shtml",
        "page.shtm",
        "app.js",
        "app.mjs",
        "app.hta",
        "data.xml",
        "style.xsl",
        "style.xslt",
        "x.svg.html",
        "OTHER.XHT",
        "drawing.svgz",
        "run.php",
        "setup.exe",
        "old.doc",
        "macro.xlsm",
        "README",
        "archive.zip",
        "site.css",
    ]
    .iter()
    .map(|n| (n.to_string(), b("<script>document.title='pwned'</script>")))
    .collect();
    let leftovers = [
        "~$case-notes.docx",
        "notes.bak",
        "x.tmp",
        "~WRL0001.tmp",
        "a.swp",
        "draft.docx~",
        ".DS_Store",
        "Thumbs.db",
        "desktop.ini",
        "#notes.md#",
        ".hidden.png",
        "a.orig",
    ]
    .iter()
    .map(|n| n.to_string())
    .collect();
    (allowed, forbidden, leftovers)
}

#[test]
fn only_allowlisted_types_are_published() {
    let (allowed, forbidden, leftovers) = types();
    let site = site_with(&allowed);
    for name in &leftovers {
        site.write(&format!("guidance/handbook/files/{name}"), "private");
    }
    // Allowed types and leftovers: a clean build, even with --strict.
    let o = site.run(&["build", "--strict"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    for (name, bytes) in &allowed {
        for lang in LANGS {
            let p = site.out().join(format!("{lang}/handbook/files/{name}"));
            assert_eq!(&std::fs::read(&p).unwrap(), bytes, "{}", p.display());
        }
    }
    let published: Vec<String> = common::tree(&site.out()).into_keys().collect();
    for name in &leftovers {
        assert!(
            !published.iter().any(|p| p.ends_with(&format!("/{name}"))),
            "{name} was published"
        );
        assert!(!o.stderr.contains(name.as_str()), "{name}: {}", o.stderr);
    }
    assert!(
        !common::tree(&site.out())
            .keys()
            .any(|p| p.starts_with("download/") && p.contains("~$")),
    );

    // Each forbidden type that a page uses is an error naming the file;
    // nothing is written.
    let before = common::tree(&site.out());
    let mut page = String::from("---\ntitle: More files\n---\n\n");
    for (name, bytes) in &forbidden {
        site.write(&format!("guidance/handbook/files/{name}"), bytes);
        page.push_str(&format!("- [{name}](<files/{name}>)\n"));
    }
    site.write("guidance/handbook/05-more.en.md", &page);
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for (line, (name, _)) in forbidden.iter().enumerate() {
        let head = format!(
            "guidance/handbook/05-more.en.md:{}:3: error: `{name}` cannot be published: ",
            line + 5
        );
        assert!(
            o.stderr.lines().any(|l| l.starts_with(&head)),
            "{name:?}: {}",
            o.stderr
        );
    }
    // Once, at the link: not again at the file.
    assert!(!o.stderr.contains("files/page.xht: "), "{}", o.stderr);
    assert_eq!(
        common::tree(&site.out()),
        before,
        "a failed build changes nothing"
    );

    // A site whose authors are all trusted publishes them as they are.
    site.write(
        "site.yaml",
        format!("{}allow_raw_html: true\n", site.read("site.yaml")),
    );
    site.build_ok();
    for (name, bytes) in &forbidden {
        let p = site.out().join(format!("en/handbook/files/{name}"));
        assert_eq!(&std::fs::read(&p).unwrap(), bytes, "{}", p.display());
    }
}

#[test]
fn names_that_break_on_windows_or_macos_are_errors() {
    let site = common::Site::fixture("basic");
    site.build_ok();
    let before = common::tree(&site.out());
    for name in [
        "evil.html.",
        "notes.txt ",
        "con.png",
        "AUX.pdf",
        "com1.txt",
        "lpt9.jpg",
    ] {
        site.write(&format!("guidance/handbook/files/{name}"), "x");
    }
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for name in [
        "evil.html.",
        "notes.txt ",
        "con.png",
        "AUX.pdf",
        "com1.txt",
        "lpt9.jpg",
    ] {
        let head = format!(
            "guidance/handbook/files/{name}: error: this name does not work on every system"
        );
        assert!(
            o.stderr.lines().any(|l| l.starts_with(&head)),
            "{name:?}: {}",
            o.stderr
        );
        site.remove(&format!("guidance/handbook/files/{name}"));
    }
    assert_eq!(
        common::tree(&site.out()),
        before,
        "a failed build changes nothing"
    );
    // Two files whose published names differ only by case.
    site.write("guidance/handbook/files/Map.png", "a");
    site.write("guidance/handbook/files/map.png", "b");
    site.write(
        "guidance/handbook/04-maps.en.md",
        "---\ntitle: Maps\n---\n![one](files/Map.png) ![two](files/map.png)\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("/handbook/files/Map.png`")
            && o.stderr.contains("/handbook/files/map.png`")
            && o.stderr.contains("differ only by case"),
        "{}",
        o.stderr
    );
    // At the files to rename.
    assert!(
        o.stderr.contains(
            "hint: rename `guidance/handbook/files/Map.png` or `guidance/handbook/files/map.png`"
        ),
        "{}",
        o.stderr
    );
    // Once, not once per language's folder.
    assert_eq!(
        o.stderr.matches("differ only by case").count(),
        1,
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("(and the same in 2 other folders)"),
        "{}",
        o.stderr
    );
    assert_eq!(
        common::tree(&site.out()),
        before,
        "a failed build changes nothing"
    );
}

#[test]
fn page_names_windows_reserves_are_errors() {
    // The file names pass (`03-con.en.md`); the names published once the
    // number and language are off (`con.html`, `aux/`, `prn/`) do not.
    let site = common::Site::fixture("basic");
    site.build_ok();
    let before = common::tree(&site.out());
    site.write(
        "guidance/handbook/03-con.en.md",
        "---\ntitle: Console\n---\nText.\n",
    );
    site.write(
        "guidance/handbook/04-aux/index.en.md",
        "---\ntitle: Auxiliary\n---\n",
    );
    site.write(
        "guidance/handbook/04-aux/01-a.en.md",
        "---\ntitle: A\n---\n",
    );
    site.write(
        "guidance/02-prn/index.en.md",
        "---\ntitle: Printer\nkind: guidelines\n---\n",
    );
    site.write(
        "guidance/handbook/05-com\u{b9}.fr.md",
        "---\ntitle: Port\n---\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for (path, name) in [
        ("guidance/handbook/03-con.en.md", "con"),
        ("guidance/handbook/04-aux", "aux"),
        ("guidance/02-prn", "prn"),
        ("guidance/handbook/05-com\u{b9}.fr.md", "com\u{b9}"),
    ] {
        let head = format!(
            "{path}: error: this name does not work on every system: the page name `{name}`"
        );
        assert!(
            o.stderr
                .lines()
                .any(|l| l.starts_with(&head) && l.contains("a name Windows reserves")),
            "{path}: {}",
            o.stderr
        );
    }
    assert!(o.stderr.contains("= hint: rename the"), "{}", o.stderr);
    assert_eq!(
        common::tree(&site.out()),
        before,
        "a failed build changes nothing"
    );
    // `check` says the same.
    let c = site.run(&["check"]);
    assert_eq!(c.code, 1, "{}", c.stderr);
    assert!(c.stderr.contains("the page name `aux`"), "{}", c.stderr);
}
