//! What around a translated text is not the translator's, and so comes
//! from the source when a page is written: an image's address (around its
//! description, and around its title, which is translated when the image
//! is a paragraph of its own), and the link reference definitions
//! (`[label]: address "title"`) but for their titles, which are segments.
//! Without this, a page kept as the existing translation would keep an old
//! address while being stamped as translating the new source.

use super::fields::Parsed;
use super::link_defs::{LinkDef, link_defs};
use super::segments::Kind;
use std::ops::Range;

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
        // A title that is the translator's: the label and address up to
        // its opening delimiter are the source's.
        if let (Some(a), Some(b)) = (title_in(src, &def.span), title_in(parsed, &span)) {
            let (ours, theirs) = (def.span.start..a.start - 1, span.start..b.start - 1);
            if base[theirs.clone()] != source[ours.clone()] {
                edits.push((theirs, source[ours].to_string()));
            }
        } else if base[span.clone()] != *text && !inside(&span) {
            edits.push((span, text.to_string()));
        }
    }
    edits
}

/// The range of the link title segment inside a definition's `span`.
fn title_in(p: &Parsed, span: &Range<usize>) -> Option<Range<usize>> {
    p.segments
        .iter()
        .find(|s| {
            s.kind == Kind::LinkTitle && s.range.start >= span.start && s.range.end <= span.end
        })
        .map(|s| s.range.clone())
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
        // A title given to translators is theirs to change.
        let translated = title_in(src, &def.span).is_some();
        let same = |d: &&LinkDef| {
            d.label == def.label && d.dest == def.dest && (translated || d.title == def.title)
        };
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
