//! `docs/indicators.md`, generated from the catalogue and the parameters' defaults (a test
//! fails if the file drifts; `sightline indicators --list --format markdown` prints it).

use std::fmt::Write;

use crate::catalogue::{Area, DayConvention, PeriodKind, Polarity, TwinValue, CATALOGUE};
use crate::params::Params;

pub fn markdown() -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Indicators\n\n<!-- Generated from crates/indicators/src/catalogue.rs by \
         `sightline indicators --list --format markdown`; do not edit by hand. -->\n\n\
         {} indicators. Events indicators count the period (12 months unless `period_months` \
         says otherwise) ending at the as-at date; snapshot indicators count at the as-at date. \
         Rates are per 10,000 children aged 0–17 (the authority's `child_population`). Working \
         days are England and Wales working days with the start day as day 0 \
         (`csc-data-spec.md` §6.2); calendar months and years clamp to the month's end. Figures \
         with a numerator or denominator of 1–4 are marked for suppression and are blanked in \
         outputs for aggregate-only audiences.\n",
        CATALOGUE.len()
    );
    let areas = [
        Area::Referrals,
        Area::Assessment,
        Area::ChildProtection,
        Area::ChildrenInCare,
        Area::CareLeavers,
        Area::Adoption,
        Area::Practice,
    ];
    let _ = writeln!(
        s,
        "| id | indicator | unit | period | better | published twin |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|");
    for area in areas {
        for i in CATALOGUE.iter().filter(|i| i.area == area) {
            let _ = writeln!(
                s,
                "| [`{}`](#{}) | {} | {} | {} | {} | {} |",
                i.id,
                i.id,
                i.title,
                i.unit.label(),
                period(i.period),
                polarity(i.polarity),
                i.twin
                    .map(|t| format!("`{}…`", t.source))
                    .unwrap_or_default()
            );
        }
    }
    for area in areas {
        let _ = writeln!(s, "\n## {}\n", area.label());
        for i in CATALOGUE.iter().filter(|i| i.area == area) {
            let _ = writeln!(s, "### {}\n\n**{}** — {}\n", i.id, i.title, i.definition);
            let _ = writeln!(s, "* Numerator: {}", i.numerator);
            if !i.denominator.is_empty() {
                let _ = writeln!(s, "* Denominator: {}", i.denominator);
            }
            let _ = writeln!(
                s,
                "* Unit: {}; {}; {}; days: {}",
                i.unit.label(),
                period(i.period),
                polarity(i.polarity),
                match i.days {
                    DayConvention::Working => "working days (start day = day 0)",
                    DayConvention::Calendar => "calendar",
                    DayConvention::None => "not applicable",
                }
            );
            if let Some(t) = i.target {
                let _ = writeln!(
                    s,
                    "* Target: {t}{} (a default; set your own)",
                    i.tolerance
                        .map(|x| format!(", tolerance ±{x}"))
                        .unwrap_or_default()
                );
            }
            if !i.params.is_empty() {
                let _ = writeln!(
                    s,
                    "* Parameters: {}",
                    i.params
                        .iter()
                        .map(|p| format!("`{p}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            let _ = writeln!(s, "* Source: {}", i.source);
            if let Some(t) = i.twin {
                let filters = t
                    .filters
                    .iter()
                    .map(|(k, v)| format!("{k} = \"{v}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                let value = match t.value {
                    TwinValue::Column(c) => format!("column `{c}`"),
                    TwinValue::PerTenThousand(c) => {
                        format!("column `{c}` ÷ published 0–17 population × 10,000")
                    }
                };
                let _ = writeln!(
                    s,
                    "* Published twin: `{}…`{}, {value}",
                    t.source,
                    if filters.is_empty() {
                        String::new()
                    } else {
                        format!(" where {filters}")
                    }
                );
            }
            s.push('\n');
        }
    }
    let _ = writeln!(
        s,
        "## Parameters and their defaults\n\nEach can be changed with `--param NAME=VALUE`. \
         Those marked UNCERTAIN in the specification are documented choices.\n"
    );
    let defaults = serde_json::to_value(Params::default()).expect("params serialise");
    let _ = writeln!(s, "| parameter | default |\n|---|---|");
    if let Some(map) = defaults.as_object() {
        for (k, v) in map {
            let _ = writeln!(s, "| `{k}` | {v} |");
        }
    }
    s
}

fn period(p: PeriodKind) -> &'static str {
    match p {
        PeriodKind::Snapshot => "snapshot",
        PeriodKind::Events => "events in period",
    }
}

fn polarity(p: Polarity) -> &'static str {
    match p {
        Polarity::HigherIsBetter => "higher is better",
        Polarity::LowerIsBetter => "lower is better",
        Polarity::Neutral => "context",
    }
}
