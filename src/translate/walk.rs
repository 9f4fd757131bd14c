//! Walking pulldown-cmark's events with their offsets to find a body's
//! segments and its block structure.

use super::keys::{Container, Frame, quote_name};
use super::segments::{Blocks, Kind, Segment, clean};
use super::titles::{image_title, link_titles};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// Text being collected: a paragraph, a heading, a cell or a list item's
/// own text.
struct Open {
    key: String,
    kind: Kind,
    start: Option<usize>,
    end: usize,
    /// For a paragraph: the first image.
    image: Option<Image>,
}

/// An image in a paragraph: its whole range, its alt text's, and the
/// title an inline image gives (`![…](address "title")`), as read.
struct Image {
    whole: Range<usize>,
    alt: Option<Range<usize>>,
    title: Option<String>,
}

struct Walk<'a> {
    text: &'a str,
    out: Blocks,
    stack: Vec<Container>,
    open: Option<Open>,
    /// Nesting inside an image (its inner events are the alt text).
    in_image: usize,
    headings: usize,
    last_heading: Option<usize>,
    /// Number of text runs seen directly in the innermost item.
    runs: Vec<usize>,
    /// Hidden text was blanked to spaces: runs of them are shown as one.
    blanked: bool,
}

/// Cuts a page body (`text[offset..]`) into segments. Ranges are in `text`.
pub fn body(text: &str, offset: usize) -> Blocks {
    // Obsidian comments and tracked changes are not the page's text:
    // never exported.
    let shown = match crate::markdown::without_hidden_text(&text[offset..]) {
        std::borrow::Cow::Borrowed(_) => std::borrow::Cow::Borrowed(text),
        std::borrow::Cow::Owned(body) => {
            std::borrow::Cow::Owned(format!("{}{body}", &text[..offset]))
        }
    };
    let blanked = matches!(shown, std::borrow::Cow::Owned(_));
    let text = shown.as_ref();
    let mut w = Walk {
        text,
        out: Blocks::default(),
        stack: vec![Container::new(Frame::Root, "/".into())],
        open: None,
        in_image: 0,
        headings: 0,
        last_heading: None,
        runs: Vec::new(),
        blanked,
    };
    let parser = Parser::new_ext(&text[offset..], crate::markdown::md_options());
    let mut events = parser.into_offset_iter();
    for (event, range) in events.by_ref() {
        let range = range.start + offset..range.end + offset;
        w.event(event, range);
    }
    let defs = super::link_defs::of_parser(events.reference_definitions(), offset);
    w.close_run();
    let headings: Vec<(usize, usize)> = (w.out.segments.iter().enumerate())
        .filter(|(_, s)| s.kind == Kind::Heading)
        .map(|(i, s)| (s.range.start, i))
        .collect();
    // Not in the shape: a title pairs by its key (see `Kind::keyed`).
    w.out.segments.extend(link_titles(text, defs, &headings));
    w.out
}

