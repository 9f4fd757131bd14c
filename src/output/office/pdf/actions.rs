//! Actions a PDF viewer runs without the reader asking: the document's
//! open action (`/OpenAction`) and the additional actions (`/AA`) of the
//! document, its pages, links and fields (a page opened or closed, the
//! pointer entering a link, the file printed). One that opens a web
//! address or a file elsewhere (`/URI`, `/GoToR`, `/GoToE`, `/ImportData`,
//! `/SubmitForm`, a file named `\\server\share\…`) tells that computer who
//! opened the document, and on Windows offers a share the reader's
//! credentials. A link's own action (`/A`) runs on a click: not read here.
//! Actions are followed through object references (in the file and in its
//! object streams) and `/Next`, each object once.

use super::syntax::{Value, delimiter, elements, entries, value};
use super::{body_start, literal, name, skip_line};
use std::collections::{HashMap, HashSet};

/// The most bytes of dictionaries read in all: `/AA` nested in `/AA`
/// would otherwise read the same bytes once per level.
const BUDGET: usize = if cfg!(test) { 1 << 12 } else { 64 << 20 };

/// What each action type fetches from: its address, or its file.
const FETCHING: &[&[u8]] = &[b"URI", b"GoToR", b"GoToE", b"ImportData", b"SubmitForm"];

/// Actions that play media, which Acrobat fetches when the media's file
/// specification is a URL (`/FS /URL /F (http://…)`).
const MEDIA: &[&[u8]] = &[b"Rendition", b"Sound", b"Movie", b"RichMediaExecute"];

/// Keys not followed from a media action to its media: they lead to the
/// page, other annotations and other actions (run on a click, or read on
/// their own).
const NOT_MEDIA: &[&[u8]] = &[
    b"P",
    b"Parent",
    b"Next",
    b"Annots",
    b"Kids",
    b"A",
    b"AA",
    b"OpenAction",
    b"Dest",
    b"S",
];

/// The actions a viewer runs unasked that fetch something: (what and
/// when, where from); `Err` when they are nested past the budget.
/// `file` is the PDF, `streams` its object streams (dictionary, inflated).
pub fn unasked(
    file: &[u8],
    streams: &[(Vec<u8>, Vec<u8>)],
) -> Result<Vec<(String, String)>, String> {
    let mut reader = Reader::new(file, streams);
    for bytes in std::iter::once(file).chain(streams.iter().map(|(_, s)| &s[..])) {
        for (trigger, at) in keys(bytes, &[b"OpenAction", b"AA"]) {
            let (v, _) = value(bytes, at);
            if trigger == b"OpenAction" {
                reader.action(v, "on opening (`/OpenAction`)", 0)?;
            } else {
                reader.additional(v)?;
            }
        }
    }
    Ok(reader.out)
}

pub(super) struct Reader<'a> {
    /// Each object's bytes by number, every definition of it: a file
    /// updated in place, or an object both in the file and in a stream,
    /// may define one twice, and which a viewer takes is the xref's call.
    objects: HashMap<u32, Vec<&'a [u8]>>,
    seen: HashSet<u32>,
    left: usize,
    out: Vec<(String, String)>,
}

impl<'a> Reader<'a> {
    /// A reader of the objects of `file` and of its object `streams`.
    pub(super) fn new(file: &'a [u8], streams: &'a [(Vec<u8>, Vec<u8>)]) -> Self {
        let mut reader = Reader {
            objects: HashMap::new(),
            seen: HashSet::new(),
            left: BUDGET,
            out: Vec::new(),
        };
        reader.index_file(file);
        for (dict, inflated) in streams {
            reader.index_stream(dict, inflated);
        }
        reader
    }

    /// `N G obj … endobj` in the file.
    fn index_file(&mut self, file: &'a [u8]) {
        // The next `endobj`, found once for all the `obj`s before it (a
        // file of `obj`s without one would otherwise be read to its end
        // for each).
        let mut endobj = 0;
        for at in memchr::memmem::find_iter(file, b"obj") {
            if !file.get(at + 3).is_none_or(|b| delimiter(*b)) {
                continue;
            }
            let Some(number) = object_number(&file[..at]) else {
                continue;
            };
            let start = at + 3;
            if endobj < start {
                endobj = memchr::memmem::find(&file[start..], b"endobj")
                    .map_or(file.len(), |e| start + e);
            }
            let end = endobj;
            self.objects
                .entry(number)
                .or_default()
                .push(&file[start..end]);
        }
    }

