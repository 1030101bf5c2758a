//! Columnar tables of raw cell text, as the DfE validators see a return: every value is a
//! string, an empty cell is missing, and typed views (dates, numbers) are parsed once per
//! column on first use and shared by every rule that asks.

use hashbrown::{DefaultHashBuilder, HashTable};
use model::Date;
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// One column: all cells' text in one buffer, so a 100,000-row column is two allocations.
#[derive(Default)]
pub struct Column {
    text: String,
    /// `ends[i]` is where row i's text ends in `text`; row i starts at `ends[i - 1]`.
    ends: Vec<u32>,
    dates: OnceLock<Vec<Option<Date>>>,
    iso_dates: OnceLock<Vec<Option<Date>>>,
    numbers: OnceLock<Vec<Option<f64>>>,
}

impl Column {
    pub fn push(&mut self, value: &str) {
        self.text.push_str(value);
        self.ends.push(self.text.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Gives back the spare capacity left by reading.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cell's text; `None` for an empty cell or a row past the end.
    pub fn str(&self, row: usize) -> Option<&str> {
        let end = *self.ends.get(row)? as usize;
        let start = if row == 0 {
            0
        } else {
            self.ends[row - 1] as usize
        };
        (end > start).then(|| &self.text[start..end])
    }

    /// The cell's text, or "" when missing: for comparisons where missing equals blank.
    pub fn text(&self, row: usize) -> &str {
        self.str(row).unwrap_or("")
    }

    pub fn is_present(&self, row: usize) -> bool {
        self.str(row).is_some()
    }

    /// The cell as a `dd/mm/yyyy` date, the only form the 903 validator accepts
    /// (`pd.to_datetime(format="%d/%m/%Y", errors="coerce")`).
    pub fn date(&self, row: usize) -> Option<Date> {
        self.dates().get(row).copied().flatten()
    }

    pub fn dates(&self) -> &[Option<Date>] {
        self.dates.get_or_init(|| {
            (0..self.len())
                .map(|r| self.str(r).and_then(parse_dmy))
                .collect()
        })
    }

    /// The cell as a `yyyy-mm-dd` date, the form of the CIN census XML (whose validator
    /// parses every date column with `pd.to_datetime(errors="coerce")`).
    pub fn iso_date(&self, row: usize) -> Option<Date> {
        self.iso_dates().get(row).copied().flatten()
    }

    pub fn iso_dates(&self) -> &[Option<Date>] {
        self.iso_dates.get_or_init(|| {
            (0..self.len())
                .map(|r| self.str(r).and_then(parse_iso))
                .collect()
        })
    }

    /// The cell as a number (`pd.to_numeric(errors="coerce")`).
    pub fn number(&self, row: usize) -> Option<f64> {
        self.numbers().get(row).copied().flatten()
    }

    pub fn numbers(&self) -> &[Option<f64>] {
        self.numbers.get_or_init(|| {
            (0..self.len())
                .map(|r| self.str(r).and_then(|s| s.trim().parse::<f64>().ok()))
                .map(|n| n.filter(|n| n.is_finite()))
                .collect()
        })
    }
}

/// `%d/%m/%Y` as Python's strptime reads it: one- or two-digit day and month, a four-digit
/// year, nothing else around it; and, as pandas, only within the range of its timestamps
/// (22/09/1677 to 11/04/2262): anything else is "not a date" to the validator.
pub fn parse_dmy(s: &str) -> Option<Date> {
    let d = parse_dmy_any(s)?;
    (Date::ymd(1677, 9, 22)..=Date::ymd(2262, 4, 11))
        .contains(&d)
        .then_some(d)
}

fn parse_dmy_any(s: &str) -> Option<Date> {
    let mut parts = s.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let digits = |p: &str, min: usize, max: usize| {
        (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(d, 1, 2) && digits(m, 1, 2) && digits(y, 4, 4)) {
        return None;
    }
    Date::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `yyyy-mm-dd`, optionally followed by a time (`T…` or ` …`, ignored), within pandas'
/// timestamp range; surrounding whitespace is allowed, as pandas strips it.
pub fn parse_iso(s: &str) -> Option<Date> {
    let s = s.trim();
    let date = s.split(['T', ' ']).next()?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let digits = |p: &str, min: usize, max: usize| {
        (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4, 4) && digits(m, 1, 2) && digits(d, 1, 2)) {
        return None;
    }
    let d = Date::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    (Date::ymd(1677, 9, 22)..=Date::ymd(2262, 4, 11))
        .contains(&d)
        .then_some(d)
}

/// A table: named columns of equal length, in input order (row 0 is the first data row).
pub struct Table {
    names: Vec<String>,
    columns: Vec<Column>,
    rows: usize,
    /// The column naming the child: `CHILD` (903) unless set (CIN's `LAchildID`).
    child_column: &'static str,
    by_child: OnceLock<ChildIndex>,
}

/// A table's rows grouped by child: each child's rows in input order, children in order of
/// first appearance. One buffer of row numbers and one hash table of group numbers, so a
/// return of 100,000 children costs a few bytes per row rather than an allocation per child.
#[derive(Default)]
pub struct ChildIndex {
    /// The children's IDs, one after another; `key_ends[g]` ends child g's.
    keys: String,
    key_ends: Vec<u32>,
    /// Child g's rows are `rows[starts[g]..starts[g + 1]]`.
    starts: Vec<u32>,
    rows: Vec<u32>,
    /// The rows with no child ID, in input order.
    without_child: Vec<u32>,
    lookup: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl ChildIndex {
    fn build<'a>(ids: impl Iterator<Item = Option<&'a str>>) -> ChildIndex {
        let mut ix = ChildIndex::default();
        let mut group_of: Vec<u32> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        for id in ids {
            let Some(id) = id else {
                ix.without_child.push(group_of.len() as u32);
                group_of.push(u32::MAX);
                continue;
            };
            let hash = ix.hasher.hash_one(id);
            let found = ix.lookup.find(hash, |&g| ix.key(g) == id).copied();
            let g = match found {
                Some(g) => g,
                None => {
                    let g = ix.key_ends.len() as u32;
                    ix.keys.push_str(id);
                    ix.key_ends.push(ix.keys.len() as u32);
                    counts.push(0);
                    let (keys, ends, hasher) = (&ix.keys, &ix.key_ends, &ix.hasher);
                    ix.lookup
                        .insert_unique(hash, g, |&g| hasher.hash_one(key_of(keys, ends, g)));
                    g
                }
            };
            counts[g as usize] += 1;
            group_of.push(g);
        }
        // Counting sort of the rows by group, keeping input order within each.
        ix.starts = Vec::with_capacity(counts.len() + 1);
        let mut next = 0u32;
        for c in &counts {
            ix.starts.push(next);
            next += c;
        }
        ix.starts.push(next);
        let mut fill: Vec<u32> = ix.starts[..counts.len()].to_vec();
        ix.rows = vec![0; next as usize];
        for (row, &g) in group_of.iter().enumerate() {
            if g != u32::MAX {
                ix.rows[fill[g as usize] as usize] = row as u32;
                fill[g as usize] += 1;
            }
        }
        ix
    }

    fn key(&self, g: u32) -> &str {
        key_of(&self.keys, &self.key_ends, g)
    }

    fn group(&self, g: u32) -> &[u32] {
        let (from, to) = (self.starts[g as usize], self.starts[g as usize + 1]);
        &self.rows[from as usize..to as usize]
    }

    /// The rows of one child, if it has any.
    pub fn get(&self, child: &str) -> Option<&[u32]> {
        let hash = self.hasher.hash_one(child);
        let g = *self.lookup.find(hash, |&g| self.key(g) == child)?;
        Some(self.group(g))
    }

    /// The rows with no child ID (which pandas merges on the ID match with each other).
    pub fn without_child(&self) -> &[u32] {
        &self.without_child
    }

    pub fn contains_key(&self, child: &str) -> bool {
        self.get(child).is_some()
    }

    /// Number of children.
    pub fn len(&self) -> usize {
        self.key_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.key_ends.is_empty()
    }

    /// Each child with its rows, children in order of first appearance.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u32])> + '_ {
        (0..self.len() as u32).map(|g| (self.key(g), self.group(g)))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len() as u32).map(|g| self.key(g))
    }

    pub fn values(&self) -> impl Iterator<Item = &[u32]> + '_ {
        (0..self.len() as u32).map(|g| self.group(g))
    }
}

fn key_of<'k>(keys: &'k str, ends: &[u32], g: u32) -> &'k str {
    let end = ends[g as usize] as usize;
    let start = if g == 0 {
        0
    } else {
        ends[g as usize - 1] as usize
    };
    &keys[start..end]
}

