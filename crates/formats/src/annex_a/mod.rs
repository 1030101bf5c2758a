//! Ofsted Annex A (ILACS): the eleven child-level lists a council hands inspectors, derived from
//! the case model for any date (`csc-data-spec.md` §1), and written as one xlsx workbook (a
//! sheet per list) or one CSV file per list.
//!
//! Every list is anchored on the as-at date `R`: the six-month lists cover `[R − 6 months, R]`,
//! the twelve-month ones `[R − 12 months, R]`, and nothing dated after `R` appears (for a date in
//! the past the model is seen as it stood then). `docs/annex-a.md` lists each derivation and the
//! choices made where the spec is uncertain.

pub mod codes;
mod derive;
mod journey;
mod read;
pub mod summary;
mod summary_out;
mod to_model;
mod write;

pub use derive::{derive, Options};
pub use journey::{journeys, journeys_csv, JourneyEvent};
pub use read::{
    check, latest_date, list_number, read_csv_files, read_xlsx, to_annex_a, Problem, RawCell,
    Sheet, Workbook,
};
pub use summary_out::{write_summary_html, write_summary_xlsx};
pub use to_model::{to_model, ToModelError};
pub use write::{write_csv, write_xlsx, CsvFile};

use model::Date;

/// One Annex A list: its number, the name used for its CSV file, and its column headers.
pub struct ListDef {
    pub number: u8,
    pub name: &'static str,
    pub headers: &'static [&'static str],
}

impl ListDef {
    /// Sheet name, as in Ofsted's template.
    pub fn sheet(&self) -> String {
        format!("List {}", self.number)
    }
    /// 0-based position of a column, by its exact header.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| *h == header)
    }
}

/// The columns Lists 1 to 9 start with.
macro_rules! common {
    ($($rest:literal),* $(,)?) => {
        &[
            "Child Unique ID",
            "Gender",
            "Ethnicity",
            "Date of Birth",
            "Age of Child (Years)",
            $($rest),*
        ]
    };
}

