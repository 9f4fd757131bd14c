//! What a translator sees for one page in one language: each source
//! segment with its translation (if any) and its state.
//!
//! An existing translation pairs with its source block for block only when
//! their structures are equal; otherwise its blocks are not guessed at. A
//! stale translation is compared with the source it was made from (see
//! `history`): segments whose source text changed come out fuzzy, with the
//! earlier text, and the rest stay translated.

use super::fields::{self, Parsed};
use super::history::History;
use super::segments::Kind;
use crate::config::LangId;
use crate::content::front_matter::Kind as PubKind;
use crate::content::load::SourceFile;
use crate::content::model::{NodeId, Site};
use crate::translation::{Status, status};
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Translated,
    /// Translated once, but the source changed since (or nobody confirmed
    /// the translation matches it).
    Fuzzy,
    Untranslated,
}

#[derive(Debug, Clone)]
pub struct Unit {
    /// Page and place, e.g. `01-preparing#safe-space/list1.3`.
    pub key: String,
    pub kind: Kind,
    pub source: String,
    pub translation: String,
    pub state: State,
    /// For a fuzzy unit: the source text the translation was made from.
    pub previous: Option<String>,
    pub notes: Vec<String>,
    /// 1-based line of the source text in its file.
    pub source_line: usize,
}

/// One page's units, and what is needed to write it back.
#[derive(Debug)]
pub struct PageUnits {
    pub node: NodeId,
    /// Position of the page in its publication, e.g. `02-part/index`.
    pub page: String,
    pub source_rel: PathBuf,
    /// The translation: the existing file, or the one to create.
    pub target_rel: PathBuf,
    pub units: Vec<Unit>,
    /// The error of a translation file that is there but the site cannot
    /// read (see `unreadable`): its page is not replaced.
    pub unreadable: Option<crate::diagnostics::Diagnostic>,
}

/// Counts of a page's translatable segments, for `status`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SegmentCounts {
    pub translated: usize,
    pub changed: usize,
    pub missing: usize,
}

impl PageUnits {
    pub fn counts(&self) -> SegmentCounts {
        let mut c = SegmentCounts::default();
        for u in &self.units {
            match u.state {
                State::Translated => c.translated += 1,
                State::Fuzzy => c.changed += 1,
                State::Untranslated => c.missing += 1,
            }
        }
        c
    }
}

/// The page's key inside its publication: folder and stem, no language.
pub fn page_key(site: &Site, node: NodeId) -> String {
    let n = &site.nodes[node];
    let root = &site.nodes[n.publication].dir;
    let dir = n.dir.strip_prefix(root).unwrap_or(&n.dir);
    let mut key = crate::diagnostics::display_path(dir);
    if !key.is_empty() {
        key.push('/');
    }
    key.push_str(&n.stem);
    key
}

/// A segment's text and state in the translation, per source segment.
type Paired = Vec<(String, State, Option<String>)>;

/// Pairs `b`'s segments with `a`'s: the front matter's fields and link
/// titles by key, the body block for block when the structures are equal. Indices into the
/// segments, `a`'s first.
pub fn pair(a: &Parsed, b: &Parsed) -> (Vec<(usize, usize)>, bool) {
    let mut out = Vec::new();
    for (i, s) in a.segments.iter().enumerate() {
        if s.kind.keyed()
            && let Some(j) = b.segments.iter().position(|t| t.key == s.key)
        {
            out.push((i, j));
        }
    }
    let same = a.shape == b.shape;
    if same {
        let body = |p: &Parsed| -> Vec<usize> {
            (0..p.segments.len())
                .filter(|&i| !p.segments[i].kind.keyed())
                .collect()
        };
        out.extend(body(a).into_iter().zip(body(b)));
    }
    (out, same)
}

