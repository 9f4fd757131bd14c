//! Defects found by a black-box sweep with hostile input and messy
//! real-world corpora: each test is the smallest site that showed one.

mod common;
#[allow(dead_code)]
#[path = "serve_support/server.rs"]
mod server;

use common::Site;
use std::time::{Duration, Instant};

fn site() -> Site {
    Site::fixture("basic")
}

/// A PNG of the fixture, to plant elsewhere.
fn png(s: &Site) -> Vec<u8> {
    std::fs::read(s.path().join("guidance/handbook/images/flow.png")).unwrap()
}

/// The fixture with `static/images/logo.png`, shown site-absolute (as a
/// migrated site writes it) on the English signs page.
fn site_showing_a_static_logo() -> Site {
    let s = site();
    s.write("static/images/logo.png", png(&s));
    let rel = "guidance/handbook/02-signs.en.md";
    let text = s.read(rel);
    s.write(rel, format!("{text}\n![Logo](/images/logo.png)\n"));
    s
}

/// An alias too long for a file name (`<alias>.html` over 255 bytes) was
/// passed by `check` and failed `build` late, at an output path, with a hint
/// about a full or read-only disk; it is an error at its line, for both.
#[test]
fn an_alias_too_long_for_a_file_name_is_an_error_at_its_line() {
    let s = site();
    let rel = "guidance/handbook/02-signs.en.md";
    let text = s.read(rel);
    // 126 two-byte letters: 252 bytes, 257 with `.html`.
    let long = "é".repeat(126);
    s.write(
        rel,
        text.replacen("---\n", &format!("---\naliases: [\"{long}\"]\n"), 1),
    );
    for cmd in ["check", "build"] {
        let o = s.run(&[cmd]);
        assert_eq!(o.code, 1, "{cmd}:\n{}", o.stderr);
        assert!(
            o.stderr.contains(&format!("{rel}:2:")) && o.stderr.contains("too long"),
            "{cmd}: the alias's line and the reason:\n{}",
            o.stderr
        );
        assert!(!o.stderr.contains("cannot write"), "{cmd}:\n{}", o.stderr);
    }
    assert!(!s.out().exists());
}

/// A source page whose front matter fails was left out of `translate
/// export` without a word (exit 0): the translators' file lacked its text
/// and nobody was told. Its error is said, with what it costs.
#[test]
fn translate_export_names_a_source_page_it_cannot_read() {
    let s = site();
    s.write(
        "guidance/handbook/04-broken.en.md",
        "---\ntitle: [Broken\n---\nText the translators never got.\n",
    );
    let o = s.run(&["translate", "export", "--lang", "fr"]);
    let po = s.read("translations/fr/handbook.po");
    assert!(!po.contains("never got"));
    assert!(
        o.stderr.contains("guidance/handbook/04-broken.en.md:2:")
            && o.stderr.contains("not in the export"),
        "the page and what it costs are named:\n{}",
        o.stderr
    );
    // A translation in another language that cannot be read is not this
    // export's business.
    s.write("guidance/handbook/02-signs.ar.md", "---\ntitle: [x\n---\n");
    let o = s.run(&["translate", "export", "--lang", "fr"]);
    assert!(!o.stderr.contains("02-signs.ar.md"), "{}", o.stderr);
}

/// With `broken_links: warning`, a source page that cannot be read is left
/// out of the build (with a warning there); `status` said nothing of it and
/// exited 0, every page "up to date". It names it and exits 1, as it does
/// for a translation with errors.
#[test]
fn status_names_a_source_page_left_out_for_its_errors() {
    let s = site();
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    s.write(
        "guidance/handbook/04-broken.en.md",
        "---\ntitle: [Broken\n---\nText.\n",
    );
    let o = s.run(&["status"]);
    assert!(
        o.stderr.contains("guidance/handbook/04-broken.en.md:2:"),
        "{}{}",
        o.stderr,
        o.stdout
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
}

/// A language's zip held its folder and the theme, not the site-wide
/// `static/` files its pages show: an image written `/images/logo.png`
/// (found in `static/`, as a migrated site writes it) was broken in the
/// French download read from a phone. Every local link of its pages to a
/// file outside the other languages' folders is in it.
#[test]
fn a_language_zip_holds_the_static_files_its_pages_show() {
    let s = site_showing_a_static_logo();
    s.build_ok();
    let zip = s.out().join("download/test-guidance-fr.zip");
    let entries = fieldguide::output::download::entries(&std::fs::read(zip).unwrap()).unwrap();
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    let page = "test-guidance-fr/fr/handbook/signs.html";
    let html = &entries.iter().find(|(n, _)| n == page).expect(page).1;
    assert!(String::from_utf8_lossy(html).contains("src=\"../../images/logo.png\""));
    assert!(
        names.contains(&"test-guidance-fr/images/logo.png"),
        "{names:#?}"
    );
    assert!(!names.iter().any(|n| n.starts_with("test-guidance-fr/en/")));
}

/// With `offline: true`, each language's list of files to keep held its
/// folder and the theme, not the `static/` files its pages show: a page
/// kept for offline reading showed a broken image once the network went.
#[test]
fn offline_reading_keeps_the_static_files_pages_show() {
    let s = site_showing_a_static_logo();
    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}offline: true\n"));
    s.build_ok();
    let json: serde_json::Value = serde_json::from_str(&s.read("public/fr/offline.json")).unwrap();
    let list: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f[0].as_str())
        .collect();
    assert!(list.contains(&"images/logo.png"), "{list:?}");
    assert!(!list.iter().any(|p| p.starts_with("en/")), "{list:?}");
}

