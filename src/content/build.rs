//! Building the site model (`model`) from the loaded files: front matter
//! parsed in parallel, one node per page, one document per language, then
//! the tree settled (`tree`) and the other files placed (`assets`).

use super::front_matter::FrontMatter;
use super::load::{AssetFile, Loaded, Parsed, SourceFile};
use super::model::{Doc, DocId, Node, NodeId, NodeKind, Site};
use crate::config::Config;
use crate::config::LangId;
use crate::diagnostics::{Diagnostic, Severity};
use crate::slug::numbered;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Builds the tree from the loaded files. Problems go to `diags`.
pub fn build(config: Config, mut loaded: Loaded, diags: &mut Vec<Diagnostic>) -> Site {
    let nlang = config.languages.len();
    let values = super::values::build(&loaded.values, &config, diags);
    let is_edition = config.base_site.is_some();
    let mut site = Site {
        config,
        nodes: Vec::new(),
        docs: Vec::new(),
        publications: Vec::new(),
        assets: Vec::new(),
        by_source: HashMap::new(),
        asset_by_source: HashMap::new(),
        reading_order: HashMap::new(),
        base_assets: Default::default(),
        values,
        edition: None,
        static_files: loaded.static_files.iter().map(|(k, _)| k.clone()).collect(),
        static_sources: std::mem::take(&mut loaded.static_files),
        base_static: std::mem::take(&mut loaded.base_static),
        names: Default::default(),
        left_out: Vec::new(),
        broken_translations: Vec::new(),
        broken_sources: Vec::new(),
        unreadable_pages: Default::default(),
        unreadable_files: 0,
        not_files: std::mem::take(&mut loaded.not_files).into_iter().collect(),
        readmes: std::mem::take(&mut loaded.readmes),
        categories: std::mem::take(&mut loaded.categories),
    };

    let parsed = std::mem::take(&mut loaded.parsed);
    let (parsed, omitted) =
        super::edition::omit(parsed, &loaded.replaced, is_edition, &site.config, diags);
    let (docs, failed) = usable(
        &mut site,
        std::mem::take(&mut loaded.unreadable),
        parsed,
        diags,
    );
    let (skip, left_out) = super::left_out::decide(&docs, &site.config, &failed, diags);
    site.left_out = left_out;
    let mut dir_nodes: HashMap<PathBuf, NodeId> = HashMap::new();
    // Exactly: grown by doubling, 30,000 documents peak at twice their size.
    site.docs.reserve_exact(docs.len());
    let tops: HashSet<PathBuf> = docs.iter().filter_map(|(f, ..)| top(&f.dir)).collect();
    for ((file, fm, body_offset, body_line), skip) in docs.into_iter().zip(skip) {
        if skip {
            continue;
        }
        if file.dir.as_os_str().is_empty() {
            diags.push(outside(&file, &tops));
            continue;
        }
        let dir_node = ensure_dir_node(&mut site, &mut dir_nodes, &file.dir, nlang);
        let node = if file.stem == "index" {
            dir_node
        } else {
            chapter_node(&mut site, dir_node, &file, nlang)
        };
        if let Some(existing) = site.nodes[node].docs[file.lang] {
            diags.push(second_file(&site, &file, existing));
            continue;
        }
        let id = DocId(site.docs.len());
        site.nodes[node].docs[file.lang] = Some(id);
        let (hash, legacy_hash) = stamp_hashes(&file);
        site.docs.push(Doc {
            file,
            fm,
            node,
            body_offset,
            body_line,
            hash,
            legacy_hash,
        });
    }
    super::tree::settle_nodes(&mut site, &failed, diags);
    super::published_paths::check_lengths(&site, diags);
    site.unreadable_pages = failed;
    // Here, so that `build`, `check`, `serve` and `status` all say it once.
    diags.extend(malformed_stamps(&site).into_iter().map(|(_, d)| d));
    let assets = loaded
        .assets
        .into_iter()
        .filter(|a| {
            // Folders in NFC, as the pages' are.
            let dir = a.rel.parent().map(crate::no_follow::slash_path);
            let dir = PathBuf::from(crate::slug::nfc(&dir.unwrap_or_default()).as_ref());
            !omitted.iter().any(|o| dir.starts_with(&o.path))
        })
        .collect();
    super::assets::collect_assets(&mut site, assets, &dir_nodes, diags);
    super::aliases::check(&site, diags);
    super::titles::check(&site, diags);
    if is_edition {
        site.edition = Some(super::edition::facts(&site, loaded.replaced, omitted));
    }
    site.nodes.shrink_to_fit(); // grown by doubling, kept for the whole build
    site
}

