//! Large files emitted as they are made (print pages), never held whole.

use super::matching::Matching;
use super::{Emitted, Emitter, Entry, Scratch, Zipped};
use crate::diagnostics::Diagnostic;
use crate::output::download::EntryWriter;
use std::io::Write;

/// A large file emitted as it is made (a print page: a whole publication
/// in one document), never held whole: each piece is hashed, compressed
/// for the zip (into a scratch file of its own) and written to the sink's
/// scratch file as it comes.
pub struct Streamed {
    path: String,
    hasher: blake3::Hasher,
    len: u64,
    zip: Option<EntryWriter<Scratch>>,
    /// The earlier zip's entry, while it holds what was written so far:
    /// nothing is compressed unless it stops matching.
    matching: Option<Matching>,
    out: Scratch,
    /// The whole file, only when its print key needs it (`track_prints`).
    copy: Option<Vec<u8>>,
    /// A write failed (and was reported): the rest is not written.
    failed: bool,
}

impl Streamed {
    /// Whether a write failed (and was reported).
    pub fn failed(&self) -> bool {
        self.failed
    }
}

/// A streamed file as `io::Write` (see [`Emitter::writer`]).
pub struct StreamWriter<'e, 's> {
    em: &'e Emitter<'s>,
    stream: &'e mut Streamed,
}

impl std::io::Write for StreamWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.em.write_stream(self.stream, buf) {
            Ok(buf.len())
        } else {
            Err(std::io::Error::other("the stream could not be written"))
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'s> Emitter<'s> {
    /// `stream` as `io::Write`, for writers that take one (the search
    /// indexes): each write is [`Emitter::write_stream`].
    pub fn writer<'e>(&'e self, stream: &'e mut Streamed) -> StreamWriter<'e, 's> {
        StreamWriter { em: self, stream }
    }
}

