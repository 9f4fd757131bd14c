//! The row of column titles of a translator's spreadsheet: where it may
//! be, what a notice says when it is not the first row, and titles that
//! leave the column to read in doubt.

/// How many rows from the top the row of column titles may be: a title,
/// a note or an empty row a coordinator added above it.
pub const TITLES_WITHIN: usize = 10;

/// The notice that the column titles are not in the first row: which row
/// is, and what became of the rows above it (`read`: translations').
pub fn titles_moved(at: usize, ignored: &[usize], read: &[usize]) -> String {
    let rows = |rs: &[usize]| {
        rs.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut what = Vec::new();
    match ignored {
        [] => {}
        [r] => what.push(format!(
            "row {r} above them is not a translation's and is ignored"
        )),
        rs => what.push(format!(
            "rows {} above them are not translations' and are ignored",
            rows(rs)
        )),
    }
    match read {
        [] => {}
        [r] => what.push(format!(
            "row {r} above them holds a translation and is read"
        )),
        rs => what.push(format!(
            "rows {} above them hold translations and are read",
            rows(rs)
        )),
    }
    if what.is_empty() {
        what.push("the rows above them are empty".into());
    }
    format!(
        "the column titles (key, source, translation) are read from row {}, not row 1; {}",
        at + 1,
        what.join("; ")
    )
}

/// The error for a title of the columns read (key, source, translation)
/// given to two columns: a coordinator's copy of the translation column
/// for a reviewer, say. Which one holds the text to publish is not known.
pub fn twice(titles: &[String]) -> Option<String> {
    let name = ["key", "source", "translation"]
        .into_iter()
        .find(|n| titles.iter().filter(|t| t == n).count() > 1)?;
    Some(format!(
        "two columns are titled `{name}`: keep that title on the one to import, and give the other another (such as `{name} (earlier)`)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_given_twice_is_named() {
        let t = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(twice(&t(&["key", "source", "translation", "note"])), None);
        assert_eq!(
            twice(&t(&["key", "source", "translation", "translation"])).unwrap(),
            "two columns are titled `translation`: keep that title on the one to import, and give the other another (such as `translation (earlier)`)"
        );
    }
}
