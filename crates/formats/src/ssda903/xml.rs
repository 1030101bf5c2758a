//! SSDA903 as one XML file, in the layout the reference validator reads
//! (`csc-data-spec.md` §3.2): `EXPSSDA903/CHILD/HEADER` with the child's own items and its
//! reviews, missing periods, OC2, previous permanence and adoption decisions, and
//! `CHILD/EPISODE` per episode. Social worker episodes and DoLOs have no place in that layout;
//! Sightline writes them as `CHILD/SWEPISODE` and `CHILD/DOLO` and reads them back.

use std::collections::HashMap;

use model::CollectionYear;

use super::*;
use crate::xml::{parse, Cursor, XmlOut};

struct Out {
    x: XmlOut,
    year: CollectionYear,
}

impl Out {
    fn open(&mut self, name: &str) {
        self.x.open(name);
    }
    fn close(&mut self, name: &str) {
        self.x.close(name);
    }
    /// Writes a row's cells as leaf elements, skipping `skip` columns and blanks; the XML tags
    /// differ from the CSV columns only for `CHILD` (`CHILDID`) and `PLACE` (`PL`).
    fn cells<R: Row>(&mut self, row: &R, skip: &[&str]) {
        for (col, value) in R::COLUMNS.iter().zip(row.cells(self.year)) {
            if skip.contains(col) || value.is_empty() {
                continue;
            }
            self.x.leaf(xml_tag(col), &value);
        }
    }
    fn group<R: Row>(&mut self, tag: &str, row: &R, skip: &[&str]) {
        self.open(tag);
        self.cells(row, skip);
        self.close(tag);
    }
}

fn xml_tag(col: &str) -> &str {
    match col {
        "CHILD" => "CHILDID",
        "PLACE" => "PL",
        c => c,
    }
}

fn get<'a, R>(m: &HashMap<&str, Vec<&'a R>>, k: &str) -> Vec<&'a R> {
    m.get(k).cloned().unwrap_or_default()
}

fn by_child<R: Row>(rows: &[R]) -> HashMap<&str, Vec<&R>> {
    let mut m: HashMap<&str, Vec<&R>> = HashMap::new();
    for r in rows {
        m.entry(r.child()).or_default().push(r);
    }
    m
}

const PER_CHILD: &[&str] = &["CHILD", "DOB", "SEX"];

/// Writes the return as one XML file.
pub fn write_xml(ret: &Return903) -> Vec<u8> {
    let mut o = Out {
        x: XmlOut::new(),
        year: ret.year,
    };
    let episodes = by_child(&ret.episodes);
    let reviews = by_child(&ret.reviews);
    let uasc = by_child(&ret.uasc);
    let oc2 = by_child(&ret.oc2);
    let oc3 = by_child(&ret.oc3);
    let ad1 = by_child(&ret.ad1);
    let placed = by_child(&ret.placed_adoption);
    let prev = by_child(&ret.prev_perm);
    let missing = by_child(&ret.missing);
    let sw = by_child(&ret.sw_episodes);
    let dolo = by_child(&ret.dolo);
    o.open("EXPSSDA903");
    for h in &ret.header {
        let c = h.child.as_str();
        o.open("CHILD");
        o.open("HEADER");
        o.cells(h, &[]);
        for u in get(&uasc, c) {
            o.x.leaf("UASC", "1");
            o.cells(u, PER_CHILD);
        }
        for r in get(&oc3, c) {
            o.cells(r, PER_CHILD);
        }
        for r in get(&ad1, c) {
            o.cells(r, PER_CHILD);
        }
        for r in get(&reviews, c) {
            o.group("AREVIEW", r, PER_CHILD);
        }
        for r in get(&missing, c) {
            o.group("AMISSING", r, PER_CHILD);
        }
        for r in get(&prev, c) {
            o.group("PERMANENCE", r, PER_CHILD);
        }
        for r in get(&oc2, c) {
            o.group("OC2", r, PER_CHILD);
        }
        for r in get(&placed, c) {
            o.group("AD_PLACED", r, PER_CHILD);
        }
        o.close("HEADER");
        for e in get(&episodes, c) {
            o.group("EPISODE", e, PER_CHILD);
        }
        for s in get(&sw, c) {
            o.group("SWEPISODE", s, PER_CHILD);
        }
        for d in get(&dolo, c) {
            o.group("DOLO", d, PER_CHILD);
        }
        o.close("CHILD");
    }
    o.close("EXPSSDA903");
    o.x.finish()
}

