//! Gettext PO files, as Poedit, Weblate and Crowdin read them: one entry
//! per segment, `msgctxt` = its key, fuzzy entries with the previous source
//! as `#| msgid`, the notes as extracted comments (`#.`).
//!
//! Written with rspolib (gettext's quoting and line wrapping). Read with
//! the small parser below: rspolib's reader panics on some malformed
//! lines, and a translator's file is input we do not control; this one
//! also gives the line of each `msgstr` for messages.

use super::catalog::{Catalog, Header, Incoming, Outgoing, ReadError};
use super::units::State;
use rspolib::{FileOptions, POEntry, POFile};

/// Starts the extracted comment (`#.`) that records the translation as
/// exported; tools keep extracted comments as they are.
const EXPORTED: &str = "fieldguide: exported translation ";

pub fn write(h: &Header, units: &[Outgoing]) -> Vec<u8> {
    let mut po = POFile::new(FileOptions::default());
    po.header = Some(format!(
        "fieldguide: publication \"{}\", from {} into {}.\nTranslate each msgstr. Leave msgctxt (the block's place) and msgid as they are.\nA fuzzy entry's source changed since it was translated: the previous source is\nthe \"#| msgid\" line. Review it, then clear the fuzzy flag.",
        h.publication, h.source_lang, h.lang
    ));
    for (k, v) in [
        ("Project-Id-Version", h.publication.as_str()),
        // Empty, for the translator's tool to fill in (gettext accepts that).
        ("PO-Revision-Date", ""),
        ("Last-Translator", ""),
        ("Language-Team", ""),
        ("Language", h.lang.as_str()),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Generator", "fieldguide"),
        ("X-Fieldguide-Publication", h.publication.as_str()),
        ("X-Fieldguide-Source-Language", h.source_lang.as_str()),
    ] {
        po.metadata.insert(k.to_string(), v.to_string());
    }
    for o in units {
        let u = o.unit;
        let mut e = POEntry::new(0);
        e.msgctxt = Some(u.key.clone());
        e.msgid = u.source.clone();
        e.msgstr = Some(u.translation.clone());
        let record = format!("{EXPORTED}{}", o.exported);
        e.comment = Some(format!("{}\n{record}", wrap(&u.notes.join("\n"), 72)));
        e.occurrences = o
            .reference
            .rsplit_once(':')
            .map(|(f, l)| vec![(f.to_string(), l.to_string())])
            .unwrap_or_default();
        if u.state == State::Fuzzy {
            e.flags.push("fuzzy".into());
            e.previous_msgid = u.previous.clone();
        }
        po.entries.push(e);
    }
    let mut text = mend_split_escapes(&po.to_string());
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.into_bytes()
}

/// Puts back together the escapes rspolib's wrapping splits. It wraps the
/// escaped string by the Unicode line-breaking rules, which allow a break
/// between two backslashes: `\\_` (a Markdown `\_`) became `"…\"` and
/// `"\_…"`, a string whose closing quote is escaped, which gettext,
/// Poedit and our own reader refuse. A string line ending in an odd
/// number of backslashes gives its last one to the next line.
fn mend_split_escapes(text: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    for i in 0..lines.len().saturating_sub(1) {
        let Some(inner) = string_of(&lines[i]) else {
            continue;
        };
        let odd = inner.len() - inner.trim_end_matches('\\').len();
        // The next line continues the same string: only a quoted string,
        // after the same `#|` or `#~` mark, if any.
        let next = &lines[i + 1];
        let continues = string_of(next).is_some_and(|s| s.len() + 2 == next.len() - mark(next));
        if odd % 2 == 1 && continues {
            let q = mark(next);
            let next = format!("{}\\{}", &next[..=q], &next[q + 1..]);
            let line = &mut lines[i];
            line.truncate(line.len() - 2);
            line.push('"');
            lines[i + 1] = next;
        }
    }
    lines.join("\n")
}

/// How long the `#| ` or `#~ ` mark a PO line starts with is (0 without).
fn mark(line: &str) -> usize {
    if line.starts_with("#| ") || line.starts_with("#~ ") {
        3
    } else {
        0
    }
}

/// The escaped content of a PO string line (`msgid "…"`, `"…"`, also after
/// `#| ` or `#~ `); `None` for a comment or anything else.
fn string_of(line: &str) -> Option<&str> {
    let rest = &line[mark(line)..];
    if !(rest.starts_with('"') || rest.starts_with("msg")) {
        return None;
    }
    let body = rest.strip_suffix('"')?;
    let q = body.find('"')?;
    Some(&body[q + 1..])
}

/// Comments wrapped here: rspolib wraps long ones without repeating the
/// `#.` mark on the new line, which breaks the file.
fn wrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur = String::new();
        for word in line.split(' ') {
            if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        out.push(cur);
    }
    out.join("\n")
}

