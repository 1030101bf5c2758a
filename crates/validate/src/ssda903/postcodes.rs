//! The three Episodes columns the DfE's 903 validator derives from postcodes before any rule
//! runs: `PL_LA` (the placement's upper-tier authority, or SCO/WAL/NIR), `PL_LOCATION` (IN
//! or OUT of the reporting authority) and `PL_DISTANCE` (miles from home to placement).
//!
//! The lookup is a CSV the user supplies (Sightline ships no postcode data), one row per
//! postcode, header names matched ignoring case, spaces and punctuation:
//!
//! | column | names accepted | holds |
//! |---|---|---|
//! | postcode | `postcode`, `pcd`, `pcds`, `pcd2`, `pcd7`, `pcd8` | the postcode, spaces anywhere |
//! | authority | `utla`, `utla21cd`, `utla22cd`, … | the upper-tier authority code (E06, E08, E09, E10, W06); for other places any code of the area (S12…, N09…, L99…) or blank |
//! | or instead | `laua`, `oslaua`, `ltla`, `lad`, `lad25cd`, … (ONS) | the district code, mapped to its upper-tier authority as the reference does |
//! | easting | `easting`, `oseast1m`, `east1m` | OS grid easting in metres, blank when unknown |
//! | northing | `northing`, `osnrth1m`, `north1m` | OS grid northing in metres, blank when unknown |
//!
//! So the ONS Postcode Directory's own CSV (ONSPD/NSPD) can be given as it is, and
//! `scripts/export_postcodes.py` writes the reference validator's data in this form.
//!
//! The reference knows authorities only through its 2021 table (`qlacref_authorities`,
//! embedded below): a code outside it (a 2023 unitary such as E06000063, the Channel Islands'
//! L99999999, any Scottish or Northern Irish code) gives no `PL_LA` and no inferred provider
//! authority, although the postcode still counts as placed OUT and still gives a distance.

use super::{Tables, T};
use hashbrown::{HashMap, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum PostcodeError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}, line {line}: {message}")]
    Csv {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{path}: no {wanted} column (expected one of: {accepted}; found: {found})")]
    MissingColumn {
        path: PathBuf,
        wanted: &'static str,
        accepted: &'static str,
        found: String,
    },
    #[error("{path}, line {line}, column {column}: {value:?} is not a number (expected metres on the OS grid, or blank)")]
    BadNumber {
        path: PathBuf,
        line: u64,
        column: String,
        value: String,
    },
    #[error("{path}, line {line}, column {column}: postcode {value:?} is also on line {first}")]
    Duplicate {
        path: PathBuf,
        line: u64,
        column: String,
        value: String,
        first: u64,
    },
}

/// What one authority code means to the validator.
#[derive(Debug)]
struct Area {
    /// The upper-tier authority, when the reference's table knows it: (code, name).
    utla: Option<(&'static str, &'static str)>,
    /// SCO, WAL or NIR for a code of those countries (the reference reads its first letter).
    country: Option<&'static str>,
}

/// One postcode: its authority (an index into `Postcodes::areas`, `NO_AREA` when blank) and
/// grid reference (NaN when unknown).
#[derive(Clone, Copy, Debug)]
struct Place {
    area: u32,
    line: u32,
    east: f64,
    north: f64,
}

const NO_AREA: u32 = u32::MAX;

/// A postcode lookup, keyed by the postcode upper-cased with its spaces removed.
#[derive(Debug, Default)]
pub struct Postcodes {
    /// Postcodes of up to eight bytes (all real ones), packed into a `u64`; sorted.
    packed: Vec<(u64, Place)>,
    /// Anything longer, which no real postcode is, but a user's file may hold.
    other: HashMap<Box<str>, Place>,
    areas: Vec<Area>,
}

/// The lookup key the reference matches on: upper case, spaces (only spaces) removed.
pub fn normalise(postcode: &str) -> String {
    postcode.to_uppercase().replace(' ', "")
}

