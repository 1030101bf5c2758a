//! The report reader: an Ofsted inspection report or visit letter (PDF or text) read into a
//! [`Report`]: LA, activity, dates, inspectors, judgements and grades, and the improvement
//! items. Layouts are those of spec §1.6 (SIF 2013–18, ILACS 2018, 2023 and 2026, focused and
//! monitoring visit letters). Anything not recognised is an error, never a guess.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{OfstedError, Result};
use crate::grade::{Era, Framework, Grade, Judgement};
use crate::register::{empty_inspection, Inspection, Item};
use crate::table::{parse_date, parse_range};

/// What the reader found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub la_name: String,
    pub activity: Framework,
    /// The judgement layout (graded reports only).
    pub era: Option<Era>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// "Report published" (SIF) or the letter's date; ILACS reports do not print it.
    pub published: Option<NaiveDate>,
    pub lead_inspector: Option<String>,
    pub team: Vec<String>,
    pub grades: BTreeMap<Judgement, Grade>,
    /// ILACS "What needs to improve", SIF "Areas for improvement" / "Recommendations",
    /// a visit letter's "What needs to improve in this area".
    pub improvements: Vec<Item>,
    /// SIF "Priority and immediate action"; a visit letter's "Areas for priority action".
    pub priority_actions: Vec<Item>,
    /// Things the reader noticed but did not change (e.g. a section heading whose grade
    /// differs from the judgement table).
    pub warnings: Vec<String>,
}

impl Report {
    pub fn to_inspection(&self, file: &str) -> Inspection {
        let mut i = empty_inspection(self.activity, file);
        i.la_name = self.la_name.clone();
        i.era = self.era;
        i.start = self.start;
        i.end = self.end;
        i.published = self.published;
        i.lead_inspector = self.lead_inspector.clone();
        i.team = self.team.clone();
        i.grades = self.grades.clone();
        i.improvements = self.improvements.clone();
        i.priority_actions = self.priority_actions.clone();
        i
    }
}

/// Reads a `.pdf` or `.txt` document (by its name's extension; other names are tried as PDF
/// when the bytes start `%PDF`, else as text).
pub fn read(file: &str, bytes: &[u8]) -> Result<Report> {
    let lower = file.to_lowercase();
    let text = if lower.ends_with(".pdf") || bytes.starts_with(b"%PDF") {
        pdf_text(file, bytes)?
    } else {
        String::from_utf8(bytes.to_vec()).map_err(|_| OfstedError::Unreadable {
            file: file.to_string(),
            why: "not UTF-8 text (give a .pdf name if it is a PDF)".into(),
        })?
    };
    read_text(file, &text)
}

/// The text of a PDF, page by page. pdf-extract can panic on damaged files: that is an
/// error here, not a crash.
pub fn pdf_text(file: &str, bytes: &[u8]) -> Result<String> {
    let bytes = bytes.to_vec();
    let r = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&bytes));
    let text = match r {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => {
            return Err(OfstedError::Unreadable {
                file: file.to_string(),
                why: format!("not a readable PDF ({e})"),
            })
        }
        Err(_) => {
            return Err(OfstedError::Unreadable {
                file: file.to_string(),
                why: "the PDF is damaged (the PDF reader failed on it)".into(),
            })
        }
    };
    if text.split_whitespace().count() < 20 {
        return Err(OfstedError::Unreadable {
            file: file.to_string(),
            why: "the PDF has no text layer (a scanned image?); it cannot be read".into(),
        });
    }
    Ok(text)
}

