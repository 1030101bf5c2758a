//! The whole case model of one local authority at one point in time: every table, plus the
//! facts about the authority that no SSD table carries.

use std::collections::{HashMap, HashSet};

use crate::table::Table;
use crate::tables::*;
use crate::Date;

/// Facts about the local authority that the returns and rates need.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LaInfo {
    /// DfE three-digit LA number (e.g. 372), as used in CIN census headers.
    pub la_code: String,
    pub la_name: String,
    /// Mid-year estimate of children aged 0-17, the denominator of every rate per 10,000.
    pub child_population: u64,
    /// Date the extract describes.
    pub as_at: Date,
}

/// Receives each table of a model in turn (readers, writers and the store use this to be
/// written once for all tables).
pub trait TableVisitor {
    fn visit<T: Table>(&mut self, rows: &[T]);
}

/// Produces each table in turn when a model is assembled.
pub trait TableSource {
    type Error;
    fn table<T: Table>(&mut self) -> Result<Vec<T>, Self::Error>;
}

/// Row counts of every table at one moment (see [`Tables::mark`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableMark(Vec<usize>);

macro_rules! case_model {
    ($( $(#[$m:meta])* $field:ident : $ty:ty ),+ $(,)?) => {
        /// Every table of the case model.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Tables {
            $( $(#[$m])* pub $field: Vec<$ty> ),+
        }

        impl Tables {
            /// Table names in dependency order (referenced tables first).
            pub const NAMES: &'static [&'static str] = &[$( <$ty as Table>::NAME ),+];

            pub fn visit<V: TableVisitor>(&self, v: &mut V) {
                $( v.visit(&self.$field); )+
            }

            pub fn assemble<S: TableSource>(s: &mut S) -> Result<Tables, S::Error> {
                Ok(Tables { $( $field: s.table::<$ty>()? ),+ })
            }

            /// Moves every row of `other` to the end of the matching table of `self`.
            pub fn append(&mut self, other: &mut Tables) {
                $( self.$field.append(&mut other.$field); )+
            }

            /// Row counts of every table, to roll back to with [`Tables::truncate_to`].
            pub fn mark(&self) -> TableMark {
                TableMark(vec![$( self.$field.len() ),+])
            }

            /// Drops every row added since `mark` was taken.
            pub fn truncate_to(&mut self, mark: &TableMark) {
                let mut lens = mark.0.iter();
                $( self.$field.truncate(*lens.next().expect("mark covers every table")); )+
            }
        }
    };
}

case_model! {
    people: Person,
    teams: Team,
    professionals: Professional,
    addresses: Address,
    disabilities: DisabilityRecord,
    immigration_statuses: ImmigrationStatus,
    mothers: Mother,
    legal_statuses: LegalStatusRecord,
    contacts: Contact,
    early_help_episodes: EarlyHelpEpisode,
    cin_episodes: CinEpisode,
    assessments: Assessment,
    assessment_factors: AssessmentFactors,
    cin_plans: CinPlan,
    cin_visits: CinVisit,
    s47_enquiries: S47Enquiry,
    initial_cp_conferences: InitialCpConference,
    cp_plans: CpPlan,
    cp_visits: CpVisit,
    cp_reviews: CpReview,
    placements: Placement,
    cla_episodes: ClaEpisode,
    cla_reviews: ClaReview,
    cla_visits: ClaVisit,
    health_checks: HealthCheck,
    immunisations: Immunisation,
    substance_misuse: SubstanceMisuse,
    convictions: Conviction,
    sdq_scores: SdqScore,
    previous_permanence: PreviousPermanenceRecord,
    cla_care_plans: ClaCarePlan,
    missing_episodes: MissingEpisode,
    deprivations_of_liberty: DeprivationOfLiberty,
    care_leavers: CareLeaver,
    permanence: Permanence,
    adopters: Adopter,
    involvements: Involvement,
}

/// A case model: the LA and its tables.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseModel {
    pub la: LaInfo,
    pub tables: Tables,
}

/// A broken link or duplicate key inside a model. `row` is the 0-based row within the table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntegrityError {
    #[error("{table} row {row}: duplicate primary key {column} = `{value}` (first seen at row {first_row})")]
    DuplicateKey {
        table: &'static str,
        row: usize,
        column: &'static str,
        value: String,
        first_row: usize,
    },
    #[error("{table} row {row}: {column} = `{value}` refers to no row of {target}")]
    DanglingReference {
        table: &'static str,
        row: usize,
        column: &'static str,
        value: String,
        target: &'static str,
    },
}

