//! A publication's export in several files: one per part when asked
//! (`--by-part`, to share the work among translators), and whenever one
//! file would be larger than `translate import` reads, so that a handbook
//! of thousands of chapters can come back. A part still too large is cut
//! between pages. Each file is a file of the publication like any other:
//! its header names the publication, its keys are the publication's, and
//! import takes each alone or together.

use super::catalog::Outgoing;

/// One file of an export: its name without the extension, and its units.
pub struct Share<'a> {
    pub name: String,
    pub outgoing: Vec<Outgoing<'a>>,
    pub bytes: Vec<u8>,
}

/// One page's position in its publication (`02-part/01-steps`) and the
/// units it exports.
pub type PageOut<'a> = (String, Vec<Outgoing<'a>>);

/// Makes a file's bytes from its units.
pub type Write<'w> = &'w dyn Fn(&[Outgoing]) -> Result<Vec<u8>, String>;

/// A file's units and bytes.
type Cut<'a> = (Vec<Outgoing<'a>>, Vec<u8>);

/// How files are made and how large they may be.
pub struct Files<'w> {
    pub write: Write<'w>,
    pub limit: usize,
    /// A file is at least as large as its units' texts (PO and XLIFF; not
    /// a spreadsheet, which is compressed): a set of units whose texts are
    /// larger than `limit` is cut without being written first.
    pub holds_texts: bool,
}

impl Files<'_> {
    fn surely_over(&self, outgoing: &[Outgoing]) -> bool {
        let texts = outgoing
            .iter()
            .map(|o| o.unit.source.len() + o.unit.translation.len());
        self.holds_texts && texts.sum::<usize>() > self.limit
    }
}

/// The files of a publication's export: one named `publication` when it
/// fits in the limit and no split was asked for; else one per part
/// (`publication--02-part`, the top level's pages in `publication`), each
/// cut into `-1`, `-2`, … when larger than the limit. Parts with nothing
/// to export (all translated, with `--only-changed`) get no file.
pub fn shares<'a>(
    publication: &str,
    pages: Vec<PageOut<'a>>,
    by_part: bool,
    files: &Files,
) -> Result<Vec<Share<'a>>, String> {
    let write = files.write;
    let all: Vec<Outgoing> = pages.iter().flat_map(|(_, o)| o.iter().cloned()).collect();
    if !by_part && !files.surely_over(&all) {
        let bytes = write(&all)?;
        if bytes.len() <= files.limit {
            return Ok(vec![Share {
                name: publication.to_string(),
                outgoing: all,
                bytes,
            }]);
        }
    }
    let mut out = Vec::new();
    for (part, pages) in by_parts(pages) {
        if pages.iter().all(|(_, o)| o.is_empty()) {
            continue;
        }
        let base = match part {
            Some(part) => format!("{publication}--{part}"),
            None => publication.to_string(),
        };
        let cuts = cut(pages, files)?;
        let numbered = cuts.len() > 1;
        for (k, (outgoing, bytes)) in cuts.into_iter().enumerate() {
            let name = match numbered {
                true => format!("{base}-{}", k + 1),
                false => base.clone(),
            };
            out.push(Share {
                name,
                outgoing,
                bytes,
            });
        }
    }
    if out.is_empty() {
        // Nothing to do anywhere: one file says so, as for a publication.
        let bytes = write(&[])?;
        out.push(Share {
            name: publication.to_string(),
            outgoing: Vec::new(),
            bytes,
        });
    }
    Ok(out)
}

/// The pages grouped by their part (the first folder of their position),
/// in reading order of each group's first page; the top level's pages
/// (the publication's index and its chapters outside parts) are one group.
fn by_parts(pages: Vec<PageOut<'_>>) -> Vec<(Option<String>, Vec<PageOut<'_>>)> {
    let mut groups: Vec<(Option<String>, Vec<PageOut>)> = Vec::new();
    for page in pages {
        let part = page.0.split_once('/').map(|(part, _)| part.to_string());
        match groups.iter_mut().find(|(p, _)| *p == part) {
            Some((_, g)) => g.push(page),
            None => groups.push((part, vec![page])),
        }
    }
    groups
}

/// `pages` as files within the limit, cut between pages (halves, then
/// their halves): a single page larger than that stays whole.
fn cut<'a>(pages: Vec<PageOut<'a>>, files: &Files) -> Result<Vec<Cut<'a>>, String> {
    let all: Vec<Outgoing> = pages.iter().flat_map(|(_, o)| o.iter().cloned()).collect();
    if pages.len() < 2 || !files.surely_over(&all) {
        let bytes = (files.write)(&all)?;
        if bytes.len() <= files.limit || pages.len() < 2 {
            return Ok(vec![(all, bytes)]);
        }
    }
    let mut first = pages;
    let second = first.split_off(first.len() / 2);
    let mut out = cut(first, files)?;
    out.extend(cut(second, files)?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translate::segments::Kind;
    use crate::translate::units::{State, Unit};

    fn unit(key: &str) -> Unit {
        Unit {
            key: key.into(),
            kind: Kind::Paragraph,
            source: "x".repeat(100),
            translation: String::new(),
            state: State::Untranslated,
            previous: None,
            notes: Vec::new(),
            source_line: 1,
        }
    }

    /// A file's bytes: 100 a unit.
    fn write(o: &[Outgoing]) -> Result<Vec<u8>, String> {
        Ok(vec![b'x'; o.len() * 100])
    }

    fn names(units: &[Unit], by_part: bool, limit: usize) -> Vec<(String, usize)> {
        let pages: Vec<PageOut> = units
            .iter()
            .map(|u| {
                let page = u.key.rsplit_once('/').unwrap().0.to_string();
                let o = Outgoing {
                    unit: u,
                    reference: String::new(),
                    exported: String::new(),
                };
                (page, vec![o])
            })
            .collect();
        let files = Files {
            write: &write,
            limit,
            holds_texts: false,
        };
        shares("pub", pages, by_part, &files)
            .unwrap()
            .into_iter()
            .map(|s| (s.name, s.outgoing.len()))
            .collect()
    }

    #[test]
    fn a_publication_that_fits_is_one_file_unless_parts_are_asked_for() {
        let units: Vec<Unit> = ["index/p1", "01-a/p1", "02-part/index/p1", "02-part/01-b/p1"]
            .map(unit)
            .into();
        assert_eq!(names(&units, false, 400), [("pub".to_string(), 4)]);
        assert_eq!(
            names(&units, true, 400),
            [("pub".to_string(), 2), ("pub--02-part".to_string(), 2)]
        );
    }

    #[test]
    fn a_publication_too_large_is_split_by_part_then_between_pages() {
        let units: Vec<Unit> = [
            "index/p1",
            "01-a/p1",
            "02-part/index/p1",
            "02-part/01-b/p1",
            "02-part/02-c/p1",
            "03-last/01-d/p1",
            "04-e/p1",
        ]
        .map(unit)
        .into();
        assert_eq!(
            names(&units, false, 300),
            [
                ("pub".to_string(), 3),
                ("pub--02-part".to_string(), 3),
                ("pub--03-last".to_string(), 1),
            ]
        );
        assert_eq!(
            names(&units, false, 200),
            [
                ("pub-1".to_string(), 1),
                ("pub-2".to_string(), 2),
                ("pub--02-part-1".to_string(), 1),
                ("pub--02-part-2".to_string(), 2),
                ("pub--03-last".to_string(), 1),
            ]
        );
        // A page larger than the limit stays whole.
        assert_eq!(names(&units[..1], false, 50), [("pub".to_string(), 1)]);
    }
}
