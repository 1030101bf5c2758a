//! Evaluating indicators: a point (as-at date and period), the units each indicator counts
//! (a referral, a plan, a child…) with who held them, and figures built from units — so every
//! figure, whole or broken down, comes with the children behind it.

use rayon::prelude::*;
use serde::Serialize;

use crate::catalogue::{Indicator, Unit as Measure};
use crate::index::{months, Prepared};
use crate::params::Params;
use model::Date;

/// When an indicator is evaluated: snapshot indicators at `as_at`, events indicators over
/// `from..=as_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Point {
    pub as_at: Date,
    pub from: Date,
}

impl Point {
    /// All time: the period of a [`Kind::Dated`](crate::measures::Kind::Dated) indicator's
    /// every unit.
    pub const ALL: Point = Point {
        as_at: Date(chrono::NaiveDate::MAX),
        from: Date(chrono::NaiveDate::MIN),
    };

    /// The point at `as_at` whose period is the `months` months ending then.
    pub fn ending(as_at: Date, months_back: u32) -> Point {
        Point {
            as_at,
            from: months(as_at, -(months_back as i32)).plus_days(1),
        }
    }
    pub fn contains(&self, d: Date) -> bool {
        d >= self.from && d <= self.as_at
    }
}

/// `count` monthly points ending at `as_at`, oldest first. A month-end `as_at` gives month
/// ends (30 April, 31 May…); another day of the month keeps that day, clamped.
pub fn monthly_points(as_at: Date, count: u32, period_months: u32) -> Vec<Point> {
    let month_end = as_at.plus_days(1).month() != as_at.month();
    (0..count as i32)
        .rev()
        .map(|k| {
            let d = months(as_at, -k);
            let d = if month_end {
                // Clamp up to the month's last day (28 Feb → 31 Mar would otherwise stick at 28).
                months(d.plus_days(-(d.day() as i64) + 1), 1).plus_days(-1)
            } else {
                d
            };
            Point::ending(d, period_months)
        })
        .collect()
}

/// One thing an indicator counts: a referral, an assessment, a plan, a child…
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Unit {
    /// The child (index into the model's people).
    pub child: u32,
    pub team: Option<u32>,
    pub worker: Option<u32>,
    /// Age in years on the unit's date (the event, or the as-at date for snapshots).
    pub age: Option<u8>,
    /// The date the unit is about (referral date, plan start, the as-at date…).
    pub date: Date,
    /// Whether it counts in the numerator (always true for rates and counts).
    pub hit: bool,
    /// Its duration, for day measures and for reading child lists (e.g. working days taken).
    pub days: Option<i64>,
}

/// An indicator's value from its units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figure {
    pub numerator: f64,
    /// None for counts.
    pub denominator: Option<f64>,
    /// None when the denominator is zero or unknown.
    pub value: Option<f64>,
    /// Number of distinct children behind the figure.
    pub children: usize,
    /// A count of 1–4 (numerator or denominator) that aggregate-only audiences must not see.
    pub suppress: bool,
}

/// The value of `measure` from `units`; `population` is the 0–17 population for rates, None
/// when the units are a subgroup whose population is unknown.
pub fn figure(measure: Measure, units: &[Unit], population: Option<u64>) -> Figure {
    let n = units.len() as f64;
    let hits = units.iter().filter(|u| u.hit).count() as f64;
    let (numerator, denominator, value) = match measure {
        Measure::Percent => (hits, Some(n), (n > 0.0).then(|| hits / n * 100.0)),
        Measure::RatePer10k => {
            let pop = population.map(|p| p as f64);
            (n, pop, pop.filter(|&p| p > 0.0).map(|p| n * 10_000.0 / p))
        }
        Measure::Days => {
            let with: Vec<i64> = units.iter().filter_map(|u| u.days).collect();
            let sum: i64 = with.iter().sum();
            let k = with.len() as f64;
            (sum as f64, Some(k), (k > 0.0).then(|| sum as f64 / k))
        }
        Measure::Count => (hits, None, Some(hits)),
        Measure::Ratio => {
            let mut workers: Vec<u32> = units.iter().filter_map(|u| u.worker).collect();
            workers.sort_unstable();
            workers.dedup();
            let w = workers.len() as f64;
            (hits, Some(w), (w > 0.0).then(|| hits / w))
        }
    };
    let children = distinct_children(units);
    let small = |x: f64| (1.0..=4.0).contains(&x);
    let suppress = match measure {
        // A mean of days over 1–4 records, or a share of 1–4, could identify a child.
        Measure::Days => small(denominator.unwrap_or(0.0)),
        Measure::RatePer10k | Measure::Count => small(numerator),
        _ => small(numerator) || small(denominator.unwrap_or(0.0)),
    };
    Figure {
        numerator,
        denominator,
        value,
        children,
        suppress,
    }
}

/// The number of distinct children among `units`, by a bit per child reused across calls
/// (a figure is computed for every indicator at every point; sorting ids each time cost more).
fn distinct_children(units: &[Unit]) -> usize {
    thread_local! {
        static SEEN: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SEEN.with_borrow_mut(|seen| {
        let mut n = 0;
        for u in units {
            let (word, bit) = ((u.child / 64) as usize, 1u64 << (u.child % 64));
            if word >= seen.len() {
                seen.resize(word + 1, 0);
            }
            if seen[word] & bit == 0 {
                seen[word] |= bit;
                n += 1;
            }
        }
        // Leave the bits clear for the next call.
        for u in units {
            seen[(u.child / 64) as usize] = 0;
        }
        n
    })
}

/// The dimensions a figure can be broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    Team,
    Worker,
    Sex,
    AgeBand,
    Ethnicity,
    Disability,
}