/// Up to seven bytes and their count in one `u64` (real postcodes have five to seven).
fn pack(key: &str) -> Option<u64> {
    let b = key.as_bytes();
    (b.len() <= 7)
        .then(|| b.iter().fold(0u64, |acc, &x| (acc << 8) | x as u64) | (b.len() as u64) << 56)
}

/// Header names, compared as lower-case letters and digits only.
fn header_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `prefix` alone, or followed by a two-digit year and `cd` (`utla21cd`, `lad25cd`).
fn named(key: &str, prefix: &str) -> bool {
    key.strip_prefix(prefix).is_some_and(|rest| {
        rest.is_empty()
            || (rest.len() == 4
                && rest.ends_with("cd")
                && rest[..2].bytes().all(|b| b.is_ascii_digit()))
    })
}

const POSTCODE_NAMES: &str = "postcode, pcd, pcds, pcd2, pcd7, pcd8";
const AUTHORITY_NAMES: &str = "utla, utla21cd (…), laua, oslaua, ltla, lad, lad25cd (…)";
const EASTING_NAMES: &str = "easting, oseast1m, east1m";
const NORTHING_NAMES: &str = "northing, osnrth1m, north1m";

impl Postcodes {
    /// Reads a lookup CSV (see the module documentation for its columns).
    pub fn from_path(path: &Path) -> Result<Postcodes, PostcodeError> {
        let file = std::fs::File::open(path).map_err(|e| PostcodeError::Io {
            path: path.into(),
            source: e,
        })?;
        Postcodes::from_reader(path, std::io::BufReader::new(file))
    }

    /// Reads a lookup CSV from `reader`; `path` names it in errors.
    pub fn from_reader(
        path: &Path,
        reader: impl std::io::Read,
    ) -> Result<Postcodes, PostcodeError> {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let csv_err = |e: csv::Error| PostcodeError::Csv {
            path: path.into(),
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        };
        let names: Vec<String> = rdr
            .headers()
            .map_err(csv_err)?
            .iter()
            .map(str::to_string)
            .collect();
        let keys: Vec<String> = names
            .iter()
            .map(|n| header_key(n.trim_start_matches('\u{feff}')))
            .collect();
        let find = |pred: &dyn Fn(&str) -> bool, wanted, accepted| {
            keys.iter()
                .position(|k| pred(k))
                .ok_or_else(|| PostcodeError::MissingColumn {
                    path: path.into(),
                    wanted,
                    accepted,
                    found: names.join(", "),
                })
        };
        let pc = find(
            &|k| matches!(k, "postcode" | "pcd" | "pcds" | "pcd2" | "pcd7" | "pcd8"),
            "postcode",
            POSTCODE_NAMES,
        )?;
        let east = find(
            &|k| matches!(k, "easting" | "oseast1m" | "east1m"),
            "easting",
            EASTING_NAMES,
        )?;
        let north = find(
            &|k| matches!(k, "northing" | "osnrth1m" | "north1m"),
            "northing",
            NORTHING_NAMES,
        )?;
        // An upper-tier column is used as it is; a district column goes through the table.
        let (auth, district) = match find(&|k| named(k, "utla"), "authority", AUTHORITY_NAMES) {
            Ok(i) => (i, false),
            Err(_) => {
                let is_district =
                    |k: &str| matches!(k, "laua" | "oslaua") || named(k, "ltla") || named(k, "lad");
                (find(&is_district, "authority", AUTHORITY_NAMES)?, true)
            }
        };

        let mut out = Postcodes::default();
        let mut area_ids: HashMap<String, u32> = HashMap::new();
        let mut record = csv::StringRecord::new();
        let mut key = String::new();
        while rdr.read_record(&mut record).map_err(csv_err)? {
            let line = record.position().map_or(0, |p| p.line());
            let cell = |i: usize| record.get(i).unwrap_or("").trim();
            key.clear();
            key.extend(
                cell(pc)
                    .chars()
                    .filter(|&c| c != ' ')
                    .flat_map(char::to_uppercase),
            );
            if key.is_empty() {
                continue;
            }
            let number = |i: usize| -> Result<f64, PostcodeError> {
                let v = cell(i);
                if v.is_empty() {
                    return Ok(f64::NAN);
                }
                v.parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .ok_or_else(|| PostcodeError::BadNumber {
                        path: path.into(),
                        line,
                        column: names[i].clone(),
                        value: v.to_string(),
                    })
            };
            let code = cell(auth);
            let area = if code.is_empty() {
                NO_AREA
            } else if let Some(&id) = area_ids.get(code) {
                id
            } else {
                let id = out.areas.len() as u32;
                out.areas.push(Area::of(code, district));
                area_ids.insert(code.to_string(), id);
                id
            };
            let place = Place {
                area,
                line: line.min(u32::MAX as u64) as u32,
                east: number(east)?,
                north: number(north)?,
            };
            match pack(&key) {
                Some(k) => out.packed.push((k, place)),
                None => {
                    if let Some(first) = out.other.insert(key.as_str().into(), place) {
                        return Err(out.duplicate(path, &names[pc], &key, first.line, line));
                    }
                }
            }
        }
        out.packed.sort_unstable_by_key(|(k, _)| *k);
        if let Some(w) = out.packed.windows(2).find(|w| w[0].0 == w[1].0) {
            let (a, b) = (w[0].1.line.min(w[1].1.line), w[0].1.line.max(w[1].1.line));
            return Err(out.duplicate(path, &names[pc], &unpack(w[0].0), a, b as u64));
        }
        Ok(out)
    }

