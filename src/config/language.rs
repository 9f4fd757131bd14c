//! `languages:` in site.yaml: BCP 47 tags, names, and writing direction.

use super::{Direction, Language};
use crate::diagnostics::Diagnostic;
use crate::yaml::{Located, Node};
use icu_locale_core::LanguageIdentifier;

/// Why a language code cannot be used, and how to write it instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagError {
    pub message: String,
    pub hint: String,
}

/// The most languages a site may list. Every page links every language
/// (the menu, `hreflang` alternates) and each language has every page (a
/// fallback where it is not translated), so the output grows with the
/// square of their number: 800 made half a gigabyte of a 3-page site, 200
/// 39 MB. A site for many communities may need a hundred; none two hundred.
pub const MAX_LANGUAGES: usize = 200;

/// The languages as listed, each problem reported at its own item. Also
/// returns every code as written (even invalid ones), so `default_language`
/// is checked against what the author meant to list.
pub fn languages(
    v: Option<&Node>,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Language>, Vec<String>) {
    let mut languages: Vec<Language> = Vec::new();
    let mut raw_codes = Vec::new();
    let Some(items) = v.and_then(Node::items).filter(|i| !i.is_empty()) else {
        let hint = "languages:\n      - { code: en, name: English }";
        diags.push(match v {
            Some(v) => at.shape_error(v, "`languages` must be a non-empty list".into(), hint),
            None => Diagnostic::error(
                at.rel,
                1,
                1,
                "site.yaml needs `languages`, a non-empty list",
            )
            .with_hint(hint),
        });
        return (languages, raw_codes);
    };
    for item in items {
        let Some((lang, node)) = language(item, at, &mut raw_codes, diags) else {
            continue;
        };
        if languages.len() == MAX_LANGUAGES {
            let msg = format!(
                "more than {MAX_LANGUAGES} languages: every page links every language and each language gets every page, so the site would grow with the square of their number"
            );
            diags.push(at.error(node, msg).with_hint(
                "list the languages the site is translated into (or will be soon); split a very multilingual site into local editions",
            ));
            break;
        }
        if languages
            .iter()
            .any(|l| l.code.eq_ignore_ascii_case(&lang.code))
        {
            diags.push(at.error(node, format!("language `{}` is listed twice", lang.code)));
        } else {
            languages.push(lang);
        }
    }
    (languages, raw_codes)
}

/// Two languages the language menu would show by one name (`ha` and
/// `ha-Arab` both "Hausa", `pt` and `pt-BR` both "Português"): readers
/// could not tell which is theirs. Said at the later one, once named (an
/// edition's languages take their base's names).
pub fn same_names(languages: &[Language], rel: &std::path::Path, diags: &mut Vec<Diagnostic>) {
    for (i, lang) in languages.iter().enumerate() {
        let Some(earlier) = languages[..i].iter().find(|l| l.name == lang.name) else {
            continue;
        };
        let msg = format!(
            "`{}` and `{}` are both shown as \"{}\" in the language menu: readers cannot tell them apart",
            earlier.code, lang.code, lang.name
        );
        let hint = format!(
            "give each the name its readers know it by: `- {{ code: {}, name: … }}`",
            lang.code
        );
        diags.push(Diagnostic::warning(rel, lang.at.0, lang.at.1, msg).with_hint(hint));
    }
}

/// One item: `en`, or `{ code: en, name: English, direction: ltr }`, and
/// the node of its code (where a duplicate is reported). Its code, even
/// invalid, goes to `raw_codes`.
fn language<'n>(
    item: &'n Node,
    at: &Located,
    raw_codes: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Language, &'n Node)> {
    let (code_node, name, dir) = match (item.as_text(), item.entries()) {
        (Some(_), _) => (item, None, None),
        (None, Some(_)) => {
            let Some(code) = item.get("code").filter(|c| c.as_text().is_some()) else {
                diags.push(
                    at.error(item, "each language needs a `code`")
                        .with_hint("- { code: fr, name: Français }"),
                );
                return None;
            };
            (code, item.get("name"), item.get("direction"))
        }
        _ => {
            diags.push(at.shape_error(
                item,
                "a language must be `{ code: .., name: .. }`".into(),
                "- { code: fr, name: Français }",
            ));
            return None;
        }
    };
    let code = code_node.as_text().unwrap_or("").to_string();
    raw_codes.push(code.clone());
    let tag = match validate_tag(&code) {
        Ok(tag) => tag,
        Err(e) => {
            diags.push(at.error(code_node, e.message).with_hint(e.hint));
            return None;
        }
    };
    let dir = match dir.map(|d| (d, d.as_text())) {
        None => direction_of(&tag),
        Some((_, Some("rtl"))) => Direction::Rtl,
        Some((_, Some("ltr"))) => Direction::Ltr,
        Some((node, other)) => {
            let msg = format!(
                "direction `{}` for `{code}` must be `ltr` or `rtl`",
                other.unwrap_or("")
            );
            diags.push(at.error(node, msg));
            return None;
        }
    };
    let name = name.and_then(Node::as_text).map(str::to_string);
    // `languages: [en, fr]`: readers see "English", not "en", in notices
    // and the language menu, for the languages this table knows.
    let known = || {
        endonym(tag.language.as_str())
            .or_else(|| endonym(canonical(&tag).language.as_str()))
            .map(str::to_string)
    };
    let lang = Language {
        named: name.is_some(),
        name: name.or_else(known).unwrap_or_else(|| code.clone()),
        code,
        dir,
        at: (code_node.pos.line + at.line_offset, code_node.pos.col),
    };
    Some((lang, code_node))
}

