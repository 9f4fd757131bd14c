//! Markdown files under `guidance/` that are no pages: notes to a
//! repository's contributors, a book's table of contents, a wiki's
//! furniture, MDX pages. Left out, and said when they may hold what
//! readers were meant to get.

use super::names::is_markdown;
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// A Markdown file that is no page: a note to a repository's contributors
/// (left out silently), a book's `SUMMARY.md`, or a GitHub wiki's or
/// Docsify's sidebar, footer, header, navigation bar or cover page (left
/// out with a warning, since it may hold text meant for readers, or an
/// order).
pub(super) fn not_a_page(name: &str, shown: &Path, diags: &mut Vec<Diagnostic>) -> bool {
    if let Some(format) = other_format(name) {
        diags.push(other_format_page(format, shown));
        return true;
    }
    let Some(stem) = is_markdown(name) else {
        return false;
    };
    if stem.split('.').next() == Some("SUMMARY") {
        diags.push(summary_file(shown));
        return true;
    }
    if super::names::is_repository_note(stem) {
        return true;
    }
    let Some(part) = super::names::wiki_furniture(stem) else {
        return false;
    };
    diags.push(
        Diagnostic::warning(shown, 0, 0, format!("{part}, not a page: left out"))
            .with_hint("fieldguide makes each page's navigation itself; move anything else it says into a page, then delete it"),
    );
    true
}

/// mdBook's and GitBook's `SUMMARY.md` orders and nests a book's pages:
/// left out without a word, a book moved in read in another order.
fn summary_file(shown: &Path) -> Diagnostic {
    Diagnostic::warning(
        shown,
        0,
        0,
        "a table of contents (`SUMMARY.md`, as mdBook and GitBook write it) is not read: it orders no pages here",
    )
    .with_hint(
        "fieldguide orders a folder's pages by the number their file names start with (`01-intro.md`, `02-signs.md`), or by `order:` in their front matter; the navigation is made from them, so the file can go",
    )
}

/// GitBook's table of contents saved as `summary.md` (small letters, as a
/// Windows or macOS copy, or a GitBook export, may leave it): read as a
/// chapter, it stopped the build for its missing title. Only a file that
/// is nothing but a table of contents, no front matter and its list items
/// links, is left out like `SUMMARY.md`: a chapter may be called
/// `summary`.
pub(super) fn summary_in_small_letters(stem: &str, rel: &Path, text: &str) -> Option<Diagnostic> {
    let first = stem.split('.').next().unwrap_or(stem);
    if !first.eq_ignore_ascii_case("summary") || !is_table_of_contents(text) {
        return None;
    }
    let name = rel.file_name()?.to_string_lossy();
    Some(
        Diagnostic::warning(
            rel,
            0,
            0,
            format!("a table of contents (`{name}`, GitBook's `SUMMARY.md` in small letters) is not read: it orders no pages here, and it is no page"),
        )
        .with_hint(
            "fieldguide orders a folder's pages by the number their file names start with (`01-intro.md`, `02-signs.md`), or by `order:` in their front matter; the navigation is made from them, so the file can go; if it is a page, give it front matter with a `title:`",
        ),
    )
}

/// Headings and list items of links to Markdown pages, nothing else.
fn is_table_of_contents(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut links = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let item = line.strip_prefix(['*', '-', '+']).or_else(|| {
            line.trim_start_matches(|c: char| c.is_ascii_digit())
                .strip_prefix('.')
        });
        let Some(item) = item.filter(|i| i.starts_with(' ')) else {
            return false;
        };
        if !item.trim_start().starts_with('[') || !item.contains("](") {
            return false;
        }
        links += usize::from(item.contains(".md"));
    }
    links > 0
}

/// Pages in another tool's format, which fieldguide does not read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OtherFormat {
    /// Docusaurus's MDX: Markdown with `import` lines and components.
    Mdx,
    /// Quarto's `.qmd` and R Markdown's `.Rmd`: Markdown with YAML front
    /// matter and code cells, read as they are once renamed `.md`.
    Quarto,
    /// Sphinx's reStructuredText, which needs converting.
    Rst,
}

/// The other tool's format a file's name says its page is in: its
/// extension, in any case (`.Rmd`, `.RST`).
pub fn other_format(name: &str) -> Option<OtherFormat> {
    let (stem, ext) = name.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    match ext.to_ascii_lowercase().as_str() {
        "mdx" => Some(OtherFormat::Mdx),
        "qmd" | "rmd" => Some(OtherFormat::Quarto),
        "rst" => Some(OtherFormat::Rst),
        _ => None,
    }
}

