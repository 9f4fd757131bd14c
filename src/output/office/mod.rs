//! What an office document published for readers holds besides its text:
//! parts the program that opens it fetches from elsewhere (a remote
//! template tells its host who opened the file, and when), macros under a
//! name that promises none, and who wrote, edited or commented it. Word,
//! Excel and PowerPoint files (`ooxml`) and OpenDocument files (`odf`) are
//! zips of XML; each part is read with a size cap (a zip bomb stops at it)
//! and parsed without DTDs. A CSV file (`csv`) is opened by the same
//! programs, which run the formulas its cells hold; a PDF (`pdf`) can hold
//! actions and scripts.

use std::io::{Cursor, Read};

mod agreement;
mod csv;
mod embedded;
mod hover;
mod layout;
mod odf;
mod ooxml;
mod pdf;
mod people;
mod photos;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hostile;

/// What one document holds, beyond its text.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    /// Fetched from another computer when the document is opened: what
    /// (`attachedTemplate`, `image`, ...) and from where.
    pub fetched: Vec<(String, String)>,
    /// Paths on the writer's computer it names (they often hold a user
    /// name), fetched from the reader's own computer if at all.
    pub local: Vec<String>,
    /// A spreadsheet's formulas that fetch from an address when it is
    /// calculated (`WEBSERVICE`, `IMAGE`): where, and the formula.
    pub fetching_cells: Vec<String>,
    /// What holds macros or starts a program (a part, a DDE field), under a
    /// name that promises none; as messages show it.
    pub macros: Vec<String>,
    /// Names of the people who wrote or last edited it.
    pub people: Vec<String>,
    pub comments: bool,
    pub tracked_changes: bool,
    /// A CSV file's formula cells: the first few, how many, and the line
    /// of the first.
    pub formulas: Vec<String>,
    pub formula_count: usize,
    pub first_line: usize,
    /// A PDF's active parts that are not refused: JavaScript, a form that
    /// submits, attached files.
    pub active: Vec<String>,
    /// Why part of a PDF could not be read (encrypted, a stream too large):
    /// published, with a warning.
    pub unchecked: Option<String>,
    /// Photos in it that record where they were taken (see `photos`).
    pub located: Vec<String>,
    /// What it hides from its own view and still holds (Word's hidden
    /// text, PowerPoint's speaker notes, Excel's hidden sheets), as Word's
    /// Document Inspector names them.
    pub hidden: Vec<&'static str>,
}

impl Report {
    /// Notes that the document holds `what`, hidden from its view.
    fn hides(&mut self, what: &'static str) {
        if !self.hidden.contains(&what) {
            self.hidden.push(what);
        }
    }
}

/// The file types inspected, by extension.
pub fn inspected(ext: &str) -> bool {
    ooxml::EXTENSIONS.contains(&ext)
        || odf::EXTENSIONS.contains(&ext)
        || ext == "csv"
        || ext == "pdf"
}

/// Inspects the document `bytes` of type `ext` (one `inspected` accepts);
/// `Err` says why it cannot be (not a zip, a part too large, bad XML).
pub fn inspect(ext: &str, bytes: &[u8]) -> Result<Report, String> {
    match ext {
        "csv" => return Ok(csv::inspect(bytes)),
        "pdf" => return pdf::inspect(bytes),
        _ => {}
    }
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        if agreement::zip64_end_missing(bytes) {
            return "its zip's directory cannot be found: its end says a ZIP64 end gives where \
                    the directory starts, and there is none (Info-ZIP's `zip -fz` writes this \
                    to a pipe; `unzip` cannot read it either; zip it again into a file)"
                .to_string();
        }
        format!("it cannot be read as a zip, which a .{ext} file is ({e})")
    })?;
    package_report(
        zip,
        bytes,
        odf::EXTENSIONS.contains(&ext),
        &mut Budget::whole(),
        0,
    )
}

/// Whether the PDF `bytes` holds nothing beyond its pages, text, links
/// and who made it: no action or script, nothing fetched or attached, no
/// photo that records where it was taken, and no part that cannot be read.
/// What `fieldguide pdf` makes (Chromium's print) always is.
pub fn plain_pdf(bytes: &[u8]) -> bool {
    pdf::inspect(bytes).is_ok_and(|r| {
        r.fetched.is_empty()
            && r.fetching_cells.is_empty()
            && r.macros.is_empty()
            && r.active.is_empty()
            && r.located.is_empty()
            && r.unchecked.is_none()
    })
}

