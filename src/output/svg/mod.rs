//! SVG files from `guidance/`, made safe to publish. An SVG opened on its
//! own is a document that runs script with the site's rights, so matching
//! text for `<script` is not enough (namespace prefixes, entities, UTF-16
//! and CDATA all hide it). Instead the file is decoded as a browser would,
//! parsed by a real XML parser with DTDs refused, and written back as UTF-8
//! from an allowlist: elements that draw, attributes that style them, and
//! references only to elements of the same file.
//!
//! Decisions, and why:
//! - `<style>` and `style="…"` are kept when their CSS can load nothing
//!   (see [`css`]): drawing programs (Illustrator) style by class, so
//!   dropping all CSS would break ordinary pictures.
//! - `href` may only name an element of the file (`#id`); an `<image>` may
//!   also embed a PNG, JPEG, GIF, WebP or AVIF as `data:` (a photo loses
//!   its metadata there too, see [`embedded`]). Nothing is
//!   fetched from another host (readers may be watched), and nothing is a
//!   second document the sanitiser never saw.
//! - `<a>` is unwrapped (its content kept): a picture is not a link.
//! - Animation elements are removed: they can set any attribute later,
//!   `href` included.
//! - Comments, processing instructions (`<?xml-stylesheet?>` would apply
//!   XSLT) and drawing programs' metadata are removed.

mod allow;
mod css;
mod decode;
mod embedded;
#[cfg(test)]
mod tests;

use allow::{Attribute, Element, SVG_NS, XLINK_NS, XML_NS};
use embedded::Embedded;
use roxmltree::{Node, NodeType};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Generous for any drawing, small enough to bound memory.
const NODES_LIMIT: u32 = 1_000_000;

/// A sanitised SVG, and what was removed from it (for a warning).
#[derive(Debug)]
pub struct Sanitised {
    pub bytes: Vec<u8>,
    /// What was removed, each once, sorted: "`<script>` element", ….
    pub removed: Vec<String>,
    /// 1-based line and column of the first thing removed.
    pub first_removed: Option<(usize, usize)>,
    /// 1-based line and column of the first embedded photo whose location
    /// (GPS) was left out of the published copy.
    pub photo_location: Option<(usize, usize)>,
}

/// An SVG that cannot be published, and where (1-based line and column).
#[derive(Debug)]
pub struct Refused {
    pub line: usize,
    pub col: usize,
    pub reason: String,
}

/// Parses `bytes` as SVG and writes it back from the allowlist.
pub fn sanitise(bytes: &[u8]) -> Result<Sanitised, Refused> {
    let refused = |line, col, reason| Refused { line, col, reason };
    let text = decode::text(bytes).map_err(|r| refused(1, 1, r))?;
    let text = decode::without_doctype(&text).map_err(|(at, r)| {
        let (line, col) = position(&text, at);
        refused(line, col, r)
    })?;
    if let Some(at) = crate::xml_bounds::crowded_tag(&text) {
        let (line, col) = position(&text, at);
        let max = crate::xml_bounds::MAX_ATTRIBUTES;
        return Err(refused(
            line,
            col,
            format!("an element has more than {max} attributes, far more than any drawing"),
        ));
    }
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&text, opts).map_err(|e| {
        let pos = e.pos();
        let reason = match e {
            roxmltree::Error::DtdDetected => "it declares a DTD".to_string(),
            roxmltree::Error::NodesLimitReached => {
                format!("it has more than {NODES_LIMIT} elements and texts")
            }
            e => format!("it is not well-formed XML ({e})"),
        };
        refused(pos.row as usize, pos.col as usize, reason)
    })?;
    let root = doc.root_element();
    let ns = root.tag_name().namespace();
    if root.tag_name().name() != "svg" || !(ns.is_none() || ns == Some(SVG_NS)) {
        let (line, col) = position(&text, root.range().start);
        let name = root.tag_name().name();
        let reason = match ns {
            Some(ns) if name == "svg" => {
                format!("its root element <svg> is in the namespace `{ns}`, not SVG's")
            }
            _ => format!("its root element is <{name}>, not <svg>"),
        };
        return Err(refused(line, col, reason));
    }
    let mut w = Writer {
        undeclared: ns.is_none(),
        out: String::with_capacity(text.len()),
        open_tag: false,
        xlink_at: None,
        uses_xlink: false,
        removed: BTreeSet::new(),
        first_removed: None,
        photo_at: None,
    };
    for n in doc.root().children().filter(|n| n.is_pi()) {
        w.remove(n.range().start, pi_description(n));
    }
    w.walk(root);
    if let (Some(at), true) = (w.xlink_at, w.uses_xlink) {
        w.out
            .insert_str(at, &format!(" xmlns:xlink=\"{XLINK_NS}\""));
    }
    w.out.push('\n');
    Ok(Sanitised {
        bytes: w.out.into_bytes(),
        removed: w.removed.into_iter().collect(),
        first_removed: w.first_removed.map(|at| position(&text, at)),
        photo_location: w.photo_at.map(|at| position(&text, at)),
    })
}

