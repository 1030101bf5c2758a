//! The published DfE files of `shared/data/dfe-stats/`, read and compared. Every expected
//! value below was read by eye from the CSV (grep for the LA code and year) and is written
//! literally; skipped with a message when the files are not on this machine.

use std::path::PathBuf;

use indicators::benchmarks::{compare, BenchmarkSet, Comparison};
use indicators::{Polarity, Twin, TwinValue};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/dfe-stats")
}

fn load() -> Option<BenchmarkSet> {
    let dir = data_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no DfE files at {}", dir.display());
        return None;
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    let (set, summary) = BenchmarkSet::from_files(&files).unwrap();
    let kind = |n: &str| summary.iter().find(|s| s.name == n).unwrap().kind;
    assert_eq!(kind("ofsted_leadership_data"), "skipped");
    assert_eq!(kind("sn_model_2025_wide"), "neighbours");
    assert_eq!(kind("la_cla_placement_stability"), "statistics");
    Some(set)
}

const C1: Twin = Twin {
    source: "c1_children_in_need_referrals",
    filters: &[],
    value: TwinValue::Column("rereferral_percent"),
};
const CLA: Twin = Twin {
    source: "cla_number_and_rate_per_10k",
    filters: &[(
        "population_type",
        "Children looked after on 31 March each year",
    )],
    value: TwinValue::Column("rate_per_10000"),
};
const STABILITY: Twin = Twin {
    source: "la_cla_placement_stability",
    filters: &[
        ("cla_group", "CLA on 31 March"),
        (
            "placement_stability",
            "With 3 or more placements during the year",
        ),
    ],
    value: TwinValue::Column("children_percent"),
};
const EET: Twin = Twin {
    source: "la_care_leavers_activity",
    filters: &[
        ("care_leaver_age", "17 to 18 years"),
        ("breakdown", "Total in education, employment or training"),
    ],
    value: TwinValue::Column("care_leaver_percent"),
};
const CPP_RATE: Twin = Twin {
    source: "d5_cpps_at31march",
    filters: &[],
    value: TwinValue::PerTenThousand("CPP_At31"),
};
const CPP_SUBSEQUENT: Twin = Twin {
    source: "d3_cpps_subsequent_plan",
    filters: &[],
    value: TwinValue::Column("CPP_subsequent_percent"),
};
const CASELOAD: Twin = Twin {
    source: "csww_indicators",
    filters: &[],
    value: TwinValue::Column("caseload_fte"),
};

fn close(got: Option<f64>, want: f64, what: &str) {
    let got = got.unwrap_or_else(|| panic!("{what}: no value"));
    assert!((got - want).abs() < 1e-9, "{what}: got {got}, want {want}");
}

/// LA, England and region values of one comparison.
fn check(c: &Comparison, year: i32, la: f64, england: f64, region: (&str, f64), what: &str) {
    assert_eq!(c.year, year, "{what}");
    close(c.la_published, la, &format!("{what} LA"));
    close(c.england, england, &format!("{what} England"));
    assert_eq!(c.region_name, region.0, "{what}");
    close(c.region, region.1, &format!("{what} region"));
}

fn cmp(set: &BenchmarkSet, twin: &Twin, p: Polarity, la: &str, year: i32) -> Comparison {
    compare(set, twin, p, la, year, None).unwrap_or_else(|| panic!("{} for {la}", twin.source))
}

const YH: &str = "Yorkshire and The Humber";

