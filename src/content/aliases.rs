//! `aliases:`: names a page had before, each kept as a small redirect page
//! so that bookmarks and printed links still lead to it.
//!
//! An alias is written relative to the page's publication: on a chapter,
//! `old-name` is `<pub>/old-name.html` and `part/old-name` is
//! `<pub>/part/old-name.html`; on a part's index, the part's earlier folder
//! (`old-part`, `<pub>/old-part/`); on a publication's index, its earlier
//! folder (`old-guide/`). A folder alias leads every page below it too:
//! `old-guide/intro.html` goes to `new-guide/intro.html`.

use super::model::{NodeId, NodeKind, Reason, Site};
use super::orphans;
use crate::diagnostics::{Diagnostic, display_path};
use std::collections::{BTreeMap, BTreeSet};

/// A redirect page: at `from` (a path inside each language folder) to the
/// page of `node`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub from: String,
    pub node: NodeId,
    /// The alias that made it, as written.
    pub alias: String,
}

/// A node's aliases, from all its languages' front matter, once each.
fn aliases_of(site: &Site, node: NodeId) -> BTreeSet<&str> {
    site.nodes[node]
        .docs
        .iter()
        .flatten()
        .flat_map(|&d| site.doc(d).fm.aliases.iter().map(String::as_str))
        .collect()
}

/// Every redirect page of the site, sorted by path. A path claimed twice
/// goes to the first claimant (the clash is reported by [`check`]).
pub fn redirects(site: &Site) -> Vec<Redirect> {
    let mut out: BTreeMap<String, Redirect> = BTreeMap::new();
    for (id, node) in site.node_ids().zip(&site.nodes) {
        for alias in aliases_of(site, id) {
            let pub_dir = site.nodes[node.publication].out_dir();
            let (folder, own) = match node.kind {
                NodeKind::Chapter => {
                    let from = chapter_redirect(pub_dir, alias);
                    let alias = alias.trim_matches('/');
                    out.entry(from.clone()).or_insert(Redirect {
                        from,
                        node: id,
                        alias: alias.to_string(),
                    });
                    continue;
                }
                NodeKind::Publication => (format!("{}/", alias.trim_matches('/')), node.out_dir()),
                NodeKind::Part => (
                    format!("{pub_dir}{}/", alias.trim_matches('/')),
                    node.out_dir(),
                ),
            };
            let alias = alias.trim_matches('/');
            // The folder's index and every page below it.
            let mut below = Vec::new();
            walk(site, id, &mut below);
            for n in below {
                let rest = site.nodes[n].url.strip_prefix(own).unwrap_or("");
                let from = format!("{folder}{rest}");
                out.entry(from.clone()).or_insert(Redirect {
                    from,
                    node: n,
                    alias: alias.to_string(),
                });
            }
        }
    }
    out.into_values().collect()
}

/// Where a chapter's alias puts its redirect, inside a language folder:
/// `<pub>/old-name.html`, or for an address that was a folder (Hugo's,
/// Jekyll's and Docusaurus' pages end in `/`: `referral/old-steps/`),
/// `<pub>/referral/old-steps/index.html`, which that address opens.
fn chapter_redirect(pub_dir: &str, alias: &str) -> String {
    match alias.strip_suffix('/') {
        Some(folder) => format!("{pub_dir}{}/index.html", folder.trim_start_matches('/')),
        None => format!("{pub_dir}{}.html", alias.trim_start_matches('/')),
    }
}

fn walk(site: &Site, id: NodeId, out: &mut Vec<NodeId>) {
    out.push(id);
    for &c in &site.nodes[id].children {
        walk(site, c, out);
    }
}

/// Paths inside a language folder that the site publishes, and the file
/// each comes from (for messages).
fn published(site: &Site) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let file_of = |n: NodeId| {
        site.nodes[n]
            .docs
            .iter()
            .flatten()
            .next()
            .map(|&d| display_path(&site.doc(d).file.rel))
            .unwrap_or_else(|| display_path(&site.nodes[n].dir))
    };
    for (id, node) in site.node_ids().zip(&site.nodes) {
        out.insert(node.url.clone(), file_of(id));
        if node.kind == NodeKind::Publication {
            out.insert(format!("{}print.html", node.out_dir()), file_of(id));
        }
    }
    for a in &site.assets {
        let from = a.src.as_ref().or_else(|| a.variants.values().next());
        out.insert(
            a.out.clone(),
            from.map(|p| display_path(p)).unwrap_or_default(),
        );
    }
    for page in ["index.html", "search.html", "search-index.js"] {
        out.insert(page.to_string(), "fieldguide".to_string());
    }
    out
}