/// `bytes` of a trusted site's SVG, published unsanitised, with the
/// metadata of the photos it embeds removed, and the 1-based line and
/// column of the first whose location was left out (see [`embedded`]).
pub fn raw_photos_cleaned(bytes: &[u8]) -> (Vec<u8>, Option<(usize, usize)>) {
    let (out, at) = embedded::clean_raw(bytes);
    let at = at.map(|at| {
        let before = String::from_utf8_lossy(&bytes[..at]);
        position(&before, before.len())
    });
    (out, at)
}

/// 1-based line and column (in characters) of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn pi_description(n: Node) -> String {
    let target = n.pi().map_or("", |p| p.target);
    format!("`<?{target}?>` processing instruction")
}

enum Step<'a, 'input> {
    Visit(Node<'a, 'input>),
    Close(&'input str),
}

struct Writer {
    /// The file never declared the SVG namespace: unprefixed elements in no
    /// namespace count as SVG (the output declares it).
    undeclared: bool,
    out: String,
    /// Where the root's start tag can take `xmlns:xlink`, and whether an
    /// `xlink:` attribute was kept (declared only then, so the output does
    /// not depend on what was removed).
    xlink_at: Option<usize>,
    uses_xlink: bool,
    /// The last start tag written still lacks its `>`.
    open_tag: bool,
    removed: BTreeSet<String>,
    first_removed: Option<usize>,
    /// Where the first embedded photo whose location was left out is.
    photo_at: Option<usize>,
}

impl Writer {
    /// Ends a start tag left open (`<g …`) now that something goes in it;
    /// an element left with nothing in it is closed as `<g …/>`, so the
    /// output does not depend on what was removed.
    fn close_start_tag(&mut self) {
        if std::mem::take(&mut self.open_tag) {
            self.out.push('>');
        }
    }

    fn remove(&mut self, at: usize, what: String) {
        self.first_removed = Some(self.first_removed.map_or(at, |f| f.min(at)));
        self.removed.insert(what);
    }

    /// Writes the kept part of `root`'s tree; iterative, so any depth of
    /// nesting is safe.
    fn walk(&mut self, root: Node) {
        let mut stack = vec![Step::Visit(root)];
        while let Some(step) = stack.pop() {
            let n = match step {
                Step::Close(name) => {
                    if std::mem::take(&mut self.open_tag) {
                        self.out.push_str("/>");
                    } else {
                        self.out.push_str("</");
                        self.out.push_str(name);
                        self.out.push('>');
                    }
                    continue;
                }
                Step::Visit(n) => n,
            };
            match n.node_type() {
                NodeType::Text => {
                    self.close_start_tag();
                    escape_text(&mut self.out, n.text().unwrap_or(""));
                }
                NodeType::PI => self.remove(n.range().start, pi_description(n)),
                NodeType::Element => self.element(n, n == root, &mut stack),
                NodeType::Comment | NodeType::Root => {}
            }
        }
    }

    /// An element: written (its children then visited), unwrapped, or
    /// removed with everything inside.
    fn element<'a, 'i>(&mut self, n: Node<'a, 'i>, is_root: bool, stack: &mut Vec<Step<'a, 'i>>) {
        let name = n.tag_name().name();
        let ns = n.tag_name().namespace();
        let is_svg = ns == Some(SVG_NS) || (self.undeclared && ns.is_none());
        match allow::element(ns, is_svg, name) {
            // The parent's start tag is closed only once the style is
            // kept: a removed one leaves `<g …/>`, as if never there.
            Element::Keep if name == "style" => self.style(n),
            Element::Keep => {
                self.close_start_tag();
                self.start_tag(n, is_root);
                self.open_tag = true;
                stack.push(Step::Close(name));
                stack.extend(n.children().rev().map(Step::Visit));
            }
            Element::Unwrap => {
                let what = format!("`<{name}>` link (its content is kept)");
                self.remove(n.range().start, what);
                stack.extend(n.children().rev().map(Step::Visit));
            }
            Element::Drop => {
                let what = match ns {
                    Some(ns) if !is_svg => format!("`<{name}>` element in namespace `{ns}`"),
                    _ => format!("`<{name}>` element"),
                };
                self.remove(n.range().start, what);
            }
            Element::DropQuietly => {}
        }
    }

