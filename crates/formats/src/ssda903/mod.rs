//! The SSDA903 children looked after return (`csc-data-spec.md` §3): thirteen tables, sent as
//! one CSV per table or as one XML file.
//!
//! Each table is a row struct whose fields carry the DfE column names; [`Cell`] types parse and
//! write each column (DD/MM/YYYY dates, upper-case codes, `SEX` as 1/2 before 2024-25 and M/F/U
//! after). [`read_csv`] recognises a table by its set of columns, as the reference validator
//! does, so file names do not matter.

mod cells;
mod derive;
mod load;
mod xml;

pub use cells::{Accom, Cell, Flag};
pub use derive::derive;
pub use load::{into_tables, merge};
pub use xml::{read_xml, write_xml};

use model::codes::*;
use model::{CollectionYear, Date};

use crate::ReadError;

/// Finds a row's cell by column name.
type CellLookup<'a> = Box<dyn Fn(&str) -> Option<String> + 'a>;

/// A table of the return.
pub trait Row: Sized {
    /// The table's name as the DfE and the reference validator use it (`Episodes`).
    const TABLE: &'static str;
    /// Column names in the DfE's order.
    const COLUMNS: &'static [&'static str];
    /// First collection year (ending) in which the table is collected.
    const FROM_YEAR: i32;
    fn cells(&self, year: CollectionYear) -> Vec<String>;
    /// Builds a row from a lookup of column name → cell text.
    fn from_cells(get: &dyn Fn(&str) -> Option<String>) -> Result<Self, (String, String)>;
    fn child(&self) -> &str;
}

// `Return903` holds one Vec per table; this keeps the list of tables in one place.
macro_rules! return_903 {
    ($( $field:ident : $ty:ident ),+ $(,)?) => {
        /// One SSDA903 return: every table, for one collection year.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Return903 {
            pub year: CollectionYear,
            $( pub $field: Vec<$ty>, )+
        }

        impl Return903 {
            pub fn empty(year: CollectionYear) -> Self {
                Return903 { year, $( $field: vec![], )+ }
            }

            /// Calls `f` with each table's name, columns, first year and rendered rows.
            pub fn for_each_table(&self, mut f: impl FnMut(&'static str, &'static [&'static str], i32, Vec<Vec<String>>)) {
                $( f($ty::TABLE, $ty::COLUMNS, $ty::FROM_YEAR,
                     self.$field.iter().map(|r| r.cells(self.year)).collect()); )+
            }

            /// Table names and their column lists, in return order.
            pub const TABLES: &'static [(&'static str, &'static [&'static str])] =
                &[$( ($ty::TABLE, $ty::COLUMNS) ),+];

            /// Parses the rows of the table called `table` into this return.
            fn parse_table(
                &mut self,
                table: &str,
                rows: &mut dyn Iterator<Item = (u64, CellLookup<'_>)>,
                file: &str,
            ) -> Result<(), ReadError> {
                $( if table == $ty::TABLE {
                    for (line, get) in rows {
                        let row = $ty::from_cells(&*get).map_err(|(col, expected)| ReadError {
                            file: file.to_string(),
                            line: Some(line),
                            value: get(&col).filter(|v| !v.trim().is_empty()),
                            column: Some(col),
                            expected,
                        })?;
                        self.$field.push(row);
                    }
                    return Ok(());
                } )+
                unreachable!("parse_table called with a table name from TABLES")
            }
        }
    };
}