/// A document's stamp hashes, when its front matter was read with them
/// (`parse`); else left to be computed when first asked for. Copied: a
/// local edition's base files are matched by them later.
fn stamp_hashes(file: &super::load::SourceFile) -> (OnceLock<String>, OnceLock<Option<String>>) {
    match &file.hash {
        Some(h) => (
            OnceLock::from(h.clone()),
            OnceLock::from(file.legacy_hash.clone()),
        ),
        None => (OnceLock::new(), OnceLock::new()),
    }
}

/// The documents whose front matter could be read, and the keys of the
/// source pages whose could not (their error is the news: "the source is
/// gone" or "no index" about them would be false). `broken_links: warning`
/// publishes a site with known defects: a page that cannot be read is
/// left out (a translation's readers get the source page, marked as such;
/// a source page's, a translation of it), instead of no site at all.
fn usable(
    site: &mut Site,
    unreadable: Vec<super::load::Unreadable>,
    parsed: Vec<Parsed>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Usable>, HashSet<PathBuf>) {
    let default = site.config.default_index();
    let lenient = site.config.broken_links == crate::config::BrokenLinks::Warning;
    if !lenient {
        let with_errors = parsed
            .iter()
            .filter(|(_, _, ds)| ds.iter().any(|d| d.severity == Severity::Error));
        site.unreadable_files = unreadable.len() + with_errors.count();
    }
    let mut failed = HashSet::new();
    for super::load::Unreadable {
        error: d,
        lang,
        page,
    } in unreadable
    {
        if lang == default {
            failed.insert(page);
            if lenient {
                site.broken_sources.push(d.path.to_path_buf());
            }
            diags.push(if lenient { left_out_source(d) } else { d });
        } else if lenient {
            site.broken_translations.push((lang, d.path.to_path_buf()));
            diags.push(left_out_translation(d, &site.config, lang));
        } else {
            diags.push(d);
        }
    }
    let mut docs = Vec::with_capacity(parsed.len());
    for (file, fm, ds) in parsed {
        let broken = ds.iter().any(|d| d.severity == Severity::Error);
        if lenient && broken {
            let lang = file.lang;
            if lang == default {
                failed.insert(file.dir.join(&file.stem));
                site.broken_sources.push(file.rel.clone());
            } else {
                site.broken_translations.push((lang, file.rel.clone()));
            }
            diags.extend(ds.into_iter().map(|d| match d.severity {
                Severity::Error if lang == default => left_out_source(d),
                Severity::Error => left_out_translation(d, &site.config, lang),
                Severity::Warning => d,
            }));
            continue;
        }
        diags.extend(ds);
        match fm {
            Some((fm, body_offset, body_line)) => docs.push((file, fm, body_offset, body_line)),
            None if file.lang == default => {
                failed.insert(file.dir.join(&file.stem));
            }
            None => {}
        }
    }
    (docs, failed)
}