    fn duplicate(
        &self,
        path: &Path,
        column: &str,
        key: &str,
        first: u32,
        line: u64,
    ) -> PostcodeError {
        PostcodeError::Duplicate {
            path: path.into(),
            line,
            column: column.to_string(),
            value: key.to_string(),
            first: first as u64,
        }
    }

    /// How many postcodes the lookup holds.
    pub fn len(&self) -> usize {
        self.packed.len() + self.other.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A postcode already normalised (see [`normalise`]).
    fn place(&self, key: &str) -> Option<&Place> {
        match pack(key) {
            Some(k) => self
                .packed
                .binary_search_by_key(&k, |(k, _)| *k)
                .ok()
                .map(|i| &self.packed[i].1),
            None => self.other.get(key),
        }
    }

    fn area(&self, p: &Place) -> Option<&Area> {
        self.areas.get(p.area as usize)
    }

    /// The upper-tier authority (code, name) a provider's postcode lies in, as the reference
    /// infers `LA_CODE_INFERRED` and `LA_NAME_INFERRED`.
    pub fn authority_of(&self, postcode: &str) -> Option<(&'static str, &'static str)> {
        let p = self.place(&normalise(postcode))?;
        self.area(p)?.utla
    }
}

fn unpack(k: u64) -> String {
    let len = (k >> 56) as usize;
    (0..len)
        .rev()
        .map(|i| ((k >> (8 * i)) & 0xff) as u8 as char)
        .collect()
}

impl Area {
    fn of(code: &str, district: bool) -> Area {
        let utla = if district {
            district_utla(code)
        } else {
            utla(code)
        };
        // The reference tests the district code's first letter; S, W and N are shared by the
        // upper-tier codes of those countries.
        let country = match code.chars().next().map(|c| c.to_ascii_uppercase()) {
            Some('S') => Some("SCO"),
            Some('N') => Some("NIR"),
            Some('W') => Some("WAL"),
            _ => None,
        };
        Area { utla, country }
    }
}

/// An upper-tier authority of the reference's table, with its name.
fn utla(code: &str) -> Option<(&'static str, &'static str)> {
    UTLA21
        .binary_search_by_key(&code, |(c, _)| c)
        .ok()
        .map(|i| UTLA21[i])
}

/// The upper-tier authority of a district, as the reference's LTLA21 → UTLA21 table maps it.
fn district_utla(code: &str) -> Option<(&'static str, &'static str)> {
    if let Ok(i) = LTLA21_IN_COUNTY.binary_search_by_key(&code, |(c, _)| c) {
        return utla(LTLA21_IN_COUNTY[i].1);
    }
    // Unitary, metropolitan, London and Welsh districts are their own upper tier; counties
    // are not districts.
    utla(code).filter(|_| !LTLA21_IN_COUNTY.iter().any(|(_, county)| *county == code))
}

/// Adds `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` to Episodes and Episodes_last, as the
/// reference does for a return from authority `la` (its `localAuthority`, e.g. E09000027):
///
/// * postcodes are matched upper-cased with spaces removed (other white space stays);
/// * `PL_LA` is the placement postcode's upper-tier authority, SCO/WAL/NIR for a postcode in
///   Scotland, Wales or Northern Ireland, blank when the postcode or its authority is unknown;
/// * `PL_LOCATION` is IN when `PL_LA` is `la`, OUT otherwise (SCO/WAL/NIR too), blank when
///   the placement postcode is unknown or has no authority;
/// * `PL_DISTANCE` is the straight line between the two postcodes' grid references in
///   metres, / 1000 / 1.6093, rounded to one decimal (halves to even, as numpy), blank when
///   either postcode or grid reference is unknown.
///
/// One quirk is kept: the reference loads its data one first letter at a time, for the
/// letters each column starts with, so a postcode typed with a leading space only matches
/// when some earlier value (provider postcodes, then HOME_POST, PL_POST, in that order)
/// began with its letter.
pub fn derive(tables: &mut Tables, la: &str, postcodes: &Postcodes) {
    tables.postcode_lookup = true;
    let mut loaded: HashSet<char> = HashSet::new();
    if let Some(p) = tables.get(T::ProviderInfo) {
        let pc = p.col("POSTCODE");
        loaded.extend(p.rows().filter_map(|r| pc.str(r)?.chars().next()));
    }
    for t in [T::Episodes, T::EpisodesLast] {
        let Some(mut table) = tables.remove(t) else {
            continue;
        };
        let home = lookups(&table, "HOME_POST", postcodes, &mut loaded);
        let placed = lookups(&table, "PL_POST", postcodes, &mut loaded);
        let areas: Vec<Option<&Area>> = placed
            .iter()
            .map(|p| p.and_then(|p| postcodes.area(p)))
            .collect();
        let pl_la = areas.iter().map(|a| match a {
            Some(a) => a.country.or(a.utla.map(|u| u.0)).unwrap_or("").to_string(),
            None => String::new(),
        });
        let pl_la: Vec<String> = pl_la.collect();
        let location = areas.iter().zip(&pl_la).map(|(a, code)| match a {
            None => "",
            Some(_) if !code.is_empty() && code == la => "IN",
            Some(_) => "OUT",
        });
        let location: Vec<String> = location.map(str::to_string).collect();
        let distance: Vec<String> = home
            .iter()
            .zip(&placed)
            .map(|(h, p)| match (h, p) {
                (Some(h), Some(p)) => miles(h, p).map_or(String::new(), |d| d.to_string()),
                _ => String::new(),
            })
            .collect();
        // Whether each postcode was found at all, for rule 392c.
        let found = |v: &[_]| -> Vec<String> {
            v.iter()
                .map(|p: &Option<_>| if p.is_some() { "1" } else { "" }.to_string())
                .collect()
        };
        let (home_found, placed_found) = (found(&home), found(&placed));
        table.set_column("PL_LA", pl_la);
        table.set_column("PL_LOCATION", location);
        table.set_column("PL_DISTANCE", distance);
        table.set_column(super::support::HOME_POST_FOUND, home_found);
        table.set_column(super::support::PL_POST_FOUND, placed_found);
        tables.insert(t, table);
    }
}

/// Each row's postcode in the lookup, after adding the column's first letters to `loaded`.
fn lookups<'p>(
    table: &crate::table::Table,
    column: &str,
    postcodes: &'p Postcodes,
    loaded: &mut HashSet<char>,
) -> Vec<Option<&'p Place>> {
    let col = table.col(column);
    let upper: Vec<Option<String>> = table
        .rows()
        .map(|r| col.str(r).map(str::to_uppercase))
        .collect();
    loaded.extend(upper.iter().flatten().filter_map(|v| v.chars().next()));
    upper
        .iter()
        .map(|v| {
            let key = v.as_deref()?.replace(' ', "");
            let first = key.chars().next()?;
            if loaded.contains(&first) {
                postcodes.place(&key)
            } else {
                None
            }
        })
        .collect()
}

