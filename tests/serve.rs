//! End-to-end: `fieldguide serve` builds, serves, rebuilds on change,
//! reloads pages, shows errors, keeps the last good site, refuses paths
//! that leave the site and hosts that are not its own, sends its security
//! headers, starts even when the site has errors, and stops cleanly.

mod common;
#[path = "serve_support/in_browser.rs"]
mod in_browser;
#[path = "serve_support/security.rs"]
mod security;
#[path = "serve_support/server.rs"]
mod server;

use common::Site;
use server::Server;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const CHAPTER: &str = "guidance/handbook/02-signs.en.md";
const BROKEN_YAML: &str = "---\ntitle: [broken\n---\nText\n";
/// What the terminal shows for `BROKEN_YAML`: headline, source line, caret.
const BROKEN_YAML_ERROR: &str =
    "guidance/handbook/02-signs.en.md:2:8: error: invalid front matter: this `[` is never closed
  |
2 | title: [broken
  |        ^
";

#[test]
fn serve_rebuilds_reloads_shows_errors_and_stays_inside_the_site() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let page = server.get("/en/handbook/signs.html");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("__fieldguide/livereload.js"),
        "the reload script is injected when serving"
    );
    // Print pages reload too (they are previewed before printing).
    let print = server.get("/en/handbook/print.html").body;
    assert!(print.contains("<script src=\"../../__fieldguide/livereload.js\" defer></script>"));
    assert_eq!(server.get("/").status, 200);
    assert_eq!(server.get("/en/").status, 200);
    assert_eq!(server.get("/__fieldguide/livereload.js").status, 200);

    // Nothing outside the built site, whatever the encoding.
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/en/..%2f..%2fsite.yaml",
        "/en/%2E%2E/%2E%2E/site.yaml",
        "/..%5csite.yaml",
        "/guidance/handbook/02-signs.en.md",
        "/site.yaml",
    ] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }

    // Edit a chapter: the change shows, and open pages are told to reload.
    let events = server.events();
    Server::wait_event(&events, "build-ok");
    let original = site.read(CHAPTER);
    let index_before = server.get("/en/search-index.js").body;
    site.write(CHAPTER, format!("{original}\nA freshly added sentence.\n"));
    Server::wait_event(&events, "reload");
    let body = server.get("/en/handbook/signs.html").body;
    assert!(body.contains("<p>A freshly added sentence.</p>"), "{body}");
    // The search index follows the edit too.
    assert_ne!(server.get("/en/search-index.js").body, index_before);

    // Break the YAML: the error reaches the browser as the terminal shows
    // it (source line and caret); the last good page stays.
    site.write(CHAPTER, BROKEN_YAML);
    let err = Server::wait_event(&events, "build-error");
    assert!(err.contains(BROKEN_YAML_ERROR), "{err}");
    let page = server.get("/en/handbook/signs.html");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<p>A freshly added sentence.</p>"));
    // A page opened now learns about the error at once.
    let late = server.events();
    assert_eq!(Server::wait_event(&late, "build-error"), err);

    // Fix it: the page comes back with the new text.
    site.write(CHAPTER, format!("{original}\nFixed again.\n"));
    Server::wait_event(&events, "reload");
    let body = server.get("/en/handbook/signs.html").body;
    assert!(body.contains("<p>Fixed again.</p>"), "{body}");

    // A normal build never carries the reload script.
    site.build_ok();
    assert!(
        !site
            .read("public/en/handbook/signs.html")
            .contains("livereload")
    );
}

#[test]
fn serve_sends_the_same_pages_as_build_with_only_the_reload_script_added() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    site.build_ok();
    let built = common::tree(&site.out());
    let mut compared = 0;
    for (path, bytes) in &built {
        // The zips and the output manifest exist only on disk.
        if path.starts_with("download/") || path.starts_with(".fieldguide") {
            continue;
        }
        let served = server.get(&format!("/{path}"));
        assert_eq!(served.status, 200, "{path}");
        // Homes offer the zip, which only `build` writes: the template
        // leaves an empty line where the section would be.
        let mut in_download = false;
        let expected: String = String::from_utf8_lossy(bytes)
            .split_inclusive('\n')
            .filter_map(|l| {
                in_download |= l.starts_with("<section class=\"download\"");
                if !in_download {
                    return Some(l);
                }
                in_download = !l.starts_with("</section>");
                (!in_download).then_some("\n")
            })
            .collect();
        let body: String = served
            .body
            .split_inclusive('\n')
            .filter(|l| !l.contains("__fieldguide/livereload.js"))
            .collect();
        assert_eq!(body, expected, "{path}");
        compared += 1;
    }
    assert!(compared > 20, "only {compared} files compared");
}

