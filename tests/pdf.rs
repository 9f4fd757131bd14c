//! End-to-end: `fieldguide pdf` on the sample site, checked with poppler
//! (pdftotext, pdfinfo) and lopdf. Tests that need Chromium skip without
//! it, and fail in CI (`FIELDGUIDE_REQUIRE_BROWSER=1`).

mod common;
use common::{Site, broken_links, browser, tree};
use lopdf::{Document, Object};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const AUTHOR: &str = "Example Relief Agency";

/// The sample site with an author, built once with PDFs for every test here.
struct Built {
    site: Site,
    browser: PathBuf,
    stderr: String,
}

impl Built {
    fn out(&self) -> PathBuf {
        self.site.out()
    }

    fn pdf(&self, rel: &str) -> PathBuf {
        let p = self.out().join(rel);
        assert!(p.is_file(), "{rel} was not made:\n{}", self.stderr);
        p
    }
}

fn fieldguide() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("fieldguide"));
    c.env("NO_COLOR", "1");
    c
}

/// pdftotext and pdfinfo, or a skip (a failure in CI).
fn poppler() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok()
        && Command::new("pdfinfo").arg("-v").output().is_ok();
    if !ok {
        if std::env::var_os("FIELDGUIDE_REQUIRE_BROWSER").is_some() {
            panic!("pdftotext/pdfinfo missing: apt-get install poppler-utils");
        }
        eprintln!("skipped: this test needs poppler-utils (pdftotext, pdfinfo)");
    }
    ok
}

fn built() -> Option<&'static Built> {
    static BUILT: OnceLock<Built> = OnceLock::new();
    let browser = browser::require()?;
    if !poppler() {
        return None;
    }
    Some(BUILT.get_or_init(|| {
        let site = Site::sample();
        let yaml = site.read("site.yaml");
        site.write("site.yaml", format!("{yaml}author: {AUTHOR}\n"));
        let start = std::time::Instant::now();
        let o = fieldguide()
            .args(["pdf", "--verbose", "--source"])
            .arg(site.path())
            .arg("--out")
            .arg(site.out())
            .env("FIELDGUIDE_BROWSER", &browser)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(o.status.success(), "fieldguide pdf failed:\n{stderr}");
        eprintln!(
            "fieldguide pdf: {:.1} s\n{stderr}",
            start.elapsed().as_secs_f64()
        );
        Built {
            site,
            browser,
            stderr,
        }
    }))
}

/// Each page's MediaBox width and height in points.
fn page_sizes(pdf: &Path) -> Vec<(f32, f32)> {
    let doc = Document::load(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|&id| {
            let mut dict = doc.get_dictionary(id).unwrap();
            let b = loop {
                match dict.get(b"MediaBox") {
                    Ok(b) => break b.as_array().unwrap().clone(),
                    Err(_) => {
                        let parent = dict.get(b"Parent").unwrap().as_reference().unwrap();
                        dict = doc.get_dictionary(parent).unwrap();
                    }
                }
            };
            let v: Vec<f32> = b.iter().map(|x| x.as_float().unwrap()).collect();
            (v[2] - v[0], v[3] - v[1])
        })
        .collect()
}

fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

fn assert_size(pdf: &Path, w_mm: f32, h_mm: f32) -> usize {
    let sizes = page_sizes(pdf);
    for (i, (w, h)) in sizes.iter().enumerate() {
        assert!(
            (w - mm(w_mm)).abs() <= 1.0 && (h - mm(h_mm)).abs() <= 1.0,
            "{}: page {} is {w} x {h} pt, not {w_mm} x {h_mm} mm",
            pdf.display(),
            i + 1
        );
    }
    sizes.len()
}

fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let o = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// The text inside a rectangle of one page (points from the top left).
fn text_in(pdf: &Path, page: usize, x: f32, y: f32, w: f32, h: f32) -> String {
    let p = page.to_string();
    let r = |v: f32| (v.round() as i64).to_string();
    pdftotext(
        pdf,
        &[
            "-f",
            &p,
            "-l",
            &p,
            "-x",
            &r(x),
            "-y",
            &r(y),
            "-W",
            &r(w),
            "-H",
            &r(h),
        ],
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ")
}

fn info(doc: &Document, key: &[u8]) -> String {
    let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let v = doc.get_dictionary(id).unwrap().get(key).unwrap();
    fieldguide::pdf::metadata::decode_text(v.as_str().unwrap())
}

#[test]
fn pocket_guide_is_a6_and_guidelines_a4() {
    let Some(b) = built() else { return };
    for lang in ["en", "fr", "ar", "ha"] {
        let pocket = b.pdf(&format!("{lang}/pocket-guide/pocket-guide.{lang}.pdf"));
        let pages = assert_size(&pocket, 105.0, 148.0);
        assert!(pages > 1, "{lang}: {pages} page");
        let guidelines = b.pdf(&format!(
            "{lang}/identification-guidelines/identification-guidelines.{lang}.pdf"
        ));
        assert!(assert_size(&guidelines, 210.0, 297.0) > 1);
    }
    // Every font is embedded, as a print shop requires.
    let o = Command::new("pdffonts")
        .arg(b.pdf("ar/pocket-guide/pocket-guide.ar.booklet.pdf"))
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&o.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... encoding emb sub uni object ID
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }
    // poppler agrees.
    let o = Command::new("pdfinfo")
        .arg(b.pdf("en/pocket-guide/pocket-guide.en.pdf"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Page size:       297.6"),
        "pdfinfo says:\n{text}"
    );
}

#[test]
fn arabic_text_is_extracted_in_logical_order() {
    let Some(b) = built() else { return };
    let sentence = "أطفئ أجهزة اللاسلكي، واجعل هاتفك على الوضع الصامت.";
    let source = b.site.read("guidance/pocket-guide/01-preparing.ar.md");
    assert!(source.contains(sentence), "the sample changed");
    let text = pdftotext(&b.pdf("ar/pocket-guide/pocket-guide.ar.pdf"), &[]);
    // pdftotext adds directional marks around punctuation and may split
    // diacritics from their letters; letters keep their order.
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|&c| {
                !c.is_whitespace()
                    && !matches!(
                        c,
                        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{0640}' | '\u{0670}'
                    )
                    && !('\u{202a}'..='\u{202e}').contains(&c)
                    && !('\u{2066}'..='\u{2069}').contains(&c)
                    && !('\u{064b}'..='\u{065f}').contains(&c)
            })
            .collect()
    };
    let extracted = norm(&text);
    assert!(
        extracted.contains(&norm(sentence)),
        "the sentence is not in the extracted text:\n{text}"
    );
    let reversed: String = norm(sentence).chars().rev().collect();
    assert!(!extracted.contains(&reversed));
    let arabic = text
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06ff}').contains(c))
        .count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    assert!(
        arabic > 10 * latin,
        "{arabic} Arabic letters, {latin} Latin"
    );
}

/// The page numbers printed at the foot of each half of each booklet side.
fn booklet_numbers(pdf: &Path) -> Vec<[Option<usize>; 2]> {
    let sizes = page_sizes(pdf);
    sizes
        .iter()
        .enumerate()
        .map(|(i, &(w, h))| {
            let half = w / 2.0;
            // The lower part of the bottom margin (11 mm on A6).
            let strip = mm(9.0);
            let number =
                |x: f32| {
                    let t = text_in(pdf, i + 1, x + 1.0, h - strip, half - 2.0, strip);
                    if t.is_empty() {
                        None
                    } else {
                        Some(t.parse::<usize>().unwrap_or_else(|_| {
                            panic!("side {}: `{t}` is not a page number", i + 1)
                        }))
                    }
                };
            [number(0.0), number(half)]
        })
        .collect()
}

/// The expected order, worked out by hand: sheet k (from 0) front
/// [n-2k | 2k+1], back [2k+2 | n-2k-1]; mirrored right to left. Page 1 (the
/// cover) has no number and the padding pages are blank.
fn expected(pages: usize, rtl: bool) -> Vec<[Option<usize>; 2]> {
    let n = pages.div_ceil(4) * 4;
    let shown = |p: usize| (p > 1 && p <= pages).then_some(p);
    let mut out = Vec::new();
    for k in 0..n / 4 {
        let front = [shown(n - 2 * k), shown(2 * k + 1)];
        let back = [shown(2 * k + 2), shown(n - 2 * k - 1)];
        for mut side in [front, back] {
            if rtl {
                side.reverse();
            }
            out.push(side);
        }
    }
    out
}

