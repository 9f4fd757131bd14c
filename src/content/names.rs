//! How files under `guidance/` are named: the folder, the language
//! suffix (`01-a.fr.md`), names that are never content or do not work
//! everywhere, and I/O errors in words.

use crate::config::{Config, LangId};
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

pub const CONTENT_DIR: &str = "guidance";

/// Looks like a language tag (`fr`, `pt-BR`), as opposed to part of a name.
/// Two letters (`xx`), or a tag with subtags (`pt-BR`), or three letters
/// that name a common language (`fil`, `yue`), so that `notes.old.md` stays
/// a name.
fn looks_like_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    let has_subtags = s.contains('-');
    let shaped = (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !shaped {
        return false;
    }
    if first.len() == 2 || has_subtags {
        return true;
    }
    // A three-letter language ICU knows gets a likely script and region.
    let Ok(mut tag) =
        icu_locale_core::LanguageIdentifier::try_from_str(&first.to_ascii_lowercase())
    else {
        return false;
    };
    thread_local! {
        static EXPANDER: icu_locale::LocaleExpander = const { icu_locale::LocaleExpander::new_common() };
    }
    EXPANDER.with(|e| e.maximize(&mut tag) == icu_locale::TransformResult::Modified)
}

/// `name.fr` -> (`name`, fr); `name.FR` too, as a file named on Windows
/// or macOS (where case does not tell names apart) has it, with a warning
/// from [`suffix_case`]. `Err` for a suffix that looks like a language the
/// site does not have.
pub fn split_lang<'a>(name: &'a str, config: &Config) -> Result<(&'a str, Option<LangId>), String> {
    let Some((stem, suffix)) = name.rsplit_once('.') else {
        return Ok((name, None));
    };
    if stem.is_empty() {
        return Ok((name, None));
    }
    if let Some(i) = config.lang_index(suffix) {
        return Ok((stem, Some(i)));
    }
    if let Some(i) = config
        .languages
        .iter()
        .position(|l| l.code.eq_ignore_ascii_case(suffix))
    {
        return Ok((stem, Some(LangId(i))));
    }
    if looks_like_tag(suffix) {
        return Err(format!(
            "unknown language suffix `.{suffix}`: the site's languages are {}",
            config
                .languages
                .iter()
                .map(|l| l.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok((name, None))
}

/// The warning for a page's file (`base` without `.md`) whose language
/// suffix is a site language in other capitals (`Guide.FR.md`): read as
/// that language, its readers get it; renamed, so other tools do too.
pub fn suffix_case(shown: &Path, base: &str, config: &Config) -> Option<Diagnostic> {
    let (_, suffix) = base.rsplit_once('.')?;
    let l = config
        .languages
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(suffix) && l.code != suffix)?;
    Some(
        Diagnostic::warning(
            shown,
            0,
            0,
            format!(
                "language suffix `.{suffix}` should be written `.{}`: the page is read as its `{}` version",
                l.code, l.code
            ),
        )
        .with_hint(suffix_hint(base, config)),
    )
}

/// `Index.md`, `INDEX.FR.md` (`stem` without its language, `code` the
/// language its suffix names), as a folder's page is named on Windows or
/// macOS, where case does not tell names apart: read as the folder's
/// `index`, with a warning that gives the whole name to write. `None` for
/// any other name, `index` itself included.
pub fn index_in_capitals(shown: &Path, stem: &str, code: Option<&str>) -> Option<Diagnostic> {
    if stem == "index" || !stem.eq_ignore_ascii_case("index") {
        return None;
    }
    let name = shown
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let want = match code {
        Some(code) => format!("index.{code}.md"),
        None => "index.md".into(),
    };
    Some(
        Diagnostic::warning(
            shown,
            0,
            0,
            format!("`{name}` is read as its folder's own page, `{want}`"),
        )
        .with_hint(format!(
            "rename the file `{want}`: a folder's page is `index`, in small letters (a web server, and fieldguide before, took `{stem}` for a page of that name)"
        )),
    )
}

/// The hint for a file name [`split_lang`] refused (`base` without `.md`):
/// rename it when its suffix is a site language in another case, else add
/// the language or rename.
pub fn suffix_hint(base: &str, config: &Config) -> String {
    let known = base.rsplit_once('.').and_then(|(stem, suffix)| {
        let l = config
            .languages
            .iter()
            .find(|l| l.code.eq_ignore_ascii_case(suffix))?;
        // The file has BCP 47's case (`pt-BR`, `en`) and site.yaml not
        // (`pt-br`, `EN`): the fix may be site.yaml's one line.
        let standard = icu_locale_core::LanguageIdentifier::try_from_str(&l.code)
            .map(|t| t.to_string())
            .ok()
            .filter(|t| t == suffix && *t != l.code);
        Some(match standard {
            Some(t) => format!(
                "rename the file `{stem}.{}.md`, or write the language `{t}` in site.yaml, as BCP 47 writes it (then every file of it is named `.{t}.md`)",
                l.code
            ),
            None => format!("rename the file `{stem}.{}.md`", l.code),
        })
    });
    // `fr-FR`, `pt_BR`: a regional form of a language the site has.
    let regional = || {
        let (stem, suffix) = base.rsplit_once('.')?;
        let (primary, _) = suffix.split_once(['-', '_'])?;
        let l = config
            .languages
            .iter()
            .find(|l| l.code.eq_ignore_ascii_case(primary))?;
        Some(format!(
            "the site has `{code}`: rename the file `{stem}.{code}.md`, or add `{suffix}` to the languages in site.yaml if the site is to have both",
            code = l.code
        ))
    };
    known
        .or_else(regional)
        .or_else(|| same_script(base, config))
        .unwrap_or_else(|| {
            "add the language to site.yaml, or rename the file `<name>.<language>.md`".into()
        })
}

/// `zh-cn`, as Hugo writes it, where the site has `zh-Hans`: a region
/// whose likely script is that of a site language written with its script
/// (`zh-cn`, `zh-sg` are `zh-Hans`; `zh-tw`, `zh-hk` are `zh-Hant`).
fn same_script(base: &str, config: &Config) -> Option<String> {
    let (stem, suffix) = base.rsplit_once('.')?;
    let code = script_alias(suffix, config)?;
    Some(format!(
        "`{suffix}` is written in the same script as `{code}`, which the site has: rename the file `{stem}.{code}.md`, or add `{suffix}` to the languages in site.yaml if the site is to have both"
    ))
}

/// The site's language that `tag` (`zh-cn`, `zh_TW`) is a regional form
/// of, when the site writes it with its script (`zh-Hans`, `zh-Hant`).
pub fn script_alias<'c>(tag: &str, config: &'c Config) -> Option<&'c str> {
    let script_of = |tag: &str| {
        let mut t =
            icu_locale_core::LanguageIdentifier::try_from_str(&tag.replace('_', "-")).ok()?;
        let given = t.script.is_some();
        thread_local! {
            static EXPANDER: icu_locale::LocaleExpander = const { icu_locale::LocaleExpander::new_common() };
        }
        EXPANDER.with(|e| e.maximize(&mut t));
        Some((t.language, t.script?, given))
    };
    if !tag.contains(['-', '_']) {
        return None;
    }
    let (language, script, _) = script_of(tag)?;
    config
        .languages
        .iter()
        .find(|l| {
            // Only a site language written as language and script (`zh-Hans`).
            l.code.split('-').count() == 2
                && matches!(script_of(&l.code), Some((lang, s, true)) if lang == language && s == script)
        })
        .map(|l| l.code.as_str())
}

/// Whether a page alone in another language (`stem`) may be the
/// translation of `source`, renamed: they share the order number or have
/// similar names. Others are not worth naming in a hint.
pub fn may_be_renamed(stem: &str, source: &str) -> bool {
    let (n1, s1) = split_order(stem);
    let (n2, s2) = split_order(source);
    if n1.is_some() && n1 == n2 {
        return true;
    }
    strsim::normalized_damerau_levenshtein(&s1.to_lowercase(), &s2.to_lowercase()) >= 0.6
}

/// `03-arabic-only` -> (Some(3), `arabic-only`).
fn split_order(stem: &str) -> (Option<u64>, &str) {
    match stem.split_once('-') {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (n.parse().ok(), rest)
        }
        _ => (None, stem),
    }
}

