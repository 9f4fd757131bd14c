//! The local-edition fixture and how tests run and read it.

use super::{Output, Page, Site};
use scraper::Html;
use std::path::{Path, PathBuf};

/// A copy of `tests/fixtures/edition`: `global/` (the base: en, fr, ar)
/// and `local/` (the Lakeland edition of it: en, fr).
pub struct Edition {
    pub site: Site,
}

impl Default for Edition {
    fn default() -> Self {
        Self::new()
    }
}

impl Edition {
    pub fn new() -> Self {
        Edition {
            site: Site::fixture("edition"),
        }
    }

    pub fn local(&self) -> PathBuf {
        self.site.path().join("local")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        run_in(&self.local(), args)
    }

    pub fn build_ok(&self) -> Output {
        let o = self.run(&["build"]);
        assert_eq!(o.code, 0, "build failed:\n{}", o.stderr);
        o
    }

    pub fn page(&self, rel: &str) -> Page {
        let path = self.local().join("public").join(rel);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Page {
            html: Html::parse_document(&text),
            text,
        }
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.local().join("public").join(rel).exists()
    }
}

pub fn run_in(source: &Path, args: &[&str]) -> Output {
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(args)
        .arg("--source")
        .arg(source)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Output {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

pub fn content(p: &Page) -> String {
    p.text_of(".content").trim().to_string()
}
