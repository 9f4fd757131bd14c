//! What around a translated text is not the translator's, and so comes
//! from the source when a page is written: an image's address (around its
//! description, and around its title, which is translated when the image
//! is a paragraph of its own), and the link reference definitions
//! (`[label]: address "title"`), which no segment holds. Without this, a
//! page kept as the existing translation would keep an old address while
//! being stamped as translating the new source.

use super::fields::Parsed;
use super::segments::Kind;
use pulldown_cmark::Parser;
use std::ops::Range;

/// A link reference definition: its label, where it is, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkDef {
    pub label: String,
    pub span: Range<usize>,
    pub dest: String,
    pub title: Option<String>,
}

/// The link reference definitions of a page's body, in `text`'s offsets.
pub fn link_defs(text: &str, body_offset: usize) -> Vec<LinkDef> {
    let body = &text[body_offset..];
    let mut events = Parser::new_ext(body, crate::markdown::md_options()).into_offset_iter();
    events.by_ref().for_each(drop);
    let mut out: Vec<LinkDef> = events
        .reference_definitions()
        .iter()
        .map(|(label, def)| LinkDef {
            label: label.to_lowercase(),
            span: def.span.start + body_offset..def.span.end + body_offset,
            dest: def.dest.to_string(),
            title: def.title.as_ref().map(|t| t.to_string()),
        })
        .collect();
    out.sort_by_key(|d| d.span.start);
    out
}

/// The edits that give `base` (parsed as `parsed`, its segments paired
/// with the source's by `pairs`) the source's image addresses and titles
/// and link definitions. Edits never overlap a segment's text.
pub fn from_source(
    source: &str,
    src: &Parsed,
    base: &str,
    parsed: &Parsed,
    pairs: &[(usize, usize)],
) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    for &(i, j) in pairs {
        let (Some(ours), Some(theirs)) = (gaps(src, i), gaps(parsed, j)) else {
            continue;
        };
        if ours.len() != theirs.len() {
            continue;
        }
        for (ours, theirs) in ours.into_iter().zip(theirs) {
            if base[theirs.clone()] != source[ours.clone()] {
                edits.push((theirs, source[ours].to_string()));
            }
        }
    }
    let ours = link_defs(source, src.body_offset);
    let inside = |r: &Range<usize>| {
        parsed
            .segments
            .iter()
            .any(|s| s.range.start < r.end && r.start < s.range.end)
    };
    for theirs in link_defs(base, parsed.body_offset) {
        let Some(def) = ours.iter().find(|d| d.label == theirs.label) else {
            continue;
        };
        let text = source[def.span.clone()].trim_end();
        let span =
            theirs.span.start..theirs.span.start + base[theirs.span.clone()].trim_end().len();
        if base[span.clone()] != *text && !inside(&span) {
            edits.push((span, text.to_string()));
        }
    }
    edits
}

/// What of image `i`'s Markdown is not the translator's: around its
/// description, and around its title when the title is a segment
/// (`![`, `](flow.svg "`, `")`). `None` when segment `i` is no image.
fn gaps(p: &Parsed, i: usize) -> Option<Vec<Range<usize>>> {
    let s = &p.segments[i];
    let frame = s.frame.as_ref()?;
    let mut cuts = vec![s.range.clone()];
    if let Some(t) = p.segments.get(i + 1).filter(|t| {
        t.kind == Kind::ImageTitle && t.range.start >= s.range.end && t.range.end <= frame.end
    }) {
        cuts.push(t.range.clone());
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut at = frame.start;
    for cut in cuts {
        out.push(at..cut.start);
        at = cut.end;
    }
    out.push(at..frame.end);
    Some(out)
}

/// Why the written page `out` (parsed as `back`) does not say what the
/// source says outside the translated text, if it does not.
pub fn differs(source: &str, src: &Parsed, out: &str, back: &Parsed) -> Option<String> {
    let images = |text: &str, p: &Parsed| -> Vec<String> {
        (0..p.segments.len())
            .filter_map(|i| {
                let parts: Vec<&str> = gaps(p, i)?.into_iter().map(|r| &text[r]).collect();
                Some(parts.join("…"))
            })
            .collect()
    };
    let (a, b) = (images(source, src), images(out, back));
    if let Some((x, _)) = a.iter().zip(&b).find(|(x, y)| x != y) {
        return Some(format!(
            "an image would not have the source's address and title `{x}`"
        ));
    }
    let theirs = link_defs(out, back.body_offset);
    for def in link_defs(source, src.body_offset) {
        let same =
            |d: &&LinkDef| d.label == def.label && d.dest == def.dest && d.title == def.title;
        if !theirs.iter().any(|d| same(&d)) {
            return Some(format!(
                "the page does not define the link [{}] as the source does (`{}`): copy that line from the source into the page",
                def.label,
                source[def.span.clone()].trim_end()
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_definitions_are_found_with_their_place() {
        let text = "---\ntitle: T\n---\nSee [x][a].\n\n[a]: https://example.net \"Ex\"\n";
        let defs = link_defs(text, 17);
        assert_eq!(defs.len(), 1);
        assert_eq!(defs[0].label, "a");
        assert_eq!(defs[0].dest, "https://example.net");
        assert_eq!(defs[0].title.as_deref(), Some("Ex"));
        assert!(text[defs[0].span.clone()].starts_with("[a]: https"));
    }
}
