//! Pairs a translation's blocks with its source's when their structures
//! differ (a paragraph added to the source since, two that a translator
//! merged, a translation made in a word processor) and no earlier source
//! says which block changed. Words cannot be compared across languages,
//! so blocks pair by what a translation keeps: their kind, a heading's
//! id, the section they sit in, their numbers, link addresses and code,
//! and their length (against the page's). Without such a pairing the
//! translator would type the whole page again; with it, each block gets
//! a suggestion, always fuzzy, to check (see `units::compare`).

use super::segments::{Kind, Segment, best_pairs};
use std::collections::HashSet;
use std::ops::Range;

/// The most block pairs compared for one page: beyond it only blocks with
/// the same place pair, so a huge page costs time in proportion to it.
const MAX_COMPARED: usize = 250_000;

/// Characters added to both lengths compared.
const SLACK: f64 = 20.0;

/// How alike two blocks must look (0 to 1) to be offered as each other's
/// translation.
const ALIKE: f64 = 0.55;

/// Pairs of indices (source's, translation's) into the segments, in
/// order, of body blocks that look like each other's translation.
pub fn pairs(src: &[Segment], tr: &[Segment]) -> Vec<(usize, usize)> {
    let body =
        |p: &[Segment]| -> Vec<usize> { (0..p.len()).filter(|&i| !p[i].kind.keyed()).collect() };
    let (a, b) = (body(src), body(tr));
    let (fa, fb) = (Form::page(src, &a), Form::page(tr, &b));
    // How much longer the translation's language writes the same text.
    let total = |f: &[Form]| f.iter().map(|f| f.len).sum::<f64>().max(1.0);
    let scale = total(&fb) / total(&fa);
    if a.len() * b.len() > MAX_COMPARED {
        return a
            .iter()
            .zip(&b)
            .zip(fa.iter().zip(&fb))
            .filter(|(_, (x, y))| x.kind == y.kind && x.key == y.key)
            .map(|((&i, &j), _)| (i, j))
            .collect();
    }
    let shared: HashSet<&str> = {
        let left: HashSet<&str> = fa.iter().map(|f| f.section).collect();
        fb.iter()
            .map(|f| f.section)
            .filter(|s| left.contains(s))
            .collect()
    };
    let (ua, ub) = (units(&fa), units(&fb));
    // Pages this far apart are not one page edited: another page's text
    // put in its place, or a stub. Suggestions would be guesses.
    if ua.len().min(ub.len()) * 2 < ua.len().max(ub.len()) {
        return Vec::new();
    }
    let score = |x: usize, y: usize| -> Option<f64> {
        let (rx, ry) = (ua[x].clone(), ub[y].clone());
        if rx.len() != ry.len() {
            return None;
        }
        // A table row pairs with a row of as many cells, column by column.
        let n = rx.len() as f64;
        let cells = rx
            .zip(ry)
            .map(|(i, j)| alike(&fa[i], &fb[j], scale, &shared));
        let total = cells.map(|s| s.unwrap_or(0.0)).sum::<f64>() / n;
        (total >= ALIKE).then_some(total)
    };
    let mut out = Vec::new();
    for (x, y) in best_pairs(ua.len(), ub.len(), score) {
        out.extend(ua[x].clone().zip(ub[y].clone()).map(|(i, j)| (a[i], b[j])));
    }
    out
}

