//! End-to-end: what an author does while `fieldguide serve` runs (editors'
//! leftover files, folders moved in, odd request paths), on the real
//! binary.

mod common;
// Shared with tests/serve.rs, which uses the helpers this file does not.
#[allow(dead_code)]
#[path = "serve_support/server.rs"]
mod server;

use common::Site;
use server::Server;
use std::time::{Duration, Instant};

const CHAPTER: &str = "guidance/handbook/02-signs.en.md";

/// An encoded slash is not a folder separator: `/en%2f` would otherwise
/// be the language's home at an address one folder off, every relative
/// link (its stylesheet too) broken.
#[test]
fn an_encoded_slash_is_not_a_folder_separator() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    for path in [
        "/en%2f",
        "/en%2F",
        "/en%2fhandbook%2fsigns.html",
        "/en/handbook%2fsigns.html",
    ] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
    // The ordinary forms still work, with a query string or as HEAD.
    assert_eq!(server.get("/en/").status, 200);
    assert_eq!(server.get("/en/handbook/signs.html?x=1").status, 200);
    let head = server.request(&format!(
        "HEAD /en/handbook/signs.html HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.host()
    ));
    assert_eq!(head.status, 200);
    assert_eq!(head.body, "");
}

/// Files that are never content (editors' backups, swap and autosave
/// files, vim's `4913` probe, JetBrains' safe-write files) do not rebuild
/// the site: each was a full rebuild (seconds on a large site), every few
/// seconds while typing, and turned the edit saved with them from a
/// re-render of its pages into a full rebuild.
#[test]
fn editor_leftovers_do_not_rebuild_the_site() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let events = server.events();
    Server::wait_event(&events, "build-ok");
    let leftovers = [
        "guidance/handbook/#02-signs.en.md#",
        "guidance/handbook/02-signs.en.md.bak",
        "guidance/handbook/.02-signs.en.md.swo",
        "guidance/handbook/02-signs.en.md.orig",
    ];
    for rel in leftovers {
        site.write(rel, "scratch");
    }
    // vim's probe that the folder is writable: made and removed at once.
    site.write("guidance/handbook/4913", "");
    site.remove("guidance/handbook/4913");
    // The real edit, saved as JetBrains editors do: the new text in a
    // temp file, the page renamed aside, the temp file renamed in, the
    // old one removed.
    let original = site.read(CHAPTER);
    let dir = site.path().join("guidance/handbook");
    let (tmp, old) = (
        dir.join("02-signs.en.md___jb_tmp___"),
        dir.join("02-signs.en.md___jb_old___"),
    );
    std::fs::write(&tmp, format!("{original}\nA real edit.\n")).unwrap();
    std::fs::rename(dir.join("02-signs.en.md"), &old).unwrap();
    std::fs::rename(&tmp, dir.join("02-signs.en.md")).unwrap();
    std::fs::remove_file(&old).unwrap();
    // The first rebuild's line: the real edit's, and only its; then none
    // for the old file's removal, which a later edit's line would show.
    let mut seen = server.log_until("changed [");
    assert!(
        seen.last()
            .unwrap()
            .ends_with("[guidance/handbook/02-signs.en.md]"),
        "{seen:#?}"
    );
    site.write(CHAPTER, format!("{original}\nA later edit.\n"));
    seen.extend(server.log_until("changed ["));
    assert_eq!(seen.len(), 2, "{seen:#?}");
    for line in &seen {
        assert!(
            !line.contains("#02-signs")
                && !line.contains(".bak")
                && !line.contains(".swo")
                && !line.contains(".orig")
                && !line.contains("4913")
                && !line.contains("___jb_"),
            "{seen:#?}"
        );
    }
    served_with(&server, "/en/handbook/signs.html", "<p>A later edit.</p>");
}

