//! England and Wales working-day calendar (spec §6). Interim version: the full module with the
//! pandas-compatible validator arithmetic replaces this file.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub struct HolidayCalendar {
    holidays: Vec<NaiveDate>,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn easter(y: i32) -> NaiveDate {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let dd = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - dd - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    d(y, month as u32, day as u32)
}

fn first_monday(y: i32, m: u32) -> NaiveDate {
    let mut x = d(y, m, 1);
    while x.weekday() != Weekday::Mon {
        x += Duration::days(1);
    }
    x
}

fn last_monday(y: i32, m: u32) -> NaiveDate {
    let mut x = if m == 12 {
        d(y, 12, 31)
    } else {
        d(y, m + 1, 1) - Duration::days(1)
    };
    while x.weekday() != Weekday::Mon {
        x -= Duration::days(1);
    }
    x
}

pub fn standard_bank_holidays(y: i32) -> Vec<NaiveDate> {
    let mut v = vec![];
    let ny = d(y, 1, 1);
    v.push(match ny.weekday() {
        Weekday::Sat => d(y, 1, 3),
        Weekday::Sun => d(y, 1, 2),
        _ => ny,
    });
    let e = easter(y);
    v.push(e - Duration::days(2));
    v.push(e + Duration::days(1));
    v.push(first_monday(y, 5));
    v.push(last_monday(y, 5));
    v.push(last_monday(y, 8));
    match d(y, 12, 25).weekday() {
        Weekday::Sat => v.extend([d(y, 12, 27), d(y, 12, 28)]),
        Weekday::Sun => v.extend([d(y, 12, 26), d(y, 12, 27)]),
        Weekday::Fri => v.extend([d(y, 12, 25), d(y, 12, 28)]),
        _ => v.extend([d(y, 12, 25), d(y, 12, 26)]),
    }
    v
}

impl HolidayCalendar {
    pub fn england_and_wales() -> Self {
        let mut h: Vec<NaiveDate> = (2010..=2030).flat_map(standard_bank_holidays).collect();
        // One-off changes (spec §6.3).
        h.retain(|&x| x != d(2020, 5, 4) && x != d(2022, 5, 30) && x != d(2012, 5, 28));
        h.extend([
            d(2011, 4, 29),
            d(2012, 6, 4),
            d(2012, 6, 5),
            d(2020, 5, 8),
            d(2022, 6, 2),
            d(2022, 6, 3),
            d(2022, 9, 19),
            d(2023, 5, 8),
        ]);
        h.sort();
        h.dedup();
        HolidayCalendar { holidays: h }
    }
    pub fn contains(&self, x: NaiveDate) -> bool {
        self.holidays.binary_search(&x).is_ok()
    }
    pub fn is_working_day(&self, x: NaiveDate) -> bool {
        !matches!(x.weekday(), Weekday::Sat | Weekday::Sun) && !self.contains(x)
    }
    /// Working days d with start < d <= end (negative if end < start).
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> i64 {
        if end < start {
            return -self.working_days_between(end, start);
        }
        let mut n = 0;
        let mut x = start;
        while x < end {
            x += Duration::days(1);
            if self.is_working_day(x) {
                n += 1;
            }
        }
        n
    }
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut x = start;
        let mut k = 0;
        while k < n {
            x += Duration::days(1);
            if self.is_working_day(x) {
                k += 1;
            }
        }
        x
    }
}

pub fn add_months(x: NaiveDate, months: i32) -> NaiveDate {
    let total = x.year() * 12 + x.month0() as i32 + months;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let mut day = x.day();
    loop {
        if let Some(r) = NaiveDate::from_ymd_opt(y, m, day) {
            return r;
        }
        day -= 1;
    }
}

pub fn add_years(x: NaiveDate, years: i32) -> NaiveDate {
    add_months(x, years * 12)
}

pub fn age_in_years(dob: NaiveDate, on: NaiveDate) -> i32 {
    let mut a = on.year() - dob.year();
    if add_years(dob, a) > on {
        a -= 1;
    }
    a
}
