//! `sightline indicators`: the catalogue's indicators from a snapshot, for any as-at date, as a
//! monthly series, broken down, set against the DfE's published figures, as a table, CSV, JSON
//! or a workbook.

use std::io::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{anyhow, Context, Result};
use indicators::benchmarks::{compare, BenchmarkSet};
use indicators::{
    breakdown, catalogue, evaluate_all, monthly_points, By, Evaluated, Figure, Indicator, Params,
    Polarity, Prepared, Unit,
};
use model::{CaseModel, Date};
use serde_json::{json, Value};

use crate::progress::Bars;
use crate::returns::{load_model, write_file};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Xlsx,
    /// With --list: the catalogue as docs/indicators.md.
    Markdown,
}

#[derive(clap::Args)]
pub struct IndicatorsArgs {
    /// The date the figures are at (the end of the latest point), e.g. 2026-03-31.
    #[arg(long, required_unless_present = "list")]
    as_at: Option<Date>,
    /// Monthly points, ending at --as-at (1 = just the as-at date).
    #[arg(long, default_value_t = 1)]
    months: u32,
    /// Break each figure down by team, worker, sex, age-band, ethnicity or disability.
    #[arg(long, value_parser = parse_by)]
    by: Option<By>,
    /// The council's DfE LA code (e.g. 372) for the published benchmarks (default: the
    /// snapshot's own).
    #[arg(long)]
    la_code: Option<String>,
    /// Only these indicators (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    ids: Vec<String>,
    /// Change a parameter, e.g. --param cp_visit_days=15 (repeatable; see docs/indicators.md).
    #[arg(long = "param")]
    params: Vec<String>,
    /// For councillors and other aggregate-only audiences: blank figures built on 1–4
    /// children or records (shown as `c`) and refuse child lists.
    #[arg(long)]
    aggregate_only: bool,
    /// Add the children behind one indicator (its id) or every indicator (`all`) at the as-at
    /// date. Child-level: audited.
    #[arg(long)]
    children: Option<String>,
    /// Snapshot (default: the latest).
    #[arg(long)]
    snapshot: Option<i64>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Output file (required for xlsx; default standard output).
    #[arg(long)]
    out: Option<PathBuf>,
    /// List the catalogue instead of computing.
    #[arg(long)]
    list: bool,
}

fn parse_by(s: &str) -> Result<By, String> {
    By::parse(s).ok_or_else(|| {
        format!("`{s}`: expected one of team, worker, sex, age-band, ethnicity, disability")
    })
}

/// Everything computed, ready to write.
struct Run<'a> {
    prepared: Prepared<'a>,
    indicators: Vec<&'static Indicator>,
    results: Vec<Vec<Evaluated>>,
    by: Option<By>,
    aggregate_only: bool,
    benchmarks: Vec<Option<Value>>,
    params: Params,
}

