//! Whether a place in a line of text is inside a code span, asked by the
//! scans of other tools' inline markup (`inline`, `mediawiki`, `quarto`,
//! `typed`), which never name code.

/// Whether places of a line, asked left to right, are inside a code span
/// (an odd number of backticks before): each backtick is counted once,
/// however many places are asked about, so that a scan stays linear.
pub(super) struct Ticks<'l> {
    line: &'l str,
    at: usize,
    odd: bool,
}

impl<'l> Ticks<'l> {
    pub(super) fn new(line: &'l str) -> Self {
        Ticks {
            line,
            at: 0,
            odd: false,
        }
    }

    pub(super) fn in_code(&mut self, i: usize) -> bool {
        let n = self.line.as_bytes()[self.at..i.max(self.at)]
            .iter()
            .filter(|&&b| b == b'`')
            .count();
        self.odd ^= n % 2 == 1;
        self.at = i.max(self.at);
        self.odd
    }
}
