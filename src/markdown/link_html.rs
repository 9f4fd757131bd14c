//! Writes links and images: `<a href>` and `<img src>` for targets that
//! `resolve` found, text for the ones it did not, and the warnings and
//! errors that go with them.

use super::Label;
use super::plain::plain_text;
use super::resolve::Target;
use super::state::{Frame, ImageSrc, Mark, OpenLink, SamePageLink, State};
use super::{PageLink, escape};
use crate::content::model::Omitted;
use crate::url::{encode_path, relative, static_output};
use pulldown_cmark::{CowStr, Event};

/// What a destination becomes in an `href`, and what is left to check.
pub(super) struct Href {
    pub(super) url: String,
    pub(super) external: bool,
    pub(super) check: Check,
}

pub(super) enum Check {
    Nothing,
    /// `#id` on this page: known when the page is done.
    SamePage(String),
    /// An anchor on another page (an index into `Rendered::page_links`):
    /// known once every page is rendered.
    Page(usize),
}

fn with_fragment(mut url: String, fragment: Option<&str>) -> String {
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(&encode_path(f));
    }
    url
}

/// Where a reader sees a link's address, as the two messages about a
/// character it hides say it: print pages show a web address after its
/// link, never an e-mail address or a phone number (`print.css`), which
/// the program that opens the link shows.
fn shown_where(url: &str) -> (&'static str, &'static str) {
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    if scheme.eq_ignore_ascii_case("mailto") {
        (
            "a mail program shows it when the link is opened",
            "a mail program shows",
        )
    } else if scheme.eq_ignore_ascii_case("tel") {
        ("a phone shows it before it calls", "a phone shows")
    } else {
        (
            "print pages show it after the link",
            "shown after the link in print",
        )
    }
}

/// What a reader cannot see from a web address's text: a name before
/// `@` dressed as the site, a link wrapped by a tracker, a character that
/// reorders or hides in the address printed after the link. A tracker's
/// link is published as the address inside, which it would have led to
/// anyway: kept, every reader's click told the tracker (an Outlook Safe
/// Link also names the mailbox it was sent to, in the page and after the
/// link in print). That address, when it is one.
fn external_warnings(st: &mut State, url: &str, pos: usize) -> Option<String> {
    let inner = crate::address::tracked(url).map(|(who, inner)| {
        st.warn(
            pos,
            format!("this link goes through {who}"),
            Some(&format!("link to the address itself: `{inner}` (links copied from an e-mail or a Google document are wrapped so); it is published as that address, so that no reader's click goes through the wrapper")),
        );
        inner
    });
    let url = inner.as_deref().unwrap_or(url);
    let (reordered, unseen) = shown_where(url);
    match crate::address::unseen(url) {
        Some((c, true)) => st.error(
            pos,
            format!("this link's address holds U+{:04X}, which reorders the address where it is shown ({reordered})", u32::from(c)),
            Some("delete it: type the address again".to_string()),
        ),
        Some((c, false)) => st.warn(
            pos,
            format!("this link's address holds U+{:04X}, which takes no room on screen: the address {unseen} looks like one without it", u32::from(c)),
            Some("delete it (a word processor put it there)"),
        ),
        None => {}
    }
    if let Some((shown, host)) = crate::address::user_name_in(url) {
        st.warn(
            pos,
            format!("this link leads to `{host}`, not to `{shown}`: what comes before `@` in an address is a user name, which makes a link look like another site's"),
            Some("write the site's own address; for an e-mail address, write `mailto:name@example.org`"),
        );
    }
    inner
}

