//! `review_every: 6 months`: how long guidance may go unreviewed. Parsed
//! only; date arithmetic belongs to whoever compares it with a date.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodUnit {
    Day,
    Week,
    Month,
    Year,
}

/// A calendar period: a count of days, weeks, months or years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub count: u32,
    pub unit: PeriodUnit,
}

impl PeriodUnit {
    fn parse(word: &str) -> Option<Self> {
        Some(match word.to_ascii_lowercase().as_str() {
            "day" | "days" => Self::Day,
            "week" | "weeks" => Self::Week,
            "month" | "months" => Self::Month,
            "year" | "years" => Self::Year,
            _ => return None,
        })
    }

    /// The most of this unit a review period may be: ten years.
    fn max(self) -> u32 {
        match self {
            Self::Day => 3653,
            Self::Week => 522,
            Self::Month => 120,
            Self::Year => 10,
        }
    }
}

impl Period {
    /// `6 months`, `1 year`, `2 weeks`, `90 days`; or why not.
    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (number, word) = t.split_at(split);
        let unit = PeriodUnit::parse(word.trim())
            .ok_or_else(|| format!("`{t}` is not a number of days, weeks, months or years"))?;
        let count: u32 = number
            .parse()
            .map_err(|_| format!("`{t}` does not start with a whole number"))?;
        if count == 0 || count > unit.max() {
            return Err(format!(
                "`{t}` must be more than nothing and at most ten years"
            ));
        }
        Ok(Period { count, unit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_periods() {
        let p = |s| Period::parse(s).unwrap();
        assert_eq!(
            p("6 months"),
            Period {
                count: 6,
                unit: PeriodUnit::Month
            }
        );
        assert_eq!(
            p("1 year"),
            Period {
                count: 1,
                unit: PeriodUnit::Year
            }
        );
        assert_eq!(
            p("2 Weeks"),
            Period {
                count: 2,
                unit: PeriodUnit::Week
            }
        );
        assert_eq!(
            p("90days"),
            Period {
                count: 90,
                unit: PeriodUnit::Day
            }
        );
        for bad in [
            "",
            "six months",
            "0 months",
            "-1 months",
            "11 years",
            "6 moons",
            "1.5 years",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad:?}");
        }
    }
}
