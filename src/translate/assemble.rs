//! Writing a translated page back. The existing translation is the
//! template when its blocks pair with the source's (so everything a
//! translator did not touch keeps its bytes); otherwise the source is, with
//! the translation's own front matter if it has one. Each segment's range
//! is replaced only when its text changed, code blocks come from the
//! source, and `translation_of:` records the source's hash.

use super::fields::{self, Parsed, yaml_value};
use super::segments::Kind;
use super::units::pair;
use std::ops::Range;

/// A page to write: the source, the existing translation, and the
/// translated text of each source segment (by index; ignored for code).
pub struct Job<'a> {
    pub source: &'a str,
    pub existing: Option<&'a str>,
    pub translations: &'a [String],
    pub hash: &'a str,
}

/// Why a page cannot be written: the segment (index into the source's)
/// whose translation cannot be placed faithfully, when one can be named.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    pub segment: Option<usize>,
    pub why: String,
}

impl From<&str> for Failure {
    fn from(why: &str) -> Self {
        Failure {
            segment: None,
            why: why.to_string(),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.why)
    }
}

/// The translated page's text.
pub fn assemble(job: &Job) -> Result<String, Failure> {
    let failure = match place(job) {
        Ok(out) => return Ok(out),
        Err(f) if f.segment.is_some() => return Err(f),
        Err(f) => f,
    };
    // The page's structure changed: find the translation that does it, by
    // placing each changed one alone (only on failure, so the cost is
    // paid only then).
    let Some(src) = fields::parse(job.source) else {
        return Err(failure);
    };
    for (i, seg) in src.segments.iter().enumerate() {
        if seg.kind == Kind::Fixed {
            continue;
        }
        let mut alone: Vec<String> = src.segments.iter().map(|s| s.text.clone()).collect();
        alone[i] = job.translations[i].clone();
        let one = Job {
            existing: None,
            translations: &alone,
            ..*job
        };
        if let Err(f) = place(&one) {
            return Err(Failure {
                segment: Some(i),
                why: f.why,
            });
        }
    }
    Err(failure)
}