/// A language's name in itself, for the languages guidance is most often
/// written in, by primary subtag.
fn endonym(primary: &str) -> Option<&'static str> {
    Some(match primary {
        "am" => "አማርኛ",
        "ar" => "العربية",
        "bn" => "বাংলা",
        "ckb" => "کوردی",
        "de" => "Deutsch",
        "en" => "English",
        "es" => "Español",
        "fa" => "فارسی",
        "ff" => "Fulfulde",
        "fr" => "Français",
        "ha" => "Hausa",
        "hi" => "हिन्दी",
        "id" => "Bahasa Indonesia",
        "it" => "Italiano",
        "km" => "ខ្មែរ",
        "ku" => "Kurdî",
        "ln" => "Lingála",
        "my" => "မြန်မာ",
        "ne" => "नेपाली",
        "nl" => "Nederlands",
        "om" => "Afaan Oromoo",
        "pl" => "Polski",
        "ps" => "پښتو",
        // Dari: Persian as written in Afghanistan, named as its readers do.
        "prs" => "دری",
        "pt" => "Português",
        "ro" => "Română",
        "ru" => "Русский",
        "rw" => "Kinyarwanda",
        "so" => "Soomaali",
        "sw" => "Kiswahili",
        "ti" => "ትግርኛ",
        "tl" => "Tagalog",
        "tr" => "Türkçe",
        "uk" => "Українська",
        "ur" => "اردو",
        "vi" => "Tiếng Việt",
        "wo" => "Wolof",
        "yo" => "Yorùbá",
        "zh" => "中文",
        _ => return None,
    })
}

/// A language code must be a well-formed BCP 47 tag, written as such: it is
/// used in file names, folder names and `lang` attributes.
pub fn validate_tag(code: &str) -> Result<LanguageIdentifier, TagError> {
    let bad = |why: &str| {
        let hint = if code.contains('_') {
            format!("write `{}`: BCP 47 uses hyphens", code.replace('_', "-"))
        } else {
            "use a BCP 47 tag such as en, fr, ar, pt-BR, zh-Hant, ha-Arab".into()
        };
        TagError {
            message: format!("`{code}` is not a valid language tag: {why}"),
            hint,
        }
    };
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(bad("only letters, digits and hyphens are allowed"));
    }
    let tag = LanguageIdentifier::try_from_str(code).map_err(|e| bad(&e.to_string()))?;
    if tag.language.is_unknown() {
        return Err(bad("it has no language subtag"));
    }
    // The code names a folder and files: `con`, `nul`, `prn`, `aux` are
    // devices on Windows, where such a site could not be copied.
    if matches!(
        code.to_ascii_lowercase().as_str(),
        "con" | "nul" | "prn" | "aux"
    ) {
        return Err(TagError {
            message: format!(
                "`{code}` cannot be a language code here: Windows reserves the name for a device, so the `{code}/` folder could not be copied there"
            ),
            hint:
                "use a longer tag for the language, such as a region or script subtag (`con-Latn`)"
                    .into(),
        });
    }
    Ok(tag)
}

