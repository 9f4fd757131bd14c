//! Git's conflict markers left in a page (`<<<<<<< HEAD`, `=======`,
//! `>>>>>>> branch`, from a merge committed unresolved): both sides would
//! be published, and the side an editor meant to drop is often the one
//! that must not be (an address the other side redacted). An error at the
//! first marker, since no reading of the page is the right one.

/// Where the first conflict starts in `body`: a `<<<<<<<` line, then a
/// `=======` line and a `>>>>>>>` line, outside code fences.
pub(super) fn find(body: &str) -> Option<usize> {
    memchr::memmem::find(body.as_bytes(), b"<<<<<<<")?;
    let mut fence: Option<(u8, usize)> = None;
    // The open conflict's start, and whether its `=======` came.
    let mut open: Option<(usize, bool)> = None;
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let at = start;
        start += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        // Code fences as Obsidian comments read them (`dialects`).
        let t = line.trim_start_matches(' ');
        let mark = (line.len() - t.len() <= 3)
            .then(|| super::dialects::fence_of(t))
            .flatten();
        if open.is_none() {
            match (fence, mark) {
                (None, Some(f)) => fence = Some(f),
                (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n => fence = None,
                _ => {}
            }
        }
        if fence.is_some() || mark.is_some() {
            continue;
        }
        match open {
            _ if marker(line, b'<') => open = Some((at, false)),
            Some((from, false)) if line == "=======" => open = Some((from, true)),
            Some((from, true)) if marker(line, b'>') => return Some(from),
            _ => {}
        }
    }
    None
}

/// `<<<<<<<` or `>>>>>>>` (seven of `c`), alone or before a space and a
/// name.
fn marker(line: &str, c: u8) -> bool {
    let b = line.as_bytes();
    b.len() >= 7
        && b[..7].iter().all(|&x| x == c)
        && matches!(b.get(7), None | Some(b' ') | Some(b'\t'))
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn a_conflict_is_found_at_its_first_marker() {
        let body = "Intro.\n\n<<<<<<< HEAD\nThe shelter's address is withheld.\n=======\nThe shelter is at 12 Rue X.\n>>>>>>> field-edits\n";
        assert_eq!(find(body), Some(8));
        // CRLF, and a marker without a name.
        assert_eq!(find("<<<<<<<\r\na\r\n=======\r\nb\r\n>>>>>>>\r\n"), Some(0));
        // Not a conflict: a setext heading's line, markers in code, a
        // marker alone, eight of them.
        assert_eq!(find("Title\n=======\n"), None);
        assert_eq!(
            find("```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\n```\n"),
            None
        );
        assert_eq!(find("<<<<<<< HEAD\nno end\n"), None);
        assert_eq!(find("<<<<<<<< x\na\n=======\nb\n>>>>>>>> y\n"), None);
        assert_eq!(find("> <<<<<<< quoted\n"), None);
    }
}
