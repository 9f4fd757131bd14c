//! What the three file formats carry, whichever they are: which
//! publication and languages, and one entry per segment.

use super::units::Unit;

/// The file formats translators' tools read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Po,
    Xliff,
    /// XLIFF 2.0, written on request; read as any `.xlf` is, by the
    /// version the file names.
    Xliff2,
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Po => "po",
            Format::Xliff | Format::Xliff2 => "xlf",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format of a file, by its extension.
    pub fn of(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "po" => Some(Format::Po),
            "xlf" | "xliff" => Some(Format::Xliff),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// What a file name that is not a translation file says, for the hint:
/// `x.po.txt` (a mail client or Windows added `.txt`) names the format
/// before its last extension.
pub fn hidden_format(path: &std::path::Path) -> Option<(Format, String)> {
    let name = path.file_name()?.to_str()?;
    let (stem, _) = name.rsplit_once('.')?;
    Format::of(std::path::Path::new(stem)).map(|f| (f, stem.to_string()))
}

/// What to do with a spreadsheet saved in another format than the .xlsx
/// export wrote (LibreOffice's own, an old Excel one, CSV), for the hint.
pub fn other_spreadsheet(path: &std::path::Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "ods" | "xls" | "xlsm" | "xlsb" | "fods" | "numbers" => Some(
            "a spreadsheet in another format: open it and save it as Excel 2007-365 (.xlsx), keeping its two sheets (File, Save As, then that type), and import the .xlsx",
        ),
        "csv" | "tsv" => Some(
            "a .csv holds one sheet and loses the `about` sheet import needs: copy its translation column back into the .xlsx file export made, and import that",
        ),
        _ => None,
    }
}

/// A translation's fingerprint, recorded per segment at export so that
/// import can tell a segment the translator did not touch from one they
/// changed. Spaces and line breaks between words do not count: tools
/// re-indent and re-wrap without anyone editing (an XLIFF editor that
/// ignores `xml:space` joins a wrapped paragraph's lines), and Markdown
/// reads the text alike. Only ASCII ones: a no-break space a translator
/// typed (French `:`) is an edit. Text on one line with single spaces
/// gets the fingerprint earlier versions wrote.
pub fn fingerprint(translation: &str) -> String {
    let words: Vec<&str> = translation.split_ascii_whitespace().collect();
    let mut flat = words.join(" ");
    if !flat.is_empty() {
        flat.push('\n');
    }
    hash(&flat)
}

/// The fingerprint earlier versions recorded: each line trimmed, line
/// breaks kept. Files exported then are still read.
fn fingerprint_by_line(translation: &str) -> String {
    let mut flat = String::with_capacity(translation.len());
    for line in translation.trim().lines() {
        flat.push_str(line.trim());
        flat.push('\n');
    }
    hash(&flat)
}

fn hash(flat: &str) -> String {
    blake3::hash(flat.as_bytes()).to_hex()[..16].to_string()
}

/// Whether `record`, a fingerprint a file or the pending store carries, is
/// that of `translation`, as this version or an earlier one recorded it.
pub fn is_fingerprint_of(record: &str, translation: &str) -> bool {
    record == fingerprint(translation) || record == fingerprint_by_line(translation)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The publication's folder name.
    pub publication: String,
    pub source_lang: String,
    pub lang: String,
    /// Right-to-left scripts, for the spreadsheet's cell direction.
    pub source_rtl: bool,
    pub lang_rtl: bool,
    /// The lines where the file gives its language and its publication
    /// (PO header lines, the XLIFF `<file>`), for messages: the header's
    /// line when one is missing, 0 when the format has no lines.
    pub lang_line: usize,
    pub publication_line: usize,
}

/// A unit on its way out, with where its source text is.
#[derive(Clone)]
pub struct Outgoing<'a> {
    pub unit: &'a Unit,
    /// `guidance/pub/01-a.en.md:12`.
    pub reference: String,
    /// The [`fingerprint`] recorded as exported: of the site's translation
    /// (which a kept suggestion, see `pending`, does not change).
    pub exported: String,
}

/// An entry read back from a translator's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub key: String,
    /// The source text as exported.
    pub source: String,
    pub translation: String,
    pub fuzzy: bool,
    /// Line in the file (PO line, XLIFF unit's line, spreadsheet row).
    pub line: usize,
    /// How a translator finds the entry in their tool: `msgctxt "…"` in
    /// PO, `unit "…"` in XLIFF, `row 12 (…)` in a spreadsheet.
    pub place: String,
    /// The [`fingerprint`] of the translation when the file was exported
    /// (`None` in files made before fieldguide recorded it).
    pub exported: Option<String>,
    /// Why the entry cannot be used (a date in a spreadsheet cell, a
    /// plural entry): its page is refused, the others are not.
    pub problem: Option<String>,
    /// Something to warn about that does not stop the entry (a number
    /// typed in a cell, read as it shows).
    pub notice: Option<String>,
}

impl Incoming {
    /// An entry with nothing recorded, no problem and no notice.
    pub fn new(
        key: String,
        source: String,
        translation: String,
        line: usize,
        place: String,
    ) -> Self {
        Self {
            key,
            source,
            translation,
            fuzzy: false,
            line,
            place,
            exported: None,
            problem: None,
            notice: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub header: Header,
    pub entries: Vec<Incoming>,
    /// Problems with parts of the file that belong to no page (a row with
    /// no readable key): errors, but the pages of the other entries are
    /// still imported.
    pub problems: Vec<ReadError>,
    /// What a reader noticed about the file and read past (a spreadsheet's
    /// column titles below the first row): warnings, at their line.
    pub notices: Vec<ReadError>,
}

/// A problem in a file that keeps it from being read: line and message.
pub type ReadError = (usize, String);

/// A translator's file, read: what it holds, and its path as messages show it.
pub struct File {
    pub shown: std::path::PathBuf,
    pub catalog: Catalog,
}

/// An entry on its way to its page: the unit it translates, and the file
/// it comes from.
#[derive(Clone, Copy)]
pub struct Routed<'a> {
    pub unit: usize,
    pub file: &'a std::path::Path,
    pub entry: &'a Incoming,
}
