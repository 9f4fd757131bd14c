//! Where the site's pages land once unzipped: the zips' name (made from
//! the site's title) and the length of each page's path on Windows, which
//! opens no file whose path is longer than 260 characters. A chapter
//! named after a Word document's title, in a folder named after another,
//! gets there.

use super::message_path::file_of;
use super::model::{NodeId, NodeKind, Site};
use crate::diagnostics::Diagnostic;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The longest path Windows opens (`MAX_PATH`, less its closing NUL).
const WINDOWS_MAX_PATH: usize = 259;

/// `C:\Users\<name>\Downloads\`, with a name of 15 characters: where a
/// phone or laptop puts a downloaded zip.
const DOWNLOADS: usize = 35;

/// At most this many bytes of the title make the zips' name: a file name
/// holds 255 bytes, and 130 letters of an Arabic title take that many.
const ZIP_NAME_BYTES: usize = 80;

/// The zips' file name and top folder: the site's title, as a slug.
pub fn zip_name(site: &Site) -> String {
    zip_stem(site.config.title_for(&site.config.default_language))
}

/// `title` as the zips' name.
fn zip_stem(title: &str) -> String {
    let name = crate::slug::slugify(title);
    if name.is_empty() {
        "site".to_string()
    } else if crate::content::file_types::is_reserved(&name) {
        // A site called "Con" or "Aux" would give `con.zip`, which Windows
        // cannot hold whatever follows the dot.
        format!("{name}-site")
    } else {
        shortened(&name).to_string()
    }
}

/// At most [`ZIP_NAME_BYTES`], cut after a whole word when one ends in its
/// second half.
fn shortened(slug: &str) -> &str {
    if slug.len() <= ZIP_NAME_BYTES {
        return slug;
    }
    let mut end = ZIP_NAME_BYTES;
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &slug[..end];
    let cut = match cut.rfind('-') {
        Some(i) if i > ZIP_NAME_BYTES / 2 => &cut[..i],
        _ => cut,
    };
    cut.trim_end_matches('-')
}

/// Where a language's zip puts the site once unzipped on Windows: the
/// zip's name and the length of `Downloads\<zip>\<zip>\` (Explorer's
/// "Extract all" makes a folder of the zip's name, and the zip holds one
/// of that name), for the language whose paths are longest. `None`
/// without zips.
fn unzipped(site: &Site) -> Option<(String, usize, &str)> {
    if !site.config.download {
        return None;
    }
    let stem = zip_name(site);
    // The longest language code makes the longest paths; of equal ones,
    // the site's own language, which its authors read.
    let default = site.config.default_language.as_str();
    let lang = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .max_by_key(|c| (c.len(), *c == default))?;
    let zip = format!("{stem}-{lang}");
    let prefix = DOWNLOADS + 2 * (zip.chars().count() + 1);
    Some((zip, prefix, lang))
}

/// The warning for a file published at `published` (in a language's
/// folder) whose path unzipped is longer than Windows opens.
fn too_long(
    at: PathBuf,
    published: &str,
    (zip, prefix): (&str, usize),
    rename: &str,
) -> Option<Diagnostic> {
    let total = prefix + published.encode_utf16().count();
    (total > WINDOWS_MAX_PATH).then(|| {
        Diagnostic::warning(
            at,
            0,
            0,
            format!(
                "published as `{published}`: unzipped from `{zip}.zip` into a Downloads folder on Windows, its path would be about {total} characters, and Windows opens no file whose path is longer than 260"
            ),
        )
        .with_hint(format!("{rename}; readers unzip the site on Windows laptops"))
    })
}

/// A warning for each page (or, once, for a folder) whose path would be
/// too long for Windows once a language's zip is unzipped where Windows
/// puts it.
pub(super) fn check_lengths(site: &Site, diags: &mut Vec<Diagnostic>) {
    let Some((zip, prefix, lang)) = unzipped(site) else {
        return;
    };
    for &p in &site.publications {
        check_under(site, p, &format!("{lang}/"), prefix, &zip, diags);
    }
}

/// The same for the files of `guidance/` that pages use (`used`, indexes
/// into the site's assets): a picture or form named after its whole
/// title, in a part's folder, gets there before its page does.
pub fn check_file_lengths(site: &Site, used: &BTreeSet<usize>) -> Vec<Diagnostic> {
    let Some((zip, prefix, lang)) = unzipped(site) else {
        return Vec::new();
    };
    let fits = |path: &str| prefix + path.encode_utf16().count() <= WINDOWS_MAX_PATH;
    used.iter()
        .filter_map(|&i| {
            let asset = site.assets.get(i)?;
            // A folder too long already was named once, for its pages.
            let folder_named = asset
                .out
                .match_indices('/')
                .any(|(at, _)| !fits(&format!("{lang}/{}/index.html", &asset.out[..at])));
            if folder_named {
                return None;
            }
            let src = asset.src.as_ref().or(asset.variants.values().next())?;
            too_long(
                Path::new(super::load::CONTENT_DIR).join(src),
                &format!("{lang}/{}", asset.out),
                (&zip, prefix),
                "give the file a shorter name, and change the links to it",
            )
        })
        .collect()
}

/// [`check_lengths`] for `id` and what is under it, published under `at`.
fn check_under(
    site: &Site,
    id: NodeId,
    at: &str,
    prefix: usize,
    zip: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let node = &site.nodes[id];
    let chapter = node.kind == NodeKind::Chapter;
    let published = if chapter {
        format!("{at}{}.html", node.slug)
    } else {
        // A folder's own page: when it is too long, the folder's name is
        // what to shorten, and one warning says so for its pages.
        format!("{at}{}/index.html", node.slug)
    };
    let what = if chapter { "file" } else { "folder" };
    let rename = format!(
        "give the {what} a shorter name (the number and the language are not part of the page's name)"
    );
    if let Some(d) = too_long(file_of(site, node), &published, (zip, prefix), &rename) {
        diags.push(d);
        return;
    }
    if !chapter {
        let at = format!("{at}{}/", node.slug);
        for &c in &node.children {
            check_under(site, c, &at, prefix, zip, diags);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_windows_reserves_gives_a_zip_windows_can_hold() {
        // `con.zip` (and its folder `con/`) cannot be copied to or
        // unzipped on Windows, whatever follows the dot.
        assert_eq!(zip_stem("CON"), "con-site");
        assert_eq!(zip_stem("Aux"), "aux-site");
        assert_eq!(zip_stem("Com1"), "com1-site");
        assert_eq!(zip_stem("Aux frontières"), "aux-frontières");
        assert_eq!(zip_stem("???"), "site");
    }

    #[test]
    fn long_titles_give_short_zip_names() {
        assert_eq!(shortened("field-guide"), "field-guide");
        let arabic = "الإرشادات-العملية-".repeat(10);
        let short = shortened(&arabic);
        assert!(
            short.len() <= ZIP_NAME_BYTES && short.len() > ZIP_NAME_BYTES / 2,
            "{short}"
        );
        assert!(arabic.starts_with(short) && !short.ends_with('-'));
        assert!(
            arabic[short.len()..].starts_with('-'),
            "cut after a whole word"
        );
        let one_word = "a".repeat(300);
        assert_eq!(shortened(&one_word).len(), ZIP_NAME_BYTES);
    }
}