impl Emitter<'_> {
    /// Starts the file `path`, to be written piece by piece
    /// ([`Emitter::write_stream`]) and finished by
    /// [`Emitter::finish_stream`]. `None` (the error recorded) when no
    /// scratch file can be made.
    pub fn stream(&self, path: String) -> Option<Streamed> {
        let out = self.sink.scratch().map_err(|d| self.error(d)).ok()?;
        let name = format!("{}/{}", self.zip_root, path);
        let matching = match (&self.zip, &self.earlier) {
            (Some(_), Some(e)) => e.matching(&name),
            _ => None,
        };
        let zip = match &self.zip {
            Some(_) if matching.is_none() => Some(self.entry_writer(&path, &name)?),
            _ => None,
        };
        let copy = self.tracks(&path).then(Vec::new);
        Some(Streamed {
            path,
            hasher: blake3::Hasher::new(),
            len: 0,
            zip,
            matching,
            out,
            copy,
            failed: false,
        })
    }

    /// Adds `bytes` to the streamed file; false (the error recorded) when
    /// it cannot be written.
    pub fn write_stream(&self, s: &mut Streamed, bytes: &[u8]) -> bool {
        if s.failed {
            return false;
        }
        s.hasher.update(bytes);
        let before = s.len;
        s.len += bytes.len() as u64;
        if let Some(copy) = &mut s.copy {
            copy.extend_from_slice(bytes);
        }
        if let Some(m) = &mut s.matching
            && !m.feed(bytes)
        {
            // It differs: compress what was written so far, and go on.
            s.matching = None;
            match self.compress_written(&s.path, &s.out, before) {
                Some(z) => s.zip = Some(z),
                None => {
                    s.failed = true;
                    return false;
                }
            }
        }
        if let Some(z) = &mut s.zip
            && let Err(e) = z.write_all(bytes)
        {
            self.error(self.zip_error(&s.path, zip::result::ZipError::Io(e)));
            s.failed = true;
            return false;
        }
        if let Err(e) = s.out.write_all(bytes) {
            self.error(self.stream_error(&s.path, &e));
            s.failed = true;
            return false;
        }
        true
    }

    /// The streamed file, handed to the sink: pass it to
    /// [`Emitter::record`] as any prepared file.
    pub fn finish_stream(&self, s: Streamed) -> Option<Emitted> {
        let Streamed {
            path,
            hasher,
            len,
            mut zip,
            matching,
            mut out,
            copy,
            failed,
        } = s;
        if failed {
            return None;
        }
        let mut reused = None;
        if let Some(m) = matching {
            reused = m.finish();
            if reused.is_none() {
                zip = Some(self.compress_written(&path, &out, len)?);
            }
        }
        let zip = match zip.map(EntryWriter::finish) {
            Some(Ok(z)) => Some(Zipped::Spooled(z)),
            Some(Err(e)) => {
                self.error(self.zip_error(&path, e));
                return None;
            }
            None => reused.map(Zipped::Earlier),
        };
        if let Some(copy) = copy {
            self.note_loads(&path, &copy);
        }
        if let Err(e) = out.flush() {
            self.error(self.stream_error(&path, &e));
            return None;
        }
        let entry = Entry {
            path,
            len,
            hash: *hasher.finalize().as_bytes(),
        };
        // Hashed as it was written: not read back.
        let known = Some((entry.hash, entry.len));
        if let Err(d) = self.sink.put_scratch(&entry.path, out, known) {
            self.error(d);
            return None;
        }
        Some(Emitted { entry, zip })
    }

    /// A zip entry for `path` holding the first `len` bytes written to
    /// `out`, read back from it.
    fn compress_written(
        &self,
        path: &str,
        out: &Scratch,
        len: u64,
    ) -> Option<EntryWriter<Scratch>> {
        let name = format!("{}/{}", self.zip_root, path);
        let mut z = self.entry_writer(path, &name)?;
        let mut buf = vec![0u8; 1 << 20];
        let mut at = 0u64;
        while at < len {
            let want = buf.len().min((len - at) as usize);
            let n = match out.read_at(&mut buf[..want], at) {
                Ok(0) => Err(std::io::ErrorKind::UnexpectedEof.into()),
                other => other,
            };
            let n = match n {
                Ok(n) => n,
                Err(e) => {
                    self.error(self.stream_error(path, &e));
                    return None;
                }
            };
            if let Err(e) = z.write_all(&buf[..n]) {
                self.error(self.zip_error(path, zip::result::ZipError::Io(e)));
                return None;
            }
            at += n as u64;
        }
        Some(z)
    }

    /// The zip entry `name` for the file `path`, compressed into a scratch
    /// file of its own; `None`, the error recorded, when none can be made.
    fn entry_writer(&self, path: &str, name: &str) -> Option<EntryWriter<Scratch>> {
        let scratch = self.sink.scratch().map_err(|d| self.error(d)).ok()?;
        EntryWriter::new(name, scratch)
            .map_err(|e| self.error(self.zip_error(path, zip::result::ZipError::Io(e))))
            .ok()
    }

    fn stream_error(&self, path: &str, e: &std::io::Error) -> Diagnostic {
        crate::output::write::io_error(std::path::Path::new(path), e)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Emitter, Memory, Scratch};
    use crate::output::OutputFile;

    #[test]
    fn a_file_streamed_in_pieces_is_the_file_emitted_whole() {
        let text: Vec<u8> = (0..200_000u32)
            .flat_map(|i| format!("<p>chapter {}</p>\n", i % 977).into_bytes())
            .collect();
        let sink = Memory::default();
        let mut em = Emitter::new(&sink, Some("guide".into())).unwrap();
        let Some(mut s) = em.stream("en/p/print.html".into()) else {
            panic!("no stream");
        };
        for piece in text.chunks(70_001) {
            assert!(em.write_stream(&mut s, piece));
        }
        em.record(vec![em.finish_stream(s)]);
        let whole = em.prepare(
            OutputFile::owned("en/q/print.html".into(), text.clone()),
            true,
        );
        em.record(vec![whole]);
        let ledger = em.ledger();
        let hash = *blake3::hash(&text).as_bytes();
        for e in &ledger {
            assert_eq!((e.len, e.hash), (text.len() as u64, hash), "{}", e.path);
        }
        let Some(Ok(Scratch::Memory(zip))) = em.take_zip() else {
            panic!("no zip");
        };
        let entries = crate::output::download::entries(zip.get_ref()).unwrap();
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["guide/en/p/print.html", "guide/en/q/print.html"]);
        assert!(entries.iter().all(|(_, bytes)| *bytes == text));
        let (_, errors, _) = em.into_parts();
        assert!(errors.is_empty());
        let files = sink.into_files();
        assert_eq!(files.len(), 2);
        assert!(files.iter().all(|f| f.bytes.as_ref() == text.as_slice()));
    }

    /// The zip of two streamed files, the second given as `second`, made
    /// reusing `earlier` when given.
    fn zip_streams(
        text: &[u8],
        second: &[u8],
        earlier: Option<super::super::EarlierZip>,
    ) -> (Vec<u8>, usize) {
        let sink = Memory::default();
        let mut em = Emitter::new(&sink, Some("guide".into())).unwrap();
        em.reuse(earlier);
        for (path, bytes) in [("en/p/print.html", text), ("fr/p/print.html", second)] {
            let mut s = em.stream(path.into()).unwrap();
            for piece in bytes.chunks(70_001) {
                assert!(em.write_stream(&mut s, piece));
            }
            em.record(vec![em.finish_stream(s)]);
        }
        let (_, reused) = em.zip_counts();
        let Some(Ok(Scratch::Memory(zip))) = em.take_zip() else {
            panic!("no zip");
        };
        let files = sink.into_files();
        assert_eq!(files[0].bytes.as_ref(), text);
        assert_eq!(files[1].bytes.as_ref(), second);
        (zip.into_inner(), reused)
    }

    /// A streamed file reuses the earlier zip's entry while it matches,
    /// and is compressed from its start once it does not: the zip is the
    /// zip made from scratch.
    #[test]
    fn a_streamed_file_reuses_its_earlier_entry_only_while_it_matches() {
        use std::io::Write;
        let text: Vec<u8> = (0..200_000u32)
            .flat_map(|i| format!("<p>chapter {}</p>\n", i % 977).into_bytes())
            .collect();
        let mut changed = text.clone();
        changed[150_000] = b'X';
        let mut longer = text.clone();
        longer.extend_from_slice(b"<p>more</p>");
        let (first, none) = zip_streams(&text, &text, None);
        assert_eq!(none, 0);
        let earlier = || {
            let mut f = tempfile::tempfile().unwrap();
            f.write_all(&first).unwrap();
            super::super::EarlierZip::open_unsealed(f)
        };
        assert_eq!(zip_streams(&text, &text, earlier()), (first.clone(), 2));
        for second in [&changed, &longer, &text[..text.len() - 1].to_vec()] {
            let (fresh, _) = zip_streams(&text, second, None);
            assert_eq!(zip_streams(&text, second, earlier()), (fresh, 1));
        }
    }
}
