//! The search index of each language, written as a script.
//!
//! `<lang>/search-index.js` assigns one JSON object to
//! `window.fieldguideSearch`:
//!
//! ```text
//! {"v":1,"lang":"fr","f":"a=àá... ا=أإآٱ ...",
//!  "pubs":[[title, folder, lang?, dir?], ...],
//!  "s":[[number, separator], ...],
//!  "w":"words", "t":"terms",
//!  "docs":[[pub, path, title, text, sections, lang?, dir?], ...]}
//! ```
//!
//! - `f` is `normalise::FOLD_TABLE`: search.js folds queries with the same
//!   table as the index was made with.
//! - The vocabulary: every distinct word and separator (the text between
//!   words) of the language's pages, numbered. `s` lists the separators with
//!   their numbers; `w` holds the words, in order, for the numbers left,
//!   separated by spaces. `t` gives each word's search term (see
//!   `normalise`), also separated by spaces: empty when the term is the word
//!   itself. Terms are made here, once; the browser only normalises queries.
//!   Words and terms are front-coded: each starts with one digit (below),
//!   the number of UTF-16 units it shares with the previous word, or term.
//! - A page's title and text are streams of vocabulary numbers: the text is
//!   stored once, compactly, and serves both matching and snippets. A single
//!   space between two words is implied; other whitespace is collapsed.
//!   Each number is written as base-27 continuation digits followed by one
//!   base-64 final digit. Digits are the 91 printable ASCII characters from
//!   `#` to `~` without `\` (nothing to escape in JSON): the first 64 are
//!   final digits, the other 27 continuation digits. The 64 most frequent
//!   entries take one character, the next 1,728 two, and so on.
//! - `sections` is `[position, id, ...]`: the stream position where each
//!   section of the table of contents starts, so that a result links to the
//!   section of its snippet.
//! - `lang`/`dir` are set on pages and publications shown in another
//!   language (fallbacks).
//!
//! Everything is sorted (frequency, then bytes; pages in site order), so the
//! bytes are the same on every run and thread count.

use super::normalise::{is_word_char, normalise, runs};
use crate::content::model::{DocId, Site};
use crate::markdown::{Rendered, links};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One language's index, ready to write.
pub struct SearchIndex {
    pub lang: usize,
    /// Output path: `<lang>/search-index.js`.
    pub path: String,
    pub bytes: Vec<u8>,
    /// Plain text indexed (titles and page text), in bytes.
    pub text_bytes: usize,
    pub pages: usize,
}

/// File name of the index inside a language folder.
pub const INDEX_FILE: &str = "search-index.js";

/// Builds the index of every language, in parallel. Each document is split
/// into words once, whichever language trees show it.
pub fn build(site: &Site, rendered: &[Rendered]) -> Vec<SearchIndex> {
    let split: Vec<Split> = (0..site.docs.len())
        .into_par_iter()
        .map(|d| Split::new(site.docs[d].title(), &rendered[d]))
        .collect();
    (0..site.config.languages.len())
        .into_par_iter()
        .map(|l| language(site, &split, l))
        .collect()
}

/// A fast, deterministic hasher for the vocabulary maps (FxHash's mixing).
/// Only lookups use it: nothing is emitted in hash order.
#[derive(Default)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((chunk, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            bytes = rest;
        }
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// A document's own vocabulary: distinct tokens with counts, found through
/// an open-addressing table (faster here than a general map: one hash of
/// the bytes, no rehashing of keys).
struct Interner<'a> {
    entries: Vec<(Cow<'a, str>, u32)>,
    hashes: Vec<u64>,
    /// Entry number + 1; 0 is empty.
    slots: Vec<u32>,
    shift: u32,
}

