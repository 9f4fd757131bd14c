//! Metadata written as `Key: value` lines in the text instead of front
//! matter: at the top of a page, as MultiMarkdown, Pelican and MkDocs read
//! it (`Title: Safety planning`, `Date: 2021-03-04`), or under the page's
//! first heading, as Notion exports a database page's properties
//! (`Created: March 3, 2024`, `Owner: …`). Markdown reads neither: the
//! lines are published as one paragraph. A page written so has no
//! `title:`, and the hint that asks for one gives these lines as YAML.

/// Longest key read as one (`Last edited time`).
const MAX_KEY: usize = 40;

/// Keys these tools write, lower-cased: a block of such lines is read as
/// metadata only when it has some of them, so that a paragraph of
/// `Step 1: …` lines is not.
const KNOWN: &[&str] = &[
    "title",
    "summary",
    "description",
    "date",
    "modified",
    "created",
    "created by",
    "created time",
    "last edited",
    "last edited by",
    "last edited time",
    "tags",
    "category",
    "categories",
    "author",
    "authors",
    "owner",
    "status",
    "slug",
    "keywords",
    "type",
    "template",
];

/// The metadata lines found, with their 1-based lines in the body.
pub struct MetaLines {
    pub first: usize,
    pub last: usize,
    pub title: Option<String>,
    pub summary: Option<String>,
    /// Under a `# heading` (Notion's properties), not at the top.
    pub under_heading: bool,
}

/// The metadata block of `body`, at its top or under its first heading.
pub fn find(body: &str) -> Option<MetaLines> {
    let body = body.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = body.lines().take(60).collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let mut i = 0;
    while i < lines.len() && blank(i) {
        i += 1;
    }
    let under_heading = lines.get(i).is_some_and(|l| l.starts_with("# "));
    if under_heading {
        i += 1;
        while i < lines.len() && blank(i) {
            i += 1;
        }
    }
    let first = i;
    let mut pairs = Vec::new();
    while let Some(pair) = lines.get(i).and_then(|l| key_value(l)) {
        pairs.push(pair);
        i += 1;
    }
    // The block is a paragraph of its own, every line of it a pair.
    if pairs.is_empty() || !blank(i) {
        return None;
    }
    let value = |keys: &[&str]| {
        pairs
            .iter()
            .find(|(k, _)| keys.contains(&k.to_lowercase().as_str()))
            .map(|(_, v)| v.to_string())
    };
    let known = pairs
        .iter()
        .filter(|(k, _)| KNOWN.contains(&k.to_lowercase().as_str()))
        .count();
    let title = value(&["title"]);
    let enough = if under_heading {
        known >= 2
    } else {
        (title.is_some() && known == pairs.len()) || known >= 2
    };
    enough.then(|| MetaLines {
        first: first + 1,
        last: i,
        title: title.filter(|_| !under_heading),
        summary: value(&["summary", "description"]).filter(|_| !under_heading),
        under_heading,
    })
}

/// `Created by: Amina` as (`Created by`, `Amina`): a key of letters,
/// digits, spaces, `_` and `-` starting with a letter, then `: ` and a
/// value.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let value = value.strip_prefix([' ', '\t'])?.trim();
    let ok = !key.is_empty()
        && key.len() <= MAX_KEY
        && key.starts_with(|c: char| c.is_alphabetic())
        && !key.contains("  ")
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-'))
        && !value.is_empty();
    ok.then_some((key, value))
}

/// `value` as YAML reads it as text: quoted when it would be read
/// otherwise (`: ` in it, a leading `[`, a `#` after a space).
pub fn yaml_text(value: &str) -> String {
    let special = value.starts_with(|c: char| "[]{}&*!|>'\"%@`#,?-:".contains(c))
        || value.contains(": ")
        || value.contains(" #")
        || value.ends_with(':')
        || matches!(
            value.to_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "~"
        );
    if special {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pelican_and_mkdocs_metadata_is_found() {
        let m = find("Title: Safety: a plan\nDate: 2021-03-04\nSummary: Short\n\nBody.\n").unwrap();
        assert_eq!((m.first, m.last), (1, 3));
        assert_eq!(m.title.as_deref(), Some("Safety: a plan"));
        assert_eq!(m.summary.as_deref(), Some("Short"));
        assert_eq!(yaml_text("Safety: a plan"), "\"Safety: a plan\"");
        let m = find("Title: Consent\n").unwrap();
        assert_eq!(m.title.as_deref(), Some("Consent"));
    }

    #[test]
    fn notion_properties_under_the_heading_are_found() {
        let m =
            find("# Plan\n\nCreated: March 3, 2024 10:15 AM\nTags: Safety\nOwner: A\n\nText.\n")
                .unwrap();
        assert!(m.under_heading);
        assert_eq!((m.first, m.last, m.title), (3, 5, None));
    }

    #[test]
    fn prose_is_not_metadata() {
        for body in [
            "Step 1: Greet the person.\nStep 2: Ask.\n\nMore.\n",
            "Note: call first.\n",
            "# Plan\n\nNote: call first.\n",
            "# Plan\n\nStatus: open\nThen call the hotline.\n",
            "Title: Consent\nand more words on this line\n",
            "Body text.\n\nTitle: Consent\n",
            "Status: open\nStep 1: Greet\n",
        ] {
            assert!(find(body).is_none(), "{body}");
        }
    }
}
