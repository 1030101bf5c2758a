//! SSDA903 as one XML file, in the layout the reference validator reads
//! (`csc-data-spec.md` §3.2): `EXPSSDA903/CHILD/HEADER` with the child's own items and its
//! reviews, missing periods, OC2, previous permanence and adoption decisions, and
//! `CHILD/EPISODE` per episode. Social worker episodes and DoLOs have no place in that layout;
//! Sightline writes them as `CHILD/SWEPISODE` and `CHILD/DOLO` and reads them back.

use std::collections::HashMap;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use model::CollectionYear;

use super::*;
use crate::xml::{parse, Cursor};

struct Out {
    w: Writer<Vec<u8>>,
    year: CollectionYear,
}

impl Out {
    // Writing into a Vec cannot fail.
    fn event(&mut self, e: Event<'_>) {
        self.w.write_event(e).expect("writing XML to memory");
    }
    fn open(&mut self, name: &str) {
        self.event(Event::Start(BytesStart::new(name)));
    }
    fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }
    /// Writes a row's cells as leaf elements, skipping `skip` columns and blanks; the XML tags
    /// differ from the CSV columns only for `CHILD` (`CHILDID`) and `PLACE` (`PL`).
    fn cells<R: Row>(&mut self, row: &R, skip: &[&str]) {
        for (col, value) in R::COLUMNS.iter().zip(row.cells(self.year)) {
            if skip.contains(col) || value.is_empty() {
                continue;
            }
            let tag = xml_tag(col);
            self.open(tag);
            self.event(Event::Text(BytesText::new(&value)));
            self.close(tag);
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
        w: Writer::new_with_indent(Vec::with_capacity(1 << 20), b' ', 2),
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
    o.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    o.open("EXPSSDA903");
    for h in &ret.header {
        let c = h.child.as_str();
        o.open("CHILD");
        o.open("HEADER");
        o.cells(h, &[]);
        for u in get(&uasc, c) {
            o.open("UASC");
            o.event(Event::Text(BytesText::new("1")));
            o.close("UASC");
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
    let mut bytes = o.w.into_inner();
    bytes.push(b'\n');
    bytes
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
        for g in h.all("AREVIEW") {
            g.only(&group_items::<ReviewRow>())?;
            ret.reviews.push(row_from(file, &g, &leaves(&g), &items)?);
        }
        for g in h.all("AMISSING") {
            g.only(&group_items::<MissingRow>())?;
            ret.missing.push(row_from(file, &g, &leaves(&g), &items)?);
        }
        for g in h.all("PERMANENCE") {
            g.only(&group_items::<PrevPermRow>())?;
            ret.prev_perm.push(row_from(file, &g, &leaves(&g), &items)?);
        }
        for g in h.all("OC2") {
            g.only(&group_items::<Oc2Row>())?;
            ret.oc2.push(row_from(file, &g, &leaves(&g), &items)?);
        }
        for g in h.all("AD_PLACED") {
            g.only(&group_items::<PlacedAdoptionRow>())?;
            ret.placed_adoption
                .push(row_from(file, &g, &leaves(&g), &items)?);
        }
        for g in c.all("EPISODE") {
            g.only(&group_items::<EpisodeRow>())?;
            ret.episodes.push(row_from(file, &g, &leaves(&g), &items)?);
        }
        for g in c.all("SWEPISODE") {
            g.only(&group_items::<SwEpisodeRow>())?;
            ret.sw_episodes
                .push(row_from(file, &g, &leaves(&g), &items)?);
        }
        for g in c.all("DOLO") {
            g.only(&group_items::<DoloRow>())?;
            ret.dolo.push(row_from(file, &g, &leaves(&g), &items)?);
        }
    }
    Ok(ret)
}