impl<'a> Interner<'a> {
    fn with_capacity(n: usize) -> Self {
        let size = (n * 2).next_power_of_two().max(64);
        Interner {
            entries: Vec::with_capacity(n),
            hashes: Vec::with_capacity(n),
            slots: vec![0; size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The token's number, counting one more occurrence.
    fn id(&mut self, token: Cow<'a, str>) -> u32 {
        let h = hash(token.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                break;
            }
            let e = (slot - 1) as usize;
            if self.hashes[e] == h && self.entries[e].0 == token {
                self.entries[e].1 += 1;
                return e as u32;
            }
            i = (i + 1) & mask;
        }
        let e = self.entries.len();
        self.entries.push((token, 1));
        self.hashes.push(h);
        self.slots[i] = e as u32 + 1;
        if self.entries.len() * 2 > self.slots.len() {
            self.grow();
        }
        e as u32
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        self.shift -= 1;
        self.slots = vec![0; size];
        for (e, &h) in self.hashes.iter().enumerate() {
            let mut i = (h >> self.shift) as usize;
            while self.slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            self.slots[i] = e as u32 + 1;
        }
    }
}

/// The bytes of a slice of 1 to 7 bytes as one number (overlapping reads;
/// the length is hashed separately).
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        u64::from(lo) | (u64::from(hi) << 32)
    } else {
        u64::from(rest[0]) | (u64::from(rest[n / 2]) << 8) | (u64::from(rest[n - 1]) << 16)
    }
}

/// A multiplicative hash of up to 8 bytes at a time; the table uses its
/// high bits, which depend on every input bit.
#[inline]
fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    // The last 1 to 7 bytes, read without a variable-length copy (the
    // length is already in `h`).
    let rest = chunks.remainder();
    if rest.is_empty() {
        return h;
    }
    (h.rotate_left(23) ^ tail(rest)).wrapping_mul(K)
}

