//! The CIN census rule set: the return's tables as the DfE's CIN validator flattens the
//! XML, the context a rule runs in (reference date, census period, working days), and
//! every rule of every year pack.

pub mod report;
pub mod rules;
pub mod support;
#[cfg(test)]
pub(crate) mod testkit;
mod xml;

pub use xml::{read_xml, read_xml_str, XmlError};

use crate::engine::{self, Flags, Outcome, RuleMeta, RuleType};
use crate::table::Table;
use hashbrown::HashMap;
use model::calendar::HolidayCalendar;
use model::Date;
use std::sync::OnceLock;

macro_rules! tables_cin {
    ($($id:ident $name:literal: [$($col:literal),* $(,)?];)*) => {
        /// A CIN table, named as the validator's `CINTable`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum T { $($id,)* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$id,)*];

            pub fn name(self) -> &'static str {
                match self { $(T::$id => $name,)* }
            }

            pub fn columns(self) -> &'static [&'static str] {
                match self { $(T::$id => &[$($col),*],)* }
            }

            pub fn from_name(name: &str) -> Option<T> {
                T::ALL.iter().copied().find(|t| t.name() == name)
            }
        }
    };
}

tables_cin! {
    Header "Header": ["Collection", "Year", "ReferenceDate", "SourceLevel", "LEA",
        "SoftwareCode", "Release", "SerialNo", "DateTime"];
    ChildIdentifiers "ChildIdentifiers": ["LAchildID", "UPN", "FormerUPN", "UPNunknown",
        "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Sex", "PersonDeathDate"];
    ChildCharacteristics "ChildCharacteristics": ["LAchildID", "Ethnicity"];
    Disabilities "Disabilities": ["LAchildID", "Disability"];
    CinDetails "CINdetails": ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource",
        "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC",
        "ReferralNFA"];
    Assessments "Assessments": ["LAchildID", "CINdetailsID", "AssessmentID",
        "AssessmentActualStartDate", "AssessmentInternalReviewDate",
        "AssessmentAuthorisationDate", "AssessmentFactors"];
    AssessmentFactorsList "AssessmentFactorsList": ["LAchildID", "CINdetailsID",
        "AssessmentID", "AssessmentFactor"];
    CinPlanDates "CINplanDates": ["LAchildID", "CINdetailsID", "CINPlanStartDate",
        "CINPlanEndDate"];
    Section47 "Section47": ["LAchildID", "CINdetailsID", "S47ActualStartDate",
        "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"];
    ChildProtectionPlans "ChildProtectionPlans": ["LAchildID", "CINdetailsID", "CPPID",
        "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP"];
    Reviews "Reviews": ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"];
}

/// The eleven tables of one return; all always exist (possibly empty), as in the
/// validator.
pub struct Tables {
    tables: Vec<Table>,
}

impl Default for Tables {
    fn default() -> Self {
        Tables {
            tables: T::ALL
                .iter()
                .map(|t| {
                    Table::new(t.columns().iter().map(|c| c.to_string()).collect())
                        .with_child_column("LAchildID")
                })
                .collect(),
        }
    }
}

impl Tables {
    pub fn get(&self, t: T) -> &Table {
        &self.tables[t as usize]
    }

    pub fn get_mut(&mut self, t: T) -> &mut Table {
        &mut self.tables[t as usize]
    }

    /// Replaces a table (tests); it keys children by `LAchildID`.
    pub fn insert(&mut self, t: T, table: Table) {
        self.tables[t as usize] = table.with_child_column("LAchildID");
    }

    /// Header `ReferenceDate` of the first row.
    pub fn reference_date(&self) -> Option<Date> {
        self.get(T::Header).col("ReferenceDate").iso_date(0)
    }
}

/// What a rule sees: the tables, the census period and the working-day calendar.
pub struct Ctx<'a> {
    pub tables: &'a Tables,
    /// The collection year, numbered by its ending year (2026 = 2025/26): picks the pack.
    pub year: u16,
    /// The local authority's code, when known.
    pub la: Option<&'a str>,
    /// Header `ReferenceDate`; rules comparing against it find nothing when it is missing,
    /// as the validator's comparisons with `NaT` do.
    pub reference: Option<Date>,
    /// The census period: `ReferenceDate − 1 year + 1 day` ..= `ReferenceDate`.
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub calendar: HolidayCalendar,
    details: OnceLock<HashMap<&'a str, HashMap<&'a str, Vec<u32>>>>,
    children: Vec<OnceLock<HashMap<&'a str, Vec<u32>>>>,
}

