//! The CIN census XML read into the validator's tables, the way its reader flattens it:
//! one table row per block, in document order; each block's values are its direct child
//! elements' text; `CINdetailsID`, `AssessmentID` and `CPPID` are counters from 1 within
//! the parent (they are not in the XML). Values are kept as written (no upper-casing).

use super::{Tables, T};
use quick_xml::events::Event;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum XmlError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}, line {line}: XML: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: no <{element}> element under the root")]
    Missing {
        path: PathBuf,
        element: &'static str,
    },
}

struct Node {
    tag: String,
    /// Text before the first child element, as ElementTree's `.text`; `None` when empty.
    text: Option<String>,
    children: Vec<Node>,
}

impl Node {
    fn new(tag: &[u8]) -> Node {
        Node {
            tag: String::from_utf8_lossy(tag).into_owned(),
            text: None,
            children: Vec::new(),
        }
    }

    /// The first direct child with this tag (ElementTree's `find`).
    fn find(&self, tag: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.tag == tag)
    }

    fn find_all<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.tag == tag)
    }

    /// The text of the first direct child with this tag.
    fn value(&self, tag: &str) -> Option<&str> {
        self.find(tag).and_then(|c| c.text.as_deref())
    }
}

fn parse(path: &Path, text: &str) -> Result<Node, XmlError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let err = |pos: u64, message: String| XmlError::Syntax {
        path: path.into(),
        line: 1 + text.as_bytes()[..(pos as usize).min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        message,
    };
    let mut stack = vec![Node::new(b"")];
    loop {
        let pos = reader.buffer_position();
        match reader.read_event() {
            Err(e) => return Err(err(pos, e.to_string())),
            Ok(Event::Start(s)) => stack.push(Node::new(s.local_name().as_ref())),
            Ok(Event::Empty(s)) => {
                let node = Node::new(s.local_name().as_ref());
                stack.last_mut().expect("root").children.push(node);
            }
            Ok(Event::Text(t)) => {
                let s = t.unescape().map_err(|e| err(pos, e.to_string()))?;
                let top = stack.last_mut().expect("root");
                // Only text before the first child element counts, as in ElementTree.
                if top.children.is_empty() && !s.trim().is_empty() {
                    top.text.get_or_insert_with(String::new).push_str(&s);
                }
            }
            Ok(Event::CData(t)) => {
                let top = stack.last_mut().expect("root");
                if top.children.is_empty() {
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

/// Reads a CIN census XML file.
pub fn read_xml(path: &Path) -> Result<Tables, XmlError> {
    let text = std::fs::read_to_string(path).map_err(|source| XmlError::Io {
        path: path.into(),
        source,
    })?;
    read_xml_str(path, &text)
}

/// The tables from XML text; `path` only names the source in errors.
pub fn read_xml_str(path: &Path, text: &str) -> Result<Tables, XmlError> {
    let root = parse(path, text)?;
    let mut out = Tables::default();
    let header = root.find("Header").ok_or_else(|| XmlError::Missing {
        path: path.into(),
        element: "Header",
    })?;
    let details = header.find("CollectionDetails");
    let source = header.find("Source");
    fn from<'n>(n: Option<&'n Node>, tag: &str) -> &'n str {
        n.and_then(|n| n.value(tag)).unwrap_or("")
    }
    out.get_mut(T::Header).push_row([
        from(details, "Collection"),
        from(details, "Year"),
        from(details, "ReferenceDate"),
        from(source, "SourceLevel"),
        from(source, "LEA"),
        from(source, "SoftwareCode"),
        from(source, "Release"),
        from(source, "SerialNo"),
        from(source, "DateTime"),
    ]);
    let Some(children) = root.find("Children") else {
        return Ok(out);
    };
    for child in children.find_all("Child") {
        read_child(child, &mut out);
    }
    Ok(out)
}

/// A row of `t` from a block: ids first (as given), then the block's own values.
fn push(out: &mut Tables, t: T, ids: &[&str], block: Option<&Node>) {
    push_with(out, t, ids, block, ("", ""));
}

/// As `push`, with one column's value given (`(column, value)`).
fn push_with(out: &mut Tables, t: T, ids: &[&str], block: Option<&Node>, given: (&str, &str)) {
    let cols = t.columns();
    let cells: Vec<&str> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| match ids.get(i) {
            Some(id) => id,
            None if *c == given.0 => given.1,
            None => block.and_then(|b| b.value(c)).unwrap_or(""),
        })
        .collect();
    out.get_mut(t).push_row(cells);
}

fn read_child(child: &Node, out: &mut Tables) {
    let identifiers = child.find("ChildIdentifiers");
    let id = identifiers.and_then(|n| n.value("LAchildID")).unwrap_or("");
    push(out, T::ChildIdentifiers, &[], identifiers);
    let characteristics = child.find("ChildCharacteristics");
    push(out, T::ChildCharacteristics, &[id], characteristics);
    if let Some(list) = characteristics.and_then(|c| c.find("Disabilities")) {
        for d in &list.children {
            out.get_mut(T::Disabilities)
                .push_row([id, d.text.as_deref().unwrap_or("")]);
        }
    }
    let mut details_id = String::new();
    for (n, detail) in child.find_all("CINdetails").enumerate() {
        details_id = (n + 1).to_string();
        let d = details_id.as_str();
        push(out, T::CinDetails, &[id, d], Some(detail));
        for (a, assessment) in detail.find_all("Assessments").enumerate() {
            let a = (a + 1).to_string();
            let factors: Vec<&str> = assessment
                .find("FactorsIdentifiedAtAssessment")
                .map(|f| {
                    f.children
                        .iter()
                        .map(|c| c.text.as_deref().unwrap_or(""))
                        .collect()
                })
                .unwrap_or_default();
            for f in &factors {
                out.get_mut(T::AssessmentFactorsList)
                    .push_row([id, d, a.as_str(), f]);
            }
            // The validator keeps a Python list here (so comparing it with one code never
            // matches); we keep the codes comma-separated.
            let joined = factors.join(",");
            push_with(
                out,
                T::Assessments,
                &[id, d, &a],
                Some(assessment),
                ("AssessmentFactors", &joined),
            );
        }
        for plan in detail.find_all("CINPlanDates") {
            push(out, T::CinPlanDates, &[id, d], Some(plan));
        }
        for s47 in detail.find_all("Section47") {
            push(out, T::Section47, &[id, d], Some(s47));
        }
        read_plans(detail, id, d, out);
    }
    // The validator also looks for plans and reviews directly under the child, numbering
    // them under the child's last CIN episode; schema-valid returns have none.
    read_plans(child, id, &details_id, out);
    for review in child.find_all("Reviews") {
        if review.find("CPPreviewDate").is_some() {
            push(out, T::Reviews, &[id, &details_id, "0"], Some(review));
        }
    }
}

fn read_plans(parent: &Node, id: &str, details_id: &str, out: &mut Tables) {
    for (p, plan) in parent.find_all("ChildProtectionPlans").enumerate() {
        let p = (p + 1).to_string();
        push(
            out,
            T::ChildProtectionPlans,
            &[id, details_id, &p],
            Some(plan),
        );
        for review in plan.find_all("Reviews") {
            if review.find("CPPreviewDate").is_some() {
                push(out, T::Reviews, &[id, details_id, &p], Some(review));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_like_the_validator() {
        let xml = r#"<Message><Header><CollectionDetails><Year>2026</Year>
            <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>
            <Children><Child>
              <ChildIdentifiers><LAchildID>A</LAchildID><Sex>F</Sex></ChildIdentifiers>
              <ChildCharacteristics><Ethnicity>WBRI</Ethnicity>
                <Disabilities><Disability>MOB</Disability><Disability>HAND</Disability></Disabilities>
              </ChildCharacteristics>
              <CINdetails><CINreferralDate>2025-05-01</CINreferralDate>
                <Assessments><AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>
                  <FactorsIdentifiedAtAssessment><AssessmentFactors>1A</AssessmentFactors>
                  <AssessmentFactors>2B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
                <Assessments/>
              </CINdetails>
              <CINdetails><CINreferralDate>2025-09-01</CINreferralDate>
                <ChildProtectionPlans><CPPstartDate>2025-09-10</CPPstartDate>
                  <Reviews><CPPreviewDate>2025-10-01</CPPreviewDate></Reviews><Reviews/></ChildProtectionPlans>
              </CINdetails>
            </Child></Children></Message>"#;
        let t = read_xml_str(Path::new("t.xml"), xml).unwrap();
        assert_eq!(t.reference_date(), Some(model::Date::ymd(2026, 3, 31)));
        assert_eq!(t.get(T::Disabilities).len(), 2);
        let d = t.get(T::CinDetails);
        assert_eq!((d.len(), d.col("CINdetailsID").text(1)), (2, "2"));
        let a = t.get(T::Assessments);
        assert_eq!(a.len(), 2);
        assert_eq!(a.col("AssessmentFactors").text(0), "1A,2B");
        assert_eq!(a.col("AssessmentID").text(1), "2");
        assert!(!a.col("AssessmentFactors").is_present(1));
        assert_eq!(t.get(T::AssessmentFactorsList).len(), 2);
        let p = t.get(T::ChildProtectionPlans);
        assert_eq!(
            (p.col("CINdetailsID").text(0), p.col("CPPID").text(0)),
            ("2", "1")
        );
        // Reviews without a CPPreviewDate are not rows.
        assert_eq!(t.get(T::Reviews).len(), 1);
        assert_eq!(t.get(T::Reviews).col("LAchildID").text(0), "A");
    }
}
