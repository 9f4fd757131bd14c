//! A local edition's "What is different in this edition" page: the pages
//! it adapted, added and left out, and its local values with the dates
//! they were checked.

use super::context::Contexts;
use super::data::{Alternate, Change, DifferencesCtx, PageCtx, PageKind, Section, ValueCtx};
use super::edition::PAGE;
use crate::config::LangId;
use crate::content::model::{NodeId, Site};

/// The "What is different in this edition" page of `lang`.
pub fn differences<'a>(c: &Contexts<'a>, lang: LangId) -> Option<PageCtx<'a>> {
    let site = c.site;
    let facts = site.edition.as_ref()?;
    let code = &site.config.languages[lang].code;
    let path = format!("{code}/{PAGE}");
    let mut ctx = c.base(PageKind::Edition, lang, &path, String::new());
    ctx.title = ctx
        .edition
        .as_ref()
        .map(|e| e.name.clone())
        .unwrap_or_default();
    let page = |n: NodeId, languages: Option<String>| Change {
        title: site.title(n, lang).to_string(),
        lang: c.title_lang(n, lang),
        dir: c.title_dir(n, lang),
        url: Some(c.url(&path, lang, &site.nodes[n].url)),
        publication: publication_title(site, n, lang),
        languages,
    };
    let mut replaced: Vec<(NodeId, Vec<String>)> = Vec::new();
    for o in &facts.overrides {
        let doc = site.doc(o.doc);
        let name = site.config.languages[doc.file.lang].name.clone();
        match replaced.iter_mut().find(|(n, _)| *n == doc.node) {
            Some((_, names)) => names.push(name),
            None => replaced.push((doc.node, vec![name])),
        }
    }
    replaced.sort_by(|a, b| site.nodes[a.0].url.cmp(&site.nodes[b.0].url));
    let omitted = facts
        .omitted
        .iter()
        .map(|o| {
            let shown = o.titles[lang].as_ref().map(|t| (t, lang)).or_else(|| {
                o.titles
                    .iter()
                    .enumerate()
                    .find_map(|(l, t)| Some((t.as_ref()?, crate::config::LangId(l))))
            });
            let (title, in_lang) = shown.map_or((String::new(), lang), |(t, l)| (t.clone(), l));
            let other = (in_lang != lang).then(|| &site.config.languages[in_lang]);
            Change {
                title,
                lang: other.map(|l| l.code.clone()),
                dir: other.map(|l| l.dir.as_str()),
                url: None,
                publication: omitted_in(site, &o.path, lang),
                languages: None,
            }
        })
        .collect();
    let sections = vec![
        Section {
            key: "replaced",
            changes: replaced
                .into_iter()
                .map(|(n, l)| page(n, Some(l.join(", "))))
                .collect(),
        },
        Section {
            key: "added",
            changes: facts.added.iter().map(|&n| page(n, None)).collect(),
        },
        Section {
            key: "omitted",
            changes: omitted,
        },
    ];
    ctx.differences = Some(DifferencesCtx {
        sections,
        values: values(site, lang),
    });
    ctx.translations = site
        .config
        .lang_ids()
        .map(|l| Alternate {
            lang: c.lang(l),
            url: c.url(&path, l, PAGE),
            absolute: None,
            current: l == lang,
            translated: true,
        })
        .collect();
    Some(ctx)
}

/// The title of the publication an omitted page was in, if it is still
/// published.
fn omitted_in(site: &Site, path: &std::path::Path, lang: LangId) -> Option<String> {
    let mut parts = path.components();
    let first = std::path::Path::new(parts.next()?.as_os_str());
    parts.next()?;
    let &p = site.by_source.get(&first.join("index"))?;
    Some(site.title(p, lang).to_string())
}

/// The publication's title, for a page inside one.
fn publication_title(site: &Site, n: NodeId, lang: LangId) -> Option<String> {
    let p = site.nodes[n].publication;
    (p != n).then(|| site.title(p, lang).to_string())
}

fn values(site: &Site, lang: LangId) -> Vec<ValueCtx> {
    site.values
        .by_name
        .iter()
        .map(|(name, v)| ValueCtx {
            name: name.clone(),
            label: v.label[lang].clone(),
            label_attrs: v.label_attrs(&site.config, lang),
            kind: v.kind.as_str(),
            value: v.value[lang].clone(),
            value_attrs: v.value_attrs(&site.config, lang),
            verified: v.verified.clone(),
            local: v.set_here,
        })
        .collect()
}
