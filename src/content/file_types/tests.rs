use super::*;
use FileType::*;

#[test]
fn allowlisted_types() {
    for (name, t) in [
        ("photo.png", Image),
        ("PHOTO.JPG", Image),
        ("a.Jpeg", Image),
        // JPEG's other names: a JPEG saved from a browser on Windows, and old Windows and Mac.
        ("Saved image.jfif", Image),
        ("scan.JPE", Image),
        ("anim.gif", Image),
        ("x.webp", Image),
        ("x.avif", Image),
        ("flow.svg", Svg),
        ("FLOW.SVG", Svg),
        ("x.html.svg", Svg),
        ("form.pdf", Document),
        ("a.odt", Document),
        ("a.ods", Document),
        ("a.odp", Document),
        ("case-notes CONFIDENTIAL.docx", Document),
        ("a.xlsx", Document),
        ("a.pptx", Document),
        ("a.txt", Document),
        ("a.csv", Document),
        ("a.mp3", Media),
        ("a.m4a", Media),
        ("a.ogg", Media),
        ("a.opus", Media),
        ("a.mp4", Media),
        ("a.webm", Media),
        ("a.vtt", Media),
        ("a.woff", Font),
        ("a.woff2", Font),
        ("a.ttf", Font),
        ("a.otf", Font),
        ("images/sub/flow.svg", Svg),
        ("images\\flow.png", Image),
    ] {
        assert_eq!(classify(name), t, "{name}");
    }
    assert!(Image.is_allowed() && Document.is_allowed() && Media.is_allowed() && Font.is_allowed());
    assert!(
        !Svg.is_allowed()
            && !Leftover.is_allowed()
            && !Active.is_allowed()
            && !Unknown.is_allowed()
    );
}

#[test]
fn active_types_whatever_the_spelling() {
    for name in [
        "page.html",
        "page.HTM",
        "a.xhtml",
        "a.xht",
        "a.shtml",
        "a.shtm",
        "a.js",
        "a.mjs",
        "a.hta",
        "a.xml",
        "a.xsl",
        "a.xslt",
        "a.svgz",
        "a.mhtml",
        "a.php",
        "a.exe",
        "x.svg.html",
        "x.png.js",
        "evil.html.",
        "evil.html ",
        "evil.html . .",
        "EVIL.XHT",
        "macro.docm",
        "old.doc",
        "old.xls",
        "a.wasm",
        "dir/x.jsp",
    ] {
        assert_eq!(classify(name), Active, "{name}");
        let why = refusal(name).unwrap();
        assert!(why.starts_with("a ."), "{name}: {why}");
    }
    assert_eq!(
        refusal("evil.html.").as_deref(),
        Some("a .html file runs in the reader's browser")
    );
    assert_eq!(
        refusal("old.doc").as_deref(),
        Some("a .doc file can carry macros that run when it is opened")
    );
}

#[test]
fn unknown_types_are_not_guessed() {
    for name in [
        "README",
        "Makefile",
        "x.",
        "x. ",
        "archive.zip",
        "style.css",
        "data.json",
        "a.tiff",
        "a.bmp",
        "a.md5",
        "x.html::$DATA",
        "x.ſvg",
        "x.svg\u{200b}",
        "a.htmlx",
        ".html",
    ] {
        let t = classify(name);
        assert!(t == Unknown || t == Leftover, "{name}: {t:?}");
    }
    assert_eq!(classify("README"), Unknown);
    assert_eq!(
        refusal("README").as_deref(),
        Some("it has no extension, so its type is unknown")
    );
    assert!(
        refusal("a.zip")
            .unwrap()
            .starts_with(".zip is not a type fieldguide publishes")
    );
    assert_eq!(refusal("a.png"), None);
    assert_eq!(refusal("a.svg"), None);
    assert_eq!(refusal("~$a.docx"), None);
}

#[test]
fn leftovers_are_never_published() {
    for name in [
        ".DS_Store",
        ".hidden.png",
        "~$questions.docx",
        "notes.docx~",
        "a.bak",
        "A.BAK",
        "Thumbs.db",
        "thumbs.DB",
        "$RECYCLE.BIN",
        "System Volume Information",
        "RECYCLER",
        "desktop.ini",
        "Desktop.ini",
        "x.tmp",
        "~WRL0001.tmp",
        ".x.md.swp",
        "a.swo",
        "#notes.md#",
        ".#notes.md",
        "a.orig",
        "a.rej",
        "02-signs.en.md___jb_tmp___",
        "02-signs.en.md___jb_old___",
        "x.part",
        "x.crdownload",
        "photo (sync-conflict).sync-conflict-20240101-000000-ABC.png",
        "img/.git",
        "a.bak.",
        "Icon\r",
        // git mergetool's copies of a file in conflict.
        "02-next-steps.en_REMOTE_4242.md",
        "02-next-steps.en_BASE_4242.md",
        "flow_LOCAL_17.png",
        "02-next-steps_BACKUP_9.md",
        // Office's own recovery and backup copies.
        "AutoRecovery save of case notes.asd",
        "Backup of referral form.wbk",
        "Backup of contacts.XLK",
        "form.docx.crswap",
        "01-intro.en.md.kate-swp",
    ] {
        assert_eq!(classify(name), Leftover, "{name:?}");
    }
    assert_ne!(classify("local_remote_base.md"), Leftover);
    assert_ne!(classify("case_base_2.md"), Leftover);
    assert_eq!(classify("backup-plan.pdf"), Document);
    assert_eq!(classify("#1 priority.png"), Image);
}