#[test]
fn booklets_are_imposed_in_saddle_stitch_order() {
    let Some(b) = built() else { return };
    for (lang, rtl) in [("en", false), ("fr", false), ("ar", true), ("ha", false)] {
        let reading = b.pdf(&format!("{lang}/pocket-guide/pocket-guide.{lang}.pdf"));
        let pages = page_sizes(&reading).len();
        // Every page carries its number at the foot, except the cover.
        for p in 1..=pages {
            let (w, h) = page_sizes(&reading)[p - 1];
            let foot = text_in(&reading, p, 0.0, h - mm(9.0), w, mm(9.0));
            let want = if p == 1 { String::new() } else { p.to_string() };
            assert_eq!(foot, want, "{lang} page {p}");
        }
        let booklet = b.pdf(&format!(
            "{lang}/pocket-guide/pocket-guide.{lang}.booklet.pdf"
        ));
        let sides = assert_size(&booklet, 210.0, 148.0);
        assert_eq!(sides, 2 * pages.div_ceil(4), "{lang}: sheets");
        assert_eq!(
            booklet_numbers(&booklet),
            expected(pages, rtl),
            "{lang}: {pages} pages"
        );
    }
    // Only pocket guides are booklets by default.
    assert!(
        !b.out()
            .join("en/identification-guidelines/identification-guidelines.en.booklet.pdf")
            .exists()
    );
}

/// The text's left and right margins in mm on the odd pages after the cover.
fn odd_page_margins(pdf: &Path) -> (f32, f32) {
    let sizes = page_sizes(pdf);
    let (mut left, mut right) = (f32::MAX, f32::MAX);
    for p in (3..=sizes.len()).step_by(2) {
        let html = pdftotext(pdf, &["-bbox", "-f", &p.to_string(), "-l", &p.to_string()]);
        let attr = |tag: &str, name: &str| -> f32 {
            let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            tag[start..].split('"').next().unwrap().parse().unwrap()
        };
        for word in html.split("<word ").skip(1) {
            left = left.min(attr(word, "xMin"));
            right = right.min(sizes[p - 1].0 - attr(word, "xMax"));
        }
    }
    (left * 25.4 / 72.0, right * 25.4 / 72.0)
}

#[test]
fn right_to_left_binds_on_the_right() {
    let Some(b) = built() else { return };
    // Odd pages are right-hand pages in a left-to-right book: the wider,
    // inner margin is on the left. In Arabic they are left-hand pages,
    // bound on their right.
    let (l, r) = odd_page_margins(&b.pdf("en/pocket-guide/pocket-guide.en.pdf"));
    assert!(l > r + 2.0, "en: left {l} mm, right {r} mm");
    let (l, r) = odd_page_margins(&b.pdf("ar/pocket-guide/pocket-guide.ar.pdf"));
    assert!(r > l + 2.0, "ar: left {l} mm, right {r} mm");
    let ar = Document::load(b.pdf("ar/pocket-guide/pocket-guide.ar.pdf")).unwrap();
    let prefs = ar
        .catalog()
        .unwrap()
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap();
    assert_eq!(prefs.get(b"Direction").unwrap().as_name().unwrap(), b"R2L");
}