#[test]
fn rotherham_2025_and_2023() {
    let Some(set) = load() else { return };
    let lower = Polarity::LowerIsBetter;
    let c = cmp(&set, &C1, lower, "372", 2025);
    assert_eq!(c.la_name, "Rotherham");
    check(&c, 2025, 19.6, 22.6, (YH, 21.7), "c1 2025");
    // Neighbours 370 25.5, 357 27.7, 371 29.4, 384 18.5, 894 15.8, 332 22.5, 807 14.6,
    // 394 18.5, 390 13.9, 840 18.7: sum 205.1 / 10 = 20.51.
    close(c.sn_average, 20.51, "c1 2025 SN");
    assert_eq!(c.sn_count, 10);
    // 153 LAs have a 2025 value; 66 are below 19.6 (two LAs at 19.6): rank 67, and
    // ⌊66×4/153⌋+1 = quartile 2 (counted once with a python one-liner over the file).
    assert_eq!((c.rank, c.of, c.quartile), (Some(67), 153, Some(2)));
    let live = compare(&set, &C1, lower, "372", 2025, Some(19.6)).unwrap();
    assert_eq!(live.live_quartile, Some(2));

    let c = cmp(&set, &C1, lower, "372", 2023);
    check(&c, 2023, 16.6, 22.4, (YH, 22.1), "c1 2023");
    // 370 19.2, 357 27.3, 371 25.2, 384 21.6, 894 17.8, 332 18.8, 807 18.7, 394 23.9,
    // 390 22.5, 840 16.4: sum 211.4 / 10 = 21.14.
    close(c.sn_average, 21.14, "c1 2023 SN");

    let c = cmp(&set, &CLA, Polarity::Neutral, "372", 2025);
    check(&c, 2025, 80.0, 67.0, (YH, 77.0), "cla 2025");
    let c = cmp(&set, &CLA, Polarity::Neutral, "372", 2023);
    check(&c, 2023, 95.0, 70.0, (YH, 81.0), "cla 2023");

    let c = cmp(&set, &STABILITY, lower, "372", 2025);
    check(&c, 2025, 13.0, 10.0, (YH, 11.0), "stability 2025");
    let c = cmp(&set, &STABILITY, lower, "372", 2023);
    check(&c, 2023, 10.0, 11.0, (YH, 11.0), "stability 2023");

    let c = cmp(&set, &EET, Polarity::HigherIsBetter, "372", 2025);
    check(&c, 2025, 72.0, 64.0, (YH, 63.0), "eet 2025");
    // 151 LAs with a value, 36 above 72 (four at 72): rank 37, ⌊36×4/151⌋+1 = 1.
    assert_eq!((c.rank, c.of, c.quartile), (Some(37), 151, Some(1)));
    let c = cmp(&set, &EET, Polarity::HigherIsBetter, "372", 2023);
    check(&c, 2023, 72.0, 66.0, (YH, 67.0), "eet 2023");

    // CPP_At31 ÷ the CLA file's population_estimate × 10,000.
    let c = cmp(&set, &CPP_RATE, Polarity::Neutral, "372", 2025);
    check(
        &c,
        2025,
        313.0 / 59521.0 * 1e4,
        49420.0 / 12183016.0 * 1e4,
        (YH, 5730.0 / 1181103.0 * 1e4),
        "cpp rate 2025",
    );
    let c = cmp(&set, &CPP_RATE, Polarity::Neutral, "372", 2023);
    check(
        &c,
        2023,
        395.0 / 57205.0 * 1e4,
        50780.0 / 11901267.0 * 1e4,
        (YH, 5820.0 / 1156699.0 * 1e4),
        "cpp rate 2023",
    );

    let c = cmp(&set, &CPP_SUBSEQUENT, lower, "372", 2025);
    check(&c, 2025, 27.7, 24.5, (YH, 24.7), "d3 2025");
    // 370 28.2, 357 21.6, 371 29.5, 384 22.7, 894 28.1, 332 27.6, 807 25.5, 394 31,
    // 390 21.1, 840 21.2: sum 256.5 / 10 = 25.65.
    close(c.sn_average, 25.65, "d3 2025 SN");
    let c = cmp(&set, &CPP_SUBSEQUENT, lower, "372", 2023);
    check(&c, 2023, 25.2, 23.6, (YH, 23.3), "d3 2023");

    let c = cmp(&set, &CASELOAD, lower, "372", 2025);
    check(&c, 2025, 13.3, 15.2, (YH, 15.9), "caseload 2025");
    let c = cmp(&set, &CASELOAD, lower, "372", 2023);
    check(&c, 2023, 13.2, 16.0, (YH, 16.5), "caseload 2023");
}

