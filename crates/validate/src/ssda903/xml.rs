//! The 903 XML return read into the validator's tables, as its XML reader builds them:
//! each child's leaf elements form one record (a later tag overrides an earlier one), and
//! episodes, reviews, missing episodes, OC2, permanence and adoption placements are that
//! record overlaid with their own leaves. SWEpisodes and DoLo are not in the XML.

use super::{InputError, T};
use crate::table::Table;
use hashbrown::HashMap;
use quick_xml::events::Event;
use std::path::Path;

struct Node {
    tag: String,
    text: Option<String>,
    children: Vec<Node>,
}

fn parse(path: &Path, text: &str) -> Result<Node, InputError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let err = |pos: u64, message: String| InputError::Xml {
        path: path.into(),
        line: 1 + text.as_bytes()[..(pos as usize).min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        message,
    };
    let mut stack: Vec<Node> = vec![Node {
        tag: String::new(),
        text: None,
        children: Vec::new(),
    }];
    loop {
        let pos = reader.buffer_position();
        match reader.read_event() {
            Err(e) => return Err(err(pos, e.to_string())),
            Ok(Event::Start(s)) => stack.push(Node {
                tag: String::from_utf8_lossy(s.local_name().as_ref()).into_owned(),
                text: None,
                children: Vec::new(),
            }),
            Ok(Event::Empty(s)) => {
                let node = Node {
                    tag: String::from_utf8_lossy(s.local_name().as_ref()).into_owned(),
                    text: None,
                    children: Vec::new(),
                };
                stack.last_mut().expect("root").children.push(node);
            }
            Ok(Event::Text(t)) => {
                let s = t.unescape().map_err(|e| err(pos, e.to_string()))?;
                if let Some(top) = stack.last_mut() {
                    if !s.trim().is_empty() || top.text.is_some() {
                        top.text.get_or_insert_with(String::new).push_str(&s);
                    }
                }
            }
            Ok(Event::CData(t)) => {
                if let Some(top) = stack.last_mut() {
                    let s = String::from_utf8_lossy(&t).into_owned();
                    top.text.get_or_insert_with(String::new).push_str(&s);
                }
            }
            Ok(Event::End(_)) => {
                let node = stack.pop().expect("balanced");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return Err(err(pos, "unbalanced end tag".into())),
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(err(text.len() as u64, "unclosed element".into()));
    }
    let mut top = stack.pop().expect("root");
    match top.children.len() {
        1 => Ok(top.children.pop().expect("one")),
        n => Err(err(0, format!("expected one root element, found {n}"))),
    }
}

/// Leaf elements below `node`, in document order, with the validator's renames.
fn leaves<'a>(node: &'a Node, out: &mut HashMap<&'a str, Option<&'a str>>) {
    for c in &node.children {
        if c.children.is_empty() {
            let tag = match c.tag.as_str() {
                "CHILDID" => "CHILD",
                "PL" => "PLACE",
                t => t,
            };
            out.insert(tag, c.text.as_deref());
        } else {
            leaves(c, out);
        }
    }
}

/// A child's record overlaid with one part's own leaves.
fn overlay<'a>(
    record: &HashMap<&'a str, Option<&'a str>>,
    node: &'a Node,
) -> HashMap<&'a str, Option<&'a str>> {
    let mut r = record.clone();
    leaves(node, &mut r);
    r
}

pub(super) fn read(path: &Path, text: &str, last: bool) -> Result<Vec<(T, Table)>, InputError> {
    let root = parse(path, text)?;
    let kinds = [
        T::Header,
        T::Episodes,
        T::Uasc,
        T::Reviews,
        T::Oc2,
        T::Oc3,
        T::Ad1,
        T::PlacedAdoption,
        T::PrevPerm,
        T::Missing,
    ];
    let mut tables: Vec<(T, Table)> = kinds
        .iter()
        .map(|&t| {
            let mut cols: Vec<String> = t.columns().iter().map(|s| s.to_string()).collect();
            if t == T::Header {
                cols.push("UASC".into());
            }
            (t, Table::new(cols))
        })
        .collect();
    let mut push = |t: T, record: &HashMap<&str, Option<&str>>| {
        let (_, table) = tables.iter_mut().find(|(k, _)| *k == t).expect("kind");
        let cells: Vec<String> = table
            .names()
            .iter()
            .map(|n| {
                record
                    .get(n.as_str())
                    .copied()
                    .flatten()
                    .unwrap_or("")
                    .to_uppercase()
            })
            .collect();
        table.push_row(cells.iter().map(String::as_str));
    };
    for child in &root.children {
        let mut record = HashMap::new();
        leaves(child, &mut record);
        push(T::Header, &record);
        for (tag, t) in [
            ("UASC", T::Uasc),
            ("IN_TOUCH", T::Oc3),
            ("DATE_INT", T::Ad1),
        ] {
            if record.get(tag).copied().flatten().is_some() {
                push(t, &record);
            }
        }
        for part in &child.children {
            match part.tag.as_str() {
                "EPISODE" => push(T::Episodes, &overlay(&record, part)),
                "HEADER" => {
                    for sub in &part.children {
                        let t = match sub.tag.as_str() {
                            "AREVIEW" => T::Reviews,
                            "AMISSING" => T::Missing,
                            "OC2" => T::Oc2,
                            "PERMANENCE" => T::PrevPerm,
                            "AD_PLACED" => T::PlacedAdoption,
                            _ => continue,
                        };
                        push(t, &overlay(&record, sub));
                    }
                }
                _ => {}
            }
        }
    }
    Ok(tables
        .into_iter()
        .map(|(t, table)| (if last { t.last() } else { t }, table))
        .collect())
}
