//! `serve` equals `build`: after any sequence of edits to a site (bodies,
//! front matter, renames, deletions, new files, files broken and then
//! fixed, site.yaml, static files), the files a `serve` session holds are
//! byte-identical to a fresh build of the same files, and a change that
//! breaks the build fails the session too and leaves its last good files.
//!
//! Runs the library directly (no server, no file watcher), with a fixed
//! seed, so a failure is the same on every machine. Set
//! `FIELDGUIDE_SERVE_CASES` for a longer local run.

use fieldguide::diagnostics::{Diagnostic, Severity};
use fieldguide::output::{Bytes, OutputFile};
use fieldguide::pipeline::{self, Options};
use fieldguide::rebuild::Session;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Publication folders and the pages in them, before any edit.
const SOURCES: &[(&str, &str, &str)] = &[
    // (path, title, body)
    (
        "guidance/guide/index.en.md",
        "Guide\nkind: guidelines\nsummary: A guide.",
        "Start with [the start](01-start.md).\n",
    ),
    (
        "guidance/guide/01-start.en.md",
        "Start",
        "## Who it is for {#who}\n\nEveryone. See [signs](02-signs.md#physical-signs).\n",
    ),
    (
        "guidance/guide/02-signs.en.md",
        "Signs",
        "## Physical signs {#physical-signs}\n\nInjuries.\n",
    ),
    ("guidance/guide/03-part/index.en.md", "Part", "A part.\n"),
    (
        "guidance/guide/03-part/01-leaf.en.md",
        "Leaf",
        "Back to [the start](../01-start.md#who).\n",
    ),
    (
        "guidance/list/index.en.md",
        "List\nkind: checklist",
        "Tick as you go.\n",
    ),
    (
        "guidance/list/01-steps.en.md",
        "Steps",
        "- [ ] Plan the visit\n  - [ ] Check the route\n",
    ),
];

/// Translations, stamped with their source's hash at set-up.
const TRANSLATIONS: &[(&str, &str, &str)] = &[
    (
        "guidance/guide/index.fr.md",
        "Guide (fr)",
        "Commencez par [le début](01-start.md).\n",
    ),
    (
        "guidance/guide/01-start.fr.md",
        "Début",
        "## Pour qui {#who}\n\nTout le monde.\n",
    ),
    (
        "guidance/guide/02-signs.fr.md",
        "Signes",
        "## Signes physiques {#physical-signs}\n\nBlessures.\n",
    ),
];

const SITE_YAML: &[&str] = &[
    "title:\n  en: Test guidance\n  fr: Guide de test\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\noffline: true\nbase_url: https://example.org/guide/\n",
    "title:\n  en: Renamed guidance\n  fr: Guide renommé\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n",
    "title: [unclosed\n",
];

/// Bodies an edit may give a page. `{up}` climbs to `guidance/`. Most end with the anchors other pages link to (see
/// `body_for`); the last ones do not, and break those links.
const BODIES: &[&str] = &[
    "Plain text.\n",
    "## Psychological signs\n\nFear.\n",
    "Other injuries.\n",
    "See [signs]({up}guide/02-signs.md#physical-signs) and [the start]({up}guide/01-start.md#who).\n",
    "> [!WARNING]\n> Careful.\n\n- [ ] a task\n- [x] done\n",
    "Text.[^a]\n\n[^a]: A note.\n",
    "A [local anchor](#local).\n\n## Local {#local}\n\nHere.\n",
    "",
    "## Same\n\nOne.\n\n## Same\n\nTwo.\n",
    "![A picture]({up}guide/images/flow.svg)\n",
    "Raw <b>html</b> here.\n",
    // Without the anchors:
    "## Other {#other}\n\nNo anchor that others use.\n",
    "A [broken link]({up}missing.md).\n",
];

/// How many of `BODIES` end with the anchors.
const WITH_ANCHORS: usize = 11;

const ANCHORS: &str = "\n## Who it is for {#who}\n\n## Physical signs {#physical-signs}\n";

const TITLES: &[&str] = &["Start", "Signs", "A new title", "Titre", "Leaf"];

/// Front matter lines an edit may add, besides the title.
const EXTRAS: &[&str] = &[
    "",
    "summary: A summary.",
    "sumary: A misspelt key.",
    "translation_of: 0000000000000000",
    "kind: checklist",
];

/// Where a new page or a renamed one may go (language suffix added).
const STEMS: &[&str] = &[
    "guidance/guide/01-start",
    "guidance/guide/02-signs",
    "guidance/guide/04-extra",
    "guidance/guide/03-part/02-more",
    "guidance/list/02-after",
    "guidance/new/index",
    "guidance/new/01-first",
];

