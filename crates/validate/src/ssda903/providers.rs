//! The Ofsted provider lists, read into the `provider_info` table the DfE's 903 validator
//! builds from them (its URN rules 219-229 look placements up there).
//!
//! The reference takes either both Ofsted lists — the children's homes list (a "Provider
//! information" sheet, or a "Settings and Inspection Info" sheet plus an "Address Details"
//! sheet) and the social care providers list (current providers on the first sheet, closed
//! ones on the second) — or one combined list ("Providers" and "SA providers" sheets, or a
//! single sheet with a "Provider type" column). [`read_provider_lists`] tells them apart by
//! their sheets and takes the same combinations.
//!
//! Columns, as the reference fills them:
//!
//! | column | children's homes | social care providers | combined |
//! |---|---|---|---|
//! | URN | URN | URN (rows without one dropped) | urn |
//! | LA_NAME_FROM_FILE | Local Authority | Local authority | local authority (blank for SA providers) |
//! | PLACE_CODES | Provider Code | Placement code | placement code (K3 for SA providers) |
//! | PROVIDER_CODES | Provider Placement Code, `/` → `,` | Placement provider code | placement provider code, `/` → `,` (PR4 for SA providers without one) |
//! | REG_END | Closed Date | Deregistration date (closed sheet only) | deregistration date / closed date |
//! | POSTCODE | Setting (Address) Postcode | Setting postcode | setting address postcode |
//!
//! `POSTCODE` is upper-cased with spaces removed, `REG_END` is written `dd/mm/yyyy`, `source`
//! says which list a row came from, and `LA_CODE_INFERRED`/`LA_NAME_INFERRED` are the
//! upper-tier authority of the provider's postcode in the postcode lookup (blank without one).
//! Header names are matched ignoring case and surrounding spaces.

use super::postcodes::Postcodes;
use super::T;
use crate::table::Table;
use calamine::{Data, Reader};
use hashbrown::HashMap;
use model::Date;
use std::path::{Path, PathBuf};

/// Which Ofsted list a workbook is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    ChildrensHomes,
    SocialCareProviders,
    Combined,
}

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("{path}: cannot read as a workbook: {message}")]
    Workbook { path: PathBuf, message: String },
    #[error("{path}: sheets [{sheets}] are not an Ofsted list: expected a children's homes list (\"Provider information\", or \"Settings and Inspection Info\" and \"Address Details\"), a social care providers list (current and closed providers sheets) or a combined list (\"Providers\" and \"SA providers\", or one sheet with a \"Provider type\" column)")]
    UnknownList { path: PathBuf, sheets: String },
    #[error("expected the children's homes list and the social care providers list, one of each, or one combined list; got {got}")]
    Combination { got: String },
    #[error("{path}, sheet {sheet:?}: no {column:?} column (found: {found})")]
    MissingColumn {
        path: PathBuf,
        sheet: String,
        column: &'static str,
        found: String,
    },
    #[error("{path}, sheet {sheet:?}, row {row}, column {column:?}: {value:?} is not {expected}")]
    BadCell {
        path: PathBuf,
        sheet: String,
        row: u32,
        column: String,
        value: String,
        expected: &'static str,
    },
}

/// One row of `provider_info` before the postcode lookup.
struct Provider {
    urn: String,
    la_name: String,
    place_codes: String,
    provider_codes: String,
    reg_end: String,
    postcode: String,
    source: &'static str,
    /// The row whose postcode gives this one's inferred authority, when not its own (see
    /// `combined`).
    infer_from: Option<usize>,
}

/// A sheet's header and rows (with their 1-based spreadsheet row numbers).
struct Sheet<'a> {
    path: &'a Path,
    name: String,
    headers: Vec<String>,
    rows: Vec<(u32, Vec<Data>)>,
}

struct Workbook {
    path: PathBuf,
    book: calamine::Sheets<std::io::BufReader<std::fs::File>>,
    names: Vec<String>,
}