/// One document split into words and separators: its own small vocabulary
/// (`vocab`, with counts) and the title and text as streams into it.
struct Split<'a> {
    vocab: Vec<(Cow<'a, str>, u32)>,
    title: Stream,
    body: Stream,
    /// (stream position, heading id) of each section found in the text.
    sections: Vec<(usize, &'a str)>,
    text_bytes: usize,
}

impl<'a> Split<'a> {
    fn new(title: &'a str, r: &'a Rendered) -> Self {
        let mut ids = Interner::with_capacity(r.text.len() / 32 + 16);
        let mut title_stream = Stream::with_capacity(8);
        push_stream(&mut ids, title, &mut title_stream, &[]);
        let toc: Vec<_> = r.toc.iter().filter(|e| !e.title.is_empty()).collect();
        let headings: Vec<&str> = toc.iter().map(|e| e.title.as_str()).collect();
        let mut body = Stream::with_capacity(r.text.len() / 6);
        let found = push_stream(&mut ids, &r.text, &mut body, &headings);
        body.shrink_to_fit();
        Split {
            vocab: ids.entries,
            title: title_stream,
            body,
            sections: found
                .into_iter()
                .map(|(h, pos)| (pos, toc[h].id.as_str()))
                .collect(),
            text_bytes: title.len() + r.text.len(),
        }
    }
}

/// A document's own token numbers: 16 bits each while the document has
/// fewer than 65,536 distinct tokens (always, in practice), which halves the
/// memory that every page's stream takes until the indexes are written.
enum Stream {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Stream {
    fn with_capacity(n: usize) -> Self {
        Stream::Narrow(Vec::with_capacity(n))
    }

    fn len(&self) -> usize {
        match self {
            Stream::Narrow(v) => v.len(),
            Stream::Wide(v) => v.len(),
        }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn push(&mut self, id: u32) {
        match self {
            Stream::Narrow(v) => match u16::try_from(id) {
                Ok(id) => v.push(id),
                Err(_) => {
                    let mut wide: Vec<u32> = v.iter().map(|&i| u32::from(i)).collect();
                    wide.push(id);
                    *self = Stream::Wide(wide);
                }
            },
            Stream::Wide(v) => v.push(id),
        }
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Stream::Narrow(v) => v.shrink_to_fit(),
            Stream::Wide(v) => v.shrink_to_fit(),
        }
    }

    #[cfg(test)]
    fn to_vec(&self) -> Vec<u32> {
        match self {
            Stream::Narrow(v) => v.iter().map(|&i| u32::from(i)).collect(),
            Stream::Wide(v) => v.clone(),
        }
    }
}

/// Appends `text`'s runs to `out`. Also finds where `headings` (the table
/// of contents' titles, in order) start in the text: returns (heading,
/// stream position) for each found. A heading not found does not hide the
/// next ones.
fn push_stream<'a>(
    ids: &mut Interner<'a>,
    text: &'a str,
    out: &mut Stream,
    headings: &[&str],
) -> Vec<(usize, usize)> {
    let mut found = Vec::with_capacity(headings.len());
    let mut next = 0;
    // Each heading's first character, and whether it is a word character.
    let firsts: Vec<(char, bool)> = headings
        .iter()
        .map(|h| {
            let c = h.chars().next().unwrap_or(' ');
            (c, is_word_char(c))
        })
        .collect();
    // The next few headings looked for: first bytes of those that start
    // with a word (a cheap test on every word), and whether one starts
    // with punctuation.
    let window = |next: usize| {
        let (mut bytes, mut punct) = ([0u8; 3], false);
        for (i, h) in (next..headings.len().min(next + 3)).enumerate() {
            if firsts[h].1 {
                bytes[i] = headings[h].as_bytes()[0];
            } else {
                punct = true;
            }
        }
        (bytes, punct)
    };
    let (mut wanted, mut punct) = window(0);
    let bytes = text.as_bytes();
    for (at, run, word) in runs(text) {
        let look = next < headings.len()
            && if word {
                wanted.contains(&bytes[at])
            } else {
                punct
            };
        if look {
            let mut hit = None;
            for h in next..headings.len().min(next + 3) {
                let (c, word_led) = firsts[h];
                let start = match (word, word_led) {
                    (true, true) => at,
                    (false, false) => match run.find(c) {
                        Some(i) => at + i,
                        None => continue,
                    },
                    _ => continue,
                };
                let heading = headings[h];
                if text[start..].starts_with(heading)
                    && !text[start + heading.len()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char)
                {
                    hit = Some(h);
                    break;
                }
            }
            if let Some(h) = hit {
                found.push((h, out.len()));
                next = h + 1;
                (wanted, punct) = window(next);
            }
        }
        let token = if word {
            Cow::Borrowed(run)
        } else {
            if run == " " {
                continue;
            }
            let sep = squash(run);
            // Single spaces between words are implied; the text starts
            // without whitespace.
            if sep == " " {
                continue;
            }
            if out.is_empty() {
                match sep {
                    Cow::Borrowed(s) => Cow::Borrowed(s.trim_start()),
                    Cow::Owned(s) => Cow::Owned(s.trim_start().to_string()),
                }
            } else {
                sep
            }
        };
        out.push(ids.id(token));
    }
    found
}

/// Whitespace runs become one space.
fn squash(sep: &str) -> Cow<'_, str> {
    let mut prev_space = false;
    let clean = sep.chars().all(|c| {
        let ok = !c.is_whitespace() || (c == ' ' && !prev_space);
        prev_space = c.is_whitespace();
        ok
    });
    if clean {
        return Cow::Borrowed(sep);
    }
    let mut out = String::with_capacity(sep.len());
    let mut space = false;
    for c in sep.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    Cow::Owned(out)
}