impl Walk<'_> {
    fn top(&mut self) -> &mut Container {
        self.stack
            .last_mut()
            .expect("the root container is never popped")
    }

    fn quote_depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|c| c.frame == Frame::Quote)
            .count()
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(end) => self.end(end),
            Event::TaskListMarker(done) => {
                self.out
                    .shape
                    .push(if done { "task-done" } else { "task" }.into());
            }
            Event::Rule => self.out.shape.push("hr".into()),
            Event::Html(_) => {}
            _ => self.inline(range),
        }
    }

    fn inline(&mut self, range: Range<usize>) {
        if self.in_image > 0
            && let Some(Open {
                image: Some(Image { alt, .. }),
                ..
            }) = &mut self.open
        {
            let a = alt.get_or_insert(range.clone());
            a.start = a.start.min(range.start);
            a.end = a.end.max(range.end);
        }
        if self.open.is_none() && self.stack.last().is_some_and(|c| c.frame == Frame::Item) {
            // Text directly in a list item (a tight list): a segment of its own.
            let base = self.top().path.clone();
            let runs = self.runs.last_mut().expect("pushed with the item");
            *runs += 1;
            let runs = *runs;
            let key = if runs == 1 {
                base
            } else {
                format!("{base}.t{runs}")
            };
            self.open = Some(Open {
                key,
                kind: Kind::ListItem,
                start: None,
                end: range.end,
                image: None,
            });
        }
        if let Some(open) = &mut self.open {
            open.start.get_or_insert(range.start);
            open.end = open.end.max(range.end);
        }
    }

    fn is_inline(tag: &Tag) -> bool {
        matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        )
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        if Self::is_inline(&tag) {
            if let Tag::Image {
                link_type, title, ..
            } = tag
            {
                if let Some(open) = &mut self.open
                    && open.image.is_none()
                    && self.in_image == 0
                {
                    // A reference image's title is its definition's, which
                    // the source's definitions give (`frames`).
                    let inline = link_type == pulldown_cmark::LinkType::Inline;
                    open.image = Some(Image {
                        whole: range.clone(),
                        alt: None,
                        title: (inline && !title.trim().is_empty()).then(|| title.to_string()),
                    });
                }
                self.inline(range);
                self.in_image += 1;
                return;
            }
            self.inline(range);
            return;
        }
        self.close_run();
        match tag {
            Tag::Paragraph => {
                let key = self.top().child("p");
                self.out.shape.push("p".into());
                self.open_text(key, Kind::Paragraph, range);
            }
            Tag::Heading { level, id, .. } => {
                self.headings += 1;
                let key = if self.stack.len() == 1 {
                    let section = match &id {
                        Some(id) => format!("#{id}"),
                        None => format!("@{}", self.headings),
                    };
                    *self.top() = Container::new(Frame::Root, format!("{section}/"));
                    section
                } else {
                    self.top().child("h")
                };
                // Not its id: a translation may write the source's
                // automatic id on its heading (see `anchors`), and still
                // pairs block for block. Import checks the ids.
                self.out.shape.push(format!("h{}", level as u8));
                self.open_heading(key, range);
            }
            Tag::List(start) => {
                let path = self.top().child("list");
                self.out.shape.push(match start {
                    Some(n) => format!("ol{n}"),
                    None => "ul".into(),
                });
                self.stack.push(Container::new(Frame::List, path));
            }
            Tag::Item => {
                let path = self.top().child("item");
                self.out.shape.push("li".into());
                self.stack.push(Container::new(Frame::Item, path));
                self.runs.push(0);
            }
            Tag::BlockQuote(kind) => {
                let name = quote_name(kind);
                let path = self.top().child(name);
                self.out.shape.push(name.into());
                self.stack.push(Container::new(Frame::Quote, path));
            }
            other => self.start_other(other, range),
        }
    }

    /// Tables, footnotes, code and anything else that opens a block.
    fn start_other(&mut self, tag: Tag, range: Range<usize>) {
        match tag {
            Tag::Table(aligns) => {
                let path = self.top().child("table");
                self.out.shape.push(format!("table{aligns:?}"));
                self.stack.push(Container::new(Frame::Table, path));
            }
            Tag::TableHead => {
                let path = format!("{}.r0", self.top().path);
                self.out.shape.push("thead".into());
                self.stack.push(Container::new(Frame::Row, path));
            }
            Tag::TableRow => {
                let path = self.top().child("r");
                self.out.shape.push("tr".into());
                self.stack.push(Container::new(Frame::Row, path));
            }
            Tag::TableCell => {
                let key = self.top().child("c");
                self.out.shape.push("td".into());
                self.open_cell(key, range);
            }
            Tag::FootnoteDefinition(label) => {
                self.out.shape.push(format!("fn:{label}"));
                self.stack
                    .push(Container::new(Frame::Other, format!("/^{label}")));
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                let name = if matches!(tag, Tag::HtmlBlock) {
                    "html"
                } else {
                    "code"
                };
                let key = self.top().child(name);
                self.out.shape.push(name.into());
                let end = trim_end(self.text, range.start, range.end);
                let kind = if name == "html" && html_has_text(&self.text[range.start..end]) {
                    Kind::Html
                } else {
                    Kind::Fixed
                };
                self.push(key, kind, range.start..end);
                // Its own events (text, end) are not inline text.
                self.stack.push(Container::new(Frame::Other, String::new()));
                self.open = None;
            }
            _ => {
                self.out.shape.push(format!("{tag:?}"));
                self.stack.push(Container::new(Frame::Other, String::new()));
            }
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Image => {
                self.in_image = self.in_image.saturating_sub(1);
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => {}
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => {
                self.close_open();
                self.out.shape.push("end".into());
            }
            _ => {
                self.close_run();
                if matches!(end, TagEnd::Item) {
                    self.runs.pop();
                }
                if self.stack.len() > 1 {
                    self.stack.pop();
                }
                self.out.shape.push("end".into());
            }
        }
    }

    fn open_text(&mut self, key: String, kind: Kind, range: Range<usize>) {
        let end = trim_end(self.text, range.start, range.end);
        self.open = Some(Open {
            key,
            kind,
            start: Some(range.start),
            end,
            image: None,
        });
    }

    fn open_heading(&mut self, key: String, range: Range<usize>) {
        let raw = &self.text[range.clone()];
        let (start, end) = if raw.trim_start().starts_with('#') {
            // ATX: after the `#`s and spaces, to the end of the line.
            let lead = raw.len() - raw.trim_start().len();
            let after_marks = raw[lead..].trim_start_matches('#');
            let content = after_marks.trim_start_matches([' ', '\t']);
            let start = range.start + (raw.len() - content.len());
            let line_end = content.find(['\n', '\r']).unwrap_or(content.len());
            (start, trim_end(self.text, start, start + line_end))
        } else {
            // Setext: every line but the underline.
            let body = raw.trim_end_matches(['\n', '\r']);
            let last = body.rfind('\n').unwrap_or(0);
            (
                range.start,
                trim_end(self.text, range.start, range.start + last),
            )
        };
        self.open = Some(Open {
            key,
            kind: Kind::Heading,
            start: Some(start),
            end,
            image: None,
        });
    }

    fn open_cell(&mut self, key: String, range: Range<usize>) {
        let raw = &self.text[range.clone()];
        let start = range.start + (raw.len() - raw.trim_start().len());
        let end = trim_end(self.text, start, range.end);
        self.open = Some(Open {
            key,
            kind: Kind::TableCell,
            start: Some(start),
            end,
            image: None,
        });
    }

    /// Ends the text run of a list item when a block starts inside it.
    fn close_run(&mut self) {
        if self.open.as_ref().is_some_and(|o| o.kind == Kind::ListItem) {
            self.close_open();
        }
    }

    fn close_open(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let Some(start) = open.start else {
            return;
        };
        let end = trim_end(self.text, start, open.end);
        let mut kind = open.kind;
        let mut range = start..end;
        let mut frame = None;
        let mut title = None;
        if kind == Kind::Paragraph
            && let Some(image) = open.image
            && image.whole == range
        {
            // A paragraph that is only an image: its description is the text.
            kind = Kind::AltText;
            match image.alt {
                Some(a) => range = a,
                None => return,
            }
            title = image
                .title
                .and_then(|t| Some((image_title(self.text, &image.whole, &t)?, t)));
            frame = Some(image.whole);
        }
        if range.is_empty() {
            return;
        }
        self.push(open.key.clone(), kind, range);
        if let Some(last) = self.out.segments.last_mut() {
            last.frame = frame;
        }
        // Its title (shown when a reader points at it) is the reader's
        // language too: a segment of its own, as read (escapes undone).
        if let Some((r, t)) = title {
            self.push(format!("{}.title", open.key), Kind::ImageTitle, r);
            if let Some(last) = self.out.segments.last_mut() {
                last.text = t;
            }
        }
    }

    fn push(&mut self, key: String, kind: Kind, range: Range<usize>) {
        let text = if kind == Kind::Fixed {
            self.text[range.clone()].to_string()
        } else if self.blanked {
            // What was hidden leaves no gap in what translators read
            // (import compares sources without regard to spaces).
            single_spaces(&clean(&self.text[range.clone()], self.quote_depth()))
        } else {
            clean(&self.text[range.clone()], self.quote_depth())
        };
        let idx = self.out.segments.len();
        self.out.shape.push(format!("{kind:?}"));
        self.out.segments.push(Segment {
            key,
            kind,
            text,
            range,
            under: self.last_heading,
            frame: None,
        });
        if kind == Kind::Heading {
            self.last_heading = Some(idx);
        }
    }
}