impl<'a> IntoIterator for &'a ChildIndex {
    type Item = (&'a str, &'a [u32]);
    type IntoIter = Box<dyn Iterator<Item = (&'a str, &'a [u32])> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

static MISSING: OnceLock<Column> = OnceLock::new();

impl Table {
    pub fn new(names: Vec<String>) -> Table {
        let columns = names.iter().map(|_| Column::default()).collect();
        Table {
            names,
            columns,
            rows: 0,
            child_column: "CHILD",
            by_child: OnceLock::new(),
        }
    }

    /// Names the column that identifies the child, for `by_child` and `rows_of`.
    pub fn with_child_column(mut self, name: &'static str) -> Table {
        self.child_column = name;
        self.by_child = OnceLock::new();
        self
    }

    pub fn child_column(&self) -> &'static str {
        self.child_column
    }

    /// Builds a table from rows of cells (tests, fuzzing, XML input).
    pub fn from_rows<R: AsRef<[S]>, S: AsRef<str>>(names: &[&str], rows: &[R]) -> Table {
        let mut t = Table::new(names.iter().map(|s| s.to_string()).collect());
        for r in rows {
            t.push_row(r.as_ref().iter().map(|s| s.as_ref()));
        }
        t
    }

    /// Appends a row; missing trailing cells are empty, extra cells are dropped.
    pub fn push_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        let mut cells = cells.into_iter();
        for c in &mut self.columns {
            c.push(cells.next().unwrap_or(""));
        }
        self.rows += 1;
    }

    /// Gives back the spare capacity left by reading, once all rows are in.
    pub fn shrink_to_fit(&mut self) {
        self.columns.iter_mut().for_each(Column::shrink_to_fit);
    }

    /// Adds (or replaces) a derived column.
    pub fn set_column(&mut self, name: &str, values: impl IntoIterator<Item = String>) {
        let mut col = Column::default();
        for v in values.into_iter().take(self.rows) {
            col.push(&v);
        }
        while col.len() < self.rows {
            col.push("");
        }
        match self.names.iter().position(|n| n == name) {
            Some(i) => self.columns[i] = col,
            None => {
                self.names.push(name.to_string());
                self.columns.push(col);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    pub fn rows(&self) -> std::ops::Range<usize> {
        0..self.rows
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// The named column, if the table has it.
    pub fn try_col(&self, name: &str) -> Option<&Column> {
        let i = self.names.iter().position(|n| n == name)?;
        Some(&self.columns[i])
    }

    /// The named column; a column the table lacks reads as all-missing, so a rule never
    /// has to handle its absence (the reader guarantees each table's standard columns).
    pub fn col(&self, name: &str) -> &Column {
        match self.names.iter().position(|n| n == name) {
            Some(i) => &self.columns[i],
            None => MISSING.get_or_init(Column::default),
        }
    }

    /// Row numbers of each child (the `CHILD` column unless set otherwise), in input order;
    /// rows without one are left out.
    pub fn by_child(&self) -> &ChildIndex {
        self.by_child.get_or_init(|| {
            let child = self.col(self.child_column);
            ChildIndex::build(self.rows().map(|r| child.str(r)))
        })
    }

    /// The rows of one child (empty when the child has none).
    pub fn rows_of(&self, child: &str) -> &[u32] {
        self.by_child().get(child).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_dates_and_numbers() {
        let t = Table::from_rows(
            &["CHILD", "DOB", "N"],
            &[
                ["1", "01/02/2020", "3"],
                ["2", "2020-02-01", "x"],
                ["", "1/2/2020", ""],
            ],
        );
        assert_eq!(t.len(), 3);
        assert_eq!(t.col("CHILD").str(2), None);
        assert_eq!(t.col("DOB").date(0), Some(Date::ymd(2020, 2, 1)));
        assert_eq!(t.col("DOB").date(1), None);
        assert_eq!(t.col("DOB").date(2), Some(Date::ymd(2020, 2, 1)));
        assert_eq!(t.col("N").number(0), Some(3.0));
        assert_eq!(t.col("N").number(1), None);
        assert_eq!(t.col("NOPE").str(0), None);
        assert_eq!(t.rows_of("1"), &[0]);
        assert!(t.rows_of("3").is_empty());
    }

    #[test]
    fn rows_grouped_by_child_in_first_appearance_order() {
        let t = Table::from_rows(&["CHILD"], &[["B"], ["A"], [""], ["B"], ["C"], ["A"]]);
        let ix = t.by_child();
        let groups: Vec<(&str, &[u32])> = ix.iter().collect();
        assert_eq!(
            groups,
            [("B", &[0, 3][..]), ("A", &[1, 5][..]), ("C", &[4][..])]
        );
        assert_eq!(
            (ix.len(), ix.get("A"), ix.get("Z")),
            (3, Some(&[1, 5][..]), None)
        );
        assert_eq!(ix.keys().collect::<Vec<_>>(), ["B", "A", "C"]);
        assert_eq!(ix.without_child(), &[2]);
        assert!(Table::from_rows(&["CHILD"], &[[""]]).by_child().is_empty());
    }

    #[test]
    fn strict_day_month_year() {
        for bad in [
            "31/02/2020",
            "01/02/20",
            "01-02-2020",
            "01/02/2020/1",
            "a/b/c",
            "01/13/2020",
        ] {
            assert_eq!(parse_dmy(bad), None, "{bad}");
        }
        assert!(parse_dmy("22/09/1677").is_some() && parse_dmy("11/04/2262").is_some());
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso("2026-03-31"), Some(Date::ymd(2026, 3, 31)));
        assert_eq!(parse_iso(" 2026-3-1T00:00:00"), Some(Date::ymd(2026, 3, 1)));
        for bad in ["31/03/2026", "2026-02-30", "2026-03", "26-03-31", "x"] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }
}