/// The units of `node` in language `lang`. `None` when the page has no
/// source or it cannot be read.
pub fn page(site: &Site, node: NodeId, lang: LangId, history: &History) -> Option<PageUnits> {
    let n = &site.nodes[node];
    // A translation standing in for a source that cannot be read is no
    // text to translate from.
    if site.source_unreadable(node) {
        return None;
    }
    let src_doc = site.doc(n.docs[n.source_lang]?);
    let src = fields::parse(&src_doc.file.text)?;
    // A local edition writes translations in its own folder, never its base's.
    let target_rel = match n.docs[lang].map(|d| &site.doc(d).file) {
        Some(f) if !f.from_base => f.rel.clone(),
        _ => std::path::Path::new(crate::content::load::CONTENT_DIR)
            .join(&n.dir)
            .join(format!(
                "{}.{}.md",
                n.stem, site.config.languages[lang].code
            )),
    };
    let untranslated = || vec![(String::new(), State::Untranslated, None); src.segments.len()];
    let st = status(site, node, lang);
    let (paired, note) = match n.docs[lang] {
        None => (untranslated(), None),
        Some(t) => {
            let doc = site.doc(t);
            match fields::parse(&doc.file.text) {
                None => (untranslated(), None),
                Some(tr) => {
                    let recorded = doc.fm.translation_of.as_deref();
                    compare(&src, &tr, st, recorded, (&src_doc.file, &doc.file), history)
                }
            }
        }
    };
    let lines = crate::text::LineIndex::new(&src_doc.file.text);
    let pocket = site.publication_kind(node) == PubKind::PocketGuide;
    let page = page_key(site, node);
    let mut units = Vec::new();
    for (i, seg) in src.segments.iter().enumerate() {
        if seg.kind == Kind::Fixed {
            continue;
        }
        let (translation, state, previous) = paired[i].clone();
        let mut notes = base_notes(&src, i, pocket);
        if state == State::Fuzzy && previous.is_none() {
            notes.push(fuzzy_note(st).into());
        }
        if let Some(n) = &note {
            notes.push(n.clone());
        }
        units.push(Unit {
            key: format!("{page}{}", seg.key),
            kind: seg.kind,
            source: seg.text.clone(),
            translation,
            state,
            previous,
            notes,
            source_line: lines.locate(&src_doc.file.text, seg.range.start).0 + 1,
        });
    }
    let unreadable = super::unreadable::error(site, history.root(), node, lang, &target_rel);
    Some(PageUnits {
        node,
        page,
        source_rel: src_doc.file.rel.clone(),
        target_rel,
        units,
        unreadable,
    })
}

/// Why a fuzzy unit with no earlier source text is fuzzy, by its page's
/// status: never confirmed against its source, or made for an earlier
/// source that was not found.
fn fuzzy_note(st: Status) -> &'static str {
    match st {
        Status::Untracked | Status::Missing => {
            "This translation was never confirmed against its source (its page was never stamped): check that it says what the source says."
        }
        _ => {
            "The source changed since this was translated; its earlier text was not found (see README, \"Working with translators\"): compare with the source."
        }
    }
}

/// Whether note `n` is one [`fuzzy_note`] writes.
pub fn is_fuzzy_note(n: &str) -> bool {
    [Status::Untracked, Status::Stale]
        .iter()
        .any(|&st| n == fuzzy_note(st))
}

/// The note on every unit of a page whose translation's blocks do not
/// match its source's.
const NOT_MATCHING: &str = "The existing translation's blocks do not match the source's (a block was added, removed, merged or moved), so its blocks were matched to the source's by their place and form, not their words: check that each suggestion translates its block, and translate the blocks left empty.";

/// Pairs an existing translation with the source, by its status.
fn compare(
    src: &Parsed,
    tr: &Parsed,
    st: Status,
    recorded: Option<&str>,
    // The source page and the translation's.
    (src_file, tr_file): (&SourceFile, &SourceFile),
    history: &History,
) -> (Paired, Option<String>) {
    let mut out = vec![(String::new(), State::Untranslated, None); src.segments.len()];
    let (pairs, same) = pair(src, tr);
    // Blocks of a translation whose structure differs are matched by their
    // form: suggestions only, so never more than fuzzy.
    let guessed = match same {
        true => Vec::new(),
        false => super::by_form::pairs(&src.segments, &tr.segments),
    };
    let note = (!same).then(|| NOT_MATCHING.to_string());
    let fill = |out: &mut Paired, state: State| {
        for &(i, j) in &pairs {
            out[i] = (tr.segments[j].text.clone(), state, None);
        }
        for &(i, j) in &guessed {
            out[i] = (tr.segments[j].text.clone(), State::Fuzzy, None);
        }
    };
    match st {
        Status::UpToDate | Status::Source => fill(&mut out, State::Translated),
        Status::Untracked | Status::Missing => fill(&mut out, State::Fuzzy),
        Status::Stale => {
            let old = recorded
                .and_then(|h| history.find_for(src_file, tr_file, h))
                .and_then(|(text, _)| fields::parse(&text));
            match old {
                Some(old) if pair(&old, tr).1 => {
                    by_old_source(src, tr, &old, &mut out);
                    return (out, None);
                }
                _ => fill(&mut out, State::Fuzzy),
            }
        }
    }
    (out, note)
}

/// A stale translation whose earlier source was found: each source segment
/// finds its earlier version by aligning the two versions (see
/// `segments::align`); unchanged ones stay translated, changed ones become
/// fuzzy with the earlier text, and blocks added since are untranslated.
fn by_old_source(src: &Parsed, tr: &Parsed, old: &Parsed, out: &mut Paired) {
    let (pairs, _) = pair(old, tr);
    let mut translation_of: Vec<Option<&str>> = vec![None; old.segments.len()];
    for &(o, t) in &pairs {
        translation_of[o] = Some(tr.segments[t].text.as_str());
    }
    // The same source text elsewhere in the page (a block that moved)
    // keeps its translation: that is a match, not a guess.
    let mut by_text: HashMap<&str, Option<&str>> = HashMap::new();
    for &(o, t) in &pairs {
        by_text
            .entry(old.segments[o].text.as_str())
            .and_modify(|v| {
                if *v != Some(tr.segments[t].text.as_str()) {
                    *v = None;
                }
            })
            .or_insert(Some(tr.segments[t].text.as_str()));
    }
    let earlier = super::segments::align(&old.segments, &src.segments);
    for (i, s) in src.segments.iter().enumerate() {
        let was =
            earlier[i].and_then(|o| Some((old.segments[o].text.as_str(), translation_of[o]?)));
        out[i] = match (was, by_text.get(s.text.as_str())) {
            (Some((o, t)), _) if o == s.text => (t.to_string(), State::Translated, None),
            (_, Some(Some(t))) => (t.to_string(), State::Translated, None),
            (Some((o, t)), _) => (t.to_string(), State::Fuzzy, Some(o.to_string())),
            (None, _) => (String::new(), State::Untranslated, None),
        };
    }
}

