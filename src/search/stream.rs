//! A page's text as numbers into its own vocabulary (see `vocab`).

/// A document's own token numbers: 16 bits each while the document has
/// fewer than 65,536 distinct tokens (always, in practice), which halves the
/// memory that every page's stream takes until the indexes are written.
pub(super) enum Stream {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Stream {
    pub(super) fn with_capacity(n: usize) -> Self {
        Stream::Narrow(Vec::with_capacity(n))
    }

    pub(super) fn len(&self) -> usize {
        match self {
            Stream::Narrow(v) => v.len(),
            Stream::Wide(v) => v.len(),
        }
    }

    pub(super) fn push(&mut self, id: u32) {
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

    pub(super) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let (narrow, wide) = match self {
            Stream::Narrow(v) => (&v[..], &[][..]),
            Stream::Wide(v) => (&[][..], &v[..]),
        };
        narrow
            .iter()
            .map(|&i| u32::from(i))
            .chain(wide.iter().copied())
    }

    pub(super) fn shrink_to_fit(&mut self) {
        match self {
            Stream::Narrow(v) => v.shrink_to_fit(),
            Stream::Wide(v) => v.shrink_to_fit(),
        }
    }

    #[cfg(test)]
    pub(super) fn to_vec(&self) -> Vec<u32> {
        match self {
            Stream::Narrow(v) => v.iter().map(|&i| u32::from(i)).collect(),
            Stream::Wide(v) => v.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(s.iter().collect::<Vec<_>>(), [7, 65_535, 65_536, 3]);
    }
}