impl Workbook {
    fn open(path: &Path) -> Result<Workbook, ProviderError> {
        let book = calamine::open_workbook_auto(path).map_err(|e| ProviderError::Workbook {
            path: path.into(),
            message: e.to_string(),
        })?;
        let names = book.sheet_names();
        Ok(Workbook {
            path: path.into(),
            book,
            names,
        })
    }

    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| same(n, name))
    }

    fn sheet(&mut self, name: &str) -> Result<Sheet<'_>, ProviderError> {
        let name = self
            .names
            .iter()
            .find(|n| same(n, name))
            .cloned()
            .unwrap_or_else(|| name.to_string());
        let range = self
            .book
            .worksheet_range(&name)
            .map_err(|e| ProviderError::Workbook {
                path: self.path.clone(),
                message: format!("sheet {name:?}: {e}"),
            })?;
        let first = range.start().map_or(0, |(r, _)| r) + 1;
        let mut rows = range.rows().enumerate();
        let headers = rows
            .next()
            .map(|(_, r)| r.iter().map(|c| c.to_string()).collect())
            .unwrap_or_default();
        let rows = rows
            // pandas leaves out rows with nothing in them.
            .filter(|(_, r)| r.iter().any(|c| !matches!(c, Data::Empty)))
            .map(|(i, r)| (first + i as u32, r.to_vec()))
            .collect();
        Ok(Sheet {
            path: &self.path,
            name,
            headers,
            rows,
        })
    }

    fn sheet_at(&mut self, index: usize) -> Result<Sheet<'_>, ProviderError> {
        let name = self.names[index].clone();
        self.sheet(&name)
    }

    fn kind(&mut self) -> Result<ListKind, ProviderError> {
        if self.has("Provider information")
            || (self.has("Settings and Inspection Info") && self.has("Address Details"))
        {
            return Ok(ListKind::ChildrensHomes);
        }
        let names = &self.names;
        let combined_sheets = names.len() == 2
            && names.iter().any(|n| n == "Providers")
            && names
                .iter()
                .any(|n| n == "SA providers" || n == "SA Providers");
        if combined_sheets
            || (names.len() == 1 && self.sheet_at(0)?.column(&["Provider type"]).is_some())
        {
            return Ok(ListKind::Combined);
        }
        if self.names.len() >= 2 {
            return Ok(ListKind::SocialCareProviders);
        }
        Err(ProviderError::UnknownList {
            path: self.path.clone(),
            sheets: self.names.join(", "),
        })
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

impl Sheet<'_> {
    /// The first of `names` the sheet has.
    fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.headers.iter().position(|h| same(h, n)))
    }

    fn require(&self, names: &[&'static str]) -> Result<usize, ProviderError> {
        self.column(names)
            .ok_or_else(|| ProviderError::MissingColumn {
                path: self.path.into(),
                sheet: self.name.clone(),
                column: names[0],
                found: self.headers.join(", "),
            })
    }

    fn bad(&self, row: u32, col: usize, value: &Data, expected: &'static str) -> ProviderError {
        ProviderError::BadCell {
            path: self.path.into(),
            sheet: self.name.clone(),
            row,
            column: self.headers[col].clone(),
            value: value.to_string(),
            expected,
        }
    }
}

fn cell(row: &[Data], col: usize) -> &Data {
    row.get(col).unwrap_or(&Data::Empty)
}

/// Text as pandas holds it: strings as they are, whole numbers without a decimal point.
fn text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Bool(b) => (if *b { "True" } else { "False" }).to_string(),
        other => other.to_string(),
    }
}

