//! Pages of one part that share a title: readers see two entries of one
//! name in the navigation and cannot tell which is which (a chapter copied
//! to start another, its title left as it was). A warning at the later
//! one's title, in each language that has both.

use super::model::{NodeId, Site};
use crate::config::LangId;
use crate::diagnostics::{Diagnostic, display_path};
use std::collections::HashMap;

pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    // A publication named like a language: readers see it as one, too.
    super::language_folders::check(site, diags);
    super::language_names::check(site, diags);
    for parent in site.node_ids() {
        let children = &site.nodes[parent].children;
        if children.len() < 2 {
            continue;
        }
        for lang in site.config.lang_ids() {
            same_titles(site, children, lang, diags);
        }
    }
}

/// The pages among `children` written in `lang` whose title an earlier
/// one of them has (compared as readers see them: case and spaces aside).
fn same_titles(site: &Site, children: &[NodeId], lang: LangId, diags: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, NodeId> = HashMap::new();
    for &c in children {
        // Its own file in this language: a fallback is warned about in its
        // own language, once.
        let Some(d) = site.nodes[c].docs[lang] else {
            continue;
        };
        let title = site.doc(d).title();
        let key = title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if key.is_empty() {
            continue;
        }
        let Some(&earlier) = first.get(&key) else {
            first.insert(key, c);
            continue;
        };
        let Some(e) = site.nodes[earlier].docs[lang] else {
            continue;
        };
        let doc = site.doc(d);
        let (line, col) = super::front_matter::key_line(&doc.file.text, "title");
        diags.push(
            Diagnostic::warning(
                &doc.file.rel,
                line,
                col,
                format!(
                    "`{title}` is also the title of `{}`: readers see two entries of one name side by side in the navigation",
                    display_path(&site.doc(e).file.rel)
                ),
            )
            .with_hint("give each page a title of its own"),
        );
    }
}

#[cfg(test)]
mod tests {
    fn warnings(files: &[(&str, &str)]) -> Vec<String> {
        crate::content::build::en_fr(files, false).1
    }

    #[test]
    fn two_pages_of_one_part_with_one_title_are_warned_about() {
        let page = |t: &str| format!("---\ntitle: {t}\n---\n");
        let (a, b, c, i) = (
            page("Referral"),
            page(" referral "),
            page("Consent"),
            page("Pub"),
        );
        let d = warnings(&[
            ("pub/index.en.md", &i),
            ("pub/01-a.en.md", &a),
            ("pub/02-b.en.md", &b),
            ("pub/03-c.en.md", &c),
            ("pub/part/index.en.md", &page("Part")),
            ("pub/part/01-d.en.md", &a),
            ("pub/01-a.fr.md", &page("Orientation")),
            ("pub/02-b.fr.md", &page("Orientation")),
        ]);
        let same: Vec<&String> = d
            .iter()
            .filter(|m| m.contains("is also the title"))
            .collect();
        assert_eq!(same.len(), 2, "{d:#?}");
        assert!(
            same[0].starts_with(
                "guidance/pub/02-b.en.md:2:1: warning: `referral` is also the title of `guidance/pub/01-a.en.md`"
            ),
            "{}",
            same[0]
        );
        assert!(
            same[1].starts_with(
                "guidance/pub/02-b.fr.md:2:1: warning: `Orientation` is also the title of `guidance/pub/01-a.fr.md`"
            ),
            "{}",
            same[1]
        );
    }
}
