//! The SSDA903 (children looked after) rule set: the return's tables as the DfE's validator
//! models them, the context a rule runs in, and every rule of every year pack.

mod input;
mod patterns;
pub mod postcodes;
pub mod providers;
pub mod report;
pub mod rules;
pub mod support;
#[cfg(test)]
pub(crate) mod testkit;
mod xml;

pub use input::{read_csv_dir, read_csv_text, read_xml, InputError, LoadedFile};
pub use patterns::Check;
pub use postcodes::{derive as derive_postcode_fields, PostcodeError, Postcodes};
pub use providers::{read_provider_lists, ListKind, ProviderError};

use crate::engine::{self, Flags, Outcome, RuleMeta, RuleType};
use crate::table::Table;
use model::Date;

macro_rules! tables_903 {
    ($($id:ident, $last:ident, $name:literal: [$($col:literal),* $(,)?];)*) => {
        /// A 903 table; `*Last` are last year's return, as the validator's `*_last`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum T { $($id, $last,)* ProviderInfo }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$id, T::$last,)* T::ProviderInfo];
            /// The current-year tables, in the order the DfE lists them.
            pub const CURRENT: &'static [T] = &[$(T::$id,)*];

            /// The validator's table name (`Episodes`, `Episodes_last`, `provider_info`).
            pub fn name(self) -> &'static str {
                match self {
                    $(T::$id => $name, T::$last => concat!($name, "_last"),)*
                    T::ProviderInfo => "provider_info",
                }
            }

            /// The columns a file must have, exactly, to be read as this table.
            pub fn columns(self) -> &'static [&'static str] {
                match self {
                    $(T::$id | T::$last => &[$($col),*],)*
                    T::ProviderInfo => &[
                        "URN", "LA_NAME_FROM_FILE", "PLACE_CODES", "PROVIDER_CODES", "REG_END",
                        "POSTCODE", "source", "LA_CODE_INFERRED", "LA_NAME_INFERRED",
                    ],
                }
            }

            /// Last year's table of the same kind.
            pub fn last(self) -> T {
                match self {
                    $(T::$id | T::$last => T::$last,)*
                    T::ProviderInfo => T::ProviderInfo,
                }
            }

            pub fn is_last(self) -> bool {
                self != T::ProviderInfo && self.last() == self
            }
        }
    };
}

tables_903! {
    Header, HeaderLast, "Header": ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"];
    Episodes, EpisodesLast, "Episodes": ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE",
        "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"];
    Reviews, ReviewsLast, "Reviews": ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"];
    Uasc, UascLast, "UASC": ["CHILD", "SEX", "DOB", "DUC"];
    Oc2, Oc2Last, "OC2": ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
        "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];
    Oc3, Oc3Last, "OC3": ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"];
    Ad1, Ad1Last, "AD1": ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
        "SEX_ADOPTR", "LS_ADOPTR"];
    PlacedAdoption, PlacedAdoptionLast, "PlacedAdoption": ["CHILD", "DOB", "DATE_PLACED",
        "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"];
    PrevPerm, PrevPermLast, "PrevPerm": ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"];
    Missing, MissingLast, "Missing": ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"];
    SwEpisodes, SwEpisodesLast, "SWEpisodes": ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC",
        "SW_REASON"];
    DoLo, DoLoLast, "DoLo": ["CHILD", "DOB", "DOLO_START", "DOLO_END"];
}

/// Where the return came from; a few rules behave differently for XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xml,
}

/// The tables of one validation run, current and last year's, each present or not.
#[derive(Default)]
pub struct Tables {
    slots: Vec<Option<Table>>,
    /// Whether a postcode lookup has derived the placement columns (see `postcodes::derive`).
    postcode_lookup: bool,
}

static EMPTY: std::sync::OnceLock<Table> = std::sync::OnceLock::new();

impl Tables {
    pub fn get(&self, t: T) -> Option<&Table> {
        self.slots.get(t as usize).and_then(Option::as_ref)
    }

    pub fn insert(&mut self, t: T, table: Table) {
        if self.slots.len() <= t as usize {
            self.slots.resize_with(T::ALL.len(), || None);
        }
        self.slots[t as usize] = Some(table);
    }

    pub fn remove(&mut self, t: T) -> Option<Table> {
        self.slots.get_mut(t as usize).and_then(Option::take)
    }

    pub fn present(&self) -> impl Iterator<Item = (T, &Table)> {
        T::ALL
            .iter()
            .filter_map(move |&t| self.get(t).map(|tab| (t, tab)))
    }