/// Whether an HTML block has text for readers outside its tags and
/// entities (`<p>&nbsp;</p>` has none; nor has a comment, and preformatted
/// text is left as it is: a translator's tool would not keep its spaces).
fn html_has_text(block: &str) -> bool {
    let t = block.trim_start();
    if t.starts_with("<!--") || t.to_ascii_lowercase().contains("<pre") {
        return false;
    }
    let mut inside: Option<char> = None;
    block.chars().any(|c| {
        match (inside, c) {
            (None, '<') => inside = Some('>'),
            (None, '&') => inside = Some(';'),
            (Some(end), _) if c == end || (end == ';' && !c.is_alphanumeric() && c != '#') => {
                inside = None;
                return false;
            }
            _ => {}
        }
        inside.is_none() && c.is_alphabetic()
    })
}

/// `text` with each run of spaces written as one.
fn single_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

/// `end` moved back over trailing whitespace, not before `start`.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_block_is_text_when_readers_see_words_in_it() {
        assert!(html_has_text(
            "<table><tr><td>Health clinic</td></tr></table>"
        ));
        assert!(html_has_text("<p>&nbsp;AT&T&#160;x</p>"));
        for none in [
            "<p>&nbsp;</p>",
            "<div align=\"center\"><br>&#160;&amp;</div>",
            "<!-- reviewed in May -->",
            "<pre>keep   this</pre>",
        ] {
            assert!(!html_has_text(none), "{none}");
        }
    }

    fn keys(md: &str) -> Vec<(String, Kind, String)> {
        body(md, 0)
            .segments
            .into_iter()
            .map(|s| (s.key, s.kind, s.text))
            .collect()
    }

    #[test]
    fn blocks_get_structural_keys() {
        let md = "Intro *text*.\n\n## Safe {#safe}\n\n- [ ] one\n  - nested\n- two\n\n> [!NOTE]\n> Body line\n> two\n\n| A | B |\n|---|---|\n| c |  |\n\n![The flow](f.svg)\n\n```\ncode\n```\n\n## Plain\n\nText[^n].\n\n[^n]: Foot\n    note.\n";
        let k = keys(md);
        let want: Vec<(&str, Kind, &str)> = vec![
            ("/p1", Kind::Paragraph, "Intro *text*."),
            ("#safe", Kind::Heading, "Safe {#safe}"),
            ("#safe/list1.1", Kind::ListItem, "one"),
            ("#safe/list1.1.list1.1", Kind::ListItem, "nested"),
            ("#safe/list1.2", Kind::ListItem, "two"),
            ("#safe/note1.p1", Kind::Paragraph, "Body line\ntwo"),
            ("#safe/table1.r0.c1", Kind::TableCell, "A"),
            ("#safe/table1.r0.c2", Kind::TableCell, "B"),
            ("#safe/table1.r1.c1", Kind::TableCell, "c"),
            ("#safe/p1", Kind::AltText, "The flow"),
            ("#safe/code1", Kind::Fixed, "```\ncode\n```"),
            ("@2", Kind::Heading, "Plain"),
            ("@2/p1", Kind::Paragraph, "Text[^n]."),
            ("/^n.p1", Kind::Paragraph, "Foot\nnote."),
        ];
        let got: Vec<(&str, Kind, &str)> = k
            .iter()
            .map(|(a, b, c)| (a.as_str(), *b, c.as_str()))
            .collect();
        assert_eq!(got, want);
    }

    /// An image's title is a segment when it reads as written between its
    /// delimiters; otherwise (an entity, a line break, a reference image)
    /// it stays the source's, with no segment.
    #[test]
    fn an_image_title_is_a_segment_where_it_can_be_written_back() {
        let title = |md: &str| -> Option<(String, String)> {
            let b = body(md, 0);
            let t = b.segments.iter().find(|s| s.kind == Kind::ImageTitle)?;
            Some((t.text.clone(), md[t.range.clone()].to_string()))
        };
        let some = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(title("![M](m.png \"Route\")\n"), some("Route", "Route"));
        assert_eq!(
            title("![M](m.png 'l\\'enfant')\n"),
            some("l'enfant", "l\\'enfant")
        );
        assert_eq!(
            title("![M](<m n.png> (a \\(b\\)) )\n"),
            some("a (b)", "a \\(b\\)")
        );
        assert_eq!(title("![M](m.png \"A &amp; B\")\n"), None);
        assert_eq!(title("![M](m.png \"two\nlines\")\n"), None);
        assert_eq!(title("![M][m]\n\n[m]: m.png \"Route\"\n"), None);
        assert_eq!(title("See ![M](m.png \"Route\") here.\n"), None);
        let keys = keys("![M](m.png \"Route\")\n");
        assert_eq!(keys[1].0, "/p1.title");
    }

    #[test]
    fn ranges_point_into_the_file() {
        let text = "---\ntitle: T\n---\n> Quoted line\n> and more\n\n1. **Bold** item\n";
        let b = body(text, 16);
        for s in &b.segments {
            assert_eq!(clean(&text[s.range.clone()], 1), s.text);
        }
        assert_eq!(b.segments[0].text, "Quoted line\nand more");
        assert_eq!(&text[b.segments[1].range.clone()], "**Bold** item");
    }

    #[test]
    fn an_edit_elsewhere_keeps_keys() {
        let a = keys("## A {#a}\n\nOne.\n\n## B {#b}\n\nTwo.\n\nThree.\n");
        let b = keys("## A {#a}\n\nOne.\n\nInserted.\n\n## B {#b}\n\nTwo.\n\nThree.\n");
        let find = |k: &[(String, Kind, String)], t: &str| {
            k.iter().find(|x| x.2 == t).map(|x| x.0.clone()).unwrap()
        };
        assert_eq!(find(&a, "Three."), find(&b, "Three."));
        assert_eq!(find(&b, "Three."), "#b/p2");
    }

    #[test]
    fn structure_differs_when_a_list_item_is_lost() {
        let a = body("- one\n- two\n", 0);
        let b = body("- un\n", 0);
        assert_ne!(a.shape, b.shape);
        let c = body("- un\n- deux\n", 0);
        assert_eq!(a.shape, c.shape);
    }
}
