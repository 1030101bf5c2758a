//! England and Wales working-day calendar (`csc-data-spec.md` §6).
//!
//! A working day is Monday to Friday and not an England and Wales bank holiday. Durations follow
//! the two conventions of §6.2: the DfE statistics count (`working_days_between`, start day is
//! day 0) and the CIN validator's pandas `CustomBusinessDay` arithmetic (`cin_validator_limit`),
//! which the validation rules must reproduce exactly. Calendar-month arithmetic clamps to the
//! end of the month (31 Jan + 1 month = 28/29 Feb), as pandas `DateOffset` does.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// First and last years the built-in holiday list covers; outside them only weekends are
/// non-working days.
pub const FIRST_YEAR: i32 = 2010;
pub const LAST_YEAR: i32 = 2030;

/// A set of non-working dates (besides weekends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayCalendar {
    /// Sorted, without weekends (they are non-working anyway).
    holidays: Vec<NaiveDate>,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Gregorian Easter Sunday (anonymous Gregorian computus).
pub fn easter_sunday(y: i32) -> NaiveDate {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

fn first_monday(y: i32, m: u32) -> NaiveDate {
    let first = ymd(y, m, 1);
    first + Duration::days((7 - first.weekday().num_days_from_monday() as i64) % 7)
}

fn last_monday(y: i32, m: u32) -> NaiveDate {
    let last = add_months(ymd(y, m, 1), 1) - Duration::days(1);
    last - Duration::days(last.weekday().num_days_from_monday() as i64)
}

/// The bank holidays the standing rules give for a year (spec §6.3), before one-off changes.
pub fn standard_bank_holidays(y: i32) -> Vec<NaiveDate> {
    let new_year = ymd(y, 1, 1);
    let mut v = vec![match new_year.weekday() {
        Weekday::Sat => ymd(y, 1, 3),
        Weekday::Sun => ymd(y, 1, 2),
        _ => new_year,
    }];
    let easter = easter_sunday(y);
    v.push(easter - Duration::days(2));
    v.push(easter + Duration::days(1));
    v.push(first_monday(y, 5));
    v.push(last_monday(y, 5));
    v.push(last_monday(y, 8));
    // Christmas and Boxing Day with substitute days.
    v.extend(match ymd(y, 12, 25).weekday() {
        Weekday::Sat => [ymd(y, 12, 27), ymd(y, 12, 28)],
        Weekday::Sun => [ymd(y, 12, 26), ymd(y, 12, 27)],
        Weekday::Fri => [ymd(y, 12, 25), ymd(y, 12, 28)],
        _ => [ymd(y, 12, 25), ymd(y, 12, 26)],
    });
    v
}

/// A date as (year, month, day), for constant tables.
type Ymd = (i32, u32, u32);

/// One-off changes to the standing rules: (added, the standing-rule day it replaces).
const ONE_OFFS: &[(Ymd, Option<Ymd>)] = &[
    // 2011: royal wedding.
    ((2011, 4, 29), None),
    // 2012: spring holiday moved to 4 June; Diamond Jubilee 5 June.
    ((2012, 6, 4), Some((2012, 5, 28))),
    ((2012, 6, 5), None),
    // 2020: early May holiday moved to Friday 8 May for VE Day.
    ((2020, 5, 8), Some((2020, 5, 4))),
    // 2022: spring holiday moved to 2 June; Platinum Jubilee 3 June; State Funeral 19 September.
    ((2022, 6, 2), Some((2022, 5, 30))),
    ((2022, 6, 3), None),
    ((2022, 9, 19), None),
    // 2023: Coronation.
    ((2023, 5, 8), None),
];

impl HolidayCalendar {
    /// England and Wales bank holidays 2010–2030 (spec §6.3; 2028–2030 computed from the rules).
    pub fn england_and_wales() -> Self {
        let mut h: Vec<NaiveDate> = (FIRST_YEAR..=LAST_YEAR)
            .flat_map(standard_bank_holidays)
            .collect();
        for &((ay, am, ad), removed) in ONE_OFFS {
            if let Some((ry, rm, rd)) = removed {
                h.retain(|&d| d != ymd(ry, rm, rd));
            }
            h.push(ymd(ay, am, ad));
        }
        Self::from_dates(h)
    }

    /// A calendar with exactly these non-working dates (weekends are always non-working).
    pub fn from_dates(dates: impl IntoIterator<Item = NaiveDate>) -> Self {
        let mut holidays: Vec<NaiveDate> = dates.into_iter().filter(|d| !is_weekend(*d)).collect();
        holidays.sort();
        holidays.dedup();
        HolidayCalendar { holidays }
    }

    /// This calendar plus local office closures (spec §6.1). Keep it separate: national returns
    /// and DfE/Ofsted measures always use [`HolidayCalendar::england_and_wales`].
    pub fn with_local_closures(&self, dates: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self::from_dates(self.holidays.iter().copied().chain(dates))
    }

    pub fn holidays(&self) -> &[NaiveDate] {
        &self.holidays
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.holidays.binary_search(&d).is_ok()
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !is_weekend(d) && !self.contains(d)
    }

    /// Holidays on or before `d`.
    fn holidays_through(&self, d: NaiveDate) -> i64 {
        self.holidays.partition_point(|&h| h <= d) as i64
    }

    /// Working days `d` with `start < d <= end` — the DfE statistics convention (spec §6.2):
    /// the start day is day 0, so a same-day completion is 0. Negative when `end < start`.
    /// Constant time apart from two binary searches.
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> i64 {
        if end < start {
            return -self.working_days_between(end, start);
        }
        (weekdays_through(end) - weekdays_through(start))
            - (self.holidays_through(end) - self.holidays_through(start))
    }

    /// The `n`-th working day after `start` (`n = 0` gives `start`): the target-date convention,
    /// e.g. an ICPC due 15 working days after the strategy discussion.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return start;
        }
        // Jump close with weekday arithmetic, then step over the few holidays in between.
        let mut d = start + Duration::days(n as i64 * 7 / 5);
        while self.working_days_between(start, d) < n as i64 {
            d += Duration::days(1);
        }
        while d > start && !self.is_working_day(d) || self.working_days_between(start, d) > n as i64
        {
            d -= Duration::days(1);
        }
        d
    }

    /// The `n`-th working day before `start` (`n = 0` gives `start`).
    pub fn subtract_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut k = 0;
        while k < n {
            d -= Duration::days(1);
            if self.is_working_day(d) {
                k += 1;
            }
        }
        d
    }

    /// `reference − CustomBusinessDay(n − 1)` with pandas semantics, as the CIN validator
    /// computes limits for rules 8670Q, 8675Q and 8569Q (spec §6.2). With `k = n − 1`:
    /// * `k ≥ 1`: the k-th working day strictly before `reference` (a non-working reference rolls
    ///   back to the previous working day, which counts as the first);
    /// * `k = 0` (`n = 1`): `reference` if it is a working day, otherwise the next working day;
    /// * `k = −1` (`n = 0`): subtracting −1 business days moves forward: the first working day
    ///   strictly after `reference`.
    pub fn cin_validator_limit(&self, reference: NaiveDate, n: u32) -> NaiveDate {
        match n {
            0 => {
                let mut d = reference + Duration::days(1);
                while !self.is_working_day(d) {
                    d += Duration::days(1);
                }
                d
            }
            1 => {
                let mut d = reference;
                while !self.is_working_day(d) {
                    d += Duration::days(1);
                }
                d
            }
            _ => self.subtract_working_days(reference, n - 1),
        }
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Monday–Friday days from a fixed Monday epoch up to and including `d`.
fn weekdays_through(d: NaiveDate) -> i64 {
    // 1970-01-05 was a Monday.
    let days = (d - ymd(1970, 1, 5)).num_days();
    let weeks = days.div_euclid(7);
    let rem = days.rem_euclid(7); // 0 = Monday … 6 = Sunday
    weeks * 5 + (rem + 1).min(5)
}

/// Adds calendar months, clamping to the last day of the month.
pub fn add_months(d: NaiveDate, months: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + months;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    (0..4)
        .find_map(|back| NaiveDate::from_ymd_opt(y, m, d.day() - back))
        .expect("a month has at least 28 days")
}

/// Adds years, clamping 29 February to 28 February in non-leap years.
pub fn add_years(d: NaiveDate, years: i32) -> NaiveDate {
    add_months(d, years * 12)
}

/// Completed years of age on `on`. A 29 February birthday is reached on 28 February in
/// non-leap years, consistent with [`add_years`] and pandas `DateOffset(years=…)`.
pub fn age_in_years(dob: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - dob.year();
    if add_years(dob, age) > on {
        age -= 1;
    }
    age
}

/// The collection year ending 31 March `year_ending`: 1 April of the year before to 31 March.
pub fn collection_year_bounds(year_ending: i32) -> (NaiveDate, NaiveDate) {
    (ymd(year_ending - 1, 4, 1), ymd(year_ending, 3, 31))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal() -> HolidayCalendar {
        HolidayCalendar::england_and_wales()
    }

    /// Spec §6.3 table, 2016–2030, one-offs included.
    const SPEC: &[(i32, &[(u32, u32)])] = &[
        (
            2016,
            &[
                (1, 1),
                (3, 25),
                (3, 28),
                (5, 2),
                (5, 30),
                (8, 29),
                (12, 26),
                (12, 27),
            ],
        ),
        (
            2017,
            &[
                (1, 2),
                (4, 14),
                (4, 17),
                (5, 1),
                (5, 29),
                (8, 28),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2018,
            &[
                (1, 1),
                (3, 30),
                (4, 2),
                (5, 7),
                (5, 28),
                (8, 27),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2019,
            &[
                (1, 1),
                (4, 19),
                (4, 22),
                (5, 6),
                (5, 27),
                (8, 26),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2020,
            &[
                (1, 1),
                (4, 10),
                (4, 13),
                (5, 8),
                (5, 25),
                (8, 31),
                (12, 25),
                (12, 28),
            ],
        ),
        (
            2021,
            &[
                (1, 1),
                (4, 2),
                (4, 5),
                (5, 3),
                (5, 31),
                (8, 30),
                (12, 27),
                (12, 28),
            ],
        ),
        (
            2022,
            &[
                (1, 3),
                (4, 15),
                (4, 18),
                (5, 2),
                (6, 2),
                (6, 3),
                (8, 29),
                (9, 19),
                (12, 26),
                (12, 27),
            ],
        ),
        (
            2023,
            &[
                (1, 2),
                (4, 7),
                (4, 10),
                (5, 1),
                (5, 8),
                (5, 29),
                (8, 28),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2024,
            &[
                (1, 1),
                (3, 29),
                (4, 1),
                (5, 6),
                (5, 27),
                (8, 26),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2025,
            &[
                (1, 1),
                (4, 18),
                (4, 21),
                (5, 5),
                (5, 26),
                (8, 25),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2026,
            &[
                (1, 1),
                (4, 3),
                (4, 6),
                (5, 4),
                (5, 25),
                (8, 31),
                (12, 25),
                (12, 28),
            ],
        ),
        (
            2027,
            &[
                (1, 1),
                (3, 26),
                (3, 29),
                (5, 3),
                (5, 31),
                (8, 30),
                (12, 27),
                (12, 28),
            ],
        ),
        (
            2028,
            &[
                (1, 3),
                (4, 14),
                (4, 17),
                (5, 1),
                (5, 29),
                (8, 28),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2029,
            &[
                (1, 1),
                (3, 30),
                (4, 2),
                (5, 7),
                (5, 28),
                (8, 27),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2030,
            &[
                (1, 1),
                (4, 19),
                (4, 22),
                (5, 6),
                (5, 27),
                (8, 26),
                (12, 25),
                (12, 26),
            ],
        ),
    ];

    #[test]
    fn holidays_match_the_spec_table_exactly() {
        let c = cal();
        for &(y, days) in SPEC {
            let want: Vec<NaiveDate> = days.iter().map(|&(m, d)| ymd(y, m, d)).collect();
            let have: Vec<NaiveDate> = c
                .holidays()
                .iter()
                .copied()
                .filter(|d| d.year() == y)
                .collect();
            assert_eq!(have, want, "{y}");
        }
    }

    #[test]
    fn standard_rules_reproduce_every_ordinary_year() {
        for &(y, days) in SPEC {
            if [2020, 2022, 2023].contains(&y) {
                continue;
            }
            let want: Vec<NaiveDate> = days.iter().map(|&(m, d)| ymd(y, m, d)).collect();
            assert_eq!(standard_bank_holidays(y), want, "{y}");
        }
    }

    #[test]
    fn tricky_dates_from_the_spec() {
        let c = cal();
        // Easter 2024.
        assert!(!c.is_working_day(ymd(2024, 3, 29)) && !c.is_working_day(ymd(2024, 4, 1)));
        assert!(c.is_working_day(ymd(2024, 4, 2)));
        // VE Day 2020 replaced the early May holiday.
        assert!(!c.is_working_day(ymd(2020, 5, 8)));
        assert!(c.is_working_day(ymd(2020, 5, 4)));
        // 2022: state funeral, jubilee; 30 May was a normal working day.
        assert!(!c.is_working_day(ymd(2022, 9, 19)));
        assert!(!c.is_working_day(ymd(2022, 6, 2)) && !c.is_working_day(ymd(2022, 6, 3)));
        assert!(c.is_working_day(ymd(2022, 5, 30)));
        assert!(!c.is_working_day(ymd(2023, 5, 8)));
    }

    #[test]
    fn dfe_convention_counts_start_as_day_zero() {
        let c = cal();
        let fri = ymd(2024, 3, 1);
        assert_eq!(c.working_days_between(fri, fri), 0);
        assert_eq!(c.working_days_between(fri, ymd(2024, 3, 4)), 1); // Fri -> Mon
        assert_eq!(c.working_days_between(ymd(2024, 3, 4), fri), -1);
        // Across Easter 2024: Thu 28 Mar -> Tue 2 Apr is one working day.
        assert_eq!(c.working_days_between(ymd(2024, 3, 28), ymd(2024, 4, 2)), 1);
        // Across Christmas 2023: Fri 22 Dec -> Wed 27 Dec is one working day.
        assert_eq!(
            c.working_days_between(ymd(2023, 12, 22), ymd(2023, 12, 27)),
            1
        );
        // A weekend start is still day 0; the next working day is day 1.
        assert_eq!(c.working_days_between(ymd(2024, 3, 2), ymd(2024, 3, 4)), 1);
    }

    #[test]
    fn counting_agrees_with_a_day_by_day_loop() {
        let c = cal();
        let naive = |a: NaiveDate, b: NaiveDate| {
            let (lo, hi, sign) = if b >= a { (a, b, 1) } else { (b, a, -1) };
            let mut n = 0;
            let mut d = lo;
            while d < hi {
                d += Duration::days(1);
                if c.is_working_day(d) {
                    n += 1;
                }
            }
            sign * n
        };
        let base = ymd(2010, 1, 1);
        let mut x: u64 = 12345;
        for _ in 0..3000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let a = base + Duration::days((x >> 33) as i64 % 7670);
            let b = a + Duration::days(((x >> 13) % 200) as i64 - 60);
            assert_eq!(c.working_days_between(a, b), naive(a, b), "{a} {b}");
            let n = ((x >> 40) % 60) as u32;
            let t = c.add_working_days(a, n);
            assert_eq!(c.working_days_between(a, t), n as i64, "{a} + {n}");
            assert!(n == 0 || c.is_working_day(t));
            let s = c.subtract_working_days(a, n);
            assert_eq!(
                c.working_days_between(s, a),
                n as i64 - i64::from(n > 0 && !c.is_working_day(a)),
                "{a} - {n}"
            );
        }
    }

    #[test]
    fn validator_arithmetic_matches_pandas() {
        let c = cal();
        // Sunday 31 March 2024 − CBD(1): Good Friday 29 March is skipped → Thursday 28 March.
        assert_eq!(c.cin_validator_limit(ymd(2024, 3, 31), 2), ymd(2024, 3, 28));
        // − CBD(0) on Easter Monday rolls forward to Tuesday 2 April.
        assert_eq!(c.cin_validator_limit(ymd(2024, 4, 1), 1), ymd(2024, 4, 2));
        // − CBD(0) on a working day is the day itself.
        assert_eq!(c.cin_validator_limit(ymd(2024, 4, 3), 1), ymd(2024, 4, 3));
        // On a working day, − CBD(k) is k working days earlier.
        assert_eq!(c.cin_validator_limit(ymd(2024, 4, 5), 6), ymd(2024, 3, 27));
        // n = 0 means − CBD(−1): the next working day after the reference.
        assert_eq!(c.cin_validator_limit(ymd(2024, 3, 28), 0), ymd(2024, 4, 2));
    }

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(add_months(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
        assert_eq!(add_months(ymd(2023, 1, 31), 1), ymd(2023, 2, 28));
        assert_eq!(add_years(ymd(2024, 2, 29), 1), ymd(2025, 2, 28));
        assert_eq!(add_months(ymd(2024, 3, 31), -1), ymd(2024, 2, 29));
        assert_eq!(add_months(ymd(2024, 12, 15), 1), ymd(2025, 1, 15));
        assert_eq!(age_in_years(ymd(2008, 2, 29), ymd(2026, 2, 28)), 18);
        assert_eq!(age_in_years(ymd(2008, 3, 1), ymd(2026, 2, 28)), 17);
        assert_eq!(
            collection_year_bounds(2026),
            (ymd(2025, 4, 1), ymd(2026, 3, 31))
        );
    }
}