/// Where `alias` is written in a document's front matter: (line, column).
fn locate(site: &Site, node: NodeId, alias: &str) -> (std::path::PathBuf, usize, usize) {
    for &d in site.nodes[node].docs.iter().flatten() {
        let doc = site.doc(d);
        if !doc.fm.aliases.iter().any(|a| a.trim_matches('/') == alias) {
            continue;
        }
        for (i, line) in doc.file.text.lines().take(doc.body_line).enumerate() {
            if let Some(col) = line.find(alias) {
                return (doc.file.rel.clone(), i + 1, line[..col].chars().count() + 1);
            }
        }
        return (doc.file.rel.clone(), 0, 0);
    }
    (site.nodes[node].dir.clone(), 0, 0)
}

/// Aliases that would write over a page, a file or another alias: errors
/// at the alias. Paths are compared as Windows and macOS (and the USB
/// sticks readers copy the site to) compare them, by case and Unicode
/// normalisation: `Getting-Started` is the page `getting-started.html`
/// there.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    use crate::content::file_types::portable_key;
    let pages: BTreeMap<String, (String, String)> = published(site)
        .into_iter()
        .map(|(path, file)| (portable_key(&path), (path, file)))
        .collect();
    let mut claimed: BTreeMap<String, (NodeId, String, String)> = BTreeMap::new();
    let mut reported = BTreeSet::new();
    for (id, node) in site.node_ids().zip(&site.nodes) {
        for written in aliases_of(site, id) {
            let alias = written.trim_matches('/').to_string();
            let from = match node.kind {
                NodeKind::Chapter => {
                    chapter_redirect(site.nodes[node.publication].out_dir(), written)
                }
                NodeKind::Publication => format!("{alias}/index.html"),
                NodeKind::Part => format!(
                    "{}{alias}/index.html",
                    site.nodes[node.publication].out_dir()
                ),
            };
            let key = portable_key(&from);
            let problem = if let Some((path, file)) = pages.get(&key) {
                Some(over_page(&alias, path == &from, file))
            } else if let Some((other, path, earlier)) = claimed.get(&key) {
                over_alias(site, (id, &alias, &from), (*other, earlier, path))
            } else {
                None
            };
            claimed
                .entry(key)
                .or_insert((id, from.clone(), alias.clone()));
            if let Some((message, hint)) = problem
                && reported.insert((id, alias.clone()))
            {
                let (file, line, col) = locate(site, id, &alias);
                diags.push(Diagnostic::error(file, line, col, message).with_hint(hint));
            }
        }
    }
}

/// The error for an alias whose redirect is written where a page is
/// (`exact`), or at a path that is that page's on Windows and macOS.
fn over_page(alias: &str, exact: bool, file: &str) -> (String, &'static str) {
    let message = if exact {
        format!(
            "alias `{alias}` is the name of a page that exists ({file}): its redirect would replace that page"
        )
    } else {
        format!(
            "alias `{alias}` differs only by case or Unicode normalisation from the name of a page that exists ({file}): on Windows and macOS its redirect would replace that page"
        )
    };
    (
        message,
        "an alias is for a name no page has any more; remove it",
    )
}

/// The error for an alias (`id`, as written, its redirect's path) whose
/// redirect another alias (`other`'s) already claims: the same path, or
/// one that is the same file on Windows and macOS. `None` for one alias
/// given twice (in two languages' front matter).
fn over_alias(
    site: &Site,
    (id, alias, from): (NodeId, &str, &str),
    (other, earlier, path): (NodeId, &str, &str),
) -> Option<(String, &'static str)> {
    let same_page = other == id;
    let hint = if same_page {
        "both lead to this page; remove one of the two"
    } else {
        "an old name can lead to one page only; remove one of the two"
    };
    if path == from && same_page {
        return None;
    }
    let (file, ..) = locate(site, other, earlier);
    let whose = if same_page {
        "an alias of this page".to_string()
    } else {
        format!("an alias of {}", display_path(&file))
    };
    let message = if path == from {
        format!("alias `{alias}` is also {whose}")
    } else {
        format!(
            "alias `{alias}` differs only by case or Unicode normalisation from `{earlier}`, {whose}: on Windows and macOS they would be one file"
        )
    };
    Some((message, hint))
}

