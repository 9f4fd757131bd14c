//! Orphaned translations: the files of a page that has no file in the
//! default language, when one of them says it translates a source
//! (`translation_of:`), or when a file of the default language with the
//! same number has no version in their language (renamed, by the look of
//! it). Publishing them would make one the page in every language (the
//! French text as the English page, at the old address), so they are left
//! out (see `left_out`), with the likely renamed source named, and the
//! alias that keeps the old address. A page in another language alone
//! without either sign (a local annex in French only) is a page of its
//! own, published from the language it is in.

use super::front_matter::FrontMatter;
use super::load::SourceFile;
use super::model::Reason;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, display_path};
use crate::slug::order_and_slug;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A file with its front matter and where its body starts.
pub(super) type Parsed = (SourceFile, FrontMatter, usize, usize);

/// `dir/stem`, the key of a page in `Site::by_source`.
pub(super) fn key(f: &SourceFile) -> PathBuf {
    f.dir.join(&f.stem)
}

/// Where a page would be published inside a language folder, as the tree
/// would name it: `pub/x.html`, or `pub/part/` for an index.
pub fn url_of(dir: &Path, stem: &str) -> String {
    let mut url = String::new();
    for part in dir.iter() {
        url.push_str(&order_and_slug(&part.to_string_lossy()).1);
        url.push('/');
    }
    if stem != "index" {
        url.push_str(&order_and_slug(stem).1);
        url.push_str(".html");
    }
    url
}

/// The alias that keeps address `old` leading to the page now at `new`
/// (both inside a language folder, as [`url_of`] writes them), as the new
/// page's front matter would say it: relative to its publication, or a
/// publication's earlier folder. `None` when the address did not change,
/// or when no alias can say it (a chapter that became a folder's index,
/// or moved to another publication).
pub fn alias_for(old: &str, new: &str) -> Option<String> {
    if old == new || old.ends_with('/') != new.ends_with('/') {
        return None;
    }
    let (old_pub, old_rest) = old.split_once('/')?;
    let (new_pub, new_rest) = new.split_once('/')?;
    let old_rest = old_rest.trim_end_matches('/').trim_end_matches(".html");
    match (old_rest.is_empty(), new_rest.is_empty()) {
        (true, true) => Some(old_pub.to_string()),
        (false, false) if old_pub == new_pub => Some(old_rest.to_string()),
        _ => None,
    }
}

/// For a link, written in folder `from` (relative to `guidance/`), to
/// page `dir/stem` that no longer exists: when translations of that page
/// were left behind and found their source renamed, a hint naming the
/// page's new file, as the link would write it.
pub fn renamed_link_hint(
    site: &super::model::Site,
    from: &Path,
    dir: &Path,
    stem: &str,
) -> Option<String> {
    let key = dir.join(stem);
    let (to, by_hash) = site
        .left_out
        .iter()
        .filter(|l| l.key == key)
        .filter_map(|l| match &l.reason {
            Reason::Orphan { renamed } => renamed.as_ref(),
            Reason::Draft { .. } => None,
        })
        .max_by_key(|(_, by_hash)| *by_hash)?;
    let d = site.doc_ids().find(|&d| site.doc(d).file.rel == *to)?;
    let node = &site.nodes[site.doc(d).node];
    let link = relative(from, &node.dir.join(format!("{}.md", node.stem)));
    Some(if *by_hash {
        format!(
            "the page was renamed: it is now `{}`, link to `{link}` (its translations, stamped with its text, still have the old name)",
            display_path(to)
        )
    } else {
        format!(
            "`{}` has this page's number: if the page was renamed, link to `{link}`",
            display_path(to)
        )
    })
}

/// `to` (relative to `guidance/`) as a link written in folder `from` writes it.
fn relative(from: &Path, to: &Path) -> String {
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in from.components().skip(common) {
        out.push("..");
    }
    out.extend(to.components().skip(common));
    display_path(&out)
}