fn place(job: &Job) -> Result<String, Failure> {
    let src = fields::parse(job.source).ok_or("the source page has no front matter")?;
    let existing = job.existing.and_then(|t| fields::parse(t).map(|p| (t, p)));
    // A translation whose links are written inline may lack a definition
    // whose title is to be placed: the source's body is the template then.
    let titled = |p: &Parsed| {
        (src.segments.iter().filter(|s| s.kind == Kind::LinkTitle))
            .all(|s| p.segments.iter().any(|t| t.key == s.key))
    };
    let base: String = match &existing {
        Some((t, p)) if p.shape == src.shape && titled(p) => t.to_string(),
        Some((t, p)) => format!("{}{}", &t[..p.body_offset], &job.source[src.body_offset..]),
        None => job.source.to_string(),
    };
    let parsed = fields::parse(&base).ok_or("the page's front matter cannot be read")?;
    let (pairs, same) = pair(&src, &parsed);
    if !same {
        return Err("the page's blocks do not line up with the source's".into());
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (i, seg) in src.segments.iter().enumerate() {
        let here = pairs
            .iter()
            .find(|p| p.0 == i)
            .map(|p| &parsed.segments[p.1]);
        let new = normalise(&job.translations[i]);
        match (seg.kind, here) {
            // A code block is the source's, in the page's own line breaks
            // (a translation saved with CRLF keeps them).
            (Kind::Fixed, Some(h)) if h.text.replace('\r', "") != seg.text.replace('\r', "") => {
                let nl = newline(&base, h.range.start);
                let text = seg.text.replace("\r\n", "\n").replace('\n', nl);
                edits.push((h.range.clone(), text));
            }
            (Kind::Fixed, _) => {}
            (Kind::Title | Kind::Summary, None) => {
                let key = &seg.key[1..];
                let nl = newline(&base, parsed.fm_close);
                let at = parsed.fm_close;
                edits.push((at..at, format!("{key}: {}{nl}", yaml_value(&new))));
            }
            (_, None) => return Err(format!("no place for segment {}", seg.key).as_str().into()),
            (_, Some(h)) if h.text == new => {}
            (Kind::Title | Kind::Summary, Some(h)) => {
                edits.push((h.range.clone(), format!(" {}", yaml_value(&new))));
            }
            (Kind::ImageTitle | Kind::LinkTitle, Some(h)) => {
                let close = base[h.range.end..].chars().next();
                edits.push((h.range.clone(), escape_title(&new, close)));
            }
            (_, Some(h)) => edits.push((h.range.clone(), render(&new, &base, &h.range))),
        }
    }
    edits.extend(super::frames::from_source(
        job.source, &src, &base, &parsed, &pairs,
    ));
    edits.sort_by_key(|e| e.0.start);
    let mut out = base.clone();
    for (range, text) in edits.into_iter().rev() {
        out.replace_range(range, &text);
    }
    let out = stamp(out, job.hash)?;
    verify(job.source, &src, &out, job.translations)?;
    Ok(out)
}

/// Records the source's hash in `translation_of:`, as `fieldguide stamp`
/// does: that one line changes, or is added before the closing `---`.
fn stamp(mut text: String, hash: &str) -> Result<String, Failure> {
    let p = fields::parse(&text).ok_or("the page's front matter cannot be read")?;
    match fields::value_range(&text, p.fm_start..p.fm_close, "translation_of") {
        Some(r) => text.replace_range(r, &format!(" {hash}")),
        None => {
            let nl = newline(&text, p.fm_close);
            text.insert_str(p.fm_close, &format!("translation_of: {hash}{nl}"));
        }
    }
    Ok(text)
}

/// A translation as it is placed: no CRs, no blank edges. A lone CR (a
/// PO `\r`, an XLIFF `&#13;`, a line break from an old Mac tool) is a line
/// break, as Markdown reads it, so it gets the checks a line break gets.
pub fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

/// Whether a file's source text is the block's: a tool may re-wrap it or
/// collapse its line breaks (an XLIFF editor that ignores `xml:space`),
/// which Markdown reads alike, and that is no change to translate.
pub fn same_source(file: &str, site: &str) -> bool {
    file.split_whitespace().eq(site.split_whitespace())
}

/// A source text as [`same_source`] compares it, words joined by single
/// spaces: a key for finding a block by its source, however re-wrapped.
pub fn source_words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A translated block as it is placed: [`normalise`]d, and for body text
/// without the indentation of its later lines, which Markdown ignores in
/// a block's continuation lines (and a translator's tool may add). The
/// page's own prefix (`> `, a list's indentation) is put back on writing.
pub fn placed(kind: Kind, text: &str) -> String {
    let text = normalise(text);
    if matches!(kind, Kind::Title | Kind::Summary | Kind::Fixed) || !text.contains('\n') {
        return text;
    }
    text.split('\n')
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l
            } else {
                l.trim_start_matches([' ', '\t'])
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn newline(text: &str, at: usize) -> &'static str {
    let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
    if text[..line_end].ends_with('\r') {
        "\r\n"
    } else {
        "\n"
    }
}

/// A block's new text in place: its later lines get the container prefix
/// of its first line (`> ` kept, list markers turned into spaces).
fn render(new: &str, text: &str, range: &Range<usize>) -> String {
    let line_start = text[..range.start].rfind('\n').map_or(0, |p| p + 1);
    let prefix: String = text[line_start..range.start]
        .chars()
        .map(|c| {
            if matches!(c, '>' | ' ' | '\t') {
                c
            } else {
                ' '
            }
        })
        .collect();
    let nl = newline(text, range.end);
    new.split('\n')
        .collect::<Vec<_>>()
        .join(&format!("{nl}{prefix}"))
}

/// An image title as Markdown reads it back between its delimiter `close`
/// (`"`, `'` or `)`): the delimiter escaped (`l'enfant` in `'…'`), and a
/// backslash or `&` that would start an escape or an entity.
fn escape_title(title: &str, close: Option<char>) -> String {
    let mut out = String::with_capacity(title.len() + 4);
    let mut chars = title.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let escape = match c {
            '\\' => next.is_some_and(|n| n.is_ascii_punctuation()),
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '(' => close == Some(')'),
            c => Some(c) == close,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Reads the written page back: the same structure as the source and each
/// segment's text as translated, or the page is not written.
fn verify(source: &str, src: &Parsed, out: &str, translations: &[String]) -> Result<(), Failure> {
    let back = fields::parse(out).ok_or("the written page cannot be read back")?;
    let (pairs, same) = pair(src, &back);
    if !same {
        return Err("in the page, it would change the page's blocks (a line that starts a list, a heading, a quote or a table, or a blank line, starts something new)".into());
    }
    // Never stamped as translating the source while saying other things
    // than it outside the translated text.
    if let Some(why) = super::frames::differs(source, src, out, &back) {
        return Err(why.as_str().into());
    }
    for (i, seg) in src.segments.iter().enumerate() {
        if seg.kind == Kind::Fixed {
            continue;
        }
        let got = pairs
            .iter()
            .find(|p| p.0 == i)
            .map(|p| normalise(&back.segments[p.1].text));
        if got.as_deref() != Some(normalise(&translations[i]).as_str()) {
            let got = got.unwrap_or_default();
            return Err(Failure {
                segment: Some(i),
                why: format!(
                    "in the page, it would read back as {got:?}, not as written: Markdown (or the front matter's YAML) reads a character or a line start in it differently"
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "---\ntitle: \"Preparing\"\nsummary: \"Before you start.\"\nstatus: sample\n---\n\n## A safe space {#safe}\n\n- Choose a place.\n- Sit down.\n\n> [!NOTE]\n> Keep the\n> door open.\n\n```\nkeep me\n```\n";

    fn texts(p: &str) -> Vec<String> {
        fields::parse(p)
            .unwrap()
            .segments
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn an_image_title_is_escaped_for_its_delimiter() {
        assert_eq!(
            escape_title("l'enfant \"x\"", Some('\'')),
            "l\\'enfant \"x\""
        );
        assert_eq!(escape_title("a (b)", Some(')')), "a \\(b\\)");
        assert_eq!(
            escape_title("\\* &amp; & b \\ c", Some('"')),
            "\\\\* \\&amp; & b \\ c"
        );
    }

    /// Before, only CRLF was read as a line break: a lone CR stayed in the
    /// text, so a title or heading with one passed the one-line check and
    /// the page was written with a raw CR in it. Now it is a line break.
    #[test]
    fn a_lone_cr_is_a_line_break() {
        assert_eq!(normalise("a\rb\r\nc\r"), "a\nb\nc");
        assert_eq!(placed(Kind::Paragraph, "a\r   b"), "a\nb");
    }

    #[test]
    fn a_new_page_takes_the_source_structure() {
        let mut t = texts(SRC);
        t[0] = "Se préparer".into();
        t[1] = "Avant de commencer.".into();
        t[2] = "Un lieu sûr {#safe}".into();
        t[3] = "Choisir un lieu.".into();
        t[4] = "S'asseoir.".into();
        t[5] = "Laisser la\nporte ouverte.".into();
        let job = Job {
            source: SRC,
            existing: None,
            translations: &t,
            hash: "0123456789abcdef",
        };
        let out = assemble(&job).unwrap();
        assert_eq!(
            out,
            "---\ntitle: \"Se préparer\"\nsummary: \"Avant de commencer.\"\nstatus: sample\ntranslation_of: 0123456789abcdef\n---\n\n## Un lieu sûr {#safe}\n\n- Choisir un lieu.\n- S'asseoir.\n\n> [!NOTE]\n> Laisser la\n> porte ouverte.\n\n```\nkeep me\n```\n"
        );
        // The same translation again changes nothing.
        let again = Job {
            existing: Some(&out),
            ..job
        };
        assert_eq!(assemble(&again).unwrap(), out);
    }

    #[test]
    fn image_addresses_and_link_definitions_come_from_the_source() {
        let src = "---\ntitle: T\n---\n\n![A flow](images/flow-v2.svg \"Flow, v2\")\n\nSee [the form][f].\n\n[f]: forms/new.pdf \"New form\"\n";
        let fr = "---\ntitle: TF\ntranslation_of: 0123456789abcdef\n---\n\n![Un flux](images/flow.svg \"Flow\")\n\nVoir [le formulaire][f].\n\n[f]: forms/old.pdf \"Old form\"\n";
        let mut t = texts(fr);
        t[1] = "Un flux d'orientation".into();
        // The title is the translator's (a segment), the address the source's.
        assert_eq!(t[2], "Flow");
        t[2] = "Flux, v2".into();
        // So is a link definition's title.
        assert_eq!(t[4], "Old form");
        t[4] = "Nouveau \"formulaire\"".into();
        let job = Job {
            source: src,
            existing: Some(fr),
            translations: &t,
            hash: "0123456789abcdef",
        };
        let out = assemble(&job).unwrap();
        assert!(
            out.contains("![Un flux d'orientation](images/flow-v2.svg \"Flux, v2\")"),
            "{out}"
        );
        assert!(
            out.contains("[f]: forms/new.pdf \"Nouveau \\\"formulaire\\\"\"\n"),
            "{out}"
        );
        assert!(out.contains("Voir [le formulaire][f]."), "{out}");
        // Nothing changed in the translation: still the source's addresses.
        let same = Job {
            translations: &texts(fr),
            ..job
        };
        let out = assemble(&same).unwrap();
        assert!(out.contains("images/flow-v2.svg"), "{out}");
        assert!(out.contains("[f]: forms/new.pdf \"Old form\""), "{out}");
    }

    #[test]
    fn an_existing_translation_keeps_its_bytes_but_for_changed_blocks() {
        let fr = "---\ntitle: Se préparer   \nsummary: \"Avant.\"\ntranslation_of: 0123456789abcdef\n---\n\n## Un lieu sûr {#safe}\n\n-   Choisir   un lieu.\n- S'asseoir.\n\n> [!NOTE]\n>Laisser la\nporte ouverte.\n\n```\nkeep me\n```\n";
        let mut t = texts(fr);
        t[4] = "Prendre place.".into();
        let job = Job {
            source: SRC,
            existing: Some(fr),
            translations: &t,
            hash: "0123456789abcdef",
        };
        assert_eq!(
            assemble(&job).unwrap(),
            fr.replace("S'asseoir.", "Prendre place.")
        );
    }
}