/// The guidance's formula: metres on the OS grid to miles, rounded to 0.1 as numpy does.
fn miles(a: &Place, b: &Place) -> Option<f64> {
    let (dx, dy) = (a.east - b.east, a.north - b.north);
    let d = (dx * dx + dy * dy).sqrt() / 1000.0 / 1.6093;
    d.is_finite().then(|| (d * 10.0).round_ties_even() / 10.0)
}

/// Districts (LTLA21CD) that sit in a county (UTLA21CD); every other authority in
/// [`UTLA21`] is its own district. Sorted.
const LTLA21_IN_COUNTY: &[(&str, &str)] = &[
    ("E07000008", "E10000003"),
    ("E07000009", "E10000003"),
    ("E07000010", "E10000003"),
    ("E07000011", "E10000003"),
    ("E07000012", "E10000003"),
    ("E07000026", "E10000006"),
    ("E07000027", "E10000006"),
    ("E07000028", "E10000006"),
    ("E07000029", "E10000006"),
    ("E07000030", "E10000006"),
    ("E07000031", "E10000006"),
    ("E07000032", "E10000007"),
    ("E07000033", "E10000007"),
    ("E07000034", "E10000007"),
    ("E07000035", "E10000007"),
    ("E07000036", "E10000007"),
    ("E07000037", "E10000007"),
    ("E07000038", "E10000007"),
    ("E07000039", "E10000007"),
    ("E07000040", "E10000008"),
    ("E07000041", "E10000008"),
    ("E07000042", "E10000008"),
    ("E07000043", "E10000008"),
    ("E07000044", "E10000008"),
    ("E07000045", "E10000008"),
    ("E07000046", "E10000008"),
    ("E07000047", "E10000008"),
    ("E07000061", "E10000011"),
    ("E07000062", "E10000011"),
    ("E07000063", "E10000011"),
    ("E07000064", "E10000011"),
    ("E07000065", "E10000011"),
    ("E07000066", "E10000012"),
    ("E07000067", "E10000012"),
    ("E07000068", "E10000012"),
    ("E07000069", "E10000012"),
    ("E07000070", "E10000012"),
    ("E07000071", "E10000012"),
    ("E07000072", "E10000012"),
    ("E07000073", "E10000012"),
    ("E07000074", "E10000012"),
    ("E07000075", "E10000012"),
    ("E07000076", "E10000012"),
    ("E07000077", "E10000012"),
    ("E07000078", "E10000013"),
    ("E07000079", "E10000013"),
    ("E07000080", "E10000013"),
    ("E07000081", "E10000013"),
    ("E07000082", "E10000013"),
    ("E07000083", "E10000013"),
    ("E07000084", "E10000014"),
    ("E07000085", "E10000014"),
    ("E07000086", "E10000014"),
    ("E07000087", "E10000014"),
    ("E07000088", "E10000014"),
    ("E07000089", "E10000014"),
    ("E07000090", "E10000014"),
    ("E07000091", "E10000014"),
    ("E07000092", "E10000014"),
    ("E07000093", "E10000014"),
    ("E07000094", "E10000014"),
    ("E07000095", "E10000015"),
    ("E07000096", "E10000015"),
    ("E07000098", "E10000015"),
    ("E07000099", "E10000015"),
    ("E07000102", "E10000015"),
    ("E07000103", "E10000015"),
    ("E07000105", "E10000016"),
    ("E07000106", "E10000016"),
    ("E07000107", "E10000016"),
    ("E07000108", "E10000016"),
    ("E07000109", "E10000016"),
    ("E07000110", "E10000016"),
    ("E07000111", "E10000016"),
    ("E07000112", "E10000016"),
    ("E07000113", "E10000016"),
    ("E07000114", "E10000016"),
    ("E07000115", "E10000016"),
    ("E07000116", "E10000016"),
    ("E07000117", "E10000017"),
    ("E07000118", "E10000017"),
    ("E07000119", "E10000017"),
    ("E07000120", "E10000017"),
    ("E07000121", "E10000017"),
    ("E07000122", "E10000017"),
    ("E07000123", "E10000017"),
    ("E07000124", "E10000017"),
    ("E07000125", "E10000017"),
    ("E07000126", "E10000017"),
    ("E07000127", "E10000017"),
    ("E07000128", "E10000017"),
    ("E07000129", "E10000018"),
    ("E07000130", "E10000018"),
    ("E07000131", "E10000018"),
    ("E07000132", "E10000018"),
    ("E07000133", "E10000018"),
    ("E07000134", "E10000018"),
    ("E07000135", "E10000018"),
    ("E07000136", "E10000019"),
    ("E07000137", "E10000019"),
    ("E07000138", "E10000019"),
    ("E07000139", "E10000019"),
    ("E07000140", "E10000019"),
    ("E07000141", "E10000019"),
    ("E07000142", "E10000019"),
    ("E07000143", "E10000020"),
    ("E07000144", "E10000020"),
    ("E07000145", "E10000020"),
    ("E07000146", "E10000020"),
    ("E07000147", "E10000020"),
    ("E07000148", "E10000020"),
    ("E07000149", "E10000020"),
    ("E07000163", "E10000023"),
    ("E07000164", "E10000023"),
    ("E07000165", "E10000023"),
    ("E07000166", "E10000023"),
    ("E07000167", "E10000023"),
    ("E07000168", "E10000023"),
    ("E07000169", "E10000023"),
    ("E07000170", "E10000024"),
    ("E07000171", "E10000024"),
    ("E07000172", "E10000024"),
    ("E07000173", "E10000024"),
    ("E07000174", "E10000024"),
    ("E07000175", "E10000024"),
    ("E07000176", "E10000024"),
    ("E07000177", "E10000025"),
    ("E07000178", "E10000025"),
    ("E07000179", "E10000025"),
    ("E07000180", "E10000025"),
    ("E07000181", "E10000025"),
    ("E07000187", "E10000027"),
    ("E07000188", "E10000027"),
    ("E07000189", "E10000027"),
    ("E07000192", "E10000028"),
    ("E07000193", "E10000028"),
    ("E07000194", "E10000028"),
    ("E07000195", "E10000028"),
    ("E07000196", "E10000028"),
    ("E07000197", "E10000028"),
    ("E07000198", "E10000028"),
    ("E07000199", "E10000028"),
    ("E07000200", "E10000029"),
    ("E07000202", "E10000029"),
    ("E07000203", "E10000029"),
    ("E07000207", "E10000030"),
    ("E07000208", "E10000030"),
    ("E07000209", "E10000030"),
    ("E07000210", "E10000030"),
    ("E07000211", "E10000030"),
    ("E07000212", "E10000030"),
    ("E07000213", "E10000030"),
    ("E07000214", "E10000030"),
    ("E07000215", "E10000030"),
    ("E07000216", "E10000030"),
    ("E07000217", "E10000030"),
    ("E07000218", "E10000031"),
    ("E07000219", "E10000031"),
    ("E07000220", "E10000031"),
    ("E07000221", "E10000031"),
    ("E07000222", "E10000031"),
    ("E07000223", "E10000032"),
    ("E07000224", "E10000032"),
    ("E07000225", "E10000032"),
    ("E07000226", "E10000032"),
    ("E07000227", "E10000032"),
    ("E07000228", "E10000032"),
    ("E07000229", "E10000032"),
    ("E07000234", "E10000034"),
    ("E07000235", "E10000034"),
    ("E07000236", "E10000034"),
    ("E07000237", "E10000034"),
    ("E07000238", "E10000034"),
    ("E07000239", "E10000034"),
    ("E07000240", "E10000015"),
    ("E07000241", "E10000015"),
    ("E07000242", "E10000015"),
    ("E07000243", "E10000015"),
    ("E07000244", "E10000029"),
    ("E07000245", "E10000029"),
    ("E07000246", "E10000027"),
];

