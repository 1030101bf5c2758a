//! The readiness summary: what inspectors compute first from an Annex A, computed from the
//! Annex A itself (Sightline's export or a council's own workbook read by `to_annex_a`), so the
//! council sees the same figures inspectors will. Every figure keeps the rows behind it, and
//! every figure can be broken down by gender, ethnicity group, age band, disability and team.
//!
//! Definitions follow `csc-data-spec.md` §5 where Annex A carries the data, and §5.6 (the
//! ChAT-style Annex A approximations) where it does not; the choices are in `docs/annex-a.md`.

use super::codes::{self as cc, CellList};
use super::{AnnexA, Cell, LISTS};
use model::calendar::{add_months, add_years, HolidayCalendar};
use model::Date;
use std::collections::{BTreeMap, HashSet};

/// Settings a council may change; the defaults are the ones most councils report.
#[derive(Debug, Clone)]
pub struct Options {
    /// Children aged 0-17 living in the authority, for rates per 10,000.
    pub population: Option<u64>,
    /// A child on a plan is overdue a visit when the last statutory visit is more than this
    /// many working days before the as-at date (spec §5.2 "CP visits": 10, some use 15).
    pub cp_visit_working_days: u32,
    /// A contact "led to a referral" when the child was referred on the contact's day or
    /// within this many calendar days after it.
    pub contact_to_referral_days: i64,
    /// A child in care is overdue a visit after this many calendar days (six weeks).
    pub cla_visit_days: i64,
    pub calendar: HolidayCalendar,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            population: None,
            cp_visit_working_days: 10,
            contact_to_referral_days: 30,
            cla_visit_days: 42,
            calendar: HolidayCalendar::england_and_wales(),
        }
    }
}

/// What a figure measures.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// A number of records (the rows), with distinct children and, when the population is
    /// known and `per_10k`, children per 10,000.
    Count { per_10k: bool },
    /// The rows as a share of another figure's rows (index into `Summary::figures`).
    Share { of: usize },
    /// The mean and median of a number of days, one value per row.
    Days { values: Vec<i64> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Stable identifier, used for file names and links.
    pub id: String,
    pub section: &'static str,
    pub label: String,
    /// The Annex A list the rows belong to (1-11).
    pub list: u8,
    /// Rows of that list behind the figure, in list order.
    pub rows: Vec<usize>,
    pub measure: Measure,
    /// The list's columns most relevant to the figure, shown beside each child.
    pub columns: Vec<&'static str>,
}

/// A breakdown dimension, read from a row's own cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    Gender,
    Ethnicity,
    AgeBand,
    Disability,
    Team,
}

impl Dim {
    pub const ALL: [Dim; 5] = [
        Dim::Gender,
        Dim::Ethnicity,
        Dim::AgeBand,
        Dim::Disability,
        Dim::Team,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Dim::Gender => "Gender",
            Dim::Ethnicity => "Ethnicity group",
            Dim::AgeBand => "Age band",
            Dim::Disability => "Disability",
            Dim::Team => "Team",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Dim::Gender => "gender",
            Dim::Ethnicity => "ethnicity",
            Dim::AgeBand => "age",
            Dim::Disability => "disability",
            Dim::Team => "team",
        }
    }

    /// The row's group; "Not recorded" when the list lacks the column or the cell is blank.
    pub fn value(self, aa: &AnnexA, list: u8, row: usize) -> String {
        let text = |header: &str| cell(aa, list, row, header).text();
        let v = match self {
            Dim::Gender => text("Gender"),
            Dim::Ethnicity => ethnicity_group(&text("Ethnicity")).to_string(),
            Dim::AgeBand => match cell(aa, list, row, "Age of Child (Years)") {
                Cell::Int(age) => age_band(*age).to_string(),
                _ => String::new(),
            },
            Dim::Disability => {
                let d = text("Does the Child have a Disability");
                if d.is_empty() {
                    text("Disability")
                } else {
                    d
                }
            }
            Dim::Team => text("Allocated Team"),
        };
        if v.trim().is_empty() {
            "Not recorded".into()
        } else {
            v
        }
    }
}