/// The orphaned translations among the files not already left out (`skip`),
/// each with its reason, in the order found; a warning for each.
pub(super) fn orphans(
    docs: &[Parsed],
    config: &Config,
    failed: &HashSet<PathBuf>,
    skip: &[bool],
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, Reason)> {
    let default = config.default_index();
    let mut groups: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if !skip[i] {
            groups.entry(key(&d.0)).or_default().push(i);
        }
    }
    // A page with no file in the default language is left behind by a
    // rename or a removal when one of its files says it translates a
    // source (`translation_of:`), or when a file of the default language
    // with the same number has no version in its language (renamed, by
    // the look of it). Otherwise it is a page of its own (a local annex
    // in French alone), published from the language it is in.
    let lacking: Vec<(&Vec<usize>, bool)> = groups
        .iter()
        .filter(|(k, members)| {
            !failed.contains(*k) && !members.iter().any(|&i| docs[i].0.lang == default)
        })
        .map(|(_, members)| {
            let stamped = members.iter().any(|&i| docs[i].1.translation_of.is_some());
            (members, stamped)
        })
        .collect();
    if lacking.is_empty() {
        return Vec::new();
    }
    // Hashes of the sources, only now that a rename is to be looked for.
    let sources: Vec<(usize, String)> = groups
        .values()
        .flatten()
        .filter(|&&i| docs[i].0.lang == default)
        .flat_map(|&i| {
            let (f, fm, offset, _) = &docs[i];
            let title = fm.title.as_deref().unwrap_or("");
            let (summary, body) = (fm.summary.as_deref(), f.text.get(*offset..).unwrap_or(""));
            let hash = f.hash.clone();
            let legacy = match hash {
                Some(_) => f.legacy_hash.clone(),
                None => crate::text::legacy_hash(title, summary, body),
            };
            let hash = hash.unwrap_or_else(|| crate::text::stamp_hash(title, summary, body));
            [Some((i, hash)), legacy.map(|h| (i, h))]
        })
        .flatten()
        .collect();
    let mut orphaned = Vec::new();
    for (members, stamped) in lacking {
        let renamed: Vec<_> = members
            .iter()
            .map(|&i| (i, renamed_source(docs, &groups, &sources, i)))
            .collect();
        if stamped || renamed.iter().any(|(_, r)| r.is_some()) {
            orphaned.extend(renamed);
        }
    }
    orphaned
        .into_iter()
        .map(|(i, renamed)| {
            diags.push(orphan_warning(docs, config, i, renamed.as_ref()));
            let renamed = renamed.map(|(s, by_hash)| (docs[s].0.rel.clone(), by_hash));
            (i, Reason::Orphan { renamed })
        })
        .collect()
}

/// The source that looks like orphan `i`'s, renamed: one whose content
/// hash is the one the orphan was stamped with, else one in the same folder
/// with the same number. Sources without a translation in the orphan's
/// language, and in its folder, come first.
fn renamed_source(
    docs: &[Parsed],
    groups: &BTreeMap<PathBuf, Vec<usize>>,
    sources: &[(usize, String)],
    i: usize,
) -> Option<(usize, bool)> {
    let (f, fm, ..) = &docs[i];
    let translated = |s: usize| {
        groups
            .get(&key(&docs[s].0))
            .is_some_and(|m| m.iter().any(|&j| docs[j].0.lang == f.lang))
    };
    let rank = |s: usize| (translated(s), docs[s].0.dir != f.dir, docs[s].0.rel.clone());
    let by_hash = sources
        .iter()
        .filter(|(_, h)| Some(h.as_str()) == fm.translation_of.as_deref())
        .map(|&(s, _)| s)
        .min_by_key(|&s| rank(s));
    if let Some(s) = by_hash {
        return Some((s, true));
    }
    let number = order_and_slug(&f.stem).0?;
    sources
        .iter()
        .map(|&(s, _)| s)
        .filter(|&s| {
            let g = &docs[s].0;
            g.dir == f.dir && g.stem != "index" && order_and_slug(&g.stem).0 == Some(number)
        })
        .filter(|&s| !translated(s))
        .min_by_key(|&s| rank(s))
        .map(|s| (s, false))
}

/// A file's name from beside `from` (bare in the same folder), for messages.
/// The name the translation `orphan` takes beside its renamed `source`
/// (whose name without its language is `stem`), paths as messages show
/// them: `<stem>.<code>.md`. An edition's own translation of a base page
/// stays in the edition: the same path without the `base:` folder.
pub fn renamed_translation(
    config: &Config,
    source: &Path,
    stem: &str,
    code: &str,
    orphan: &Path,
) -> PathBuf {
    let to = source.with_file_name(format!("{stem}.{code}.md"));
    match config.base_site.as_ref().map(|b| b.shown.as_path()) {
        Some(base) if !orphan.starts_with(base) => {
            to.strip_prefix(base).map_or(to.clone(), Path::to_path_buf)
        }
        _ => to,
    }
}

fn name_from(from: &SourceFile, path: &Path) -> String {
    match (path.parent(), from.rel.parent()) {
        (Some(a), Some(b)) if a == b => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => display_path(path),
    }
}

