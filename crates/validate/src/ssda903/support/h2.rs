//! Helpers written with the rules of group 2; move any that another group also needs
//! into `mod.rs`.

use super::{Ctx, T};
use crate::table::{Column, Table};
use hashbrown::HashMap;

/// A cell as pandas `astype(str)` shows it: a missing cell reads "nan".
pub fn pd_str(col: &Column, row: usize) -> &str {
    col.str(row).unwrap_or("nan")
}

/// A child's rows ordered by a date column as pandas `sort_values` leaves them: valid dates
/// ascending (ties in input order), then the rows whose date is missing or invalid (NaT) in
/// input order.
pub fn sorted_by_date(table: &Table, rows: &[u32], column: &str) -> Vec<u32> {
    let col = table.col(column);
    let mut out = rows.to_vec();
    out.sort_by_key(|&r| match col.date(r as usize) {
        Some(d) => (0u8, Some(d)),
        None => (1u8, None),
    });
    out
}

/// Flags Header rows whose `column` differs, by `differ(this year's column, row, last
/// year's column, row)`, from that of any of the child's rows in last year's Header (a left
/// merge on CHILD; children new this year pass).
pub fn differs_from_last(
    cx: &Ctx,
    f: &mut crate::engine::Flags<T>,
    column: &str,
    differ: fn(&Column, usize, &Column, usize) -> bool,
) {
    let (h, last) = (cx.t(T::Header), cx.t(T::HeaderLast));
    let (child, col, col_last) = (h.col("CHILD"), h.col(column), last.col(column));
    for r in h.rows() {
        let Some(c) = child.str(r) else { continue };
        if last
            .rows_of(c)
            .iter()
            .any(|&l| differ(col, r, col_last, l as usize))
        {
            f.flag(T::Header, r);
        }
    }
}

/// The Ofsted provider lookup's rows by URN.
pub fn provider_rows<'a>(cx: &Ctx<'a>) -> HashMap<&'a str, Vec<usize>> {
    let p = cx.t(T::ProviderInfo);
    let urn = p.col("URN");
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for r in p.rows() {
        if let Some(u) = urn.str(r) {
            out.entry(u).or_default().push(r);
        }
    }
    out
}

/// An episode URN that names a provider: given and not the `XXXXXXX` placeholder.
pub fn real_urn(urn: Option<&str>) -> Option<&str> {
    urn.filter(|u| *u != "XXXXXXX")
}

/// The UASC indicator per child as the 205 rules see it: from a Header table (its `UASC`
/// column), or, when that Header is absent, built from the UASC table ("1" when any column
/// other than CHILD and DOB is filled). `header_rows` is true when the rows are Header rows
/// (which the rules then flag).
pub struct UascView<'a> {
    pub header_rows: bool,
    pub table: &'a Table,
    /// The Header's UASC column, or the UASC table's columns other than CHILD and DOB.
    cols: Vec<&'a Column>,
}

/// `None` when the rule has nothing to compare (neither table, or a Header without UASC).
pub fn uasc_view<'a>(cx: &Ctx<'a>, header: T, uasc: T) -> Option<UascView<'a>> {
    if let Some(h) = cx.get(header) {
        if !h.has("UASC") {
            return None;
        }
        return Some(UascView {
            header_rows: true,
            table: h,
            cols: vec![h.col("UASC")],
        });
    }
    let u = cx.get(uasc)?;
    let cols = u
        .names()
        .iter()
        .filter(|n| *n != "CHILD" && *n != "DOB")
        .map(|n| u.col(n))
        .collect();
    Some(UascView {
        header_rows: false,
        table: u,
        cols,
    })
}

impl<'a> UascView<'a> {
    /// The child's UASC indicator on one row of the view's table.
    pub fn flag(&self, row: usize) -> Option<&'a str> {
        if self.header_rows {
            self.cols.first().and_then(|c| c.str(row))
        } else if self.cols.iter().any(|c| c.is_present(row)) {
            Some("1")
        } else {
            Some("0")
        }
    }

    /// The (UASC value, row) pairs a left merge on CHILD gives: the child's rows, or one
    /// all-missing row.
    pub fn matches(&self, child: &str) -> Vec<(Option<&'a str>, Option<u32>)> {
        let rows = self.table.rows_of(child);
        if rows.is_empty() {
            return vec![(None, None)];
        }
        rows.iter()
            .map(|&r| (self.flag(r as usize), Some(r)))
            .collect()
    }
}

