//! Defects found by a second black-box sweep with hostile input (links,
//! odd names, forged output, disguised files): each test is the smallest
//! site that showed one.

mod common;

use common::photo::phone_photo;
use common::{Site, tree};

fn site() -> Site {
    Site::fixture("basic")
}

fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// A phone photo saved under a document's or a video's name (`.pdf`,
/// `.txt`, `.mp4`) was published with its GPS block: only files named as
/// images went through the metadata removal, yet `![x](scan.pdf)` shows
/// it in an `<img>` (browsers go by its bytes) and a download keeps its
/// location. A file is a photo by its bytes as well as by its name.
#[test]
fn a_photo_under_another_type_s_name_loses_its_location_too() {
    let s = site();
    let photo = phone_photo();
    for name in ["scan.pdf", "notes.txt", "clip.mp4"] {
        s.write(&format!("guidance/handbook/images/{name}"), &photo);
    }
    s.write("static/poster.pdf", &photo);
    let rel = "guidance/handbook/02-signs.en.md";
    let text = s.read(rel);
    s.write(
        rel,
        format!(
            "{text}\n![Scan](images/scan.pdf)\n\n[notes](images/notes.txt), [clip](images/clip.mp4)\n"
        ),
    );
    let o = s.build_ok();
    let published = tree(&s.out());
    let mut seen = 0;
    for (path, bytes) in &published {
        if ["scan.pdf", "notes.txt", "clip.mp4", "poster.pdf"]
            .iter()
            .any(|n| path.ends_with(n))
        {
            seen += 1;
            assert!(
                !holds(bytes, b"GPSSECRETMARK"),
                "{path} keeps its GPS block"
            );
            assert!(
                bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
                "{path}: still the photo"
            );
        }
    }
    assert_eq!(seen, 3 * 3 + 1, "{:?}", published.keys());
    let zip = std::fs::read(s.out().join("download/test-guidance.zip")).unwrap();
    for (name, bytes) in fieldguide::output::download::entries(&zip).unwrap() {
        assert!(!holds(&bytes, b"GPSSECRETMARK"), "{name} in the zip");
    }
    for file in ["guidance/handbook/images/scan.pdf", "static/poster.pdf"] {
        assert!(
            o.stderr.contains(&format!(
                "{file}: warning: the published copy leaves out the photo's location"
            )),
            "{file} is named:\n{}",
            o.stderr
        );
    }
}