/// `tag` as CLDR's aliases write it: a deprecated or overlong code as the
/// one it stands for (`prs` Dari as `fa-AF`, `pes` as `fa`, `arb` as `ar`,
/// `pbu` as `ps`, ISO 639-2's `ara`, `fas`, `urd` as `ar`, `fa`, `ur`).
/// The site keeps the code it was given; its direction, name and built-in
/// interface strings come from this one (ICU's likely scripts know only
/// the canonical codes: `prs` was left to right).
pub fn canonical(tag: &LanguageIdentifier) -> LanguageIdentifier {
    thread_local! {
        static ALIASES: icu_locale::LocaleCanonicalizer = const { icu_locale::LocaleCanonicalizer::new_extended() };
    }
    let mut locale = icu_locale_core::Locale::from(tag.clone());
    ALIASES.with(|a| a.canonicalize(&mut locale));
    locale.id
}

/// The language a code names, as CLDR writes it, lower-cased: `fr` for
/// `fr-CA`, `ar` for `arb` or `ara`, `fa` for `prs`; the code's first
/// subtag when it is not a language tag. Search's rules and stemmers go by
/// it.
pub fn primary_language(code: &str) -> String {
    // Two letters (nearly every site's codes) need no look-up: search asks
    // this of every page. (Deprecated ones, `iw` for `he`, have no search
    // rules either way.)
    let first = code.split(['-', '_']).next().unwrap_or("");
    if first.len() == 2 {
        return first.to_ascii_lowercase();
    }
    match code.replace('_', "-").parse::<LanguageIdentifier>() {
        Ok(tag) => canonical(&tag).language.to_string(),
        Err(_) => code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase(),
    }
}

/// Direction from the script: an explicit script subtag wins, else the
/// language's likely script (ICU data, so `ha` is LTR and `ha-Arab` RTL).
pub fn direction_of(tag: &LanguageIdentifier) -> Direction {
    thread_local! {
        static DIR: icu_locale::LocaleDirectionality = const { icu_locale::LocaleDirectionality::new_extended() };
    }
    let tag = canonical(tag);
    DIR.with(|d| {
        if d.is_right_to_left(&tag) {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    })
}

/// ` lang="en"` (and ` dir="ltr"` when the directions differ) for text in
/// language `code` (direction `dir`) inside an element in language
/// `within` (direction `within_dir`, when known); nothing when they are
/// the same. Codes are BCP 47 tags (letters, digits, hyphens): nothing in
/// them needs escaping. Interface strings (`t_attrs`) and local values
/// are marked by this one rule.
pub fn lang_attrs(
    code: &str,
    dir: Direction,
    within: &str,
    within_dir: Option<Direction>,
) -> String {
    if code == within {
        return String::new();
    }
    let mut out = format!(" lang=\"{code}\"");
    if within_dir != Some(dir) {
        out.push_str(&format!(" dir=\"{}\"", dir.as_str()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_goes_by_the_language_a_code_stands_for() {
        for (code, primary) in [
            ("fr-CA", "fr"),
            ("EN", "en"),
            ("sw_KE", "sw"),
            ("ara", "ar"),
            ("arb", "ar"),
            ("prs", "fa"),
            ("fil", "fil"),
        ] {
            assert_eq!(primary_language(code), primary, "{code}");
        }
    }

    #[test]
    fn directions_come_from_script() {
        for (code, dir) in [
            ("ar", Direction::Rtl),
            ("fa", Direction::Rtl),
            ("ur", Direction::Rtl),
            ("ps", Direction::Rtl),
            ("he", Direction::Rtl),
            ("ckb", Direction::Rtl),
            ("ha-Arab", Direction::Rtl),
            // Codes CLDR writes otherwise (macrolanguage members, ISO
            // 639-2): ICU's likely scripts know only the canonical ones.
            ("prs", Direction::Rtl),
            ("pes", Direction::Rtl),
            ("arb", Direction::Rtl),
            ("pbu", Direction::Rtl),
            ("ara", Direction::Rtl),
            ("fas", Direction::Rtl),
            ("urd", Direction::Rtl),
            ("prs-Latn", Direction::Ltr),
            ("eng", Direction::Ltr),
            ("ha", Direction::Ltr),
            ("en", Direction::Ltr),
            ("pt-BR", Direction::Ltr),
            ("zh-Hant", Direction::Ltr),
        ] {
            let tag = validate_tag(code).unwrap();
            assert_eq!(direction_of(&tag), dir, "{code}");
        }
    }

    #[test]
    fn rejects_bad_tags_with_hint() {
        let e = validate_tag("pt_BR").unwrap_err();
        assert!(e.message.contains("pt_BR"));
        assert_eq!(e.hint, "write `pt-BR`: BCP 47 uses hyphens");
        assert!(validate_tag("english").is_err());
        assert!(validate_tag("../x").is_err());
    }
}