/// A language's pages in site order, with the document each shows.
fn language(site: &Site, split: &[Split], l: usize) -> SearchIndex {
    let code = &site.config.languages[l].code;
    let pages: Vec<(usize, Option<DocId>)> = site
        .nodes
        .iter()
        .enumerate()
        .map(|(n, node)| (n, node.doc_for(l)))
        .collect();
    // A page without any document (not expected) is indexed by its slug.
    let empty = Rendered::default();
    let orphans: HashMap<usize, Split> = pages
        .iter()
        .filter(|(_, d)| d.is_none())
        .map(|&(n, _)| (n, Split::new(&site.nodes[n].slug, &empty)))
        .collect();
    let split_of = |n: usize, d: Option<DocId>| -> &Split {
        match d {
            Some(d) => &split[d],
            None => &orphans[&n],
        }
    };

    // The language's vocabulary: each document's entries mapped to one
    // numbering, with total counts.
    let mut ids: FxMap<&str, u32> = FxMap::default();
    let mut vocab: Vec<(&str, u32)> = Vec::new();
    let mut maps: Vec<Vec<u32>> = Vec::with_capacity(pages.len());
    let mut text_bytes = 0;
    for &(n, d) in &pages {
        let s = split_of(n, d);
        text_bytes += s.text_bytes;
        let map = s
            .vocab
            .iter()
            .map(|(t, count)| {
                let id = *ids.entry(t.as_ref()).or_insert_with(|| {
                    vocab.push((t.as_ref(), 0));
                    vocab.len() as u32 - 1
                });
                vocab[id as usize].1 += count;
                id
            })
            .collect();
        maps.push(map);
    }
    // Search terms, made once per distinct word (None: a separator).
    let terms: Vec<Option<Cow<str>>> = vocab
        .par_iter()
        .map(|&(surface, _)| {
            let word = surface.chars().next().is_some_and(is_word_char);
            word.then(|| {
                let term = normalise(surface);
                if term == surface {
                    Cow::Borrowed(surface)
                } else {
                    Cow::Owned(term)
                }
            })
        })
        .collect();
    // Most frequent first: the first 64 entries get one-character codes,
    // the next 1,728 two, and so on. Inside each such band the order costs
    // nothing, so there entries are sorted (separators, then words by term
    // and spelling) for front coding. Ties by bytes: deterministic.
    let mut order: Vec<u32> = (0..vocab.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| {
        let (sa, ca) = vocab[a as usize];
        let (sb, cb) = vocab[b as usize];
        cb.cmp(&ca).then_with(|| sa.cmp(sb))
    });
    let (mut start, mut width) = (0, FINAL as usize);
    while start < order.len() {
        let end = order.len().min(start + width);
        order[start..end]
            .sort_unstable_by_key(|&id| (terms[id as usize].as_deref(), vocab[id as usize].0));
        start = end;
        width = width.saturating_mul(CONT as usize);
    }
    let mut rank = vec![0u32; vocab.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32;
    }

    // The pages, each encoded in parallel.
    let pub_index: HashMap<usize, usize> = site
        .publications
        .iter()
        .enumerate()
        .map(|(i, &p)| (p, i))
        .collect();
    let lang_attrs = |d: Option<DocId>| -> Option<(&str, &str)> {
        let shown = d.map(|d| site.docs[d].file.lang)?;
        (shown != l).then(|| {
            let lang = &site.config.languages[shown];
            (lang.code.as_str(), lang.dir.as_str())
        })
    };
    let docs: Vec<String> = pages
        .par_iter()
        .zip(maps.par_iter())
        .map(|(&(n, d), map)| {
            let s = split_of(n, d);
            let node = &site.nodes[n];
            let publication = &site.nodes[node.publication];
            let path = node
                .url
                .strip_prefix(publication.out_dir())
                .unwrap_or(&node.url);
            let mut out = String::with_capacity(s.body.len() + 64);
            out.push('[');
            out.push_str(
                &pub_index
                    .get(&node.publication)
                    .copied()
                    .unwrap_or(0)
                    .to_string(),
            );
            out.push(',');
            json_str(&mut out, &links::encode_path(path));
            out.push_str(",\"");
            encode(&mut out, &s.title, map, &rank);
            out.push_str("\",\"");
            encode(&mut out, &s.body, map, &rank);
            out.push_str("\",[");
            for (i, (pos, id)) in s.sections.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&pos.to_string());
                out.push(',');
                json_str(&mut out, id);
            }
            out.push(']');
            if let Some((lang, dir)) = lang_attrs(d) {
                out.push(',');
                json_str(&mut out, lang);
                out.push(',');
                json_str(&mut out, dir);
            }
            out.push(']');
            out
        })
        .collect();

    let mut js = String::with_capacity(docs.iter().map(String::len).sum::<usize>() + 64 * 1024);
    js.push_str("window.fieldguideSearch={\"v\":1,\"lang\":");
    json_str(&mut js, code);
    js.push_str(",\"f\":");
    json_str(&mut js, super::normalise::FOLD_TABLE);
    js.push_str(",\"pubs\":[");
    for (i, &p) in site.publications.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        js.push('[');
        json_str(&mut js, site.title(p, l));
        js.push(',');
        json_str(&mut js, &links::encode_path(site.nodes[p].out_dir()));
        if let Some((lang, dir)) = lang_attrs(site.nodes[p].doc_for(l)) {
            js.push(',');
            json_str(&mut js, lang);
            js.push(',');
            json_str(&mut js, dir);
        }
        js.push(']');
    }
    // Separators with their numbers; words and their terms front-coded.
    js.push_str("],\"s\":[");
    let mut words = String::new();
    let mut word_terms = String::new();
    let (mut prev_word, mut prev_term) = ("", "");
    let mut first_sep = true;
    for (r, &id) in order.iter().enumerate() {
        let surface = vocab[id as usize].0;
        match &terms[id as usize] {
            None => {
                if !first_sep {
                    js.push(',');
                }
                first_sep = false;
                js.push('[');
                js.push_str(&r.to_string());
                js.push(',');
                json_str(&mut js, surface);
                js.push(']');
            }
            Some(term) => {
                if !words.is_empty() {
                    words.push(' ');
                    word_terms.push(' ');
                }
                front_code(&mut words, prev_word, surface);
                if term.as_ref() != surface {
                    front_code(&mut word_terms, prev_term, term);
                }
                prev_word = surface;
                prev_term = term;
            }
        }
    }
    js.push_str("],\"w\":");
    json_str(&mut js, &words);
    js.push_str(",\"t\":");
    json_str(&mut js, &word_terms);
    js.push_str(",\"docs\":[");
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            js.push_str(",\n");
        }
        js.push_str(d);
    }
    js.push_str("]};\n");
    SearchIndex {
        lang: l,
        path: format!("{code}/{INDEX_FILE}"),
        bytes: js.into_bytes(),
        text_bytes,
        pages: pages.len(),
    }
}

