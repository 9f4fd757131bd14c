//! Reading one Markdown file's front matter, as the file is loaded: a
//! build keeps of each file only its front matter and the hash its
//! translations record, so that the whole corpus is never in memory at
//! once (the Markdown step reads each file again, verified by hash).

use super::front_matter::{self, FrontMatter, Role};
use super::source::{Parsed, SourceFile};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// Parses `file`'s front matter. `has_index`: its folder has an
/// `index.<lang>.md` in its language (Hugo's `_index.md` is then left
/// out, else read as the folder's `index`). With `release`, the body is
/// let go once hashed (see the module's comment).
pub fn parse(mut file: SourceFile, has_index: bool, config: &Config, release: bool) -> Parsed {
    let mut ds = Vec::new();
    if file.stem == "_index" {
        let code = &config.languages[file.lang].code;
        // In the default language the folder's own page may have no suffix.
        let own = if file.lang == config.default_index() {
            format!("`index.md` or `index.{code}.md`")
        } else {
            format!("`index.{code}.md`")
        };
        ds.push(hugo_index(&file, code, &own, has_index));
        if has_index {
            return (file, None, ds);
        }
        file.stem = "index".into();
    }
    if let Some(d) = super::not_pages::summary_in_small_letters(&file.stem, &file.rel, &file.text) {
        ds.push(d);
        return (file, None, ds);
    }
    let role = role(&file.stem, &file.dir);
    let lenient = config.broken_links == crate::config::BrokenLinks::Warning;
    let fm = crate::crash::working_on(&file.rel, || parse_doc(&file, role, lenient, &mut ds));
    if let Some((fm, body_offset, _)) = &fm {
        let title = fm.title.as_deref().unwrap_or("");
        let (summary, body) = (fm.summary.as_deref(), &file.text[*body_offset..]);
        file.hash = Some(crate::text::stamp_hash(title, summary, body));
        file.legacy_hash = crate::text::legacy_hash(title, summary, body);
        if release {
            // The front matter stays: messages about aliases quote it.
            file.text.truncate(*body_offset);
            file.text.shrink_to_fit();
            file.released = true;
        }
    }
    (file, fm, ds)
}

/// What a page is, from its place: a publication's or a part's index, or
/// a chapter. Front matter accepts different keys for each.
pub fn role(stem: &str, dir: &Path) -> Role {
    match (stem, dir.components().count()) {
        ("index", 1) => Role::PublicationIndex,
        ("index", _) => Role::PartIndex,
        _ => Role::Chapter,
    }
}

fn parse_doc(
    file: &SourceFile,
    role: Role,
    lenient: bool,
    ds: &mut Vec<Diagnostic>,
) -> Option<(FrontMatter, usize, usize)> {
    if file.text.trim().is_empty() {
        ds.push(
            Diagnostic::error(&file.rel, 0, 0, "the file is empty").with_hint(
                "start it with front matter:\n      ---\n      title: My chapter\n      ---",
            ),
        );
        return None;
    }
    let split = match front_matter::split(&file.text) {
        Ok(s) => s,
        Err(e) => {
            ds.push(e.diagnostic(&file.rel));
            return None;
        }
    };
    // Hugo's JSON front matter: an object from a line `{` to a line `}`.
    if split.yaml.is_empty() && file.text.lines().next().map(str::trim) == Some("{") {
        ds.push(
            Diagnostic::error(&file.rel, 1, 1, "front matter in JSON (`{`) is not supported")
                .with_hint("write it as YAML between lines of `---`: `\"title\": \"My chapter\",` becomes\n      ---\n      title: My chapter\n      ---"),
        );
        return None;
    }
    if split.yaml.is_empty() && file.text.trim_start().starts_with("+++") {
        ds.push(
            Diagnostic::error(
                &file.rel,
                1,
                1,
                "front matter in TOML (`+++`) is not supported",
            )
            .with_hint(toml_hint(&file.text)),
        );
        return None;
    }
    let fm = front_matter::parse(&split, &file.rel, role, lenient, ds)?;
    Some((fm, split.body_offset, split.body_line))
}

/// The page's own TOML front matter as YAML, when it can be shown.
fn toml_hint(text: &str) -> String {
    let lines = front_matter::toml::as_yaml(text)
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| vec!["title: My chapter".to_string()]);
    let mut hint = "write it as YAML between lines of `---`:\n      ---".to_string();
    for l in lines {
        hint.push_str("\n      ");
        hint.push_str(&l);
    }
    hint.push_str("\n      ---");
    hint
}

/// Hugo's `_index.md` (a section's own page), left in a migrated site: read
/// as the folder's index, or left out when the folder has a real one.
fn hugo_index(file: &SourceFile, code: &str, own: &str, taken: bool) -> Diagnostic {
    if taken {
        Diagnostic::warning(
            &file.rel,
            0,
            0,
            format!(
                "Hugo's `_index.md` beside this folder's own page ({own}): this file is left out"
            ),
        )
        .with_hint("move what it says into the folder's own page, then delete it")
    } else {
        Diagnostic::warning(
            &file.rel,
            0,
            0,
            "`_index.md` is Hugo's name for a folder's own page: read as this folder's index",
        )
        .with_hint(format!("rename it `index.{code}.md`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LangId;
    use std::path::PathBuf;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            rel: PathBuf::from("guidance/pub/01-a.md"),
            dir: PathBuf::from("pub"),
            stem: "01-a".into(),
            lang: LangId(0),
            text: text.into(),
            from_base: false,
            root: PathBuf::new(),
            in_site: PathBuf::from("guidance/pub/01-a.md"),
            digest: *blake3::hash(text.as_bytes()).as_bytes(),
            hash: None,
            legacy_hash: None,
            released: false,
        }
    }

    #[test]
    fn a_build_keeps_the_front_matter_and_the_hash_of_the_body() {
        let (config, _) = crate::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en]\n",
            Path::new("site.yaml"),
        );
        let config = config.unwrap();
        let text = "---\ntitle: Referral\n---\n\nAsk before you refer.\n";
        let expected = crate::text::source_hash("Referral", "\nAsk before you refer.\n");
        let (kept, fm, ds) = parse(file(text), false, &config, false);
        assert!(ds.is_empty() && fm.is_some());
        assert_eq!((kept.text.as_str(), kept.released), (text, false));
        assert_eq!(kept.hash.as_deref(), Some(expected.as_str()));
        let (released, fm, _) = parse(file(text), false, &config, true);
        let (_, body_offset, body_line) = fm.unwrap();
        assert_eq!(released.text, "---\ntitle: Referral\n---\n");
        assert_eq!((body_offset, body_line), (released.text.len(), 3));
        assert!(released.released);
        assert_eq!(released.hash.as_deref(), Some(expected.as_str()));
    }
}