    /// A `<style>` element: kept whole when its CSS loads nothing.
    fn style(&mut self, n: Node) {
        let at = n.range().start;
        if n.children().any(|c| c.is_element()) {
            return self.remove(at, "`<style>` element with elements inside".to_string());
        }
        if let Some(t) = n.attribute("type").filter(|t| {
            let t = t.trim();
            !t.is_empty() && !t.eq_ignore_ascii_case("text/css")
        }) {
            return self.remove(at, format!("`<style type=\"{t}\">` element"));
        }
        let css: String = n
            .children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect();
        if let Some(why) = css::problem(&css) {
            return self.remove(at, format!("`<style>` element ({why})"));
        }
        self.close_start_tag();
        self.start_tag(n, false);
        self.out.push('>');
        escape_text(&mut self.out, &css);
        self.out.push_str("</style>");
    }

    /// `<name` and the kept attributes, in their order in the file.
    fn start_tag(&mut self, n: Node, is_root: bool) {
        let name = n.tag_name().name();
        self.out.push('<');
        self.out.push_str(name);
        if is_root {
            self.out.push_str(" xmlns=\"");
            self.out.push_str(SVG_NS);
            self.out.push('"');
            self.xlink_at = Some(self.out.len());
        }
        for a in n.attributes() {
            if let Some((qname, value)) = self.attribute(name, a) {
                self.uses_xlink |= a.namespace() == Some(XLINK_NS);
                self.out.push(' ');
                self.out.push_str(&qname);
                self.out.push_str("=\"");
                escape_attribute(&mut self.out, &value);
                self.out.push('"');
            }
        }
    }

    /// The name and value to write for attribute `a` of element `element`,
    /// or `None` when it is removed.
    fn attribute<'a>(
        &mut self,
        element: &str,
        a: roxmltree::Attribute<'a, '_>,
    ) -> Option<(String, Cow<'a, str>)> {
        let (ns, local) = (a.namespace(), a.name());
        let qname = match ns {
            Some(XLINK_NS) => format!("xlink:{local}"),
            Some(XML_NS) => format!("xml:{local}"),
            _ => local.to_string(),
        };
        let at = a.range().start;
        let why = match allow::attribute(ns, local) {
            Attribute::Keep => match css_problem(local, a.value()) {
                None => return Some((qname, Cow::Borrowed(a.value()))),
                Some(why) => format!("`{qname}` attribute ({why})"),
            },
            Attribute::Reference => {
                let v = a.value().trim_matches(allow::is_xml_space);
                let local_ref =
                    allow::takes_local_reference(element) && allow::is_local_reference(v);
                if local_ref {
                    return Some((qname, Cow::Borrowed(v)));
                }
                if element == "image" && allow::is_embedded_raster(v) {
                    match embedded::clean(v) {
                        Embedded::Keep => return Some((qname, Cow::Borrowed(v))),
                        Embedded::Cleaned { value, location } => {
                            if location {
                                self.photo_at.get_or_insert(at);
                            }
                            return Some((qname, Cow::Owned(value)));
                        }
                        Embedded::Refused(why) => why,
                    }
                } else {
                    format!("`{qname}` to `{}`", css::shorten(v))
                }
            }
            Attribute::Drop if local.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on")) => {
                format!("`{qname}` event handler")
            }
            Attribute::Drop => format!("`{qname}` attribute"),
            Attribute::DropQuietly => return None,
        };
        self.remove(at, why);
        None
    }
}

/// CSS in an attribute's value: only `style` and values with a function
/// or an escape need a look (a `d` or `points` never has either).
fn css_problem(name: &str, value: &str) -> Option<String> {
    if allow::is_prose(name) || !(name == "style" || value.contains(['(', '\\'])) {
        return None;
    }
    css::problem(value)
}

fn escape_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

fn escape_attribute(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}