/// A column the reference edits with pandas' `.str` methods, which blank anything that is
/// not a string.
fn string_only(c: &Data) -> String {
    match c {
        Data::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// A URN: text as given, or a whole number.
fn urn(sheet: &Sheet, row: u32, col: usize, c: &Data) -> Result<String, ProviderError> {
    match c {
        Data::Empty | Data::String(_) | Data::Int(_) => Ok(text(c)),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Ok(text(c)),
        _ => Err(sheet.bad(row, col, c, "a URN")),
    }
}

/// A date as `dd/mm/yyyy`: an Excel date (or date serial), or text already in that form or
/// ISO `yyyy-mm-dd`.
fn date(sheet: &Sheet, row: u32, col: usize, c: &Data) -> Result<String, ProviderError> {
    let serial = |f: f64| {
        (f.is_finite() && (1.0..=2_958_465.0).contains(&f))
            .then(|| Date::ymd(1899, 12, 30).plus_days(f.floor() as i64))
    };
    let d = match c {
        Data::Empty => return Ok(String::new()),
        Data::String(s) if s.trim().is_empty() => return Ok(String::new()),
        Data::String(s) => crate::table::parse_dmy(s.trim())
            .or_else(|| s.trim().get(..10).and_then(|x| x.parse().ok())),
        Data::DateTime(d) => serial(d.as_f64()),
        Data::Float(f) => serial(*f),
        Data::Int(n) => serial(*n as f64),
        Data::DateTimeIso(s) => s.get(..10).and_then(|x| x.parse().ok()),
        _ => None,
    };
    d.map(dmy).ok_or_else(|| {
        sheet.bad(
            row,
            col,
            c,
            "a date (an Excel date, dd/mm/yyyy or yyyy-mm-dd)",
        )
    })
}

fn dmy(d: Date) -> String {
    let iso = d.to_string();
    format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[..4])
}

/// Which Ofsted list the workbook at `path` is.
pub fn list_kind(path: &Path) -> Result<ListKind, ProviderError> {
    Workbook::open(path)?.kind()
}

/// Reads the Ofsted lists into the `provider_info` table (see the module documentation);
/// `postcodes` infers each provider's authority.
pub fn read_provider_lists(
    paths: &[PathBuf],
    postcodes: Option<&Postcodes>,
) -> Result<Table, ProviderError> {
    let mut books = Vec::new();
    for p in paths {
        let mut b = Workbook::open(p)?;
        let kind = b.kind()?;
        books.push((kind, b));
    }
    let kinds: Vec<ListKind> = books.iter().map(|(k, _)| *k).collect();
    let mut rows = Vec::new();
    let got = || ProviderError::Combination {
        got: format!("{kinds:?}"),
    };
    match kinds.as_slice() {
        [ListKind::Combined] => combined(&mut books[0].1, &mut rows)?,
        [a, b] if a != b && !kinds.contains(&ListKind::Combined) => {
            // The children's homes rows come first, as in the reference.
            books.sort_by_key(|(k, _)| *k != ListKind::ChildrensHomes);
            childrens_homes(&mut books[0].1, &mut rows)?;
            social_care_providers(&mut books[1].1, &mut rows)?;
        }
        _ => return Err(got()),
    }
    let names: Vec<String> = T::ProviderInfo
        .columns()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut table = Table::new(names);
    let inferred: Vec<(&str, &str)> = rows
        .iter()
        .map(|p| {
            let postcode = p.postcode.replace(' ', "").to_uppercase();
            postcodes
                .and_then(|pc| pc.authority_of(&postcode))
                .unwrap_or(("", ""))
        })
        .collect();
    for (i, p) in rows.iter().enumerate() {
        let postcode: String = p.postcode.replace(' ', "").to_uppercase();
        let (code, name) = inferred
            .get(p.infer_from.unwrap_or(i))
            .copied()
            .unwrap_or(("", ""));
        table.push_row([
            p.urn.as_str(),
            &p.la_name,
            &p.place_codes,
            &p.provider_codes,
            &p.reg_end,
            &postcode,
            p.source,
            code,
            name,
        ]);
    }
    Ok(table)
}

fn childrens_homes(book: &mut Workbook, out: &mut Vec<Provider>) -> Result<(), ProviderError> {
    const POSTCODE: &[&str] = &["Setting Postcode", "Setting Address Postcode"];
    // The postcode is on the settings sheet, or on a separate address sheet joined by URN.
    enum Postcode {
        Column(usize),
        ByUrn(HashMap<String, Vec<String>>),
    }
    let (settings_sheet, mut postcode) = if book.has("Provider information") {
        ("Provider information", None)
    } else {
        let s = book.sheet("Address Details")?;
        let (u, pc) = (s.require(&["URN"])?, s.require(POSTCODE)?);
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (n, r) in &s.rows {
            let key = urn(&s, *n, u, cell(r, u))?;
            map.entry(key).or_default().push(string_only(cell(r, pc)));
        }
        ("Settings and Inspection Info", Some(Postcode::ByUrn(map)))
    };
    let s = book.sheet(settings_sheet)?;
    let u = s.require(&["URN"])?;
    let la = s.require(&["Local Authority"])?;
    let place = s.require(&["Provider Code"])?;
    let provider = s.require(&["Provider Placement Code"])?;
    let closed = s.require(&["Closed Date"])?;
    let postcode = match postcode.take() {
        Some(p) => p,
        None => Postcode::Column(s.require(POSTCODE)?),
    };
    for (n, r) in &s.rows {
        let key = urn(&s, *n, u, cell(r, u))?;
        let row = |postcode: String| -> Result<Provider, ProviderError> {
            Ok(Provider {
                urn: key.clone(),
                la_name: text(cell(r, la)),
                place_codes: text(cell(r, place)),
                provider_codes: string_only(cell(r, provider)).replace('/', ","),
                reg_end: date(&s, *n, closed, cell(r, closed))?,
                postcode,
                source: "CH List",
                infer_from: None,
            })
        };
        match &postcode {
            Postcode::Column(pc) => out.push(row(string_only(cell(r, *pc)))?),
            // An inner join: a home without an address row is left out.
            Postcode::ByUrn(map) => {
                for pc in map.get(&key).into_iter().flatten() {
                    out.push(row(pc.clone())?);
                }
            }
        }
    }
    Ok(())
}

fn social_care_providers(
    book: &mut Workbook,
    out: &mut Vec<Provider>,
) -> Result<(), ProviderError> {
    // Current providers, then closed ones (which alone have a deregistration date).
    for (index, closed) in [(0, false), (1, true)] {
        let s = book.sheet_at(index)?;
        let u = s.require(&["URN"])?;
        let la = s.require(&["Local authority"])?;
        let place = s.require(&["Placement code"])?;
        let provider = s.require(&["Placement provider code"])?;
        let pc = s.require(&["Setting postcode"])?;
        let dereg = if closed {
            Some(s.require(&["Deregistration date"])?)
        } else {
            None
        };
        for (n, r) in &s.rows {
            let key = urn(&s, *n, u, cell(r, u))?;
            if key.is_empty() {
                continue;
            }
            out.push(Provider {
                urn: key,
                la_name: text(cell(r, la)),
                place_codes: text(cell(r, place)),
                provider_codes: text(cell(r, provider)),
                reg_end: match dereg {
                    Some(d) => date(&s, *n, d, cell(r, d))?,
                    None => String::new(),
                },
                postcode: string_only(cell(r, pc)),
                source: "SCP List",
                infer_from: None,
            });
        }
    }
    Ok(())
}

fn combined(book: &mut Workbook, out: &mut Vec<Provider>) -> Result<(), ProviderError> {
    let main = if book.names.len() == 1 {
        book.names[0].clone()
    } else {
        "Providers".to_string()
    };
    let s = book.sheet(&main)?;
    let u = s.require(&["urn"])?;
    let la = s.require(&["local authority"])?;
    let place = s.require(&["placement code"])?;
    let provider = s.require(&["placement provider code"])?;
    let dereg = s.require(&["deregistration date"])?;
    let pc = s.require(&["setting address postcode"])?;
    for (n, r) in &s.rows {
        out.push(Provider {
            urn: urn(&s, *n, u, cell(r, u))?,
            la_name: text(cell(r, la)),
            place_codes: text(cell(r, place)),
            provider_codes: string_only(cell(r, provider)).replace('/', ","),
            reg_end: date(&s, *n, dereg, cell(r, dereg))?,
            postcode: string_only(cell(r, pc)),
            source: "Combined SCPCH List",
            infer_from: None,
        });
    }
    if book.names.len() == 1 {
        return Ok(());
    }
    // Supported accommodation: placement K3, provider PR4 unless given, and (as the
    // reference's column selection has it) no authority name. The reference stacks the two
    // sheets keeping each one's row numbers, then assigns the inferred authorities by row
    // number, so the k-th supported accommodation row gets the k-th row's authority; kept,
    // so the URN rules flag what the reference flags.
    let s = book.sheet("SA providers")?;
    let u = s.require(&["urn"])?;
    s.require(&["provider local authority"])?;
    let closed = s.require(&["closed date"])?;
    let pc = s.require(&["setting address postcode"])?;
    let provider = s.column(&["placement provider code"]);
    for (k, (n, r)) in s.rows.iter().enumerate() {
        out.push(Provider {
            urn: urn(&s, *n, u, cell(r, u))?,
            la_name: String::new(),
            place_codes: "K3".to_string(),
            provider_codes: match provider {
                Some(p) => string_only(cell(r, p)).replace('/', ","),
                None => "PR4".to_string(),
            },
            reg_end: date(&s, *n, closed, cell(r, closed))?,
            postcode: string_only(cell(r, pc)),
            source: "Combined SCPCH List",
            infer_from: Some(k),
        });
    }
    Ok(())
}
