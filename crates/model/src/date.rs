//! The date type used throughout the case model.
//!
//! Extracts arrive with ISO dates (`2024-03-31`), SQL Server datetimes (`2024-03-31 00:00:00.000`,
//! `2024-03-31T09:15:00`) or DfE-style `31/03/2024`; all parse to the same [`Date`] and are written
//! back as ISO, so the rest of the system never sees a date string.

use std::fmt;
use std::str::FromStr;

pub use chrono::{Datelike, NaiveDate};

/// A calendar date (no time of day: children's social care records are day-precise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

/// A string that is not a date in any accepted layout.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date (expected YYYY-MM-DD, DD/MM/YYYY or an ISO datetime)")]
pub struct BadDate(pub String);

impl Date {
    /// Builds a date; panics on an impossible date, so use it only with literal values.
    pub fn ymd(y: i32, m: u32, d: u32) -> Date {
        Date(NaiveDate::from_ymd_opt(y, m, d).expect("valid literal date"))
    }
    pub fn from_ymd_opt(y: i32, m: u32, d: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }
    pub fn naive(self) -> NaiveDate {
        self.0
    }
    pub fn year(self) -> i32 {
        self.0.year()
    }
    pub fn month(self) -> u32 {
        self.0.month()
    }
    pub fn day(self) -> u32 {
        self.0.day()
    }
    /// Calendar days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }
    pub fn plus_days(self, days: i64) -> Date {
        Date(self.0 + chrono::Duration::days(days))
    }
    /// DfE style `DD/MM/YYYY`, as used by SSDA903 CSV and Annex A.
    pub fn to_dmy(self) -> String {
        self.0.format("%d/%m/%Y").to_string()
    }
    /// Days since 1970-01-01; handy for compact storage and arithmetic.
    pub fn to_epoch_days(self) -> i64 {
        (self.0 - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
    }
}

impl FromStr for Date {
    type Err = BadDate;
    fn from_str(s: &str) -> Result<Date, BadDate> {
        let t = s.trim();
        let bad = || BadDate(s.to_string());
        // Strip a time part: SQL Server and ISO datetimes carry one, always midnight for dates.
        let day_part = t.split([' ', 'T']).next().unwrap_or(t);
        // chrono's %Y also takes a sign and fewer digits (`-025`); returns need four digits.
        let digits = |r: std::ops::Range<usize>| {
            day_part
                .get(r)
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        };
        if !(digits(0..4) || digits(6..10)) {
            return Err(bad());
        }
        if day_part.len() == 10 && day_part.as_bytes()[4] == b'-' {
            return NaiveDate::parse_from_str(day_part, "%Y-%m-%d")
                .map(Date)
                .map_err(|_| bad());
        }
        if day_part.len() == 10 && day_part.as_bytes()[2] == b'/' {
            return NaiveDate::parse_from_str(day_part, "%d/%m/%Y")
                .map(Date)
                .map_err(|_| bad());
        }
        Err(bad())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl From<NaiveDate> for Date {
    fn from(d: NaiveDate) -> Date {
        Date(d)
    }
}

/// Text (`2025-05-01`) for people (JSON, CSV); the day number for compact binary formats such
/// as the store's snapshot cache, where parsing millions of date strings would dominate.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            s.serialize_i32(self.0.num_days_from_ce())
        }
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
            s.parse().map_err(serde::de::Error::custom)
        } else {
            let n = <i32 as serde::Deserialize>::deserialize(d)?;
            NaiveDate::from_num_days_from_ce_opt(n)
                .map(Date)
                .ok_or_else(|| serde::de::Error::custom(format!("day number {n} is out of range")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_signed_or_short_years() {
        for bad in ["-025-05-01", "+025-05-01", "01/05/-025"] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert_eq!("2025-05-01".parse::<Date>().unwrap(), Date::ymd(2025, 5, 1));
        assert_eq!("01/05/2025".parse::<Date>().unwrap(), Date::ymd(2025, 5, 1));
    }

    #[test]
    fn accepts_the_layouts_extracts_use() {
        let d = Date::ymd(2024, 3, 31);
        for s in [
            "2024-03-31",
            " 2024-03-31 ",
            "2024-03-31 00:00:00.000",
            "2024-03-31T00:00:00",
            "31/03/2024",
        ] {
            assert_eq!(s.parse::<Date>().unwrap(), d, "{s}");
        }
    }

    #[test]
    fn rejects_impossible_and_garbled_dates() {
        for s in [
            "2023-02-29",
            "31/02/2024",
            "2024-3-1",
            "yesterday",
            "",
            "32/01/2024",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn display_round_trips(days in 0i64..60_000) {
            let d = Date::ymd(1950, 1, 1).plus_days(days);
            proptest::prop_assert_eq!(d.to_string().parse::<Date>().unwrap(), d);
            proptest::prop_assert_eq!(d.to_dmy().parse::<Date>().unwrap(), d);
        }
        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,24}") {
            let _ = s.parse::<Date>();
        }
    }
}
