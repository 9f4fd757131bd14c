//! Helpers for the end-to-end tests: copy a fixture site to a temporary
//! folder, run the real binary on it, and parse the HTML it writes.
#![allow(dead_code)]

pub mod browser;
pub mod cdp;
pub mod cpu_time;
pub mod edition;
pub mod hand_zip;
pub mod office;
pub mod pdf;
pub mod photo;
pub mod search_page;
pub mod tmpfs;

use assert_cmd::Command;
use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        copy_dir(&src, dir.path());
        Site { dir }
    }

    /// The repository's own sample site (site.yaml, guidance/, templates/).
    pub fn sample() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(root.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
        copy_dir(&root.join("guidance"), &dir.path().join("guidance"));
        copy_dir(&root.join("templates"), &dir.path().join("templates"));
        Site { dir }
    }

    /// The `basic` fixture with `text` added at the end of its English
    /// signs page, `guidance/handbook/02-signs.en.md`.
    pub fn signs_with(text: &str) -> Self {
        let s = Site::fixture("basic");
        let rel = "guidance/handbook/02-signs.en.md";
        let page = s.read(rel);
        s.write(rel, format!("{page}\n{text}"));
        s
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).unwrap()
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.dir.path().join(rel)).unwrap();
    }

    /// Runs `fieldguide <args> --source <site>`.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut cmd = Command::cargo_bin("fieldguide").unwrap();
        cmd.args(args).arg("--source").arg(self.path());
        cmd.env("NO_COLOR", "1");
        let o = cmd.output().unwrap();
        Output {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    pub fn build(&self) -> Output {
        self.run(&["build"])
    }

    /// Builds and panics with the output unless it succeeds.
    pub fn build_ok(&self) -> Output {
        let o = self.build();
        assert_eq!(o.code, 0, "build failed:\n{}", o.stderr);
        o
    }

    pub fn page(&self, rel: &str) -> Page {
        let path = self.out().join(rel);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Page {
            html: Html::parse_document(&text),
            text,
        }
    }
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub struct Page {
    pub html: Html,
    pub text: String,
}

impl Page {
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let sel = Selector::parse(css).unwrap();
        self.html.select(&sel).collect()
    }

    pub fn one(&self, css: &str) -> scraper::ElementRef<'_> {
        let v = self.select(css);
        assert_eq!(v.len(), 1, "expected one `{css}`, found {}", v.len());
        v[0]
    }

    pub fn attr(&self, css: &str, attr: &str) -> String {
        self.one(css)
            .value()
            .attr(attr)
            .unwrap_or_else(|| panic!("{css} has no {attr}"))
            .to_string()
    }

    pub fn text_of(&self, css: &str) -> String {
        self.one(css).text().collect::<String>()
    }

    /// The text of every element `css` selects, in order.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .map(|e| e.text().collect())
            .collect()
    }
}

/// The `path:line:col: warning: …` (or `error: …`) line of `stderr` that
/// starts with `at`, and the hint under it.
pub fn message_at<'a>(stderr: &'a str, at: &str) -> (&'a str, &'a str) {
    let mut lines = stderr.lines();
    let line = lines
        .find(|l| l.starts_with(&format!("{at}: ")))
        .unwrap_or_else(|| panic!("no message at {at}:\n{stderr}"));
    let hint = lines
        .take_while(|l| !l.contains(": warning: ") && !l.contains(": error: "))
        .find_map(|l| l.trim_start().strip_prefix("= hint: "))
        .unwrap_or_else(|| panic!("no hint under {line}:\n{stderr}"));
    (line, hint)
}

pub fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    out
}

/// Every HTML page under `dir`.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    tree(dir)
        .keys()
        .filter(|k| k.ends_with(".html"))
        .map(|k| dir.join(k))
        .collect()
}

/// Percent-decodes a URL path.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// Checks that every local link, image, script and stylesheet of every page
/// points at a file that exists, and that every `#anchor` exists there.
/// Returns the problems found.
pub fn broken_links(out: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids_cache: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    let sel = Selector::parse("a[href], link[href], img[src], script[src]").unwrap();
    let id_sel = Selector::parse("[id]").unwrap();
    for file in html_files(out) {
        let text = std::fs::read_to_string(&file).unwrap();
        let html = Html::parse_document(&text);
        for el in html.select(&sel) {
            let v = el.value();
            let url = v.attr("href").or(v.attr("src")).unwrap();
            if url.starts_with("http:")
                || url.starts_with("https:")
                || url.starts_with("mailto:")
                || url.starts_with("tel:")
            {
                continue;
            }
            let (path, frag) = match url.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (url, None),
            };
            // The 404 page is shown at any depth: its links start at the root.
            let not_found = file == out.join("404.html");
            let target = if path.is_empty() {
                file.clone()
            } else if let (true, Some(abs)) = (not_found, path.strip_prefix('/')) {
                normalize(&out.join(decode(abs)))
            } else {
                normalize(&file.parent().unwrap().join(decode(path)))
            };
            if !target.starts_with(out) {
                problems.push(format!("{}: `{url}` leaves the site", file.display()));
                continue;
            }
            if !target.is_file() {
                problems.push(format!("{}: `{url}` does not exist", file.display()));
                continue;
            }
            if let Some(f) = frag {
                let ids = ids_cache.entry(target.clone()).or_insert_with(|| {
                    let t = std::fs::read_to_string(&target).unwrap();
                    Html::parse_document(&t)
                        .select(&id_sel)
                        .map(|e| e.value().attr("id").unwrap().to_string())
                        .collect()
                });
                if !ids.contains(&decode(f)) {
                    problems.push(format!("{}: anchor `{url}` does not exist", file.display()));
                }
            }
        }
    }
    problems
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// An interface string from the built-in theme's Fluent file, for asserting
/// translated labels without copying them into tests.
pub fn label(lang: &str, key: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("templates/i18n/{lang}.ftl"));
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = ")).map(str::to_string))
        .unwrap_or_else(|| label("en", key))
}