/// Files and folders that are never content: hidden ones, editor and OS
/// leftovers (`~$x.docx`, `x.bak`, `.DS_Store`, ...).
pub fn ignored(name: &str) -> bool {
    name.starts_with('.')
        || crate::content::file_types::classify(name)
            == crate::content::file_types::FileType::Leftover
}

/// A Markdown file a repository keeps for its contributors, not a page:
/// `README`, `CONTRIBUTING`, `CHANGELOG` (any case, any language suffix);
/// in capitals only (a chapter may be called `summary` or `license`),
/// mdBook's `SUMMARY`, and `LICENSE`, `LICENCE`, `CODE_OF_CONDUCT`, `SECURITY`.
pub fn is_repository_note(stem: &str) -> bool {
    let first = stem.split('.').next().unwrap_or(stem);
    matches!(
        first.to_ascii_lowercase().as_str(),
        "readme" | "contributing" | "changelog"
    ) || matches!(
        first,
        "SUMMARY" | "LICENSE" | "LICENCE" | "CODE_OF_CONDUCT" | "SECURITY"
    )
}

/// A Markdown file that is a note to the repository's contributors
/// (`README.md`, `CHANGELOG.fr.md`): see [`is_repository_note`].
pub fn is_note_file(name: &str) -> bool {
    is_markdown(name).is_some_and(is_repository_note)
}