#[derive(Default)]
struct Entry {
    fuzzy: bool,
    obsolete: bool,
    msgctxt: Option<String>,
    msgid: Option<String>,
    msgstr: Option<String>,
    plural: bool,
    msgstr_line: usize,
    first_line: usize,
    exported: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Ctxt,
    Id,
    Str,
    Plural,
}

/// Where each string of a msgstr starts: its offset in the msgstr and its
/// line, so that header fields get their own line.
type StringLines = Vec<(usize, usize)>;

struct Reader {
    entry: Entry,
    field: Field,
    /// The current entry's.
    msgstr_lines: StringLines,
    /// The header (the msgstr of the entry with an empty msgid), with the
    /// line of its `msgstr` and its `msgstr_lines`.
    header: Option<(String, usize, StringLines)>,
    out: Vec<Incoming>,
    errors: Vec<ReadError>,
}

/// The charset a PO header declares (`Content-Type: text/plain;
/// charset=CP1252`), found in the raw bytes: every charset gettext allows
/// writes the header in ASCII.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let at = bytes
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"charset="))?
        + 8;
    let label: Vec<u8> = bytes[at..]
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// The file's text: UTF-8, or the charset its header declares (gettext
/// reads a file in any charset it names; Lokalize and `msgconv` keep or
/// write one, such as ISO-8859-1 or CP1252).
fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Vec<ReadError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let e = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(std::borrow::Cow::Borrowed(text)),
        Err(e) => e,
    };
    let line = bytes[..e.valid_up_to()]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    match declared_charset(bytes) {
        Some(charset) if charset != encoding_rs::UTF_8 && charset.is_ascii_compatible() => {
            let (text, bad) = charset.decode_without_bom_handling(bytes);
            if bad {
                return Err(vec![(
                    line,
                    format!(
                        "the file is not valid {} text, the charset its header declares: save it as UTF-8",
                        charset.name()
                    ),
                )]);
            }
            Ok(text)
        }
        _ => Err(vec![(
            line,
            "the file is not UTF-8 text; save it as UTF-8".to_string(),
        )]),
    }
}

pub fn read(bytes: &[u8]) -> Result<Catalog, Vec<ReadError>> {
    let text = decode(bytes)?;
    let text: &str = &text;
    let mut r = Reader {
        entry: Entry::default(),
        field: Field::None,
        msgstr_lines: Vec::new(),
        header: None,
        out: Vec::new(),
        errors: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        r.line(i + 1, line.trim_end_matches('\r').trim());
    }
    r.finish();
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let header = match &r.header {
        Some((text, line, lines)) => parse_header(text, *line, lines),
        None => parse_header("", 1, &[]),
    };
    Ok(Catalog {
        header,
        entries: r.out,
        ..Catalog::default()
    })
}

impl Reader {
    fn line(&mut self, n: usize, line: &str) {
        if line.is_empty() {
            self.finish();
            return;
        }
        if let Some(rest) = line.strip_prefix('#') {
            if self.entry.msgstr.is_some() {
                self.finish();
            }
            if self.entry.first_line == 0 {
                self.entry.first_line = n;
            }
            match rest.chars().next() {
                Some('~') => self.entry.obsolete = true,
                Some('.') => {
                    if let Some(h) = rest[1..].trim().strip_prefix(EXPORTED.trim_end()) {
                        self.entry.exported = Some(h.trim().to_string());
                    }
                }
                Some(',') => {
                    self.entry.fuzzy |= rest[1..].split(',').any(|f| f.trim() == "fuzzy");
                }
                _ => {}
            }
            self.field = Field::None;
            return;
        }
        if line.starts_with('"') {
            match self.string(n, line) {
                Some(s) if self.field != Field::None => self.append(n, &s),
                Some(_) => self.errors.push((
                    n,
                    "a quoted string with no msgid or msgstr before it".into(),
                )),
                None => {}
            }
            return;
        }
        let (word, rest) = line.split_once([' ', '\t']).unwrap_or((line, ""));
        let field = match word {
            "msgctxt" => Field::Ctxt,
            "msgid" => Field::Id,
            "msgstr" => Field::Str,
            "msgid_plural" => Field::Plural,
            w if w.starts_with("msgstr[") => Field::Plural,
            _ => {
                self.errors.push((n, format!("`{word}` is not PO syntax: expected msgctxt, msgid, msgstr, a quoted string or a # comment")));
                return;
            }
        };
        if matches!(field, Field::Ctxt | Field::Id) && self.entry.msgstr.is_some() {
            self.finish();
        }
        if self.entry.first_line == 0 {
            self.entry.first_line = n;
        }
        let Some(s) = self.string(n, rest.trim()) else {
            return;
        };
        self.field = field;
        match field {
            Field::Ctxt => self.entry.msgctxt = Some(s),
            Field::Id => self.entry.msgid = Some(s),
            Field::Str => {
                self.entry.msgstr = Some(s);
                self.entry.msgstr_line = n;
                self.msgstr_lines = vec![(0, n)];
            }
            _ => self.entry.plural = true,
        }
    }

