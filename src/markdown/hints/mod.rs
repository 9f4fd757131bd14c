//! Hints for the usual mistakes behind a missing link target: an e-mail
//! address without `mailto:`, a web address without `https://`, a page
//! named without `.md`, a name typed in the wrong case. How a target is
//! written (template code, a local value, a path on the writer's own
//! computer, a `tel:` number) is `written`'s.

use crate::content::model::Site;
use crate::slug::NameIndex;
use crate::url::relative;
use std::path::{Path, PathBuf};

mod old_site;
mod written;
pub(super) use written::{own_computer, tel_without_spaces, template, value_target, without_size};

/// File extensions: `notes.txt` is a file, `Access.Net` a web address.
const FILE_EXTENSIONS: &[&str] = &[
    "md", "markdown", "html", "htm", "xhtml", "png", "jpg", "jpeg", "jfif", "jpe", "gif", "webp",
    "avif", "svg", "bmp", "tif", "tiff", "ico", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
    "odt", "ods", "odp", "rtf", "txt", "csv", "tsv", "json", "xml", "yaml", "yml", "zip", "gz",
    "tgz", "rar", "mp3", "m4a", "ogg", "opus", "wav", "mp4", "webm", "mov", "avi", "epub", "css",
    "js", "ttf", "otf", "woff", "woff2", "eps", "ai", "psd", "key", "pages", "numbers", "vcf",
    "ics", "kml", "gpx", "geojson",
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
    let name = format!("{stem}.md");
    if crate::content::names::ignored(&name) {
        return Some(format!(
            "`{name}` is never read: files whose names start with `.`, and editor leftovers, are not pages; rename it"
        ));
    }
    if crate::content::names::is_repository_note(stem) {
        // mdBook and GitBook make a folder's README its page: here that is
        // the folder's `index.md`.
        let index = dir.join("index");
        let first = stem.split('.').next().unwrap_or(stem);
        if first.eq_ignore_ascii_case("readme") && site.by_source.contains_key(&index) {
            let to = index.to_string_lossy().replace('\\', "/");
            return Some(format!(
                "`{name}` is a note to the repository's contributors, never a page; the folder's page is `{}.md`",
                link_from(from, to.trim_start_matches('/'))
            ));
        }
        return Some(format!(
            "`{name}` is a note to the repository's contributors, never a page; link to a page of the publication instead"
        ));
    }
    if let Some(h) = not_read(site, dir, stem) {
        return Some(h);
    }
    if let Some(h) = crate::content::orphans::renamed_link_hint(site, from, dir, stem) {
        return Some(h);
    }
    let key = dir.join(stem).to_string_lossy().replace('\\', "/");
    if let Some(real) = names(site).folded.get(&key.to_lowercase())
        && site.by_source.contains_key(Path::new(real))
    {
        return Some(case_hint(from, real, ".md"));
    }
    same_slug(site, dir, stem).or_else(|| elsewhere(site, from, stem))
}

/// A page that is there but was never read: a symbolic link (or a folder
/// on its way is one), or a name that cannot be part of a web address
/// (`FAQ?.md`, linked as `FAQ%3F.md`). The file is there, so "missing"
/// needs its reason, as for any other file (`missing_file`).
fn not_read(site: &Site, dir: &Path, stem: &str) -> Option<String> {
    let is_page = |p: &Path| {
        p.parent() == Some(dir)
            && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                let lower = n.to_lowercase();
                let base = lower
                    .strip_suffix(".md")
                    .or_else(|| lower.strip_suffix(".markdown"));
                // `04-linked.md`, or a language's `04-linked.fr.md`.
                base.is_some_and(|b| {
                    b == stem.to_lowercase()
                        || b.rsplit_once('.')
                            .is_some_and(|(s, _)| s == stem.to_lowercase())
                })
            })
    };
    // The first by name: a map's order would change the message run to run.
    let found = site
        .not_files
        .iter()
        .filter(|(p, _)| is_page(p) || dir.starts_with(p))
        .min_by_key(|(p, _)| *p);
    if let Some((at, what)) = found {
        let name = at.file_name().and_then(|n| n.to_str()).unwrap_or("");
        return Some(format!(
            "`{name}` is {what}: nothing was read from it; put the file (or folder) itself there"
        ));
    }
    unsafe_name(&format!("{stem}.md"))
}

