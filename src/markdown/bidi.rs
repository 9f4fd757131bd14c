//! Phone numbers and dates in text: kept on one line, so that a number is
//! never split between two lines (on the web or in a PDF), and in
//! right-to-left text isolated as left-to-right, or their digit groups
//! would be shown in reverse order.

use super::state::State;
use pulldown_cmark::{CowStr, Event};

/// Emits `t`, wrapping phone numbers and dates in `<span class="nowrap">`,
/// or `<bdi dir="ltr" class="nowrap">` in right-to-left text.
pub(super) fn keep_numbers_together<'a>(st: &mut State<'_, 'a>, t: CowStr<'a>) {
    let runs = number_runs(&t);
    if runs.is_empty() {
        st.emit(Event::Text(t));
        return;
    }
    let (open, close) = if st.rtl {
        ("<bdi dir=\"ltr\" class=\"nowrap\">", "</bdi>")
    } else {
        ("<span class=\"nowrap\">", "</span>")
    };
    let mut last = 0;
    for (a, b) in runs {
        if a > last {
            st.emit(Event::Text(CowStr::from(t[last..a].to_string())));
        }
        st.html(open.into());
        st.emit(Event::Text(CowStr::from(t[a..b].to_string())));
        st.html(close.into());
        last = b;
    }
    if last < t.len() {
        st.emit(Event::Text(CowStr::from(t[last..].to_string())));
    }
}

/// Byte ranges of phone numbers and dates (`+000 00 000 000`, `2026-10-15`)
/// in `text`, in ASCII digits or as Arabic and Persian translators type
/// them (`+٢٣٤ ٨٠٠ ١٢٣`, `۰۸۰۰ ۱۱۱`). In right-to-left text their digit
/// groups would be reordered, so they are isolated as left-to-right.
pub fn number_runs(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    // A run has at least 6 digits: most texts have fewer, and counting
    // them is much faster than the loop below. Arabic-Indic digits are
    // U+0660-0669 and U+06F0-06F9, in UTF-8 D9 A0-A9 and DB B0-B9 (the
    // lead bytes alone start most Arabic letters too).
    // Both counts are vectorised (memchr finds the lead bytes).
    let ascii = b.iter().filter(|c| c.is_ascii_digit()).count();
    let indic = || {
        memchr::memchr2_iter(0xd9, 0xdb, b)
            .filter(|&i| matches!(b[i..], [0xd9, 0xa0..=0xa9, ..] | [0xdb, 0xb0..=0xb9, ..]))
            .take(6 - ascii)
            .count()
    };
    if ascii < 6 && ascii + indic() < 6 {
        return runs;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |c: char| {
        c.is_ascii_digit()
            || ('\u{660}'..='\u{669}').contains(&c)
            || ('\u{6f0}'..='\u{6f9}').contains(&c)
    };
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let end_of = |k: usize| chars[k].0 + chars[k].1.len_utf8();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let starts = digit(c) || (c == '+' && at(i + 1).is_some_and(digit));
        if !starts || (i > 0 && chars[i - 1].1.is_alphanumeric()) {
            i += 1;
            continue;
        }
        let first = if c == '+' { i + 1 } else { i };
        let (mut j, mut last_digit, mut digits, mut separators) = (first, i, 0, 0);
        while j < chars.len() {
            match chars[j].1 {
                d if digit(d) => {
                    digits += 1;
                    last_digit = j;
                }
                ' ' | '-' | '.' | '/' | '(' | ')' if j > first => {
                    // A separator must be followed by more of the number.
                    if !at(j + 1).is_some_and(|n| digit(n) || n == '(') {
                        break;
                    }
                    separators += 1;
                }
                _ => break,
            }
            j += 1;
        }
        if digits >= 6 && separators > 0 {
            runs.push((chars[i].0, end_of(last_digit)));
        }
        i = last_digit.max(i) + 1;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::number_runs;

    #[test]
    fn finds_phone_numbers_and_dates() {
        let t = "اتصل على +000 00 000 000 أو 2026-10-15، وليس 2026 أو 12.";
        let runs: Vec<&str> = number_runs(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(runs, ["+000 00 000 000", "2026-10-15"]);
        assert!(number_runs("page 12 of 300").is_empty());
        // As Arabic and Persian translators type them.
        let t = "اتصل على +٢٣٤ ٨٠٠ ١٢٣ ٤٥٦٧ أو ٢٠٢٦-٠٣-٠١ أو ۰۸۰۰ ۱۱۱ ۲۲۲، وليس ١٢.";
        let runs: Vec<&str> = number_runs(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(runs, ["+٢٣٤ ٨٠٠ ١٢٣ ٤٥٦٧", "٢٠٢٦-٠٣-٠١", "۰۸۰۰ ۱۱۱ ۲۲۲"]);
        // Six digits in all, each script counted: one run of them.
        let t = "رقم ١٢٣ 456";
        let runs: Vec<&str> = number_runs(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(runs, ["١٢٣ 456"]);
        assert!(number_runs("اتصل بنا الآن ١٢٣").is_empty());
    }
}