    fn append(&mut self, n: usize, s: &str) {
        if self.field == Field::Str
            && let Some(m) = &self.entry.msgstr
        {
            self.msgstr_lines.push((m.len(), n));
        }
        let target = match self.field {
            Field::Ctxt => self.entry.msgctxt.as_mut(),
            Field::Id => self.entry.msgid.as_mut(),
            Field::Str => self.entry.msgstr.as_mut(),
            _ => None,
        };
        if let Some(t) = target {
            t.push_str(s);
        }
    }

    /// A quoted PO string, unescaped.
    fn string(&mut self, n: usize, quoted: &str) -> Option<String> {
        let inner = quoted
            .strip_prefix('"')
            .and_then(|q| q.strip_suffix('"'))
            .filter(|_| quoted.len() >= 2);
        let Some(inner) = inner else {
            self.errors.push((
                n,
                "a string must be in double quotes on one line, e.g. msgstr \"...\"".into(),
            ));
            return None;
        };
        match unescape(inner) {
            Ok(s) => Some(s),
            Err(msg) => {
                self.errors.push((n, msg));
                None
            }
        }
    }

    fn finish(&mut self) {
        let e = std::mem::take(&mut self.entry);
        let msgstr_lines = std::mem::take(&mut self.msgstr_lines);
        self.field = Field::None;
        if e.obsolete || (e.msgid.is_none() && e.msgstr.is_none()) {
            return;
        }
        let plural = "plural entries (msgid_plural, msgstr[N]) are not used by fieldguide: make it one msgid and one msgstr, as exported";
        if e.plural && e.msgctxt.is_none() {
            self.errors.push((e.first_line, plural.into()));
            return;
        }
        let (msgid, msgstr) = if e.plural {
            (
                e.msgid.or(Some(String::new())),
                e.msgstr.or(Some(String::new())),
            )
        } else {
            (e.msgid, e.msgstr)
        };
        let (Some(msgid), Some(msgstr)) = (msgid, msgstr) else {
            self.errors.push((
                e.first_line,
                "an entry needs both a msgid and a msgstr".into(),
            ));
            return;
        };
        if msgid.is_empty() && e.msgctxt.is_none() {
            self.header
                .get_or_insert((msgstr, e.msgstr_line, msgstr_lines));
            return;
        }
        let key = e.msgctxt.unwrap_or_default();
        let line = if e.msgstr_line > 0 {
            e.msgstr_line
        } else {
            e.first_line
        };
        let place = format!("msgctxt \"{key}\"");
        let mut entry = Incoming::new(key, msgid, msgstr, line, place);
        entry.fuzzy = e.fuzzy;
        entry.exported = e.exported;
        // Only this entry's page is refused for it.
        entry.problem = e.plural.then(|| plural.to_string());
        self.out.push(entry);
    }
}

fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('a') => out.push('\u{7}'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('v') => out.push('\u{b}'),
                Some(other) => {
                    return Err(format!(
                        "unknown escape `\\{other}` in a string; write a backslash as \\\\"
                    ));
                }
                None => return Err("a string ends with a lone backslash".into()),
            },
            '"' => return Err("a double quote inside a string must be written \\\"".into()),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The header's fields, each with the line of the PO string it starts in
/// (`lines`: where each string starts in `text`); a
/// missing field gets the header's own line, `at`.
fn parse_header(text: &str, at: usize, lines: &[(usize, usize)]) -> Header {
    let mut h = Header {
        lang_line: at,
        publication_line: at,
        ..Header::default()
    };
    let mut offset = 0;
    for field in text.split_inclusive('\n') {
        // The last string starting at or before the field: earlier empty
        // strings (`msgstr ""`) hold none of it.
        let line = lines
            .iter()
            .rev()
            .find(|&&(o, _)| o <= offset)
            .map_or(at, |&(_, l)| l);
        offset += field.len();
        let Some((k, v)) = field.split_once(':') else {
            continue;
        };
        let v = v.trim().to_string();
        match k.trim() {
            "Language" => (h.lang, h.lang_line) = (v, line),
            "X-Fieldguide-Publication" => (h.publication, h.publication_line) = (v, line),
            "X-Fieldguide-Source-Language" => h.source_lang = v,
            _ => {}
        }
    }
    h
}

#[cfg(test)]
#[path = "po_tests.rs"]
mod tests;
