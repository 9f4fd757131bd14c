//! Calendar dates (`2026-11-01`) as far as reviews need them: today, and a
//! date plus a review period. Days are counted with the proleptic
//! Gregorian calendar (Howard Hinnant's `days_from_civil`).

use crate::config::{Period, PeriodUnit};

/// A date as year, month (1-12) and day (1-31); ordered as dates are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD`, or `None`.
    pub fn parse(s: &str) -> Option<Date> {
        if !crate::content::front_matter::is_date(s) {
            return None;
        }
        let d = Date {
            year: s[..4].parse().ok()?,
            month: s[5..7].parse().ok()?,
            day: s[8..10].parse().ok()?,
        };
        (d.day <= days_in_month(d.year, d.month)).then_some(d)
    }

    /// Today, in UTC.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        from_days((secs / 86_400) as i64)
    }

    /// The date `p` after this one; the 31st plus a month is the month's
    /// last day.
    pub fn plus(self, p: Period) -> Date {
        let n = i64::from(p.count);
        match p.unit {
            PeriodUnit::Day => from_days(to_days(self) + n),
            PeriodUnit::Week => from_days(to_days(self) + 7 * n),
            PeriodUnit::Month | PeriodUnit::Year => {
                let months = if p.unit == PeriodUnit::Year {
                    12 * n
                } else {
                    n
                };
                let total = self.year * 12 + i64::from(self.month) - 1 + months;
                let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
                Date {
                    year,
                    month,
                    day: self.day.min(days_in_month(year, month)),
                }
            }
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01.
fn to_days(d: Date) -> i64 {
    let y = if d.month <= 2 { d.year - 1 } else { d.year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn adds_periods() {
        assert_eq!(d("2026-01-31").plus(p("1 month")).to_string(), "2026-02-28");
        assert_eq!(d("2024-01-31").plus(p("1 month")).to_string(), "2024-02-29");
        assert_eq!(
            d("2026-11-01").plus(p("6 months")).to_string(),
            "2027-05-01"
        );
        assert_eq!(d("2026-12-25").plus(p("2 weeks")).to_string(), "2027-01-08");
        assert_eq!(d("2024-02-29").plus(p("1 year")).to_string(), "2025-02-28");
        assert_eq!(d("2026-03-01").plus(p("90 days")).to_string(), "2026-05-30");
        assert!(Date::parse("2026-02-30").is_none());
        assert!(d("2026-05-01") > d("2026-04-30"));
        for s in ["1970-01-01", "2000-02-29", "2100-03-01", "1969-12-31"] {
            assert_eq!(from_days(to_days(d(s))).to_string(), s);
        }
        assert_eq!(to_days(d("1970-01-02")), 1);
    }
}
