//! Wiki links, `[[Page Name]]`, `[[text|Page-Name]]`, `![[flow.png]]`
//! and MediaWiki's `[[File:flow.png|thumb|Caption]]`: found in a line, and
//! the Markdown link to write instead.

use super::find_pair;

/// The first GitHub wiki link in `line`, `[[Page Name]]`,
/// `[[text|Page-Name]]` or `[[image.png]]`: where it starts, and what it
/// holds.
pub(super) fn wiki_link(line: &str) -> Option<(usize, &str)> {
    let i = find_pair(line.as_bytes(), b"[[")?;
    let inner = &line[i + 2..];
    let end = find_pair(inner.as_bytes(), b"]]")?;
    let inner = &inner[..end];
    (!inner.trim().is_empty() && !inner.contains('[')).then_some((i, inner))
}

/// The Markdown to write for a wiki link's inside: `[Page Name](Page-Name.md)`,
/// `[text](Page-Name.md)`, `![](images/flow.png)`. GitHub's wiki writes the
/// text first (`[[text|Page-Name]]`), Obsidian the page (`[[Page#Heading|text]]`,
/// `![[flow chart.png|300]]`, a width after the image) and file names with
/// their spaces: a heading or an image on the left, or a number on the
/// right, is Obsidian's order. A heading becomes its id.
pub(super) fn wiki_markdown(inner: &str) -> String {
    use crate::content::file_types::{FileType, classify};
    // An image by the same list as the files published as images
    // (`.jfif`, `.avif` too), so that the hint matches what is published.
    let image = |t: &str| matches!(classify(t), FileType::Image | FileType::Svg);
    if let Some(md) = mediawiki_file(inner) {
        return md;
    }
    let (text, target, obsidian) = match inner.split_once('|') {
        Some((a, b))
            if a.contains('#')
                || image(a.trim())
                || b.trim().bytes().all(|c| c.is_ascii_digit()) =>
        {
            (b.trim(), a.trim(), true)
        }
        Some((text, target)) => (text.trim(), target.trim(), false),
        None => (inner.trim(), inner.trim(), inner.contains('#')),
    };
    let (target, anchor) = match target.split_once('#') {
        Some((t, a)) => (t, format!("#{}", crate::slug::heading_id(a))),
        None => (target, String::new()),
    };
    let text = match (text == inner.trim(), text.split_once('#')) {
        (true, Some((page, heading))) if !page.is_empty() => format!("{page}: {heading}"),
        (true, Some((_, heading))) => heading.to_string(),
        _ => text.to_string(),
    };
    let file = if obsidian {
        target.to_string()
    } else {
        target.replace(' ', "-")
    };
    let file = if image(&file) || file.to_ascii_lowercase().ends_with(".md") || file.is_empty() {
        file
    } else {
        format!("{file}.md")
    };
    let address = format!("{file}{anchor}");
    let address = if address.contains(' ') {
        format!("<{address}>")
    } else {
        address
    };
    if image(&file) {
        return format!("![]({address})");
    }
    format!("[{text}]({address})")
}

/// MediaWiki's picture or file, `[[File:Referral flow.png|thumb|left|The
/// referral flow]]` (`Image:` in older wikis, `Media:` for a link to the
/// file): the file without its prefix, and the caption (or `alt=`) as the
/// description, not the layout words around it. `None` for other links.
fn mediawiki_file(inner: &str) -> Option<String> {
    let mut parts = inner.split('|').map(str::trim);
    let first = parts.next()?;
    let (prefix, file) = first.split_once(':')?;
    let prefix = prefix.trim().to_ascii_lowercase();
    if !matches!(prefix.as_str(), "file" | "image" | "media") || file.trim().is_empty() {
        return None;
    }
    let file = file.trim();
    let options: Vec<&str> = parts.collect();
    let alt = options.iter().find_map(|o| o.strip_prefix("alt="));
    let caption = options.iter().rev().find(|o| !layout_word(o)).copied();
    let text = alt.or(caption).unwrap_or("");
    let address = if file.contains(' ') {
        format!("<{file}>")
    } else {
        file.to_string()
    };
    Some(if prefix == "media" {
        format!("[{}]({address})", if text.is_empty() { file } else { text })
    } else {
        format!("![{text}]({address})")
    })
}

/// A MediaWiki picture's layout option, `thumb`, `left`, `300px`,
/// `upright=1.2`, `link=…`: no words for readers.
fn layout_word(o: &str) -> bool {
    const WORDS: &[&str] = &[
        "thumb",
        "thumbnail",
        "frame",
        "framed",
        "frameless",
        "border",
        "left",
        "right",
        "center",
        "centre",
        "none",
        "upright",
        "baseline",
        "middle",
        "sub",
        "super",
        "top",
        "text-top",
        "bottom",
        "text-bottom",
    ];
    let px = o
        .strip_suffix("px")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit() || c == b'x'));
    let keyed = [
        "alt=", "link=", "upright=", "page=", "class=", "lang=", "thumb=",
    ]
    .iter()
    .any(|k| o.starts_with(k));
    o.is_empty() || px || keyed || WORDS.contains(&o)
}