/// Whether `s` is a stamp as `fieldguide stamp` writes it: the
/// 16-character hash, in lowercase letters a-f and digits.
pub fn is_stamp(s: &str) -> bool {
    s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Translations whose `translation_of:` is not a stamp fieldguide wrote
/// (typed by hand, copied from another tool): a warning at its line. Such
/// a translation matches no source version, so it counts as stale. Each
/// with the translation's language.
pub fn malformed_stamps(site: &Site) -> Vec<(LangId, Diagnostic)> {
    let mut out = Vec::new();
    for node in &site.nodes {
        for (l, doc) in site.config.lang_ids().zip(&node.docs) {
            let Some(d) = *doc else { continue };
            let doc = site.doc(d);
            let Some(recorded) = doc.fm.translation_of.as_deref() else {
                continue;
            };
            if l == node.source_lang || is_stamp(recorded) {
                continue;
            }
            let (line, col) = stamp_line(&doc.file.text, doc.body_line);
            let file = crate::diagnostics::display_path(&doc.file.rel);
            out.push((
                l,
                Diagnostic::warning(
                    &doc.file.rel,
                    line,
                    col,
                    format!(
                        "`translation_of: {recorded}` is not a stamp fieldguide wrote (a 16-character hash), so this translation counts as stale"
                    ),
                )
                .with_hint(format!(
                    "check the translation against its source, then run `fieldguide stamp {file}`: it writes the right hash on this line"
                )),
            ));
        }
    }
    out
}

/// Where the value of `translation_of:` is written in a file's front
/// matter: (line, column), 1-based; (0, 0) when it cannot be found.
fn stamp_line(text: &str, body_line: usize) -> (usize, usize) {
    for (i, line) in text.lines().take(body_line.max(1)).enumerate() {
        let line = line.trim_start_matches('\u{feff}');
        let Some(rest) = line.strip_prefix("translation_of") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix(':') else {
            continue;
        };
        let at = line.len() - value.trim_start().len();
        return (i + 1, line[..at].chars().count() + 1);
    }
    (0, 0)
}

/// A file with its front matter and where its body starts (offset, line).
type Usable = (SourceFile, FrontMatter, usize, usize);

/// An error in a translation, as a warning on a site published with known
/// defects: the translation is left out until it is fixed.
fn left_out_translation(d: Diagnostic, config: &Config, lang: LangId) -> Diagnostic {
    let why = format!(
        "`broken_links: warning`: this translation is not published until it is fixed; readers of {} see the {} page, marked as such",
        config.languages[lang].name,
        config.languages[config.default_index()].name
    );
    left_out(d, &why)
}

/// An error in a source page, as a warning on a site published with known
/// defects: the page is left out until it is fixed. Its translations, if
/// any, take its place (each language's readers get one, marked as a
/// fallback), and links to it are published as their text.
fn left_out_source(d: Diagnostic) -> Diagnostic {
    left_out(
        d,
        "`broken_links: warning`: this page is not published until it is fixed; a translation of it, if there is one, is shown in its place, and links to it are published as their text",
    )
}

/// `d` as a warning whose note first says `why` the file is left out (the
/// parser's own words, if any, follow: one note per message).
fn left_out(d: Diagnostic, why: &str) -> Diagnostic {
    let mut d = d.as_warning();
    d.note = Some(match d.note.take() {
        Some(n) => format!("{why}; {n}").into(),
        None => why.into(),
    });
    d
}

/// A node's sort key before `order:` and its slug are known.
fn order_of(numbers: &[i64]) -> (i64, Vec<i64>, String) {
    let first = numbers.first().copied().unwrap_or(i64::MAX);
    (
        first,
        numbers.get(1..).unwrap_or_default().to_vec(),
        String::new(),
    )
}

/// The chapter node a file is a language of, created on first sight.
fn chapter_node(site: &mut Site, dir_node: NodeId, file: &SourceFile, nlang: usize) -> NodeId {
    let key = file.dir.join(&file.stem);
    if let Some(&n) = site.by_source.get(&key) {
        return n;
    }
    let (numbers, slug) = numbered(&file.stem);
    let id = NodeId(site.nodes.len());
    let publication = site.nodes[dir_node].publication;
    let url = format!("{}{}.html", site.nodes[dir_node].out_dir(), slug);
    site.nodes.push(Node {
        kind: NodeKind::Chapter,
        slug,
        label: String::new(),
        parent: Some(dir_node),
        children: Vec::new(),
        publication,
        dir: file.dir.clone(),
        stem: file.stem.clone(),
        docs: vec![None; nlang],
        source_lang: LangId(0),
        url,
        order: order_of(&numbers),
    });
    site.nodes[dir_node].children.push(id);
    site.by_source.insert(key, id);
    id
}

/// Two files for one page in one language (`a.md` and `a.en.md`).
fn second_file(site: &Site, file: &SourceFile, existing: super::model::DocId) -> Diagnostic {
    let first = &site.docs[existing].file.rel;
    let nfc = |p: &Path| crate::slug::nfc(&p.to_string_lossy()).into_owned();
    // `Sécurité.md` twice, one as macOS saves it (`e` and an accent): the
    // message above would name a file that looks like this one.
    if first != &file.rel && nfc(first) == nfc(&file.rel) {
        return Diagnostic::error(
            &file.rel,
            0,
            0,
            format!(
                "`{}` has the same name as `{}`, written another way (an accented letter as one character, or as a letter and a separate accent, as macOS saves names): they look alike, and only one could be published",
                crate::diagnostics::display_path(&file.rel),
                crate::diagnostics::display_path(first)
            ),
        )
        .with_hint(format!(
            "keep one of the two files: {} its accents as separate characters, and a Mac holds only one of them",
            if nfc(&file.rel) == file.rel.to_string_lossy() {
                format!("`{}` has", crate::diagnostics::display_path(first))
            } else {
                "this one has".to_string()
            }
        ));
    }
    Diagnostic::error(
        &file.rel,
        0,
        0,
        format!(
            "a second file for the same page in `{}`: {} already exists",
            site.config.languages[file.lang].code,
            crate::diagnostics::display_path(&site.docs[existing].file.rel)
        ),
    )
    .with_hint(
        if first.to_string_lossy().to_lowercase() == file.rel.to_string_lossy().to_lowercase() {
            // `Guide.FR.md` beside `Guide.fr.md`.
            "the two names differ only in capitals, and on Windows and macOS they are one file: keep one of the two"
        } else {
            "a file without a language suffix is in the default language; remove one of the two"
        },
    )
}

/// The first folder of `dir`: a publication's.
fn top(dir: &Path) -> Option<PathBuf> {
    dir.components()
        .next()
        .map(|c| PathBuf::from(c.as_os_str()))
}

/// A page at the top of `guidance/`, skipped: the warning says where it
/// goes, into its publication's folder, or, beside a folder of its own
/// name (as Notion and Confluence export a page with sub-pages), into that
/// folder as its `index`.
fn outside(file: &SourceFile, tops: &HashSet<PathBuf>) -> Diagnostic {
    Diagnostic::warning(&file.rel, 0, 0, "not inside a publication folder; skipped")
        .with_hint(outside_hint(file, tops))
}

fn outside_hint(file: &SourceFile, tops: &HashSet<PathBuf>) -> String {
    let name = file.rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    match name.strip_prefix(file.stem.as_str()) {
        Some(rest) if tops.contains(Path::new(&file.stem)) => format!(
            "the folder `{}` beside it has its name: it is that publication's page (Notion and Confluence export a page with sub-pages so): move it into the folder as `index{rest}`, with the publication's `kind:`",
            file.stem
        ),
        _ => "move it into guidance/<publication>/".to_string(),
    }
}

/// The node for a folder, creating it (and its parents) on first sight.
fn ensure_dir_node(
    site: &mut Site,
    dir_nodes: &mut HashMap<PathBuf, NodeId>,
    dir: &Path,
    nlang: usize,
) -> NodeId {
    if let Some(&n) = dir_nodes.get(dir) {
        return n;
    }
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| ensure_dir_node(site, dir_nodes, p, nlang));
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let (numbers, slug) = numbered(name);
    let id = NodeId(site.nodes.len());
    let (kind, publication, url) = match parent {
        None => (NodeKind::Publication, id, format!("{}/index.html", slug)),
        Some(p) => (
            NodeKind::Part,
            site.nodes[p].publication,
            format!("{}{}/index.html", site.nodes[p].out_dir(), slug),
        ),
    };
    site.nodes.push(Node {
        kind,
        label: readable(&slug),
        slug,
        parent,
        children: Vec::new(),
        publication,
        dir: dir.to_path_buf(),
        stem: "index".into(),
        docs: vec![None; nlang],
        source_lang: LangId(0),
        url,
        order: order_of(&numbers),
    });
    match parent {
        Some(p) => site.nodes[p].children.push(id),
        None => site.publications.push(id),
    }
    dir_nodes.insert(dir.to_path_buf(), id);
    site.by_source.insert(dir.join("index"), id);
    id
}

