//! The translatable blocks of a page body, found in pulldown-cmark's event
//! stream with their byte ranges: headings, paragraphs, list-item text,
//! table cells and image descriptions. Each gets a key made of its place in
//! the structure (the section it sits in, then its path through lists,
//! callouts and tables), so an edit elsewhere in the page leaves it alone.
//!
//! Code and HTML blocks are kept as `Fixed` segments: never translated, but
//! copied from the source when a page is written back.
//!
//! `walk` finds them in the event stream; `keys` names their places;
//! `align` matches an earlier version's blocks with today's.

use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Title,
    Summary,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
    AltText,
    /// The title of an image that is a paragraph of its own, shown when a
    /// reader points at it: plain text, as read (Markdown escapes undone).
    ImageTitle,
    /// The title a link reference definition gives its links
    /// (`[form]: forms/consent.pdf "The consent form, printable"`), shown
    /// when a reader points at one: plain text, as read.
    LinkTitle,
    /// An HTML block with text (a `<table>` pandoc wrote for a Word table
    /// with merged cells, `<details>`): its text is translated between its
    /// tags, which must stay as they are.
    Html,
    /// A code block, or an HTML block without text (a comment, `<br>`):
    /// copied from the source, never translated.
    Fixed,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "page title",
            Kind::Summary => "page summary",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::ListItem => "list item",
            Kind::TableCell => "table cell",
            Kind::AltText => "image description (alt text)",
            Kind::ImageTitle => "image title",
            Kind::LinkTitle => "link title",
            Kind::Html => "HTML block",
            Kind::Fixed => "code block",
        }
    }

    /// Paired with an earlier or translated page's segment by its key, not
    /// by its place among the blocks: the front matter's fields, and link
    /// titles, whose definitions a translation may lack (its links written
    /// inline) with its blocks still pairing.
    pub fn keyed(self) -> bool {
        matches!(self, Kind::Title | Kind::Summary | Kind::LinkTitle)
    }

    /// Text that must stay on one line.
    pub fn one_line(self) -> bool {
        matches!(
            self,
            Kind::Title
                | Kind::Summary
                | Kind::Heading
                | Kind::TableCell
                | Kind::AltText
                | Kind::ImageTitle
                | Kind::LinkTitle
        )
    }
}

#[derive(Debug, Clone)]
pub struct Segment {
    /// Place in the page, e.g. `#safe-space/list1.3`, `/p1`, `/title`.
    pub key: String,
    pub kind: Kind,
    /// What the translator sees: the Markdown of the block, with the
    /// container prefixes (`> `, list indentation) of its later lines removed.
    pub text: String,
    /// Where the text sits in the file.
    pub range: Range<usize>,
    /// The heading (index into the segments) it sits under.
    pub under: Option<usize>,
    /// For an image description: the whole image, `![…](address "title")`.
    /// What is around the description is not the translator's: a page is
    /// written with the source's.
    pub frame: Option<Range<usize>>,
}

/// A page body cut into segments, with its block structure.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    pub segments: Vec<Segment>,
    /// One token per block (kind, level, id, callout type, task state...):
    /// two pages pair block for block only when these are equal.
    pub shape: Vec<String>,
}
/// The text of a block as a translator sees it: its later lines without
/// the container prefixes (`> ` per quote level, indentation), no CRs.
pub fn clean(raw: &str, quotes: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    for (i, line) in raw.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if i == 0 {
            out.push_str(line);
            continue;
        }
        out.push('\n');
        out.push_str(strip_prefix(line, quotes));
    }
    out
}

/// A later line of a block without its container prefix.
pub fn strip_prefix(line: &str, quotes: usize) -> &str {
    let mut rest = line;
    for _ in 0..quotes {
        let t = rest.trim_start_matches([' ', '\t']);
        match t.strip_prefix('>') {
            Some(r) => rest = r.strip_prefix(' ').unwrap_or(r),
            None => break,
        }
    }
    rest.trim_start_matches([' ', '\t'])
}

/// The most block pairs compared in one stretch between blocks that did
/// not change (old blocks x new blocks): beyond it, a stretch is paired
/// place by place, so a large page costs time in proportion to its size.
const MAX_COMPARED: usize = 4096;