const LANGS: &[&str] = &["en", "fr"];

const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n";

#[derive(Debug, Clone)]
enum Op {
    /// Replaces a page's body.
    Body {
        page: usize,
        body: usize,
    },
    /// Replaces a page's title and extra front matter.
    FrontMatter {
        page: usize,
        title: usize,
        extra: usize,
    },
    /// Stamps a page as translated from its source's current text.
    Stamp {
        page: usize,
    },
    /// Front matter that does not parse.
    Break {
        page: usize,
    },
    /// Puts one of the original pages back as it was.
    Restore {
        original: usize,
    },
    /// Puts the whole site back as it was: what fixes everything at once.
    RestoreAll,
    Rename {
        page: usize,
        stem: usize,
    },
    Delete {
        page: usize,
    },
    Create {
        stem: usize,
        lang: usize,
        body: usize,
    },
    SiteYaml {
        variant: usize,
    },
    /// Adds, changes or removes a file beside the pages (an image) or in
    /// `static/`.
    Asset {
        which: usize,
        variant: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let n = 64usize;
    prop_oneof![
        12 => (0..n, 0..BODIES.len()).prop_map(|(page, body)| Op::Body { page, body }),
        3 => (0..n, 0..TITLES.len(), 0..EXTRAS.len())
            .prop_map(|(page, title, extra)| Op::FrontMatter { page, title, extra }),
        2 => (0..n).prop_map(|page| Op::Stamp { page }),
        1 => (0..n).prop_map(|page| Op::Break { page }),
        4 => (0..n).prop_map(|original| Op::Restore { original }),
        1 => Just(Op::RestoreAll),
        1 => (0..n, 0..STEMS.len()).prop_map(|(page, stem)| Op::Rename { page, stem }),
        1 => (0..n).prop_map(|page| Op::Delete { page }),
        2 => (0..STEMS.len(), 0..LANGS.len(), 0..BODIES.len())
            .prop_map(|(stem, lang, body)| Op::Create { stem, lang, body }),
        1 => (0..SITE_YAML.len()).prop_map(|variant| Op::SiteYaml { variant }),
        1 => (0..2usize, 0..3usize).prop_map(|(which, variant)| Op::Asset { which, variant }),
    ]
}

/// A step: one or a few changes that the watcher reports together.
fn steps() -> impl Strategy<Value = (bool, Vec<Vec<Op>>)> {
    (
        // `--strict` in a quarter of the runs: any warning fails them.
        prop::bool::weighted(0.25),
        prop::collection::vec(prop::collection::vec(op(), 1..3), 1..20),
    )
}

/// The site on disk.
struct Fixture {
    dir: tempfile::TempDir,
    /// Every page as first written.
    originals: Vec<(String, String)>,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let f = Fixture {
            dir,
            originals: Vec::new(),
        };
        f.write("site.yaml", SITE_YAML[0]);
        f.write("guidance/guide/images/flow.svg", SVG);
        let mut originals = Vec::new();
        for (path, title, body) in SOURCES {
            let text = page(title, "", body);
            f.write(path, &text);
            originals.push((path.to_string(), text));
        }
        for (path, title, body) in TRANSLATIONS {
            f.write(path, &page(title, "", body));
            f.stamp(path);
            originals.push((path.to_string(), f.read(path).unwrap()));
        }
        Fixture { originals, ..f }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().canonicalize().unwrap()
    }