/// Bullet glyphs: '◼' (2022+), Wingdings in the private-use area (2018–19: U+F06E, U+F0A7,
/// U+F0B7), '•' and '▪'. Sub-bullets ('' U+F02D) become "-".
fn clean_line(l: &str) -> String {
    let mut s = String::with_capacity(l.len());
    for ch in l.chars() {
        match ch {
            '\u{f02d}' => s.push('-'),
            '◼' | '•' | '▪' | '■' | '●' | '\u{f06e}' | '\u{f0a7}' | '\u{f0b7}' | '\u{f0fc}' => {
                s.push('•')
            }
            c if ('\u{e000}'..='\u{f8ff}').contains(&c) => s.push('•'),
            '\u{a0}' | '\u{202f}' | '\t' => s.push(' '),
            '‘' | '’' => s.push('\''),
            c => s.push(c),
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines with running page headers, page numbers and blank lines removed.
fn lines(text: &str) -> Vec<String> {
    let raw: Vec<String> = text.lines().map(clean_line).collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &raw {
        *counts.entry(l.as_str()).or_default() += 1;
    }
    let header = |l: &str| {
        // "Inspection of X local authority children's services" at the top of each page.
        (l.starts_with("Inspection of") && l.ends_with("children's services") && counts[l] >= 2)
            // "27 June to 1 July 2022 2": the dates and the page number.
            || l.rsplit_once(' ').is_some_and(|(d, n)| {
                n.bytes().all(|b| b.is_ascii_digit()) && parse_range(d).is_some_and(|_| {
                    d.split_whitespace().count() <= 8
                })
            })
    };
    raw.iter()
        .filter(|l| !l.is_empty() && !l.bytes().all(|b| b.is_ascii_digit()) && !header(l))
        .cloned()
        .collect()
}

fn unrecognised(file: &str, why: &str) -> OfstedError {
    OfstedError::Unrecognised {
        file: file.to_string(),
        why: why.to_string(),
    }
}

/// Reads a document's text.
pub fn read_text(file: &str, text: &str) -> Result<Report> {
    let ls = lines(text);
    if ls.is_empty() {
        return Err(unrecognised(file, "the document is empty"));
    }
    let head: String = ls.iter().take(40).cloned().collect::<Vec<_>>().join(" ");
    let lower = head.to_lowercase();
    // The title decides: graded reports put it in their first lines; letters open with
    // Ofsted's address, the date and the addressee, so their title comes later.
    let top: String = ls
        .iter()
        .take(12)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let activity = if lower.contains("re-inspection of services for children") {
        Framework::SifReinspection
    } else if lower.contains("inspection of services for children in need") {
        Framework::Sif
    } else if (top.contains("local authority children's services")
        || top.contains("inspection of children's social care services"))
        && top.contains("inspection date")
    {
        Framework::Ilacs
    } else if lower.contains("focused visit to") {
        Framework::FocusedVisit
    } else if lower.contains("monitoring visit to") {
        Framework::MonitoringVisit
    } else if lower.contains("joint targeted area inspection of") {
        Framework::Jtai
    } else {
        return Err(unrecognised(
            file,
            "no title of an ILACS or SIF report, or of a focused visit, monitoring visit or JTAI letter, in its first lines",
        ));
    };
    let mut r = Report {
        la_name: String::new(),
        activity,
        era: None,
        start: None,
        end: None,
        published: None,
        lead_inspector: None,
        team: vec![],
        grades: BTreeMap::new(),
        improvements: vec![],
        priority_actions: vec![],
        warnings: vec![],
    };
    if activity.is_sif() {
        read_sif(file, &ls, &mut r)?;
    } else if activity == Framework::Ilacs {
        read_ilacs(file, &ls, &mut r)?;
    } else {
        read_letter(file, &ls, &mut r)?;
    }
    if r.la_name.is_empty() {
        return Err(unrecognised(
            file,
            "the local authority's name was not found",
        ));
    }
    Ok(r)
}

/// The text after `label` on the first line starting with it (and the next line when that
/// one is empty after the label).
fn field<'a>(ls: &'a [String], label: &str) -> Option<(usize, &'a str)> {
    ls.iter().enumerate().find_map(|(i, l)| {
        let rest = l.strip_prefix(label)?;
        Some((i, rest.trim()))
    })
}

/// "Neil Penswick, Her Majesty's Inspector" / "Helen Cawston HMI" → the name.
fn inspector_name(s: &str) -> String {
    let mut s = s.trim().trim_end_matches(',').to_string();
    for suffix in [
        ", His Majesty's Inspector",
        ", Her Majesty's Inspector",
        " His Majesty's Inspector",
        " Her Majesty's Inspector",
        ", Senior HMI",
        " Senior HMI",
        ", HMI",
        " HMI",
    ] {
        if let Some(x) = s.strip_suffix(suffix) {
            s = x.to_string();
        }
    }
    s.trim().trim_end_matches(',').trim().to_string()
}

fn read_dates(ls: &[String], r: &mut Report) {
    for label in ["Inspection dates:", "Inspection date:"] {
        if let Some((_, v)) = field(ls, label) {
            let v = v.split("Report published").next().unwrap_or(v);
            if let Some((a, b)) = parse_range(v) {
                r.start = Some(a);
                r.end = Some(b);
            } else if let Some(d) = parse_date(v) {
                r.start = Some(d);
                r.end = Some(d);
            }
            return;
        }
    }
}

/// The grade phrases of a judgement table, longest first.
const GRADE_WORDS: [(&str, Grade); 5] = [
    (
        "Requires improvement to be good",
        Grade::RequiresImprovement,
    ),
    ("Requires improvement", Grade::RequiresImprovement),
    ("Outstanding", Grade::Outstanding),
    ("Inadequate", Grade::Inadequate),
    ("Good", Grade::Good),
];

fn next_grade(s: &str) -> Option<(usize, usize, Grade)> {
    let mut best: Option<(usize, usize, Grade)> = None;
    for (w, g) in GRADE_WORDS {
        let mut from = 0;
        while let Some(p) = s[from..].find(w) {
            let at = from + p;
            let end = at + w.len();
            // A whole word: not "Goodwin".
            let ok = s[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if ok {
                if best.is_none_or(|(b, e, _)| at < b || (at == b && end > e)) {
                    best = Some((at, end, g));
                }
                break;
            }
            from = end;
        }
    }
    best
}

fn ilacs_judgement(label: &str) -> Option<Judgement> {
    let l = label.to_lowercase();
    if l.contains("overall effectiveness") {
        Some(Judgement::Overall)
    } else if l.contains("impact of leaders") {
        Some(Judgement::Leaders)
    } else if l.contains("help and protection") {
        Some(Judgement::HelpAndProtection)
    } else if l.contains("children in care and care leavers") {
        Some(Judgement::InCareAndCareLeavers)
    } else if l.contains("children in care") {
        Some(Judgement::InCare)
    } else if l.contains("care leavers") {
        Some(Judgement::CareLeavers)
    } else {
        None
    }
}

fn read_ilacs(file: &str, ls: &[String], r: &mut Report) -> Result<()> {
    // LA: "Inspection of <LA> local authority children's services" (2020+), or the lines
    // above "Inspection of children's social care services" (2018–19).
    let joined: String = ls.iter().take(12).cloned().collect::<Vec<_>>().join(" ");
    if let Some(p) = joined.find("Inspection of ") {
        let rest = &joined[p + "Inspection of ".len()..];
        if let Some(q) = rest.find(" local authority children's services") {
            r.la_name = rest[..q].trim().trim_start_matches("the ").to_string();
        }
    }
    if r.la_name.is_empty() {
        if let Some(t) = ls
            .iter()
            .position(|l| l.starts_with("Inspection of children's social care services"))
        {
            r.la_name = ls[..t].join(" ").trim().to_string();
        }
    }
    read_dates(ls, r);
    if let Some((i, v)) = field(ls, "Lead inspector:") {
        let mut v = v.to_string();
        // Nottingham 2019: the title on the next line.
        if let Some(next) = ls.get(i + 1) {
            if next.ends_with("Majesty's Inspector") && next.split(' ').count() <= 4 {
                v.push(' ');
                v.push_str(next);
            }
        }
        r.lead_inspector = Some(inspector_name(&v)).filter(|n| !n.is_empty());
    }
    // The judgement table: "Judgement Grade", then label and grade pairs until the text
    // stops being a judgement label.
    let Some(t) = ls.iter().position(|l| l == "Judgement Grade") else {
        return Err(unrecognised(
            file,
            "an ILACS report without its judgement table (no \"Judgement Grade\" line)",
        ));
    };
    let block: String = ls[t + 1..(t + 30).min(ls.len())].join(" ");
    let mut rest = block.as_str();
    while let Some((a, b, g)) = next_grade(rest) {
        let label = &rest[..a];
        if label.len() > 160 {
            break;
        }
        let Some(j) = ilacs_judgement(label) else {
            break;
        };
        if r.grades.insert(j, g).is_some() {
            break;
        }
        rest = &rest[b..];
    }
    let era = if r.grades.contains_key(&Judgement::InCareAndCareLeavers) {
        Era::Ilacs2018
    } else if r.grades.contains_key(&Judgement::Overall) {
        Era::Ilacs2023
    } else {
        Era::Ilacs2026
    };
    let missing: Vec<&str> = era
        .judgements()
        .iter()
        .filter(|j| !r.grades.contains_key(j))
        .map(|j| j.label())
        .collect();
    if !missing.is_empty() || r.grades.len() != era.judgements().len() {
        return Err(unrecognised(
            file,
            &format!(
                "the judgement table could not be read in full (found {}; missing {})",
                r.grades.len(),
                missing.join(", ")
            ),
        ));
    }
    if let Some(start) = r.start {
        if Era::ilacs(start) != era {
            r.warnings.push(format!(
                "the judgement table has the {} layout but fieldwork began {start}",
                era.label()
            ));
        }
    }
    r.era = Some(era);
    // Short inspections take one week on site; standard ones two.
    r.activity = match (r.start, r.end) {
        (Some(a), Some(b)) if (b - a).num_days() <= 7 => Framework::IlacsShort,
        (Some(_), Some(_)) => Framework::IlacsStandard,
        _ => Framework::Ilacs,
    };
    // Section headings repeat each grade: "<judgement>: <grade>".
    for (k, l) in ls.iter().enumerate() {
        if !l.starts_with("The experiences and progress") && !l.starts_with("The impact of leaders")
        {
            continue;
        }
        let two = format!("{l} {}", ls.get(k + 1).map(|s| s.as_str()).unwrap_or(""));
        let head = two.split(". ").next().unwrap_or(&two);
        let Some(j) = ilacs_judgement(head) else {
            continue;
        };
        let cap = capitalise(head);
        if let Some((_, _, g)) = next_grade(&cap) {
            if head.len() < 200 && r.grades.get(&j).is_some_and(|t| *t != g) {
                r.warnings.push(format!(
                    "the {} section heading says {g}; the judgement table says {}",
                    j.label(),
                    r.grades[&j]
                ));
            }
        }
    }
    // "What needs to improve?" (with a footnote marker from 2025) up to the first
    // judgement section.
    let Some(w) = ls
        .iter()
        .position(|l| l.starts_with("What needs to improve"))
    else {
        return Err(unrecognised(file, "no \"What needs to improve\" section"));
    };
    let end = ls[w + 1..]
        .iter()
        .position(|l| {
            l.starts_with("The experiences and progress")
                || l.starts_with("The impact of leaders")
                || l.starts_with("1. ")
        })
        .map(|p| w + 1 + p)
        .unwrap_or(ls.len());
    r.improvements = items(&ls[w + 1..end]);
    Ok(())
}

fn capitalise(s: &str) -> String {
    // Headings print the grade in lower case ("protection: requires improvement to be good").
    let mut out = s.to_string();
    for (w, _) in GRADE_WORDS {
        out = out.replace(&w.to_lowercase(), w);
    }
    out
}

/// Bulleted items ('•' or "N."), continuation lines joined, sub-bullets folded into their
/// item; a "(Outcome N, national framework)" style tag is split off. Without any bullet
/// each line is an item.
fn items(ls: &[String]) -> Vec<Item> {
    let mut out: Vec<String> = Vec::new();
    // Numbered lists (SIF) carry bullets as sub-items of a numbered item.
    let by_number = ls.iter().any(|l| numbered(l).is_some());
    let bulleted = by_number || ls.iter().any(|l| l.starts_with('•'));
    for l in ls {
        let start = if by_number {
            numbered(l).map(|x| x.to_string())
        } else {
            l.strip_prefix('•').map(|x| x.trim().to_string())
        };
        match (start, out.last_mut()) {
            (Some(s), _) => out.push(s),
            (None, Some(last)) if bulleted => {
                last.push(' ');
                last.push_str(l.trim_start_matches(['-', '•']).trim());
            }
            (None, _) if !bulleted => out.push(l.clone()),
            _ => {}
        }
    }
    out.into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .map(|t| split_tag(&t))
        .collect()
}

fn numbered(l: &str) -> Option<&str> {
    let (n, rest) = l.split_once(". ")?;
    (!n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())).then_some(rest)
}

fn split_tag(t: &str) -> Item {
    let trimmed = t.trim_end_matches(['.', ' ']);
    if let Some(open) = trimmed.rfind('(') {
        let inner = &trimmed[open + 1..];
        if let Some(tag) = inner.strip_suffix(')') {
            let l = tag.to_lowercase();
            if l.contains("national framework") {
                return Item {
                    text: trimmed[..open]
                        .trim()
                        .trim_end_matches(['.', ','])
                        .to_string(),
                    tag: Some(tag.trim().to_string()),
                };
            }
        }
    }
    Item {
        text: t.trim().to_string(),
        tag: None,
    }
}

fn sif_key(label: &str) -> Option<Judgement> {
    let l = label.to_lowercase();
    if l.contains("adoption performance") {
        Some(Judgement::Adoption)
    } else if l.contains("care leavers") {
        Some(Judgement::CareLeavers)
    } else if l.contains("help and protection") {
        Some(Judgement::HelpAndProtection)
    } else if l.contains("looked after and achieving permanence") {
        Some(Judgement::LookedAfterPermanence)
    } else if l.contains("leadership, management and governance") {
        Some(Judgement::LeadershipManagementGovernance)
    } else {
        None
    }
}

fn read_sif(file: &str, ls: &[String], r: &mut Report) -> Result<()> {
    r.era = Some(Era::Sif);
    let t = ls
        .iter()
        .position(|l| l.contains("nspection of services for children in need"))
        .unwrap_or(0);
    r.la_name = ls[..t].join(" ").trim().to_string();
    read_dates(ls, r);
    if let Some((_, v)) = field(ls, "Report published:") {
        r.published = parse_date(v);
    }
    // Overall: "Children's services in X are inadequate" / "require improvement to be good",
    // or "The overall judgement is …".
    let overall = ls.iter().find_map(|l| {
        let rest = if let Some(p) = l.find("Children's services in ") {
            let after = &l[p..];
            let verb = [" are ", " require ", " requires "]
                .iter()
                .filter_map(|v| after.find(v).map(|q| (q, *v)))
                .min()?;
            let tail = &after[verb.0 + 1..];
            tail.to_string()
        } else {
            l.strip_prefix("The overall judgement is ")?.to_string()
        };
        Grade::parse(&rest)
    });
    if let Some(g) = overall {
        r.grades.insert(Judgement::Overall, g);
    }
    // The numbered judgements: "1. Children who need help and protection Good", wrapped.
    let start = ls.iter().position(|l| l.starts_with("1. Children who need help")).ok_or_else(
        || unrecognised(file, "an SIF report without its judgement list (\"1. Children who need help and protection …\")"),
    )?;
    let block = ls[start..(start + 12).min(ls.len())].join(" ");
    for (marker, next) in [
        ("1. ", "2. "),
        ("2. ", "2.1 "),
        ("2.1 ", "2.2 "),
        ("2.2 ", "3. "),
        ("3. ", "\u{0}"),
    ] {
        let Some(p) = block.find(marker) else {
            continue;
        };
        let seg = &block[p + marker.len()..];
        let seg = match seg.find(next) {
            Some(q) if next != "\u{0}" => &seg[..q],
            _ => seg,
        };
        let Some(j) = sif_key(seg) else { continue };
        if let Some((a, _, g)) = next_grade(seg) {
            if sif_key(&seg[..a]) == Some(j) {
                r.grades.insert(j, g);
            }
        }
    }
    // LSCB: "The Local Safeguarding Children Board is good" / "requires improvement".
    if let Some(g) = ls.iter().find_map(|l| {
        let rest = l.strip_prefix("The Local Safeguarding Children Board ")?;
        Grade::parse(rest)
    }) {
        r.grades.insert(Judgement::Lscb, g);
    }
    let need = [
        Judgement::Overall,
        Judgement::HelpAndProtection,
        Judgement::LookedAfterPermanence,
        Judgement::LeadershipManagementGovernance,
    ];
    let missing: Vec<&str> = need
        .iter()
        .filter(|j| !r.grades.contains_key(j))
        .map(|j| j.label())
        .collect();
    if !missing.is_empty() {
        return Err(unrecognised(
            file,
            &format!(
                "the SIF judgements could not be read: missing {}",
                missing.join(", ")
            ),
        ));
    }
    // Inspectors: the team list at the end.
    if let Some((_, v)) = field(ls, "Lead inspector:") {
        r.lead_inspector = Some(inspector_name(v)).filter(|n| !n.is_empty());
    }
    for label in ["Deputy lead inspector:", "Team inspectors:"] {
        if let Some((i, v)) = field(ls, label) {
            let mut text = v.to_string();
            // A wrapped list ends with a comma.
            let mut k = i;
            while text.trim_end().ends_with(',') {
                k += 1;
                match ls.get(k) {
                    Some(n) => {
                        text.push(' ');
                        text.push_str(n);
                    }
                    None => break,
                }
            }
            r.team.extend(
                text.split(',')
                    .map(inspector_name)
                    .filter(|n| !n.is_empty()),
            );
        }
    }
    // 2014 reports: "What does the local authority need to improve?" with "Priority and
    // immediate action" and "Areas for improvement"; 2015–18: "Recommendations" (read as
    // areas for improvement). The contents page lists the same headings with page numbers,
    // so only an exact heading line counts.
    let heading = |name: &str| ls.iter().position(|l| l == name);
    let section_end = |from: usize| {
        ls[from..]
            .iter()
            .position(|l| {
                matches!(
                    l.as_str(),
                    "Summary for children and young people"
                        | "The local authority's strengths"
                        | "Areas for improvement"
                        | "Priority and immediate action"
                        | "Progress since the last inspection"
                        | "Information about this local authority area"
                        | "Summary of findings"
                ) || l.starts_with("The experiences and progress")
            })
            .map(|p| from + p)
            .unwrap_or(ls.len())
    };
    if let Some(p) = heading("Priority and immediate action") {
        r.priority_actions = items(&ls[p + 1..section_end(p + 1)]);
    }
    if let Some(p) = heading("Areas for improvement") {
        r.improvements = items(&ls[p + 1..section_end(p + 1)]);
    } else if let Some(p) = heading("Recommendations") {
        r.improvements = items(&ls[p + 1..section_end(p + 1)]);
    }
    Ok(())
}

/// Focused visit, monitoring visit and JTAI letters.
fn read_letter(file: &str, ls: &[String], r: &mut Report) -> Result<()> {
    let marker = match r.activity {
        Framework::FocusedVisit => "Focused visit to ",
        Framework::MonitoringVisit => "Monitoring visit to ",
        _ => "Joint targeted area inspection of ",
    };
    let title = ls
        .iter()
        .position(|l| l.contains(marker))
        .ok_or_else(|| unrecognised(file, "no letter title"))?;
    let t = &ls[title];
    let after = &t[t.find(marker).map(|p| p + marker.len()).unwrap_or(0)..];
    r.la_name = after
        .trim_end_matches("children's services")
        .trim_end_matches(" the multi-agency response")
        .trim()
        .to_string();
    // The letter's date: the first line above the title that is a date.
    r.published = ls[..title].iter().find_map(|l| parse_date(l));
    // "… the focused visit to X children's services on 4 and 5 February 2020."
    let body = ls[title..(title + 8).min(ls.len())].join(" ");
    if let Some(p) = body.find(" on ") {
        let s = &body[p + 4..];
        let s = s.split('.').next().unwrap_or(s).replace(" and ", " to ");
        if let Some((a, b)) = parse_range(&s) {
            r.start = Some(a);
            r.end = Some(b);
        } else if let Some(d) = parse_date(&s) {
            r.start = Some(d);
            r.end = Some(d);
        }
    }
    // "His Majesty's Inspectors for this visit were A and B." / "… was A."
    if let Some(p) = body
        .find("Inspectors for this visit were ")
        .map(|p| p + 31)
        .or_else(|| body.find("Inspector for this visit was ").map(|p| p + 29))
    {
        let names = body[p..]
            .split(". ")
            .next()
            .unwrap_or("")
            .trim_end_matches('.');
        r.team = names
            .replace(" and ", ", ")
            .split(',')
            .map(inspector_name)
            .filter(|n| !n.is_empty())
            .collect();
    }
    // The signatory is the lead inspector.
    if let Some(y) = ls.iter().position(|l| l.starts_with("Yours sincerely")) {
        r.lead_inspector = ls.get(y + 1).map(|n| inspector_name(n));
    }
    if r.lead_inspector.is_none() {
        r.lead_inspector = r.team.first().cloned();
    }
    let stop = |l: &str| {
        matches!(
            l,
            "Main findings"
                | "Headline findings"
                | "Findings and progress"
                | "Areas covered by the visit"
                | "Areas for priority action"
                | "What needs to improve in this area"
                | "What needs to improve in these areas"
        ) || l.starts_with("Yours sincerely")
            || l.starts_with("Ofsted will take the findings")
    };
    let section = |name: &str| -> Vec<Item> {
        let Some(p) = ls.iter().position(|l| l.as_str() == name) else {
            return vec![];
        };
        let end = ls[p + 1..]
            .iter()
            .position(|l| stop(l))
            .map(|q| p + 1 + q)
            .unwrap_or(ls.len());
        items(&ls[p + 1..end])
    };
    r.priority_actions = section("Areas for priority action");
    r.improvements = section("What needs to improve in this area");
    if r.improvements.is_empty() {
        r.improvements = section("What needs to improve in these areas");
    }
    if r.start.is_none() {
        return Err(unrecognised(
            file,
            "the visit's dates were not found (\"… on <dates>.\")",
        ));
    }
    Ok(())
}
