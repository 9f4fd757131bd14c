//! Each document's HTML and plain text as the Markdown step made them,
//! kept for the page step so that no document is rendered twice.
//!
//! A build keeps them in one file in the staging folder, where they cost
//! no memory (a 30,000-page site has about 500 MB of them) and go when the
//! staging folder does. Without one (`check`, `serve`, `pdf`), pages render
//! their document again, as before.

use std::fs::File;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where a document's HTML and text are in the spool file.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    at: u64,
    html: u32,
    text: u32,
}

#[derive(Default)]
pub struct Spool {
    file: Option<File>,
    end: AtomicU64,
    slots: Vec<Option<Slot>>,
}

impl Spool {
    /// A spool writing into `file` (a new file of the staging folder).
    pub fn in_file(file: File) -> Self {
        Spool {
            file: Some(file),
            ..Default::default()
        }
    }

    /// Appends a document's HTML and text, from any thread. `None` when
    /// there is no file or it cannot be written (the page then renders the
    /// document again: a full disk shows up when the page is written).
    pub fn put(&self, html: &str, text: &str) -> Option<Slot> {
        let file = self.file.as_ref()?;
        let html_len = u32::try_from(html.len()).ok()?;
        let text_len = u32::try_from(text.len()).ok()?;
        let len = u64::from(html_len) + u64::from(text_len);
        let at = self.end.fetch_add(len, Ordering::Relaxed);
        write_at(file, html.as_bytes(), at).ok()?;
        write_at(file, text.as_bytes(), at + u64::from(html_len)).ok()?;
        Some(Slot {
            at,
            html: html_len,
            text: text_len,
        })
    }

    /// Records where each document went, in document order.
    pub fn set_slots(&mut self, slots: Vec<Option<Slot>>) {
        self.slots = slots;
    }

    /// Document `d`'s HTML and text, if it was spooled.
    pub fn get(&self, d: usize) -> Option<(String, String)> {
        let file = self.file.as_ref()?;
        let slot = (*self.slots.get(d)?)?;
        let mut buf = vec![0; slot.html as usize + slot.text as usize];
        read_at(file, &mut buf, slot.at).ok()?;
        let text = String::from_utf8(buf.split_off(slot.html as usize)).ok()?;
        let html = String::from_utf8(buf).ok()?;
        Some((html, text))
    }
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(not(unix))]
fn write_at(_: &File, _: &[u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_come_back_as_they_went_in_from_any_thread() {
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(dir.path().join("spool"))
            .unwrap();
        let mut spool = Spool::in_file(file);
        let docs: Vec<(String, String)> = (0..200)
            .map(|i| (format!("<p>é {i}</p>").repeat(i % 7), "text ".repeat(i)))
            .collect();
        use rayon::prelude::*;
        let slots: Vec<Option<Slot>> = docs.par_iter().map(|(h, t)| spool.put(h, t)).collect();
        spool.set_slots(slots);
        for (i, doc) in docs.iter().enumerate() {
            assert_eq!(spool.get(i).as_ref(), Some(doc));
        }
        assert_eq!(spool.get(200), None);
    }

    #[test]
    fn without_a_file_nothing_is_kept() {
        let spool = Spool::default();
        assert!(spool.put("<p>x</p>", "x").is_none());
        assert_eq!(spool.get(0), None);
    }
}