/// What is left to inflate of a document's parts and of its pictures, and
/// to decode of a PDF's streams, shared with the documents inside it.
struct Budget {
    parts: u64,
    photos: u64,
    streams: u64,
}

impl Budget {
    /// The budgets of a document as a whole.
    fn whole() -> Self {
        Budget {
            parts: TOTAL_CAP,
            photos: photos::CAP,
            streams: pdf::INFLATE_CAP,
        }
    }
}

/// The report on one package (named as an OpenDocument one with `odf`),
/// `zip` read from `bytes`, and on the documents embedded in it down to
/// [`embedded::DEPTH`]; `depth` is its own.
fn package_report(
    mut zip: zip::ZipArchive<Cursor<&[u8]>>,
    bytes: &[u8],
    odf: bool,
    budget: &mut Budget,
    depth: usize,
) -> Result<Report, String> {
    // The zip reader keeps only the last part of a name, and an office
    // program may open another: what is checked must be what is opened.
    if zip.has_duplicate_names() {
        return Err(
            "it holds two parts of the same name, and programs differ on which one they open"
                .to_string(),
        );
    }
    for name in zip.file_names_raw() {
        agreement::name(&String::from_utf8_lossy(name))?;
    }
    // What is checked must be all a program can open, however it reads
    // the zip.
    layout::check(bytes, &mut zip)?;
    let names: Vec<String> = zip
        .file_names_raw()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    let odf = odf::opened_as_odf(&names, odf)?;
    let mut package = Package {
        zip,
        left: budget.parts,
        photos_left: budget.photos,
    };
    let mut report = if odf {
        odf::inspect(&mut package)
    } else {
        ooxml::inspect(&mut package)
    }?;
    photos::check(&mut package, &mut report)?;
    embedded::check(&mut package, &mut report, depth)?;
    budget.parts = package.left;
    budget.photos = package.photos_left;
    Ok(report)
}

/// A document's zip, and how many more bytes its parts, and its pictures,
/// may inflate to.
pub struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    left: u64,
    photos_left: u64,
}

/// The most one part, and all parts read together, inflate to: far above
/// a real document's XML (a 500-page report's `word/document.xml` is about
/// 10 MB), far below what a zip bomb claims. Unit tests use small ones.
const PART_CAP: u64 = if cfg!(test) { 1 << 20 } else { 64 << 20 };
const TOTAL_CAP: u64 = if cfg!(test) { 4 << 20 } else { 256 << 20 };

impl Package<'_> {
    /// The names of the parts, with their indices.
    fn names(&self) -> Vec<(usize, String)> {
        self.zip
            .file_names_raw()
            .enumerate()
            .map(|(i, n)| (i, String::from_utf8_lossy(n).into_owned()))
            .collect()
    }

    /// The text of the part `name`, `None` when there is none.
    fn part(&mut self, name: &str) -> Result<Option<String>, String> {
        let Some(i) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        self.part_at(i).map(Some)
    }

    /// The text of the part at index `i`, read up to the caps.
    fn part_at(&mut self, i: usize) -> Result<String, String> {
        let (name, bytes) = self.bytes_at(i)?;
        String::from_utf8(bytes).map_err(|_| format!("`{name}` is not UTF-8 text"))
    }

    /// The name and bytes of the part at index `i`, read up to the caps.
    fn bytes_at(&mut self, i: usize) -> Result<(String, Vec<u8>), String> {
        let (name, bytes) = self.capped_at(i, self.left, "its parts", TOTAL_CAP)?;
        self.left -= bytes.len() as u64;
        Ok((name, bytes))
    }

    /// The first bytes of the part at index `i`, enough to know a photo or
    /// a recording by; none when it cannot be read (nor can a program).
    fn head_at(&mut self, i: usize) -> Vec<u8> {
        let mut head = Vec::new();
        if let Ok(entry) = self.zip.by_index(i) {
            let _ = entry.take(12).read_to_end(&mut head);
        }
        head
    }

    /// The name and bytes of the part at index `i`, read up to [`PART_CAP`]
    /// and what is `left` of a budget of `total` for `what` (the parts, the
    /// pictures): a zip bomb stops there.
    fn capped_at(
        &mut self,
        i: usize,
        left: u64,
        what: &str,
        total: u64,
    ) -> Result<(String, Vec<u8>), String> {
        let entry = self
            .zip
            .by_index(i)
            .map_err(|e| format!("a part cannot be read ({e})"))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let cap = PART_CAP.min(left);
        let mut bytes = Vec::new();
        entry
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("`{name}` cannot be read ({e})"))?;
        if bytes.len() as u64 > cap {
            return Err(if cap == PART_CAP {
                format!("`{name}` is over {} MB", PART_CAP >> 20)
            } else {
                format!("{what} are over {} MB together", total >> 20)
            });
        }
        Ok((name, bytes))
    }
}