#[test]
fn metadata_has_title_language_and_author() {
    let Some(b) = built() else { return };
    for (lang, title_from) in [
        ("en", "guidance/pocket-guide/index.en.md"),
        ("ar", "guidance/pocket-guide/index.ar.md"),
    ] {
        let title = b
            .site
            .read(title_from)
            .lines()
            .find_map(|l| l.strip_prefix("title: "))
            .unwrap()
            .trim_matches('"')
            .to_string();
        for file in ["pdf", "booklet.pdf"] {
            let path = b.pdf(&format!("{lang}/pocket-guide/pocket-guide.{lang}.{file}"));
            let doc = Document::load(&path).unwrap();
            assert_eq!(info(&doc, b"Title"), title);
            assert_eq!(info(&doc, b"Author"), AUTHOR);
            assert!(info(&doc, b"Creator").starts_with("fieldguide"));
            let catalog = doc.catalog().unwrap();
            assert_eq!(
                catalog.get(b"Lang").unwrap().as_str().unwrap(),
                lang.as_bytes()
            );
            // No timestamps: the same input gives the same file.
            let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
            assert!(!doc.get_dictionary(id).unwrap().has(b"CreationDate"));
        }
    }
    let o = Command::new("pdfinfo")
        .arg(b.pdf("ar/pocket-guide/pocket-guide.ar.pdf"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Title:           دليل الجيب"), "{text}");
    assert!(
        text.contains(&format!("Author:          {AUTHOR}")),
        "{text}"
    );
    let booklet = Document::load(b.pdf("en/pocket-guide/pocket-guide.en.booklet.pdf")).unwrap();
    let prefs = booklet
        .catalog()
        .unwrap()
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap()
        .clone();
    assert_eq!(
        prefs.get(b"Duplex").unwrap(),
        &Object::Name(b"DuplexFlipShortEdge".to_vec())
    );
}

#[test]
fn pages_link_to_their_pdfs() {
    let Some(b) = built() else { return };
    let page = b.site.page("en/pocket-guide/preparing.html");
    let links: Vec<&str> = page
        .select(".print-link a.pdf-link")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        links,
        ["pocket-guide.en.pdf", "pocket-guide.en.booklet.pdf"]
    );
    let guidelines = b.site.page("fr/identification-guidelines/index.html");
    let links: Vec<&str> = guidelines
        .select(".print-link a.pdf-link")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(links, ["identification-guidelines.fr.pdf"]);
    let print = b.site.page("ar/pocket-guide/print.html");
    assert_eq!(print.select(".screen-only a.pdf-link").len(), 2);
    assert!(
        broken_links(&b.out()).is_empty(),
        "{:#?}",
        broken_links(&b.out())
    );
    // fieldguide wrote the PDFs, so its manifest lists them.
    let manifest = std::fs::read_to_string(b.out().join(".fieldguide-output")).unwrap();
    let listed = manifest
        .lines()
        .filter(|l| l.ends_with(".pdf") && !l.starts_with("printed "))
        .count();
    assert_eq!(listed, 3 * 4 + 4, "{manifest}");
    // Each with the key of the print page it was printed from.
    let keys = manifest
        .lines()
        .filter(|l| l.starts_with("printed "))
        .count();
    assert_eq!(keys, 3 * 4 + 4, "{manifest}");
    // The downloadable copy of the site holds the PDFs too, and its homes
    // do not offer the download again.
    let zip = std::fs::read(
        b.out()
            .join("download/counter-trafficking-field-guidance.zip"),
    )
    .unwrap();
    let entries = fieldguide::output::download::entries(&zip).unwrap();
    let pdfs = entries.iter().filter(|(n, _)| n.ends_with(".pdf")).count();
    assert_eq!(pdfs, 3 * 4 + 4);
    let home = entries
        .iter()
        .find(|(n, _)| n.ends_with("/en/index.html"))
        .unwrap();
    assert!(!String::from_utf8_lossy(&home.1).contains("download/"));
    let mb = format!("{}", (zip.len() as f64 / 1e5).round() / 10.0);
    let link = b
        .site
        .page("en/index.html")
        .text_of(".download a:not(.download-language)");
    assert!(link.contains(&mb), "{link} should show {mb} MB");
}

/// The sample site has no `base_url`: its PDFs link to no page of the
/// site, since a link relative to it leads nowhere once a PDF is sent on
/// (`tests/print_pdf_links.rs` checks both cases).
#[test]
fn links_in_pdfs_point_at_the_site() {
    let Some(b) = built() else { return };
    let mut pdfs = 0;
    for (rel, _) in tree(&b.out()) {
        if !rel.ends_with(".pdf") {
            continue;
        }
        pdfs += 1;
        for uri in common::pdf::uris(&b.out().join(&rel)) {
            assert!(
                !uri.starts_with("file:"),
                "{rel} links into the temporary folder Chromium printed from: {uri}"
            );
            assert!(uri.contains(':'), "{rel} links relative to the site: {uri}");
        }
    }
    assert!(pdfs > 0);
}

#[test]
fn pdfs_are_deterministic_and_kept_by_a_build_while_their_publication_is_unchanged() {
    let Some(b) = built() else { return };
    let copy = tempfile::tempdir().unwrap();
    let out = copy.path().join("public");
    common::copy_dir(&b.out(), &out);
    let o = fieldguide()
        .args(["build", "--pdf", "--source"])
        .arg(b.site.path())
        .arg("--out")
        .arg(&out)
        .arg("--browser")
        .arg(&b.browser)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let (first, second) = (tree(&b.out()), tree(&out));
    let changed: Vec<&String> = first
        .keys()
        .chain(second.keys())
        .filter(|k| first.get(*k) != second.get(*k))
        .collect();
    assert!(changed.is_empty(), "a second run changed {changed:?}");
    assert!(stderr.contains("(0 written,"), "{stderr}");
    // A plain build makes no PDFs, and links to none; it keeps those of the
    // last run whose publication did not change (see tests/pdf_kept.rs for
    // the rest).
    let o = fieldguide()
        .args(["build", "--source"])
        .arg(b.site.path())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr
            .contains("kept 16 PDFs made by `fieldguide pdf` (their publications did not change)"),
        "{stderr}"
    );
    let files = tree(&out);
    let pdfs: Vec<&String> = files.keys().filter(|k| k.ends_with(".pdf")).collect();
    assert_eq!(pdfs.len(), 16);
    for pdf in pdfs {
        assert!(files[pdf] == first[pdf], "{pdf} was kept as it was");
    }
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let text = String::from_utf8_lossy(bytes);
            assert!(!text.contains("pdf-link"), "{path} links to a PDF");
        }
    }
}