/// The eleven lists, with the headers of `csc-data-spec.md` §1.3.
pub const LISTS: [ListDef; 11] = [
    ListDef {
        number: 1,
        name: "contacts",
        headers: common!["Date of Contact", "Contact Source"],
    },
    ListDef {
        number: 2,
        name: "early_help",
        headers: common![
            "Assessment start date",
            "Assessment completion date",
            "Organisation completing assessment",
        ],
    },
    ListDef {
        number: 3,
        name: "referrals",
        headers: common![
            "Date of referral",
            "Referral Source",
            "Referral NFA?",
            "Number of Referrals in Last 12 Months",
            "Allocated Team",
            "Allocated Worker",
        ],
    },
    ListDef {
        number: 4,
        name: "assessments",
        headers: common![
            "Does the Child have a Disability",
            "Continuous Assessment Start Date",
            "Child Seen During Continuous Assessment",
            "Continuous Assessment Date of Authorisation",
            "Was the child assessed as requiring LA children's social care support?",
            "Allocated Team",
            "Allocated Worker",
        ],
    },
    ListDef {
        number: 5,
        name: "section_47",
        headers: common![
            "Does the Child have a Disability",
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "Number of Section 47 Enquiries in the last 12 months",
            "Number of ICPCs in the last 12 months",
            "Allocated Team",
            "Allocated Worker",
        ],
    },
    ListDef {
        number: 6,
        name: "children_in_need",
        headers: common![
            "Does the Child have a Disability",
            "CIN Start Date",
            "Primary Need Code",
            "Date Child Was Last Seen",
            "CIN Closure Date",
            "Reason for Closure",
            "Case Status",
            "Allocated Team",
            "Allocated Worker",
        ],
    },
    ListDef {
        number: 7,
        name: "child_protection",
        headers: common![
            "Does the Child have a Disability",
            "Child Protection Plan Start Date",
            "Initial Category of Abuse",
            "Latest Category of Abuse",
            "Date of the Last Statutory Visit",
            "Was the Child Seen Alone?",
            "Date of latest review conference",
            "Child Protection Plan End Date",
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
            "Number of Previous Child Protection Plans",
            "Allocated Team",
            "Allocated Worker",
        ],
    },
    ListDef {
        number: 8,
        name: "children_in_care",
        headers: common![
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            "Does the Child have a Disability",
            "Date Started to be Looked After",
            "Child's Category of Need",
            "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
            "Start date of current legal status",
            "Child's Legal Status",
            "Date of Latest Statutory Review",
            "Date of Last Social Work Visit",
            "What is the permanence plan for this child?",
            "Date of Last IRO Visit / Contact to the Child",
            "Date of Last Health Assessment",
            "Date of Last Dental Check",
            "Number of Placements in the Last 12 months",
            "Date Ceased to be Looked After",
            "Reason Ceased to be Looked After",
            "Start Date of Most Recent Placement",
            "Placement Type",
            "Placement Provider",
            "Placement postcode",
            "URN of Placement",
            "Placement Location",
            "LA of Placement",
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
            "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            "Allocated Team",
            "Allocated Worker",
        ],
    },
    ListDef {
        number: 9,
        name: "care_leavers",
        headers: common![
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            "Does the Child have a Disability",
            "Allocated Team",
            "Allocated Worker",
            "Allocated Personal Advisor",
            "Eligibility Category",
            "Latest Pathway Plan Review Date",
            "LA in Touch",
            "Latest Date of Contact",
            "Type of Accommodation",
            "Suitability of Accommodation",
            "Activity Status",
        ],
    },
    ListDef {
        number: 10,
        name: "adoption",
        headers: &[
            "Child Unique ID",
            "Family identifier",
            "Gender",
            "Ethnicity",
            "Date of Birth",
            "Age of Child (Years)",
            "Does the Child have a Disability",
            "Date the Child Entered Care",
            "Date of Decision that Child Should be Placed for Adoption",
            "Date of Placement Order",
            "Date of Matching Child and Prospective Adopters",
            "Date Placed for Adoption",
            "Date of Adoption Order",
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "Reason Why Child No Longer Placed for Adoption",
            "Date the child was placed for fostering in FFA or concurrent planning placement",
        ],
    },
    ListDef {
        number: 11,
        name: "adopters",
        headers: &[
            "Individual adopter identifier",
            "Family identifier",
            "Gender",
            "Ethnicity",
            "Disability",
            "Is the (prospective) adopter fostering for adoption?",
            "Date enquiry received",
            "Date Stage 1 started",
            "Date Stage 1 ended",
            "Date Stage 2 started",
            "Date Stage 2 ended",
            "Date application submitted",
            "Date application approved",
            "Date adopter matched with child(ren)",
            "Date child/children placed with adopter(s)",
            "No. of children placed",
            "Date of Adoption Order",
            "Date of leaving adoption process",
            "Reason for leaving adoption process",
        ],
    },
];

/// One cell of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Date(Date),
    Int(i64),
}

impl Cell {
    /// The cell as text: dates dd/mm/yyyy, as Annex A CSVs write them.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.to_dmy(),
            Cell::Int(n) => n.to_string(),
        }
    }
}

impl From<Option<Date>> for Cell {
    fn from(d: Option<Date>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }
}

impl From<Date> for Cell {
    fn from(d: Date) -> Cell {
        Cell::Date(d)
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Cell {
        s.map_or(Cell::Empty, Cell::Text)
    }
}

/// Annex A at one date: for each list, its rows in order.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnexA {
    pub as_at: Date,
    pub lists: Vec<Vec<Vec<Cell>>>,
}

impl AnnexA {
    /// Rows of list `number` (1 to 11).
    pub fn list(&self, number: u8) -> &[Vec<Cell>] {
        &self.lists[number as usize - 1]
    }
}
