//! The plan as the committee reads it — as text, as a printable HTML page and as an xlsx
//! workbook. One implementation for the CLI and the web app: each says where a linked
//! indicator's trend comes from (published figures for the CLI, the live monthly series for
//! the web) through the closure given to [`lines`]; everything else is decided here.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::plan::{Action, Finding, Plan, Rag, AMBER_DAYS};

/// A linked indicator's trend, as one line of text, and whether it is moving the wrong way
/// (which turns the RAG rule amber).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    pub text: String,
    pub worsening: bool,
}

/// One action as shown and exported: its colour and overdue flag on the day, its trends.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub action: &'a Action,
    pub rag: Rag,
    pub overdue: bool,
    pub trends: Vec<Trend>,
}

/// The plan's actions, finding by finding: each with the index of its finding in
/// `plan.findings`, and the trends `trends` gives for its linked indicators.
pub fn lines<'a>(
    plan: &'a Plan,
    today: NaiveDate,
    mut trends: impl FnMut(&Finding, &Action) -> Vec<Trend>,
) -> Vec<(usize, Line<'a>)> {
    let mut out = Vec::new();
    for (k, f) in plan.findings.iter().enumerate() {
        for a in plan.actions_of(f.id) {
            let t = trends(f, a);
            let worsening = t.iter().any(|t| t.worsening);
            out.push((
                k,
                Line {
                    action: a,
                    rag: a.rag(today, worsening),
                    overdue: a.overdue(today),
                    trends: t,
                },
            ));
        }
    }
    out
}

fn of_finding<'b, 'a>(ls: &'b [(usize, Line<'a>)], k: usize) -> Vec<&'b Line<'a>> {
    ls.iter().filter(|(i, _)| *i == k).map(|(_, l)| l).collect()
}

fn summary(plan: &Plan, ls: &[(usize, Line)]) -> (usize, usize, usize) {
    let overdue = ls.iter().filter(|(_, l)| l.overdue).count();
    (plan.findings.len(), plan.actions.len(), overdue)
}

