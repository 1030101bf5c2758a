//! The DfE children in need census (`csc-data-spec.md` §2): one XML file per local authority
//! per collection year.
//!
//! [`Census`] mirrors the XML element tree with typed values. [`write`] and [`read`] convert it
//! to and from XML for 2022-23 to 2026-27; [`derive`] builds it from the case model the way the
//! census guidance scopes it; [`into_tables`] maps a census back into the case model so councils
//! that hold only their return can load it.

mod derive;
mod load;
mod xml;

pub use derive::derive;
pub use load::into_tables;
pub use xml::{read, write};

use model::codes::{
    AssessmentFactor, ClosureReason, CpCategory, Disability, Ethnicity, PrimaryNeed,
    ReferralSource, Sex, UpnUnknown,
};
use model::{CollectionYear, Date};

/// One census return.
#[derive(Debug, Clone, PartialEq)]
pub struct Census {
    pub year: CollectionYear,
    pub header: Header,
    pub children: Vec<Child>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// DfE three-digit LA number (`LEA`).
    pub la_code: String,
    /// `ReferenceDate`: 31 March of the census year.
    pub reference_date: Date,
    pub software_code: Option<String>,
    pub release: Option<String>,
    pub serial_no: Option<String>,
    /// `DateTime` as written (xs:dateTime); kept as text so a round trip is exact.
    pub date_time: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Child {
    pub la_child_id: String,
    pub upn: Option<String>,
    pub former_upn: Option<String>,
    pub upn_unknown: Option<UpnUnknown>,
    pub birth_date: Option<Date>,
    pub expected_birth_date: Option<Date>,
    /// `Sex` from 2024-25, `GenderCurrent` before (1 → M, 2 → F, 0 and 9 → U).
    pub sex: Sex,
    pub death_date: Option<Date>,
    pub ethnicity: Ethnicity,
    pub disabilities: Vec<Disability>,
    pub details: Vec<CinDetails>,
}

/// One `CINdetails` block: a referral and everything recorded under it.
#[derive(Debug, Clone, PartialEq)]
pub struct CinDetails {
    pub referral_date: Date,
    pub referral_source: ReferralSource,
    pub primary_need: Option<PrimaryNeed>,
    pub closure_date: Option<Date>,
    pub closure_reason: Option<ClosureReason>,
    /// An ICPC not preceded by a section 47 in this return (e.g. a transfer-in conference).
    pub initial_cpc_date: Option<Date>,
    pub assessments: Vec<Assessment>,
    pub cin_plans: Vec<CinPlanDates>,
    pub section47s: Vec<Section47>,
    pub referral_nfa: bool,
    pub cp_plans: Vec<CpPlan>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub start_date: Date,
    pub internal_review_date: Option<Date>,
    pub authorisation_date: Option<Date>,
    pub factors: Vec<AssessmentFactor>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CinPlanDates {
    pub start_date: Date,
    pub end_date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section47 {
    pub start_date: Date,
    pub initial_cpc_target: Option<Date>,
    pub initial_cpc_date: Option<Date>,
    pub icpc_not_required: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CpPlan {
    pub start_date: Date,
    pub end_date: Option<Date>,
    pub initial_category: CpCategory,
    pub latest_category: CpCategory,
    pub previous_plans: u32,
    pub review_dates: Vec<Date>,
}

/// Whether the year's schema uses `<Sex>` (2024-25 on) rather than `<GenderCurrent>`.
pub fn uses_sex(year: CollectionYear) -> bool {
    year.year_ending() >= 2025
}

/// File name of the schema copy in `spec/schemas` that describes a collection year.
pub fn schema_file(year: CollectionYear) -> &'static str {
    match year.year_ending() {
        ..=2020 => "CIN_schema_2019.xsd",
        2021 => "CIN_schema_2021.xsd",
        2022 => "CIN_schema_2022.xsd",
        2023 | 2024 => "CIN_schema_2023.xsd",
        2025 => "CIN_schema_2025.xsd",
        // No newer copy exists; 2026-27 is written to the 2025-26 layout.
        _ => "CIN_schema_2026.xsd",
    }
}
