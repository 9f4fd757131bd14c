//! Dates in front matter (`reviewed:`) and local values (`verified:`):
//! what to tell an author whose date is not written `YYYY-MM-DD`.

/// The error for a value that is not a date: a day that does not exist
/// (`2025-02-30`) is named as such.
pub fn date_message(key: &str, value: Option<&str>) -> String {
    match value {
        Some(s) if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' => {
            format!("`{key}` must be a day that exists: there is no {s}")
        }
        _ => format!("`{key}` must be a date written YYYY-MM-DD"),
    }
}

/// How to write a date that is not `YYYY-MM-DD`: the same day, when the
/// value says which (`2026/10/15`, `“2026-10-15”`, `15.10.2026`, `October
/// 15, 2026`, `15 octobre 2026`); both days when it could be either
/// (`03/04/2026`); else an example that cannot be taken for a correction.
pub fn date_hint(key: &str, value: Option<&str>) -> String {
    let days = value.map(read_day).unwrap_or_default();
    match days.as_slice() {
        [day] => format!("write it year first, YYYY-MM-DD: `{key}: {day}`"),
        [a, b] => format!(
            "write it year first, YYYY-MM-DD: `{key}: {a}` if the day comes first, `{key}: {b}` if the month does"
        ),
        _ => format!("write it year first, YYYY-MM-DD: `{key}: 2026-10-15` is 15 October 2026"),
    }
}

/// The days `s` can be, as `YYYY-MM-DD`: one, two when it could be read
/// day first or month first, none when it cannot be read.
fn read_day(s: &str) -> Vec<String> {
    const MONTHS: [[&str; 2]; 12] = [
        ["january", "janvier"],
        ["february", "février"],
        ["march", "mars"],
        ["april", "avril"],
        ["may", "mai"],
        ["june", "juin"],
        ["july", "juillet"],
        ["august", "août"],
        ["september", "septembre"],
        ["october", "octobre"],
        ["november", "novembre"],
        ["december", "décembre"],
    ];
    let lower = s.to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    let day = |y: &str, m: u32, d: u32| {
        let out = format!("{y}-{m:02}-{d:02}");
        is_date(&out).then_some(out)
    };
    let num = |p: &str| p.parse::<u32>().ok().filter(|_| p.len() <= 2);
    let year = |p: &&str| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit());
    let month_named = |p: &str| {
        (p.len() >= 3)
            .then(|| {
                MONTHS
                    .iter()
                    .position(|names| names.iter().any(|n| n.starts_with(p)))
            })
            .flatten()
    };
    let mut out: Vec<String> = match parts.as_slice() {
        [one] if one.len() == 8 && one.chars().all(|c| c.is_ascii_digit()) => day(
            &one[..4],
            num(&one[4..6]).unwrap_or(0),
            num(&one[6..]).unwrap_or(0),
        )
        .into_iter()
        .collect(),
        [y, m, d] if year(y) => match (
            num(m).or_else(|| month_named(m).map(|i| i as u32 + 1)),
            num(d),
        ) {
            (Some(m), Some(d)) => day(y, m, d).into_iter().collect(),
            _ => Vec::new(),
        },
        [a, b, y] if year(y) => match (num(a), num(b), month_named(a), month_named(b)) {
            (Some(d), _, _, Some(m)) => day(y, m as u32 + 1, d).into_iter().collect(),
            (_, Some(d), Some(m), _) => day(y, m as u32 + 1, d).into_iter().collect(),
            (Some(a), Some(b), ..) => [day(y, b, a), day(y, a, b)].into_iter().flatten().collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    out.dedup();
    out
}

/// The day of a date and time as Hugo and Jekyll write it
/// (`2026-03-15T10:00:00Z`, `2026-03-15 10:00`); other text as it is.
pub(super) fn day_of(s: &str) -> &str {
    match (s.get(..10), s.as_bytes().get(10)) {
        (Some(day), Some(b'T' | b' ')) if s[11..].starts_with(|c: char| c.is_ascii_digit()) => day,
        _ => s,
    }
}

/// A real calendar date written `YYYY-MM-DD` (`2025-02-30` is not one).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if !(b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()))
    {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        s[..4].parse::<u32>(),
        s[5..7].parse::<u32>(),
        s[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2026-01-31"));
        for (value, hint) in [
            ("2026/10/15", "`reviewed: 2026-10-15`"),
            ("“2024-03-03”", "`reviewed: 2024-03-03`"),
            ("15.10.2026", "`reviewed: 2026-10-15`"),
            ("March 3, 2024", "`reviewed: 2024-03-03`"),
            ("3 mars 2024", "`reviewed: 2024-03-03`"),
            ("20240303", "`reviewed: 2024-03-03`"),
            ("2024-3-5", "`reviewed: 2024-03-05`"),
            (
                "03/04/2024",
                "`reviewed: 2024-04-03` if the day comes first, `reviewed: 2024-03-04` if the month does",
            ),
            ("05/05/2024", "`reviewed: 2024-05-05`"),
            ("soon", "`reviewed: 2026-10-15` is 15 October 2026"),
            ("2026-02-30", "`reviewed: 2026-10-15` is 15 October 2026"),
        ] {
            let got = date_hint("reviewed", Some(value));
            assert_eq!(
                got,
                format!("write it year first, YYYY-MM-DD: {hint}"),
                "{value}"
            );
        }
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("26-01-31"));
        assert!(!is_date("2025-02-30"));
        assert!(!is_date("2025-02-29"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("1900-02-29"));
        assert!(is_date("2000-02-29"));
        assert!(!is_date("2026-04-31"));
        assert!(!is_date("2026-01-00"));
    }
}