/// A file of this name is skipped when the site is read
/// (`content::names::usable_name`): the hint saying so.
/// `<06-Why?.md>`: no query ends in `.md`, so the `?` is the file's, and
/// such a file is never published.
fn question_in_name(dest: &str) -> Option<String> {
    let whole = dest.split('#').next().unwrap_or(dest);
    let lower = whole.to_ascii_lowercase();
    if !whole.contains('?') || !(lower.ends_with(".md") || lower.ends_with(".markdown")) {
        return None;
    }
    unsafe_name(whole.rsplit('/').next().unwrap_or(whole))
}

fn unsafe_name(name: &str) -> Option<String> {
    // Such a page is published under its page name: not the reason.
    if crate::content::names::is_markdown(name).is_some()
        && crate::content::windows_names::only_refused_characters(name)
    {
        return None;
    }
    let bad = name
        .chars()
        .find(|c| matches!(c, '<' | '>' | '"' | '|' | '?' | '*' | ':'))?;
    Some(format!(
        "a file named `{name}` cannot be published: {bad:?} does not work in web addresses; rename the file, and this link"
    ))
}

/// Pages in other folders named like `name` (a file name or the last part
/// of an address, `informed-consent/`): a link written for an old site's
/// folders, or to a page that moved. The Markdown files to link to, from
/// `from`.
fn elsewhere(site: &Site, from: &Path, name: &str) -> Option<String> {
    in_language(site, from, name, "", "")
}

/// [`elsewhere`], with a language suffix (`.fr`) on the files it names,
/// and the link's `#anchor` after them.
fn in_language(site: &Site, from: &Path, name: &str, suffix: &str, anchor: &str) -> Option<String> {
    let name = name.trim_end_matches(".html").trim_end_matches(".htm");
    let name = old_site::page_name(name).unwrap_or(name);
    let find = |name: &str| {
        let (_, slug) = crate::slug::order_and_slug(name);
        names(site).anywhere.get(&crate::slug::loose_key(&slug))
    };
    let pages = find(name).or_else(|| find(without_page_id(name)?))?;
    let links: Vec<String> = pages
        .iter()
        .take(3)
        .map(|p| {
            let link = link_from(from, p);
            // A name with a space is written in angle brackets.
            if link.contains(' ') {
                format!("`<{link}{suffix}.md>{anchor}`")
            } else {
                format!("`{link}{suffix}.md{anchor}`")
            }
        })
        .collect();
    Some(match pages.len() {
        1 => format!(
            "the page of that name: link to its Markdown file, {}",
            links[0]
        ),
        n => format!(
            "{n} pages have that name: link to the Markdown file you mean, {}",
            links.join(" or ")
        ),
    })
}

/// A Confluence export's file name without the page id Confluence adds
/// to its title (`Safety-planning_123456789`): `None` when it has none.
fn without_page_id(name: &str) -> Option<&str> {
    let (title, id) = name.rsplit_once('_')?;
    (id.len() >= 4 && id.bytes().all(|b| b.is_ascii_digit()) && !title.is_empty()).then_some(title)
}

/// A link that climbs out of `guidance/` to an address of the published
/// site, written from a page's place in the output
/// (`../../fr/handbook/intro.html`): the page's Markdown file to link to,
/// and the language suffix when the address names another language.
pub(super) fn published_address(site: &Site, from: &Path, dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let lower = last.to_ascii_lowercase();
    if !(path.ends_with('/') || lower.ends_with(".html") || lower.ends_with(".htm")) {
        return None;
    }
    // The address's language folder, when it is not the default's.
    let default = site.config.default_index();
    let lang = path.split('/').find_map(|seg| {
        let i = site.config.lang_index(seg)?;
        (i != default).then(|| site.config.languages[i].code.as_str())
    });
    let suffix = lang.map_or(String::new(), |code| format!(".{code}"));
    let anchor = anchor_of(dest);
    in_language(site, from, last, &suffix, &anchor)
}