/// What `walk_xml` meets: an element (start or empty), or text inside
/// the element with the given local name (entities resolved).
enum Item<'a, 'b> {
    Element(&'a quick_xml::events::BytesStart<'b>),
    Text { holder: &'a str, text: &'a str },
}

/// Streams the XML `text` of the part `name` to `f`. Streamed, since a
/// part can be megabytes (a tree of a 64 MB part would take a gigabyte); a
/// DTD is refused (entity expansion, outside files).
fn walk_xml(name: &str, text: &str, mut f: impl FnMut(Item)) -> Result<(), String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut open: Vec<String> = Vec::new();
    let bad = |e: &dyn std::fmt::Display| format!("`{name}` is not well-formed XML ({e})");
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) => {
                f(Item::Element(&e));
                open.push(e.local_name().as_ref().to_string());
            }
            Event::Empty(e) => f(Item::Element(&e)),
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) => f(Item::Text {
                holder: open.last().map_or("", String::as_str),
                text: &t.xml10_content(),
            }),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&r)
                        .unwrap_or_default()
                        .to_string(),
                };
                f(Item::Text {
                    holder: open.last().map_or("", String::as_str),
                    text: &text,
                });
            }
            Event::DocType(_) => return Err(format!("`{name}` declares a DTD")),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The text of each element of `text` whose local name is in `wanted`.
fn texts_of(name: &str, text: &str, wanted: &[&str]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    walk_xml(name, text, |item| match item {
        Item::Element(e) if wanted.contains(&e.local_name().as_ref()) => out.push(String::new()),
        Item::Text { holder, text } if wanted.contains(&holder) => {
            if let Some(s) = out.last_mut() {
                s.push_str(text);
            }
        }
        _ => {}
    })?;
    Ok(out)
}

/// The value of the attribute of `e` whose local name is `local`.
fn attribute(e: &quick_xml::events::BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Where a target outside the package leads: `Some(true)` another computer
/// (a web address, a network share, or any other program's scheme, like
/// Follina's `ms-msdt:`), `Some(false)` an absolute path on the writer's
/// own, `None` a name relative to the document (nothing to say).
fn remote(target: &str) -> Option<bool> {
    let t = target.trim();
    let lower = t.to_ascii_lowercase();
    if t.starts_with("\\\\") || t.starts_with("//") {
        return Some(true);
    }
    if let Some(rest) = lower.strip_prefix("file:") {
        // `file:///C:/...` is local; `file://server/share` is a share.
        let rest = rest.trim_start_matches(['/', '\\']);
        let slashes = lower.len() - "file:".len() - rest.len();
        let host = rest.split(['/', '\\']).next().unwrap_or("");
        let drive = host.len() == 2 && host.ends_with(':');
        let shared = slashes == 2 && !host.is_empty() && !drive && host != "localhost";
        return Some(shared);
    }
    let drive = t.len() > 2 && t.as_bytes()[1] == b':' && t.as_bytes()[0].is_ascii_alphabetic();
    if drive || t.starts_with('/') || t.starts_with('~') {
        return Some(false);
    }
    // Any other scheme is another program's or another computer's (the
    // one a link check reads).
    crate::markdown::resolve::scheme_of(t).map(|_| true)
}

/// Adds `target` (of kind `kind`) to the report by where it leads.
fn place(report: &mut Report, kind: &str, target: &str) {
    match remote(target) {
        Some(true) => report
            .fetched
            .push((kind.to_string(), target.trim().to_string())),
        Some(false) => report.local.push(target.trim().to_string()),
        None => {}
    }
}

/// A person's name from a metadata element, once each.
fn person(report: &mut Report, name: Option<&str>) {
    if let Some(n) = name.map(str::trim).filter(|n| !n.is_empty())
        && !report.people.iter().any(|p| p == n)
    {
        report.people.push(n.to_string());
    }
}

/// A name from the file, cut to a length a message can show.
fn shorten(name: &str) -> String {
    let mut out: String = name.chars().take(80).collect();
    if out.len() < name.len() {
        out.push('…');
    }
    out
}