/// What every unit's note says: where it is, and what to keep.
fn base_notes(src: &Parsed, i: usize, pocket: bool) -> Vec<String> {
    let seg = &src.segments[i];
    let mut notes = Vec::new();
    if let Some(title) = src.title() {
        notes.push(format!("Page: {title}"));
    }
    if let Some(h) = seg.under {
        notes.push(format!(
            "Under the heading: {}",
            heading_text(&src.segments[h].text)
        ));
    }
    let what = match seg.kind {
        Kind::Heading if seg.key.starts_with('#') || seg.text.trim_end().ends_with('}') => {
            "Heading. Keep the {#id} at its end unchanged: links point to it.".to_string()
        }
        Kind::Heading => {
            let ids =
                super::anchors::source_ids(src.segments.iter().map(|s| (s.kind, s.text.as_str())));
            match &ids[i] {
                Some(id) => format!(
                    "Heading. Links point to it as #{id}: import keeps that anchor, adding {{#{id}}} to the translation where needed."
                ),
                None => "Heading.".to_string(),
            }
        }
        Kind::TableCell => "Table cell.".to_string(),
        Kind::AltText => "Describes an image for people who cannot see it.".to_string(),
        Kind::ImageTitle => {
            "Title of the image above: shown when a reader points at it. Plain text.".to_string()
        }
        Kind::LinkTitle => {
            "Title of a link, given where the page defines it (`[label]: address \"title\"`): shown when a reader points at the link. Plain text.".to_string()
        }
        Kind::Html => {
            "HTML block. Translate the text between the tags; keep every tag (<…>) as it is, and no blank line.".to_string()
        }
        k => format!("{}{}.", k.name()[..1].to_uppercase(), &k.name()[1..]),
    };
    notes.push(what);
    if pocket {
        notes.push(format!(
            "Pocket guide: space is tight; keep it about as short as the source ({} characters).",
            seg.text.chars().count()
        ));
    }
    notes
}

/// A heading's text without its `{#id}`.
fn heading_text(text: &str) -> &str {
    let t = text.trim_end();
    match t.rfind(" {") {
        Some(p) if t.ends_with('}') => t[..p].trim_end(),
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "---\ntitle: T\n---\n\n- Alpha one.\n- Beta two.\n- Gamma three.\n";
    const TR: &str = "---\ntitle: Té\n---\n\n- Alpha un.\n- Bêta deux.\n- Gamma trois.\n";

    /// Each segment's translation and state, `new` against `OLD`.
    fn stale(new: &str) -> Vec<(String, State, Option<String>)> {
        let [src, tr, old] = [new, TR, OLD].map(|t| fields::parse(t).unwrap());
        let mut out = vec![(String::new(), State::Untranslated, None); src.segments.len()];
        by_old_source(&src, &tr, &old, &mut out);
        out
    }

    fn done(t: &str) -> (String, State, Option<String>) {
        (t.into(), State::Translated, None)
    }

    #[test]
    fn a_block_added_is_missing_and_its_neighbours_keep_their_translations() {
        let got =
            stale("---\ntitle: T\n---\n\n- Alpha one.\n- New.\n- Beta two.\n- Gamma three.\n");
        let missing = (String::new(), State::Untranslated, None);
        let want = [done("Té"), done("Alpha un."), missing];
        assert_eq!(got[..3], want);
        assert_eq!(got[3..], [done("Bêta deux."), done("Gamma trois.")]);
    }

    #[test]
    fn a_fuzzy_note_says_why() {
        assert!(fuzzy_note(Status::Untracked).contains("never confirmed"));
        assert!(!fuzzy_note(Status::Untracked).contains("changed"));
        assert!(fuzzy_note(Status::Stale).starts_with("The source changed"));
    }

    #[test]
    fn a_block_removed_leaves_the_others_translated_and_an_edit_fuzzy() {
        let got = stale("---\ntitle: T\n---\n\n- Alpha one.\n- Gamma three, edited.\n");
        let fuzzy = (
            "Gamma trois.".to_string(),
            State::Fuzzy,
            Some("Gamma three.".to_string()),
        );
        assert_eq!(got, [done("Té"), done("Alpha un."), fuzzy]);
    }
}
