//! A translation named as a shared drive names it, with its language
//! after a `_`, `-` or space (`03-safety_FR.md`, `Safety plan - AR.md`,
//! `intro (fr).md`), beside its source: a page of its own, published in
//! every language as a page of the default language, and never offered
//! to its language's readers. A warning at the file, with its name.

use super::model::{NodeKind, Site};
use crate::diagnostics::Diagnostic;
use std::path::Path;

pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    for parent in site.node_ids() {
        let children = &site.nodes[parent].children;
        let stems: Vec<&str> = children
            .iter()
            .map(|&c| site.nodes[c].stem.as_str())
            .collect();
        for &c in children {
            let node = &site.nodes[c];
            let Some(&doc) = node.docs.iter().flatten().next() else {
                continue;
            };
            let Some((base, code)) = split(site, &node.stem) else {
                continue;
            };
            // Only beside its source, or another language's file of it:
            // `04-first-aid` is no language's version of `04-first`.
            let sibling = stems
                .iter()
                .any(|s| *s == base || split(site, s).is_some_and(|(b, k)| b == base && k != code));
            if node.kind == NodeKind::Chapter && sibling {
                diags.push(warning(
                    site,
                    &site.docs[doc].file.rel,
                    &node.stem,
                    base,
                    code,
                ));
            }
        }
    }
}

/// `03-safety_FR` -> (`03-safety`, `fr`), for a language of the site;
/// also `intro (FR)`, `intro [fr]`, `Safety plan - AR`, `03-safety.fr_CA`.
fn split<'a>(site: &'a Site, stem: &'a str) -> Option<(&'a str, &'a str)> {
    const SEPARATORS: [char; 3] = [' ', '_', '-'];
    let lang = |code: &str| {
        let code = code.replace('_', "-");
        let l = site
            .config
            .languages
            .iter()
            .find(|l| l.code.eq_ignore_ascii_case(&code))?;
        Some(l.code.as_str())
    };
    // `.fr_CA`, as gettext writes a region, which is no language suffix.
    // A site language with a region (`pt-BR`) is the whole suffix, as
    // Crowdin and Weblate write it (`.pt_BR`).
    if let Some((before, suffix)) = stem.rsplit_once('.')
        && let Some(code) = lang(suffix).or_else(|| suffix.split(['-', '_']).next().and_then(lang))
        && !before.is_empty()
    {
        return Some((before, code));
    }
    let (before, code) = match stem.strip_suffix([')', ']']) {
        Some(s) => {
            let open = s.rfind(['(', '['])?;
            (&s[..open], &s[open + 1..])
        }
        None => {
            // The longest of the last three parts that is a site language:
            // `_PT-BR` for `pt-BR`, `-AR` for `ar`.
            let cuts: Vec<usize> = stem
                .rmatch_indices(SEPARATORS)
                .map(|(i, _)| i)
                .take(3)
                .collect();
            let at = cuts
                .iter()
                .rev()
                .copied()
                .find(|&at| lang(&stem[at + 1..]).is_some())?;
            (&stem[..at + 1], &stem[at + 1..])
        }
    };
    let before = before.trim_end_matches(SEPARATORS);
    if before.is_empty() {
        return None;
    }
    Some((before, lang(code)?))
}

fn warning(site: &Site, file: &Path, stem: &str, base: &str, code: &str) -> Diagnostic {
    let suffix = stem[base.len()..].trim_start();
    let default = site.config.languages[site.config.default_index()].code == code;
    let hint = if default {
        format!(
            "a page of the default language needs no language in its name: rename it `{base}.md`"
        )
    } else {
        format!(
            "a translation has its language just before `.md`: rename it `{base}.{code}.md`, and it is published as the `{code}` version of `{base}`"
        )
    };
    Diagnostic::warning(
        file,
        0,
        0,
        format!(
            "`{suffix}` at the end of this file's name looks like the language `{code}`, but the file is published as a page of its own, in every language, not as the `{code}` version of `{base}`"
        ),
    )
    .with_hint(hint)
}