macro_rules! rows_903 {
    ($(
        $(#[$m:meta])*
        $name:ident = $table:literal from $from:literal {
            $( $field:ident $col:literal : $ty:ty ),+ $(,)?
        }
    )+) => {
        $(
            $(#[$m])*
            #[derive(Debug, Clone, PartialEq)]
            pub struct $name { $( pub $field: $ty ),+ }

            impl Row for $name {
                const TABLE: &'static str = $table;
                const COLUMNS: &'static [&'static str] = &[$( $col ),+];
                const FROM_YEAR: i32 = $from;
                fn cells(&self, year: CollectionYear) -> Vec<String> {
                    vec![$( Cell::write(&self.$field, year) ),+]
                }
                fn from_cells(get: &dyn Fn(&str) -> Option<String>) -> Result<Self, (String, String)> {
                    Ok($name { $( $field: {
                        let raw = get($col).unwrap_or_default();
                        <$ty as Cell>::parse(raw.trim()).map_err(|e| ($col.to_string(), e))?
                    } ),+ })
                }
                fn child(&self) -> &str { &self.child }
            }
        )+
    };
}

rows_903! {
    /// One row per child in the return.
    HeaderRow = "Header" from 2000 {
        child "CHILD": String,
        sex "SEX": Sex,
        dob "DOB": Date,
        ethnic "ETHNIC": Ethnicity,
        upn "UPN": Option<String>,
        mother "MOTHER": Option<Flag>,
        mc_dob "MC_DOB": Option<Date>,
    }
    /// One row per episode of care open at any time in the year.
    EpisodeRow = "Episodes" from 2000 {
        child "CHILD": String,
        decom "DECOM": Date,
        rne "RNE": ReasonNewEpisode,
        ls "LS": LegalStatus,
        cin "CIN": PrimaryNeed,
        place "PLACE": PlacementType,
        place_provider "PLACE_PROVIDER": Option<PlacementProvider>,
        dec "DEC": Option<Date>,
        rec "REC": Option<ReasonEpisodeCeased>,
        reason_place_change "REASON_PLACE_CHANGE": Option<ReasonPlaceChange>,
        home_post "HOME_POST": Option<String>,
        pl_post "PL_POST": Option<String>,
        urn "URN": Option<String>,
    }
    /// Looked-after reviews held in the year.
    ReviewRow = "Reviews" from 2000 {
        child "CHILD": String,
        dob "DOB": Date,
        review "REVIEW": Date,
        review_code "REVIEW_CODE": Option<ReviewParticipation>,
    }
    /// Unaccompanied asylum-seeking children.
    UascRow = "UASC" from 2000 {
        child "CHILD": String,
        sex "SEX": Sex,
        dob "DOB": Date,
        duc "DUC": Option<Date>,
    }
    /// Outcomes for children looked after continuously for 12 months at 31 March.
    Oc2Row = "OC2" from 2000 {
        child "CHILD": String,
        dob "DOB": Date,
        sdq_score "SDQ_SCORE": Option<i64>,
        sdq_reason "SDQ_REASON": Option<SdqReason>,
        convicted "CONVICTED": Option<Flag>,
        health_check "HEALTH_CHECK": Option<Flag>,
        immunisations "IMMUNISATIONS": Option<Flag>,
        teeth_check "TEETH_CHECK": Option<Flag>,
        health_assessment "HEALTH_ASSESSMENT": Option<Flag>,
        substance_misuse "SUBSTANCE_MISUSE": Option<Flag>,
        intervention_received "INTERVENTION_RECEIVED": Option<Flag>,
        intervention_offered "INTERVENTION_OFFERED": Option<Flag>,
    }
    /// Care leavers at their 17th to 21st birthdays in the year.
    Oc3Row = "OC3" from 2000 {
        child "CHILD": String,
        dob "DOB": Date,
        in_touch "IN_TOUCH": InTouch,
        activ "ACTIV": Option<CareLeaverActivity>,
        accom "ACCOM": Option<Accom>,
    }
    /// Children adopted in the year.
    Ad1Row = "AD1" from 2000 {
        child "CHILD": String,
        dob "DOB": Date,
        date_int "DATE_INT": Option<Date>,
        date_match "DATE_MATCH": Option<Date>,
        foster_care "FOSTER_CARE": Option<Flag>,
        nb_adoptr "NB_ADOPTR": Option<i64>,
        sex_adoptr "SEX_ADOPTR": Option<AdopterSex>,
        ls_adoptr "LS_ADOPTR": Option<AdopterLegalStatus>,
    }
    /// Decisions that a child should be placed for adoption.
    PlacedAdoptionRow = "PlacedAdoption" from 2000 {
        child "CHILD": String,
        dob "DOB": Date,
        date_placed "DATE_PLACED": Date,
        date_placed_ceased "DATE_PLACED_CEASED": Option<Date>,
        reason_placed_ceased "REASON_PLACED_CEASED": Option<ReasonNoLongerPlaced>,
    }
    /// Permanence before a child started to be looked after.
    PrevPermRow = "PrevPerm" from 2000 {
        child "CHILD": String,
        dob "DOB": Date,
        prev_perm "PREV_PERM": Option<PreviousPermanence>,
        la_perm "LA_PERM": Option<String>,
        date_perm "DATE_PERM": Option<String>,
    }
    /// Missing and away-from-placement periods.
    MissingRow = "Missing" from 2000 {
        child "CHILD": String,
        dob "DOB": Date,
        missing "MISSING": MissingType,
        mis_start "MIS_START": Date,
        mis_end "MIS_END": Option<Date>,
    }
    /// Social worker episodes (2023-24 on).
    SwEpisodeRow = "SWEpisodes" from 2024 {
        child "CHILD": String,
        dob "DOB": Date,
        sw_id "SW_ID": String,
        sw_decom "SW_DECOM": Date,
        sw_dec "SW_DEC": Option<Date>,
        sw_reason "SW_REASON": Option<WorkerChangeReason>,
    }
    /// Deprivation of liberty orders (2026-27 on).
    DoloRow = "DoLo" from 2027 {
        child "CHILD": String,
        dob "DOB": Date,
        dolo_start "DOLO_START": Date,
        dolo_end "DOLO_END": Option<Date>,
    }
}

return_903! {
    header: HeaderRow,
    episodes: EpisodeRow,
    reviews: ReviewRow,
    uasc: UascRow,
    oc2: Oc2Row,
    oc3: Oc3Row,
    ad1: Ad1Row,
    placed_adoption: PlacedAdoptionRow,
    prev_perm: PrevPermRow,
    missing: MissingRow,
    sw_episodes: SwEpisodeRow,
    dolo: DoloRow,
}

/// One CSV file of the return.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvFile {
    /// `Header.csv`, `Episodes.csv`, …
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Return903 {
    /// Tables collected in this return's year.
    pub fn tables_in_year(&self) -> Vec<&'static str> {
        let mut names = vec![];
        self.for_each_table(|name, _, from, _| {
            if self.year.year_ending() >= from {
                names.push(name)
            }
        });
        names
    }

    /// One CSV per table collected in the year (a header row even when a table is empty).
    pub fn write_csv(&self) -> Vec<CsvFile> {
        let mut files = vec![];
        let year = self.year.year_ending();
        self.for_each_table(|name, columns, from, rows| {
            if year < from {
                return;
            }
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            // Writing into a Vec cannot fail.
            w.write_record(columns).expect("in-memory CSV");
            for r in rows {
                w.write_record(&r).expect("in-memory CSV");
            }
            files.push(CsvFile {
                name: format!("{name}.csv"),
                bytes: w.into_inner().expect("in-memory CSV"),
            });
        });
        files
    }

    /// Reads CSV files, recognising each table by its columns. Tables absent from `files` are
    /// empty; two files with the same table, or a file whose columns match no table, are refused.
    pub fn read_csv(year: CollectionYear, files: &[CsvFile]) -> Result<Return903, ReadError> {
        let mut ret = Return903::empty(year);
        let mut seen: Vec<(&str, &str)> = vec![];
        for f in files {
            let text = decode(&f.name, &f.bytes)?;
            let mut rdr = csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(text.as_bytes());
            let headers: Vec<String> = rdr
                .headers()
                .map_err(|e| ReadError {
                    line: Some(1),
                    ..ReadError::file(&f.name, format!("a CSV header row ({e})"))
                })?
                .iter()
                .map(|h| h.trim().to_ascii_uppercase())
                .collect();
            let table = identify(&headers).ok_or_else(|| ReadError {
                line: Some(1),
                value: Some(headers.join(",")),
                ..ReadError::file(
                    &f.name,
                    format!(
                        "the columns of one SSDA903 table: {}",
                        Return903::TABLES
                            .iter()
                            .map(|(t, cols)| format!("{t} ({})", cols.join(",")))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                )
            })?;
            if let Some((_, other)) = seen.iter().find(|(t, _)| *t == table) {
                return Err(ReadError::file(
                    &f.name,
                    format!("one file per table (the {table} table is also in {other})"),
                ));
            }
            seen.push((table, &f.name));
            let mut records = vec![];
            for (i, rec) in rdr.records().enumerate() {
                let rec = rec.map_err(|e| ReadError {
                    line: Some(i as u64 + 2),
                    ..ReadError::file(&f.name, format!("a CSV row ({e})"))
                })?;
                if rec.iter().all(|c| c.trim().is_empty()) {
                    continue; // Trailing blank lines from spreadsheets.
                }
                if rec.len() != headers.len() {
                    return Err(ReadError {
                        line: Some(rec.position().map_or(i as u64 + 2, |p| p.line())),
                        ..ReadError::file(
                            &f.name,
                            format!(
                                "{} cells, as in the header row (found {})",
                                headers.len(),
                                rec.len()
                            ),
                        )
                    });
                }
                records.push((rec.position().map_or(i as u64 + 2, |p| p.line()), rec));
            }
            let headers = &headers;
            let mut rows = records.iter().map(|(line, rec)| {
                let get: CellLookup = Box::new(move |col: &str| {
                    headers
                        .iter()
                        .position(|h| h == col)
                        .and_then(|i| rec.get(i))
                        .map(str::to_string)
                });
                (*line, get)
            });
            ret.parse_table(table, &mut rows, &f.name)?;
        }
        Ok(ret)
    }
}

/// The table whose column set equals `headers` (order and case ignored).
fn identify(headers: &[String]) -> Option<&'static str> {
    let mut have: Vec<&str> = headers.iter().map(String::as_str).collect();
    have.sort_unstable();
    Return903::TABLES.iter().find_map(|(name, cols)| {
        let mut want: Vec<&str> = cols.to_vec();
        want.sort_unstable();
        (want == have).then_some(*name)
    })
}

/// CSV text: UTF-8 with or without a byte-order mark; Windows-1252 from older systems is refused
/// with the position of the first bad byte rather than guessed at.
fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    crate::xml::utf8(file, bytes, "UTF-8 text (save the file as CSV UTF-8)")
}