/// A JSON string, safe in a script: serde_json escapes quotes, backslashes
/// and controls; U+2028 and U+2029 (line ends in older JavaScript) are
/// escaped too.
fn json_str(out: &mut String, s: &str) {
    let json = serde_json::to_string(s).expect("a string serialises");
    if json.contains(['\u{2028}', '\u{2029}']) {
        out.push_str(
            &json
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029"),
        );
    } else {
        out.push_str(&json);
    }
}

/// Writes `s` as the length of the prefix it shares with `prev` (one digit,
/// counted in UTF-16 units as JavaScript slices strings, at most 90) and the
/// rest.
fn front_code(out: &mut String, prev: &str, s: &str) {
    let (mut units, mut bytes) = (0, 0);
    for (a, b) in prev.chars().zip(s.chars()) {
        if a != b || units + b.len_utf16() > 90 {
            break;
        }
        units += b.len_utf16();
        bytes += b.len_utf8();
    }
    out.push(digit(units as u32));
    out.push_str(&s[bytes..]);
}

/// Final digits: 64 values; continuation digits: 27.
const FINAL: u32 = 64;
const CONT: u32 = 27;

/// The character of digit value `v` (0..91): `#`..`~` without `\`.
fn digit(v: u32) -> char {
    let c = v + 35;
    char::from_u32(if c >= 92 { c + 1 } else { c }).expect("ASCII")
}

/// Writes one entry number.
fn push_number(out: &mut String, n: u32) {
    let mut buf = ['\0'; 8];
    let mut i = buf.len() - 1;
    buf[i] = digit(n % FINAL);
    let mut rest = n / FINAL;
    while rest > 0 {
        rest -= 1;
        i -= 1;
        buf[i] = digit(FINAL + rest % CONT);
        rest /= CONT;
    }
    out.extend(&buf[i..]);
}

fn encode(out: &mut String, stream: &Stream, map: &[u32], rank: &[u32]) {
    match stream {
        Stream::Narrow(v) => {
            for &local in v {
                push_number(out, rank[map[usize::from(local)] as usize]);
            }
        }
        Stream::Wide(v) => {
            for &local in v {
                push_number(out, rank[map[local as usize] as usize]);
            }
        }
    }
}