/// One row of the 205A-C rules' merge: a current UASC row, the child's Header row (when the
/// Header is loaded), and one of the child's rows of last year's UASC table (with last year's
/// indicator).
pub struct UascPair<'a> {
    pub uasc_row: usize,
    pub header_row: Option<usize>,
    pub flag: Option<&'a str>,
    pub last_row: Option<usize>,
    pub flag_last: Option<&'a str>,
}

/// Walks the 205A-C merge: each UASC row × the child's Header rows × the child's rows of last
/// year's UASC table × last year's Header rows (left merges, so a missing side is one
/// all-missing row). Calls `each` with every combination and returns nothing when the rule
/// has nothing to compare: XML input without both Headers, or a Header without UASC.
pub fn uasc_pairs<'a>(cx: &Ctx<'a>, mut each: impl FnMut(UascPair<'a>)) {
    if cx.format == crate::ssda903::FileFormat::Xml
        && (cx.get(T::Header).is_none() || cx.get(T::HeaderLast).is_none())
    {
        return;
    }
    let (Some(cur), Some(last)) = (
        uasc_view(cx, T::Header, T::Uasc),
        uasc_view(cx, T::HeaderLast, T::UascLast),
    ) else {
        return;
    };
    let (u, ul) = (cx.t(T::Uasc), cx.t(T::UascLast));
    for (child, rows) in u.by_child() {
        let cur_matches = cur.matches(child);
        let mut last_matches: Vec<(Option<usize>, Option<&str>)> = Vec::new();
        for &l in ul.rows_of(child) {
            for (flag, _) in last.matches(child) {
                last_matches.push((Some(l as usize), flag));
            }
        }
        if last_matches.is_empty() {
            last_matches.push((None, None));
        }
        for &r in rows {
            for &(flag, hr) in &cur_matches {
                for &(last_row, flag_last) in &last_matches {
                    each(UascPair {
                        uasc_row: r as usize,
                        header_row: if cur.header_rows {
                            hr.map(|h| h as usize)
                        } else {
                            None
                        },
                        flag,
                        last_row,
                        flag_last,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The shared day-first parser on the forms this group's rules (234) meet.
    use crate::ssda903::support::h6::parse_dayfirst_date;
    use model::Date;

    #[test]
    fn dayfirst_forms() {
        let d = Some(Date::ymd(2015, 2, 1));
        for s in [
            "01/02/2015",
            "1/2/2015",
            "1/2/15",
            "01-02-2015",
            "01.02.2015",
            "2015-02-01",
            "2015/02/01",
            "20150201",
            "01/02/2015 00:00:00",
            "2015-02-01T00:00:00",
            "1 FEB 2015",
            "FEB 1 2015",
            " 01/02/2015",
        ] {
            assert_eq!(parse_dayfirst_date(s), d, "{s}");
        }
        assert_eq!(
            parse_dayfirst_date("01/13/2015"),
            Some(Date::ymd(2015, 1, 13))
        );
        for s in [
            "13/13/2015",
            "31/02/2015",
            "X",
            "",
            "12",
            "01/02/2015X",
            "NAN",
        ] {
            assert_eq!(parse_dayfirst_date(s), None, "{s}");
        }
        assert_eq!(parse_dayfirst_date("2015"), Some(Date::ymd(2015, 1, 1)));
        assert_eq!(parse_dayfirst_date("1/2/99"), Some(Date::ymd(1999, 2, 1)));
    }
}

#[cfg(test)]
mod timing {
    /// Times each group-2 rule on a large return (`H2_BIG=dir` with `cur`/`last`).
    #[test]
    #[ignore]
    fn time_rules() {
        use crate::ssda903::{self, Ctx, FileFormat, Tables};
        let Ok(dir) = std::env::var("H2_BIG") else {
            return;
        };
        let mut t = Tables::default();
        ssda903::read_csv_dir(std::path::Path::new(&format!("{dir}/cur")), false, &mut t)
            .expect("read");
        ssda903::read_csv_dir(std::path::Path::new(&format!("{dir}/last")), true, &mut t)
            .expect("read");
        t.derive_header_uasc();
        let cx = Ctx::new(&t, 2026, Some("E09000027"), FileFormat::Csv);
        for r in ssda903::pack(2026) {
            let s = std::time::Instant::now();
            let _ = ssda903::run_rule(r, &cx);
            eprintln!("{} {:?}", r.code, s.elapsed());
        }
    }
}