#[test]
fn a_folder_without_its_slash_redirects_to_it() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let r = server.get("/en/handbook");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("location"), "/en/handbook/");
    assert_eq!(r.body, "");
    let r = server.get("/en/handbook/03-referral?lang=en");
    assert_eq!(r.status, 404, "a source folder name is not an output path");
    let r = server.get("/en/handbook/referral?x=1");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("location"), "/en/handbook/referral/?x=1");
    let r = server.get("/en");
    assert_eq!(r.header("location"), "/en/");
    // The slash form is the folder's index page.
    let index = server.get("/en/handbook/");
    assert_eq!(index.status, 200);
    assert_eq!(index.body, server.get("/en/handbook/index.html").body);
    // A file is never redirected.
    assert_eq!(server.get("/en/handbook/signs.html").status, 200);
    assert_eq!(server.get("/en/handbook/signs.html/").status, 404);
}

#[test]
fn unknown_paths_get_a_404_page() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let own = server.get("/404.html");
    for path in ["/en/no-such-page.html", "/nowhere/", "/en/handbook/nope"] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}");
        if own.status == 200 {
            // The site has a 404 page: it is what a missing path shows.
            assert_eq!(r.header("content-type"), "text/html; charset=utf-8");
            assert_eq!(r.body, own.body, "{path}");
        } else {
            assert_eq!(r.header("content-type"), "text/plain; charset=utf-8");
            assert_eq!(r.body, "404: not a page of this site\n", "{path}");
        }
    }
}

#[test]
fn serve_starts_with_errors_shows_them_and_switches_to_the_site_once_fixed() {
    let site = Site::fixture("basic");
    let original = site.read(CHAPTER);
    site.write(CHAPTER, BROKEN_YAML);
    let server = Server::start(&site);
    // Every page is the list of errors, as the terminal shows them.
    for path in ["/", "/en/handbook/signs.html", "/en/handbook"] {
        let r = server.get(path);
        assert_eq!(r.status, 503, "{path}");
        assert_eq!(r.header("content-type"), "text/html; charset=utf-8");
        security::assert_headers(&r, path);
        let page = scraper::Html::parse_document(&r.body);
        let sel = |css| scraper::Selector::parse(css).unwrap();
        let text: String = page
            .select(&sel("pre.fg-text"))
            .next()
            .expect("an error list")
            .text()
            .collect();
        assert!(text.contains(BROKEN_YAML_ERROR), "{text}");
        // Links to the broken page are not errors of their own: its
        // error says what is wrong.
        assert!(text.ends_with("\n1 error\n"), "{text}");
        let script = page.select(&sel("script[src]")).next().unwrap();
        assert_eq!(
            script.value().attr("src"),
            Some("/__fieldguide/livereload.js")
        );
    }
    let events = server.events();
    let first = Server::wait_event(&events, "build-error");
    assert!(first.contains(BROKEN_YAML_ERROR), "{first}");

    // Still broken after another edit: the new errors reach the page.
    site.write(CHAPTER, "---\ntitle: [still broken\n---\nText\n");
    let again = Server::wait_event(&events, "build-error");
    assert!(again.contains("2 | title: [still broken"), "{again}");

    site.write(CHAPTER, &original);
    Server::wait_event(&events, "reload");
    let r = server.get("/en/handbook/signs.html");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<h1"), "{}", r.body);
    // And from now on it behaves as if it had started well.
    let late = server.events();
    Server::wait_event(&late, "build-ok");
    site.write(CHAPTER, format!("{original}\nLater text.\n"));
    Server::wait_event(&events, "reload");
    assert!(
        server
            .get("/en/handbook/signs.html")
            .body
            .contains("<p>Later text.</p>")
    );
}

#[test]
fn a_folder_that_is_not_a_site_is_not_served() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["serve", "--port", "0", "--source"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("fix them and run `fieldguide serve` again"),
        "{err}"
    );
}

#[test]
fn under_strict_a_new_warning_shows_its_text_in_the_overlay() {
    let site = Site::fixture("basic");
    let server = Server::start_with(&site, &["--strict"]);
    let events = server.events();
    Server::wait_event(&events, "build-ok");
    let original = site.read(CHAPTER);
    // A body-only edit (rebuilt without a full build) adding a warning.
    site.write(CHAPTER, format!("{original}\nSee [this]().\n"));
    let err = Server::wait_event(&events, "build-error");
    let line = original.lines().count() + 2;
    let pad = " ".repeat(line.to_string().len());
    let expected = format!(
        "guidance/handbook/02-signs.en.md:{line}:5: error: empty link\n\
         {pad} |\n\
         {line} | See [this]().\n\
         {pad} |     ^\n  \
         = hint: give the link a target: [text](file.md)\n\n1 error\n"
    );
    assert_eq!(err, expected);
    site.write(CHAPTER, &original);
    Server::wait_event(&events, "reload");
}