fn orphan_warning(
    docs: &[Parsed],
    config: &Config,
    i: usize,
    renamed: Option<&(usize, bool)>,
) -> Diagnostic {
    let f = &docs[i].0;
    let default = &config.languages[config.default_index()].code;
    let code = &config.languages[f.lang].code;
    let gone = format!("{}.{default}.md", f.stem);
    // `02-x (2).fr.md` beside `02-x.fr.md`: a copy, not a rename.
    if let Some(original) = super::names::copy_of(&f.stem).filter(|o| {
        docs.iter()
            .any(|(g, ..)| g.dir == f.dir && g.lang == f.lang && g.stem == *o)
    }) {
        return Diagnostic::warning(
            &f.rel,
            0,
            0,
            format!("this looks like a copy of `{original}.{code}.md`, so it is not published"),
        )
        .with_hint("remove it if it is a copy");
    }
    let Some(&(s, by_hash)) = renamed else {
        let mut hint = format!(
            "if the source was renamed, give this file its new name (with `.{code}.md`); if the page was removed, remove this file too"
        );
        // Unstamped, it may never have had a source: say how to publish it.
        if docs[i].1.translation_of.is_none() {
            let _ = write!(
                hint,
                "; if it is a page of its own, add its `{default}` version, `{gone}`"
            );
        }
        return Diagnostic::warning(
            &f.rel,
            0,
            0,
            format!("this translation's source `{gone}` is gone, so this file is not published"),
        )
        .with_hint(hint);
    };
    let src = &docs[s].0;
    let new_name = renamed_translation(config, &src.rel, &src.stem, code, &f.rel);
    let (verb, what) = if src.dir == f.dir {
        ("rename", "renamed")
    } else {
        ("move", "moved")
    };
    let target = name_from(f, &new_name);
    let source = name_from(f, &src.rel);
    let message = if by_hash {
        format!("`{source}` looks like this file's source, {what}: {verb} this file to `{target}`")
    } else {
        format!(
            "this translation's source `{gone}` is gone; `{source}` has the same number and no `{code}` version: if it is this file's source, renamed, rename this file to `{target}`"
        )
    };
    let mut hint = format!(
        "until then this file is an orphan: it is not published, and links to `{gone}` lead nowhere"
    );
    // The old address: links and bookmarks to it break unless the renamed
    // page says it had that name.
    if let Some(alias) = alias_for(&url_of(&f.dir, &f.stem), &url_of(&src.dir, &src.stem))
        && !docs[s]
            .1
            .aliases
            .iter()
            .any(|a| a.trim_matches('/') == alias)
    {
        let _ = write!(
            hint,
            "; and add `aliases: [{alias}]` to `{source}`, so that links and bookmarks to the old address keep working"
        );
    }
    Diagnostic::warning(&f.rel, 0, 0, message).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use crate::content::build::en_fr as site;
    use crate::content::model::Reason;

    const INDEX: (&str, &str) = ("pub/index.en.md", "---\ntitle: Pub\n---\n");

    #[test]
    fn a_renamed_source_is_named_and_its_orphan_left_out() {
        let body = "---\ntitle: Consent\n---\nAsk first.\n";
        let hash = crate::text::source_hash("Consent", "Ask first.\n");
        let fr = format!("---\ntitle: Consentement\ntranslation_of: {hash}\n---\nDemander.\n");
        let (s, d) = site(
            &[
                INDEX,
                ("pub/02-consent.en.md", body),
                ("pub/02-informed-consent.fr.md", &fr),
            ],
            false,
        );
        assert_eq!(
            d,
            [
                "guidance/pub/02-informed-consent.fr.md: warning: `02-consent.en.md` looks like this file's source, renamed: rename this file to `02-consent.fr.md`"
            ]
        );
        assert_eq!(s.nodes.len(), 2, "no node for the orphan");
        assert_eq!(s.left_out.len(), 1);
        assert_eq!(s.left_out[0].url, "pub/informed-consent.html");
        assert!(matches!(
            &s.left_out[0].reason,
            Reason::Orphan { renamed: Some((p, true)) } if p.ends_with("02-consent.en.md")
        ));
    }

    #[test]
    fn the_alias_that_keeps_an_old_address() {
        use super::alias_for;
        assert_eq!(
            alias_for("pub/consent.html", "pub/informed.html").as_deref(),
            Some("consent")
        );
        assert_eq!(
            alias_for("pub/part/a.html", "pub/b.html").as_deref(),
            Some("part/a")
        );
        assert_eq!(
            alias_for("pub/old-part/", "pub/part/").as_deref(),
            Some("old-part")
        );
        assert_eq!(alias_for("old/", "new/").as_deref(), Some("old"));
        // The same address, another publication, a chapter become a folder.
        assert_eq!(alias_for("pub/a.html", "pub/a.html"), None);
        assert_eq!(alias_for("pub/a.html", "other/a.html"), None);
        assert_eq!(alias_for("pub/a.html", "pub/a/"), None);
    }

    #[test]
    fn a_link_to_a_renamed_page_is_told_its_new_name() {
        let hash = crate::text::source_hash("Consent", "Ask first.\n");
        let fr = format!("---\ntitle: Consentement\ntranslation_of: {hash}\n---\nDemander.\n");
        let (s, _) = site(
            &[
                INDEX,
                (
                    "pub/02-consent.en.md",
                    "---\ntitle: Consent\n---\nAsk first.\n",
                ),
                ("pub/02-informed-consent.fr.md", &fr),
            ],
            false,
        );
        let hint = |from: &str, dir: &str, stem: &str| {
            super::renamed_link_hint(
                &s,
                std::path::Path::new(from),
                std::path::Path::new(dir),
                stem,
            )
        };
        assert_eq!(
            hint("pub", "pub", "02-informed-consent").as_deref(),
            Some(
                "the page was renamed: it is now `guidance/pub/02-consent.en.md`, link to `02-consent.md` (its translations, stamped with its text, still have the old name)"
            )
        );
        assert_eq!(
            hint("other/part", "pub", "02-informed-consent").as_deref(),
            Some(
                "the page was renamed: it is now `guidance/pub/02-consent.en.md`, link to `../../pub/02-consent.md` (its translations, stamped with its text, still have the old name)"
            )
        );
        assert_eq!(hint("pub", "pub", "03-other"), None);
    }

    #[test]
    fn an_orphan_with_an_edited_source_is_matched_by_its_number() {
        let fr = "---\ntitle: Consentement\ntranslation_of: 0123456789abcdef\n---\nDemander.\n";
        let (_, d) = site(
            &[
                INDEX,
                ("pub/01-intro.en.md", "---\ntitle: Intro\n---\n"),
                ("pub/02-consent.en.md", "---\ntitle: Consent\n---\nNew.\n"),
                ("pub/02-informed-consent.fr.md", fr),
            ],
            false,
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].contains("`02-consent.en.md` has the same number and no `fr` version: if it is this file's source, renamed, rename this file to `02-consent.fr.md`"), "{d:?}");
    }

    #[test]
    fn a_page_without_a_source_is_an_orphan_when_a_sign_says_so() {
        let stamped = "---\ntitle: A\ntranslation_of: 0123456789abcdef\n---\n";
        let unstamped = "---\ntitle: A\n---\n";
        let other = ("pub/01-other.en.md", unstamped);
        // Orphans: a stamp on any of its files, or an English file with the
        // same number and no version in that language.
        for files in [
            vec![("pub/01-local.fr.md", stamped)],
            vec![
                ("pub/01-local.fr.md", stamped),
                ("pub/01-local.es.md", unstamped),
            ],
            vec![other, ("pub/01-local.fr.md", unstamped)],
        ] {
            let mut all = vec![INDEX];
            all.extend(files.iter().copied());
            let (s, d) = site3(&all);
            let orphans = files.iter().filter(|f| !f.0.ends_with(".en.md")).count();
            assert_eq!(s.left_out.len(), orphans, "{files:?}: {d:?}");
            assert!(
                !s.nodes.iter().any(|n| n.stem == "01-local"),
                "{files:?}: no node for the orphans"
            );
            assert!(d.iter().all(|d| d.contains("is gone")), "{d:?}");
            assert_eq!(d.len(), orphans, "{d:?}");
        }
        // Pages of their own, in French (and Spanish) alone.
        for files in [
            vec![("pub/01-local.fr.md", unstamped)],
            vec![
                ("pub/01-local.fr.md", unstamped),
                ("pub/01-local.es.md", unstamped),
            ],
        ] {
            let mut all = vec![INDEX];
            all.extend(files.iter().copied());
            let (s, d) = site3(&all);
            assert!(s.left_out.is_empty(), "{files:?}: {d:?}");
            assert!(s.nodes.iter().any(|n| n.stem == "01-local"));
            assert!(d.iter().all(|d| d.contains("no `en` version")), "{d:?}");
        }
        // A stamp says its source is gone, even in a site without English.
        let (s, d) = site(
            &[
                ("pub/index.fr.md", "---\ntitle: Pub\n---\n"),
                ("pub/01-local.fr.md", stamped),
            ],
            false,
        );
        assert_eq!(s.left_out.len(), 1, "{d:?}");
    }

    /// [`site`] in English, French and Spanish.
    fn site3(files: &[(&str, &str)]) -> (crate::content::model::Site, Vec<String>) {
        let (config, _) = crate::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en, fr, es]\n",
            std::path::Path::new("site.yaml"),
        );
        let mut diags = Vec::new();
        let site = crate::content::build::from_memory(config.unwrap(), files, &mut diags);
        (
            site,
            diags
                .iter()
                .map(crate::diagnostics::Diagnostic::headline)
                .collect(),
        )
    }
}