/// `serve` watched the site folder following links: a link in `guidance/`
/// to a folder elsewhere (an error, nothing read from it) had that folder
/// watched, all of it (15,000 watches for a link to /usr), and a change
/// there rebuilt the site and was named in the terminal.
#[test]
fn serve_does_not_watch_through_a_link_out_of_the_site() {
    let s = site();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir(elsewhere.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(
        elsewhere.path(),
        s.path().join("guidance/handbook/elsewhere"),
    )
    .unwrap();
    let server = server::Server::start(&s);
    std::fs::write(elsewhere.path().join("sub/changed-elsewhere.md"), "x").unwrap();
    std::thread::sleep(Duration::from_millis(600));
    // A change inside the site, to know the watcher has had its turn.
    let rel = "guidance/handbook/02-signs.en.md";
    let text = s.read(rel);
    s.write(rel, format!("{text}\nMore.\n"));
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    loop {
        let line = server
            .log
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("no rebuild for {rel}: {seen:#?}"));
        assert!(!line.contains("changed-elsewhere"), "{line}");
        if line.contains("02-signs.en.md]") {
            break;
        }
        seen.push(line);
    }
}

/// A new, empty `public/` that Finder or Explorer has shown holds their
/// hidden `.DS_Store`, `Thumbs.db` or `desktop.ini`: the build refused it as
/// "not empty" (and `ls` shows nothing to empty). Those files alone leave a
/// folder empty; anything else still makes it someone's.
#[test]
fn a_folder_holding_only_what_a_file_manager_leaves_is_empty() {
    let s = site();
    let out = s.out();
    std::fs::create_dir(&out).unwrap();
    for junk in [".DS_Store", "Thumbs.db", "desktop.ini"] {
        std::fs::write(out.join(junk), "view settings").unwrap();
    }
    s.build_ok();
    assert!(out.join("en/index.html").is_file());
    assert!(!out.join(".DS_Store").exists());

    let other = s.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join(".DS_Store"), "view settings").unwrap();
    std::fs::write(other.join("notes.bak"), "someone's notes").unwrap();
    let o = s.run(&["build", "--out", other.to_str().unwrap()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("is not empty"), "{}", o.stderr);
    assert_eq!(
        std::fs::read_to_string(other.join("notes.bak")).unwrap(),
        "someone's notes"
    );
}

/// A link title whose quotes Word made curly (`[x](01-intro.md “Intro”)`)
/// is not a title, so the link is text: the hint said to put the whole
/// target in angle brackets, which would look for a file called
/// `01-intro.md “Intro”`. It gives the link with straight quotes.
#[test]
fn a_link_title_in_curly_quotes_is_told_its_straight_quotes() {
    let s = site();
    let rel = "guidance/handbook/02-signs.en.md";
    let text = s.read(rel);
    s.write(rel, format!("{text}\nSee [intro](01-intro.md “Intro”).\n"));
    let o = s.run(&["check"]);
    assert!(
        o.stderr
            .contains("straight quotes, which Word turns curly: `(01-intro.md \"Intro\")`"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("(<01-intro.md"), "{}", o.stderr);
}

/// A zero-width space Word pasted into a link target gave "link to a
/// missing file `01-intro.md`" (the character shows as nothing) with no
/// hint; the hint names it and where it is.
#[test]
fn an_invisible_character_in_a_link_target_is_named() {
    let s = site();
    let rel = "guidance/handbook/02-signs.en.md";
    let text = s.read(rel);
    s.write(
        rel,
        format!("{text}\nSee [intro](01-intro.md\u{200b}) and [the intro](01-in\u{200b}tro.md).\n"),
    );
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    for before in ["01-intro.md", "01-in"] {
        assert!(
            o.stderr.contains(&format!(
                "invisible character, U+200B, after `{before}`: delete it"
            )),
            "{}",
            o.stderr
        );
    }
}

/// A `static/` file where the build publishes another, and two files that
/// differ only by case: `check` named both, `build` stopped at the first,
/// so the author needed a second run to learn of the other.
#[test]
fn build_names_every_clash_at_once_as_check_does() {
    let site = site();
    let png = png(&site);
    site.write("static/en/handbook/images/flow.png", &png);
    site.write("static/Logo.png", &png);
    site.write("static/logo.png", &png);
    let clash = "static/en/handbook/images/flow.png: error: `static/en/handbook/images/flow.png` and `guidance/handbook/images/flow.png` would both be published as `en/handbook/images/flow.png`";
    // Said at the files to rename, not at the names they are published as.
    let case = "static/logo.png: error: `Logo.png` and `logo.png` differ only by case or Unicode normalisation: on Windows and macOS they would be one file";
    let rename = "  = hint: rename `static/Logo.png` or `static/logo.png`";
    for o in [site.run(&["check"]), site.build()] {
        assert_eq!(o.code, 1, "{}", o.stderr);
        for line in [clash, case, rename] {
            assert!(
                o.stderr.lines().any(|l| l == line),
                "no `{line}` in\n{}",
                o.stderr
            );
        }
    }
    assert!(!site.out().exists());
}

/// A page the manifest lists but the output does not hold as recorded (a
/// line forged into the manifest) was "published by the previous build and
/// gone": a warning about a page no reader had, and a failed `--strict`
/// build, decided by the output folder instead of the source.
#[test]
fn a_page_forged_into_the_manifest_is_not_a_page_gone() {
    let site = site();
    site.build_ok();
    let manifest = site.out().join(".fieldguide-output");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str(&format!("{} en/handbook/ghost.html\n", "ab".repeat(32)));
    std::fs::write(&manifest, text).unwrap();
    let o = site.run(&["build", "--strict"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("published this page"), "{}", o.stderr);
}
