//! `base: ../global`: the site a local edition adapts. Resolved here, once,
//! so that every later step knows where the base is and what it says; a
//! base that is missing or not a site is an error at the `base:` line.

use super::{CONFIG_FILE, Config};
use crate::diagnostics::{Diagnostic, Severity};
use crate::yaml::{Located, Node};
use std::path::{Path, PathBuf};

/// The base of a local edition.
#[derive(Debug, Clone)]
pub struct BaseSite {
    /// As written in site.yaml (`../global`): base files are named in
    /// messages by this path joined with theirs, relative to the edition.
    pub shown: PathBuf,
    /// The base's folder, resolved. Named explicitly by the author, so it
    /// may be reached through a link; nothing inside it is.
    pub root: PathBuf,
    /// The base's own site.yaml.
    pub config: Box<Config>,
}

impl BaseSite {
    /// A path inside the base (`guidance/pub/01-a.md`) as messages show it.
    pub fn shown_path(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.shown.join(rel)
    }
}

/// The base named by `base:`, when `edition` (the folder of the site
/// being read) is given; `Err` when it is named but cannot be used (the
/// reasons are in `diags`). A `base:` that is not a usable path at all is
/// reported by `keys::base`.
pub(super) fn find(
    root: &Node,
    edition: Option<&Path>,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<BaseSite>, ()> {
    let written = root.get("base").and_then(|v| {
        let s = v.as_text()?;
        (!s.trim().is_empty() && !s.chars().any(char::is_control)).then_some((v, s))
    });
    match (edition, written) {
        (Some(source), Some((v, s))) => resolve(source, Path::new(s), v, at, diags)
            .map(Some)
            .ok_or(()),
        _ => Ok(None),
    }
}

/// `base:` and `edition:` go together.
pub(super) fn check_pair(root: &Node, config: &Config, at: &Located, diags: &mut Vec<Diagnostic>) {
    if let (Some(v), None) = (root.get("base"), &config.edition) {
        diags.push(
            at.warning(v, "a local edition should say which edition it is")
                .with_hint("edition: { name: { en: Niger edition, fr: Édition Niger } }"),
        );
    }
    if let (None, Some(v)) = (root.get("base"), root.get("edition")) {
        diags.push(
            at.warning(v, "`edition:` is used only with `base:`")
                .with_hint("a local edition names its base site: base: ../global"),
        );
    }
}

/// Finds the base named at `v` (relative to the edition's folder `source`)
/// and reads its site.yaml. Every reason it cannot be used is an error at
/// `v`.
fn resolve(
    source: &Path,
    written: &Path,
    v: &Node,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> Option<BaseSite> {
    let shown = written.display().to_string();
    let fail = |diags: &mut Vec<Diagnostic>, msg: String, hint: &str| {
        diags.push(at.error(v, msg).with_hint(hint));
        None
    };
    let hint = "`base:` is the path of the global site's folder (the one with its own site.yaml and guidance/), relative to this site.yaml";
    let joined = source.join(written);
    let root = match joined.canonicalize() {
        Ok(r) if r.is_dir() => r,
        Ok(_) => return fail(diags, format!("the base `{shown}` is not a folder"), hint),
        Err(_) => {
            return fail(
                diags,
                format!(
                    "the base `{shown}` does not exist (looked for {})",
                    joined.display()
                ),
                hint,
            );
        }
    };
    if source.canonicalize().is_ok_and(|s| s == root) {
        return fail(diags, "an edition cannot be its own base".into(), hint);
    }
    let dir = match crate::no_follow::Dir::open(&root) {
        Ok(d) => d,
        Err(e) => return fail(diags, format!("cannot read the base `{shown}`: {e}"), hint),
    };
    for (name, what) in [(CONFIG_FILE, "site.yaml"), ("guidance", "guidance/ folder")] {
        if dir.kind(name).ok() == Some(crate::no_follow::Kind::Missing) {
            return fail(
                diags,
                format!("the base `{shown}` is not a fieldguide site: it has no {what}"),
                hint,
            );
        }
    }
    // An edition of an edition: said first, before the keys it would have
    // taken from its own base are missed.
    let is_edition = super::read_config(&dir)
        .ok()
        .flatten()
        .and_then(|b| crate::text::decode(&b).ok().map(|t| t.to_string()))
        .and_then(|t| crate::yaml::parse(&t).ok().flatten())
        .is_some_and(|r| r.get("base").is_some());
    if is_edition {
        return fail(
            diags,
            format!("the base `{shown}` is itself a local edition (its site.yaml has `base:`)"),
            "base an edition on the global site itself: editions of editions are not supported",
        );
    }
    let (config, found) = super::load_one(&root, None);
    // Its warnings too: a misspelled key loses its option in the edition.
    let found: Vec<Diagnostic> = found
        .into_iter()
        .map(|mut d| {
            d.path = written.join(&d.path);
            d
        })
        .collect();
    let failed = found.iter().any(|d| d.severity == Severity::Error);
    diags.extend(found);
    let config = config.filter(|_| !failed);
    let Some(config) = config else {
        return fail(
            diags,
            format!("the base `{shown}` cannot be used: its site.yaml has errors"),
            "fix the base's site.yaml (the errors are listed with its path)",
        );
    };
    Some(BaseSite {
        shown: written.to_path_buf(),
        root,
        config: Box::new(config),
    })
}

/// What an edition takes from its base when its own site.yaml leaves a key
/// out: everything but `base_url`, `base` and `edition`.
pub(super) fn languages_from(base: &Config) -> (Vec<super::Language>, Vec<String>) {
    let codes = base.languages.iter().map(|l| l.code.clone()).collect();
    (base.languages.clone(), codes)
}

/// A language the edition lists by code alone takes the base's name for it.
pub(super) fn name_languages(languages: &mut [super::Language], base: &Config) {
    for l in languages.iter_mut() {
        if !l.named
            && let Some(b) = base.language(&l.code)
        {
            l.name = b.name.clone();
        }
    }
}

/// The default language when the edition does not say: the base's, if
/// the edition has it, else its first language.
pub(super) fn default_from(languages: &[super::Language], base: &Config) -> String {
    if languages.iter().any(|l| l.code == base.default_language) {
        base.default_language.clone()
    } else {
        languages
            .first()
            .map(|l| l.code.clone())
            .unwrap_or_default()
    }
}