/// `referral-pathways` -> `Referral pathways`.
fn readable(slug: &str) -> String {
    let text = slug.replace(['-', '_'], " ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// For unit tests: [`from_memory`] for a site in English and French, with
/// drafts or not, and its messages as they are printed.
#[cfg(test)]
pub fn en_fr(files: &[(&str, &str)], drafts: bool) -> (Site, Vec<String>) {
    let (config, _) = crate::config::parse(
        "title: T\ndefault_language: en\nlanguages: [en, fr]\n",
        Path::new("site.yaml"),
    );
    let mut config = config.unwrap();
    config.drafts = drafts;
    let mut diags = Vec::new();
    let site = from_memory(config, files, &mut diags);
    (site, diags.iter().map(Diagnostic::headline).collect())
}

/// A site from files held in memory: `(path under guidance/, text)`, in the
/// default language unless the name says otherwise. For fuzzing and tests.
#[doc(hidden)]
pub fn from_memory(config: Config, files: &[(&str, &str)], diags: &mut Vec<Diagnostic>) -> Site {
    let mut loaded = Loaded::default();
    let mut sources = Vec::new();
    for (path, text) in files {
        let rel = Path::new(path);
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if rel == Path::new(super::layers::VALUES_FILE) {
            loaded.values.push(super::load::ValuesText {
                rel: Path::new(super::load::CONTENT_DIR).join(rel),
                text: text.to_string(),
                from_base: false,
            });
            continue;
        }
        let Some(base) = name.strip_suffix(".md") else {
            loaded.assets.push(AssetFile {
                rel: rel.to_path_buf(),
                variant: None,
                from_base: false,
            });
            continue;
        };
        let (stem, lang) = super::load::split_lang(base, &config).unwrap_or((base, None));
        sources.push(SourceFile {
            rel: Path::new(super::load::CONTENT_DIR).join(rel),
            dir: rel.parent().map(Path::to_path_buf).unwrap_or_default(),
            stem: stem.to_string(),
            lang: lang.unwrap_or_else(|| config.default_index()),
            text: text.to_string(),
            from_base: false,
            root: PathBuf::new(),
            in_site: Path::new(super::load::CONTENT_DIR).join(rel),
            digest: *blake3::hash(text.as_bytes()).as_bytes(),
            hash: None,
            legacy_hash: None,
            released: false,
        });
    }
    let indexes: HashSet<(PathBuf, LangId)> = sources
        .iter()
        .filter(|f| f.stem == "index")
        .map(|f| (f.dir.clone(), f.lang))
        .collect();
    loaded.parsed = sources
        .into_iter()
        .map(|f| {
            let has_index = indexes.contains(&(f.dir.clone(), f.lang));
            super::parse::parse(f, has_index, &config, false)
        })
        .collect();
    build(config, loaded, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_fieldguide_writes() {
        assert!(is_stamp("0123456789abcdef"));
        for s in ["", "xyz", "12345", "0123456789ABCDEF", "0123456789abcdef0"] {
            assert!(!is_stamp(s), "{s}");
        }
        let text = "\u{feff}---\ntitle: A\ntranslation_of:   \"xyz\"\n---\ntranslation_of: no\n";
        assert_eq!(stamp_line(text, 5), (3, 19));
        assert_eq!(stamp_line("---\ntitle: A\n---\n", 4), (0, 0));
    }
}