/// The DfE's five major ethnic groups, from the census code in the cell.
fn ethnicity_group(cell: &str) -> &'static str {
    let code = cell.rsplit([')', ' ']).next().unwrap_or("").trim();
    match code.get(..1) {
        _ if code.is_empty() => "",
        _ if code == "REFU" || code == "NOBT" => "Not stated or not obtained",
        Some("W") => "White",
        Some("M") => "Mixed",
        Some("A") => "Asian or Asian British",
        Some("B") => "Black or Black British",
        Some("C") | Some("O") => "Other ethnic group",
        _ => "Other ethnic group",
    }
}

/// The DfE's age bands for children's social care statistics.
fn age_band(age: i64) -> &'static str {
    match age {
        i64::MIN..=-1 => "Unborn",
        0 => "Under 1",
        1..=4 => "1 to 4",
        5..=9 => "5 to 9",
        10..=15 => "10 to 15",
        16..=17 => "16 to 17",
        _ => "18 and over",
    }
}

fn cell<'a>(aa: &'a AnnexA, list: u8, row: usize, header: &str) -> &'a Cell {
    static EMPTY: Cell = Cell::Empty;
    LISTS[list as usize - 1]
        .column(header)
        .and_then(|c| aa.list(list).get(row).and_then(|r| r.get(c)))
        .unwrap_or(&EMPTY)
}

fn date(aa: &AnnexA, list: u8, row: usize, header: &str) -> Option<Date> {
    match cell(aa, list, row, header) {
        Cell::Date(d) => Some(*d),
        _ => None,
    }
}

fn int(aa: &AnnexA, list: u8, row: usize, header: &str) -> Option<i64> {
    match cell(aa, list, row, header) {
        Cell::Int(n) => Some(*n),
        _ => None,
    }
}

/// The model code behind a canonical cell ("b) Female" -> "F"); newer 903 codes carried as
/// "CODE: label" give their code.
fn code(aa: &AnnexA, list: u8, row: usize, header: &str, codes: &CellList) -> String {
    let text = cell(aa, list, row, header).text();
    codes
        .cells
        .iter()
        .find(|(_, c)| *c == text)
        .map(|(code, _)| code.to_string())
        .unwrap_or_else(|| text.split(':').next().unwrap_or("").trim().to_string())
}

fn is_yes(aa: &AnnexA, list: u8, row: usize, header: &str) -> bool {
    code(aa, list, row, header, &cc::YES_NO) == "Y"
}

/// The summary: every figure, in the order they are shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub as_at: Date,
    pub population: Option<u64>,
    pub figures: Vec<Figure>,
}

impl Summary {
    /// Distinct children among a figure's rows.
    pub fn children(&self, aa: &AnnexA, f: &Figure) -> usize {
        let col = LISTS[f.list as usize - 1].headers[0];
        f.rows
            .iter()
            .map(|&r| cell(aa, f.list, r, col).text())
            .collect::<HashSet<_>>()
            .len()
    }

    /// The figure's headline, as shown: "1,234", "87.9% (1,000 of 1,138)", "mean 412 days".
    pub fn headline(&self, aa: &AnnexA, f: &Figure) -> String {
        match &f.measure {
            Measure::Count { per_10k } => {
                let n = f.rows.len();
                match (per_10k, self.population) {
                    (true, Some(p)) if p > 0 => format!(
                        "{} ({} children, {:.1} per 10,000)",
                        thousands(n),
                        thousands(self.children(aa, f)),
                        self.children(aa, f) as f64 * 10_000.0 / p as f64
                    ),
                    _ => thousands(n),
                }
            }
            Measure::Share { of } => {
                let d = self.figures[*of].rows.len();
                format!(
                    "{} ({} of {})",
                    percent(f.rows.len(), d),
                    thousands(f.rows.len()),
                    thousands(d)
                )
            }
            Measure::Days { values } => match mean_median(values) {
                Some((mean, median)) => format!(
                    "mean {mean:.0} days, median {median} days ({} children)",
                    thousands(values.len())
                ),
                None => "no children".into(),
            },
        }
    }

