//! The indicator catalogue as data: what each indicator measures, how it is counted and where
//! its published twin is. `docs/indicators.md` is generated from it (`indicators::docs`).

use serde::Serialize;

/// Whether a figure describes a moment or the events of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Counted at the as-at date (e.g. children on a plan at 31 March).
    Snapshot,
    /// Counted over the period ending at the as-at date (12 months unless stated).
    Events,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// numerator ÷ denominator × 100.
    Percent,
    /// numerator ÷ 0–17 population × 10,000.
    RatePer10k,
    /// Mean of the day counts of the records in the denominator.
    Days,
    /// A plain count (the numerator); there is no denominator.
    Count,
    /// numerator ÷ denominator (e.g. cases per worker).
    Ratio,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::RatePer10k => "per 10,000",
            Unit::Days => "days",
            Unit::Count => "count",
            Unit::Ratio => "ratio",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    HigherIsBetter,
    LowerIsBetter,
    /// Context, not performance (e.g. rates of children in need): no better or worse.
    Neutral,
}

/// How durations are counted (`csc-data-spec.md` §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayConvention {
    /// England and Wales working days, the start day being day 0.
    Working,
    /// Calendar days and months, with end-of-month clamping.
    Calendar,
    /// No duration is involved.
    None,
}

/// Service area, for grouping in outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Referrals,
    Assessment,
    ChildProtection,
    ChildrenInCare,
    CareLeavers,
    Adoption,
    Practice,
}

impl Area {
    pub fn label(self) -> &'static str {
        match self {
            Area::Referrals => "Contacts and referrals",
            Area::Assessment => "Assessment and child in need",
            Area::ChildProtection => "Child protection",
            Area::ChildrenInCare => "Children in care",
            Area::CareLeavers => "Care leavers",
            Area::Adoption => "Adoption",
            Area::Practice => "Practice and workforce",
        }
    }
}

/// Where the DfE publishes the same measure by local authority (a file in the layout of
/// `dfe-stats/`): the file (by the start of its name), the row (column = value filters) and the
/// value column.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Twin {
    /// Start of the published file's name, e.g. `c1_children_in_need_referrals`.
    pub source: &'static str,
    /// Column/value pairs that pick the row, besides the geography and year.
    pub filters: &'static [(&'static str, &'static str)],
    pub value: TwinValue,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TwinValue {
    /// The column holds the published figure in the indicator's unit.
    Column(&'static str),
    /// The column holds a count; the rate is count ÷ the 0–17 population the DfE published for
    /// the same area and year (the `population_estimate` of the children looked after file)
    /// × 10,000.
    PerTenThousand(&'static str),
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Indicator {
    pub id: &'static str,
    pub title: &'static str,
    pub area: Area,
    /// Plain-English definition.
    pub definition: &'static str,
    pub numerator: &'static str,
    /// Empty for counts.
    pub denominator: &'static str,
    pub period: PeriodKind,
    pub unit: Unit,
    pub polarity: Polarity,
    pub days: DayConvention,
    /// A local target, in the indicator's unit, with the tolerance either side that still
    /// counts as on target.
    pub target: Option<f64>,
    pub tolerance: Option<f64>,
    /// Where the definition comes from.
    pub source: &'static str,
    /// The parameters (`Params` fields) this indicator reads.
    pub params: &'static [&'static str],
    pub twin: Option<Twin>,
}