/// The plan as plain text (`sightline plan show`).
pub fn text(plan: &Plan, ls: &[(usize, Line)], today: NaiveDate) -> String {
    let mut s = String::new();
    let (nf, na, overdue) = summary(plan, ls);
    let _ = writeln!(
        s,
        "Improvement plan at {today}: {nf} findings, {na} actions, {overdue} overdue"
    );
    for (k, f) in plan.findings.iter().enumerate() {
        let tag = f
            .tag
            .as_deref()
            .map(|t| format!(" ({t})"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "\nFinding {} [LA {}, {}, {}]: {}{tag}",
            f.id,
            f.la_code,
            f.kind.id(),
            f.source,
            f.text
        );
        let mine = of_finding(ls, k);
        if mine.is_empty() {
            let _ = writeln!(s, "  (no actions yet)");
        }
        for l in mine {
            let a = l.action;
            let _ = writeln!(
                s,
                "  Action {} [{}{}] {} — owner {}, due {}, {}{}",
                a.id,
                l.rag.label(),
                if a.rag_override.is_some() {
                    ", set by hand"
                } else {
                    ""
                },
                a.description,
                a.owner,
                a.due,
                a.status.label(),
                if l.overdue { ", OVERDUE" } else { "" }
            );
            for e in &a.evidence {
                let link = e
                    .link
                    .as_deref()
                    .map(|x| format!(" <{x}>"))
                    .unwrap_or_default();
                let _ = writeln!(s, "    evidence {}: {}{link}", e.at, e.note);
            }
            for t in &l.trends {
                let _ = writeln!(s, "    indicator {}", t.text);
            }
        }
    }
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Whether an evidence link may be an `href`: web addresses and paths on the same site only
/// (never `javascript:` or `data:`); anything else is shown as text.
pub fn safe_link(link: &str) -> bool {
    let l = link.trim().to_ascii_lowercase();
    l.starts_with("https://")
        || l.starts_with("http://")
        || (l.starts_with('/') && !l.starts_with("//"))
}

/// The printable page's style sheet: the CLI embeds it, the web app serves it as a file
/// (its content security policy allows no inline style).
pub const PRINT_CSS: &str = "body{font-family:Arial,sans-serif;font-size:11pt;margin:1.5cm;color:#0b0c0c}\
table{border-collapse:collapse;width:100%}\
th,td{border:1px solid #444;padding:4px;vertical-align:top;text-align:left}th{background:#eee}\
.red{background:#f4b6b6}.amber{background:#fde3a7}.green{background:#c8e6c9}.overdue{font-weight:bold}\
a{color:#1d70b8}.back{margin:0 0 1em}\
@media print{tr{page-break-inside:avoid}.back{display:none}a{color:#000}}";

/// How the printable page is delivered.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlPage<'a> {
    /// Link this style sheet instead of embedding [`PRINT_CSS`].
    pub stylesheet: Option<&'a str>,
    /// A "back" link, shown on screen only.
    pub back: Option<&'a str>,
    /// Who it is for (e.g. the authority), added to the heading.
    pub heading: Option<&'a str>,
}

/// The plan as one printable HTML page, for the committee.
pub fn html(plan: &Plan, ls: &[(usize, Line)], today: NaiveDate, page: HtmlPage) -> String {
    let style = match page.stylesheet {
        Some(href) => format!("<link rel=\"stylesheet\" href=\"{}\">", esc(href)),
        None => format!("<style>{PRINT_CSS}</style>"),
    };
    let mut h = format!(
        "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Improvement plan</title>\n{style}</head><body>\n"
    );
    if let Some(b) = page.back {
        let _ = writeln!(
            h,
            "<nav class=\"back\" aria-label=\"Back\"><a href=\"{}\">Back to the plan</a></nav>",
            esc(b)
        );
    }
    let (nf, na, overdue) = summary(plan, ls);
    let heading = page
        .heading
        .map(|x| format!(": {}", esc(x)))
        .unwrap_or_default();
    let _ = writeln!(
        h,
        "<main><h1>Improvement plan{heading}</h1>\n<p>At {today}: {nf} findings, {na} actions, {overdue} overdue. RAG: complete is green; blocked or overdue red; not started within {AMBER_DAYS} days of its due date, or a linked indicator worsening, amber; otherwise green, unless set by hand.</p>"
    );
    h.push_str("<table><thead><tr><th scope=\"col\">Finding</th><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th><th scope=\"col\">RAG</th><th scope=\"col\">Evidence</th><th scope=\"col\">Indicators</th></tr></thead><tbody>\n");
    for (k, f) in plan.findings.iter().enumerate() {
        let tag = f
            .tag
            .as_deref()
            .map(|t| format!(" <em>({})</em>", esc(t)))
            .unwrap_or_default();
        let finding = format!(
            "{}. {}{tag}<br><small>LA {} · {}</small>",
            f.id,
            esc(&f.text),
            esc(&f.la_code),
            esc(&f.source)
        );
        let mine = of_finding(ls, k);
        if mine.is_empty() {
            let _ = writeln!(
                h,
                "<tr><td>{finding}</td><td colspan=\"7\">No actions yet</td></tr>"
            );
        }
        for l in mine {
            let a = l.action;
            let ev: Vec<String> = a
                .evidence
                .iter()
                .map(|e| {
                    let day = esc(&e.at[..10.min(e.at.len())]);
                    match &e.link {
                        Some(x) if safe_link(x) => {
                            format!("{day}: <a href=\"{}\">{}</a>", esc(x), esc(&e.note))
                        }
                        Some(x) => format!("{day}: {} ({})", esc(&e.note), esc(x)),
                        None => format!("{day}: {}", esc(&e.note)),
                    }
                })
                .collect();
            let tr: Vec<String> = l.trends.iter().map(|t| esc(&t.text)).collect();
            let _ = writeln!(
                h,
                "<tr><td>{finding}</td><td>{}. {}</td><td>{}</td><td class=\"{}\">{}{}</td><td>{}</td><td class=\"{}\">{}{}</td><td>{}</td><td>{}</td></tr>",
                a.id,
                esc(&a.description),
                esc(&a.owner),
                if l.overdue { "overdue" } else { "" },
                a.due,
                if l.overdue { " (overdue)" } else { "" },
                a.status.label(),
                l.rag.id(),
                l.rag.label(),
                if a.rag_override.is_some() { " (set by hand)" } else { "" },
                ev.join("<br>"),
                tr.join("<br>")
            );
        }
    }
    h.push_str("</tbody></table>\n</main></body></html>\n");
    h
}

/// The plan as an xlsx workbook: one row per action (a finding without actions has a row of
/// its own), RAG cells coloured and named, overdue in a column of its own.
pub fn xlsx(
    plan: &Plan,
    ls: &[(usize, Line)],
    today: NaiveDate,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Color, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Improvement plan")?;
    let bold = Format::new().set_bold();
    let datef = Format::new().set_num_format("yyyy-mm-dd");
    let (nf, na, overdue) = summary(plan, ls);
    ws.write_with_format(
        0,
        0,
        format!("Improvement plan at {today}: {nf} findings, {na} actions, {overdue} overdue"),
        &bold,
    )?;
    let headers = [
        "Finding",
        "LA",
        "Kind",
        "Tag",
        "Source",
        "Action",
        "Description",
        "Owner",
        "Due",
        "Status",
        "RAG",
        "Overdue",
        "Evidence",
        "Indicators",
    ];
    let top = 2u32;
    for (c, t) in headers.iter().enumerate() {
        ws.write_with_format(top, c as u16, *t, &bold)?;
    }
    let mut row = top + 1;
    for (k, f) in plan.findings.iter().enumerate() {
        let mine = of_finding(ls, k);
        let write_finding = |ws: &mut Worksheet, row: u32| -> Result<(), XlsxError> {
            ws.write(row, 0, f.id as f64)?;
            ws.write(row, 1, f.la_code.as_str())?;
            ws.write(row, 2, f.kind.id())?;
            ws.write(row, 3, f.tag.as_deref().unwrap_or(""))?;
            ws.write(row, 4, f.source.as_str())?;
            Ok(())
        };
        if mine.is_empty() {
            write_finding(ws, row)?;
            ws.write(row, 6, format!("{} (no actions yet)", f.text))?;
            row += 1;
        }
        for l in mine {
            let a = l.action;
            write_finding(ws, row)?;
            ws.write(row, 5, a.id as f64)?;
            ws.write(row, 6, format!("{} — {}", f.text, a.description))?;
            ws.write(row, 7, a.owner.as_str())?;
            let d = ExcelDateTime::parse_from_str(&a.due.to_string())?;
            ws.write_with_format(row, 8, &d, &datef)?;
            ws.write(row, 9, a.status.label())?;
            let colour = match l.rag {
                Rag::Red => Color::RGB(0xF4B6B6),
                Rag::Amber => Color::RGB(0xFDE3A7),
                Rag::Green => Color::RGB(0xC8E6C9),
            };
            let label = match a.rag_override {
                Some(_) => format!("{} (set by hand)", l.rag.label()),
                None => l.rag.label().to_string(),
            };
            ws.write_with_format(row, 10, label, &Format::new().set_background_color(colour))?;
            ws.write(row, 11, if l.overdue { "overdue" } else { "" })?;
            let ev: Vec<String> = a
                .evidence
                .iter()
                .map(|e| {
                    let link = e.link.as_deref().map(|x| format!(" <{x}>"));
                    format!("{}: {}{}", e.at, e.note, link.unwrap_or_default())
                })
                .collect();
            ws.write(row, 12, ev.join("\n"))?;
            let tr: Vec<&str> = l.trends.iter().map(|t| t.text.as_str()).collect();
            ws.write(row, 13, tr.join("\n"))?;
            row += 1;
        }
    }
    ws.set_freeze_panes(top + 1, 0)?;
    ws.autofilter(
        top,
        0,
        row.saturating_sub(1).max(top + 1),
        headers.len() as u16 - 1,
    )?;
    for (c, w) in [(6u16, 60.0), (12, 40.0), (13, 40.0), (7, 18.0)] {
        ws.set_column_width(c, w)?;
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Evidence, FindingKind, Status};

    fn plan() -> Plan {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        Plan {
            findings: vec![
                Finding {
                    id: 1,
                    la_code: "372".into(),
                    kind: FindingKind::Improvement,
                    text: "Front door <decisions>".into(),
                    tag: Some("Outcome 4".into()),
                    source: "typed in".into(),
                    created_at: "2026-01-01T00:00:00Z".into(),
                },
                Finding {
                    id: 2,
                    la_code: "372".into(),
                    kind: FindingKind::PriorityAction,
                    text: "Care leavers".into(),
                    tag: None,
                    source: "typed in".into(),
                    created_at: "2026-01-01T00:00:00Z".into(),
                },
            ],
            actions: vec![Action {
                id: 7,
                finding_id: 1,
                description: "Audit".into(),
                owner: "Head of MASH".into(),
                due: d("2026-03-31"),
                status: Status::InProgress,
                rag_override: None,
                evidence: vec![
                    Evidence {
                        at: "2026-02-01T10:00:00Z".into(),
                        note: "Minutes".into(),
                        link: Some("javascript:alert(1)".into()),
                    },
                    Evidence {
                        at: "2026-02-02T10:00:00Z".into(),
                        note: "Report".into(),
                        link: Some("https://example.org/r".into()),
                    },
                ],
                indicators: vec!["x".into()],
            }],
        }
    }

    #[test]
    fn every_rendering_flags_the_overdue_action_and_escapes_what_was_typed() {
        let p = plan();
        let today: NaiveDate = "2026-06-30".parse().unwrap();
        let ls = lines(&p, today, |_, a| {
            a.indicators
                .iter()
                .map(|i| Trend {
                    text: format!("{i}: up"),
                    worsening: false,
                })
                .collect()
        });
        assert_eq!(ls.len(), 1);
        assert!(ls[0].1.overdue);
        assert_eq!(ls[0].1.rag, Rag::Red);
        let t = text(&p, &ls, today);
        assert!(t.starts_with("Improvement plan at 2026-06-30: 2 findings, 1 actions, 1 overdue"));
        assert!(t.contains("OVERDUE") && t.contains("indicator x: up"));
        assert!(t.contains("(no actions yet)"));
        let h = html(&p, &ls, today, HtmlPage::default());
        assert!(h.contains("<td class=\"red\">Red</td>") && h.contains("(overdue)"));
        assert!(h.contains("Front door &lt;decisions&gt;"));
        assert!(!h.contains("href=\"javascript:"), "{h}");
        assert!(h.contains("<a href=\"https://example.org/r\">Report</a>"));
        let linked = html(
            &p,
            &ls,
            today,
            HtmlPage {
                stylesheet: Some("/assets/plan-print.css"),
                back: Some("/plan"),
                heading: Some("Camden"),
            },
        );
        assert!(!linked.contains("<style") && linked.contains("/assets/plan-print.css"));
        assert!(linked.contains("Improvement plan: Camden"));
        let x = xlsx(&p, &ls, today).unwrap();
        assert!(x.starts_with(b"PK"));
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(x)).unwrap();
        use calamine::Reader;
        let r = wb.worksheet_range("Improvement plan").unwrap();
        let cells: Vec<String> = r.rows().flatten().map(|c| c.to_string()).collect();
        assert!(cells.iter().any(|c| c == "overdue"));
        assert!(cells.iter().any(|c| c == "Front door <decisions> — Audit"));
        assert!(cells
            .iter()
            .any(|c| c.contains("Care leavers (no actions yet)")));
    }
}