pub fn run(database: &str, args: IndicatorsArgs, bars: &Bars) -> Result<()> {
    if args.list {
        return list(&args);
    }
    let as_at = args.as_at.expect("clap requires it without --list");
    let mut params = Params::default();
    for p in &args.params {
        params.set(p).map_err(|e| anyhow!("--param {e}"))?;
    }
    if args.aggregate_only && args.children.is_some() {
        return Err(anyhow!(
            "--children lists children: it cannot be combined with --aggregate-only"
        ));
    }
    if args.format == Format::Xlsx && args.out.is_none() {
        return Err(anyhow!("--format xlsx needs --out FILE.xlsx"));
    }
    if args.format == Format::Markdown {
        return Err(anyhow!("--format markdown goes with --list"));
    }
    let indicators = select(&args.ids, args.children.as_deref())?;
    let (action, detail) = match &args.children {
        Some(which) => (
            "indicators children",
            format!("as at {as_at}, children behind {which}"),
        ),
        None => ("indicators", format!("as at {as_at}, aggregate figures")),
    };
    let (id, model) = load_model(database, args.snapshot, action, &detail, bars)?;
    if as_at > model.la.as_at {
        return Err(anyhow!(
            "snapshot {id} describes the authority at {}: figures cannot be drawn for a later date ({as_at})",
            model.la.as_at
        ));
    }
    let la_code = args.la_code.clone().unwrap_or(model.la.la_code.clone());
    let published = load_benchmarks(database)?;

    let t0 = Instant::now();
    let spinner = bars.spinner(format!(
        "Computing {} indicators at {} points",
        indicators.len(),
        args.months
    ));
    let prepared = Prepared::new(&model);
    let points = monthly_points(as_at, args.months.max(1), params.period_months);
    let results = evaluate_all(&prepared, &params, &indicators, &points);
    spinner.finish_and_clear();
    let benchmarks = indicators
        .iter()
        .zip(&results)
        .map(|(ind, series)| {
            let live = series.last().and_then(|e| e.figure.value);
            published
                .as_ref()
                .and_then(|set| compare_json(set, ind, &la_code, as_at, live))
        })
        .collect();
    let run = Run {
        prepared,
        indicators,
        results,
        by: args.by,
        aggregate_only: args.aggregate_only,
        benchmarks,
        params,
    };
    let bytes = match args.format {
        Format::Table => table(&run, &model),
        Format::Csv => csv(&run, args.children.is_some())?,
        Format::Json => {
            let mut v = serde_json::to_vec_pretty(&to_json(&run, &model, args.children.is_some()))?;
            v.push(b'\n');
            v
        }
        Format::Xlsx => xlsx(&run, &model, args.children.is_some())?,
        Format::Markdown => unreachable!("refused above"),
    };
    match &args.out {
        Some(path) => write_file(path, &bytes)?,
        None => std::io::stdout().write_all(&bytes)?,
    }
    eprintln!(
        "{} indicators × {} points for snapshot {id} in {:.2}s",
        run.indicators.len(),
        points.len(),
        t0.elapsed().as_secs_f64()
    );
    std::mem::forget(run);
    std::mem::forget(model);
    Ok(())
}

fn list(args: &IndicatorsArgs) -> Result<()> {
    let out = match args.format {
        Format::Markdown => indicators::docs::markdown(),
        Format::Json => serde_json::to_string_pretty(catalogue())?,
        _ => {
            let mut s = String::new();
            for i in catalogue() {
                s.push_str(&format!("{:28} {:12} {}\n", i.id, i.unit.label(), i.title));
            }
            s
        }
    };
    match &args.out {
        Some(path) => write_file(path, out.as_bytes()),
        None => {
            print!("{out}");
            Ok(())
        }
    }
}

fn select(ids: &[String], children: Option<&str>) -> Result<Vec<&'static Indicator>> {
    for id in ids
        .iter()
        .map(String::as_str)
        .chain(children.filter(|c| *c != "all"))
    {
        if indicators::find(id).is_none() {
            return Err(anyhow!(
                "no indicator `{id}` (sightline indicators --list shows them)"
            ));
        }
    }
    Ok(catalogue()
        .iter()
        .filter(|i| match children.filter(|c| *c != "all") {
            // The children behind one indicator: that indicator only.
            Some(one) => i.id == one,
            None => ids.is_empty() || ids.iter().any(|x| x == i.id),
        })
        .collect())
}

/// The value as people read it: `c` when suppressed for an aggregate-only audience.
fn shown(run: &Run, ind: &Indicator, f: &Figure) -> String {
    if run.aggregate_only && f.suppress {
        return "c".into();
    }
    match (f.value, ind.unit) {
        (None, _) => "–".into(),
        (Some(v), Unit::Percent) => format!("{v:.1}%"),
        (Some(v), Unit::Count) => format!("{v:.0}"),
        (Some(v), _) => format!("{v:.1}"),
    }
}

fn counts(run: &Run, f: &Figure) -> (String, String) {
    if run.aggregate_only && f.suppress {
        return ("c".into(), "c".into());
    }
    (
        format!("{}", f.numerator),
        f.denominator.map(|d| format!("{d}")).unwrap_or_default(),
    )
}

/// On, near or off target (with the tolerance), by polarity.
fn rag(ind: &Indicator, value: Option<f64>) -> &'static str {
    let (Some(v), Some(t)) = (value, ind.target) else {
        return "";
    };
    let tol = ind.tolerance.unwrap_or(0.0);
    let gap = match ind.polarity {
        Polarity::HigherIsBetter => t - v,
        Polarity::LowerIsBetter => v - t,
        Polarity::Neutral => return "",
    };
    if gap <= 0.0 {
        "on target"
    } else if gap <= tol {
        "near target"
    } else {
        "off target"
    }
}