/// The page each chapter starts on, as the PDF's contents print it: the
/// numbers after the titles on the contents page.
#[test]
fn the_contents_of_a_pdf_give_the_page_each_chapter_starts_on() {
    let Some(b) = built() else { return };
    for pdf in [
        "en/pocket-guide/pocket-guide.en.pdf",
        "ar/identification-guidelines/identification-guidelines.ar.pdf",
    ] {
        let path = b.pdf(pdf);
        let bytes = std::fs::read(&path).unwrap();
        let dests = fieldguide::pdf::numbers::destinations(&bytes);
        let page = b
            .site
            .page(&pdf.replace(&pdf[pdf.rfind('/').unwrap() + 1..], "print.html"));
        let ids: Vec<String> = page
            .select(".print-toc a")
            .iter()
            .map(|a| {
                a.value()
                    .attr("href")
                    .unwrap()
                    .trim_start_matches('#')
                    .to_string()
            })
            .collect();
        assert!(ids.len() >= 4, "{pdf}: {ids:?}");
        // The contents are on page 2; the numbers there are the pages the
        // chapters start on, in order.
        let contents = pdftotext(&path, &["-f", "2", "-l", "2"]);
        let numbers: Vec<usize> = contents
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .filter(|&n| n > 2)
            .collect();
        let expected: Vec<usize> = ids.iter().map(|id| dests[id]).collect();
        assert_eq!(numbers, expected, "{pdf}:\n{contents}");
        for (id, n) in ids.iter().zip(&expected) {
            let text = pdftotext(&path, &["-f", &n.to_string(), "-l", &n.to_string()]);
            let title = page.text_of(&format!(".print-toc a[href='#{id}']"));
            assert!(
                text.contains(title.trim()),
                "{pdf}: page {n} does not start `{title}`:\n{text}"
            );
        }
    }
}

fn no_pdfs(out: &Path) {
    let files = tree(out);
    assert!(
        files.contains_key("en/index.html"),
        "the site was not built"
    );
    assert!(files.contains_key("en/handbook/print.html"));
    assert!(!files.keys().any(|k| k.ends_with(".pdf")));
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("pdf-link"),
            "{path} links to a PDF that is not there"
        );
    }
}

#[test]
fn without_a_browser_the_site_is_built_and_the_command_says_how_to_install_one() {
    let site = Site::fixture("basic");
    let empty = tempfile::tempdir().unwrap();
    // FIELDGUIDE_BROWSER names nothing.
    let o = fieldguide()
        .args(["pdf", "--source"])
        .arg(site.path())
        .env("FIELDGUIDE_BROWSER", "/nonexistent")
        .env("PATH", empty.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("FIELDGUIDE_BROWSER"), "{stderr}");
    assert!(stderr.contains("/nonexistent"), "{stderr}");
    assert!(stderr.contains("apt-get install chromium"), "{stderr}");
    no_pdfs(&site.out());
    // Nothing on PATH either.
    let o = fieldguide()
        .args(["build", "--pdf", "--source"])
        .arg(site.path())
        .env_remove("FIELDGUIDE_BROWSER")
        .env("PATH", empty.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no Chromium-based browser found"),
        "{stderr}"
    );
    assert!(stderr.contains("apt-get install chromium"), "{stderr}");
    assert!(stderr.contains("--browser"), "{stderr}");
    no_pdfs(&site.out());
}

