//! `sitemap.xml`, written when the site has a `base_url`: every translated
//! page, with `hreflang` alternates and `x-default` (the source language).
//! Fallback pages are left out: they repeat the source's content.

use crate::config::LangId;
use crate::content::model::Site;
use crate::markdown::escape;
use crate::url::encode_path_ascii;
use std::fmt::Write as _;

pub fn sitemap(site: &Site) -> Option<String> {
    let base = site.config.base_url.as_deref()?;
    let langs = &site.config.languages;
    let url = |lang: LangId, path: &str| {
        escape(&format!(
            "{base}{}",
            encode_path_ascii(&format!("{}/{path}", langs[lang].code))
        ))
    };
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut entry = |written: &[LangId], default: LangId, path: &str| {
        for &l in written {
            let _ = write!(out, "<url><loc>{}</loc>", url(l, path));
            if written.len() > 1 {
                for &a in written {
                    let _ = write!(
                        out,
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        escape(&langs[a].code),
                        url(a, path)
                    );
                }
                let _ = write!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    url(default, path)
                );
            }
            out.push_str("</url>\n");
        }
    };
    let all: Vec<LangId> = site.config.lang_ids().collect();
    entry(&all, site.config.default_index(), "index.html");
    for &p in &site.publications {
        for &n in &site.reading_order[&p] {
            let node = &site.nodes[n];
            let written: Vec<LangId> = all
                .iter()
                .copied()
                .filter(|&l| node.is_translated(l))
                .collect();
            entry(&written, node.source_lang, &node.url);
        }
    }
    out.push_str("</urlset>\n");
    Some(out)
}