/// A GitHub wiki's `_Sidebar`, `_Footer` or `_Header`, or Docsify's
/// `_sidebar`, `_navbar` or `_coverpage` (any language suffix): what it
/// is, for the warning that leaves it out.
pub fn wiki_furniture(stem: &str) -> Option<&'static str> {
    let first = stem.split('.').next().unwrap_or(stem);
    Some(match first.to_ascii_lowercase().as_str() {
        "_sidebar" => "a GitHub wiki's or Docsify's sidebar (`_Sidebar.md`)",
        "_footer" => "a GitHub wiki's footer (`_Footer.md`)",
        "_header" => "a GitHub wiki's header (`_Header.md`)",
        "_navbar" => "Docsify's navigation bar (`_navbar.md`)",
        "_coverpage" => "Docsify's cover page (`_coverpage.md`)",
        _ => return None,
    })
}

/// `name.md` -> `name`; `None` for a file that is not Markdown.
pub fn is_markdown(name: &str) -> Option<&str> {
    let lower = name.to_ascii_lowercase();
    for ext in [".md", ".markdown"] {
        if lower.ends_with(ext) && name.len() > ext.len() {
            return Some(&name[..name.len() - ext.len()]);
        }
    }
    None
}

/// The name a file manager, a browser or Word gives a copy, taken off:
/// `Copy of 02-x` (also French, German, Spanish), `02-x - Copy`, `02-x
/// copy 2`, `02-x (1)`. `None` for a name that is not one.
pub fn copy_of(stem: &str) -> Option<&str> {
    const BEFORE: [&str; 4] = ["copy of ", "copie de ", "kopie von ", "copia de "];
    const AFTER: [&str; 8] = [
        " - copy", " - copie", " - kopie", " - copia", " (copy)", " (copie)", " copy", " kopie",
    ];
    let ascii_prefix =
        |s: &str, p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let ascii_suffix = |s: &str, p: &str| {
        s.len() >= p.len()
            && s.get(s.len() - p.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(p))
    };
    if let Some(p) = BEFORE.iter().find(|p| ascii_prefix(stem, p)) {
        return Some(&stem[p.len()..]).filter(|s| !s.is_empty());
    }
    let paren = stem.strip_suffix(')').and_then(|s| {
        let d = s.trim_end_matches(|c: char| c.is_ascii_digit());
        (d.len() < s.len()).then_some(d)?.strip_suffix(" (")
    });
    let spaced = {
        let d = stem.trim_end_matches(|c: char| c.is_ascii_digit());
        (d.len() < stem.len())
            .then_some(d)
            .and_then(|d| d.strip_suffix(' '))
    };
    // A copy word, maybe numbered: `x - Copy`, `x - Copy (2)`, `x copy 2`.
    for base in [Some(stem), paren, spaced].into_iter().flatten() {
        if let Some(p) = AFTER.iter().find(|p| ascii_suffix(base, p)) {
            return Some(&base[..base.len() - p.len()]).filter(|s| !s.is_empty());
        }
    }
    // Dropbox: `x (conflicted copy 2024-01-02)`.
    if let Some(at) = stem.find(" (conflicted copy") {
        return Some(&stem[..at]).filter(|s| !s.is_empty());
    }
    // `x (1)`, as a browser names a second download of `x`; `x 2`, as
    // macOS does (a page may be called that: only a sibling `x` makes it
    // a copy, see `tree::check_copies`).
    paren.or(spaced).filter(|b| !b.is_empty())
}

/// A name that works here but breaks the site on Windows or macOS (a
/// reserved device name, a trailing dot): an error, so it is renamed
/// before the site is copied to a phone or a USB stick.
pub fn portable_error(rel: PathBuf, problem: &str) -> Diagnostic {
    Diagnostic::error(
        rel,
        0,
        0,
        format!("this name does not work on every system: {problem}"),
    )
    .with_hint("rename it: the site is copied to phones and USB sticks, read on Windows and macOS")
}

/// The entry's file name, unless it cannot be part of a web address (a
/// warning says so, and the file is skipped): a page's name may, since
/// the page is published under its page name.
pub fn usable_name<'e>(
    entry: &'e walkdir::DirEntry,
    rel_site: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'e str> {
    let Some(name) = entry.file_name().to_str() else {
        diags.push(not_unicode(rel_site.to_path_buf(), false));
        return None;
    };
    if let Some(bad) = name
        .chars()
        .find(|c| c.is_control() || matches!(c, '<' | '>' | '"' | '|' | '?' | '*' | '\\' | ':'))
    {
        // A page is published under its page name, which leaves the
        // character out: it is read, and warned about where its page name
        // is known (`windows_names`).
        if is_markdown(name).is_some() && super::windows_names::only_refused_characters(name) {
            return Some(name);
        }
        diags.push(
            Diagnostic::warning(
                rel_site,
                0,
                0,
                format!(
                    "file name contains {bad:?}, which does not work in web addresses; skipped"
                ),
            )
            .with_hint("rename the file using letters, digits, '-', '_' and '.'"),
        );
        return None;
    }
    Some(name)
}

