//! The DfE collection year: 1 April to 31 March, named by both calendar years (`2025-26`).

use std::fmt;
use std::str::FromStr;

use crate::calendar::collection_year_bounds;
use crate::Date;

/// A collection year, stored as the calendar year it ends in (2025-26 → 2026), which is how the
/// code lists and rule packs key their years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CollectionYear(i32);

/// Text that does not name a collection year.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a collection year (expected e.g. 2025-26, 2025/26 or 2026)")]
pub struct BadYear(pub String);

impl CollectionYear {
    /// Years Sightline can read and write returns for.
    pub const SUPPORTED: std::ops::RangeInclusive<i32> = 2023..=2027;

    pub fn ending(year_ending: i32) -> CollectionYear {
        CollectionYear(year_ending)
    }
    /// Calendar year in which the collection ends (31 March).
    pub fn year_ending(self) -> i32 {
        self.0
    }
    /// 1 April of the first calendar year.
    pub fn start(self) -> Date {
        Date(collection_year_bounds(self.0).0)
    }
    /// 31 March: the census reference date.
    pub fn end(self) -> Date {
        Date(collection_year_bounds(self.0).1)
    }
    pub fn previous(self) -> CollectionYear {
        CollectionYear(self.0 - 1)
    }
    pub fn contains(self, d: Date) -> bool {
        d >= self.start() && d <= self.end()
    }
    pub fn is_supported(self) -> bool {
        Self::SUPPORTED.contains(&self.0)
    }
}

impl fmt::Display for CollectionYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.0 - 1, self.0 % 100)
    }
}

impl FromStr for CollectionYear {
    type Err = BadYear;
    /// Accepts `2025-26`, `2025/26`, `2025-2026` and the ending year alone (`2026`).
    fn from_str(s: &str) -> Result<Self, BadYear> {
        let bad = || BadYear(s.to_string());
        let t = s.trim();
        let num = |p: &str| -> Result<i32, BadYear> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse().map_err(|_| bad())
        };
        let year = match t.split_once(['-', '/']) {
            None => num(t)?,
            Some((a, b)) => {
                let first = num(a)?;
                let second = num(b)?;
                let ending = match b.len() {
                    2 => first - first % 100 + second + if second < first % 100 { 100 } else { 0 },
                    4 => second,
                    _ => return Err(bad()),
                };
                if a.len() != 4 || ending != first + 1 {
                    return Err(bad());
                }
                ending
            }
        };
        if !(1990..=2100).contains(&year) {
            return Err(bad());
        }
        Ok(CollectionYear(year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_spellings() {
        for s in ["2025-26", "2025/26", "2025-2026", "2026", " 2025-26 "] {
            assert_eq!(
                s.parse::<CollectionYear>().unwrap().year_ending(),
                2026,
                "{s}"
            );
        }
        assert_eq!(
            "1999-00".parse::<CollectionYear>().unwrap().year_ending(),
            2000
        );
        for s in ["2025-27", "25-26", "", "2025-", "abcd", "2025-26-27"] {
            assert!(s.parse::<CollectionYear>().is_err(), "{s}");
        }
    }

    #[test]
    fn bounds_and_display() {
        let y = CollectionYear::ending(2026);
        assert_eq!(y.to_string(), "2025-26");
        assert_eq!(y.start(), Date::ymd(2025, 4, 1));
        assert_eq!(y.end(), Date::ymd(2026, 3, 31));
        assert!(y.contains(Date::ymd(2026, 3, 31)) && !y.contains(Date::ymd(2026, 4, 1)));
    }
}