/// A site generator's route to a page (Docusaurus's `/handbook/signs`,
/// no `.html`): the page of that name's Markdown file to link to.
pub(super) fn route(site: &Site, from: &Path, dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    in_language(site, from, last, "", &anchor_of(dest))
}

/// The `#section` of a link's target, with its `#`, or nothing.
fn anchor_of(dest: &str) -> String {
    dest.split_once('#')
        .map_or(String::new(), |(_, f)| format!("#{f}"))
}

/// A target holding a character that shows as nothing (a zero-width space
/// or a direction mark a word processor pasted): the message's `01-a.md`
/// looks right, so the hint names the character and where it is.
pub(super) fn invisible(dest: &str) -> Option<String> {
    let (at, c) = dest
        .char_indices()
        .find(|&(_, c)| crate::text::is_invisible(c))?;
    let place = match &dest[..at] {
        "" => "at its start".to_string(),
        before => format!("after `{before}`"),
    };
    Some(format!(
        "the target holds an invisible character, U+{:04X}, {place}: delete it (a word processor put it there)",
        u32::from(c)
    ))
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
    if let Some(h) = not_as_named(site, dest, path) {
        return Some(h);
    }
    // The file, or a folder on its way, is a link or a special file.
    if let Some((at, what)) = path
        .ancestors()
        .find_map(|a| site.not_files.get(a).map(|w| (a, w)))
    {
        let name = at.file_name().and_then(|n| n.to_str()).unwrap_or("");
        return Some(format!(
            "`{name}` is {what}: nothing was read from it; put the file (or folder) itself there"
        ));
    }
    if let Some(h) = written::backslashed(site, from, path) {
        return Some(h);
    }
    // Never read when the site is read (`content::names::ignored`): the
    // file is there, so "missing" needs its reason.
    let last = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if crate::content::names::ignored(last) {
        return Some(format!(
            "`{last}` is never read: hidden files (a name starting with `.`) and editor or system leftovers (`~$…`, `.bak`, `Thumbs.db`) are not published; link to the file itself, or rename it"
        ));
    }
    if let Some(h) = super::other_tools::hidden_folder(path) {
        return Some(h);
    }
    if let Some(h) = question_in_name(dest) {
        return Some(h);
    }
    if let Some(address) = email(dest) {
        return Some(format!(
            "an e-mail address needs `mailto:`: `mailto:{address}`"
        ));
    }
    let last = dest.split(['#', '?']).next().unwrap_or(dest);
    let last = last.rsplit('/').next().unwrap_or(last);
    let server_page = old_site::page_name(last).is_some();
    if looks_like_domain(dest) && !server_page {
        return Some(format!("a web address needs `https://`: `https://{dest}`"));
    }
    let key = path.to_string_lossy().replace('\\', "/");
    // Such a file is skipped when the site is read (`content::names`).
    let name = key.rsplit('/').next().unwrap_or(&key);
    if let Some(h) = unsafe_name(name) {
        return Some(h);
    }
    if site.by_source.contains_key(path) {
        // From the linking file's folder: `../dnh.md` from a part's index.
        let link = link_from(from, &key);
        return Some(format!("link to the Markdown file: `{link}.md`"));
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
    if let Some(h) = only_language_versions(site, from, path) {
        return Some(h);
    }
    if let Some(h) = old_address(site, from, dest, &key) {
        return Some(h);
    }
    if server_page {
        return Some(old_site::hint(last));
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

/// `flow.svg` missing where its language versions are (`flow.en.svg`,
/// `flow.fr.svg`): a page shows its language's version of the file it
/// links to, so the one file every other language falls back on must be
/// there under the plain name.
fn only_language_versions(site: &Site, from: &Path, path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let (stem, ext) = name.rsplit_once('.')?;
    let versions: Vec<String> = site
        .config
        .languages
        .iter()
        .map(|l| format!("{stem}.{}.{ext}", l.code))
        .filter(|v| site.asset_by_source.contains_key(&path.with_file_name(v)))
        .collect();
    let default = format!("{stem}.{}.{ext}", site.config.default_language);
    let first = versions
        .iter()
        .find(|v| **v == default)
        .or(versions.first())?;
    let key = path
        .with_file_name(first)
        .to_string_lossy()
        .replace('\\', "/");
    Some(format!(
        "there is no `{name}`, only its language versions ({}): a page shows the version in its language, and `{name}` where there is none; rename `{first}` to `{name}`, or link to `{}`",
        versions
            .iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", "),
        link_from(from, &key)
    ))
}

/// An old site's address of a page (`../protection/informed-consent/`,
/// `/en/referral-pathways.html`), with its section (`../steps/#scope`), or
/// as Docusaurus writes one, without a last `/` (`/docs/handbook/steps`):
/// the page's own file, wherever it is. `key`: the path the link names.
fn old_address(site: &Site, from: &Path, dest: &str, key: &str) -> Option<String> {
    let last = key.rsplit('/').find(|s| !s.is_empty()).unwrap_or("");
    let lower = key.to_ascii_lowercase();
    let bare = dest.split(['#', '?']).next().unwrap_or(dest);
    let anchor = anchor_of(dest);
    let page_like = bare.ends_with('/')
        || lower.ends_with(".html")
        || lower.ends_with(".htm")
        || !last.contains('.')
        || old_site::page_name(last).is_some();
    page_like
        .then(|| in_language(site, from, last, "", &anchor))
        .flatten()
}

/// A file that is there, but not as the link names it: `files/r#1.png`,
/// whose `#` began an anchor, or a page in another tool's format (MDX,
/// Quarto, reStructuredText), which is not read.
fn not_as_named(site: &Site, dest: &str, path: &Path) -> Option<String> {
    if let Some((before, frag)) = dest.split_once('#') {
        let whole = PathBuf::from(format!("{}#{frag}", path.display()));
        if site.asset_by_source.contains_key(&whole) || is_page(site, &whole) {
            return Some(format!(
                "`#` starts an anchor in an address; for the file, write it `%23`: `{before}%23{frag}`"
            ));
        }
    }
    let last = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let format = crate::content::other_format(last)?;
    // Renamed `.md` already, as the migration asks: the link is all that
    // is left to change.
    let md = path.with_extension("md");
    if is_page(site, &md) {
        let name = &last[..last.rfind('.').unwrap_or(last.len())];
        return Some(format!("the page is `{name}.md` now: link to that"));
    }
    let (what, fix) = match format {
        crate::content::OtherFormat::Mdx => ("MDX pages are", "rename it `.md`"),
        crate::content::OtherFormat::Quarto => {
            ("Quarto and R Markdown pages are", "rename it `.md`")
        }
        crate::content::OtherFormat::Rst => {
            ("reStructuredText pages are", "convert it to a `.md` page")
        }
    };
    Some(format!(
        "{what} not read (see the warning at the file): {fix}, and link to that"
    ))
}

/// Whether `path` (from the top of `guidance/`) names a page's file:
/// `pub/notes#1.md`, or with its language, `pub/notes#1.fr.md`.
fn is_page(site: &Site, path: &Path) -> bool {
    let key = path.to_string_lossy();
    let Some(stem) = key.strip_suffix(".md") else {
        return false;
    };
    let known = |k: &str| site.by_source.contains_key(Path::new(k));
    known(stem)
        || stem
            .rsplit_once('.')
            .is_some_and(|(k, lang)| site.config.language(lang).is_some() && known(k))
}

/// "the file is called `images/flow.png`", as a path from the linking page's folder.
fn case_hint(dir: &Path, real: &str, suffix: &str) -> String {
    format!(
        "the file is called `{}{suffix}`: names are case-sensitive",
        link_from(dir, real)
    )
}

/// The link to `to` (a path from the top of `guidance/`) as written in a
/// file of folder `dir`.
fn link_from(dir: &Path, to: &str) -> String {
    let from = format!("{}/x", dir.to_string_lossy().replace('\\', "/"));
    relative(from.trim_start_matches('/'), to)
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