fn table(run: &Run, model: &CaseModel) -> Vec<u8> {
    let mut s = String::new();
    let latest = run.results[0].last().map(|e| e.point);
    if let Some(pt) = latest {
        s.push_str(&format!(
            "{} ({}), as at {} (events: {} to {})\n\n",
            model.la.la_name, model.la.la_code, pt.as_at, pt.from, pt.as_at
        ));
    }
    s.push_str(&format!(
        "{:28} {:>10} {:>9} {:>9} {:>11} {:>9} {:>9} {:>9} {:>5} {:>8}\n",
        "indicator",
        "value",
        "num",
        "den",
        "target",
        "England",
        "region",
        "SN avg",
        "quart",
        "rank"
    ));
    for ((ind, series), bench) in run.indicators.iter().zip(&run.results).zip(&run.benchmarks) {
        let Some(last) = series.last() else { continue };
        let (num, den) = counts(run, &last.figure);
        let b = |k: &str| {
            bench
                .as_ref()
                .and_then(|b| b.get(k))
                .and_then(Value::as_f64)
                .map(|v| format!("{v:.1}"))
                .unwrap_or_default()
        };
        let rank = bench
            .as_ref()
            .and_then(|b| {
                Some(format!(
                    "{}/{}",
                    b.get("rank")?.as_u64()?,
                    b.get("of")?.as_u64()?
                ))
            })
            .unwrap_or_default();
        s.push_str(&format!(
            "{:28} {:>10} {:>9} {:>9} {:>11} {:>9} {:>9} {:>9} {:>5} {:>8}\n",
            ind.id,
            shown(run, ind, &last.figure),
            num,
            den,
            rag(ind, last.figure.value),
            b("england"),
            b("region"),
            b("sn_average"),
            b("live_quartile"),
            rank,
        ));
        if series.len() > 1 {
            let trend: Vec<String> = series.iter().map(|e| shown(run, ind, &e.figure)).collect();
            s.push_str(&format!("{:28} trend: {}\n", "", trend.join(" ")));
        }
        if let Some(by) = run.by {
            for (group, f) in breakdown(&run.prepared, ind, &last.units, by) {
                let (num, den) = counts(run, &f);
                s.push_str(&format!(
                    "  {:26} {:>10} {:>9} {:>9}\n",
                    truncate(&group, 26),
                    shown(run, ind, &f),
                    num,
                    den
                ));
            }
        }
    }
    s.into_bytes()
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Each figure's row: whole authority first, then its breakdown groups.
fn rows_of<'r>(
    run: &'r Run,
    ind: &'r Indicator,
    e: &'r Evaluated,
) -> impl Iterator<Item = (String, Figure)> + 'r {
    let whole = std::iter::once(("All".to_string(), e.figure));
    let groups = run
        .by
        .map(|by| breakdown(&run.prepared, ind, &e.units, by))
        .unwrap_or_default();
    whole.chain(groups)
}

fn csv(run: &Run, children: bool) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    if children {
        w.write_record(CHILD_COLUMNS)?;
        for_each_child(run, |row| w.write_record(row).map_err(Into::into))?;
        return Ok(w.into_inner()?);
    }
    w.write_record([
        "indicator_id",
        "as_at",
        "period_from",
        "breakdown",
        "group",
        "numerator",
        "denominator",
        "value",
        "unit",
        "suppressed",
    ])?;
    let by = run.by.map(By::name).unwrap_or("");
    for (ind, series) in run.indicators.iter().zip(&run.results) {
        for e in series {
            for (group, f) in rows_of(run, ind, e) {
                let (num, den) = counts(run, &f);
                let value = if run.aggregate_only && f.suppress {
                    "c".to_string()
                } else {
                    f.value.map(|v| format!("{v}")).unwrap_or_default()
                };
                w.write_record([
                    ind.id,
                    &e.point.as_at.to_string(),
                    &e.point.from.to_string(),
                    if group == "All" { "" } else { by },
                    &group,
                    &num,
                    &den,
                    &value,
                    ind.unit.label(),
                    if f.suppress { "true" } else { "false" },
                ])?;
            }
        }
    }
    Ok(w.into_inner()?)
}

