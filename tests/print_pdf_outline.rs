//! The PDF's bookmarks: nested as the print page's headings are (parts,
//! chapters, sections), each titled with its heading's text once, spaces
//! kept where a long title wraps and no second copy where a heading
//! starts a page that is not a chapter's first.

mod common;
use common::{Site, browser};
use fieldguide::pdf::metadata::decode_text;
use lopdf::{Document, Object, ObjectId};

/// (depth, title) of every bookmark, in reading order.
fn outline(doc: &Document) -> Vec<(usize, String)> {
    fn walk(doc: &Document, first: Option<ObjectId>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            let title = decode_text(item.get(b"Title").unwrap().as_str().unwrap());
            out.push((depth, title));
            walk(
                doc,
                item.get(b"First").and_then(Object::as_reference).ok(),
                depth + 1,
                out,
            );
            next = item.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .unwrap()
        .as_reference()
        .unwrap();
    let first = doc
        .get_dictionary(root)
        .unwrap()
        .get(b"First")
        .and_then(Object::as_reference)
        .ok();
    let mut out = Vec::new();
    walk(doc, first, 0, &mut out);
    out
}

/// A chapter long enough that some of its sections start an A6 page.
fn long_chapter() -> String {
    let mut md = String::from("---\ntitle: Interviews\n---\n\n");
    for i in 1..=14 {
        md.push_str(&format!("## Who interviews {i}\n\n"));
        for _ in 0..3 {
            md.push_str("An interview is a conversation, not an interrogation: the person decides what to tell, when, and to whom, and may stop at any time.\n\n");
        }
    }
    md
}

#[test]
fn pdf_bookmarks_nest_and_read_as_the_headings() {
    let Some(browser) = browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    let index = site.read("guidance/handbook/index.en.md");
    site.write(
        "guidance/handbook/index.en.md",
        index
            .replace(
                "title: Handbook",
                "title: Identifying Possible Victims of Trafficking in Crisis Settings",
            )
            .replace(
                "kind: guidelines\n",
                "kind: guidelines\nprint: { size: A6, booklet: false }\n",
            ),
    );
    site.write(
        "guidance/handbook/03-referral/01-contacts.en.md",
        long_chapter(),
    );
    let o = site.run(&["pdf", "--browser", browser.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let pdf = site.out().join("en/handbook/handbook.en.pdf");
    let got = outline(&Document::load(&pdf).unwrap());
    // What the headings say, a level of the outline for each level below <h1>.
    let page = site.page("en/handbook/print.html");
    let expected: Vec<(usize, String)> = page
        .select("h1, h2, h3, h4, h5, h6")
        .iter()
        .map(|h| {
            let level: usize = h.value().name()[1..].parse().unwrap();
            let text = h.text().collect::<String>();
            (
                level - 1,
                text.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    assert_eq!(got, expected);
    assert!(got.contains(&(
        0,
        "Identifying Possible Victims of Trafficking in Crisis Settings".into()
    )));
    assert!(got.contains(&(3, "Who interviews 14".into())), "{got:?}");
}