/// How alike two blocks' texts must be (Sørensen-Dice on character pairs)
/// for one to count as the other edited, where blocks were also added or
/// removed nearby.
const ALIKE: f64 = 0.5;

/// For each of `new`'s segments, the one of `old` it is a later version
/// of, if any. Blocks whose text did not change anchor the match (those
/// whose text is in each page once, kept in order: patience diffing, so
/// n log n); between two anchors, as many blocks on each side are paired
/// in order, and otherwise a block pairs only with one of its kind whose
/// text is alike. A block added (or removed) thus pairs with nothing,
/// and its neighbours keep their partners. Title, summary and link titles
/// pair by key.
pub fn align<'a>(old: &'a [Segment], new: &'a [Segment]) -> Vec<Option<usize>> {
    let mut out = vec![None; new.len()];
    let fields = |s: &Segment| s.kind.keyed();
    for (i, s) in new.iter().enumerate().filter(|(_, s)| fields(s)) {
        out[i] = old.iter().position(|o| o.key == s.key);
    }
    let body = |p: &[Segment]| -> Vec<usize> { (0..p.len()).filter(|&i| !fields(&p[i])).collect() };
    let (ob, nb) = (body(old), body(new));
    let texts = |p: &'a [Segment], idx: &[usize]| -> Vec<&'a str> {
        idx.iter().map(|&i| p[i].text.as_str()).collect()
    };
    let (ot, nt) = (texts(old, &ob), texts(new, &nb));
    let mut anchors = anchors(&ot, &nt);
    anchors.push((ob.len(), nb.len()));
    let (mut o0, mut n0) = (0, 0);
    for (oa, na) in anchors {
        for (o, n) in gap(old, new, &ob[o0..oa], &nb[n0..na]) {
            out[n] = Some(o);
        }
        if na < nb.len() {
            out[nb[na]] = Some(ob[oa]);
        }
        (o0, n0) = (oa + 1, na + 1);
    }
    out
}

