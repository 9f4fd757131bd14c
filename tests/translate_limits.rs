//! End-to-end: the round trip's limits. `translate import` refuses a file
//! too large or a spreadsheet that unpacks to too much (a zip bomb), and
//! `translate export` never writes through a link in the site; messages
//! about a file's header point at its line.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use common::{Site, tree};
use helpers::*;
use std::io::{Read, Write};
use std::path::Path;

/// A copy of the spreadsheet `from` with `spaces` bytes of spaces inserted
/// after the `<sst …>` tag of its shared strings: legal XML that
/// compresses about a thousandfold.
fn bomb(from: &Path, to: &Path, spaces: usize) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let deflate = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        zout.start_file(name.as_str(), deflate).unwrap();
        if name == "xl/sharedStrings.xml" {
            let sst = data.windows(4).position(|w| w == b"<sst").unwrap();
            let end = sst + data[sst..].iter().position(|&b| b == b'>').unwrap() + 1;
            zout.write_all(&data[..end]).unwrap();
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..spaces / chunk.len() {
                zout.write_all(&chunk).unwrap();
            }
            zout.write_all(&data[end..]).unwrap();
        } else {
            zout.write_all(&data).unwrap();
        }
    }
    zout.finish().unwrap();
}

#[test]
fn a_spreadsheet_that_unpacks_to_too_much_is_refused() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "xlsx", out.path(), &[]);
    let file = out.path().join("bomb.xlsx");
    bomb(&out.path().join("pocket-guide.xlsx"), &file, 20 << 20);
    assert!(std::fs::metadata(&file).unwrap().len() < 200_000);
    let before = tree(site.path());
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let want = format!(
        "{}: error: `xl/sharedStrings.xml` in the spreadsheet unpacks to more than 16 MB: the file is refused",
        file.display()
    );
    assert!(
        o.stderr.contains(&want),
        "missing {want}\nin:\n{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("import failed: 0 pages written"),
        "{}",
        o.stderr
    );
    assert!(tree(site.path()) == before, "nothing is written");

    // A large but legal spreadsheet under the limit is read.
    let big = out.path().join("big.xlsx");
    bomb(&out.path().join("pocket-guide.xlsx"), &big, 8 << 20);
    let o = import(&site, &[big]);
    assert_eq!(o.code, 0, "{}", o.stderr);
}

#[test]
fn a_file_over_16_mb_is_refused() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let file = out.path().join("pocket-guide.po");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(&format!("# {}\n", "x".repeat(17 << 20)));
    std::fs::write(&file, text).unwrap();
    let before = tree(site.path());
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!(
            "{}: error: the file is larger than 16 MB",
            file.display()
        )),
        "{}",
        o.stderr
    );
    assert!(tree(site.path()) == before);
}

