//! Booklet imposition for saddle-stitch printing.
//!
//! A booklet is a stack of sheets, each printed on both sides with two pages
//! side by side, folded once down the middle and stapled on the fold. Pages
//! of size `w x h` sit two-up on sheets of `2w x h` (A6 pages on A5
//! landscape sheets, A5 on A4). The page count is padded with blank pages to
//! a multiple of four, since every sheet carries four pages.
//!
//! ## The order
//!
//! With `n` pages (after padding) and sheets numbered from the outside of
//! the stack (`k = 0` is the outer sheet, which carries the covers), sheet
//! `k` carries, for a left-to-right booklet bound on the left:
//!
//! ```text
//! front: [ n - 2k | 2k + 1 ]      back: [ 2k + 2 | n - 2k - 1 ]
//! ```
//!
//! so for 8 pages: sheet 1 front `[8 | 1]`, back `[2 | 7]`; sheet 2 front
//! `[6 | 3]`, back `[4 | 5]`. Pages 1 (front cover) and `n` (back cover)
//! share the outside of the outer sheet; the middle sheet's back carries the
//! centre spread `n/2 | n/2 + 1`.
//!
//! A right-to-left booklet (Arabic, Hebrew, ...) is bound on the right: the
//! front cover is on the left half of the outer sheet and every side is
//! mirrored: sheet 1 front `[1 | 8]`, back `[7 | 2]`; sheet 2 front
//! `[3 | 6]`, back `[5 | 4]`.
//!
//! ## Printing
//!
//! The imposed PDF lists the sides in print order: sheet 1 front, sheet 1
//! back, sheet 2 front, ... Print it double-sided with **flip on short
//! edge** (the PDF asks for that in its viewer preferences). The back of
//! each sheet is laid out as seen after turning the sheet over like a page
//! of a book, about its vertical middle, so nothing is rotated: what is
//! behind the front's right half is the back's left half. Printed on a
//! portrait-fed printer, a landscape sheet is turned a quarter turn, and a
//! short-edge flip of the paper is exactly that book-page turn of the sheet.
//! (A long-edge flip would print every back upside down.) Stack the sheets
//! in print order, fold the stack in half with sheet 1's front outside, and
//! staple on the fold: the pages read in order.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// One side of a sheet: the page on each half, numbered from 1; `None` is a
/// blank page added to reach a multiple of four.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Side {
    pub left: Option<usize>,
    pub right: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sheet {
    pub front: Side,
    pub back: Side,
}

/// The page count padded to whole sheets (a multiple of four).
pub fn padded(pages: usize) -> usize {
    pages.div_ceil(4) * 4
}

/// The sheets of a booklet of `pages` pages, outer sheet first. `rtl`
/// binds on the right (mirrored order).
pub fn order(pages: usize, rtl: bool) -> Vec<Sheet> {
    let n = padded(pages);
    let page = |p: usize| (p <= pages).then_some(p);
    (0..n / 4)
        .map(|k| {
            let outer_front = page(n - 2 * k);
            let inner_front = page(2 * k + 1);
            let inner_back = page(2 * k + 2);
            let outer_back = page(n - 2 * k - 1);
            if rtl {
                Sheet {
                    front: Side {
                        left: inner_front,
                        right: outer_front,
                    },
                    back: Side {
                        left: outer_back,
                        right: inner_back,
                    },
                }
            } else {
                Sheet {
                    front: Side {
                        left: outer_front,
                        right: inner_front,
                    },
                    back: Side {
                        left: inner_back,
                        right: outer_back,
                    },
                }
            }
        })
        .collect()
}

/// A size in PDF points (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

/// Imposes `doc` in place: its pages become form XObjects placed two-up on
/// sheets of twice their width, in booklet order. `sheet` is the sheet size
/// to use (the nominal paper size, e.g. A5 landscape for A6 pages); each
/// page is centred in its half. Returns the number of sheets.
///
/// Links, bookmarks and the structure tree refer to the original pages, so
/// they are dropped: the booklet is a file for the printer.
pub fn impose(doc: &mut Document, rtl: bool, sheet: Option<Size>) -> Result<usize, String> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if pages.is_empty() {
        return Err("the PDF has no pages".into());
    }
    let pages_id = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| format!("the PDF has no page tree: {e}"))?;
    let mut forms = Vec::with_capacity(pages.len());
    let mut page_size = None;
    for &page_id in &pages {
        let (form, size) = page_form(doc, page_id)?;
        page_size.get_or_insert(size);
        forms.push(form);
    }
    let page_size = page_size.unwrap_or(Size {
        width: 0.0,
        height: 0.0,
    });
    let sheet = sheet.unwrap_or(Size {
        width: 2.0 * page_size.width,
        height: page_size.height,
    });
    let layout = Layout {
        sheet,
        half: sheet.width / 2.0,
        dx: (sheet.width / 2.0 - page_size.width) / 2.0,
        dy: (sheet.height - page_size.height) / 2.0,
    };
    let mut kids = Vec::new();
    for s in order(pages.len(), rtl) {
        for side in [s.front, s.back] {
            kids.push(sheet_side(doc, pages_id, side, &forms, &layout));
        }
    }
    let sides = kids.len();
    replace_pages(doc, pages_id, kids, &pages)?;
    Ok(sides / 2)
}

