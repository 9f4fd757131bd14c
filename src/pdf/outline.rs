//! The titles of the PDF's bookmarks, as the headings are written.
//!
//! Chromium (Skia) makes each bookmark's title from the text it draws for
//! the heading: the lines are joined with nothing between them
//! (`Victims ofTrafficking`), and a heading drawn on two pages, as at a
//! page break that is not a chapter's, is written twice (`GroundingGrounding`).
//! Each title is put back from the print page's own headings: a bookmark
//! whose text, without spaces, is a heading's text without spaces (once or
//! repeated) takes that heading's text, in document order.

use super::metadata::{decode_text, text_string};
use lopdf::{Document, Object, ObjectId};

/// The text of every heading (`<h1>` to `<h6>`) in a print page, in order,
/// with tags left out, entities decoded and spaces collapsed. The HTML is
/// our own output: text never holds a raw `<`.
pub fn heading_texts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = find_heading(rest) {
        let level = &rest[at + 1..at + 3];
        let Some(open_end) = rest[at..].find('>').map(|p| at + p + 1) else {
            break;
        };
        let close = format!("</{level}>");
        let Some(end) = rest[open_end..].find(&close).map(|p| open_end + p) else {
            break;
        };
        out.push(text_of(&rest[open_end..end]));
        rest = &rest[end + close.len()..];
    }
    out
}

/// Where the next `<h1>`..`<h6>` opening tag starts.
fn find_heading(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(p) = s[from..].find("<h").map(|p| from + p) {
        let digit = b.get(p + 2).is_some_and(|c| (b'1'..=b'6').contains(c));
        if digit && matches!(b.get(p + 3), Some(b' ' | b'>')) {
            return Some(p);
        }
        from = p + 2;
    }
    None
}

/// The text of some HTML: tags out, the entities we write decoded, runs of
/// spaces as one.
fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without spaces or the invisible marks of bidirectional text: what
/// is left of a heading in the title Chromium writes.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{ad}'))
        .collect()
}

/// Whether `raw` (squashed) is `heading` (squashed) once or more.
fn is_copies(raw: &str, heading: &str) -> bool {
    !heading.is_empty()
        && raw.len().is_multiple_of(heading.len())
        && raw == heading.repeat(raw.len() / heading.len())
}

/// Every bookmark of `doc`, in reading order (each before its children).
fn items(doc: &Document) -> Vec<ObjectId> {
    let first = |d: &lopdf::Dictionary| d.get(b"First").and_then(Object::as_reference).ok();
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Outlines").ok())
        .and_then(|o| o.as_reference().ok())
        .and_then(|id| doc.get_dictionary(id).ok())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Siblings still to visit, innermost last.
    let mut stack: Vec<ObjectId> = first(root).into_iter().collect();
    while let Some(id) = stack.pop() {
        // A malformed outline that loops is cut short.
        if out.contains(&id) || out.len() > 100_000 {
            break;
        }
        out.push(id);
        let Ok(item) = doc.get_dictionary(id) else {
            continue;
        };
        if let Ok(next) = item.get(b"Next").and_then(Object::as_reference) {
            stack.push(next);
        }
        if let Some(child) = first(item) {
            stack.push(child);
        }
    }
    out
}

/// Gives each bookmark its heading's text (see the module's comment).
/// Returns how many titles changed.
pub fn fix_titles(doc: &mut Document, headings: &[String]) -> usize {
    let squashed: Vec<String> = headings.iter().map(|h| squash(h)).collect();
    let mut next = 0;
    let mut changed = 0;
    for id in items(doc) {
        let Ok(item) = doc.get_dictionary_mut(id) else {
            continue;
        };
        let Ok(raw) = item.get(b"Title").and_then(Object::as_str) else {
            continue;
        };
        let raw = decode_text(raw);
        let raw_squashed = squash(&raw);
        let Some(found) = (next..headings.len()).find(|&i| is_copies(&raw_squashed, &squashed[i]))
        else {
            continue;
        };
        next = found + 1;
        if headings[found] != raw {
            item.set("Title", text_string(&headings[found]));
            changed += 1;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;

    #[test]
    fn headings_are_read_as_written() {
        let html = "<h1 lang=\"en\">Identifying Possible Victims of\nTrafficking</h1><p>x</p><header>no</header>\
                    <h2 class=\"chapter-title\">Do and don&#39;t <code>&lt;b&gt;</code></h2><hr><h3 id=\"a\"></h3>";
        assert_eq!(
            heading_texts(html),
            [
                "Identifying Possible Victims of Trafficking",
                "Do and don't <b>",
                ""
            ]
        );
    }

    /// A document whose outline holds `titles`, the second a child of the first.
    fn with_outline(titles: &[&str]) -> (Document, Vec<ObjectId>) {
        let mut doc = Document::with_version("1.7");
        let ids: Vec<ObjectId> = titles
            .iter()
            .map(|t| {
                let mut d = Dictionary::new();
                d.set("Title", text_string(t));
                doc.add_object(d)
            })
            .collect();
        let link = |doc: &mut Document, from: ObjectId, key: &str, to: ObjectId| {
            doc.get_dictionary_mut(from)
                .unwrap()
                .set(key, Object::Reference(to));
        };
        link(&mut doc, ids[0], "First", ids[1]);
        for w in ids[1..].windows(2) {
            link(&mut doc, w[0], "Next", w[1]);
        }
        let mut outlines = Dictionary::new();
        outlines.set("First", Object::Reference(ids[0]));
        let outlines = doc.add_object(outlines);
        let mut catalog = Dictionary::new();
        catalog.set("Outlines", Object::Reference(outlines));
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", Object::Reference(catalog));
        (doc, ids)
    }

    #[test]
    fn titles_are_the_headings_once_with_their_spaces() {
        let (mut doc, ids) = with_outline(&[
            "Identifying Possible Victims ofTrafficking",
            "Who interviewsWho interviews",
            "Grounding",
            "Not a heading",
        ]);
        let headings = [
            "Identifying Possible Victims of Trafficking",
            "Contents",
            "Who interviews",
            "Grounding",
        ]
        .map(String::from);
        assert_eq!(fix_titles(&mut doc, &headings), 2);
        let title = |id| {
            decode_text(
                doc.get_dictionary(id)
                    .unwrap()
                    .get(b"Title")
                    .unwrap()
                    .as_str()
                    .unwrap(),
            )
        };
        assert_eq!(
            ids.iter().map(|&id| title(id)).collect::<Vec<_>>(),
            [
                "Identifying Possible Victims of Trafficking",
                "Who interviews",
                "Grounding",
                "Not a heading"
            ]
        );
    }
}