#[cfg(unix)]
#[test]
fn export_never_writes_through_a_link_in_the_site() {
    use std::os::unix::fs::symlink;
    let site = Site::sample();
    let elsewhere = tempfile::tempdir().unwrap();
    let translations = site.path().join("translations");
    let empty = |dir: &Path| std::fs::read_dir(dir).unwrap().next().is_none();

    // translations/fr/ is a link, then translations/ itself.
    std::fs::create_dir(&translations).unwrap();
    symlink(elsewhere.path(), translations.join("fr")).unwrap();
    for (link, format) in [("translations/fr", "po"), ("translations", "xlsx")] {
        if link == "translations" {
            std::fs::remove_file(translations.join("fr")).unwrap();
            std::fs::remove_dir(&translations).unwrap();
            symlink(elsewhere.path(), &translations).unwrap();
        }
        let before = tree(site.path());
        let o = site.run(&["translate", "export", "--lang", "fr", "--format", format]);
        assert_eq!(o.code, 1, "{link}: {}", o.stderr);
        let want = format!(
            "error: `{}` is a symbolic link (to `{}`); fieldguide does not write through links: nothing was written",
            site.path().join(link).display(),
            elsewhere.path().display()
        );
        assert!(
            o.stderr.contains(&want),
            "missing {want}\nin:\n{}",
            o.stderr
        );
        assert!(!o.stderr.contains("wrote"), "{}", o.stderr);
        assert!(empty(elsewhere.path()), "{link}: written through the link");
        assert!(tree(site.path()) == before, "{link}");
    }

    // A file of the export that is a link: nothing is written, not even
    // the other publications' files.
    std::fs::remove_file(&translations).unwrap();
    std::fs::create_dir_all(translations.join("fr")).unwrap();
    symlink(
        elsewhere.path().join("x.po"),
        translations.join("fr/pocket-guide.po"),
    )
    .unwrap();
    let o = site.run(&["translate", "export", "--lang", "fr"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("pocket-guide.po` is a symbolic link"),
        "{}",
        o.stderr
    );
    assert!(empty(elsewhere.path()));
    let files: Vec<_> = std::fs::read_dir(translations.join("fr"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files, ["pocket-guide.po"], "only the link is there");

    // A folder named with --out is the user's choice, even through a link.
    let out = tempfile::tempdir().unwrap();
    symlink(elsewhere.path(), out.path().join("to-send")).unwrap();
    export(&site, "fr", "po", &out.path().join("to-send"), &[]);
    assert!(
        elsewhere
            .path()
            .join("identification-guidelines.po")
            .is_file()
    );
}

#[test]
fn header_problems_are_reported_at_their_line() {
    let site = Site::sample();
    let out = tempfile::tempdir().unwrap();
    export(&site, "fr", "po", out.path(), &[]);
    let text = std::fs::read_to_string(out.path().join("pocket-guide.po")).unwrap();
    let line_of = |text: &str, start: &str| {
        1 + text
            .lines()
            .position(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no {start}"))
    };
    let language = line_of(&text, "\"Language: fr");
    let publication = line_of(&text, "\"X-Fieldguide-Publication:");
    let header = line_of(&text, "msgstr \"\"");
    assert!(language > 1 && publication > 1);
    let cases = [
        (
            "lang.po",
            text.replace("Language: fr", "Language: de"),
            format!(
                "{language}:1: error: the file's language `de` is not one of the site's languages"
            ),
        ),
        (
            "pub.po",
            text.replace(
                "X-Fieldguide-Publication: pocket-guide",
                "X-Fieldguide-Publication: nope",
            ),
            format!("{publication}:1: error: the site has no publication `nope`"),
        ),
        (
            "none.po",
            text.replace("\"Language: fr\\n\"\n", ""),
            format!(
                "{header}:1: error: the file does not say its language: its header has no `Language:` line"
            ),
        ),
    ];
    for (name, body, want) in cases {
        let f = out.path().join(name);
        std::fs::write(&f, body).unwrap();
        let o = import(&site, std::slice::from_ref(&f));
        assert_eq!(o.code, 1, "{name}: {}", o.stderr);
        let want = format!("{}:{want}", f.display());
        assert!(
            o.stderr.contains(&want),
            "missing {want}\nin:\n{}",
            o.stderr
        );
        assert!(!o.stderr.contains("language ``"), "{}", o.stderr);
    }
    let o = import(&site, &[out.path().join("none.po")]);
    assert!(
        o.stderr
            .contains("hint: add the line \"Language: fr\\n\" to the header"),
        "{}",
        o.stderr
    );

    // An XLIFF file's DTD, on its second line.
    export(&site, "fr", "xliff", out.path(), &[]);
    let f = out.path().join("pocket-guide.xlf");
    let xlf = std::fs::read_to_string(&f).unwrap();
    let (decl, rest) = xlf.split_once('\n').unwrap();
    std::fs::write(
        &f,
        format!("{decl}\n<!DOCTYPE xliff [<!ENTITY a \"aaaa\">]>\n{rest}"),
    )
    .unwrap();
    let o = import(&site, std::slice::from_ref(&f));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let want = format!("{}:2:1: error: the file has a DTD", f.display());
    assert!(
        o.stderr.contains(&want),
        "missing {want}\nin:\n{}",
        o.stderr
    );
}