/// Upper-tier authorities (UTLA21CD, UTLA21NM) of the reference's `qlacref_authorities`. Sorted.
const UTLA21: &[(&str, &str)] = &[
    ("E06000001", "Hartlepool"),
    ("E06000002", "Middlesbrough"),
    ("E06000003", "Redcar and Cleveland"),
    ("E06000004", "Stockton-on-Tees"),
    ("E06000005", "Darlington"),
    ("E06000006", "Halton"),
    ("E06000007", "Warrington"),
    ("E06000008", "Blackburn with Darwen"),
    ("E06000009", "Blackpool"),
    ("E06000010", "Kingston upon Hull, City of"),
    ("E06000011", "East Riding of Yorkshire"),
    ("E06000012", "North East Lincolnshire"),
    ("E06000013", "North Lincolnshire"),
    ("E06000014", "York"),
    ("E06000015", "Derby"),
    ("E06000016", "Leicester"),
    ("E06000017", "Rutland"),
    ("E06000018", "Nottingham"),
    ("E06000019", "Herefordshire, County of"),
    ("E06000020", "Telford and Wrekin"),
    ("E06000021", "Stoke-on-Trent"),
    ("E06000022", "Bath and North East Somerset"),
    ("E06000023", "Bristol, City of"),
    ("E06000024", "North Somerset"),
    ("E06000025", "South Gloucestershire"),
    ("E06000026", "Plymouth"),
    ("E06000027", "Torbay"),
    ("E06000030", "Swindon"),
    ("E06000031", "Peterborough"),
    ("E06000032", "Luton"),
    ("E06000033", "Southend-on-Sea"),
    ("E06000034", "Thurrock"),
    ("E06000035", "Medway"),
    ("E06000036", "Bracknell Forest"),
    ("E06000037", "West Berkshire"),
    ("E06000038", "Reading"),
    ("E06000039", "Slough"),
    ("E06000040", "Windsor and Maidenhead"),
    ("E06000041", "Wokingham"),
    ("E06000042", "Milton Keynes"),
    ("E06000043", "Brighton and Hove"),
    ("E06000044", "Portsmouth"),
    ("E06000045", "Southampton"),
    ("E06000046", "Isle of Wight"),
    ("E06000047", "County Durham"),
    ("E06000049", "Cheshire East"),
    ("E06000050", "Cheshire West and Chester"),
    ("E06000051", "Shropshire"),
    ("E06000052", "Cornwall"),
    ("E06000053", "Isles of Scilly"),
    ("E06000054", "Wiltshire"),
    ("E06000055", "Bedford"),
    ("E06000056", "Central Bedfordshire"),
    ("E06000057", "Northumberland"),
    ("E06000058", "Bournemouth, Christchurch and Poole"),
    ("E06000059", "Dorset"),
    ("E06000060", "Buckinghamshire"),
    ("E06000061", "North Northamptonshire"),
    ("E06000062", "West Northamptonshire"),
    ("E08000001", "Bolton"),
    ("E08000002", "Bury"),
    ("E08000003", "Manchester"),
    ("E08000004", "Oldham"),
    ("E08000005", "Rochdale"),
    ("E08000006", "Salford"),
    ("E08000007", "Stockport"),
    ("E08000008", "Tameside"),
    ("E08000009", "Trafford"),
    ("E08000010", "Wigan"),
    ("E08000011", "Knowsley"),
    ("E08000012", "Liverpool"),
    ("E08000013", "St. Helens"),
    ("E08000014", "Sefton"),
    ("E08000015", "Wirral"),
    ("E08000016", "Barnsley"),
    ("E08000017", "Doncaster"),
    ("E08000018", "Rotherham"),
    ("E08000019", "Sheffield"),
    ("E08000021", "Newcastle upon Tyne"),
    ("E08000022", "North Tyneside"),
    ("E08000023", "South Tyneside"),
    ("E08000024", "Sunderland"),
    ("E08000025", "Birmingham"),
    ("E08000026", "Coventry"),
    ("E08000027", "Dudley"),
    ("E08000028", "Sandwell"),
    ("E08000029", "Solihull"),
    ("E08000030", "Walsall"),
    ("E08000031", "Wolverhampton"),
    ("E08000032", "Bradford"),
    ("E08000033", "Calderdale"),
    ("E08000034", "Kirklees"),
    ("E08000035", "Leeds"),
    ("E08000036", "Wakefield"),
    ("E08000037", "Gateshead"),
    ("E09000001", "City of London"),
    ("E09000002", "Barking and Dagenham"),
    ("E09000003", "Barnet"),
    ("E09000004", "Bexley"),
    ("E09000005", "Brent"),
    ("E09000006", "Bromley"),
    ("E09000007", "Camden"),
    ("E09000008", "Croydon"),
    ("E09000009", "Ealing"),
    ("E09000010", "Enfield"),
    ("E09000011", "Greenwich"),
    ("E09000012", "Hackney"),
    ("E09000013", "Hammersmith and Fulham"),
    ("E09000014", "Haringey"),
    ("E09000015", "Harrow"),
    ("E09000016", "Havering"),
    ("E09000017", "Hillingdon"),
    ("E09000018", "Hounslow"),
    ("E09000019", "Islington"),
    ("E09000020", "Kensington and Chelsea"),
    ("E09000021", "Kingston upon Thames"),
    ("E09000022", "Lambeth"),
    ("E09000023", "Lewisham"),
    ("E09000024", "Merton"),
    ("E09000025", "Newham"),
    ("E09000026", "Redbridge"),
    ("E09000027", "Richmond upon Thames"),
    ("E09000028", "Southwark"),
    ("E09000029", "Sutton"),
    ("E09000030", "Tower Hamlets"),
    ("E09000031", "Waltham Forest"),
    ("E09000032", "Wandsworth"),
    ("E09000033", "Westminster"),
    ("E10000003", "Cambridgeshire"),
    ("E10000006", "Cumbria"),
    ("E10000007", "Derbyshire"),
    ("E10000008", "Devon"),
    ("E10000011", "East Sussex"),
    ("E10000012", "Essex"),
    ("E10000013", "Gloucestershire"),
    ("E10000014", "Hampshire"),
    ("E10000015", "Hertfordshire"),
    ("E10000016", "Kent"),
    ("E10000017", "Lancashire"),
    ("E10000018", "Leicestershire"),
    ("E10000019", "Lincolnshire"),
    ("E10000020", "Norfolk"),
    ("E10000023", "North Yorkshire"),
    ("E10000024", "Nottinghamshire"),
    ("E10000025", "Oxfordshire"),
    ("E10000027", "Somerset"),
    ("E10000028", "Staffordshire"),
    ("E10000029", "Suffolk"),
    ("E10000030", "Surrey"),
    ("E10000031", "Warwickshire"),
    ("E10000032", "West Sussex"),
    ("E10000034", "Worcestershire"),
    ("W06000001", "Isle of Anglesey"),
    ("W06000002", "Gwynedd"),
    ("W06000003", "Conwy"),
    ("W06000004", "Denbighshire"),
    ("W06000005", "Flintshire"),
    ("W06000006", "Wrexham"),
    ("W06000008", "Ceredigion"),
    ("W06000009", "Pembrokeshire"),
    ("W06000010", "Carmarthenshire"),
    ("W06000011", "Swansea"),
    ("W06000012", "Neath Port Talbot"),
    ("W06000013", "Bridgend"),
    ("W06000014", "Vale of Glamorgan"),
    ("W06000015", "Cardiff"),
    ("W06000016", "Rhondda Cynon Taf"),
    ("W06000018", "Caerphilly"),
    ("W06000019", "Blaenau Gwent"),
    ("W06000020", "Torfaen"),
    ("W06000021", "Monmouthshire"),
    ("W06000022", "Newport"),
    ("W06000023", "Powys"),
    ("W06000024", "Merthyr Tydfil"),
];
