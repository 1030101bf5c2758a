//! Writing the readiness summary: an xlsx workbook of figures and breakdowns, and an HTML
//! report whose every figure and breakdown cell links to the children behind it. Both are
//! self-contained (no scripts or styles from the network).

use super::summary::{percent, thousands, Dim, Figure, Measure, Summary};
use super::{AnnexA, Cell, LISTS};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub fn write_summary_xlsx(aa: &AnnexA, s: &Summary, path: &Path) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(1);
    let bold = Format::new().set_bold();
    let pct = Format::new().set_num_format("0.0%");
    let one = Format::new().set_num_format("0.0");
    let sheet = wb.add_worksheet().set_name("Summary")?;
    let heads = [
        "Section",
        "Figure",
        "Counted",
        "Of",
        "Percent",
        "Children",
        "Per 10,000",
        "Mean days",
        "Median days",
        "List",
        "Id",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, f) in s.figures.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, f.section)?;
        sheet.write_string(r, 1, &f.label)?;
        sheet.write_number(r, 2, f.rows.len() as f64)?;
        match &f.measure {
            Measure::Share { of } => {
                let d = s.figures[*of].rows.len();
                sheet.write_number(r, 3, d as f64)?;
                if d > 0 {
                    sheet.write_number_with_format(r, 4, f.rows.len() as f64 / d as f64, &pct)?;
                }
            }
            Measure::Count { per_10k } => {
                let children = s.children(aa, f);
                sheet.write_number(r, 5, children as f64)?;
                if let (true, Some(p)) = (per_10k, s.population.filter(|p| *p > 0)) {
                    sheet.write_number_with_format(r, 6, children as f64 * 1e4 / p as f64, &one)?;
                }
            }
            Measure::Days { values } => {
                if let Some((mean, median)) = super::summary::mean_median(values) {
                    sheet.write_number_with_format(r, 7, mean, &one)?;
                    sheet.write_number(r, 8, median as f64)?;
                }
            }
        }
        sheet.write_number(r, 9, f.list as f64)?;
        sheet.write_string(r, 10, &f.id)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 70)?;
    sheet.set_column_width(10, 28)?;

    let sheet = wb.add_worksheet().set_name("Breakdowns")?;
    let heads = [
        "Id",
        "Figure",
        "Breakdown",
        "Group",
        "Counted",
        "Of",
        "Percent",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut r = 1u32;
    for f in &s.figures {
        for dim in Dim::ALL {
            for (group, n, d) in s.breakdown(aa, f, dim) {
                sheet.write_string(r, 0, &f.id)?;
                sheet.write_string(r, 1, &f.label)?;
                sheet.write_string(r, 2, dim.label())?;
                sheet.write_string(r, 3, &group)?;
                sheet.write_number(r, 4, n as f64)?;
                if matches!(f.measure, Measure::Share { .. }) {
                    sheet.write_number(r, 5, d as f64)?;
                    if d > 0 {
                        sheet.write_number_with_format(r, 6, n as f64 / d as f64, &pct)?;
                    }
                }
                r += 1;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 16)?;
    sheet.set_column_width(3, 30)?;
    wb.save(path)
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a value for a link's fragment.
fn frag(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem;color:#0b0c0c}\
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #b1b4b6;padding:.25rem .5rem;text-align:left}\
td.n{text-align:right}th{background:#f3f2f1}details{margin:.25rem 0 .75rem}h2{margin-top:2rem}\
.note{background:#fff7bf;padding:.5rem;border-left:4px solid #ffdd00}a{color:#1d70b8}";

/// Writes `dir/index.html` and one page per figure under `dir/children/`; returns the files.
pub fn write_summary_html(
    aa: &AnnexA,
    s: &Summary,
    title: &str,
    dir: &Path,
) -> std::io::Result<Vec<PathBuf>> {
    let children_dir = dir.join("children");
    std::fs::create_dir_all(&children_dir)?;
    let mut written = Vec::new();
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title><style>{STYLE}</style></head><body>\
         <main><h1>{t}</h1><p>Annex A as at {d}. Figures are computed from the Annex A lists, as inspectors will compute them; \
         each figure links to the children behind it.{p}</p>\
         <p class=\"note\">The linked pages list children: handle them as OFFICIAL-SENSITIVE and do not forward them.</p>",
        t = esc(title),
        d = s.as_at.to_dmy(),
        p = s
            .population
            .map(|p| format!(" Rates per 10,000 use a child population of {}.", thousands(p as usize)))
            .unwrap_or_default()
    );
    let mut section = "";
    for f in &s.figures {
        if f.section != section {
            if !section.is_empty() {
                h.push_str("</tbody></table>");
            }
            section = f.section;
            let _ = write!(
                h,
                "<h2>{}</h2><table><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th><th scope=\"col\">Breakdowns</th></tr></thead><tbody>",
                esc(section)
            );
        }
        let of = match &f.measure {
            Measure::Share { of } => format!(
                " of <a href=\"children/{}.html\">{}</a>",
                frag(&s.figures[*of].id),
                esc(&s.figures[*of].label)
            ),
            _ => String::new(),
        };
        let _ = write!(
            h,
            "<tr><td><a href=\"children/{id}.html\">{label}</a>{of}</td><td class=\"n\">{value}</td><td><details><summary>By group</summary>",
            id = frag(&f.id),
            label = esc(&f.label),
            value = esc(&s.headline(aa, f)),
        );
        for dim in Dim::ALL {
            let rows = s.breakdown(aa, f, dim);
            let _ = write!(h, "<table><caption>{}</caption><tbody>", dim.label());
            for (group, n, d) in rows {
                let link = format!(
                    "children/{}.html#{}={}",
                    frag(&f.id),
                    dim.key(),
                    frag(&group)
                );
                let value = if matches!(f.measure, Measure::Share { .. }) {
                    format!("{} ({} of {})", percent(n, d), thousands(n), thousands(d))
                } else {
                    thousands(n)
                };
                let _ = write!(
                    h,
                    "<tr><th scope=\"row\">{}</th><td class=\"n\"><a href=\"{}\">{}</a></td></tr>",
                    esc(&group),
                    link,
                    esc(&value)
                );
            }
            h.push_str("</tbody></table>");
        }
        h.push_str("</details></td></tr>");
        let page = children_dir.join(format!("{}.html", f.id));
        std::fs::write(&page, children_page(aa, s, f))?;
        written.push(page);
    }
    if !section.is_empty() {
        h.push_str("</tbody></table>");
    }
    h.push_str("</main></body></html>");
    let index = dir.join("index.html");
    std::fs::write(&index, h)?;
    written.insert(0, index);
    Ok(written)
}

/// Filters the rows by `#dim=value` in the address, so breakdown links open the group.
const FILTER_SCRIPT: &str = "<script>(function(){function f(){var h=decodeURIComponent(location.hash.slice(1));\
var i=h.indexOf('=');var k=i>0?h.slice(0,i):null,v=i>0?h.slice(i+1):null;var n=0;\
document.querySelectorAll('tbody tr').forEach(function(r){var show=!k||r.dataset[k]===v;r.hidden=!show;if(show)n++;});\
var c=document.getElementById('count');c.textContent=k?(n+' shown where '+k+' is '+v+' (show all: remove the filter)'):(n+' shown');}\
window.addEventListener('hashchange',f);f();})();</script>";

fn children_page(aa: &AnnexA, s: &Summary, f: &Figure) -> String {
    let def = &LISTS[f.list as usize - 1];
    let mut cols: Vec<&str> = vec![def.headers[0]];
    for c in [
        "Gender",
        "Ethnicity",
        "Age of Child (Years)",
        "Allocated Team",
        "Allocated Worker",
    ] {
        if def.column(c).is_some() {
            cols.push(c);
        }
    }
    for c in &f.columns {
        if !cols.contains(c) && def.column(c).is_some() {
            cols.push(c);
        }
    }
    let mut h = String::with_capacity(200 + f.rows.len() * 200);
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{l}</title><style>{STYLE}</style></head><body><main>\
         <p><a href=\"../index.html\">Back to the summary</a></p><h1>{l}</h1><p>{v}. List {n} ({name}), as at {d}.</p>\
         <p class=\"note\">Child-level information: OFFICIAL-SENSITIVE.</p><p id=\"count\" role=\"status\"></p>\
         <table><thead><tr>",
        l = esc(&f.label),
        v = esc(&s.headline(aa, f)),
        n = f.list,
        name = def.name.replace('_', " "),
        d = s.as_at.to_dmy()
    );
    for c in &cols {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(c));
    }
    h.push_str("</tr></thead><tbody>");
    let idx: Vec<Option<usize>> = cols.iter().map(|c| def.column(c)).collect();
    for &r in &f.rows {
        let row = &aa.list(f.list)[r];
        h.push_str("<tr");
        for dim in Dim::ALL {
            let _ = write!(
                h,
                " data-{}=\"{}\"",
                dim.key(),
                esc(&dim.value(aa, f.list, r))
            );
        }
        h.push('>');
        for i in &idx {
            let text = i
                .and_then(|i| row.get(i))
                .map(Cell::text)
                .unwrap_or_default();
            let _ = write!(h, "<td>{}</td>", esc(&text));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></main>");
    h.push_str(FILTER_SCRIPT);
    h.push_str("</body></html>");
    h
}
