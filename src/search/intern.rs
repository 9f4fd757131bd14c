//! The hash maps of the vocabulary: a fast deterministic hasher for the
//! language-wide maps, and each page's own interner.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, deterministic hasher for the vocabulary maps (FxHash's mixing).
/// Only lookups use it: nothing is emitted in hash order.
#[derive(Default)]
pub(super) struct Fx(u64);

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

pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// A document's own vocabulary: distinct tokens with counts, found through
/// an open-addressing table (faster here than a general map: one hash of
/// the bytes, no rehashing of keys).
pub(super) struct Interner<'a> {
    pub(super) entries: Vec<(Cow<'a, str>, u32)>,
    hashes: Vec<u64>,
    /// Entry number + 1; 0 is empty.
    slots: Vec<u32>,
    shift: u32,
}

impl<'a> Interner<'a> {
    pub(super) fn with_capacity(n: usize) -> Self {
        let size = (n * 2).next_power_of_two().max(64);
        Interner {
            entries: Vec::with_capacity(n),
            hashes: Vec::with_capacity(n),
            slots: vec![0; size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The token's number, counting one more occurrence.
    pub(super) fn id(&mut self, token: Cow<'a, str>) -> u32 {
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