/// Columns that refer to a period of care (`clae_cla_id`), which groups episodes rather than
/// keying a table of its own.
const PERIOD_OF_CARE_REFERENCES: &[(&str, &str)] = &[
    (Placement::NAME, "clap_cla_id"),
    (ClaReview::NAME, "clar_cla_id"),
    (ClaVisit::NAME, "clav_cla_id"),
];

impl Tables {
    /// Checks primary-key uniqueness and that every foreign key points at an existing row.
    /// Returns every problem found, in table order, so one run reports them all.
    pub fn check_integrity(&self) -> Vec<IntegrityError> {
        struct Keys {
            keys: HashMap<&'static str, HashSet<String>>,
            errors: Vec<IntegrityError>,
        }
        impl TableVisitor for Keys {
            fn visit<T: Table>(&mut self, rows: &[T]) {
                let mut first: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
                for (i, r) in rows.iter().enumerate() {
                    if let Some(&f) = first.get(r.key()) {
                        self.errors.push(IntegrityError::DuplicateKey {
                            table: T::NAME,
                            row: i,
                            column: T::KEY,
                            value: r.key().to_string(),
                            first_row: f,
                        });
                    } else {
                        first.insert(r.key(), i);
                    }
                }
                self.keys
                    .insert(T::NAME, first.into_keys().map(str::to_string).collect());
            }
        }
        struct Refs<'a> {
            keys: &'a HashMap<&'static str, HashSet<String>>,
            periods: &'a HashSet<String>,
            errors: Vec<IntegrityError>,
        }
        impl TableVisitor for Refs<'_> {
            fn visit<T: Table>(&mut self, rows: &[T]) {
                let period_col = PERIOD_OF_CARE_REFERENCES
                    .iter()
                    .find(|(t, _)| *t == T::NAME)
                    .map(|(_, c)| *c);
                for (i, r) in rows.iter().enumerate() {
                    r.for_each_reference(&mut |column, target, value| {
                        if !self.keys.get(target).is_some_and(|k| k.contains(value)) {
                            self.errors.push(IntegrityError::DanglingReference {
                                table: T::NAME,
                                row: i,
                                column,
                                value: value.to_string(),
                                target,
                            });
                        }
                    });
                    if let Some(column) = period_col {
                        let value = period_of_care_of(r);
                        if !self.periods.contains(value.as_str()) {
                            self.errors.push(IntegrityError::DanglingReference {
                                table: T::NAME,
                                row: i,
                                column,
                                value,
                                target: "ssd_cla_episodes (clae_cla_id)",
                            });
                        }
                    }
                }
            }
        }
        let mut k = Keys {
            keys: HashMap::new(),
            errors: vec![],
        };
        self.visit(&mut k);
        let periods: HashSet<String> = self
            .cla_episodes
            .iter()
            .map(|e| e.clae_cla_id.as_str().to_string())
            .collect();
        let mut r = Refs {
            keys: &k.keys,
            periods: &periods,
            errors: k.errors,
        };
        self.visit(&mut r);
        r.errors
    }
}

/// Reads the period-of-care column of the few tables that have one. Generic code cannot name
/// the field, so it goes through serde's view of the row.
fn period_of_care_of<T: Table>(row: &T) -> String {
    let v = serde_json::to_value(row).unwrap_or_default();
    PERIOD_OF_CARE_REFERENCES
        .iter()
        .find(|(t, _)| *t == T::NAME)
        .and_then(|(_, c)| v.get(*c))
        .and_then(|x| x.as_str())
        .unwrap_or_default()
        .to_string()
}