#[test]
fn browser_requires_pdf_on_build() {
    let site = Site::fixture("basic");
    let o = site.run(&["build", "--browser", "/usr/bin/chromium"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
}

/// A stand-in for Chromium that prints a ready PDF of 3 pages (not quite
/// A6), and fails for pages whose URL contains `fail`.
#[cfg(unix)]
fn fake_browser(dir: &Path, fail: &str) -> PathBuf {
    common::pdf::fake_chromium(dir, &common::pdf::blank(3, 298.08, 420.0), Some(fail))
}

#[cfg(unix)]
#[test]
fn a_failed_pdf_gets_no_link_and_stale_pdfs_are_removed() {
    let site = Site::sample();
    // A publication nothing links to, to remove later.
    site.write(
        "guidance/extra/index.en.md",
        "---\ntitle: Extra\nkind: pocket-guide\n---\n\nText.\n",
    );
    let tools = tempfile::tempdir().unwrap();
    let fake = fake_browser(tools.path(), "/ar/");
    let run = |site: &Site| {
        fieldguide()
            .args(["pdf", "--source"])
            .arg(site.path())
            .arg("--browser")
            .arg(&fake)
            .output()
            .unwrap()
    };
    let o = run(&site);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("ar/pocket-guide/pocket-guide.ar.pdf")
            && stderr.contains("simulated crash"),
        "{stderr}"
    );
    let files = tree(&site.out());
    let pdfs: Vec<&String> = files.keys().filter(|k| k.ends_with(".pdf")).collect();
    assert_eq!(pdfs.len(), 4 * 3 + 2 * 3, "{pdfs:?}");
    assert!(!pdfs.iter().any(|p| p.starts_with("ar/")));
    let ar = site.page("ar/pocket-guide/preparing.html");
    assert!(ar.select("a.pdf-link").is_empty());
    let en = site.page("en/pocket-guide/preparing.html");
    assert_eq!(en.select("a.pdf-link").len(), 2);
    assert!(broken_links(&site.out()).is_empty());
    // The stand-in's pages were fitted to A6 and imposed on 1 sheet.
    assert_size(
        &site.out().join("en/pocket-guide/pocket-guide.en.pdf"),
        105.0,
        148.0,
    );
    let booklet = site
        .out()
        .join("en/pocket-guide/pocket-guide.en.booklet.pdf");
    assert_eq!(assert_size(&booklet, 210.0, 148.0), 2);

    assert!(site.out().join("fr/extra/extra.fr.booklet.pdf").is_file());

    // A publication that disappears takes its PDFs with it.
    std::fs::remove_dir_all(site.path().join("guidance/extra")).unwrap();
    let o = run(&site);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let files = tree(&site.out());
    assert!(
        !files.keys().any(|k| k.contains("extra")),
        "{:?}",
        files.keys()
    );
    assert!(files.contains_key("fr/pocket-guide/pocket-guide.fr.booklet.pdf"));
    let manifest = String::from_utf8_lossy(&files[".fieldguide-output"]).into_owned();
    assert!(!manifest.contains("extra"));
    assert!(manifest.contains("fr/pocket-guide/pocket-guide.fr.pdf\n"));
}

/// Chromium was started once per document and print (24 runs for the 12
/// documents of the sample, each about 0.8 s of starting); each worker
/// now keeps one browser, driven over its DevTools pipe, for every
/// document it prints.
#[cfg(unix)]
#[test]
fn one_browser_prints_every_document_of_its_worker() {
    use std::os::unix::fs::PermissionsExt;
    let tools = tempfile::tempdir().unwrap();
    let fake = fake_browser(tools.path(), "/no-such-page/");
    let starts = tools.path().join("starts");
    let counting = tools.path().join("counting-chromium");
    std::fs::write(
        &counting,
        format!(
            "#!/bin/sh\necho started >> '{}'\nexec '{}' \"$@\"\n",
            starts.display(),
            fake.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&counting, std::fs::Permissions::from_mode(0o755)).unwrap();
    let site = Site::sample();
    let o = site.run(&["pdf", "--browser", counting.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let made = tree(&site.out())
        .into_keys()
        .filter(|k| k.ends_with(".pdf"))
        .count();
    assert_eq!(made, 4 * 3 + 4, "12 documents and 4 booklets");
    let started = std::fs::read_to_string(&starts).unwrap().lines().count();
    // One per worker: at most one per core, and never more than four.
    assert!((1..=4).contains(&started), "{started} browsers started");
    // Each browser was closed: no stand-in is still running (read from
    // Linux's /proc, as `pgrep -f` would, which a bare system may lack).
    #[cfg(target_os = "linux")]
    {
        let fake = fake.display().to_string();
        let left: Vec<String> = std::fs::read_dir("/proc")
            .unwrap()
            .flatten()
            .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
            .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
            .filter(|c| c.contains(&fake))
            .collect();
        assert!(left.is_empty(), "left running: {left:?}");
    }
}

/// A browser that stops before it answers (a display it cannot open, a
/// library missing) is an error for each document, with what it said,
/// not a wait until the time is up.
#[cfg(unix)]
#[test]
fn a_browser_that_stops_before_answering_is_named_with_what_it_said() {
    use std::os::unix::fs::PermissionsExt;
    let tools = tempfile::tempdir().unwrap();
    let broken = tools.path().join("broken-chromium");
    std::fs::write(
        &broken,
        "#!/bin/sh\necho 'error while loading shared libraries: libnss3.so' >&2\nexit 127\n",
    )
    .unwrap();
    std::fs::set_permissions(&broken, std::fs::Permissions::from_mode(0o755)).unwrap();
    let site = Site::fixture("basic");
    let o = site.run(&["pdf", "--browser", broken.to_str().unwrap()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("could not print en/handbook/print.html: Chromium failed")
            && o.stderr.contains("libnss3.so"),
        "{}",
        o.stderr
    );
    no_pdfs(&site.out());
}

/// A theme whose print page prints itself as it opens (a common "print
/// version" script) or asks the reader something (`alert`): Chromium
/// refused to print it ("Page is already being printed"), or waited for
/// the dialog until the time was up, and the document had no PDF. The
/// page's own print does nothing while fieldguide prints it, and a dialog
/// is answered OK.
#[test]
fn a_theme_script_that_prints_or_asks_does_not_stop_the_pdf() {
    let Some(browser) = browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    let theme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/print.html"))
            .unwrap();
    let script = r#"<script src="{{ root }}assets/print-now.js" defer></script>"#;
    site.write(
        "templates/print.html",
        theme.replace("</body>", &format!("{script}\n</body>")),
    );
    site.write(
        "templates/static/print-now.js",
        "alert('Printed copies are controlled documents.');\nwindow.print();\n",
    );
    // A wait for the dialog would end at the time limit, in an error.
    let o = site.run(&["pdf", "--browser", browser.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.page("en/handbook/print.html");
    assert_eq!(page.select("script[src$='print-now.js']").len(), 1);
    for lang in ["en", "fr", "ar"] {
        let pdf = site
            .out()
            .join(format!("{lang}/handbook/handbook.{lang}.pdf"));
        let doc = Document::load(&pdf).unwrap();
        assert!(!doc.get_pages().is_empty(), "{lang}");
    }
}

/// A long handbook takes minutes to print, twice: `--verbose` says each
/// print as it ends (a run without it says how far it is every 15 s).
#[test]
fn verbose_says_each_print_as_it_ends() {
    let Some(b) = built() else {
        return;
    };
    for lang in ["en", "fr", "ar", "ha"] {
        let page = format!("{lang}/pocket-guide/print.html");
        let once = format!("  printed {page} in ");
        let again = format!("  printed {page} again, with page numbers, in ");
        assert_eq!(b.stderr.matches(&once).count(), 1, "{}", b.stderr);
        assert_eq!(b.stderr.matches(&again).count(), 1, "{}", b.stderr);
    }
    let made = b.stderr.find("made 12 PDFs").unwrap();
    assert!(b.stderr.rfind("  printed ").unwrap() < made);
}