/// A page in another tool's format is not a page, nor a file to publish:
/// without a word a site moved in lost every such page, named only in the
/// list of files no page links to (and a link to one was told to save it
/// as PDF).
fn other_format_page(format: OtherFormat, shown: &Path) -> Diagnostic {
    let (what, hint) = match format {
        OtherFormat::Mdx => (
            "an MDX page (Markdown with components, as Docusaurus writes)",
            "rename it `.md` and take out its `import` lines and components (`<Tabs>`, `<Admonition>`): fieldguide reads Markdown, with HTML's own tags".to_string(),
        ),
        OtherFormat::Quarto => (
            "a Quarto or R Markdown page (`.qmd`, `.Rmd`)",
            "rename it `.md`: its front matter and Markdown are read as they are, and its code cells are shown as code, not run (render it first, `quarto render --to gfm`, if readers need their output)".to_string(),
        ),
        OtherFormat::Rst => {
            let md = shown.with_extension("md");
            let file = |p: &Path| {
                p.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            };
            (
                "a reStructuredText page (as Sphinx writes)",
                format!(
                    "convert it to Markdown, `pandoc -f rst -t gfm {} -o {}`, and give it front matter with its `title:`",
                    file(shown),
                    file(&md)
                ),
            )
        }
    };
    Diagnostic::warning(shown, 0, 0, format!("{what} is not read: left out")).with_hint(hint)
}

/// A site generator's own folder, which that generator never published as
/// pages: Jekyll's drafts, snippets, templates, data and built site, and
/// Sphinx's templates and built output. Its pages were published here
/// (a draft, to everyone) or refused the build for a missing title (a
/// snippet has no front matter). Not `_static`: Sphinx's pages show its
/// pictures.
pub(super) fn is_tool_folder(name: &str) -> bool {
    matches!(
        name,
        "_drafts"
            | "_includes"
            | "_layouts"
            | "_data"
            | "_sass"
            | "_plugins"
            | "_site"
            | "_build"
            | "_templates"
    )
}

/// The warning for such a folder, left out whole.
pub(super) fn tool_folder(shown: std::path::PathBuf) -> Diagnostic {
    let name = shown
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    if name == "_drafts" {
        return Diagnostic::warning(
            &shown,
            0,
            0,
            "Jekyll's `_drafts` folder is not read: its pages were not published, and are not here either",
        )
        .with_hint("to publish one, move it into its publication's folder, with `draft: true` until it is ready");
    }
    Diagnostic::warning(
        &shown,
        0,
        0,
        format!("`{name}` is a site generator's own folder (Jekyll's or Sphinx's snippets, templates, data or built output), not pages: it is not read"),
    )
    .with_hint("copy any text meant for readers into a page (fieldguide pastes no snippets in); the folder can go")
}

/// A Docusaurus category file (`_category_.json`, `.yml` or `.yaml`) and
/// what it gives its folder, in words: "the label `Safety` and the
/// position 2", and the same as front matter, "`title: Safety` and
/// `order: 2`" (either empty).
#[derive(Clone, Debug, Default)]
pub struct Category {
    pub file: String,
    pub gives: String,
    pub front: String,
}

/// What the category file `name` gives its folder, for the warning about
/// the folder's missing index. Not a setting here; read only for that (at
/// most 64 KB).
pub(super) fn category(name: &str, file: Option<std::fs::File>) -> Category {
    use std::io::Read;
    let mut text = String::new();
    if let Some(f) = file {
        let _ = f.take(64 * 1024).read_to_string(&mut text);
    }
    // Its YAML forms hold the same keys as the JSON one; read with the
    // site's YAML reader, whose nesting and aliases are bounded.
    let (label, position) = if name.ends_with(".json") {
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        (
            json.get("label")
                .and_then(|l| l.as_str())
                .map(str::to_string),
            json.get("position").and_then(|p| p.as_f64()),
        )
    } else {
        let yaml = crate::yaml::parse(&text).ok().flatten();
        let get = |key| yaml.as_ref().and_then(|y| y.get(key));
        (
            get("label").and_then(|l| l.as_text()).map(str::to_string),
            get("position").and_then(|p| p.as_f64()),
        )
    };
    let label = label.as_deref();
    let mut gives = Vec::new();
    let mut front = Vec::new();
    if let Some(l) = label.map(str::trim).filter(|l| !l.is_empty()) {
        gives.push(format!("the label `{l}`"));
        let quoted = l.contains([':', '#', '"', '\''])
            || l.starts_with(['-', '[', '{', '&', '*', '!', '|', '>', '%', '@', '`']);
        front.push(if quoted {
            format!(
                "`title: \"{}\"`",
                l.replace('\\', "\\\\").replace('"', "\\\"")
            )
        } else {
            format!("`title: {l}`")
        });
    }
    if let Some(p) = position {
        gives.push(format!("the position {p}"));
        // `order:` is a whole number; Docusaurus allows 1.5.
        if p.fract() == 0.0 {
            front.push(format!("`order: {p}`"));
        }
    }
    Category {
        file: name.to_string(),
        gives: gives.join(" and "),
        front: front.join(" and "),
    }
}