/// Columns of a child list (CSV and the workbook's Children sheet).
const CHILD_COLUMNS: [&str; 9] = [
    "indicator_id",
    "as_at",
    "child_id",
    "in_numerator",
    "date",
    "team",
    "worker",
    "days",
    "age_band",
];

/// The children behind the latest point of each selected indicator: one row per unit.
fn for_each_child(run: &Run, mut f: impl FnMut([String; 9]) -> Result<()>) -> Result<()> {
    let p = &run.prepared;
    for (ind, series) in run.indicators.iter().zip(&run.results) {
        let Some(last) = series.last() else { continue };
        for u in &last.units {
            f([
                ind.id.to_string(),
                last.point.as_at.to_string(),
                p.person_id(u.child).to_string(),
                if u.hit { "Y" } else { "N" }.to_string(),
                u.date.to_string(),
                u.team
                    .map(|t| p.team_name(t).to_string())
                    .unwrap_or_default(),
                u.worker
                    .map(|w| p.worker_name(w).to_string())
                    .unwrap_or_default(),
                u.days.map(|d| d.to_string()).unwrap_or_default(),
                indicators::age_band(u.age).to_string(),
            ])?;
        }
    }
    Ok(())
}

fn figure_json(run: &Run, f: &Figure) -> Value {
    if run.aggregate_only && f.suppress {
        return json!({ "suppressed": true });
    }
    json!({
        "numerator": f.numerator,
        "denominator": f.denominator,
        "value": f.value,
        "children": f.children,
        "suppressed": f.suppress,
    })
}