/// Leaf elements of a node, by CSV column name.
fn leaves<'a>(c: &Cursor<'a>) -> HashMap<String, (String, u64)> {
    c.node
        .children
        .iter()
        .filter(|n| n.children.is_empty())
        .map(|n| {
            let col = match n.name.as_str() {
                "CHILDID" => "CHILD".to_string(),
                "PL" => "PLACE".to_string(),
                other => other.to_string(),
            };
            (col, (n.text.trim().to_string(), n.line))
        })
        .collect()
}

fn row_from<R: Row>(
    file: &str,
    at: &Cursor,
    own: &HashMap<String, (String, u64)>,
    child: &HashMap<String, (String, u64)>,
) -> Result<R, ReadError> {
    let get = |col: &str| {
        own.get(col)
            .or_else(|| PER_CHILD.contains(&col).then(|| child.get(col)).flatten())
            .map(|(v, _)| v.clone())
    };
    R::from_cells(&get).map_err(|(col, expected)| {
        let line = own.get(&col).map_or(at.node.line, |(_, l)| *l);
        ReadError {
            file: file.to_string(),
            line: Some(line),
            column: Some(format!("{}/{}", at.path, xml_tag(&col))),
            value: get(&col).filter(|v| !v.is_empty()),
            expected: format!("{expected} ({} table)", R::TABLE),
        }
    })
}

const HEADER_ITEMS: &[&str] = &[
    "CHILDID",
    "SEX",
    "DOB",
    "ETHNIC",
    "UPN",
    "MOTHER",
    "MC_DOB",
    "UASC",
    "DUC",
    "IN_TOUCH",
    "ACTIV",
    "ACCOM",
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
    "AREVIEW",
    "AMISSING",
    "PERMANENCE",
    "OC2",
    "AD_PLACED",
];

fn group_items<R: Row>() -> Vec<&'static str> {
    R::COLUMNS
        .iter()
        .filter(|c| !PER_CHILD.contains(c))
        .map(|c| xml_tag(c))
        .collect()
}

/// Reads every `tag` group under `parent` as a row of `R`, taking the child's own items from
/// the header.
fn groups<R: Row>(
    file: &str,
    parent: &Cursor,
    tag: &str,
    items: &HashMap<String, (String, u64)>,
    out: &mut Vec<R>,
) -> Result<(), ReadError> {
    let allowed = group_items::<R>();
    for g in parent.all(tag) {
        g.only(&allowed)?;
        out.push(row_from(file, &g, &leaves(&g), items)?);
    }
    Ok(())
}

/// Reads a 903 XML file for `year`.
pub fn read_xml(file: &str, bytes: &[u8], year: CollectionYear) -> Result<Return903, ReadError> {
    let root = parse(file, bytes)?;
    let top = Cursor::root(file, &root);
    if root.name != "EXPSSDA903" {
        return Err(top.error(format!(
            "an SSDA903 XML file, whose root element is <EXPSSDA903> (found <{}>)",
            root.name
        )));
    }
    top.only(&["CHILD"])?;
    let mut ret = Return903::empty(year);
    for c in top.all("CHILD") {
        c.only(&["HEADER", "EPISODE", "SWEPISODE", "DOLO"])?;
        let h = c.one("HEADER")?;
        h.only(HEADER_ITEMS)?;
        let items = leaves(&h);
        let none = HashMap::new();
        ret.header.push(row_from(file, &h, &items, &none)?);
        let has = |cols: &[&str]| {
            cols.iter()
                .any(|k| items.get(*k).is_some_and(|(v, _)| !v.is_empty()))
        };
        if items.get("UASC").is_some_and(|(v, _)| v == "1") || has(&["DUC"]) {
            ret.uasc.push(row_from(file, &h, &items, &items)?);
        }
        if has(&["IN_TOUCH", "ACTIV", "ACCOM"]) {
            ret.oc3.push(row_from(file, &h, &items, &items)?);
        }
        if has(&[
            "DATE_INT",
            "DATE_MATCH",
            "FOSTER_CARE",
            "NB_ADOPTR",
            "SEX_ADOPTR",
            "LS_ADOPTR",
        ]) {
            ret.ad1.push(row_from(file, &h, &items, &items)?);
        }
        groups(file, &h, "AREVIEW", &items, &mut ret.reviews)?;
        groups(file, &h, "AMISSING", &items, &mut ret.missing)?;
        groups(file, &h, "PERMANENCE", &items, &mut ret.prev_perm)?;
        groups(file, &h, "OC2", &items, &mut ret.oc2)?;
        groups(file, &h, "AD_PLACED", &items, &mut ret.placed_adoption)?;
        groups(file, &c, "EPISODE", &items, &mut ret.episodes)?;
        groups(file, &c, "SWEPISODE", &items, &mut ret.sw_episodes)?;
        groups(file, &c, "DOLO", &items, &mut ret.dolo)?;
    }
    Ok(ret)
}
