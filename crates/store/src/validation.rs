//! DfE validation of a snapshot's returns: the SSDA903 return (and last year's) and the CIN
//! census derived from the case model and read back through the validators' own readers, so a
//! snapshot validates exactly as its exported files do. Shared by `sightline validate
//! --snapshot` and the web application's validation page.

use std::collections::BTreeMap;
use std::path::Path;

use model::{CaseModel, CollectionYear};
use validate::engine;
use validate::{cin, ssda903};

#[derive(Debug, thiserror::Error)]
pub enum ValidationError {
    #[error("reading the derived SSDA903 return: {0}")]
    Ssda903(#[from] ssda903::InputError),
    #[error("reading the derived CIN census: {0}")]
    Cin(#[from] cin::XmlError),
    #[error("the derived {0} is not UTF-8")]
    Encoding(&'static str),
    #[error("collection year {0} has no rule pack (Sightline has 2022-23 to 2026-27)")]
    Year(CollectionYear),
}

/// The year's SSDA903 return and last year's, derived from `model`.
pub fn tables_903(
    model: &CaseModel,
    year: CollectionYear,
) -> Result<ssda903::Tables, ValidationError> {
    let mut tables = ssda903::Tables::default();
    for (y, last) in [(year, false), (year.previous(), true)] {
        for f in formats::ssda903::derive(model, y).write_csv() {
            let text =
                std::str::from_utf8(&f.bytes).map_err(|_| ValidationError::Encoding("CSV"))?;
            let (t, table) = ssda903::read_csv_text(Path::new(&f.name), text, last)?;
            tables.insert(t, table);
        }
    }
    Ok(tables)
}

/// The year's CIN census, derived from `model`.
pub fn tables_cin(model: &CaseModel, year: CollectionYear) -> Result<cin::Tables, ValidationError> {
    let xml = formats::cin::write(&formats::cin::derive(model, year));
    let text = String::from_utf8(xml).map_err(|_| ValidationError::Encoding("census XML"))?;
    Ok(cin::read_xml_str(Path::new("census.xml"), &text)?)
}

/// The collection year whose rule pack applies to an extract taken on `as_at`: the latest
/// year ended (31 March) by then, within the supported packs.
pub fn year_for(as_at: model::Date) -> CollectionYear {
    let ending = if (as_at.month(), as_at.day()) >= (3, 31) {
        as_at.year()
    } else {
        as_at.year() - 1
    };
    let supported = CollectionYear::SUPPORTED;
    CollectionYear::ending(ending.clamp(*supported.start(), *supported.end()))
}

/// Why a 903 rule needing the postcode lookup was not run (the store holds none).
pub use validate::ssda903::NEEDS_POSTCODES;

/// One rule's findings.
#[derive(Debug, Clone)]
pub struct RuleCount {
    pub code: &'static str,
    pub rule_type: &'static str,
    pub message: &'static str,
    pub count: usize,
}

/// One return's validation, summarised by rule and by child.
#[derive(Debug, Clone)]
pub struct ReturnValidation {
    pub name: &'static str,
    pub year: String,
    pub rules_run: usize,
    /// Rules not run, with why: a table the return lacks, or the postcode lookup the store
    /// does not hold.
    pub skipped: Vec<(String, String)>,
    /// Rules that failed to run (never expected), with why.
    pub failed: Vec<(String, String)>,
    /// In DfE code order.
    pub by_rule: Vec<RuleCount>,
    /// Each child's rule codes, by child id; findings about the return as a whole have none.
    pub by_child: Vec<(String, Vec<&'static str>)>,
    pub issues: usize,
}

fn summarise(name: &'static str, report: validate::report::Report) -> ReturnValidation {
    let mut children: BTreeMap<String, Vec<&'static str>> = BTreeMap::new();
    for i in report.issues.iter().filter(|i| !i.child_id.is_empty()) {
        let codes = children.entry(i.child_id.to_string()).or_default();
        if !codes.contains(&i.rule_code) {
            codes.push(i.rule_code);
        }
    }
    ReturnValidation {
        name,
        year: report.year.clone(),
        rules_run: report.rules_completed(),
        skipped: report.skipped.clone(),
        failed: report.failed.clone(),
        by_rule: report
            .rule_summary()
            .into_iter()
            .map(|r| RuleCount {
                code: r.code,
                rule_type: r.rule_type,
                message: r.message,
                count: r.count,
            })
            .collect(),
        by_child: children.into_iter().collect(),
        issues: report.issues.len(),
    }
}

/// The year as the rule packs number it, when there is a pack for it.
fn pack_year(year: CollectionYear) -> Result<u16, ValidationError> {
    if year.is_supported() {
        Ok(year.year_ending() as u16)
    } else {
        Err(ValidationError::Year(year))
    }
}

/// Runs the SSDA903 rules on `tables`; `la` is the authority's code. With no postcode lookup
/// or provider lists, as the command line without them: the rules needing the lookup are
/// listed as not run.
pub fn run_903(
    mut tables: ssda903::Tables,
    year: CollectionYear,
    la: &str,
) -> Result<ReturnValidation, ValidationError> {
    let y = pack_year(year)?;
    tables.derive_header_uasc();
    let cx = ssda903::Ctx::new(&tables, y, Some(la), ssda903::FileFormat::Csv);
    let outcomes = engine::run_all(&ssda903::pack(y), |r| ssda903::run_rule(r, &cx));
    Ok(summarise("SSDA903", ssda903::report::build(&cx, outcomes)))
}

/// Runs the CIN census rules on `tables`.
pub fn run_cin(
    tables: &cin::Tables,
    year: CollectionYear,
    la: &str,
) -> Result<ReturnValidation, ValidationError> {
    let y = pack_year(year)?;
    let cx = cin::Ctx::new(tables, y, Some(la));
    let outcomes = engine::run_all(&cin::pack(y), |r| cin::run_rule(r, &cx));
    Ok(summarise("CIN census", cin::report::build(&cx, outcomes)))
}

/// Both returns of a snapshot's model, validated for the year of its extract date
/// (CPU work: call it from a blocking task).
pub fn validate_model(model: &CaseModel) -> Result<Vec<ReturnValidation>, ValidationError> {
    let year = year_for(model.la.as_at);
    let la = model.la.la_code.as_str();
    Ok(vec![
        run_903(tables_903(model, year)?, year, la)?,
        run_cin(&tables_cin(model, year)?, year, la)?,
    ])
}