/// Pages the previous build published (as its manifest says) that this
/// build does not: a reader's bookmark or a printed link to them breaks.
/// Drafts left out are not counted: holding a page back is a choice.
/// Orphaned translations are: their page is gone in every language, and
/// when the orphan found its source renamed, the hint names that file.
/// `previous`: the paths the output's manifest lists; `now`: this build's.
pub fn gone<'a>(
    site: &Site,
    out: &std::path::Path,
    previous: impl Iterator<Item = &'a String>,
    now: impl Iterator<Item = &'a str>,
) -> Vec<Diagnostic> {
    // A page whose translations were left behind by a rename of its source:
    // the page's address inside a language folder (as `url_of` writes it)
    // -> the renamed source.
    // One found by its stamp is surer than one by its number.
    let mut renamed: BTreeMap<&str, (&std::path::Path, bool)> = BTreeMap::new();
    for l in &site.left_out {
        if let Reason::Orphan {
            renamed: Some((to, by_hash)),
        } = &l.reason
        {
            let e = renamed.entry(&l.url).or_insert((to, *by_hash));
            if *by_hash && !e.1 {
                *e = (to, true);
            }
        }
    }
    let gone = gone_pages(site, previous, now);
    let default = site.config.default_language.as_str();
    const SHOWN: usize = 10;
    let mut found: Vec<Diagnostic> = gone
        .iter()
        .take(SHOWN)
        .map(|(&rest, langs)| {
            let lang = if langs.contains(&default) {
                default
            } else {
                langs[0]
            };
            let path = format!("{lang}/{rest}");
            let name = rest.trim_end_matches(".html").trim_end_matches("/index");
            let alias = name.split_once('/').map_or(name, |(_, n)| n);
            let old = rest.strip_suffix("index.html").unwrap_or(rest);
            let new = |to: &std::path::Path| {
                let d = site.doc_ids().find(|&d| site.doc(d).file.rel == to)?;
                let n = &site.nodes[site.doc(d).node];
                let url = if n.stem == "index" { n.out_dir() } else { &n.url };
                orphans::alias_for(old, url)
            };
            let hint = match renamed.get(old).and_then(|&(to, h)| Some((to, h, new(to)?))) {
                Some((to, true, alias)) => format!(
                    "`{}` looks like this page, renamed (its translations were stamped with its text): add `aliases: [{alias}]` to its front matter so that links and bookmarks to the old address keep working",
                    display_path(to)
                ),
                Some((to, false, alias)) => format!(
                    "`{}` has this page's number: if it is this page, renamed, add `aliases: [{alias}]` to its front matter so that links and bookmarks to the old address keep working",
                    display_path(to)
                ),
                None => format!(
                    "if the page was renamed or moved, add its old name to the new page's front matter: `aliases: [{alias}]` (relative to its publication)"
                ),
            };
            let also = match langs.as_slice() {
                [_] => String::new(),
                [first @ .., last] => format!(
                    ", in {} and {last},",
                    first.join(", ")
                ),
                [] => String::new(),
            };
            Diagnostic::warning(
                out.join(path),
                0,
                0,
                format!("the previous build published this page{also} and this one does not: links and bookmarks to it will break"),
            )
            .with_hint(hint)
        })
        .collect();
    if gone.len() > SHOWN {
        found.push(Diagnostic::warning(
            out,
            0,
            0,
            format!(
                "and {} more pages the previous build published are gone",
                gone.len() - SHOWN
            ),
        ));
    }
    found
}