#[test]
fn serve_stops_cleanly_on_interrupt() {
    let site = Site::fixture("basic");
    let mut server = Server::start(&site);
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(server.child.id() as i32, libc::SIGINT) };
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let seen = server.log_until("stopped");
    assert_eq!(seen.last().map(String::as_str), Some("stopped"), "{seen:?}");
}

#[test]
fn serve_reports_a_port_in_use() {
    let site = Site::fixture("basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let o = site.run(&["serve", "--port", &port]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("is already in use"), "{}", o.stderr);
    assert!(!o.stderr.contains("panicked"));
}

#[test]
fn serving_beyond_this_machine_is_announced() {
    let site = Site::fixture("basic");
    let mut c = Command::new(env!("CARGO_BIN_EXE_fieldguide"));
    let mut child = c
        .args(["serve", "--port", "0", "--bind", "0.0.0.0", "--source"])
        .arg(site.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut seen = Vec::new();
    for line in BufReader::new(child.stderr.take().unwrap())
        .lines()
        .map_while(Result::ok)
    {
        let done = line.starts_with("serving ");
        seen.push(line);
        if done {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        seen.iter()
            .any(|l| l.starts_with("warning: serving on 0.0.0.0 makes the preview visible")),
        "{seen:?}"
    );
}

/// A warning an edit made in another file (a link to an anchor the edit
/// removed) is said once, by that edit, and not again by the next one.
#[test]
fn a_warning_an_edit_made_elsewhere_is_said_once() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}\nbroken_links: warning\n"));
    let opts = fieldguide::pipeline::Options {
        source: site.path().to_path_buf(),
        keep_text: true,
        ..Default::default()
    };
    let Ok((mut session, _)) = fieldguide::rebuild::Session::start(opts) else {
        panic!("the fixture does not build");
    };
    let signs = "guidance/handbook/02-signs.en.md";
    let text = site.read(signs);
    let elsewhere = |o: &fieldguide::rebuild::Outcome| -> Vec<String> {
        o.warnings
            .iter()
            .filter(|d| d.path != std::path::Path::new(signs))
            .map(|d| d.headline())
            .collect()
    };
    site.write(
        signs,
        text.replace("## Physical signs {#physical-signs}", "## Bodily signs"),
    );
    let Ok(removed) = session.update(&[signs.into()]) else {
        panic!("the edit fails");
    };
    assert!(!removed.full);
    let said = elsewhere(&removed);
    assert!(
        said.iter()
            .any(|w| w.contains("index.en.md") && w.contains("#physical-signs")),
        "{said:?}"
    );
    site.write(
        signs,
        text.replace("## Physical signs {#physical-signs}", "## Bodily signs")
            .replace("Fear.", "Fear, shame."),
    );
    let Ok(next) = session.update(&[signs.into()]) else {
        panic!("the edit fails");
    };
    assert!(!next.full);
    assert_eq!(elsewhere(&next), Vec::<String>::new());
}

/// A file is sent in the byte range asked for (a video player seeks with
/// these; Safari plays nothing without), a range past the end is refused
/// with its length, a caption file has its type, and a request with two
/// `Host` headers is refused whatever they say.
#[test]
fn ranges_caption_types_and_one_host_header() {
    let site = Site::fixture("basic");
    let bytes: String = (0..1000)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    site.write("static/clip.txt", &bytes);
    site.write(
        "static/captions.vtt",
        "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n",
    );
    let server = Server::start(&site);
    let ranged = |range: &str| {
        server.request(&format!(
            "GET /clip.txt HTTP/1.1\r\nHost: {}\r\nRange: {range}\r\nConnection: close\r\n\r\n",
            server.host()
        ))
    };
    let whole = server.get("/clip.txt");
    assert_eq!(whole.status, 200);
    assert_eq!(whole.header("accept-ranges"), "bytes");
    assert_eq!(whole.body, bytes);
    let r = ranged("bytes=10-19");
    assert_eq!(r.status, 206);
    assert_eq!(r.header("content-range"), "bytes 10-19/1000");
    assert_eq!(r.body, bytes[10..20]);
    security::assert_headers(&r, "/clip.txt");
    let r = ranged("bytes=-5");
    assert_eq!((r.status, r.body.as_str()), (206, &bytes[995..]));
    let r = ranged("bytes=1000-");
    assert_eq!(r.status, 416);
    assert_eq!(r.header("content-range"), "bytes */1000");
    // Several ranges: the whole file, which HTTP allows.
    let r = ranged("bytes=0-1,5-6");
    assert_eq!((r.status, r.body.len()), (200, 1000));
    let vtt = server.get("/captions.vtt");
    assert_eq!(vtt.header("content-type"), "text/vtt; charset=utf-8");
    let two = server.request(&format!(
        "GET /clip.txt HTTP/1.1\r\nHost: {}\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
        server.host()
    ));
    assert_eq!(two.status, 400);
    assert!(!two.body.contains("abc"), "{}", two.body);
}