/// An output folder written with `..` after a folder that does not exist
/// yet (`--out new/../guidance/out`) was taken for a folder outside the
/// site: the check compared the words of the path, not where it leads.
/// The build wrote its pages into `guidance/`, made `new/` in the site,
/// and the next build read its own output back as 122 files of guidance.
/// The path is resolved as the system resolves it, and refused.
#[test]
fn an_output_path_that_climbs_back_into_the_source_is_refused() {
    let s = site();
    let before = tree(s.path());
    for out in ["new/../guidance/out", "a/b/../../static"] {
        let target = s.path().join(out);
        let o = s.run(&["build", "--out", target.to_str().unwrap()]);
        assert_eq!(o.code, 1, "{out}:\n{}", o.stderr);
        assert!(
            o.stderr.contains("is inside the site's"),
            "{out}:\n{}",
            o.stderr
        );
    }
    // Through a link to the site's `guidance/`, then a new folder and `..`.
    let link = s.path().join("elsewhere");
    std::os::unix::fs::symlink(s.path().join("guidance"), &link).unwrap();
    let o = s.run(&["build", "--out", link.join("new/../out").to_str().unwrap()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    std::fs::remove_file(&link).unwrap();
    assert_eq!(tree(s.path()), before, "nothing was written in the site");
    assert!(!s.path().join("new").exists() && !s.path().join("a").exists());
    // A `..` that stays out of the source folders is still fine.
    let o = s.run(&[
        "build",
        "--out",
        s.path().join("new/../public").to_str().unwrap(),
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(s.out().join("en/index.html").is_file());
    // The folder stepped into and out of is not created: it is outside the
    // output folder (before, `new/` was left behind, empty).
    assert!(!s.path().join("new").exists());
}

/// An output folder that is a link is refused, but named with a slash
/// after it (`--out public/`, as a shell completes a folder's name) or as
/// `public/.` the link was followed: the check looked at the path as
/// given, and the system resolves a link before a trailing slash. The
/// build wrote into the folder the link led to.
#[test]
fn an_output_link_named_with_a_trailing_slash_is_refused() {
    let s = site();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = s.path().join("public");
    std::os::unix::fs::symlink(elsewhere.path(), &link).unwrap();
    for named in ["public/", "public/.", "public/./"] {
        let out = format!("{}/{named}", s.path().display());
        let o = s.run(&["build", "--out", &out]);
        assert_eq!(o.code, 1, "{named}:\n{}", o.stderr);
        assert!(
            o.stderr.contains("is a symbolic link"),
            "{named}:\n{}",
            o.stderr
        );
        assert!(
            std::fs::read_dir(elsewhere.path())
                .unwrap()
                .next()
                .is_none(),
            "{named}: nothing written where the link leads"
        );
    }
}

/// A theme's own static files (`templates/static/`) are published under
/// `assets/` by their names, but their names were not checked as
/// `static/`'s are: `con.png` and `c:d.png` (which Windows cannot hold)
/// were published, a name with a line break split its line of the
/// output's manifest in two, and `e\f.png` stopped the build with an
/// "internal error". Each is an error naming the file, as in `static/`.
#[test]
fn a_theme_static_file_s_name_must_work_everywhere() {
    let s = site();
    let png = std::fs::read(s.path().join("guidance/handbook/images/flow.png")).unwrap();
    for name in ["con.png", "c:d.png", "a\nb.png", "e\\f.png", "g.png "] {
        s.write(&format!("templates/static/{name}"), &png);
    }
    s.write("templates/static/fine.png", &png);
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for shown in ["con.png", "c:d.png", "a\\u{a}b.png", "e\\f.png", "g.png "] {
        assert!(
            o.stderr.lines().any(|l| l.starts_with(&format!(
                "templates/static/{shown}: error: this name does not work on every system"
            ))),
            "{shown:?} is named:\n{}",
            o.stderr
        );
    }
    assert!(!o.stderr.contains("internal error"), "{}", o.stderr);
    assert!(!s.out().exists());
    for name in ["con.png", "c:d.png", "a\nb.png", "e\\f.png", "g.png "] {
        std::fs::remove_file(s.path().join("templates/static").join(name)).unwrap();
    }
    s.build_ok();
    assert!(s.out().join("assets/fine.png").is_file());
}

/// A Git repository at the top of the output (`public/` a clone of the
/// `gh-pages` branch) is never the build's to remove, but a manifest entry
/// forged under it (`<hash> .git/HEAD`, whose bytes anyone can predict,
/// and the manifest is committed to that very branch) had the build remove
/// the file as one it wrote: the clone was no longer a repository. Such an
/// entry is ignored with a warning, like one with `..`.
#[test]
fn a_manifest_entry_forged_into_the_repository_removes_nothing() {
    let s = site();
    let git = s.out().join(".git");
    std::fs::create_dir_all(git.join("refs/heads")).unwrap();
    let head = b"ref: refs/heads/gh-pages\n";
    std::fs::write(git.join("HEAD"), head).unwrap();
    s.build_ok();
    let manifest = s.out().join(".fieldguide-output");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str(&format!("{} .git/HEAD\n", blake3::hash(head).to_hex()));
    std::fs::write(&manifest, text).unwrap();
    let o = s.build_ok();
    assert_eq!(
        std::fs::read(git.join("HEAD")).unwrap(),
        head,
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("not a plain path inside the output folder: `.git/HEAD`"),
        "{}",
        o.stderr
    );
}

/// A site's own stylesheet that loads from another host (a web font's
/// `@import`, a `url(https://…)` font or background) was published without
/// a word: every page's Content-Security-Policy keeps readers' browsers
/// from loading it, so the author saw a style missing and no reason. The
/// build says so, at the place in the file, and names every address.
#[test]
fn a_theme_stylesheet_loading_from_another_host_is_named() {
    let s = site();
    s.write(
        "templates/static/brand.css",
        "/* url(https://in.a.comment/) */\n\
         @import url(\"https://fonts.example/css2?family=Noto\");\n\
         body { background: url(images/paper.png); }\n\
         h1 { font-family: x; src: url(//cdn.example/x.woff2); content: \"url(https://text.example/)\" }\n",
    );
    let o = s.build_ok();
    assert!(
        o.stderr.contains(
            "templates/static/brand.css:2:14: warning: this stylesheet loads from another host"
        ) && o
            .stderr
            .contains("`https://fonts.example/css2?family=Noto`, `//cdn.example/x.woff2`"),
        "{}",
        o.stderr
    );
    for quiet in ["in.a.comment", "text.example", "paper.png"] {
        assert!(!o.stderr.contains(quiet), "{quiet}:\n{}", o.stderr);
    }
    assert!(s.out().join("assets/brand.css").is_file());
}

/// `status` and `translate export` look up a source's earlier text in the
/// site's git history, running git in the site folder, whose repository
/// came with the site: its `.git/config` was obeyed. `log.showSignature`
/// with `gpg.program`, or a partial clone fetching a missing file with
/// `core.sshCommand`, ran any program it named. Git runs with those
/// settings off and no network.
#[test]
fn a_site_s_own_git_settings_run_no_program() {
    use std::os::unix::fs::PermissionsExt;
    let s = Site::sample();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(s.path())
            .output()
    };
    if git(&["init", "-q"]).is_err() {
        eprintln!("git not installed: skipped");
        return;
    }
    let page = "guidance/identification-guidelines/02-indicators.en.md";
    assert!(git(&["add", "-A"]).unwrap().status.success());
    assert!(git(&["commit", "-qm", "sample"]).unwrap().status.success());
    // The same commit, signed (any signature: checking it runs the program).
    let commit = String::from_utf8(git(&["cat-file", "commit", "HEAD"]).unwrap().stdout).unwrap();
    let signed = commit.replacen(
        "\n\n",
        "\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----\n\n",
        1,
    );
    s.write("signed.txt", &signed);
    let id = git(&["hash-object", "-t", "commit", "-w", "signed.txt"])
        .unwrap()
        .stdout;
    let id = String::from_utf8(id).unwrap();
    s.remove("signed.txt");
    assert!(
        git(&["update-ref", "HEAD", id.trim()])
            .unwrap()
            .status
            .success()
    );
    // The page's text at that commit is missing, as in a partial clone.
    let blob =
        String::from_utf8(git(&["rev-parse", &format!("HEAD:{page}")]).unwrap().stdout).unwrap();
    let blob = blob.trim();
    std::fs::remove_file(
        s.path()
            .join(".git/objects")
            .join(&blob[..2])
            .join(&blob[2..]),
    )
    .unwrap();
    let outside = tempfile::tempdir().unwrap();
    let marker = outside.path().join("ran");
    let program = outside.path().join("program");
    std::fs::write(
        &program,
        format!("#!/bin/sh\ntouch '{}'\nexit 1\n", marker.display()),
    )
    .unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    let program = program.to_str().unwrap();
    for (key, value) in [
        ("log.showSignature", "true"),
        ("gpg.program", program),
        ("core.repositoryformatversion", "1"),
        ("extensions.partialClone", "origin"),
        ("remote.origin.url", "ssh://git.example/site"),
        ("remote.origin.promisor", "true"),
        ("core.sshCommand", program),
    ] {
        assert!(git(&["config", key, value]).unwrap().status.success());
    }
    s.write(
        page,
        s.read(page).replace(
            "Victims often do not identify as such.",
            "Many victims do not see themselves as victims.",
        ),
    );
    s.run(&["status"]);
    let out = tempfile::tempdir().unwrap();
    s.run(&[
        "translate",
        "export",
        "--lang",
        "fr",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(!marker.exists(), "the site's git settings ran a program");
}

/// An AVIF (which phones and converters fill with the photo's EXIF, GPS
/// included) or a GIF carrying XMP was published as it was: metadata is
/// removed from JPEG, PNG and WebP only, and other images passed without a
/// word. One that holds an EXIF item or XMP is an error naming it; one
/// without is published.
#[test]
fn an_avif_or_gif_with_metadata_is_not_published() {
    // `ftyp`, then an item-info entry (version 2) of type `Exif`, then the
    // EXIF block with its GPS directory.
    let avif = |ty: &[u8; 4]| {
        let mut b = b"\0\0\0\x18ftypavif\0\0\0\0avifmif1".to_vec();
        b.extend_from_slice(b"\0\0\0\x15infe\x02\0\0\0\0\x01\0\0");
        b.extend_from_slice(ty);
        b.extend_from_slice(b"\0GPSSECRETMARK");
        b
    };
    let s = site();
    s.write("guidance/handbook/images/shelter.avif", avif(b"Exif"));
    s.write("guidance/handbook/images/plain.avif", avif(b"av01"));
    s.write(
        "static/banner.gif",
        b"GIF89a\x01\0\x01\0\0\0\0!\xff\x0bXMP DataXMP<x:xmpmeta>GPS</x:xmpmeta>;".as_slice(),
    );
    let rel = "guidance/handbook/02-signs.en.md";
    let text = s.read(rel);
    s.write(
        rel,
        format!("{text}\n![Shelter](images/shelter.avif) ![Plain](images/plain.avif)\n"),
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for (file, format) in [
        ("guidance/handbook/images/shelter.avif", "AVIF"),
        ("static/banner.gif", "GIF"),
    ] {
        assert!(
            o.stderr.contains(&format!(
                "{file}: error: not published: it holds metadata (EXIF or XMP"
            )) && o.stderr.contains(&format!("but not from {format}")),
            "{file}:\n{}",
            o.stderr
        );
    }
    assert!(!o.stderr.contains("plain.avif"), "{}", o.stderr);
    assert!(!s.out().exists());
    s.remove("guidance/handbook/images/shelter.avif");
    s.remove("static/banner.gif");
    s.write(rel, format!("{text}\n![Plain](images/plain.avif)\n"));
    s.build_ok();
    assert!(s.out().join("en/handbook/images/plain.avif").is_file());
}

/// A site's own `base.html` with anything but the start of `<head>` before
/// the Content-Security-Policy's `<meta>` (a tracking pixel's `<img>`, a
/// stray word) turned the policy off: the parser ends the head there, and
/// a policy met in the body is ignored, so inline script ran (checked in
/// Chromium). Only a script, style, link or `<base>` before it had the
/// `<meta>` put first; now anything that is not `<html>`, `<head>`, a
/// `<meta>` or the `<title>` does.
#[test]
fn a_template_cannot_push_the_policy_out_of_the_head() {
    let theme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"),
    )
    .unwrap();
    for lead in [
        "<img src=\"https://pixel.example/p.gif\" alt=\"\">",
        "Welcome",
    ] {
        let s = site();
        s.write(
            "templates/base.html",
            theme.replacen(
                "<meta charset=\"utf-8\">",
                &format!("<meta charset=\"utf-8\">{lead}"),
                1,
            ),
        );
        s.build_ok();
        for page in ["en/index.html", "en/handbook/signs.html", "index.html"] {
            let p = s.page(page);
            assert_eq!(
                p.select("head > meta[http-equiv=\"Content-Security-Policy\"]")
                    .len(),
                1,
                "{lead}: {page} has its policy in <head>:\n{}",
                &p.text[..600.min(p.text.len())]
            );
        }
    }
}