/// Resolves a link destination for an `href`; `None` when no link is
/// published (refused, empty or missing: the reason is reported).
pub(super) fn link_href(st: &mut State, dest: &str, pos: usize) -> Option<Href> {
    let site = st.site;
    let node = site.docs[st.doc].node;
    let from = site.nodes[node].url.as_str();
    let (url, check) = match st.resolver.resolve(dest) {
        Target::External(url) => {
            let url = external_warnings(st, &url, pos).unwrap_or(url);
            return Some(Href {
                url,
                external: true,
                check: Check::Nothing,
            });
        }
        Target::Page {
            node: target,
            lang,
            fragment,
        } => {
            let to = &site.nodes[target].url;
            let href = encode_path(&match lang {
                None => relative(from, to),
                Some(l) => relative(
                    &format!("x/{from}"),
                    &format!("{}/{to}", site.config.languages[l].code),
                ),
            });
            if let Some(l) = lang
                && let Some((msg, hint)) = untranslated(site, target, l, dest)
            {
                st.warn(pos, msg, Some(&hint));
            } else if target == node && lang.is_some() {
                st.warn(
                    pos,
                    "link to this same page in another language".into(),
                    Some("readers switch language with the language menu on every page; link text may mislead"),
                );
            }
            let href = with_fragment(href, fragment.as_deref());
            let check = match fragment {
                Some(fragment) => page_link(st, target, lang, fragment, pos),
                None => Check::Nothing,
            };
            (href, check)
        }
        Target::Asset { asset, fragment } => {
            refuse_type(st, asset, pos);
            st.assets.insert(asset);
            let href = encode_path(&relative(from, &site.assets[asset].out));
            (with_fragment(href, fragment.as_deref()), Check::Nothing)
        }
        Target::Static { path, fragment } => {
            let href = encode_path(&relative(&format!("x/{from}"), &static_output(&path)));
            (with_fragment(href, fragment.as_deref()), Check::Nothing)
        }
        Target::SamePage(f) => (format!("#{}", encode_path(&f)), Check::SamePage(f)),
        Target::Unsafe(scheme) => {
            st.warn(
                pos,
                format!("`{scheme}:` link removed"),
                Some("only http, https, mailto and tel links are published; the text is kept"),
            );
            return None;
        }
        Target::Empty => {
            st.warn(
                pos,
                "empty link".into(),
                Some("give the link a target: [text](file.md)"),
            );
            return None;
        }
        // A local edition's base page linking to a page the edition omits:
        // not the edition's to fix, so a warning, whatever `broken_links` says.
        // The edition's own page linking there is its broken link.
        Target::Missing { .. }
            if let Some(o) = super::edition::omits(site, &site.docs[st.doc].file.dir, dest) =>
        {
            omitted_link(st, o, dest, pos);
            return None;
        }
        Target::Missing { message, hint } => {
            st.r.broken_links += 1;
            st.defect(pos, message, hint, "published as its text");
            return None;
        }
        Target::Unreadable => return unreadable(st, dest, pos),
    };
    Some(Href {
        url,
        external: false,
        check,
    })
}

/// A link naming a translation that is not there (`01-safety.ar.md`
/// beside `01-safety.md` alone): it leads to that language's page, which
/// shows the original. The warning and its hint, `None` when the file is
/// there (or left out, as a draft or for its errors: said elsewhere).
fn untranslated(
    site: &crate::content::model::Site,
    target: crate::content::model::NodeId,
    lang: crate::config::LangId,
    dest: &str,
) -> Option<(String, String)> {
    let node = &site.nodes[target];
    if node.docs[lang].is_some() {
        return None;
    }
    let key = node.dir.join(&node.stem);
    let code = &site.config.languages[lang].code;
    let own = format!("{}.{code}.", node.stem);
    let left_out = site.left_out.iter().any(|o| o.lang == lang && o.key == key)
        || site.broken_translations.iter().any(|(l, p)| {
            *l == lang
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&own))
        });
    if left_out {
        return None;
    }
    let source = node.docs[node.source_lang]?;
    let file = site.docs[source].file.rel.file_name()?.to_str()?;
    let written = dest.split(['#', '?']).next().unwrap_or(dest);
    let named = written.rsplit('/').next().unwrap_or(written);
    // The same link without the language: `../hb/01-safety.md#scope`.
    let plain = match written.strip_suffix(&format!(".{code}.md")) {
        Some(p) => format!("{p}.md{}", &dest[written.len()..]),
        None => format!("{}.md", node.stem),
    };
    let language = &site.config.languages[lang].name;
    let original = &site.config.languages[node.source_lang].name;
    Some((
        format!(
            "link to `{named}`, a file that is not there: it leads to the {language} page of `{file}`, which shows it in {original} until it is translated"
        ),
        format!(
            "link to `{plain}`, which takes each reader to the page in their language; or write the translation `{named}`"
        ),
    ))
}