    /// A figure's rows grouped by one dimension: (group, counted rows, rows of the base).
    /// For a share the base is the denominator's rows in that group; otherwise the counted
    /// rows themselves.
    pub fn breakdown(&self, aa: &AnnexA, f: &Figure, dim: Dim) -> Vec<(String, usize, usize)> {
        let mut groups: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let counted: HashSet<usize> = f.rows.iter().copied().collect();
        let base: &[usize] = match &f.measure {
            Measure::Share { of } => &self.figures[*of].rows,
            _ => &f.rows,
        };
        for &r in base {
            let g = groups.entry(dim.value(aa, f.list, r)).or_default();
            g.1 += 1;
            if counted.contains(&r) {
                g.0 += 1;
            }
        }
        groups.into_iter().map(|(k, (n, d))| (k, n, d)).collect()
    }
}

pub fn percent(n: usize, d: usize) -> String {
    if d == 0 {
        "–".into()
    } else {
        format!("{:.1}%", n as f64 * 100.0 / d as f64)
    }
}

pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Mean and median (lower middle) of day counts.
pub fn mean_median(values: &[i64]) -> Option<(f64, i64)> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let mean = v.iter().sum::<i64>() as f64 / v.len() as f64;
    Some((mean, v[(v.len() - 1) / 2]))
}

struct Builder<'a> {
    aa: &'a AnnexA,
    section: &'static str,
    figures: Vec<Figure>,
}

