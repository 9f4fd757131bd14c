//! What readers of a local edition are told about it: its name and base on
//! every page, and the base publication each adapts (`differences` makes
//! the page listing what the edition changed). Readers are not told which
//! adaptations are behind their base: the edition is authoritative for them.

use super::data::{AdaptedFrom, EditionCtx};
use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use crate::markdown::links;

/// The differences page's path inside a language folder.
pub const PAGE: &str = "edition.html";

/// Which edition a page belongs to; `None` outside editions.
pub fn edition(site: &Site, lang: LangId, path: &str) -> Option<EditionCtx> {
    let base = site.config.base_site.as_ref()?;
    let code = &site.config.languages[lang].code;
    Some(EditionCtx {
        name: site
            .config
            .edition_name(code)
            .unwrap_or_else(|| site.config.title_for(code))
            .to_string(),
        base_title: base.config.title_for(code).to_string(),
        differences_url: links::encode_path(&links::relative(path, &format!("{code}/{PAGE}"))),
    })
}

/// The base's publication that `p` adapts, as readers of `lang` see it.
pub fn adapted_from(site: &Site, p: NodeId, lang: LangId) -> Option<AdaptedFrom> {
    let facts = site.edition.as_ref()?;
    if facts.added.contains(&p) {
        return None;
    }
    let node = &site.nodes[p];
    let shown = node.doc_for(lang);
    let source = node.doc_for(node.source_lang);
    let replaced =
        |d: Option<crate::content::model::DocId>| facts.overrides.iter().find(|o| Some(o.doc) == d);
    let version = match replaced(source) {
        Some(o) => o.base_version.clone(),
        None => source.and_then(|d| site.doc(d).fm.about().version.clone()),
    };
    let title = match replaced(shown) {
        Some(o) => o.base_title.clone(),
        None => site.title(p, lang).to_string(),
    };
    Some(AdaptedFrom { title, version })
}