/// A link to a page the edition omits: a base page's is a warning (not the
/// edition's to fix), and so is the edition's translation of a base page it
/// does not adapt (the link is its source's, which the translation keeps);
/// the edition's own page's is its broken link.
fn omitted_link(st: &mut State, o: &Omitted, dest: &str, pos: usize) {
    let site = st.site;
    let message = format!("link to `{dest}`, which this edition omits");
    let doc = &site.docs[st.doc];
    let node = &site.nodes[doc.node];
    let source_from_base = node.docs[node.source_lang].is_some_and(|d| site.docs[d].file.from_base);
    if doc.file.from_base || source_from_base {
        st.warn(
            pos,
            format!("{message}: published as its text"),
            Some("adapt this page in the edition to change the link, or keep the page"),
        );
    } else {
        let by = o.by.display();
        let hint = format!("remove the link, or publish the page: take `omit: true` out of {by}");
        st.r.broken_links += 1;
        st.defect(pos, message, Some(hint), "published as its text");
    }
}

/// A link to a page whose front matter cannot be read. Its own error fails
/// the build: no second message. On a site published with known defects,
/// the page is left out: said at each link.
fn unreadable(st: &mut State, dest: &str, pos: usize) -> Option<Href> {
    if st.site.config.broken_links == crate::config::BrokenLinks::Warning {
        st.r.broken_links += 1;
        let message = format!("link to `{dest}`, a page left out until its errors are fixed");
        st.defect(pos, message, None, "published as its text");
    }
    None
}

/// A link to an anchor of another page, recorded for the check.
fn page_link(
    st: &mut State,
    node: crate::content::model::NodeId,
    lang: Option<crate::config::LangId>,
    fragment: String,
    pos: usize,
) -> Check {
    let (line, col) = st.locate(pos);
    let definition = st.link_def.map(|at| st.locate(at).0);
    let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    st.r.page_links.push(PageLink {
        node,
        lang,
        fragment: fragment.into_boxed_str(),
        line: small(line),
        col: small(col),
        definition: definition.map(small),
        tags: None,
    });
    Check::Page(st.r.page_links.len() - 1)
}

fn new_mark(st: &mut State, open_len: usize, page_link: Option<usize>) -> usize {
    st.marks.push(Mark {
        open_len,
        page_link,
        open_at: None,
        close_at: None,
    });
    st.marks.len() - 1
}

/// The mark of a link whose anchor is checked later (see `write`), for
/// an opening tag `tag_len` bytes long; `None` when nothing is checked.
pub(super) fn mark_for(
    st: &mut State,
    check: Check,
    tag_len: usize,
    pos: usize,
    definition: Option<usize>,
) -> Option<usize> {
    match check {
        Check::Nothing => None,
        Check::SamePage(fragment) => {
            let m = new_mark(st, tag_len, None);
            st.same_page.push(SamePageLink {
                fragment,
                pos,
                mark: m,
                definition,
            });
            Some(m)
        }
        Check::Page(i) => Some(new_mark(st, tag_len, Some(i))),
    }
}