/// Reads numbers back (what search.js does), for tests.
#[cfg(test)]
fn decode(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut v = 0;
    for c in s.bytes() {
        let mut d = u32::from(c) - 35;
        if d > 57 {
            d -= 1;
        }
        if d < FINAL {
            out.push(v * FINAL + d);
            v = 0;
        } else {
            v = v * CONT + d - FINAL + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads an index back as search.js does: (words, terms, is word).
    fn vocabulary(idx: &serde_json::Value) -> Vec<(String, String, bool)> {
        let digit = |c: char| {
            let d = c as u32 - 35;
            (if d > 57 { d - 1 } else { d }) as usize
        };
        let units = |s: &str, n: usize| -> String {
            let v: Vec<u16> = s.encode_utf16().take(n).collect();
            String::from_utf16(&v).unwrap()
        };
        let words: Vec<&str> = match idx["w"].as_str().unwrap() {
            "" => Vec::new(),
            w => w.split(' ').collect(),
        };
        let terms: Vec<&str> = idx["t"].as_str().unwrap().split(' ').collect();
        let seps = idx["s"].as_array().unwrap();
        let (mut out, mut k, mut j) = (Vec::new(), 0, 0);
        let (mut w, mut t) = (String::new(), String::new());
        while j < words.len() || k < seps.len() {
            if k < seps.len() && seps[k][0].as_u64() == Some(out.len() as u64) {
                out.push((
                    seps[k][1].as_str().unwrap().to_string(),
                    String::new(),
                    false,
                ));
                k += 1;
                continue;
            }
            let e = words[j];
            let first = e.chars().next().unwrap();
            w = units(&w, digit(first)) + &e[1..];
            t = match terms[j] {
                "" => w.clone(),
                e => units(&t, digit(e.chars().next().unwrap())) + &e[1..],
            };
            j += 1;
            out.push((w.clone(), t.clone(), true));
        }
        out
    }

    #[test]
    fn an_index_reads_back_to_the_pages_text() {
        let opts = crate::pipeline::Options {
            source: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"),
            ..Default::default()
        };
        let Ok(a) = crate::pipeline::analyse(&opts) else {
            panic!("the fixture does not load");
        };
        let indexes = build(&a.site, &a.rendered);
        assert_eq!(indexes.len(), a.site.config.languages.len());
        for index in &indexes {
            let js = std::str::from_utf8(&index.bytes).unwrap();
            let json = js
                .strip_prefix("window.fieldguideSearch=")
                .and_then(|s| s.strip_suffix(";\n"))
                .unwrap();
            let idx: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(idx["f"], super::super::normalise::FOLD_TABLE);
            let vocab = vocabulary(&idx);
            for (w, t, word) in &vocab {
                if *word {
                    assert_eq!(*t, normalise(w), "{w}");
                }
            }
            let docs = idx["docs"].as_array().unwrap();
            assert_eq!(docs.len(), a.site.nodes.len());
            for (n, d) in docs.iter().enumerate() {
                let node = &a.site.nodes[n];
                let shown = node.doc_for(index.lang).unwrap();
                let read = |s: &str| {
                    let mut out = String::new();
                    let mut prev = false;
                    for id in decode(s) {
                        let (w, _, word) = &vocab[id as usize];
                        if *word && prev {
                            out.push(' ');
                        }
                        out.push_str(w);
                        prev = *word;
                    }
                    out
                };
                assert_eq!(read(d[2].as_str().unwrap()), a.site.docs[shown].title());
                let text = &a.rendered[shown].text;
                let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(read(d[3].as_str().unwrap()).trim_end(), squashed);
                // Fallback pages carry their language.
                let fallback = a.site.docs[shown].file.lang != index.lang;
                assert_eq!(d.get(5).is_some(), fallback, "{}", node.url);
            }
        }
    }

    #[test]
    fn numbers_round_trip() {
        let mut s = String::new();
        let ns: Vec<u32> = (0..5000)
            .chain([63, 64, 1791, 1792, 48447, 48448, 1 << 20, u32::MAX])
            .collect();
        for &n in &ns {
            push_number(&mut s, n);
        }
        assert!(!s.contains(['\\', '"']));
        assert!(s.chars().all(|c| ('#'..='~').contains(&c)));
        assert_eq!(decode(&s), ns);
        let len = |n| {
            let mut s = String::new();
            push_number(&mut s, n);
            s.len()
        };
        assert_eq!(
            (len(0), len(63), len(64), len(1791), len(1792)),
            (1, 1, 2, 2, 3)
        );
    }

    #[test]
    fn streams_widen_when_needed() {
        let mut s = Stream::with_capacity(2);
        s.push(7);
        s.push(65_535);
        assert!(matches!(s, Stream::Narrow(_)));
        s.push(65_536);
        assert!(matches!(s, Stream::Wide(_)));
        s.push(3);
        assert_eq!(s.to_vec(), [7, 65_535, 65_536, 3]);
        let (mut a, mut b) = (String::new(), String::new());
        let map: Vec<u32> = (0..70_000).collect();
        encode(&mut a, &s, &map, &map);
        for n in [7, 65_535, 65_536, 3] {
            push_number(&mut b, n);
        }
        assert_eq!(a, b);
    }

    #[test]
    fn whitespace_is_squashed() {
        assert!(matches!(squash(", "), Cow::Borrowed(", ")));
        assert_eq!(squash(" \n\t "), " ");
        assert_eq!(squash(".\u{a0}\u{a0}("), ". (");
        assert_eq!(squash("  "), " ");
    }

    #[test]
    fn json_strings_are_script_safe() {
        let mut s = String::new();
        json_str(&mut s, "a\u{2028}b\u{2029}c\"</script>\\\n");
        assert_eq!(s, "\"a\\u2028b\\u2029c\\\"</script>\\\\\\n\"");
    }

    fn rendered(text: &str) -> Rendered {
        Rendered {
            text: text.into(),
            ..Default::default()
        }
    }

    /// Rebuilds a stream's text as search.js does.
    fn text_of(split: &Split, stream: &[u32]) -> String {
        let mut out = String::new();
        let mut prev_word = false;
        for &id in stream {
            let t = split.vocab[id as usize].0.as_ref();
            let word = t.chars().next().is_some_and(is_word_char);
            if word && prev_word {
                out.push(' ');
            }
            out.push_str(t);
            prev_word = word;
        }
        out
    }

    #[test]
    fn split_keeps_the_text_with_whitespace_collapsed() {
        let r = rendered("  Sécurité d’abord:  la sécurité,\n\nd'abord. ٢٠٢٤ ");
        let s = Split::new("Titre", &r);
        assert_eq!(
            text_of(&s, &s.body.to_vec()),
            "Sécurité d’abord: la sécurité, d'abord. ٢٠٢٤"
        );
        assert_eq!(text_of(&s, &s.title.to_vec()), "Titre");
        // "d" and "abord" recur; entries are shared between title and text.
        let count = |w: &str| s.vocab.iter().find(|v| v.0 == w).map(|v| v.1);
        assert_eq!(count("abord"), Some(2));
        assert_eq!(count("Sécurité"), Some(1));
        assert_eq!(count("sécurité"), Some(1));
        assert_eq!(s.text_bytes, "Titre".len() + r.text.len());
    }

    #[test]
    fn sections_are_found_in_order() {
        let mut r = rendered(
            "Intro text about Risk. Risks more text about risks, referral. Referral who to call. « Notes » here. ",
        );
        for (id, title) in [
            ("risks", "Risks"),
            ("gone", "Missing"),
            ("referral", "Referral"),
            ("notes", "« Notes »"),
        ] {
            r.toc.push(crate::markdown::TocEntry {
                level: 2,
                id: id.into(),
                title: title.into(),
            });
        }
        let s = Split::new("T", &r);
        let body = s.body.to_vec();
        let at = |pos: usize| text_of(&s, &body[pos..pos + 1]);
        assert_eq!(s.sections.len(), 3);
        assert_eq!(
            (s.sections[0].1, at(s.sections[0].0).as_str()),
            ("risks", "Risks")
        );
        assert_eq!(
            (s.sections[1].1, at(s.sections[1].0).as_str()),
            ("referral", "Referral")
        );
        assert_eq!(
            (s.sections[2].1, at(s.sections[2].0).as_str()),
            ("notes", ". « ")
        );
    }
}