    /// `Header.UASC` as the validator derives it from CSV input: "1" for children in the
    /// UASC table, "0" otherwise, when both tables are present (and likewise last year's).
    /// XML input carries its own UASC, which this leaves alone.
    pub fn derive_header_uasc(&mut self) {
        for (h, u) in [(T::Header, T::Uasc), (T::HeaderLast, T::UascLast)] {
            let Some(uasc) = self.get(u) else { continue };
            let children: hashbrown::HashSet<String> =
                uasc.by_child().keys().map(String::from).collect();
            if let Some(header) = self.slots.get_mut(h as usize).and_then(Option::as_mut) {
                if header.has("UASC") {
                    continue;
                }
                let child = header.col("CHILD");
                let flags: Vec<String> = header
                    .rows()
                    .map(|r| {
                        let is = child.str(r).is_some_and(|c| children.contains(c));
                        (if is { "1" } else { "0" }).to_string()
                    })
                    .collect();
                header.set_column("UASC", flags);
            }
        }
    }
}

/// What a rule sees: the tables and the collection's metadata.
pub struct Ctx<'a> {
    pub tables: &'a Tables,
    /// The collection year, numbered by its ending year (2026 = 2025/26).
    pub year: u16,
    /// The local authority's code, as the validator's `localAuthority` metadata.
    pub la: Option<&'a str>,
    /// 1 April and 31 March of the collection year.
    pub start: Date,
    pub end: Date,
    pub format: FileFormat,
    /// Children continuously looked after for the year, computed on first use.
    pub(crate) cla_children: std::sync::OnceLock<hashbrown::HashSet<&'a str>>,
}

impl<'a> Ctx<'a> {
    pub fn new(tables: &'a Tables, year: u16, la: Option<&'a str>, format: FileFormat) -> Self {
        Ctx {
            tables,
            year,
            la,
            start: Date::ymd(year as i32 - 1, 4, 1),
            end: Date::ymd(year as i32, 3, 31),
            format,
            cla_children: std::sync::OnceLock::new(),
        }
    }

    /// A table; one that was not supplied reads as empty (rules list the tables they need,
    /// and are skipped when one is absent, so this only matters for optional reads).
    pub fn t(&self, t: T) -> &'a Table {
        self.tables
            .get(t)
            .unwrap_or_else(|| EMPTY.get_or_init(|| Table::new(Vec::new())))
    }

    pub fn get(&self, t: T) -> Option<&'a Table> {
        self.tables.get(t)
    }
}

/// One version of one 903 rule.
pub struct Rule {
    pub code: &'static str,
    pub rule_type: RuleType,
    /// The DfE's message, verbatim.
    pub message: &'static str,
    /// The fields the DfE lists as affected (reported with each flagged row).
    pub fields: &'static [&'static str],
    /// Tables without which the rule does not run.
    pub tables: &'static [T],
    /// Whether the rule reads what only a postcode lookup gives (`PL_LA`, `PL_LOCATION`,
    /// `PL_DISTANCE`, whether a postcode exists): without one it is not run, rather than
    /// flag every placement or pass every row unchecked.
    pub postcode_lookup: bool,
    /// First and last collection year in force (ending-year numbers, inclusive).
    pub years: (u16, u16),
    /// What the rule checks and why (the rule file's doc comment).
    pub doc: &'static str,
    pub check: Check,
}

impl RuleMeta for Rule {
    fn code(&self) -> &'static str {
        self.code
    }
    fn years(&self) -> (u16, u16) {
        self.years
    }
}

/// Declares one version of a 903 rule; the doc comment becomes the rule's documentation.
macro_rules! rule {
    ($(#[doc = $doc:literal])*
     code: $code:literal,
     message: $msg:literal,
     fields: [$($f:literal),* $(,)?],
     tables: [$($t:ident),* $(,)?],
     $(postcode_lookup: $lookup:literal,)?
     years: $first:ident ..= $last:ident,
     check: $check:expr $(,)?) => {
        $crate::ssda903::Rule {
            code: $code,
            rule_type: $crate::engine::RuleType::Error,
            message: $msg,
            fields: &[$($f),*],
            tables: &[$($crate::ssda903::T::$t),*],
            postcode_lookup: false $(|| $lookup)?,
            years: ($crate::engine::$first, $crate::engine::$last),
            doc: concat!($($doc, "\n"),*),
            check: $check,
        }
    };
}
pub(crate) use rule;

/// Every version of every 903 rule.
pub fn all_versions() -> Vec<&'static Rule> {
    rules::FILES.iter().flat_map(|f| f.iter()).collect()
}

