//! Word's messages for a field it could not work out, which it writes into
//! the document in place of the field's result and which every converter
//! then keeps as text: `Error! Reference source not found.` where a
//! cross-reference's heading or figure was deleted, `Error! Bookmark not
//! defined.` where a table of contents' page number was. Readers got the
//! message in the middle of a sentence, without a word to the author.
//! Word writes it in its own interface language, so each is looked for in
//! the languages guidance is written in; the words the reference stood
//! for are gone, so it stays as written, named once per page. So does
//! the text Word shows in an empty form field of a template, `Click or tap
//! here to enter text.`, which converters keep as the field's value, and
//! a table of contents' line with its leader dots and page number
//! (`Referral steps ........ 5`), as Word's or a PDF's contents come out
//! when copied as text: its numbers lead nowhere on the web.

use super::ticks::Ticks;

/// How the message starts, before its `!`.
const ERRORS: &[&str] = &[
    "Error",
    "Erreur",
    "Fehler",
    "Erro",
    "Ошибка",
    "Fout",
    "خطأ",
    "错误",
    "エラー",
];

/// What follows the `!`, without its full stop.
const MESSAGES: &[&str] = &[
    "Reference source not found",
    "Bookmark not defined",
    "No table of contents entries found",
    "Hyperlink reference not valid",
    "No text of specified style in document",
    "Source du renvoi introuvable",
    "Signet non défini",
    "No se encuentra el origen de la referencia",
    "Marcador no definido",
    "Verweisquelle konnte nicht gefunden werden",
    "Textmarke nicht definiert",
    "A origem da referência não foi encontrada",
    "Indicador não definido",
    "Источник ссылки не найден",
    "Закладка не определена",
    "Verwijzingsbron niet gevonden",
    "Bladwijzer niet gedefinieerd",
    "لم يتم العثور على مصدر المرجع",
    "الإشارة المرجعية غير معرّفة",
    "الإشارة المرجعية غير معرفة",
    "未找到引用源",
    "未定义书签",
    "参照元が見つかりません",
    "ブックマークが定義されていません",
];

/// The text of an empty form field (a content control), in Word's
/// interface languages: Word 2013 and later, then earlier Words.
const PLACEHOLDERS: &[&str] = &[
    "Click or tap here to enter text.",
    "Click or tap to enter a date.",
    "Click here to enter text.",
    "Click here to enter a date.",
    "Cliquez ou appuyez ici pour entrer du texte.",
    "Cliquez ou appuyez pour entrer une date.",
    "Cliquez ici pour taper du texte.",
    "Haga clic o pulse aquí para escribir texto.",
    "Haga clic aquí para escribir texto.",
    "Klicken oder tippen Sie hier, um Text einzugeben.",
    "Klicken Sie hier, um Text einzugeben.",
    "Clique ou toque aqui para introduzir texto.",
    "Clique ou toque aqui para inserir o texto.",
    "Место для ввода текста.",
    "انقر أو اضغط هنا لإدخال نص.",
];

/// Spaces Word puts before a French `!` (a non-breaking or narrow one)
/// and after it.
const SPACES: &[char] = &[' ', '\u{a0}', '\u{202f}'];

/// The first such message in `line`, outside code: where it starts (at
/// Spanish's `¡`), and its length with its full stop.
pub(super) fn field_error(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'!', &b[from..]).map(|i| from + i) {
        from = i + 1;
        let before = line[..i].trim_end_matches(SPACES);
        let Some(error) = ERRORS.iter().find(|e| before.ends_with(**e)) else {
            continue;
        };
        let after = line[i + 1..].trim_start_matches(SPACES);
        let Some(message) = MESSAGES.iter().find(|m| after.starts_with(**m)) else {
            continue;
        };
        let start = before.len() - error.len();
        let start = line[..start].strip_suffix('¡').map_or(start, str::len);
        let mut end = line.len() - after.len() + message.len();
        end += line[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '。'))
            .map_or(0, char::len_utf8);
        if !ticks.in_code(start) {
            return Some((start, end - start));
        }
    }
    None
}

/// The first empty form field's text in `line`, outside code: where it
/// starts, and its length. Each ends with a full stop, which a line has
/// few of: only the text before each is compared.
pub(super) fn placeholder(line: &str) -> Option<(usize, usize)> {
    let mut ticks = Ticks::new(line);
    for dot in memchr::memchr_iter(b'.', line.as_bytes()) {
        let before = &line[..=dot];
        let Some(p) = PLACEHOLDERS.iter().find(|p| before.ends_with(**p)) else {
            continue;
        };
        let start = before.len() - p.len();
        if !ticks.in_code(start) {
            return Some((start, p.len()));
        }
    }
    None
}