    fn options(&self, strict: bool) -> Options {
        Options {
            source: self.dir.path().to_path_buf(),
            strict,
            // As `serve` sets it.
            live_reload: Some(fieldguide::serve::RELOAD_SCRIPT.to_string()),
            keep_text: true,
            download: false,
            drafts: false,
            print_keys: false,
        }
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn read(&self, rel: &str) -> Option<String> {
        std::fs::read_to_string(self.dir.path().join(rel)).ok()
    }

    /// Every Markdown page under guidance/, sorted.
    fn pages(&self) -> Vec<String> {
        let mut pages: Vec<String> = walkdir::WalkDir::new(self.dir.path().join("guidance"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(self.dir.path()).ok()?;
                let rel = rel.to_string_lossy().replace('\\', "/");
                rel.ends_with(".md").then_some(rel)
            })
            .collect();
        pages.sort();
        pages
    }

    /// Sets `translation_of:` to the current hash of the page's source, as
    /// `fieldguide stamp` does; nothing when the site does not load.
    fn stamp(&self, rel: &str) {
        let Ok(m) = pipeline::model(&self.options(false)) else {
            return;
        };
        let site = &m.site;
        let Some(d) = site
            .doc_ids()
            .find(|&d| site.docs[d].file.rel == Path::new(rel))
        else {
            return;
        };
        let node = &site.nodes[site.docs[d].node];
        let Some(src) = node.docs[node.source_lang] else {
            return;
        };
        if src == d {
            return;
        }
        let hash = fieldguide::translation::current_hash(site, src).to_string();
        let Some(text) = self.read(rel) else { return };
        let Some((fm, body)) = split(&text) else {
            return;
        };
        let fm: Vec<&str> = fm
            .lines()
            .filter(|l| !l.starts_with("translation_of:"))
            .collect();
        let fm = format!("{}\ntranslation_of: {hash}", fm.join("\n"));
        self.write(rel, &format!("---\n{fm}\n---\n\n{body}"));
    }

    /// Applies `op`; returns the paths it touched, relative to the site.
    fn apply(&self, op: &Op) -> Vec<String> {
        let pages = self.pages();
        let pick = |i: usize| (!pages.is_empty()).then(|| pages[i % pages.len()].clone());
        match *op {
            Op::Body { page: i, body } => {
                let Some(rel) = pick(i) else { return vec![] };
                let text = self.read(&rel).unwrap_or_default();
                let fm = split(&text).map_or("title: Untitled".to_string(), |(fm, _)| fm);
                self.write(&rel, &format!("---\n{fm}\n---\n\n{}", body_for(&rel, body)));
                vec![rel]
            }
            Op::FrontMatter {
                page: i,
                title,
                extra,
            } => {
                let Some(rel) = pick(i) else { return vec![] };
                let text = self.read(&rel).unwrap_or_default();
                let body = split(&text).map_or(String::new(), |(_, b)| b);
                self.write(&rel, &page(TITLES[title], EXTRAS[extra], &body));
                vec![rel]
            }
            Op::Stamp { page: i } => {
                let Some(rel) = pick(i) else { return vec![] };
                self.stamp(&rel);
                vec![rel]
            }
            Op::Break { page: i } => {
                let Some(rel) = pick(i) else { return vec![] };
                self.write(&rel, "---\ntitle: [unclosed\n---\n\nText.\n");
                vec![rel]
            }
            Op::Restore { original } => {
                let (rel, text) = &self.originals[original % self.originals.len()];
                self.write(rel, text);
                vec![rel.clone()]
            }
            Op::RestoreAll => {
                let mut touched = vec!["site.yaml".to_string()];
                for rel in pages {
                    std::fs::remove_file(self.dir.path().join(&rel)).unwrap();
                    touched.push(rel);
                }
                self.write("site.yaml", SITE_YAML[0]);
                for (rel, text) in &self.originals {
                    self.write(rel, text);
                    touched.push(rel.clone());
                }
                touched
            }
            Op::Rename { page: i, stem } => {
                let Some(rel) = pick(i) else { return vec![] };
                let lang = rel.rsplit('.').nth(1).unwrap_or("en");
                let to = format!("{}.{lang}.md", STEMS[stem]);
                let (from, dest) = (self.dir.path().join(&rel), self.dir.path().join(&to));
                std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
                std::fs::rename(from, dest).unwrap();
                vec![rel, to]
            }
            Op::Delete { page: i } => {
                let Some(rel) = pick(i) else { return vec![] };
                std::fs::remove_file(self.dir.path().join(&rel)).unwrap();
                vec![rel]
            }
            Op::Create { stem, lang, body } => {
                let rel = format!("{}.{}.md", STEMS[stem], LANGS[lang]);
                let title = TITLES[(stem + body) % TITLES.len()];
                self.write(&rel, &page(title, "", &body_for(&rel, body)));
                vec![rel]
            }
            Op::SiteYaml { variant } => {
                self.write("site.yaml", SITE_YAML[variant]);
                vec!["site.yaml".into()]
            }
            Op::Asset { which, variant } => {
                let rel = ["guidance/guide/images/flow.svg", "static/note.txt"][which];
                match variant {
                    0 => {
                        let _ = std::fs::remove_file(self.dir.path().join(rel));
                    }
                    1 => self.write(rel, &SVG.replace("10", "12")),
                    _ => self.write(rel, SVG),
                }
                vec![rel.into()]
            }
        }
    }
}

/// A page's text from its title line(s), extra front matter and body.
fn page(title: &str, extra: &str, body: &str) -> String {
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!("\n{extra}")
    };
    format!("---\ntitle: {title}{extra}\n---\n\n{body}")
}

/// The front matter (without its fences) and the body, when the text has
/// both.
fn split(text: &str) -> Option<(String, String)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    let body = rest[end + 5..].trim_start_matches('\n');
    Some((rest[..end].to_string(), body.to_string()))
}