fn to_json(run: &Run, model: &CaseModel, children: bool) -> Value {
    let inds: Vec<Value> = run
        .indicators
        .iter()
        .zip(&run.results)
        .zip(&run.benchmarks)
        .map(|((ind, series), bench)| {
            let points: Vec<Value> = series
                .iter()
                .map(|e| {
                    let mut v = figure_json(run, &e.figure);
                    v["as_at"] = json!(e.point.as_at.to_string());
                    v["from"] = json!(e.point.from.to_string());
                    if let Some(by) = run.by {
                        v["breakdown"] = Value::Array(
                            breakdown(&run.prepared, ind, &e.units, by)
                                .into_iter()
                                .map(|(g, f)| {
                                    let mut x = figure_json(run, &f);
                                    x["group"] = json!(g);
                                    x
                                })
                                .collect(),
                        );
                    }
                    v
                })
                .collect();
            let mut v = json!({
                "id": ind.id,
                "title": ind.title,
                "unit": ind.unit,
                "polarity": ind.polarity,
                "target": ind.target,
                "tolerance": ind.tolerance,
                "status": rag(ind, series.last().and_then(|e| e.figure.value)),
                "series": points,
                "benchmark": bench,
            });
            if children {
                let p = &run.prepared;
                v["children"] = Value::Array(
                    series
                        .last()
                        .map(|e| {
                            e.units
                                .iter()
                                .map(|u| {
                                    json!({
                                        "child_id": p.person_id(u.child),
                                        "in_numerator": u.hit,
                                        "date": u.date.to_string(),
                                        "team": u.team.map(|t| p.team_name(t)),
                                        "worker": u.worker.map(|w| p.worker_name(w)),
                                        "days": u.days,
                                    })
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                );
            }
            v
        })
        .collect();
    json!({
        "la_code": model.la.la_code,
        "la_name": model.la.la_name,
        "child_population": model.la.child_population,
        "aggregate_only": run.aggregate_only,
        "params": run.params,
        "indicators": inds,
    })
}

fn xlsx(run: &Run, model: &CaseModel, children: bool) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format as F, Workbook};
    let mut wb = Workbook::new();
    let bold = F::new().set_bold();
    let latest = run.results[0].last().map(|e| e.point);

    let s = wb.add_worksheet().set_name("Indicators")?;
    let head = [
        "id",
        "indicator",
        "unit",
        "value",
        "numerator",
        "denominator",
        "target",
        "status",
        "England",
        "region",
        "SN average",
        "quartile (live)",
        "published LA",
        "rank",
    ];
    for (c, h) in head.iter().enumerate() {
        s.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, ((ind, series), bench)) in run
        .indicators
        .iter()
        .zip(&run.results)
        .zip(&run.benchmarks)
        .enumerate()
    {
        let r = r as u32 + 1;
        let Some(last) = series.last() else { continue };
        let f = &last.figure;
        s.write_string(r, 0, ind.id)?;
        s.write_string(r, 1, ind.title)?;
        s.write_string(r, 2, ind.unit.label())?;
        if run.aggregate_only && f.suppress {
            s.write_string(r, 3, "c")?;
        } else {
            if let Some(v) = f.value {
                s.write_number(r, 3, v)?;
            }
            s.write_number(r, 4, f.numerator)?;
            if let Some(d) = f.denominator {
                s.write_number(r, 5, d)?;
            }
        }
        if let Some(t) = ind.target {
            s.write_number(r, 6, t)?;
        }
        s.write_string(r, 7, rag(ind, f.value))?;
        if let Some(b) = bench {
            for (c, k) in [
                (8, "england"),
                (9, "region"),
                (10, "sn_average"),
                (11, "live_quartile"),
                (12, "la_published"),
                (13, "rank"),
            ] {
                if let Some(v) = b.get(k).and_then(Value::as_f64) {
                    s.write_number(r, c, v)?;
                }
            }
        }
    }
    s.set_freeze_panes(1, 0)?;
    s.set_column_width(1, 60)?;
    if let Some(pt) = latest {
        s.write_string(
            run.indicators.len() as u32 + 2,
            0,
            format!(
                "{} ({}): as at {}, events {} to {}",
                model.la.la_name, model.la.la_code, pt.as_at, pt.from, pt.as_at
            ),
        )?;
    }

    // Series: one row per indicator (and group), one column per point.
    let s = wb.add_worksheet().set_name("Series")?;
    s.write_string_with_format(0, 0, "id", &bold)?;
    s.write_string_with_format(0, 1, "group", &bold)?;
    for (k, e) in run.results[0].iter().enumerate() {
        s.write_string_with_format(0, k as u16 + 2, e.point.as_at.to_string(), &bold)?;
    }
    let mut r = 1u32;
    for (ind, series) in run.indicators.iter().zip(&run.results) {
        let mut groups: Vec<(String, Vec<Figure>)> = Vec::new();
        for e in series {
            for (g, f) in rows_of(run, ind, e) {
                match groups.iter_mut().find(|x| x.0 == g) {
                    Some(x) => x.1.push(f),
                    None => groups.push((g, vec![f])),
                }
            }
        }
        for (g, figs) in groups {
            s.write_string(r, 0, ind.id)?;
            s.write_string(r, 1, &g)?;
            for (k, f) in figs.iter().enumerate() {
                let c = k as u16 + 2;
                if run.aggregate_only && f.suppress {
                    s.write_string(r, c, "c")?;
                } else if let Some(v) = f.value {
                    s.write_number(r, c, v)?;
                }
            }
            r += 1;
        }
    }
    s.set_freeze_panes(1, 2)?;

    if children {
        let s = wb.add_worksheet().set_name("Children")?;
        let head = CHILD_COLUMNS;
        for (c, h) in head.iter().enumerate() {
            s.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        let mut r = 1u32;
        for_each_child(run, |row| {
            for (c, v) in row.iter().enumerate() {
                s.write_string(r, c as u16, v)?;
            }
            r += 1;
            Ok(())
        })?;
        s.set_freeze_panes(1, 0)?;
    }
    wb.save_to_buffer().context("writing the workbook")
}

/// The published benchmarks imported into the store, if any.
fn load_benchmarks(database: &str) -> Result<Option<BenchmarkSet>> {
    let rt = crate::runtime()?;
    let set = rt.block_on(async {
        let store = store::Store::open(database).await?;
        let set = store.benchmarks().await?;
        store.close().await;
        Ok::<_, anyhow::Error>(set)
    })?;
    Ok((!set.files.is_empty()).then_some(set))
}

/// The published figures beside an indicator, for the reporting year the as-at date falls in
/// (year ending 31 March), or the latest published before it.
fn compare_json(
    set: &BenchmarkSet,
    ind: &Indicator,
    la_code: &str,
    as_at: Date,
    live: Option<f64>,
) -> Option<Value> {
    let twin = ind.twin?;
    let year = if as_at.month() >= 4 {
        as_at.year() + 1
    } else {
        as_at.year()
    };
    let c = compare(set, &twin, ind.polarity, la_code, year, live)?;
    serde_json::to_value(c).ok()
}