/// A line of a table of contents copied as text, `Referral steps
/// ........ 5`, `Intake……… 12`: words, then leaders (four dots or more,
/// `…`, `·` or `_`), then a page number ending the line. Where its
/// words start, and its length. A page names it only for two such lines
/// or more (`dialects::finish`): a contents has several.
pub(super) fn toc_line(line: &str) -> Option<(usize, usize)> {
    let t = line.trim_end();
    // Page numbers in ASCII's digits or Arabic's (`٣`, Persian `۳`).
    let digit =
        |c: char| c.is_ascii_digit() || matches!(c, '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}');
    let number = t.trim_end_matches(digit);
    let digits = t[number.len()..].chars().count();
    let leaders_end = number.trim_end_matches([' ', '\t', '\u{a0}']);
    let words = leaders_end.trim_end_matches(['.', '…', '·', '_', ' ', '\u{a0}']);
    let leaders = &leaders_end[words.len()..];
    let dots = leaders.chars().filter(|c| *c != ' ').count()
        + 2 * leaders.chars().filter(|c| *c == '…').count();
    let lead = line.len() - line.trim_start().len();
    let ok = (1..=4).contains(&digits)
        && dots >= 4
        && words.trim().chars().any(char::is_alphabetic)
        && !Ticks::new(line).in_code(words.len());
    ok.then(|| (lead, t.len() - lead))
}

/// The warning and hint for a table of contents' line.
pub(super) fn toc_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "a table of contents' line `{shown}` is shown as text{more}: its page number is the printed document's"
        ),
        "delete the contents' lines: each page lists its own sections, and the publication its pages".to_string(),
    )
}

/// The warning and hint for an empty form field's text shown.
pub(super) fn placeholder_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "Word's text for an empty form field `{shown}` is shown as written{more}: the field was never filled in"
        ),
        "write what belongs there, or delete it; a value each office fills in can be a local value, `{{name}}`".to_string(),
    )
}

/// The warning and hint for Word's message shown as text.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "Word's message `{shown}` is shown as text{more}: Word wrote it in place of a cross-reference or page number whose target was gone"
        ),
        "write the words the reference stood for, as a link to the heading it named (`[Referral steps](#referral-steps)`), or delete the message; a page number in a table of contents can go: each page lists its own sections".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::{field_error, placeholder, toc_line};

    #[test]
    fn contents_lines_not_prose() {
        let f = |s: &str| toc_line(s).map(|(i, n)| s[i..i + n].to_string());
        for line in [
            "Referral steps ........ 5",
            "1.2 Intake……… 12",
            "  Safety planning · · · · · · 103  ",
            "مقدمة ........ ١٢",
        ] {
            assert_eq!(f(line).as_deref(), Some(line.trim()), "{line}");
        }
        for none in [
            "Wait... 5",
            "Call 116 000",
            "........ 5",
            "`a ........ 5`",
            "Version 2.0.0.1",
        ] {
            assert_eq!(f(none), None, "{none}");
        }
    }

    #[test]
    fn empty_form_fields_not_prose() {
        let f = |s: &str| placeholder(s).map(|(i, n)| s[i..i + n].to_string());
        assert_eq!(
            f("Name: Click or tap here to enter text.").as_deref(),
            Some("Click or tap here to enter text.")
        );
        assert_eq!(
            f("| Date | Cliquez ou appuyez pour entrer une date. |").as_deref(),
            Some("Cliquez ou appuyez pour entrer une date.")
        );
        for none in [
            "Click here to enter the site.",
            "Click or tap here to enter text",
            "`Click here to enter text.`",
            "No dots at all",
        ] {
            assert_eq!(f(none), None, "{none}");
        }
    }

    #[test]
    fn word_messages_in_each_language_not_prose() {
        let f = |s: &str| field_error(s).map(|(i, n)| s[i..i + n].to_string());
        for (line, piece) in [
            (
                "See section Error! Reference source not found. for the steps.",
                "Error! Reference source not found.",
            ),
            (
                "Intake 4Error! Bookmark not defined.",
                "Error! Bookmark not defined.",
            ),
            (
                "Voir la section Erreur\u{a0}! Source du renvoi introuvable.",
                "Erreur\u{a0}! Source du renvoi introuvable.",
            ),
            (
                "Ver ¡Error! Marcador no definido.",
                "¡Error! Marcador no definido.",
            ),
            (
                "انظر خطأ! لم يتم العثور على مصدر المرجع. أدناه",
                "خطأ! لم يتم العثور على مصدر المرجع.",
            ),
            ("见错误!未定义书签。", "错误!未定义书签。"),
        ] {
            assert_eq!(f(line).as_deref(), Some(piece), "{line}");
        }
        for none in [
            "Error! Please call the hotline.",
            "The reference source not found in the file.",
            "`Error! Reference source not found.` is Word's message",
            "Stop! Bookmark not defined",
        ] {
            assert_eq!(f(none), None, "{none}");
        }
    }
}