/// Body `i`, with its links made relative to the page at `rel`.
fn body_for(rel: &str, i: usize) -> String {
    // guidance/<publication>/[part/]page: one `../` per folder.
    let depth = rel.matches('/').count().saturating_sub(1);
    let anchors = if i < WITH_ANCHORS { ANCHORS } else { "" };
    format!("{}{anchors}", BODIES[i]).replace("{up}", &"../".repeat(depth))
}

type Files = BTreeMap<String, Vec<u8>>;

fn files_of(files: Vec<OutputFile>) -> Files {
    files
        .into_iter()
        .map(|f| {
            let bytes = match f.bytes {
                Bytes::Owned(v) => v,
                Bytes::Shared(a) => a.to_vec(),
                Bytes::Static(s) => s.to_vec(),
            };
            (f.path, bytes)
        })
        .collect()
}

fn session_files(s: &Session) -> Files {
    s.files
        .iter()
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect()
}

/// Where two sets of files differ, told briefly.
fn difference(served: &Files, built: &Files) -> Option<String> {
    let keys: BTreeSet<&String> = served.keys().chain(built.keys()).collect();
    for k in keys {
        match (served.get(k), built.get(k)) {
            (Some(a), Some(b)) if a == b => {}
            (Some(a), Some(b)) => {
                let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
                let show = |v: &[u8]| {
                    let s = at.saturating_sub(80);
                    String::from_utf8_lossy(&v[s..(at + 80).min(v.len())]).into_owned()
                };
                return Some(format!(
                    "`{k}` differs at byte {at}:\n  served: {:?}\n  built:  {:?}",
                    show(a),
                    show(b)
                ));
            }
            (Some(_), None) => return Some(format!("`{k}` is served but not built")),
            (None, _) => return Some(format!("`{k}` is built but not served")),
        }
    }
    None
}

/// The errors of a failed build, as `build` reports them.
fn errors(diags: &[Diagnostic]) -> BTreeSet<String> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}: {}", d.path.display(), d.line, d.message))
        .collect()
}

fn run_case(strict: bool, steps: &[Vec<Op>]) -> Result<(), TestCaseError> {
    let fx = Fixture::new();
    let opts = fx.options(strict);
    let Ok((mut session, _)) = Session::start(opts.clone()) else {
        // Only under --strict may the fixture fail (it has no warnings).
        prop_assert!(strict, "the fixture does not build");
        return Ok(());
    };
    let mut good = session_files(&session);
    let root = fx.root();
    for (n, step) in steps.iter().enumerate() {
        let mut touched: Vec<PathBuf> = Vec::new();
        for op in step {
            for rel in fx.apply(op) {
                // The watcher reports absolute paths; `update` takes both.
                touched.push(if n % 2 == 0 {
                    root.join(&rel)
                } else {
                    PathBuf::from(rel)
                });
            }
        }
        touched.sort();
        touched.dedup();
        let served = session.update(&touched);
        let built = pipeline::build(&opts);
        match (served, built) {
            (Ok(_), Ok(b)) => {
                good = files_of(b.files);
                let now = session_files(&session);
                if let Some(d) = difference(&now, &good) {
                    return Err(TestCaseError::fail(format!("step {n} ({step:?}): {d}")));
                }
            }
            (Err(s), Err(b)) => {
                prop_assert_eq!(
                    errors(&s.diagnostics),
                    errors(&b.diagnostics),
                    "step {} ({:?}): serve and build fail differently",
                    n,
                    step
                );
                let now = session_files(&session);
                if let Some(d) = difference(&now, &good) {
                    return Err(TestCaseError::fail(format!(
                        "step {n} ({step:?}): a failed update changed the files: {d}"
                    )));
                }
            }
            (Ok(_), Err(b)) => {
                return Err(TestCaseError::fail(format!(
                    "step {n} ({step:?}): serve succeeded, build failed: {:?}",
                    errors(&b.diagnostics)
                )));
            }
            (Err(s), Ok(_)) => {
                return Err(TestCaseError::fail(format!(
                    "step {n} ({step:?}): build succeeded, serve failed: {:?}",
                    errors(&s.diagnostics)
                )));
            }
        }
    }
    Ok(())
}

#[test]
fn serve_equals_build_after_random_edits() {
    let cases = std::env::var("FIELDGUIDE_SERVE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 256,
        ..Config::default()
    };
    let seed = *b"fieldguide serve equals build 01";
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let result = runner.run(&steps(), |(strict, steps)| run_case(strict, &steps));
    if let Err(e) = result {
        panic!("{e}");
    }
}
