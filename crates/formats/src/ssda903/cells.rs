//! How each SSDA903 column is parsed and written.

use model::codes::*;
use model::{CollectionYear, Date};

/// A value in one SSDA903 cell. `parse` gets trimmed text and says what it expected on failure.
pub trait Cell: Sized {
    fn parse(s: &str) -> Result<Self, String>;
    fn write(&self, year: CollectionYear) -> String;
}

impl<T: Cell> Cell for Option<T> {
    fn parse(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            T::parse(s).map(Some)
        }
    }
    fn write(&self, year: CollectionYear) -> String {
        self.as_ref().map(|v| v.write(year)).unwrap_or_default()
    }
}

impl Cell for String {
    fn parse(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            Err("a value (the cell is blank)".into())
        } else {
            Ok(s.to_string())
        }
    }
    fn write(&self, _: CollectionYear) -> String {
        self.clone()
    }
}

impl Cell for i64 {
    fn parse(s: &str) -> Result<Self, String> {
        s.parse().map_err(|_| "a whole number".to_string())
    }
    fn write(&self, _: CollectionYear) -> String {
        self.to_string()
    }
}

impl Cell for Date {
    /// DD/MM/YYYY as the DfE specifies; ISO dates are accepted too, since spreadsheets convert.
    fn parse(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            return Err("a date DD/MM/YYYY (the cell is blank)".into());
        }
        s.parse::<Date>()
            .map_err(|_| "a date DD/MM/YYYY".to_string())
    }
    fn write(&self, _: CollectionYear) -> String {
        self.to_dmy()
    }
}

impl Cell for Sex {
    /// `1`/`2` up to 2023-24, `M`/`F`/`U` from 2024-25; either is read in any year.
    fn parse(s: &str) -> Result<Self, String> {
        match s {
            "1" => Ok(Sex::Male),
            "2" => Ok(Sex::Female),
            _ => parse_code::<Sex>(s)
                .map_err(|_| "a sex code: M, F, U (or 1, 2 before 2024-25)".into()),
        }
    }
    fn write(&self, year: CollectionYear) -> String {
        if year.year_ending() >= 2025 {
            self.code().to_string()
        } else {
            self.legacy_903().to_string()
        }
    }
}

/// A 0/1 item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag(pub bool);

impl Cell for Flag {
    fn parse(s: &str) -> Result<Self, String> {
        match s {
            "1" => Ok(Flag(true)),
            "0" => Ok(Flag(false)),
            _ => Err("0 or 1".into()),
        }
    }
    fn write(&self, _: CollectionYear) -> String {
        if self.0 { "1" } else { "0" }.to_string()
    }
}

/// OC3 `ACCOM`: accommodation type letter and suitability digit (`D1`), or `0` for no information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accom {
    NoInformation,
    Known(AccommodationType, Suitability),
}

impl Cell for Accom {
    fn parse(s: &str) -> Result<Self, String> {
        let expected = || "an accommodation code: a letter and 1 or 2 (e.g. D1), or 0".to_string();
        if s == "0" {
            return Ok(Accom::NoInformation);
        }
        if s.len() != 2 || !s.is_char_boundary(1) {
            return Err(expected());
        }
        let (t, su) = s.split_at(1);
        Ok(Accom::Known(
            parse_code(t).map_err(|_| expected())?,
            parse_code(su).map_err(|_| expected())?,
        ))
    }
    fn write(&self, _: CollectionYear) -> String {
        match self {
            Accom::NoInformation => "0".into(),
            Accom::Known(t, s) => format!("{}{}", t.code(), s.code()),
        }
    }
}

macro_rules! code_cells {
    ($($t:ty),+) => {$(
        impl Cell for $t {
            fn parse(s: &str) -> Result<Self, String> {
                parse_code::<$t>(s).map_err(|e| format!("a valid code ({})", e.expected))
            }
            fn write(&self, _: CollectionYear) -> String {
                self.code().to_string()
            }
        }
    )+};
}

code_cells!(
    Ethnicity,
    ReasonNewEpisode,
    LegalStatus,
    PrimaryNeed,
    PlacementType,
    PlacementProvider,
    ReasonEpisodeCeased,
    ReasonPlaceChange,
    ReviewParticipation,
    SdqReason,
    InTouch,
    CareLeaverActivity,
    AdopterSex,
    AdopterLegalStatus,
    ReasonNoLongerPlaced,
    PreviousPermanence,
    MissingType,
    WorkerChangeReason
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sex_is_written_for_the_year() {
        let (old, new) = (CollectionYear::ending(2024), CollectionYear::ending(2025));
        assert_eq!(Sex::Female.write(old), "2");
        assert_eq!(Sex::Female.write(new), "F");
        assert_eq!(Sex::parse("2").unwrap(), Sex::Female);
        assert_eq!(Sex::parse("m").unwrap(), Sex::Male);
        assert!(Sex::parse("X").is_err());
    }

    #[test]
    fn dates_flags_and_accommodation() {
        let y = CollectionYear::ending(2026);
        assert_eq!(Date::parse("05/04/2025").unwrap().write(y), "05/04/2025");
        assert!(Date::parse("31/02/2025").is_err());
        assert_eq!(Option::<Flag>::parse("").unwrap(), None);
        assert!(Flag::parse("2").is_err());
        assert_eq!(Accom::parse("D1").unwrap().write(y), "D1");
        assert_eq!(Accom::parse("0").unwrap(), Accom::NoInformation);
        for bad in ["D3", "Q1", "D", "é1", "D12"] {
            assert!(Accom::parse(bad).is_err(), "{bad}");
        }
    }
}