impl By {
    pub const ALL: [By; 6] = [
        By::Team,
        By::Worker,
        By::Sex,
        By::AgeBand,
        By::Ethnicity,
        By::Disability,
    ];

    pub fn name(self) -> &'static str {
        match self {
            By::Team => "team",
            By::Worker => "worker",
            By::Sex => "sex",
            By::AgeBand => "age_band",
            By::Ethnicity => "ethnicity",
            By::Disability => "disability",
        }
    }

    pub fn parse(s: &str) -> Option<By> {
        By::ALL
            .into_iter()
            .find(|b| b.name() == s.replace('-', "_"))
    }

    /// The group a unit falls in.
    pub fn key(self, p: &Prepared, u: &Unit) -> String {
        let facts = &p.people[u.child as usize];
        match self {
            By::Team => u
                .team
                .map(|t| p.team_name(t).to_string())
                .unwrap_or_else(|| "Not recorded".into()),
            By::Worker => u
                .worker
                .map(|w| p.worker_name(w).to_string())
                .unwrap_or_else(|| "Unallocated".into()),
            By::Sex => match facts.sex {
                model::codes::Sex::Male => "Male".into(),
                model::codes::Sex::Female => "Female".into(),
                model::codes::Sex::Unknown => "Not known".into(),
            },
            By::AgeBand => age_band(u.age).into(),
            By::Ethnicity => facts.ethnicity.group().into(),
            By::Disability => if facts.disabled {
                "Disabled"
            } else {
                "Not disabled"
            }
            .into(),
        }
    }
}

/// The DfE's age bands for children's social care statistics.
pub fn age_band(age: Option<u8>) -> &'static str {
    match age {
        None => "Unknown",
        Some(0) => "Under 1",
        Some(1..=4) => "1 to 4",
        Some(5..=9) => "5 to 9",
        Some(10..=15) => "10 to 15",
        Some(16..=17) => "16 to 17",
        Some(_) => "18 and over",
    }
}

/// How an indicator computes its units at a point.
pub type ComputeFn = fn(&Prepared, &Params, Point) -> Vec<Unit>;

/// An indicator's figure at one point, with its units.
#[derive(Debug, Clone)]
pub struct Evaluated {
    pub point: Point,
    pub figure: Figure,
    pub units: Vec<Unit>,
}

/// The units of `indicator` at `point`.
pub fn units(p: &Prepared, params: &Params, ind: &Indicator, point: Point) -> Vec<Unit> {
    (crate::measures::compute_fn(ind.id).expect("every catalogue id has a computation"))(
        p, params, point,
    )
}

/// Evaluates `indicator` at `point`.
pub fn evaluate(p: &Prepared, params: &Params, ind: &Indicator, point: Point) -> Evaluated {
    let units = units(p, params, ind, point);
    let figure = figure(ind.unit, &units, Some(p.model.la.child_population));
    Evaluated {
        point,
        figure,
        units,
    }
}

/// Every indicator at every point: `[indicator][point]`, in catalogue order. Work is spread
/// over the cores by (indicator, point). A dated indicator's units are computed once for all
/// time and each point takes those dated in its period, so its units come in date order.
pub fn evaluate_all(
    p: &Prepared,
    params: &Params,
    indicators: &[&Indicator],
    points: &[Point],
) -> Vec<Vec<Evaluated>> {
    let population = Some(p.model.la.child_population);
    let dated: Vec<Option<Vec<Unit>>> = indicators
        .par_iter()
        .map(|ind| {
            (crate::measures::kind(ind.id) == Some(crate::measures::Kind::Dated)).then(|| {
                let mut all = units(p, params, ind, Point::ALL);
                all.sort_by_key(|u| u.date);
                all
            })
        })
        .collect();
    let jobs: Vec<(usize, usize)> = (0..indicators.len())
        .flat_map(|i| (0..points.len()).map(move |k| (i, k)))
        .collect();
    // An indexed parallel collect keeps the jobs' order: indicator-major, points in order.
    let mut done: Vec<Evaluated> = jobs
        .par_iter()
        .map(|&(i, k)| match &dated[i] {
            Some(all) => {
                let point = points[k];
                let a = all.partition_point(|u| u.date < point.from);
                let b = all.partition_point(|u| u.date <= point.as_at);
                let units = all[a..b.max(a)].to_vec();
                Evaluated {
                    point,
                    figure: figure(indicators[i].unit, &units, population),
                    units,
                }
            }
            None => evaluate(p, params, indicators[i], points[k]),
        })
        .collect();
    let mut out = Vec::with_capacity(indicators.len());
    for _ in indicators {
        let rest = done.split_off(points.len().min(done.len()));
        out.push(std::mem::replace(&mut done, rest));
    }
    out
}

/// A figure broken down by `by`: one row per group, in name order.
pub fn breakdown(p: &Prepared, ind: &Indicator, units: &[Unit], by: By) -> Vec<(String, Figure)> {
    let mut groups: std::collections::BTreeMap<String, Vec<Unit>> = Default::default();
    for u in units {
        groups.entry(by.key(p, u)).or_default().push(*u);
    }
    groups
        .into_iter()
        .map(|(k, us)| {
            // Rates need the group's population, which the case model does not hold: the
            // breakdown gives the count.
            (k, figure(ind.unit, &us, None))
        })
        .collect()
}
