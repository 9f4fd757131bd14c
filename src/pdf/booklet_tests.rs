use super::*;

fn side(l: usize, r: usize) -> Side {
    let p = |x| (x != 0).then_some(x);
    Side {
        left: p(l),
        right: p(r),
    }
}

#[test]
fn eight_pages_left_to_right() {
    assert_eq!(
        order(8, false),
        [
            Sheet {
                front: side(8, 1),
                back: side(2, 7)
            },
            Sheet {
                front: side(6, 3),
                back: side(4, 5)
            },
        ]
    );
}

#[test]
fn eight_pages_right_to_left_mirrors() {
    assert_eq!(
        order(8, true),
        [
            Sheet {
                front: side(1, 8),
                back: side(7, 2)
            },
            Sheet {
                front: side(3, 6),
                back: side(5, 4)
            },
        ]
    );
}

#[test]
fn pads_with_blank_pages_at_the_end() {
    assert_eq!(padded(0), 0);
    assert_eq!(padded(1), 4);
    assert_eq!(padded(4), 4);
    assert_eq!(padded(5), 8);
    // 5 pages: 6, 7 and 8 are blank, so the back cover is blank.
    assert_eq!(
        order(5, false),
        [
            Sheet {
                front: side(0, 1),
                back: side(2, 0)
            },
            Sheet {
                front: side(0, 3),
                back: side(4, 5)
            },
        ]
    );
    assert_eq!(order(1, false).len(), 1);
}

/// Folds the printed stack as a person would and returns the pages in
/// the order they are read: an independent check of `order`.
///
/// Turning a sheet over about its vertical middle (short-edge flip of a
/// landscape sheet) puts the back's left half behind the front's right
/// half. After folding, a left-to-right booklet's leaves are the right
/// halves from the outer sheet inwards, then the left halves from the
/// inner sheet outwards; a leaf from a right half shows the front's
/// right then the back's left; a leaf from a left half shows the back's
/// right then the front's left. Right-to-left is the mirror image.
fn read_folded(sheets: &[Sheet], rtl: bool) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let near = |s: &Sheet| {
        if rtl {
            [s.front.left, s.back.right]
        } else {
            [s.front.right, s.back.left]
        }
    };
    let far = |s: &Sheet| {
        if rtl {
            [s.back.left, s.front.right]
        } else {
            [s.back.right, s.front.left]
        }
    };
    for s in sheets {
        out.extend(near(s));
    }
    for s in sheets.iter().rev() {
        out.extend(far(s));
    }
    out
}

#[test]
fn folding_reads_every_page_once_in_order() {
    for pages in 1..=41 {
        for rtl in [false, true] {
            let sheets = order(pages, rtl);
            assert_eq!(sheets.len(), pages.div_ceil(4));
            let read = read_folded(&sheets, rtl);
            let expected: Vec<Option<usize>> = (1..=padded(pages))
                .map(|p| (p <= pages).then_some(p))
                .collect();
            assert_eq!(read, expected, "{pages} pages, rtl {rtl}");
        }
    }
}

#[test]
fn imposes_a_pdf_two_up() {
    let mut doc = test_pdf(6, 298.0, 420.0);
    let sheets = impose(&mut doc, false, None).unwrap();
    assert_eq!(sheets, 2);
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 4);
    for &id in pages.values() {
        let [x0, y0, x1, y1] = media_box(&doc, id).unwrap();
        assert_eq!((x0, y0, x1, y1), (0.0, 0.0, 596.0, 420.0));
    }
    // Sheet 1 front: a blank left half (page 8 of 8), page 1 on the right.
    let first = doc.get_page_content(pages[&1]);
    let text = String::from_utf8_lossy(&first);
    assert_eq!(text.trim(), "q 1 0 0 1 298 0 cm /P1 Do Q");
    let back = String::from_utf8_lossy(&doc.get_page_content(pages[&2])).into_owned();
    assert_eq!(back.trim(), "q 1 0 0 1 0 0 cm /P2 Do Q");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let again = Document::load_mem(&bytes).unwrap();
    assert_eq!(again.get_pages().len(), 4);
}

#[test]
fn centres_pages_on_a_nominal_sheet() {
    let mut doc = test_pdf(4, 298.08, 420.0);
    let a5 = Size {
        width: 595.28,
        height: 419.53,
    };
    impose(&mut doc, true, Some(a5)).unwrap();
    let pages = doc.get_pages();
    let front = String::from_utf8_lossy(&doc.get_page_content(pages[&1])).into_owned();
    // Right to left: page 1 on the left half, page 4 on the right.
    assert_eq!(
        front.trim(),
        "q 1 0 0 1 -0.22 -0.235 cm /P1 Do Q\nq 1 0 0 1 297.42 -0.235 cm /P4 Do Q"
    );
}

/// A PDF of `n` pages of `w x h` points, each with its number as content.
pub(crate) fn test_pdf(n: usize, w: f32, h: f32) -> Document {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for i in 1..=n {
        let content = doc.add_object(Stream::new(
            Dictionary::new(),
            format!("% page {i}\n0 0 m 10 10 l S\n").into_bytes(),
        ));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content));
        page.set("Resources", Dictionary::new());
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Kids", kids);
    tree.set("Count", n as i64);
    tree.set(
        "MediaBox",
        vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)],
    );
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc
}