/// The warning for a file or folder whose name is not UTF-8 (unpacked
/// from a zip made on an older Windows, or copied from a Latin-1 disk):
/// it is skipped, a folder with everything in it, rather than read under
/// a name that no longer leads to it.
pub fn not_unicode(rel_site: PathBuf, folder: bool) -> Diagnostic {
    let what = if folder {
        "folder name is not valid Unicode; skipped, with everything in it"
    } else {
        "file name is not valid Unicode; skipped"
    };
    Diagnostic::warning(rel_site, 0, 0, what).with_hint(
        "rename it (names unpacked from a zip made on another system can keep that system's encoding)",
    )
}

/// An I/O error in words an author understands.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "permission denied (check the file's permissions)".into()
        }
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        _ => e.to_string(),
    }
}

/// What a thing in the folder that is neither a file, a folder nor a link
/// is, for a message.
pub fn special_kind(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = t;
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        crate::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en, fr, pt-BR]\n",
            Path::new("site.yaml"),
        )
        .0
        .unwrap()
    }

    #[test]
    fn language_suffixes() {
        let c = config();
        assert_eq!(
            split_lang("01-a.fr", &c).unwrap(),
            ("01-a", Some(LangId(1)))
        );
        assert_eq!(
            split_lang("01-a.pt-BR", &c).unwrap(),
            ("01-a", Some(LangId(2)))
        );
        assert_eq!(split_lang("01-a", &c).unwrap(), ("01-a", None));
        assert_eq!(split_lang("v1.2-notes", &c).unwrap(), ("v1.2-notes", None));
        assert!(
            split_lang("01-a.xx", &c)
                .unwrap_err()
                .contains("unknown language suffix `.xx`")
        );
        assert_eq!(
            split_lang("01-a.FR", &c).unwrap(),
            ("01-a", Some(LangId(1)))
        );
        assert_eq!(
            split_lang("01-a.pt-br", &c).unwrap(),
            ("01-a", Some(LangId(2)))
        );
        let warned = suffix_case(Path::new("x"), "01-a.FR", &c).unwrap();
        assert!(warned.message.contains("`.FR` should be written `.fr`"));
        assert!(suffix_case(Path::new("x"), "01-a.fr", &c).is_none());
        assert_eq!(
            suffix_hint("02-extra.FR", &c),
            "rename the file `02-extra.fr.md`"
        );
        assert!(suffix_hint("02-extra.xx", &c).starts_with("add the language"));
        assert_eq!(split_lang("notes.old", &c).unwrap(), ("notes.old", None));
        assert_eq!(split_lang("draft.bak", &c).unwrap(), ("draft.bak", None));
        assert!(split_lang("page.fil", &c).is_err());
        assert!(split_lang("page.zh-Hant", &c).is_err());
    }

    #[test]
    fn names_of_copies() {
        for (name, of) in [
            ("Copy of 02-procedure", Some("02-procedure")),
            ("copie de 02-procédure", Some("02-procédure")),
            ("Kopie von 03-x", Some("03-x")),
            ("02-procedure - Copy", Some("02-procedure")),
            ("02-procedure - Copy (2)", Some("02-procedure")),
            ("02-procedure copy", Some("02-procedure")),
            ("02-procedure copy 2", Some("02-procedure")),
            ("02-procedure (1)", Some("02-procedure")),
            ("02-procedure (copy)", Some("02-procedure")),
            ("02-procedure", None),
            ("02-phase 2", Some("02-phase")),
            ("02-x (conflicted copy 2024-01-02)", Some("02-x")),
            ("03-annex (a)", None),
            ("Copy of ", None),
            ("copy", None),
        ] {
            assert_eq!(copy_of(name), of, "{name}");
        }
    }

    #[test]
    fn renamed_pages_share_a_number_or_a_name() {
        assert!(may_be_renamed("03-arabic-only", "03-other"));
        assert!(may_be_renamed("05-referal", "04-referral"));
        assert!(may_be_renamed("signs", "02-signs"));
        assert!(!may_be_renamed("03-arabic-only", "01-images"));
        assert!(!may_be_renamed("03-arabic-only", "02-extra"));
        assert!(!may_be_renamed("03-arabic-only", "01-getting-started"));
    }
}