#[test]
fn names_that_break_elsewhere() {
    for (name, why) in [
        ("con", "is a name Windows reserves"),
        ("CON.txt", "is a name Windows reserves"),
        ("nul.tar.gz", "is a name Windows reserves"),
        ("Aux.png", "is a name Windows reserves"),
        ("prn", "is a name Windows reserves"),
        ("com1.pdf", "is a name Windows reserves"),
        ("COM9", "is a name Windows reserves"),
        ("lpt5.docx", "is a name Windows reserves"),
        ("lpt¹.png", "is a name Windows reserves"),
        ("conin$", "is a name Windows reserves"),
        ("con .txt", "is a name Windows reserves"),
        ("images/nul/a.png", "is a name Windows reserves"),
        ("a.png.", "ends with a dot or a space"),
        ("a.png ", "ends with a dot or a space"),
        ("what?.png", "contains '?'"),
        ("a:b.png", "contains ':'"),
        ("a|b", "contains '|'"),
        ("a*b", "contains '*'"),
        ("a<b>", "contains '<'"),
        ("a\"b", "contains '\"'"),
        ("a\\b", "contains '\\\\'"),
        ("a\u{1}b", "contains '\\u{1}'"),
        (
            "note\u{202e}fdp.docx",
            "contains '\\u{202e}', which reorders",
        ),
        ("a\u{2067}b.png", "contains '\\u{2067}'"),
        ("a//b", "is not a file name"),
        ("../a", "is not a file name"),
    ] {
        let got = portable_name_problem(name).unwrap_or_else(|| panic!("{name:?} passed"));
        assert!(got.contains(why), "{name:?}: {got}");
    }
    let long = "a".repeat(256);
    assert!(
        portable_name_problem(&long)
            .unwrap()
            .contains("longer than 255")
    );
    for ok in [
        "console.png",
        "com.png",
        "com10.png",
        "lpt.pdf",
        "nullable.svg",
        "auxiliary/a.png",
        "en/identification-guidelines/referral-flow.svg",
        "référence.pdf",
        "a b.png",
        ".well",
        &"a".repeat(255),
    ] {
        assert_eq!(portable_name_problem(ok), None, "{ok}");
    }
}

#[test]
fn portable_keys_collide_like_file_systems() {
    let nfc = "en/r\u{e9}sum\u{e9}.pdf";
    let nfd = "en/re\u{301}sume\u{301}.pdf";
    assert_ne!(nfc, nfd);
    assert_eq!(portable_key(nfc), portable_key(nfd));
    assert_eq!(portable_key("en/Flow.SVG"), portable_key("en/flow.svg"));
    assert_eq!(portable_key("EN/A/B.png"), "en/a/b.png");
    assert_eq!(
        portable_key("en/\u{c9}T\u{c9}.png"),
        portable_key("en/e\u{301}te\u{301}.png")
    );
    assert_eq!(portable_key("a.png."), portable_key("a.png"));
    assert_ne!(portable_key("en/a.png"), portable_key("fr/a.png"));
    assert_ne!(portable_key("a/b.png"), portable_key("ab.png"));
    assert_eq!(portable_key("Straße"), "straße");
    // What a plain lowercase keeps apart and file systems do not.
    assert_eq!(portable_key("οδηγός.pdf"), portable_key("ΟΔΗΓΌΣ.pdf"));
    assert_eq!(portable_key("ſign.txt"), portable_key("sign.txt"));
    assert_eq!(portable_key("5µg.txt"), portable_key("5μg.txt"));
    assert_ne!(portable_key("i.txt"), portable_key("İ.txt"));
}

#[test]
fn a_hosts_settings_are_said_to_be_so_wherever_they_sit() {
    for (name, what) in [
        ("_headers", "Netlify's and Cloudflare Pages' header rules"),
        (
            "static/_redirects",
            "Netlify's and Cloudflare Pages' redirect rules",
        ),
        ("web.config", "IIS's settings"),
        ("a/vercel.json", "Vercel's settings"),
    ] {
        let why = refusal(name).unwrap();
        assert!(
            why.starts_with(&format!("it is {what}, which a host reads")),
            "{name}: {why}"
        );
    }
    // The host files fieldguide does publish: names only, nothing runs.
    for name in ["CNAME", ".nojekyll", ".domains"] {
        assert_eq!(classify(name), Document, "{name}");
        assert_eq!(refusal(name), None, "{name}");
    }
    // Only the exact names: a page's own `headers.txt` is a document.
    assert_eq!(refusal("headers.txt"), None);
    assert_eq!(host_settings("_Headers"), None);
}