/// Positions (old, new) of texts found once on each side, the longest run
/// of them in the same order on both.
fn anchors(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    // Per text: how often and where in the old page, then in the new.
    let mut seen: HashMap<&str, [usize; 4]> = HashMap::new();
    for (i, t) in old.iter().enumerate() {
        seen.entry(t).or_insert([0, i, 0, 0])[0] += 1;
    }
    for (j, t) in new.iter().enumerate() {
        if let Some(e) = seen.get_mut(t) {
            e[2] += 1;
            e[3] = j;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .values()
        .filter(|e| e[0] == 1 && e[2] == 1)
        .map(|e| (e[1], e[3]))
        .collect();
    pairs.sort_by_key(|&(_, j)| j);
    longest_increasing(&pairs)
}

/// The longest subsequence of `pairs` (sorted by new position) whose old
/// positions increase, in n log n.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index in `pairs` of the smallest end of a run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; pairs.len()];
    for (p, &(o, _)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].0 < o);
        if k > 0 {
            prev[p] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(p);
        } else {
            tails[k] = p;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(p) = at {
        run.push(pairs[p]);
        at = (prev[p] != usize::MAX).then(|| prev[p]);
    }
    run.reverse();
    run
}

/// Pairs the blocks between two anchors: in order when both sides have as
/// many, of the same kinds (blocks edited in place); otherwise the pairing
/// of alike blocks of one kind, in order, that is alike the most.
fn gap(old: &[Segment], new: &[Segment], o: &[usize], n: &[usize]) -> Vec<(usize, usize)> {
    if o.is_empty() || n.is_empty() {
        return Vec::new();
    }
    let same_kinds =
        o.len() == n.len() && o.iter().zip(n).all(|(&a, &b)| old[a].kind == new[b].kind);
    if same_kinds || o.len() * n.len() > MAX_COMPARED {
        return o
            .iter()
            .zip(n)
            .filter(|&(&a, &b)| old[a].kind == new[b].kind)
            .map(|(&a, &b)| (a, b))
            .collect();
    }
    let alike = |a: usize, b: usize| -> Option<f64> {
        let (a, b) = (&old[o[a]], &new[n[b]]);
        let score = strsim::sorensen_dice(&a.text, &b.text);
        (a.kind == b.kind && score >= ALIKE).then_some(score)
    };
    best_pairs(o.len(), n.len(), alike)
        .into_iter()
        .map(|(a, b)| (o[a], n[b]))
        .collect()
}

/// The pairs (x, y), in order on both sides, whose total score is the
/// highest; `score` is `None` for two that cannot pair. Each score is
/// asked for once.
pub fn best_pairs(
    n: usize,
    m: usize,
    score: impl Fn(usize, usize) -> Option<f64>,
) -> Vec<(usize, usize)> {
    // best[x][y]: the best total over x.. and y..
    let w = m + 1;
    let mut best = vec![0.0f64; (n + 1) * w];
    let mut scores = vec![None; n * m];
    for x in (0..n).rev() {
        for y in (0..m).rev() {
            let s = score(x, y);
            scores[x * m + y] = s;
            let skip = best[(x + 1) * w + y].max(best[x * w + y + 1]);
            let take = s.map_or(f64::MIN, |s| s + best[(x + 1) * w + y + 1]);
            best[x * w + y] = skip.max(take);
        }
    }
    let mut out = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < n && y < m {
        match scores[x * m + y] {
            Some(s) if best[x * w + y] == s + best[(x + 1) * w + y + 1] => {
                out.push((x, y));
                (x, y) = (x + 1, y + 1);
            }
            _ if best[x * w + y] == best[(x + 1) * w + y] => x += 1,
            _ => y += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(texts: &[&str]) -> Vec<Segment> {
        let mut out = vec![Segment {
            key: "/title".into(),
            kind: Kind::Title,
            text: "T".into(),
            range: 0..0,
            under: None,
            frame: None,
        }];
        out.extend(texts.iter().enumerate().map(|(i, t)| Segment {
            key: format!("/list1.{}", i + 1),
            kind: if t.starts_with('#') {
                Kind::Heading
            } else {
                Kind::ListItem
            },
            text: (*t).into(),
            range: 0..0,
            under: None,
            frame: None,
        }));
        out
    }

    #[test]
    fn an_added_or_removed_block_pairs_with_nothing() {
        let old = page(&["# H", "Alpha one", "Beta two", "Gamma three"]);
        // Inserted: its neighbours keep their partners.
        let new = page(&["# H", "Alpha one", "New item", "Beta two", "Gamma three"]);
        let at = align(&old, &new);
        assert_eq!(at, [Some(0), Some(1), Some(2), None, Some(3), Some(4)]);
        // Removed, and a neighbour edited: the edit pairs with its earlier text.
        let new = page(&["# H", "Alpha one", "Gamma three, edited"]);
        assert_eq!(align(&old, &new), [Some(0), Some(1), Some(2), Some(4)]);
        // Edited in place: paired however different the text.
        let new = page(&["# H", "Alpha one", "Something else", "Gamma three"]);
        assert_eq!(
            align(&old, &new),
            [Some(0), Some(1), Some(2), Some(3), Some(4)]
        );
        // Added and edited beside it: the edit finds its earlier text.
        let new = page(&["# H", "Alpha one", "Zzz qqq", "Beta two!", "Gamma three"]);
        assert_eq!(
            align(&old, &new),
            [Some(0), Some(1), Some(2), None, Some(3), Some(4)]
        );
    }

    #[test]
    fn a_large_page_is_aligned_without_comparing_every_pair() {
        // Every block rewritten and one added, on a large page: paired in
        // place, not compared each with every other (which would not end).
        let n = 20_000;
        let old: Vec<String> = (0..n).map(|i| format!("old {i}")).collect();
        let new: Vec<String> = (0..=n).map(|i| format!("new {i}")).collect();
        let refs = |v: &[String]| -> Vec<Segment> {
            page(&v.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let (old, new) = (refs(&old), refs(&new));
        let at = align(&old, &new);
        assert_eq!(at.iter().flatten().count(), n + 1);
    }

    #[test]
    fn later_lines_lose_their_container_prefix() {
        assert_eq!(clean("One\r\n> > two\n>three", 2), "One\ntwo\nthree");
        assert_eq!(clean("Item\n     more", 0), "Item\nmore");
    }
}
