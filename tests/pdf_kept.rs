//! End-to-end: PDFs across builds. `build` after `pdf` keeps the PDFs whose
//! publication did not change (never linking to them: it did not make
//! them), removes the others with a line that says so, and a forged
//! manifest can at most keep a file from being removed. Also the
//! navigation's PDF links, and phone numbers kept on one line.
#![cfg(unix)]

mod common;
use common::{Site, tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A stand-in for Chromium that prints a small ready PDF (one A4 page).
fn fake_browser(dir: &Path) -> PathBuf {
    common::pdf::fake_chromium(dir, &common::pdf::blank(1, 595.0, 842.0), None)
}

/// `pdf` run on the basic fixture with the stand-in browser (its folder),
/// and the `printed` line its manifest records for a
/// PDF's path: what a forger of the manifest can compute.
fn printed_lines() -> (tempfile::TempDir, impl Fn(&str) -> String) {
    let tools = tempfile::tempdir().unwrap();
    let fake = fake_browser(tools.path());
    let printed = Site::fixture("basic");
    let o = printed.run(&["pdf", "--browser", fake.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let manifest = printed.read("public/.fieldguide-output");
    let line = move |path: &str| {
        manifest
            .lines()
            .find(|l| l.starts_with("printed ") && l.ends_with(&format!(" {path}")))
            .unwrap()
            .to_string()
    };
    (tools, line)
}

fn pdfs(out: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(out)
        .into_iter()
        .filter(|(k, _)| k.ends_with(".pdf"))
        .collect()
}

fn linking_pages(out: &Path) -> Vec<String> {
    tree(out)
        .into_iter()
        .filter(|(k, v)| k.ends_with(".html") && String::from_utf8_lossy(v).contains("pdf-link"))
        .map(|(k, _)| k)
        .collect()
}

const HANDBOOK_PDFS: [&str; 3] = [
    "ar/handbook/handbook.ar.pdf",
    "en/handbook/handbook.en.pdf",
    "fr/handbook/handbook.fr.pdf",
];

#[test]
fn a_build_keeps_unchanged_pdfs_unlinked_and_removes_the_others_with_a_line() {
    let tools = tempfile::tempdir().unwrap();
    let fake = fake_browser(tools.path());
    let site = Site::fixture("basic");
    let o = site.run(&["pdf", "--browser", fake.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let made = pdfs(&site.out());
    assert_eq!(made.len(), 6, "{:?}", made.keys());
    assert!(!linking_pages(&site.out()).is_empty());

    let o = site.build_ok();
    assert!(
        o.stderr.contains("kept 6 PDFs made by `fieldguide pdf` (their publications did not change); pages link to PDFs only after `fieldguide pdf`\n"),
        "{}",
        o.stderr
    );
    assert_eq!(pdfs(&site.out()), made, "kept as they were");
    assert_eq!(linking_pages(&site.out()), Vec::<String>::new());
    let manifest = site.read("public/.fieldguide-output");
    assert_eq!(manifest.matches("printed ").count(), 6, "{manifest}");
    // Every other file is what a build into an empty folder writes, the
    // zip included (it holds no PDF: this build made none).
    let fresh = Site::fixture("basic");
    fresh.build_ok();
    let expected = tree(&fresh.out());
    let got = tree(&site.out());
    for (k, v) in &expected {
        if k != ".fieldguide-output" {
            assert!(got.get(k) == Some(v), "{k} differs");
        }
    }
    let extra: Vec<&String> = got.keys().filter(|k| !expected.contains_key(*k)).collect();
    assert_eq!(extra.len(), 6, "only the PDFs: {extra:?}");
    let zip = std::fs::read(site.out().join("download/test-guidance.zip")).unwrap();
    let entries = fieldguide::output::download::entries(&zip).unwrap();
    assert!(!entries.iter().any(|(n, _)| n.ends_with(".pdf")));

    // The handbook changes: its PDFs go, with a line; the checklist's stay.
    let signs = site.read("guidance/handbook/02-signs.en.md");
    site.write(
        "guidance/handbook/02-signs.en.md",
        format!("{signs}\nMore.\n"),
    );
    let o = site.build_ok();
    assert!(
        o.stderr.contains(&format!(
            "removed 3 PDFs made by `fieldguide pdf`, whose publications changed since: {}; run `fieldguide pdf` to make them again\n",
            HANDBOOK_PDFS.join(", ")
        )),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("kept 3 PDFs"), "{}", o.stderr);
    let left: Vec<String> = pdfs(&site.out()).into_keys().collect();
    assert_eq!(
        left,
        [
            "ar/checklist/checklist.ar.pdf",
            "en/checklist/checklist.en.pdf",
            "fr/checklist/checklist.fr.pdf"
        ]
    );

    // A kept PDF edited by hand is no longer fieldguide's: removed, and
    // named, like anything else in the output a build does not write.
    let edited = site.out().join("en/checklist/checklist.en.pdf");
    std::fs::write(&edited, b"%PDF-1.4 edited").unwrap();
    let o = site.build_ok();
    assert!(
        o.stderr
            .contains("removed from the output what this build does not write: `en/checklist/checklist.en.pdf`"),
        "{}",
        o.stderr
    );
    // Counted as removed, not as kept.
    assert!(
        o.stderr.contains("kept 2 PDFs made by `fieldguide pdf`"),
        "{}",
        o.stderr
    );
    assert!(!edited.exists());
    assert!(
        !site
            .read("public/.fieldguide-output")
            .contains("en/checklist/checklist.en.pdf")
    );
}

#[test]
fn a_forged_manifest_keeps_at_most_a_file_and_never_gets_it_linked() {
    // The key of the handbook's English print page, as `pdf` records it.
    let (_tools, lines) = printed_lines();
    let line = lines("en/handbook/handbook.en.pdf");

    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.out());
    let forged = b"%PDF-1.4 forged".to_vec();
    site.write("public/en/handbook/handbook.en.pdf", &forged);
    site.write("public/en/handbook/stale.pdf", &forged);
    let hash = blake3::hash(&forged).to_hex();
    let m = site.read("public/.fieldguide-output");
    site.write(
        "public/.fieldguide-output",
        format!(
            "{m}{hash} en/handbook/handbook.en.pdf\n{line}\n{hash} en/handbook/stale.pdf\nprinted {} en/handbook/stale.pdf\n",
            "0".repeat(32)
        ),
    );
    let o = site.build_ok();
    let after = tree(&site.out());
    // The file with the right key is kept (as a file fieldguide did not
    // write would be), the other removed; nothing links to either, and
    // every page is what an empty folder gets.
    assert!(after["en/handbook/handbook.en.pdf"] == forged);
    assert!(!after.contains_key("en/handbook/stale.pdf"));
    assert_eq!(linking_pages(&site.out()), Vec::<String>::new());
    for (k, v) in &before {
        if k != ".fieldguide-output" {
            assert!(after.get(k) == Some(v), "{k} differs");
        }
    }
    assert!(o.stderr.contains("kept 1 PDF"), "{}", o.stderr);
}

/// The print key a manifest records can be forged by whoever can write the
/// output folder (from a public source, it can be computed): a PDF kept
/// under it was kept whatever it held, a `/Launch` at the official PDF's
/// address included. A kept PDF is now checked as one from `guidance/`.
#[test]
fn a_pdf_kept_under_a_forged_record_is_checked_and_removed_when_it_acts() {
    let (_tools, line) = printed_lines();
    let site = Site::fixture("basic");
    site.build_ok();
    let plain = common::pdf::blank(1, 595.0, 842.0);
    let launch = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec();
    let (en, fr) = ("en/handbook/handbook.en.pdf", "fr/handbook/handbook.fr.pdf");
    site.write(&format!("public/{en}"), &launch);
    site.write(&format!("public/{fr}"), &plain);
    let m = site.read("public/.fieldguide-output");
    site.write(
        "public/.fieldguide-output",
        format!(
            "{m}{} {en}\n{}\n{} {fr}\n{}\n",
            blake3::hash(&launch).to_hex(),
            line(en),
            blake3::hash(&plain).to_hex(),
            line(fr)
        ),
    );
    let o = site.build_ok();
    let after = tree(&site.out());
    assert!(!after.contains_key(en), "{}", o.stderr);
    assert!(after[fr] == plain, "a plain PDF is still kept");
    assert!(
        o.stderr.contains(&format!(
            "removed 1 PDF recorded as made by `fieldguide pdf` but holding what such a PDF never does (actions, scripts, attached files, a photo's location, or parts that cannot be read): {en}"
        )),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("kept 1 PDF"), "{}", o.stderr);
}

/// Chromium was always started with `--no-sandbox`, which only root needs
/// (Chromium refuses to start sandboxed as root): for any other user an
/// image or font made to exploit the browser ran outside its sandbox. As
/// root, this test runs `pdf` again as `nobody` (util-linux's `setpriv`).
#[test]
fn chromium_keeps_its_sandbox_but_for_root() {
    use std::os::unix::fs::PermissionsExt;
    let tools = tempfile::tempdir().unwrap();
    let fake = fake_browser(tools.path());
    let args = tools.path().join("args");
    let recorder = tools.path().join("recording-chromium");
    std::fs::write(
        &recorder,
        format!(
            "#!/bin/sh\necho \"$@\" >> '{}'\nexec '{}' \"$@\"\n",
            args.display(),
            fake.display()
        ),
    )
    .unwrap();
    let site = Site::fixture("basic");
    let everyone = |dir: &Path| {
        for e in walkdir::WalkDir::new(dir) {
            let p = e.unwrap().into_path();
            let mode = if p.is_dir() || p.starts_with(tools.path()) {
                0o777
            } else {
                0o666
            };
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    everyone(tools.path());
    everyone(site.path());
    let root = unsafe { libc::geteuid() } == 0;
    let o = site.run(&["pdf", "--browser", recorder.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let said = std::fs::read_to_string(&args).unwrap();
    assert_eq!(said.contains("--no-sandbox"), root, "{said}");
    if !root {
        return;
    }
    std::fs::remove_file(&args).unwrap();
    // What the first run wrote, root's, is nobody's to replace too.
    everyone(site.path());
    // A copy nobody can run: the build's own folder may be under /root.
    let program = tools.path().join("fieldguide");
    std::fs::copy(assert_cmd::cargo::cargo_bin("fieldguide"), &program).unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&program)
        .args(["pdf", "--browser", recorder.to_str().unwrap(), "--source"])
        .arg(site.path())
        .output();
    let Ok(o) = o else {
        eprintln!("setpriv not installed: the sandbox not checked as another user");
        return;
    };
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = std::fs::read_to_string(&args).unwrap();
    assert!(
        said.contains("--headless") && !said.contains("--no-sandbox"),
        "{said}"
    );
}

#[test]
fn the_navigation_lists_the_pdf_links_without_separators() {
    let tools = tempfile::tempdir().unwrap();
    let fake = fake_browser(tools.path());
    let site = Site::fixture("basic");
    let o = site.run(&["pdf", "--browser", fake.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let p = site.page("en/handbook/signs.html");
    let links = p.one(".pub-nav .print-link");
    let texts: Vec<String> = links
        .select(&scraper::Selector::parse("a").unwrap())
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(texts, ["Print version", "PDF (\u{2068}A4\u{2069})"]);
    // Nothing between the links: a separator between blocks stood alone
    // on a line at phone width.
    let between: String = links
        .children()
        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
        .collect();
    assert!(between.trim().is_empty(), "{between:?}");
}

/// In a real browser at phone width, a phone number link stays on one line,
/// on the web page and on the print page (whose CSS prints the number).
#[test]
fn phone_numbers_stay_on_one_line() {
    let Some(chromium) = common::browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-call.en.md",
        "---\ntitle: Call\n---\n\nCall the hotline on [+000 700 000 000](tel:+000700000000) or [the office](tel:+000200000000) at any hour of the day or the night.\n",
    );
    site.build_ok();
    let script = r#"
var pages = ["en/handbook/call.html", "en/handbook/print.html"], out = [];
var f = document.createElement("iframe");
f.style.cssText = "width:150px;height:800px;border:0";
document.body.appendChild(f);
function next(i) {
  if (i >= pages.length) { document.getElementById("result").textContent = JSON.stringify(out); return; }
  f.onload = function () {
    f.contentDocument.querySelectorAll('a[href^="tel:"]').forEach(function (a) {
      out.push(pages[i] + " " + a.textContent + ": " + a.getClientRects().length);
    });
    next(i + 1);
  };
  f.src = pages[i];
}
next(0);
"#;
    let result = common::browser::harness(&chromium, &site.out(), script);
    let lines: Vec<String> =
        serde_json::from_str(&result).unwrap_or_else(|e| panic!("{e}: {result}"));
    assert_eq!(
        lines,
        [
            "en/handbook/call.html +000 700 000 000: 1",
            "en/handbook/call.html the office: 1",
            "en/handbook/print.html +000 700 000 000: 1",
            "en/handbook/print.html the office: 1",
        ]
    );
}