/// The rules in force in a collection year (ending-year number).
pub fn pack(year: u16) -> Vec<&'static Rule> {
    engine::year_pack(&all_versions(), year)
}

/// Why a rule needing the postcode lookup was not run.
pub const NEEDS_POSTCODES: &str = "needs a postcode lookup";

/// Runs one rule, honouring its needed tables and the postcode lookup.
pub fn run_rule(rule: &Rule, cx: &Ctx) -> Outcome<T> {
    let missing: Vec<&str> = rule
        .tables
        .iter()
        .filter(|t| cx.get(**t).is_none())
        .map(|t| t.name())
        .collect();
    if !missing.is_empty() {
        return Outcome::Skipped(format!("needs {}", missing.join(", ")));
    }
    if rule.postcode_lookup && !cx.tables.postcode_lookup {
        return Outcome::Skipped(NEEDS_POSTCODES.into());
    }
    let mut flags = Flags::default();
    rule.check.run(cx, &mut flags);
    Outcome::Flagged(flags.into_sorted())
}

/// Runs a whole pack in parallel.
pub fn run_pack(cx: &Ctx) -> Vec<(&'static Rule, Outcome<T>)> {
    engine::run_all(&pack(cx.year), |r| run_rule(r, cx))
}

#[cfg(test)]
mod tests {
    use super::testkit::tables;
    use super::*;

    /// Without a postcode lookup the rules that need one are not run, and say why; with one
    /// (even one that knows none of the postcodes) they run.
    #[test]
    fn postcode_rules_need_a_lookup() {
        let eps = "CHILD,LS,HOME_POST,PL_POST\n1,C2,ZZ1 1AA,ZZ2 2AA";
        let rule = pack(2026).into_iter().find(|r| r.code == "169").unwrap();
        let mut t = tables(&[(T::Episodes, eps)]);
        t.postcode_lookup = false;
        match run_rule(
            rule,
            &Ctx::new(&t, 2026, Some("E09000027"), FileFormat::Csv),
        ) {
            Outcome::Skipped(why) => assert_eq!(why, NEEDS_POSTCODES),
            other => panic!("ran without a lookup: {other:?}"),
        }
        derive_postcode_fields(&mut t, "E09000027", &Postcodes::default());
        let cx = Ctx::new(&t, 2026, Some("E09000027"), FileFormat::Csv);
        match run_rule(rule, &cx) {
            Outcome::Flagged(rows) => assert_eq!(rows, [(T::Episodes, 0)]),
            other => panic!("not run with a lookup: {other:?}"),
        }
        // A rule that needs no lookup runs without one.
        let other = pack(2026).into_iter().find(|r| r.code == "103").unwrap();
        assert!(!other.postcode_lookup);
    }

    /// Every rule file that reads a column only the lookup gives marks each of its versions
    /// `postcode_lookup: true`, and no other file does.
    #[test]
    fn postcode_rules_are_marked() {
        const DERIVED: [&str; 5] = [
            "\"PL_LA\"",
            "\"PL_LOCATION\"",
            "\"PL_DISTANCE\"",
            "HOME_POST_FOUND",
            "PL_POST_FOUND",
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ssda903/rules");
        let mut marked = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            // The rule itself, not its tests (which build the derived columns as text).
            let body = text.split("#[cfg(test)]").next().unwrap();
            let reads =
                DERIVED.iter().any(|d| body.contains(d)) || body.contains("distance_changed");
            let versions = body.matches("rule! {").count();
            let marks = body.matches("postcode_lookup: true").count();
            let expected = if reads { versions } else { 0 };
            assert_eq!(marks, expected, "{}", path.display());
            marked += marks;
        }
        let in_pack = all_versions().iter().filter(|r| r.postcode_lookup).count();
        assert_eq!(marked, in_pack);
        assert!(in_pack >= 19, "{in_pack}");
    }

    /// A child listed twice in the UASC table is UASC once; no other child's flag moves (the
    /// reference's merge shifts the flags of the Header rows after it).
    #[test]
    fn uasc_flag_is_per_child() {
        let mut t = tables(&[
            (
                T::Header,
                "CHILD,DOB\nA,01/01/2010\nB,01/01/2010\nC,01/01/2010\nD,01/01/2010",
            ),
            (
                T::Uasc,
                "CHILD,DUC\nB,01/01/2028\nB,01/01/2028\nD,01/01/2028",
            ),
        ]);
        t.derive_header_uasc();
        let h = t.get(T::Header).unwrap();
        let flags: Vec<&str> = h.rows().map(|r| h.col("UASC").text(r)).collect();
        assert_eq!(flags, ["0", "1", "0", "1"]);
    }
}