/// Waits until `path` is served with a body that contains `needle`.
fn served_with(server: &Server, path: &str, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let r = server.get(path);
        if r.status == 200 && r.body.contains(needle) {
            return r.body;
        }
        assert!(
            Instant::now() < deadline,
            "{path}: {} without `{needle}`: {}",
            r.status,
            r.body
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until `path` answers `status`.
fn status_becomes(server: &Server, path: &str, status: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.get(path).status != status {
        assert!(Instant::now() < deadline, "{path} never answers {status}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A folder moved into the site while serving is watched like the rest:
/// an edit inside it shows.
#[test]
fn a_folder_moved_in_or_renamed_is_watched() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let outside = tempfile::tempdir_in(site.path().parent().unwrap()).unwrap();
    let pub_dir = outside.path().join("field");
    std::fs::create_dir_all(&pub_dir).unwrap();
    std::fs::write(
        pub_dir.join("index.en.md"),
        "---\ntitle: Field\n---\n\nHome.\n",
    )
    .unwrap();
    std::fs::write(
        pub_dir.join("01-go.en.md"),
        "---\ntitle: Go\n---\n\nFirst.\n",
    )
    .unwrap();
    std::fs::rename(&pub_dir, site.path().join("guidance/field")).unwrap();
    served_with(&server, "/en/field/go.html", "<p>First.</p>");
    site.write(
        "guidance/field/01-go.en.md",
        "---\ntitle: Go\n---\n\nSecond.\n",
    );
    served_with(&server, "/en/field/go.html", "<p>Second.</p>");
    // Renamed while serving: edits under its new name still show.
    std::fs::rename(
        site.path().join("guidance/field"),
        site.path().join("guidance/terrain"),
    )
    .unwrap();
    served_with(&server, "/en/terrain/go.html", "<p>Second.</p>");
    status_becomes(&server, "/en/field/go.html", 404);
    site.write(
        "guidance/terrain/01-go.en.md",
        "---\ntitle: Go\n---\n\nThird.\n",
    );
    served_with(&server, "/en/terrain/go.html", "<p>Third.</p>");
}

/// A page renamed with its translation, then deleted; a translation added
/// and removed; a language added in site.yaml; a template added, broken
/// (the last good page stays) and fixed.
#[test]
fn pages_renamed_deleted_translated_and_a_template_edited() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    // A page and its translation added, then renamed together.
    let events = server.events();
    Server::wait_event(&events, "build-ok");
    for lang in ["en", "fr"] {
        site.write(
            &format!("guidance/handbook/04-extra.{lang}.md"),
            format!("---\ntitle: Extra {lang}\n---\n\nText {lang}.\n"),
        );
    }
    served_with(&server, "/fr/handbook/extra.html", "<p>Text fr.</p>");
    for lang in ["en", "fr"] {
        let from = format!("guidance/handbook/04-extra.{lang}.md");
        let text = site.read(&from);
        site.remove(&from);
        site.write(&format!("guidance/handbook/04-more.{lang}.md"), text);
    }
    served_with(&server, "/fr/handbook/more.html", "<p>Text fr.</p>");
    served_with(&server, "/en/handbook/more.html", "<p>Text en.</p>");
    for lang in ["en", "fr", "ar"] {
        status_becomes(&server, &format!("/{lang}/handbook/extra.html"), 404);
    }
    // Deleted with its translation.
    site.remove("guidance/handbook/04-more.en.md");
    site.remove("guidance/handbook/04-more.fr.md");
    status_becomes(&server, "/fr/handbook/more.html", 404);
    // A translation added while serving.
    site.write(
        "guidance/handbook/02-signs.fr.md",
        "---\ntitle: Signes\n---\n\nPeur.\n",
    );
    served_with(&server, "/fr/handbook/signs.html", "<p>Peur.</p>");
    site.remove("guidance/handbook/02-signs.fr.md");
    let body = served_with(&server, "/fr/handbook/signs.html", "<p>Fear.</p>");
    assert!(!body.contains("Peur"));
    // site.yaml edited: a new language.
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{yaml}  - {{ code: es, name: Español }}\n"),
    );
    served_with(&server, "/es/handbook/signs.html", "<h1");
    // A template added, then broken, then fixed.
    let events = server.events();
    Server::wait_event(&events, "build-ok");
    let page = |extra: &str| {
        format!(
            "<!DOCTYPE html><html lang=\"{{{{ lang.code }}}}\"><title>x</title><p class=custom>{{{{ title }}}}{extra}</p></html>"
        )
    };
    site.write("templates/chapter.html", page(""));
    served_with(
        &server,
        "/en/handbook/signs.html",
        "<p class=custom>Signs</p>",
    );
    site.write("templates/chapter.html", page("{% if %}"));
    let err = Server::wait_event(&events, "build-error");
    assert!(err.contains("templates/chapter.html"), "{err}");
    served_with(
        &server,
        "/en/handbook/signs.html",
        "<p class=custom>Signs</p>",
    );
    site.write("templates/chapter.html", page("!"));
    served_with(
        &server,
        "/en/handbook/signs.html",
        "<p class=custom>Signs!</p>",
    );
}

/// Saved through a temp file renamed over the page (vim, VS Code, many
/// others), in a burst, once briefly empty: the last text shows.
#[test]
fn editors_save_patterns_show_the_last_text() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let events = server.events();
    Server::wait_event(&events, "build-ok");
    let path = site.path().join(CHAPTER);
    let original = site.read(CHAPTER);
    for i in 0..5 {
        let tmp = site
            .path()
            .join(format!("guidance/handbook/.02-signs.en.md.tmp{i}"));
        std::fs::write(&tmp, format!("{original}\nSave {i}.\n")).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
    }
    served_with(&server, "/en/handbook/signs.html", "<p>Save 4.</p>");
    // vim's default: the page renamed to its backup, written anew.
    std::fs::rename(&path, site.path().join("guidance/handbook/02-signs.en.md~")).unwrap();
    std::fs::write(&path, format!("{original}\nFrom vim.\n")).unwrap();
    served_with(&server, "/en/handbook/signs.html", "<p>From vim.</p>");
    // Truncated, then written a moment later.
    std::fs::write(&path, "").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    std::fs::write(&path, format!("{original}\nAfter empty.\n")).unwrap();
    served_with(&server, "/en/handbook/signs.html", "<p>After empty.</p>");
    // Front matter broken, then fixed: the last good page stays meanwhile.
    std::fs::write(&path, "---\ntitle: [x\n---\n").unwrap();
    Server::wait_event(&events, "build-error");
    served_with(&server, "/en/handbook/signs.html", "<p>After empty.</p>");
    std::fs::write(&path, format!("{original}\nFixed.\n")).unwrap();
    Server::wait_event(&events, "reload");
    served_with(&server, "/en/handbook/signs.html", "<p>Fixed.</p>");
    let late = server.events();
    Server::wait_event(&late, "build-ok");
    // The served pages are what `build` writes (bar the reload script).
    site.build_ok();
    let built = std::fs::read_to_string(site.out().join("en/handbook/signs.html")).unwrap();
    let served: String = server
        .get("/en/handbook/signs.html")
        .body
        .split_inclusive('\n')
        .filter(|l| !l.contains("__fieldguide/livereload.js"))
        .collect();
    assert_eq!(served, built);
    let r = server.request(&format!(
        "GET /en/handbook/signs.html HTTP/1.1\r\nHost: {}\r\nIf-None-Match: \"x\"\r\nConnection: close\r\n\r\n",
        server.host()
    ));
    assert_eq!(r.status, 200);
}

/// Files in a folder the build never enters (a notes app's `.obsidian/`,
/// an editor's `.vscode/`, a `.trash/` in the content) do not rebuild the
/// site: each save there (Obsidian writes its workspace file every few
/// seconds) was a full rebuild. What `static/` publishes from a hidden
/// name (`.nojekyll`) still does.
#[test]
fn hidden_folders_do_not_rebuild_the_site() {
    let site = Site::fixture("basic");
    // The folders exist before `serve` starts, as they do: files written
    // into a folder just made can come before the folder is watched.
    site.write("static/robots.txt", "User-agent: *\n");
    let hidden = [
        ".obsidian/workspace.json",
        ".vscode/settings.json",
        "guidance/.trash/01-old.en.md",
        "guidance/handbook/.notes/todo.md",
    ];
    for rel in hidden {
        site.write(rel, "first");
    }
    let server = Server::start(&site);
    let events = server.events();
    Server::wait_event(&events, "build-ok");
    for rel in hidden {
        site.write(rel, "scratch");
    }
    let original = site.read(CHAPTER);
    site.write(CHAPTER, format!("{original}\nA real edit.\n"));
    let seen = server.log_until("changed [");
    assert!(
        seen.last()
            .unwrap()
            .ends_with("[guidance/handbook/02-signs.en.md]"),
        "{seen:#?}"
    );
    served_with(&server, "/en/handbook/signs.html", "<p>A real edit.</p>");
    site.write("static/.nojekyll", "");
    server.log_until("static/.nojekyll]");
    status_becomes(&server, "/.nojekyll", 200);
}