/// A page turned into a form XObject: its id and its MediaBox origin (to
/// place it), and the page's size.
fn page_form(doc: &mut Document, page_id: ObjectId) -> Result<(Form, Size), String> {
    let [x0, y0, x1, y1] = media_box(doc, page_id)?;
    let content = doc.get_page_content(page_id);
    let page = doc
        .get_dictionary(page_id)
        .map_err(|e| format!("unreadable page: {e}"))?;
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Form".to_vec()));
    dict.set("FormType", 1);
    dict.set(
        "BBox",
        vec![
            Object::Real(x0),
            Object::Real(y0),
            Object::Real(x1),
            Object::Real(y1),
        ],
    );
    if let Ok(group) = page.get(b"Group") {
        dict.set("Group", group.clone());
    }
    let resources = match page.get(b"Resources") {
        Ok(r) => Some(r.clone()),
        // Inherited from the page tree.
        Err(_) => doc
            .get_page_resources(page_id)
            .ok()
            .and_then(|(direct, ids)| {
                direct
                    .map(|d| Object::Dictionary(d.clone()))
                    .or_else(|| ids.first().map(|&id| Object::Reference(id)))
            }),
    };
    if let Some(r) = resources {
        dict.set("Resources", r);
    }
    let mut stream = Stream::new(dict, content);
    let _ = stream.compress();
    let size = Size {
        width: x1 - x0,
        height: y1 - y0,
    };
    Ok(((doc.add_object(stream), x0, y0), size))
}

/// A form XObject and the origin of the page it was made from.
type Form = (ObjectId, f32, f32);

/// Where pages go on a sheet: its size, the width of each half, and the
/// offsets that centre a page in its half.
struct Layout {
    sheet: Size,
    half: f32,
    dx: f32,
    dy: f32,
}

/// One side of a sheet, as a new page showing its two pages' forms.
fn sheet_side(
    doc: &mut Document,
    pages_id: ObjectId,
    side: Side,
    forms: &[Form],
    at: &Layout,
) -> Object {
    let mut xobjects = Dictionary::new();
    let mut content = String::new();
    for (slot, page) in [(0.0, side.left), (at.half, side.right)] {
        let Some(p) = page else { continue };
        let (form, x0, y0) = forms[p - 1];
        let name = format!("P{p}");
        xobjects.set(name.as_bytes().to_vec(), Object::Reference(form));
        content.push_str(&format!(
            "q 1 0 0 1 {} {} cm /{name} Do Q\n",
            num(slot + at.dx - x0),
            num(at.dy - y0)
        ));
    }
    let mut resources = Dictionary::new();
    resources.set("XObject", xobjects);
    let mut contents = Stream::new(Dictionary::new(), content.into_bytes());
    let _ = contents.compress();
    let contents_id = doc.add_object(contents);
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(pages_id));
    page.set(
        "MediaBox",
        vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Real(at.sheet.width),
            Object::Real(at.sheet.height),
        ],
    );
    page.set("Resources", resources);
    page.set("Contents", Object::Reference(contents_id));
    Object::Reference(doc.add_object(page))
}

/// Makes the sheets the document's pages, and drops the original pages
/// with everything that pointed at them.
fn replace_pages(
    doc: &mut Document,
    pages_id: ObjectId,
    kids: Vec<Object>,
    pages: &[ObjectId],
) -> Result<(), String> {
    let sides = kids.len();
    let tree = doc
        .get_dictionary_mut(pages_id)
        .map_err(|e| format!("the PDF has no page tree: {e}"))?;
    tree.set("Kids", kids);
    tree.set("Count", sides as i64);
    for key in [&b"MediaBox"[..], b"CropBox", b"Resources", b"Rotate"] {
        tree.remove(key);
    }
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    for key in [
        &b"StructTreeRoot"[..],
        b"MarkInfo",
        b"Outlines",
        b"Dests",
        b"Names",
        b"OpenAction",
        b"PageLabels",
        b"PageMode",
    ] {
        catalog.remove(key);
    }
    for p in pages {
        doc.objects.remove(p);
    }
    doc.prune_objects();
    doc.renumber_objects();
    Ok(())
}

/// A page's MediaBox, inherited from the page tree when the page has none.
pub fn media_box(doc: &Document, page: ObjectId) -> Result<[f32; 4], String> {
    let mut id = page;
    for _ in 0..32 {
        let dict = doc
            .get_dictionary(id)
            .map_err(|e| format!("unreadable page: {e}"))?;
        if let Ok(obj) = dict.get(b"MediaBox") {
            let (_, obj) = doc.dereference(obj).map_err(|e| e.to_string())?;
            let values: Vec<f32> = obj
                .as_array()
                .map_err(|e| format!("bad MediaBox: {e}"))?
                .iter()
                .filter_map(|v| v.as_float().ok())
                .collect();
            return match values[..] {
                [a, b, c, d] => Ok([a.min(c), b.min(d), a.max(c), b.max(d)]),
                _ => Err("bad MediaBox".into()),
            };
        }
        match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(parent) => id = parent,
            Err(_) => break,
        }
    }
    Err("a page has no MediaBox".into())
}

/// A number as PDF content wants it: no exponent, at most 3 decimals.
fn num(v: f32) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
#[path = "booklet_tests.rs"]
pub(crate) mod tests;