impl<'a> Ctx<'a> {
    pub fn new(tables: &'a Tables, year: u16, la: Option<&'a str>) -> Self {
        let reference = tables.reference_date();
        let start =
            reference.map(|r| Date::from(model::calendar::add_years(r.naive(), -1)).plus_days(1));
        Ctx {
            tables,
            year,
            la,
            reference,
            start,
            end: reference,
            calendar: HolidayCalendar::england_and_wales(),
            details: OnceLock::new(),
            children: T::ALL.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    pub fn t(&self, t: T) -> &'a Table {
        self.tables.get(t)
    }

    /// Whether `d` lies in the census period.
    pub fn in_period(&self, d: Date) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if s <= d && d <= e)
    }

    /// `ReferenceDate − CustomBusinessDay(n − 1)` as the validator computes its working-day
    /// limits (8569Q, 8670Q, 8675Q).
    pub fn working_day_limit(&self, n: u32) -> Option<Date> {
        self.reference
            .map(|r| Date::from(self.calendar.cin_validator_limit(r.naive(), n)))
    }

    /// Rows of `t` by `LAchildID`, in input order. A missing ID is the key "": pandas
    /// merges match missing keys with each other, so the validator's joins do too.
    pub fn by_child(&self, t: T) -> &HashMap<&'a str, Vec<u32>> {
        self.children[t as usize].get_or_init(|| {
            let tab = self.t(t);
            let c = tab.col("LAchildID");
            let mut m: HashMap<&'a str, Vec<u32>> = HashMap::new();
            for r in tab.rows() {
                m.entry(c.text(r)).or_default().push(r as u32);
            }
            m
        })
    }

    /// The rows of one child in `t` ("" for rows without an ID).
    pub fn rows_of(&self, t: T, child: &str) -> &[u32] {
        self.by_child(t)
            .get(child)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The CINdetails rows of one child's CIN episode (several when the child is repeated),
    /// the validator's merge on `LAchildID` and `CINdetailsID` (missing ID matching missing).
    pub fn details_rows(&self, child: &str, id: &str) -> &[u32] {
        let map = self.details.get_or_init(|| {
            let t = self.t(T::CinDetails);
            let (c, i) = (t.col("LAchildID"), t.col("CINdetailsID"));
            let mut m: HashMap<&'a str, HashMap<&'a str, Vec<u32>>> = HashMap::new();
            for r in t.rows() {
                let (c, i) = (c.text(r), i.text(r));
                m.entry(c).or_default().entry(i).or_default().push(r as u32);
            }
            m
        });
        map.get(child)
            .and_then(|m| m.get(id))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// The locations one rule run flags: rows of tables, or the return as a whole.
#[derive(Default)]
pub struct Hits(Flags<Option<T>>);

impl Hits {
    pub fn flag(&mut self, t: T, row: usize) {
        self.0.flag(Some(t), row);
    }

    pub fn flag_rows(&mut self, t: T, rows: impl IntoIterator<Item = u32>) {
        self.0.flag_rows(Some(t), rows);
    }

    /// A return-level (LA-level) finding, which has no table or row.
    pub fn flag_return(&mut self) {
        self.0.flag(None, 0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A location: a table row, or `None` for the return as a whole (row 0).
pub type Loc = Option<T>;

/// One version of one CIN rule.
pub struct Rule {
    pub code: &'static str,
    pub rule_type: RuleType,
    /// The DfE's message, verbatim.
    pub message: &'static str,
    /// The fields the DfE lists as affected.
    pub fields: &'static [&'static str],
    /// First and last collection year in force (ending-year numbers, inclusive).
    pub years: (u16, u16),
    pub doc: &'static str,
    pub check: fn(&Ctx, &mut Hits),
}

impl RuleMeta for Rule {
    fn code(&self) -> &'static str {
        self.code
    }
    fn years(&self) -> (u16, u16) {
        self.years
    }
}

/// Declares one version of a CIN rule; the doc comment becomes the rule's documentation.
macro_rules! rule {
    ($(#[doc = $doc:literal])*
     code: $code:literal,
     kind: $kind:ident,
     message: $msg:literal,
     fields: [$($f:literal),* $(,)?],
     years: $first:ident ..= $last:ident,
     check: $check:expr $(,)?) => {
        $crate::cin::Rule {
            code: $code,
            rule_type: $crate::engine::RuleType::$kind,
            message: $msg,
            fields: &[$($f),*],
            years: ($crate::engine::$first, $crate::engine::$last),
            doc: concat!($($doc, "\n"),*),
            check: $check,
        }
    };
}
pub(crate) use rule;

/// Every version of every CIN rule.
pub fn all_versions() -> Vec<&'static Rule> {
    rules::FILES.iter().flat_map(|f| f.iter()).collect()
}

/// The rules in force in a collection year (ending-year number).
pub fn pack(year: u16) -> Vec<&'static Rule> {
    engine::year_pack(&all_versions(), year)
}

pub fn run_rule(rule: &Rule, cx: &Ctx) -> Outcome<Loc> {
    let mut hits = Hits::default();
    (rule.check)(cx, &mut hits);
    Outcome::Flagged(hits.0.into_sorted())
}

/// Runs a whole pack in parallel.
pub fn run_pack(cx: &Ctx) -> Vec<(&'static Rule, Outcome<Loc>)> {
    engine::run_all(&pack(cx.year), |r| run_rule(r, cx))
}