/// The blocks compared as one: each alone, but a table row's cells
/// together (ranges into `forms`).
fn units(forms: &[Form]) -> Vec<Range<usize>> {
    fn row<'a>(f: &Form<'a>) -> Option<&'a str> {
        match f.kind {
            Kind::TableCell => f.key.rfind(".c").map(|p| &f.key[..p]),
            _ => None,
        }
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, f) in forms.iter().enumerate() {
        match out.last_mut() {
            Some(last) if row(f).is_some() && row(f) == row(&forms[last.start]) => last.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// What a block keeps across languages.
struct Form<'a> {
    kind: Kind,
    key: &'a str,
    /// The key up to its first `/`: the heading id of its section.
    section: &'a str,
    /// Numbers, link and image addresses, code spans, in order.
    marks: Vec<String>,
    /// Its length in characters.
    len: f64,
}

impl<'a> Form<'a> {
    fn page(p: &'a [Segment], body: &[usize]) -> Vec<Form<'a>> {
        body.iter()
            .map(|&i| {
                let s = &p[i];
                let key = s.key.as_str();
                Form {
                    kind: s.kind,
                    key,
                    section: key.split('/').next().unwrap_or(""),
                    marks: marks(&s.text),
                    len: s.text.chars().count() as f64,
                }
            })
            .collect()
    }
}

/// How alike `x` and `y` look, when they could be each other's
/// translation at all; `scale`: the translation's length for one
/// character of the source, over the page.
fn alike(x: &Form, y: &Form, scale: f64, shared: &HashSet<&str>) -> Option<f64> {
    if x.kind != y.kind {
        return None;
    }
    // A section both pages have is the same section: a block does not
    // move out of it in translation.
    if x.section != y.section && shared.contains(x.section) && shared.contains(y.section) {
        return None;
    }
    if x.kind == Kind::Heading && x.key == y.key && x.key.starts_with('#') {
        return Some(2.0);
    }
    if x.kind == Kind::Fixed {
        return (x.marks == y.marks).then_some(1.0);
    }
    // Short texts vary most in length between languages ("24/7", "24 h/24").
    let (want, got) = (x.len * scale + SLACK, y.len + SLACK);
    let length = want.min(got) / want.max(got);
    let score = if x.marks.is_empty() && y.marks.is_empty() {
        length
    } else {
        (length + dice(&x.marks, &y.marks)) / 2.0
    };
    (score >= ALIKE).then_some(score)
}

/// Sørensen-Dice over two lists of marks.
fn dice(a: &[String], b: &[String]) -> f64 {
    let mut left: Vec<&String> = a.iter().collect();
    let mut common = 0;
    for m in b {
        if let Some(p) = left.iter().position(|l| *l == m) {
            left.swap_remove(p);
            common += 1;
        }
    }
    2.0 * common as f64 / (a.len() + b.len()).max(1) as f64
}

/// The marks of a block's Markdown: digit runs (any script's digits, as
/// ASCII), link and image addresses, code spans.
fn marks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut digits = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(d) = crate::content::values::dial_digit(c) {
            digits.push(d);
            continue;
        }
        if !digits.is_empty() {
            out.push(std::mem::take(&mut digits));
        }
        let rest = &text[i..];
        let (open, close) = match c {
            '`' => ('`', '`'),
            ']' if rest.starts_with("](") => ('(', ')'),
            _ => continue,
        };
        let start = i + if open == '(' { 2 } else { 1 };
        if let Some(len) = text[start..].find(close) {
            let inner = text[start..start + len]
                .split_whitespace()
                .next()
                .unwrap_or("");
            out.push(inner.to_string());
            while chars.peek().is_some_and(|&(j, _)| j <= start + len) {
                chars.next();
            }
        }
    }
    if !digits.is_empty() {
        out.push(digits);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translate::fields;

    /// Which translation text each source block of `src` gets from `tr`.
    fn paired(src: &str, tr: &str) -> Vec<(String, String)> {
        let (s, t) = (fields::parse(src).unwrap(), fields::parse(tr).unwrap());
        pairs(&s.segments, &t.segments)
            .into_iter()
            .map(|(i, j)| (s.segments[i].text.clone(), t.segments[j].text.clone()))
            .collect()
    }

    #[test]
    fn a_paragraph_added_to_the_source_pairs_with_nothing() {
        let src = "---\ntitle: T\n---\n\n## Why {#why}\n\nA new short line.\n\nNo organisation can meet every need of a person alone, whatever its size and its means.\n\nCall 112 in danger.\n";
        let tr = "---\ntitle: T\n---\n\n## Pourquoi {#why}\n\nAucune organisation ne peut répondre seule à tous les besoins d'une personne, quels que soient sa taille et ses moyens.\n\nAppelez le 112 en cas de danger.\n";
        let got = paired(src, tr);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert_eq!(got[0].1, "Pourquoi {#why}");
        assert!(got[1].0.starts_with("No organisation") && got[1].1.starts_with("Aucune"));
        assert!(got[2].0.starts_with("Call 112") && got[2].1.starts_with("Appelez"));
    }

    #[test]
    fn blocks_pair_only_within_their_own_section_and_kind() {
        let src = "---\ntitle: T\n---\n\n## One {#one}\n\n- First item here.\n\n## Two {#two}\n\nA paragraph of the second section.\n";
        let tr = "---\ntitle: T\n---\n\n## Un {#one}\n\nUn paragraphe de la première section.\n\n## Deux {#two}\n\n- Premier élément.\n";
        let got = paired(src, tr);
        let texts: Vec<&str> = got.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(texts, ["One {#one}", "Two {#two}"], "{got:#?}");
    }

    #[test]
    fn a_page_of_half_as_many_blocks_gets_no_suggestion() {
        let src = "---\ntitle: T\n---\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n";
        let tr = "---\ntitle: T\n---\n\nUn.\n\nDeux.\n";
        assert_eq!(paired(src, tr), []);
        let tr = "---\ntitle: T\n---\n\nUn.\n\nDeux.\n\nTrois.\n";
        assert_eq!(paired(src, tr).len(), 3);
    }

    #[test]
    fn numbers_and_addresses_tell_blocks_apart() {
        let src = "---\ntitle: T\n---\n\nSee [the form](form.pdf) before you start.\n\nCall 0800 123 456 at any hour, day or night, for help.\n";
        let tr =
            "---\ntitle: T\n---\n\nAppelez le ٠٨٠٠ ١٢٣ ٤٥٦ à toute heure, de jour comme de nuit.\n";
        let got = paired(src, tr);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert!(got[0].0.starts_with("Call"));
        assert_eq!(marks("[a](b.pdf \"t\") `x` 12"), ["b.pdf", "x", "12"]);
    }
}