/// A Markdown link's start: an `<a>`, preceded by a mark when its anchor
/// is checked later (see `write`), or nothing when there is no target.
pub(super) fn start_link(st: &mut State, dest: &str, title: &str, pos: usize) {
    let Some(href) = link_href(st, dest, pos) else {
        st.links.push(OpenLink::Text);
        return;
    };
    let class = if href.external {
        " class=\"external\""
    } else {
        ""
    };
    let tag = format!(
        "<a href=\"{}\"{class}{}>",
        escape(&href.url),
        title_attr(title)
    );
    let mark = mark_for(st, href.check, tag.len(), pos, st.link_def);
    if let Some(m) = mark {
        st.emit(Event::InlineMath(CowStr::from(m.to_string())));
    }
    st.html(tag);
    let address = super::print_address::of(&href.url).map(|a| (a, st.sink().len()));
    st.links.push(OpenLink::Anchor(mark, address));
}

pub(super) fn end_link(st: &mut State) {
    if let Some(OpenLink::Anchor(mark, address)) = st.links.pop() {
        let after = address.and_then(|(address, at)| {
            super::print_address::after(st.sink().get(at..).unwrap_or_default(), &address)
        });
        if let Some(m) = mark {
            st.emit(Event::DisplayMath(CowStr::from(m.to_string())));
        }
        st.html("</a>".into());
        if let Some(after) = after {
            st.html(after);
        }
    }
}

pub(super) fn title_attr(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    }
}

/// A link to a file of a type that is never published (it runs, or is
/// unknown) is an error here, at the link, where the author can act on it.
/// Publishing checks the type again (`output::assets`), as the last gate.
fn refuse_type(st: &mut State, asset: usize, pos: usize) {
    if st.opts.allow_raw_html {
        return;
    }
    let out = &st.site.assets[asset].out;
    if let Some(why) = crate::content::file_types::refusal(out) {
        let name = out.rsplit('/').next().unwrap_or(out);
        st.error(
            pos,
            format!("`{name}` cannot be published: {why}"),
            Some("save it as PDF (or .docx, .xlsx, .odt) and link that copy; \
                 only if every author is trusted, `allow_raw_html: true` in site.yaml publishes any type"
                .to_string()),
        );
    }
}

/// An asset of a type fieldguide does not know (not one that runs, which
/// stays an error), unless every type is allowed.
fn unknown_type(st: &State, asset: usize) -> bool {
    use crate::content::file_types::{FileType, classify};
    !st.opts.allow_raw_html && classify(&st.site.assets[asset].out) == FileType::Unknown
}

/// `![form](consent-form.docx)`: a document or a recording shown as an
/// image, which readers see as a broken picture. Still published (it is
/// linked); the warning says to link to it instead.
fn not_a_picture(st: &mut State, asset: usize, pos: usize) {
    use crate::content::file_types::{FileType, classify};
    let out = &st.site.assets[asset].out;
    let what = match classify(out) {
        FileType::Document => "a document",
        FileType::Media => "a recording",
        _ => return,
    };
    let name = out.rsplit('/').next().unwrap_or(out).to_string();
    st.warn(
        pos,
        format!("`{name}` is shown as an image, but its name says it is {what}: readers see a broken picture"),
        Some("link to it instead: drop the `!` before `[`, as in `[the form](consent-form.docx)`; or, if it is a picture, give it the extension of its format (.png, .jpg)"),
    );
}

