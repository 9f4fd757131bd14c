//! The numbers a builder keeps for each page (see `builder`): written as
//! variable-length integers, read back, and written again as the index's
//! codes once the vocabulary is numbered.

use super::encode::Code;
use super::stream::Stream;

/// A stream of local numbers as the language's numbers, each in 7-bit
/// groups (the high bit says another group follows).
pub(super) fn varints(stream: &Stream, map: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(stream.len() * 2);
    for local in stream.iter() {
        let mut n = map[local as usize];
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
    out
}

/// The numbers of a kept stream, in order (see [`varints`]); `None` for
/// bytes that are not such a stream: a number left open, or too long for
/// 32 bits.
pub(super) fn numbers(bytes: &[u8]) -> impl Iterator<Item = Option<u32>> + '_ {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut n = 0u32;
        for (i, &b) in rest.iter().enumerate() {
            let Some(part) = u32::from(b & 0x7f).checked_shl(7 * i as u32) else {
                break;
            };
            n |= part;
            if b & 0x80 == 0 {
                rest = &rest[i + 1..];
                return Some(Some(n));
            }
        }
        // Not a number: said once, then the stream ends.
        rest = &[];
        Some(None)
    })
}

/// A kept stream written with the index's numbers (`codes`, by token:
/// see `encode`). `None` for bytes that are not such a stream: a spool
/// changed by something else while the build ran.
pub(super) fn renumber(bytes: &[u8], codes: &[Code]) -> Option<String> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 2);
    for n in numbers(bytes) {
        codes.get(n? as usize)?.push_to(&mut out);
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::encode::decode;

    #[test]
    fn numbers_read_back_what_was_kept_and_refuse_the_rest() {
        let mut s = Stream::with_capacity(4);
        for n in 0..4 {
            s.push(n);
        }
        let map = [0, 127, 128, u32::MAX];
        let read: Vec<Option<u32>> = numbers(&varints(&s, &map)).collect();
        assert_eq!(read, map.map(Some));
        // A number left open, a number too long for 32 bits: said once.
        assert_eq!(numbers(&[1, 0x81]).collect::<Vec<_>>(), [Some(1), None]);
        assert_eq!(numbers(&[0xff; 6]).collect::<Vec<_>>(), [None]);
    }

    #[test]
    fn varints_round_trip() {
        let mut s = Stream::with_capacity(4);
        for n in 0..4 {
            s.push(n);
        }
        let bytes = varints(&s, &[0, 127, 128, 16_384]);
        assert_eq!(bytes.len(), 1 + 1 + 2 + 3);
        let mut rank = vec![9; 16_385];
        (rank[0], rank[127], rank[128], rank[16_384]) = (3, 2, 1, 0);
        let codes: Vec<Code> = rank.iter().map(|&r| Code::new(r)).collect();
        assert_eq!(decode(&renumber(&bytes, &codes).unwrap()), [3, 2, 1, 0]);
    }

    #[test]
    fn a_stream_that_is_not_one_is_refused_not_read() {
        let codes: Vec<Code> = (0..4).map(Code::new).collect();
        assert!(renumber(&[1, 2, 3], &codes).is_some());
        // A number past the vocabulary, a number left open, a number too
        // long for 32 bits.
        assert_eq!(renumber(&[9], &codes), None);
        assert_eq!(renumber(&[1, 0x81], &codes), None);
        assert_eq!(renumber(&[0xff; 6], &codes), None);
    }
}
