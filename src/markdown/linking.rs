//! Links and images: resolved to pages and files of the site, refused when
//! unsafe, reported when missing.

use super::events::plain_text;
use super::links::{self, Target};
use super::state::{Frame, State};
use super::{PageLink, escape};
use pulldown_cmark::{CowStr, Event};

pub(super) fn start_link(st: &mut State, dest: &str, title: &str, pos: usize) {
    let node = st.site.docs[st.doc].node;
    let dir = st.site.docs[st.doc].file.dir.clone();
    let from = &st.site.nodes[node].url;
    let href = match links::resolve(st.site, &dir, dest) {
        Target::External(url) => {
            let title_attr = title_attr(title);
            st.links.push(true);
            st.html(format!(
                "<a href=\"{}\" class=\"external\"{title_attr}>",
                escape(&url)
            ));
            return;
        }
        Target::Page {
            node: target,
            lang,
            fragment,
        } => {
            let to = &st.site.nodes[target].url;
            let mut href = match lang {
                None => links::relative(from, to),
                Some(l) => links::relative(
                    &format!("x/{from}"),
                    &format!("{}/{to}", st.site.config.languages[l].code),
                ),
            };
            href = links::encode_path(&href);
            if let Some(f) = fragment {
                href.push('#');
                href.push_str(&links::encode_path(&f));
                st.r.page_links.push(PageLink {
                    node: target,
                    lang,
                    fragment: f,
                    offset: st.body_offset + pos,
                });
            }
            if target == node && lang.is_some() {
                st.warn(
                    pos,
                    "link to this same page in another language".into(),
                    Some("readers switch language with the language menu on every page; link text may mislead"),
                );
            }
            href
        }
        Target::Asset { asset, fragment } => {
            let mut href = links::encode_path(&links::relative(from, &st.site.assets[asset].out));
            if let Some(f) = fragment {
                href.push('#');
                href.push_str(&links::encode_path(&f));
            }
            href
        }
        Target::SamePage(f) => {
            st.same_page.push((f.clone(), pos));
            format!("#{}", links::encode_path(&f))
        }
        Target::Unsafe(scheme) => {
            st.warn(
                pos,
                format!("`{scheme}:` link removed"),
                Some("only http, https, mailto and tel links are published; the text is kept"),
            );
            st.links.push(false);
            return;
        }
        Target::Empty => {
            st.warn(
                pos,
                "empty link".into(),
                Some("give the link a target: [text](file.md)"),
            );
            st.links.push(false);
            return;
        }
        Target::Missing { .. } if super::edition::omits(st.site, &dir, dest) => {
            st.warn(
                pos,
                format!("link to `{dest}`, which this edition omits: published as its text"),
                Some("adapt this page in the edition to change the link, or keep the page"),
            );
            st.links.push(false);
            return;
        }
        Target::Missing { message, hint } => {
            st.error(pos, message, hint);
            st.links.push(false);
            return;
        }
    };
    st.links.push(true);
    let title_attr = title_attr(title);
    st.html(format!("<a href=\"{}\"{title_attr}>", escape(&href)));
}

pub(super) fn title_attr(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    }
}

pub(super) fn image_src(st: &mut State, dest: &str, pos: usize) -> Option<String> {
    let node = st.site.docs[st.doc].node;
    let dir = st.site.docs[st.doc].file.dir.clone();
    match links::resolve(st.site, &dir, dest) {
        Target::Asset { asset, .. } => {
            let from = &st.site.nodes[node].url;
            Some(links::encode_path(&links::relative(
                from,
                &st.site.assets[asset].out,
            )))
        }
        Target::External(url) => {
            st.warn(
                pos,
                format!("remote image `{url}` is not loaded; it is shown as a link"),
                Some(
                    "readers' devices must not contact other hosts: copy the image into guidance/",
                ),
            );
            None
        }
        Target::Unsafe(scheme) => {
            st.warn(
                pos,
                format!("`{scheme}:` image removed"),
                Some("put the image file under guidance/ and link to it"),
            );
            None
        }
        Target::Missing { message, hint } => {
            st.error(
                pos,
                message.replace("link to a missing", "missing image"),
                hint,
            );
            None
        }
        Target::Page { .. } | Target::SamePage(_) | Target::Empty => {
            st.error(pos, format!("image `{dest}` is not an image file"), None);
            None
        }
    }
}

pub(super) fn end_image(st: &mut State) {
    let Some(Frame::Image {
        src,
        title,
        offset,
        events,
    }) = st.frames.pop()
    else {
        return;
    };
    let alt = plain_text(&events);
    if alt.is_empty() && src.is_some() {
        st.warn(
            offset,
            "image without alt text".into(),
            Some("describe the image for readers who cannot see it: ![what it shows](file.png)"),
        );
    }
    match src {
        Some(src) => {
            let title_attr = title_attr(&title);
            st.html(format!(
                "<img src=\"{}\" alt=\"{}\"{title_attr} loading=\"lazy\">",
                escape(&src),
                escape(&alt)
            ));
        }
        None => {
            // Keep the description so nothing the author wrote is lost.
            st.emit(Event::Text(CowStr::from(alt)));
        }
    }
}