/// Enfield's rows give Outer London (E13000002) as the region; it is compared with London.
#[test]
fn enfield_is_compared_with_london() {
    let Some(set) = load() else { return };
    let lower = Polarity::LowerIsBetter;
    let london = |v: f64| ("London", v);
    let c = cmp(&set, &C1, lower, "308", 2025);
    assert_eq!(c.la_name, "Enfield");
    check(&c, 2025, 22.6, 22.6, london(19.4), "c1");
    // 301 21.8, 309 18.7, 821 18.9, 330 20.7, 352 18.4, 307 19.5, 320 19.1, 203 13.1,
    // 306 26.8, 355 23.4: sum 200.4 / 10 = 20.04.
    close(c.sn_average, 20.04, "c1 SN");
    check(
        &cmp(&set, &CLA, Polarity::Neutral, "308", 2025),
        2025,
        46.0,
        67.0,
        london(48.0),
        "cla",
    );
    check(
        &cmp(&set, &STABILITY, lower, "308", 2025),
        2025,
        8.0,
        10.0,
        london(10.0),
        "stability",
    );
    check(
        &cmp(&set, &EET, Polarity::HigherIsBetter, "308", 2025),
        2025,
        55.0,
        64.0,
        london(66.0),
        "eet",
    );
    check(
        &cmp(&set, &CPP_RATE, Polarity::Neutral, "308", 2025),
        2025,
        269.0 / 80331.0 * 1e4,
        49420.0 / 12183016.0 * 1e4,
        london(7120.0 / 1916086.0 * 1e4),
        "cpp rate",
    );
    check(
        &cmp(&set, &CPP_SUBSEQUENT, lower, "308", 2025),
        2025,
        18.2,
        24.5,
        london(19.2),
        "d3",
    );
    let c = cmp(&set, &CASELOAD, lower, "308", 2025);
    check(&c, 2025, 12.0, 15.2, london(13.8), "caseload");
    // 301 15, 309 14.6, 821 13.7, 330 15.2, 352 14.7, 307 12.7, 320 16.3, 203 12.1, 306 19.1,
    // 355 17.5: sum 150.9 / 10 = 15.09.
    close(c.sn_average, 15.09, "caseload SN");
}

#[test]
fn nottingham_2025() {
    let Some(set) = load() else { return };
    let lower = Polarity::LowerIsBetter;
    let em = |v: f64| ("East Midlands", v);
    let c = cmp(&set, &C1, lower, "892", 2025);
    assert_eq!(c.la_name, "Nottingham");
    check(&c, 2025, 27.2, 22.6, em(24.7), "c1");
    check(
        &cmp(&set, &CLA, Polarity::Neutral, "892", 2025),
        2025,
        93.0,
        67.0,
        em(62.0),
        "cla",
    );
    check(
        &cmp(&set, &STABILITY, lower, "892", 2025),
        2025,
        10.0,
        10.0,
        em(9.0),
        "stability",
    );
    check(
        &cmp(&set, &EET, Polarity::HigherIsBetter, "892", 2025),
        2025,
        52.0,
        64.0,
        em(66.0),
        "eet",
    );
    check(
        &cmp(&set, &CPP_RATE, Polarity::Neutral, "892", 2025),
        2025,
        367.0 / 68714.0 * 1e4,
        49420.0 / 12183016.0 * 1e4,
        em(4170.0 / 1032130.0 * 1e4),
        "cpp rate",
    );
    check(
        &cmp(&set, &CPP_SUBSEQUENT, lower, "892", 2025),
        2025,
        32.2,
        24.5,
        em(26.0),
        "d3",
    );
    check(
        &cmp(&set, &CASELOAD, lower, "892", 2025),
        2025,
        14.7,
        15.2,
        em(15.3),
        "caseload",
    );
}

#[test]
fn a_year_after_the_last_uses_the_last() {
    let Some(set) = load() else { return };
    let c = cmp(&set, &CLA, Polarity::Neutral, "372", 2030);
    assert_eq!((c.year, c.la_published), (2025, Some(80.0)));
    // The CLA file starts in 2021.
    assert!(compare(&set, &CLA, Polarity::Neutral, "372", 2020, None).is_none());
}