    /// An object stream: `/N` pairs of number and offset, then the objects
    /// from `/First`.
    fn index_stream(&mut self, dict: &[u8], inflated: &'a [u8]) {
        let count = integer_after(dict, b"/N").unwrap_or(0);
        let Some(first) = integer_after(dict, b"/First").filter(|f| *f <= inflated.len()) else {
            return;
        };
        let numbers: Vec<usize> = String::from_utf8_lossy(&inflated[..first])
            .split_ascii_whitespace()
            .take(count.min(first) * 2)
            .filter_map(|n| n.parse().ok())
            .collect();
        let pairs: Vec<&[usize]> = numbers.chunks_exact(2).collect();
        for (k, pair) in pairs.iter().enumerate() {
            let start = (first + pair[1]).min(inflated.len());
            let end = pairs
                .get(k + 1)
                .map_or(inflated.len(), |p| (first + p[1]).min(inflated.len()))
                .max(start);
            if let Ok(number) = u32::try_from(pair[0]) {
                self.objects
                    .entry(number)
                    .or_default()
                    .push(&inflated[start..end]);
            }
        }
    }

    /// The dictionaries a value stands for: itself, or the objects it
    /// refers to (each once in a run).
    pub(super) fn dicts(&mut self, v: Value<'a>) -> Result<Vec<&'a [u8]>, String> {
        let found = match v {
            Value::Dict(d) => vec![d],
            Value::Ref(n) if self.seen.insert(n) => {
                let bodies = self.objects.get(&n).cloned().unwrap_or_default();
                bodies
                    .into_iter()
                    .filter_map(|b| match value(b, 0).0 {
                        Value::Dict(d) => Some(d),
                        _ => None,
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        for d in &found {
            self.charge(d.len())?;
        }
        Ok(found)
    }

    /// Counts `n` bytes read against the budget.
    fn charge(&mut self, n: usize) -> Result<(), String> {
        self.left = self
            .left
            .checked_sub(n)
            .ok_or_else(|| "its actions are nested past what is read".to_string())?;
        Ok(())
    }

    /// An `/AA` dictionary: each event's action, but a press or release of
    /// the mouse button (`/D`, `/U`), which is the reader's click.
    fn additional(&mut self, v: Value<'a>) -> Result<(), String> {
        for d in self.dicts(v)? {
            for (key, v) in entries(d) {
                if key != b"D" && key != b"U" {
                    let key = String::from_utf8_lossy(&key).into_owned();
                    let when = format!(
                        "on an event of the document, a page, a link or a field (`/AA /{key}`)"
                    );
                    self.action(v, &when, 0)?;
                }
            }
        }
        Ok(())
    }

    /// An action (or an array of them, as `/Next` holds) and those that
    /// follow it.
    fn action(&mut self, v: Value<'a>, when: &str, depth: usize) -> Result<(), String> {
        if depth > 32 {
            return Err("its actions are chained past what is read".to_string());
        }
        if let Value::Array(items) = v {
            self.charge(items.len())?;
            for item in elements(items) {
                self.action(item, when, depth + 1)?;
            }
            return Ok(());
        }
        for d in self.dicts(v)? {
            let entries = entries(d);
            let get = |k: &[u8]| {
                entries
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            };
            if let Some(Value::Name(kind)) = get(b"S")
                && FETCHING.contains(&&kind[..])
            {
                let target = match get(if kind == b"URI" { b"URI" } else { b"F" }) {
                    Some(v) => match self.text(v.clone()) {
                        Some(s) => Some(s),
                        None => self.file_spec(v)?,
                    },
                    None => None,
                };
                if let Some(t) = target {
                    let kind = String::from_utf8_lossy(&kind);
                    self.out.push((format!("a `/{kind}` action run {when}"), t));
                }
            }
            if let Some(Value::Name(kind)) = get(b"S")
                && MEDIA.contains(&&kind[..])
            {
                let mut sources = Vec::new();
                self.sources(Value::Dict(d), 0, &mut sources)?;
                let kind = String::from_utf8_lossy(&kind);
                for t in sources {
                    let what = format!("the media of a `/{kind}` action run {when}");
                    self.out.push((what, t));
                }
            }
            if let Some(next) = get(b"Next") {
                self.action(next, when, depth + 1)?;
            }
        }
        Ok(())
    }

    /// The file names and addresses a media action's media is read from
    /// (`/F`, `/UF`, `/URL` of its file specifications), as deep as a
    /// rendition's clip's data lies.
    fn sources(&mut self, v: Value<'a>, depth: usize, out: &mut Vec<String>) -> Result<(), String> {
        if depth > 8 {
            return Ok(());
        }
        if let Value::Array(items) = v {
            self.charge(items.len())?;
            for item in elements(items) {
                self.sources(item, depth + 1, out)?;
            }
            return Ok(());
        }
        for d in self.dicts(v)? {
            for (key, v) in entries(d) {
                if NOT_MEDIA.contains(&&key[..]) {
                    continue;
                }
                match self.text(v.clone()) {
                    Some(s) if matches!(&key[..], b"F" | b"UF" | b"URL" | b"DOS" | b"Unix") => {
                        out.push(s)
                    }
                    Some(_) => {}
                    None => self.sources(v, depth + 1, out)?,
                }
            }
        }
        Ok(())
    }

    /// A file specification's name: its `/UF`, `/F` or a system's.
    fn file_spec(&mut self, v: Value<'a>) -> Result<Option<String>, String> {
        for d in self.dicts(v)? {
            for (key, v) in entries(d) {
                if matches!(&key[..], b"UF" | b"F" | b"DOS" | b"Unix" | b"Mac")
                    && let Some(s) = self.text(v)
                {
                    return Ok(Some(s));
                }
            }
        }
        Ok(None)
    }

    /// The values object `n` is defined as (once each definition).
    pub(super) fn values(&self, n: u32) -> Vec<Value<'a>> {
        self.objects
            .get(&n)
            .map_or_else(Vec::new, |b| b.iter().map(|b| value(b, 0).0).collect())
    }

    /// A string, written in place or as an object of its own.
    pub(super) fn text(&self, v: Value<'a>) -> Option<String> {
        match v {
            Value::Str(s) => Some(s),
            Value::Ref(n) => self
                .objects
                .get(&n)?
                .iter()
                .find_map(|b| match value(b, 0).0 {
                    Value::Str(s) => Some(s),
                    _ => None,
                }),
            _ => None,
        }
    }
}

/// Where the names `wanted` (`/OpenAction`, `/AA`) are in `bytes`: after
/// the name. Strings, comments and stream bodies are skipped, as `scan`
/// does.
pub(super) fn keys(bytes: &[u8], wanted: &[&'static [u8]]) -> Vec<(&'static [u8], usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => i = skip_line(bytes, i),
            b'(' => i = literal(bytes, i).0,
            b'/' => {
                let (n, end) = name(bytes, i + 1);
                i = end;
                if let Some(w) = wanted.iter().find(|w| **w == &n[..]) {
                    out.push((*w, i));
                }
            }
            b's' if bytes[i..].starts_with(b"stream") && !bytes[..i].ends_with(b"end") => {
                let start = body_start(bytes, i + b"stream".len());
                i = memchr::memmem::find(&bytes[start..], b"endstream")
                    .map_or(bytes.len(), |e| start + e + b"endstream".len());
            }
            _ => i += 1,
        }
    }
    out
}

/// The object number before `obj` (`12 0 obj`), where `head` ends at it.
pub(super) fn object_number(head: &[u8]) -> Option<u32> {
    let text = &head[head.len().saturating_sub(24)..];
    let text = String::from_utf8_lossy(text);
    if !text.ends_with(|c: char| c.is_ascii_whitespace()) {
        return None;
    }
    let mut words = text.split_ascii_whitespace().rev();
    let generation = words.next()?;
    let number = words.next()?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (all_digits(generation) && all_digits(number)).then(|| number.parse().ok())?
}

/// The integer after the key `key` in a stream's dictionary (`/N 3`).
pub(super) fn integer_after(dict: &[u8], key: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&dict[from..], key).map(|a| from + a) {
        from = at + key.len();
        if dict.get(from).is_some_and(|b| b.is_ascii_whitespace()) {
            let text = String::from_utf8_lossy(&dict[from..dict.len().min(from + 24)]);
            return text.split_ascii_whitespace().next()?.parse().ok();
        }
    }
    None
}

#[cfg(test)]
mod tests;