impl Builder<'_> {
    fn rows(&self, list: u8) -> std::ops::Range<usize> {
        0..self.aa.list(list).len()
    }

    fn add(
        &mut self,
        id: &str,
        label: impl Into<String>,
        list: u8,
        rows: Vec<usize>,
        measure: Measure,
        columns: &[&'static str],
    ) -> usize {
        self.figures.push(Figure {
            id: id.to_string(),
            section: self.section,
            label: label.into(),
            list,
            rows,
            measure,
            columns: columns.to_vec(),
        });
        self.figures.len() - 1
    }

    fn count(
        &mut self,
        id: &str,
        label: impl Into<String>,
        list: u8,
        rows: Vec<usize>,
        cols: &[&'static str],
    ) -> usize {
        self.add(
            id,
            label,
            list,
            rows,
            Measure::Count { per_10k: false },
            cols,
        )
    }

    fn share(
        &mut self,
        id: &str,
        label: impl Into<String>,
        of: usize,
        rows: Vec<usize>,
        cols: &[&'static str],
    ) -> usize {
        let list = self.figures[of].list;
        self.add(id, label, list, rows, Measure::Share { of }, cols)
    }

    /// Rows of `of` that pass `keep`, as a share of it.
    fn share_where(
        &mut self,
        id: &str,
        label: impl Into<String>,
        of: usize,
        cols: &[&'static str],
        keep: impl Fn(usize) -> bool,
    ) -> usize {
        let rows = self.figures[of]
            .rows
            .iter()
            .copied()
            .filter(|&r| keep(r))
            .collect();
        self.share(id, label, of, rows, cols)
    }

    /// One share per band of `value` over the rows of `of` that have a value.
    fn bands(
        &mut self,
        id: &str,
        of: usize,
        bands: &[(&str, i64, i64)],
        cols: &[&'static str],
        value: impl Fn(usize) -> Option<i64>,
    ) {
        for (i, (label, lo, hi)) in bands.iter().enumerate() {
            self.share_where(&format!("{id}-{i}"), *label, of, cols, |r| {
                value(r).is_some_and(|v| (*lo..=*hi).contains(&v))
            });
        }
    }
}

const ID: &str = "Child Unique ID";

/// Computes every figure of the readiness summary.
pub fn summarise(aa: &AnnexA, opts: &Options) -> Summary {
    let as_at = aa.as_at;
    let cal = &opts.calendar;
    let wd = |a: Date, b: Date| cal.working_days_between(a.naive(), b.naive());
    let mut b = Builder {
        aa,
        section: "Volumes",
        figures: Vec::new(),
    };

    // Volumes: every list, records and children, per 10,000 for the child lists.
    for def in &LISTS {
        let rows: Vec<usize> = b.rows(def.number).collect();
        let per_10k = def.number <= 10;
        b.add(
            &format!("list-{}", def.number),
            format!("List {}: {}", def.number, def.name.replace('_', " ")),
            def.number,
            rows,
            Measure::Count { per_10k },
            &[],
        );
    }

    // Contacts and referrals (Lists 1 and 3).
    b.section = "Contacts and referrals";
    let contacts = 0;
    let referral_dates: BTreeMap<String, Vec<Date>> = {
        let mut m: BTreeMap<String, Vec<Date>> = BTreeMap::new();
        for r in b.rows(3) {
            if let Some(d) = date(aa, 3, r, "Date of referral") {
                m.entry(cell(aa, 3, r, ID).text()).or_default().push(d);
            }
        }
        m
    };
    let days = opts.contact_to_referral_days;
    b.share_where(
        "contacts-to-referral",
        format!("Contacts followed by a referral within {days} days"),
        contacts,
        &["Date of Contact", "Contact Source"],
        |r| {
            let (Some(c), Some(dates)) = (
                date(aa, 1, r, "Date of Contact"),
                referral_dates.get(&cell(aa, 1, r, ID).text()),
            ) else {
                return false;
            };
            dates.iter().any(|d| *d >= c && c.days_until(*d) <= days)
        },
    );
    let referrals = 2;
    let ref_cols = &[
        "Date of referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
    ];
    b.share_where(
        "referrals-nfa",
        "Referrals ending in no further action",
        referrals,
        ref_cols,
        |r| is_yes(aa, 3, r, "Referral NFA?"),
    );
    b.share_where(
        "re-referrals",
        "Re-referrals: children referred two or more times in the last 12 months",
        referrals,
        ref_cols,
        |r| int(aa, 3, r, "Number of Referrals in Last 12 Months").is_some_and(|n| n >= 2),
    );

    // Assessments (List 4): duration in working days, start day = day 0 (spec §6.2).
    b.section = "Assessments";
    let a_cols = &[
        "Continuous Assessment Start Date",
        "Continuous Assessment Date of Authorisation",
        "Allocated Worker",
    ];
    let a_start = "Continuous Assessment Start Date";
    let a_end = "Continuous Assessment Date of Authorisation";
    let done: Vec<usize> = b
        .rows(4)
        .filter(|&r| date(aa, 4, r, a_end).is_some())
        .collect();
    let completed = b.count(
        "assessments-completed",
        "Assessments completed",
        4,
        done,
        a_cols,
    );
    let duration = |r: usize| match (date(aa, 4, r, a_start), date(aa, 4, r, a_end)) {
        (Some(s), Some(e)) if e >= s => Some(wd(s, e)),
        _ => None,
    };
    b.share_where(
        "assessments-45",
        "Completed within 45 working days",
        completed,
        a_cols,
        |r| duration(r).is_some_and(|d| d <= 45),
    );
    b.bands(
        "assessment-days",
        completed,
        &[
            ("Same day", 0, 0),
            ("1–10 working days", 1, 10),
            ("11–20 working days", 11, 20),
            ("21–30 working days", 21, 30),
            ("31–40 working days", 31, 40),
            ("41–45 working days", 41, 45),
            ("46–50 working days", 46, 50),
            ("51–60 working days", 51, 60),
            ("61 or more working days", 61, i64::MAX),
        ],
        a_cols,
        duration,
    );
    let open: Vec<usize> = b
        .rows(4)
        .filter(|&r| date(aa, 4, r, a_end).is_none())
        .collect();
    let open_a = b.count(
        "assessments-open",
        "Assessments open at the as-at date",
        4,
        open,
        a_cols,
    );
    b.share_where(
        "assessments-open-over-45",
        "Open assessments already past 45 working days",
        open_a,
        a_cols,
        |r| date(aa, 4, r, a_start).is_some_and(|s| wd(s, as_at) > 45),
    );
    b.share_where(
        "assessments-needing-support",
        "Completed assessments finding the child needs social care support",
        completed,
        a_cols,
        |r| {
            is_yes(
                aa,
                4,
                r,
                "Was the child assessed as requiring LA children's social care support?",
            )
        },
    );

    // Section 47 enquiries and ICPCs (List 5).
    b.section = "Section 47 enquiries and ICPCs";
    let s_start = "Strategy discussion initiating Section 47 Enquiry Start Date";
    let icpc = "Date of Initial Child Protection Conference";
    let s_cols = &[
        s_start,
        icpc,
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
    ];
    let s47 = 4;
    let held: Vec<usize> = b
        .rows(5)
        .filter(|&r| date(aa, 5, r, icpc).is_some())
        .collect();
    let icpcs = b.share(
        "icpcs-held",
        "Enquiries that went to an ICPC",
        s47,
        held,
        s_cols,
    );
    let to_icpc = |r: usize| match (date(aa, 5, r, s_start), date(aa, 5, r, icpc)) {
        (Some(s), Some(c)) if c >= s => Some(wd(s, c)),
        _ => None,
    };
    b.share_where(
        "icpcs-15",
        "ICPCs within 15 working days of the strategy discussion",
        icpcs,
        s_cols,
        |r| to_icpc(r).is_some_and(|d| d <= 15),
    );
    b.bands(
        "icpc-days",
        icpcs,
        &[
            ("Same day", 0, 0),
            ("1–5 working days", 1, 5),
            ("6–10 working days", 6, 10),
            ("11–13 working days", 11, 13),
            ("14–15 working days", 14, 15),
            ("16–17 working days", 16, 17),
            ("18–20 working days", 18, 20),
            ("21 or more working days", 21, i64::MAX),
        ],
        s_cols,
        to_icpc,
    );
    b.share_where(
        "icpcs-to-plan",
        "ICPCs resulting in a child protection plan",
        icpcs,
        s_cols,
        |r| {
            is_yes(
                aa,
                5,
                r,
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            )
        },
    );
    b.share_where(
        "s47-no-icpc-needed",
        "Enquiries where an ICPC was deemed unnecessary",
        s47,
        s_cols,
        |r| {
            is_yes(
                aa,
                5,
                r,
                "Was an Initial Child Protection Conference deemed unnecessary?",
            )
        },
    );

    // Child protection (List 7).
    b.section = "Child protection";
    let p_start = "Child Protection Plan Start Date";
    let p_end = "Child Protection Plan End Date";
    let visit = "Date of the Last Statutory Visit";
    let p_cols = &[p_start, "Latest Category of Abuse", visit, p_end];
    let on_plan: Vec<usize> = b
        .rows(7)
        .filter(|&r| date(aa, 7, r, p_end).is_none_or(|e| e > as_at))
        .collect();
    let mut on_plan_fig = b.count(
        "cp-open",
        "Children on a plan at the as-at date",
        7,
        on_plan,
        p_cols,
    );
    if let Measure::Count { per_10k } = &mut b.figures[on_plan_fig].measure {
        *per_10k = true;
    }
    for (code, label) in cc::ABUSE.cells {
        b.share_where(
            &format!("cp-category-{}", code.to_lowercase()),
            format!(
                "Latest category: {}",
                label.split(") ").last().unwrap_or(label)
            ),
            on_plan_fig,
            p_cols,
            |r| code_is(aa, 7, r, "Latest Category of Abuse", &cc::ABUSE, code),
        );
    }
    let plan_days = |r: usize| {
        let s = date(aa, 7, r, p_start)?;
        let e = date(aa, 7, r, p_end)
            .filter(|e| *e <= as_at)
            .unwrap_or(as_at);
        Some(length_band_days(s, e))
    };
    b.bands("cp-length", on_plan_fig, &LENGTH_BANDS, p_cols, plan_days);
    let n = opts.cp_visit_working_days;
    b.share_where(
        "cp-visits-overdue",
        format!("No statutory visit in the last {n} working days"),
        on_plan_fig,
        p_cols,
        |r| date(aa, 7, r, visit).is_none_or(|v| wd(v, as_at) > n as i64),
    );
    b.share_where(
        "cp-not-seen-alone",
        "Not seen alone at the last visit",
        on_plan_fig,
        p_cols,
        |r| code(aa, 7, r, "Was the Child Seen Alone?", &cc::YES_NO) == "N",
    );
    on_plan_fig = b.count(
        "cp-all",
        "Plans open at any time in the list's period",
        7,
        b.rows(7).collect(),
        p_cols,
    );
    b.share_where(
        "cp-repeat",
        "Second or subsequent plans (previous plans recorded)",
        on_plan_fig,
        &[p_start, "Number of Previous Child Protection Plans"],
        |r| int(aa, 7, r, "Number of Previous Child Protection Plans").is_some_and(|n| n >= 1),
    );
    b.share_where(
        "cp-ended-2-years",
        "Ended plans that lasted two years or more",
        on_plan_fig,
        p_cols,
        |r| match (date(aa, 7, r, p_start), date(aa, 7, r, p_end)) {
            (Some(s), Some(e)) if e <= as_at => e >= add_years(s.naive(), 2).into(),
            _ => false,
        },
    );

    // Children in care (List 8).
    b.section = "Children in care";
    let c_start = "Date Started to be Looked After";
    let c_end = "Date Ceased to be Looked After";
    let placements = "Number of Placements in the Last 12 months";
    let latest_placement = "Start Date of Most Recent Placement";
    let c_cols = &[c_start, "Placement Type", latest_placement, placements];
    let in_care: Vec<usize> = b
        .rows(8)
        .filter(|&r| date(aa, 8, r, c_end).is_none_or(|e| e > as_at))
        .collect();
    let cla = b.count(
        "cla-open",
        "Children looked after at the as-at date",
        8,
        in_care,
        c_cols,
    );
    if let Measure::Count { per_10k } = &mut b.figures[cla].measure {
        *per_10k = true;
    }
    let mut types: Vec<String> = b.figures[cla]
        .rows
        .iter()
        .map(|&r| code(aa, 8, r, "Placement Type", &cc::PLACEMENT_TYPE))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    types.sort();
    for t in types {
        // The cell as written, without its letter: "K2: Children's Homes", and newer codes
        // the template lacks ("K3: …") the same way.
        let cell_text = b.figures[cla]
            .rows
            .iter()
            .find(|&&r| code(aa, 8, r, "Placement Type", &cc::PLACEMENT_TYPE) == t)
            .map(|&r| cell(aa, 8, r, "Placement Type").text())
            .unwrap_or_default();
        let label = match cell_text.split_once(") ") {
            _ if t.is_empty() => "not recorded".to_string(),
            Some((p, rest)) if p.len() == 1 => rest.to_string(),
            _ => cell_text,
        };
        b.share_where(
            &format!("cla-placement-{}", t.to_lowercase()),
            format!("Placement type {label}"),
            cla,
            c_cols,
            |r| code(aa, 8, r, "Placement Type", &cc::PLACEMENT_TYPE) == t,
        );
    }
    let loc_cols = &[
        "Placement Type",
        "Placement Location",
        "LA of Placement",
        "Placement postcode",
    ];
    b.share_where(
        "cla-out-of-area",
        "Placed outside the council's boundary",
        cla,
        loc_cols,
        |r| code(aa, 8, r, "Placement Location", &cc::LOCATION) == "OUT",
    );
    b.share_where(
        "cla-3-placements",
        "Three or more placements in the last 12 months",
        cla,
        c_cols,
        |r| int(aa, 8, r, placements).is_some_and(|n| n >= 3),
    );
    // Spec §5.6: under 16, looked after at least 2.5 years, same placement for 2 years.
    let long: Vec<usize> = b.figures[cla]
        .rows
        .iter()
        .copied()
        .filter(|&r| {
            int(aa, 8, r, "Age of Child (Years)").is_some_and(|a| a < 16)
                && date(aa, 8, r, c_start)
                    .is_some_and(|s| s <= Date::from(add_months(as_at.naive(), -30)))
        })
        .collect();
    let long = b.share(
        "cla-long-term",
        "Under 16 and looked after for 2½ years or more",
        cla,
        long,
        c_cols,
    );
    b.share_where(
        "cla-stable",
        "… of whom in the same placement for 2 years or more",
        long,
        c_cols,
        |r| {
            date(aa, 8, r, latest_placement)
                .is_some_and(|p| p <= Date::from(add_years(as_at.naive(), -2)))
        },
    );
    let v = opts.cla_visit_days;
    b.share_where(
        "cla-visit-overdue",
        format!("No social work visit in the last {v} days"),
        cla,
        &[
            c_start,
            "Date of Last Social Work Visit",
            "Allocated Worker",
        ],
        |r| {
            date(aa, 8, r, "Date of Last Social Work Visit").is_none_or(|d| d.days_until(as_at) > v)
        },
    );
    let health_cols = &[
        c_start,
        "Date of Last Health Assessment",
        "Date of Last Dental Check",
    ];
    b.share_where(
        "cla-health-due",
        "Health assessment out of date (6 months under 5, else 12)",
        cla,
        health_cols,
        |r| {
            let months = if int(aa, 8, r, "Age of Child (Years)").is_some_and(|a| a < 5) {
                6
            } else {
                12
            };
            date(aa, 8, r, "Date of Last Health Assessment")
                .is_none_or(|d| d < Date::from(add_months(as_at.naive(), -months)))
        },
    );
    let miss_m = "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months";
    let miss_a =
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months";
    let offered =
        "Was the child offered a Return Interview after their last missing episode (Y/N)?";
    let accepted =
        "Did the child accept a Return Interview after their last missing episode (Y/N)?";
    let m_cols = &[miss_m, miss_a, offered, accepted];
    let all_cla = b.count(
        "cla-all",
        "Children looked after at any time in the list's period",
        8,
        b.rows(8).collect(),
        c_cols,
    );
    let missing = b.share_where(
        "cla-missing",
        "Missing from placement in the last 12 months",
        all_cla,
        m_cols,
        |r| int(aa, 8, r, miss_m).is_some_and(|n| n >= 1),
    );
    b.share_where(
        "cla-absent",
        "Absent from placement in the last 12 months",
        all_cla,
        m_cols,
        |r| int(aa, 8, r, miss_a).is_some_and(|n| n >= 1),
    );
    let offer = b.share_where(
        "cla-ri-offered",
        "… offered a return interview after the last episode",
        missing,
        m_cols,
        |r| is_yes(aa, 8, r, offered),
    );
    b.share_where(
        "cla-ri-accepted",
        "… of whom accepted it",
        offer,
        m_cols,
        |r| is_yes(aa, 8, r, accepted),
    );

    // Care leavers (List 9), by age band (spec §5.4, as [PATCH] groups List 9).
    b.section = "Care leavers";
    let l_cols = &[
        "LA in Touch",
        "Type of Accommodation",
        "Suitability of Accommodation",
        "Activity Status",
    ];
    for (band, lo, hi) in [
        ("17–18", 17, 18),
        ("19–21", 19, 21),
        ("22 and over", 22, i64::MAX),
    ] {
        let rows: Vec<usize> = b
            .rows(9)
            .filter(|&r| {
                int(aa, 9, r, "Age of Child (Years)").is_some_and(|a| (lo..=hi).contains(&a))
            })
            .collect();
        let key = band.split([' ', '–']).next().unwrap_or(band);
        let all = b.count(
            &format!("leavers-{key}"),
            format!("Care leavers aged {band}"),
            9,
            rows,
            l_cols,
        );
        b.share_where(
            &format!("leavers-{key}-in-touch"),
            format!("Aged {band}: in touch"),
            all,
            l_cols,
            |r| code(aa, 9, r, "LA in Touch", &cc::IN_TOUCH) == "YES",
        );
        b.share_where(
            &format!("leavers-{key}-suitable"),
            format!("Aged {band}: suitably accommodated"),
            all,
            l_cols,
            |r| code(aa, 9, r, "Suitability of Accommodation", &cc::SUITABILITY) == "1",
        );
        b.share_where(
            &format!("leavers-{key}-eet"),
            format!("Aged {band}: in education, employment or training"),
            all,
            l_cols,
            |r| {
                matches!(
                    code(aa, 9, r, "Activity Status", &cc::ACTIVITY).as_str(),
                    "F1" | "P1" | "F2" | "P2" | "F3" | "P3" | "F4" | "P4" | "F5" | "P5"
                )
            },
        );
    }

    // Adoption (List 10): timescales in calendar days (spec §5.5, Annex A equivalents).
    b.section = "Adoption";
    let entered = "Date the Child Entered Care";
    let placed = "Date Placed for Adoption";
    let order = "Date of Placement Order";
    let matched = "Date of Matching Child and Prospective Adopters";
    let decision = "Date of Decision that Child Should be Placed for Adoption";
    let adopted = "Date of Adoption Order";
    let ad_cols = &[entered, decision, order, matched, placed, adopted];
    let gap = |r: usize, from: &str, to: &str| match (date(aa, 10, r, from), date(aa, 10, r, to)) {
        (Some(a), Some(b)) => Some(a.days_until(b).max(0)),
        _ => None,
    };
    let days_fig = |b: &mut Builder, id: &str, label: &str, from: &str, to: &str| {
        let (rows, values): (Vec<usize>, Vec<i64>) = b
            .rows(10)
            .filter_map(|r| gap(r, from, to).map(|d| (r, d)))
            .unzip();
        b.add(id, label, 10, rows, Measure::Days { values }, ad_cols);
    };
    days_fig(
        &mut b,
        "adoption-care-to-placed",
        "Entering care to moving in with the adoptive family (A1)",
        entered,
        placed,
    );
    days_fig(
        &mut b,
        "adoption-order-to-match",
        "Placement order to match (A2)",
        order,
        matched,
    );
    days_fig(
        &mut b,
        "adoption-decision-to-order",
        "Adoption decision to placement order",
        decision,
        order,
    );
    days_fig(
        &mut b,
        "adoption-placed-to-order",
        "Placed for adoption to adoption order",
        placed,
        adopted,
    );
    let ad_all = 9;
    b.share_where(
        "adoption-no-longer",
        "Decided the child should no longer be placed for adoption",
        ad_all,
        ad_cols,
        |r| {
            date(
                aa,
                10,
                r,
                "Date of Decision that Child Should No Longer be Placed for Adoption",
            )
            .is_some()
        },
    );

    Summary {
        as_at,
        population: opts.population,
        figures: b.figures,
    }
}

/// Plan length bands, calendar days (spec §5.6).
const LENGTH_BANDS: [(&str, i64, i64); 5] = [
    ("Under 3 months", 0, 90),
    ("3 to 6 months", 91, 181),
    ("6 to 12 months", 182, 364),
    ("1 to 2 years", 365, 729),
    ("2 years or more", 730, i64::MAX),
];

fn length_band_days(start: Date, end: Date) -> i64 {
    start.days_until(end).max(0)
}

fn code_is(aa: &AnnexA, list: u8, row: usize, header: &str, codes: &CellList, want: &str) -> bool {
    code(aa, list, row, header, codes) == want
}