/// The pages of `previous` (the manifest's paths) that `now` does not
/// have, each once, with the languages it was in (in site.yaml's order):
/// a rename on a site of seven languages is one warning, not seven.
/// Drafts held back are not gone.
fn gone_pages<'a>(
    site: &Site,
    previous: impl Iterator<Item = &'a String>,
    now: impl Iterator<Item = &'a str>,
) -> BTreeMap<&'a str, Vec<&'a str>> {
    let now: BTreeSet<&str> = now.collect();
    let held: Vec<&str> = site
        .left_out
        .iter()
        .filter(|l| matches!(l.reason, Reason::Draft { .. }))
        .map(|l| l.url.as_str())
        .collect();
    let mut gone: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for path in previous {
        let Some((lang, rest)) = path.split_once('/') else {
            continue;
        };
        let page = rest.ends_with(".html")
            && !matches!(rest, "index.html" | "search.html")
            && !rest.ends_with("/print.html");
        // Only pages of a language the site still has: a language dropped
        // from site.yaml is not a page gone by mistake.
        if !page || now.contains(path.as_str()) || site.config.language(lang).is_none() {
            continue;
        }
        let draft = held
            .iter()
            .any(|u| rest == *u || (u.ends_with('/') && rest.starts_with(u)));
        if !draft {
            gone.entry(rest).or_default().push(lang);
        }
    }
    for langs in gone.values_mut() {
        langs.sort_by_key(|l| site.config.lang_index(l));
    }
    gone
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> (Site, Vec<String>) {
        let (config, _) = crate::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en, fr]\n",
            std::path::Path::new("site.yaml"),
        );
        let mut diags = Vec::new();
        let site = crate::content::build::from_memory(config.unwrap(), files, &mut diags);
        (site, diags.iter().map(Diagnostic::headline).collect())
    }

    #[test]
    fn chapter_and_folder_aliases() {
        let (s, d) = site(&[
            (
                "guide/index.en.md",
                "---\ntitle: G\naliases: [old-guide]\n---\n",
            ),
            (
                "guide/01-consent.en.md",
                "---\ntitle: C\naliases: [informed-consent]\n---\n",
            ),
            (
                "guide/01-consent.fr.md",
                "---\ntitle: C\naliases: [consentement]\n---\n",
            ),
            (
                "guide/02-part/index.en.md",
                "---\ntitle: P\naliases: [old-part]\n---\n",
            ),
            ("guide/02-part/01-leaf.en.md", "---\ntitle: L\n---\n"),
        ]);
        assert!(d.is_empty(), "{d:?}");
        let r: Vec<(String, String)> = redirects(&s)
            .into_iter()
            .map(|r| (r.from, s.nodes[r.node].url.clone()))
            .collect();
        let pairs: Vec<(&str, &str)> = r.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("guide/consentement.html", "guide/consent.html"),
                ("guide/informed-consent.html", "guide/consent.html"),
                ("guide/old-part/index.html", "guide/part/index.html"),
                ("guide/old-part/leaf.html", "guide/part/leaf.html"),
                ("old-guide/consent.html", "guide/consent.html"),
                ("old-guide/index.html", "guide/index.html"),
                ("old-guide/part/index.html", "guide/part/index.html"),
                ("old-guide/part/leaf.html", "guide/part/leaf.html"),
            ]
        );
    }

    #[test]
    fn an_alias_over_a_page_or_another_alias_is_an_error_at_its_line() {
        let (_, d) = site(&[
            ("guide/index.en.md", "---\ntitle: G\n---\n"),
            (
                "guide/01-a.en.md",
                "---\ntitle: A\naliases:\n  - b\n  - old\n---\n",
            ),
            ("guide/02-b.en.md", "---\ntitle: B\n---\n"),
            ("guide/03-c.en.md", "---\ntitle: C\naliases: [old]\n---\n"),
        ]);
        assert_eq!(
            d,
            [
                "guidance/guide/01-a.en.md:4:5: error: alias `b` is the name of a page that exists (guidance/guide/02-b.en.md): its redirect would replace that page",
                "guidance/guide/03-c.en.md:3:11: error: alias `old` is also an alias of guidance/guide/01-a.en.md",
            ]
        );
    }

    #[test]
    fn an_alias_one_file_with_a_page_or_alias_on_windows_is_an_error_at_its_line() {
        let (_, d) = site(&[
            ("guide/index.en.md", "---\ntitle: G\n---\n"),
            (
                "guide/01-a.en.md",
                "---\ntitle: A\naliases: [Getting-Started, caf\u{e9}, cafe\u{301}]\n---\n",
            ),
            ("guide/02-getting-started.en.md", "---\ntitle: B\n---\n"),
            (
                "guide/03-c.en.md",
                "---\ntitle: C\naliases: [CAFE\u{301}, other]\n---\n",
            ),
            (
                "guide/04-d.en.md",
                "---\ntitle: D\naliases: [Other-Name]\n---\n",
            ),
        ]);
        assert_eq!(
            d,
            [
                "guidance/guide/01-a.en.md:3:11: error: alias `Getting-Started` differs only by case or Unicode normalisation from the name of a page that exists (guidance/guide/02-getting-started.en.md): on Windows and macOS its redirect would replace that page",
                "guidance/guide/01-a.en.md:3:28: error: alias `caf\u{e9}` differs only by case or Unicode normalisation from `cafe\u{301}`, an alias of this page: on Windows and macOS they would be one file",
                "guidance/guide/03-c.en.md:3:11: error: alias `CAFE\u{301}` differs only by case or Unicode normalisation from `cafe\u{301}`, an alias of guidance/guide/01-a.en.md: on Windows and macOS they would be one file",
            ]
        );
    }
}