/// Resolves an image's destination; problems are reported here.
pub(super) fn image_src(st: &mut State, dest: &str, pos: usize) -> ImageSrc {
    let site = st.site;
    let node = site.docs[st.doc].node;
    let from = site.nodes[node].url.as_str();
    match st.resolver.resolve(dest) {
        Target::Asset { asset, .. } if unknown_type(st, asset) => {
            // Word's drawings (.emf, .wmf) and .tif: no browser shows them.
            // Like a missing image, its description stands in for it.
            st.r.missing_images += 1;
            let out = &site.assets[asset].out;
            let name = out.rsplit('/').next().unwrap_or(out);
            let message = format!("image `{name}` is in a format browsers do not show");
            let hint = "convert it to PNG or JPEG (a drawing or diagram: SVG), and link that copy; Word's .emf and .wmf drawings: open the document and save the picture as PNG";
            st.defect(
                pos,
                message,
                Some(hint.into()),
                "its description is shown in a box",
            );
            ImageSrc::Missing
        }
        Target::Asset { asset, .. } => {
            refuse_type(st, asset, pos);
            not_a_picture(st, asset, pos);
            st.assets.insert(asset);
            ImageSrc::Local(encode_path(&relative(from, &site.assets[asset].out)))
        }
        Target::Static { path, .. } => ImageSrc::Local(encode_path(&relative(
            &format!("x/{from}"),
            &static_output(&path),
        ))),
        Target::External(url) => {
            st.warn(
                pos,
                format!("remote image `{url}` is not loaded: readers see its description in a box instead"),
                Some("readers' devices must not contact other hosts: copy the image into guidance/ or static/ and link to the copy"),
            );
            ImageSrc::Missing
        }
        // Google Docs' Markdown download embeds every picture so, as
        // `[image1]: <data:image/png;base64,…>`: the author has no file.
        Target::Unsafe(scheme) if scheme.eq_ignore_ascii_case("data") => {
            st.warn(
                pos,
                "picture embedded in the page (`data:`) removed: readers see its description in a box instead".to_string(),
                Some("save the picture as a file under guidance/ and link to it, `![…](images/picture.png)`; Google Docs' Markdown download embeds every picture this way: its File > Download > Web page (.html, zipped) gives each picture as a file, in the zip's images/ folder"),
            );
            ImageSrc::Missing
        }
        Target::Unsafe(scheme) => {
            st.warn(
                pos,
                format!("`{scheme}:` image removed: readers see its description in a box instead"),
                Some("put the image file under guidance/ and link to it"),
            );
            ImageSrc::Missing
        }
        Target::Missing { message, hint } => {
            st.r.missing_images += 1;
            let message = message.replace("link to a missing", "missing image");
            st.defect(pos, message, hint, "its description is shown in a box");
            ImageSrc::Missing
        }
        Target::Page { .. } | Target::SamePage(_) | Target::Empty | Target::Unreadable => {
            st.r.missing_images += 1;
            let message = format!("image `{dest}` is not an image file");
            st.defect(pos, message, None, "its description is shown in a box");
            ImageSrc::Missing
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
    // An image inside another's description is its description there.
    if matches!(st.frames.last(), Some(Frame::Image { .. })) {
        st.emit(Event::Text(CowStr::from(alt)));
        return;
    }
    // A heading's image gives it a name even without text.
    if let Some(Frame::Heading { alt: heading, .. }) = st.frames.last_mut() {
        let heading = heading.get_or_insert_with(String::new);
        if !heading.is_empty() && !alt.is_empty() {
            heading.push(' ');
        }
        heading.push_str(&alt);
    }
    match src {
        ImageSrc::Local(src) => {
            if alt.is_empty() {
                st.warn(
                    offset,
                    "image without alt text".into(),
                    Some("describe the image for readers who cannot see it: ![what it shows](file.png)"),
                );
            }
            let title_attr = title_attr(&title);
            st.html(format!(
                "<img src=\"{}\" alt=\"{}\"{title_attr} loading=\"lazy\">",
                escape(&src),
                escape(&alt)
            ));
        }
        ImageSrc::Missing => {
            let html = missing_box(&st.opts.labels.missing_image, &alt);
            st.html(html);
        }
    }
}

/// An image that cannot be shown: its description in a visible box, so
/// nothing the author wrote is lost.
pub(super) fn missing_box(label: &Label, alt: &str) -> String {
    format!(
        "<span class=\"missing-image\"><span class=\"missing-image-label\"{}>{}</span> {}</span>",
        label.attrs,
        escape(&label.text),
        escape(alt)
    )
}
