//! Hints for the usual mistakes behind a missing link target: an e-mail
//! address without `mailto:`, a web address without `https://`, a page
//! named without `.md`, a name typed in the wrong case.

use crate::content::model::Site;
use crate::slug::NameIndex;
use crate::url::relative;
use std::path::{Path, PathBuf};

/// File extensions: `notes.txt` is a file, `Access.Net` a web address.
const FILE_EXTENSIONS: &[&str] = &[
    "md", "markdown", "html", "htm", "xhtml", "png", "jpg", "jpeg", "gif", "webp", "avif", "svg",
    "bmp", "tif", "tiff", "ico", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
    "odp", "rtf", "txt", "csv", "tsv", "json", "xml", "yaml", "yml", "zip", "gz", "tgz", "rar",
    "mp3", "m4a", "ogg", "opus", "wav", "mp4", "webm", "mov", "avi", "epub", "css", "js", "ttf",
    "otf", "woff", "woff2", "eps", "ai", "psd", "key", "pages", "numbers", "vcf", "ics", "kml",
    "gpx", "geojson",
];

/// The site's names, indexed on first use.
fn names(site: &Site) -> &NameIndex {
    site.names.get_or_init(|| {
        NameIndex::new(
            site.by_source
                .iter()
                .map(|(k, &n)| (k.as_path(), site.nodes[n].slug.as_str())),
            site.asset_by_source.keys().map(PathBuf::as_path),
            site.static_files.iter(),
        )
    })
}

/// A page link that found no page (`dir/stem`, the `.md` and language
/// suffix already taken off).
pub(super) fn missing_page(site: &Site, from: &Path, dir: &Path, stem: &str) -> Option<String> {
    if let Some(h) = crate::content::left_out::renamed_link_hint(site, from, dir, stem) {
        return Some(h);
    }
    let key = dir.join(stem).to_string_lossy().replace('\\', "/");
    if let Some(real) = names(site).folded.get(&key.to_lowercase())
        && site.by_source.contains_key(Path::new(real))
    {
        return Some(case_hint(from, real, ".md"));
    }
    same_slug(site, dir, stem)
}

/// A link to a file that does not exist: `dest` as written in a file of
/// folder `from`, `path` as resolved from the top of `guidance/`.
pub(super) fn missing_file(site: &Site, from: &Path, dest: &str, path: &Path) -> Option<String> {
    const QUOTES: &[char] = &['“', '”', '„', '‘', '’', '‚', '«', '»', '"', '\''];
    let unquoted = dest.trim_matches(|c: char| QUOTES.contains(&c) || c.is_whitespace());
    if unquoted != dest && !unquoted.is_empty() {
        return Some(format!(
            "the address is wrapped in quotes (a word processor types them): remove them: `{unquoted}`"
        ));
    }
    if let Some(address) = email(dest) {
        return Some(format!(
            "an e-mail address needs `mailto:`: `mailto:{address}`"
        ));
    }
    if looks_like_domain(dest) {
        return Some(format!("a web address needs `https://`: `https://{dest}`"));
    }
    let key = path.to_string_lossy().replace('\\', "/");
    if site.by_source.contains_key(path) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        return Some(format!("link to the Markdown file: `{name}.md`"));
    }
    if dest.starts_with('/')
        && let Some(real) = names(site).folded.get(&format!("/{}", key.to_lowercase()))
    {
        return Some(format!(
            "the file is called `{real}`: names are case-sensitive"
        ));
    }
    if let Some(real) = names(site).folded.get(&key.to_lowercase()) {
        let suffix = if site.by_source.contains_key(Path::new(real)) {
            ".md"
        } else {
            ""
        };
        return Some(case_hint(from, real, suffix));
    }
    let lower = key.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return Some(
            "link to the Markdown file (`chapter.md`), not to the page it becomes".to_string(),
        );
    }
    if dest.starts_with('/') {
        return Some(
            "a path starting with `/` is looked up in the site's static/ folder, then from the top of guidance/".to_string(),
        );
    }
    None
}

/// "the file is called `images/flow.png`", as a path from the linking page's folder.
fn case_hint(dir: &Path, real: &str, suffix: &str) -> String {
    let from = format!("{}/x", dir.to_string_lossy().replace('\\', "/"));
    let from = from.trim_start_matches('/');
    format!(
        "the file is called `{}{suffix}`: names are case-sensitive",
        relative(from, real)
    )
}

/// A page of the same folder whose slug is the one linked to (`signs.md`
/// for `02-signs.md`).
fn same_slug(site: &Site, dir: &Path, stem: &str) -> Option<String> {
    let (_, slug) = crate::slug::order_and_slug(stem);
    names(site)
        .by_slug
        .get(&(dir.to_path_buf(), slug))
        .map(|f| format!("did you mean `{f}.md`?"))
}

/// `someone@example.org`, as written, if `dest` is an e-mail address.
fn email(dest: &str) -> Option<&str> {
    let (local, domain) = dest.split_once('@')?;
    let plain = |s: &str| {
        !s.is_empty()
            && !s.contains(['/', '@', ' ', '\\'])
            && !s.starts_with('.')
            && !s.ends_with('.')
    };
    (plain(local) && plain(domain) && domain.contains('.')).then_some(dest)
}

/// `example.org`, `www.example.org/help`, `Access.Net`: a host name, not a
/// file (`notes.txt`).
fn looks_like_domain(dest: &str) -> bool {
    let host = dest.split(['/', '?', '#']).next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || !l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        return false;
    }
    if host.to_ascii_lowercase().starts_with("www.") {
        return true;
    }
    let tld = labels[labels.len() - 1].to_ascii_lowercase();
    (2..=24).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !FILE_EXTENSIONS.contains(&tld.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(email("a.b@example.org"), Some("a.b@example.org"));
        assert_eq!(email("images/a@2x.png"), None);
        assert_eq!(email("a@localhost"), None);
        assert!(looks_like_domain("Access.Net"));
        assert!(looks_like_domain("www.example.org/help"));
        assert!(looks_like_domain("example.org"));
        assert!(!looks_like_domain("notes.txt"));
        assert!(!looks_like_domain("images/flow.png"));
        assert!(!looks_like_domain("v1.2"));
        assert!(!looks_like_domain("../x.org"));
    }
}
