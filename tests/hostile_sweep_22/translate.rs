//! The translators' round trip with what a site folder may hold planted in
//! it.

use crate::common::Site;
use std::time::Duration;

/// `fieldguide <args> --source <site>`, killed after 60 s.
fn run_for_a_minute(site: &Site, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(args)
        .arg("--source")
        .arg(site.path())
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

/// The store of suggestions kept for the next export
/// (`translations/pending/fr.json`) was read with a plain read: a named
/// pipe planted there (which anyone who can write the site folder can
/// make) hung `translate export` and `translate import` until killed, and
/// a sparse file of 3 GB was read whole into memory. Now it is read as
/// the source snapshots are (a plain file only, never through a link, up
/// to 64 MB), so both commands finish and write what they would without
/// it.
#[cfg(unix)]
#[test]
fn a_named_pipe_as_the_store_of_suggestions_does_not_hang_the_round_trip() {
    let site = Site::fixture("basic");
    std::fs::create_dir_all(site.path().join("translations/pending")).unwrap();
    let fifo = site.path().join("translations/pending/fr.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let o = run_for_a_minute(&site, &["translate", "export", "--lang", "fr"]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(0),
        "killed after 60 s, or failed: {said}"
    );
    let po = site.path().join("translations/fr/handbook.po");
    assert!(po.is_file(), "{said}");
    let o = run_for_a_minute(&site, &["translate", "import", po.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(0),
        "killed after 60 s, or failed: {said}"
    );
}

/// The zip at `path` with `from` replaced by `to` in its part `part`.
fn edit_part(path: &std::path::Path, part: &str, from: &str, to: &str) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = String::from_utf8_lossy(f.name_raw()).into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        if name == part {
            let text = String::from_utf8(data).unwrap();
            assert!(text.contains(from), "no `{from}` in {part}");
            data = text.replacen(from, to, 1).into_bytes();
        }
        parts.push((name, data));
    }
    let named: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    crate::common::office::zip_of(&named)
}

/// A spreadsheet whose sheet gave a cell an address longer than any
/// program writes (`r="ZZZZZZZZZZZZZZZ2"`, or a row of 11 digits) made
/// `translate import` crash (calamine multiplies the address out and
/// overflowed: "internal error ... attempt to multiply with overflow",
/// exit 3, in a debug build; in a release build the cell landed at a
/// column that wrapped around). Now the file is refused, naming the
/// address and the part, with what to do, and no page changes; the
/// spreadsheet as exported is imported as before.
#[test]
fn a_spreadsheet_cell_address_too_long_for_any_program_is_refused() {
    let site = Site::fixture("basic");
    let o = site.run(&["translate", "export", "--lang", "fr", "--format", "xlsx"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let xlsx = site.path().join("translations/fr/handbook.xlsx");
    let sheet = "xl/worksheets/sheet1.xml";
    let pages = crate::translating::guidance(&site);
    for (from, to) in [
        ("r=\"B2\"", "r=\"ZZZZZZZZZZZZZZZ2\""),
        ("r=\"2\"", "r=\"99999999999\""),
    ] {
        let crafted = site.path().join("crafted.xlsx");
        std::fs::write(&crafted, edit_part(&xlsx, sheet, from, to)).unwrap();
        let o = site.run(&["translate", "import", crafted.to_str().unwrap()]);
        assert_eq!(o.code, 1, "{to}: {}", o.stderr);
        let address = to.trim_start_matches("r=\"").trim_end_matches('"');
        let said = format!(
            "crafted.xlsx: error: the cell address `{address}` in `{sheet}` is not one a spreadsheet program writes (columns end at XFD, rows at 1048576): the file is refused; open it in Excel or LibreOffice and save it again as .xlsx"
        );
        assert!(o.stderr.contains(&said), "{to}: {}", o.stderr);
        assert!(!o.stderr.contains("internal error"), "{}", o.stderr);
        assert_eq!(crate::translating::guidance(&site), pages, "{to}");
    }
    // Not a false alarm: the file as exported.
    let o = site.run(&["translate", "import", xlsx.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("cell address"), "{}", o.stderr);
}

/// A translation page the site cannot read is never replaced, and export
/// and import read it to say why: whole, so a sparse file of 3 GB at a
/// French page's name took each command to 3.2 GB of memory (37 s for the
/// export), to call its first line a front matter error. Now it is read up
/// to the limit on a page, and called too large as the build calls it;
/// import still leaves it as it is.
#[test]
fn a_huge_translation_page_is_called_too_large_unread() {
    let site = Site::fixture("basic");
    let page = site.path().join("guidance/handbook/02-signs.fr.md");
    std::fs::File::create(&page)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let export = ["translate", "export", "--lang", "fr"];
    let (code, peak) = crate::history::run_with_peak_memory(&site, &export);
    assert_eq!(code, 0);
    assert!(peak < 200_000, "export: peak memory {peak} kB");
    let o = site.run(&export);
    let said = "guidance/handbook/02-signs.fr.md: warning: this translation cannot be read (the file is too large (1024.0 MB; the limit is 16 MB)), so its text is exported as untranslated";
    assert!(o.stderr.contains(said), "{}", o.stderr);
    let po = site.path().join("translations/fr/handbook.po");
    let import = ["translate", "import", po.to_str().unwrap()];
    let (code, peak) = crate::history::run_with_peak_memory(&site, &import);
    assert_eq!(code, 1);
    assert!(peak < 200_000, "import: peak memory {peak} kB");
    assert_eq!(std::fs::metadata(&page).unwrap().len(), 1 << 30);
}
