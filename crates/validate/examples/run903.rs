//! Validates a directory of 903 CSVs and writes issues.csv: a light way to run the rules
//! while developing them (the product command is `sightline validate 903`).
//!
//! cargo run -p validate --example run903 -- DIR [--prev DIR] [--year 2026] [--la CODE]
//!     [--postcodes FILE.csv] [--providers FILE.xlsx]... [--dump DIR] --out FILE
//!
//! `--postcodes` is the postcode lookup `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` are derived
//! from (see `ssda903::postcodes`); `--providers`, given once or twice, the Ofsted lists;
//! `--dump` writes Episodes, Episodes_last and provider_info as derived, for comparison.

use validate::ssda903::{self, report, Ctx, FileFormat, Postcodes, Tables, T};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .map(|i| args[i + 1].clone())
    };
    let dir = std::path::PathBuf::from(&args[0]);
    let year: u16 = opt("--year").map_or(2026, |y| y.parse().expect("year"));
    let la = opt("--la").unwrap_or_else(|| "E09000027".into());
    let out = opt("--out").unwrap_or_else(|| "issues.csv".into());
    let mut tables = Tables::default();
    let read = |d: &std::path::Path, last: bool, t: &mut Tables| {
        if d.is_file() {
            ssda903::read_xml(d, last, t)
        } else {
            ssda903::read_csv_dir(d, last, t)
        }
    };
    read(&dir, false, &mut tables).expect("read");
    if let Some(p) = opt("--prev") {
        read(std::path::Path::new(&p), true, &mut tables).expect("read prev");
    }
    tables.derive_header_uasc();
    let postcodes = match opt("--postcodes") {
        Some(p) => {
            let t = std::time::Instant::now();
            let pc = Postcodes::from_path(p.as_ref()).unwrap_or_else(|e| die(e));
            eprintln!("{} postcodes in {:?}", pc.len(), t.elapsed());
            Some(pc)
        }
        None => None,
    };
    let providers: Vec<std::path::PathBuf> = args
        .windows(2)
        .filter(|w| w[0] == "--providers")
        .map(|w| w[1].clone().into())
        .collect();
    if !providers.is_empty() {
        let info =
            ssda903::read_provider_lists(&providers, postcodes.as_ref()).unwrap_or_else(|e| die(e));
        eprintln!("{} provider rows", info.len());
        tables.insert(T::ProviderInfo, info);
    }
    // As the command line: without a lookup, the rules needing one are not run.
    if let Some(postcodes) = &postcodes {
        ssda903::derive_postcode_fields(&mut tables, &la, postcodes);
    }
    if let Some(dir) = opt("--dump") {
        for t in [T::Episodes, T::EpisodesLast, T::ProviderInfo] {
            if let Some(table) = tables.get(t) {
                let path = std::path::Path::new(&dir).join(format!("{}.csv", t.name()));
                dump(table, &path).unwrap_or_else(|e| die(e));
            }
        }
    }
    let format = if dir.is_file() {
        FileFormat::Xml
    } else {
        FileFormat::Csv
    };
    let cx = Ctx::new(&tables, year, Some(&la), format);
    let t = std::time::Instant::now();
    let r = report::validate(&cx);
    eprintln!(
        "{} rules, {} issues, {} skipped, {} failed in {:?}",
        r.rules_run,
        r.issues.len(),
        r.skipped.len(),
        r.failed.len(),
        t.elapsed()
    );
    for (code, why) in &r.failed {
        eprintln!("FAILED {code}: {why}");
    }
    r.write_issues_csv(std::fs::File::create(out).expect("out"))
        .expect("write");
}

fn die(e: impl std::fmt::Display) -> ! {
    eprintln!("{e}");
    std::process::exit(2)
}

fn dump(t: &validate::Table, path: &std::path::Path) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record(t.names())?;
    for r in t.rows() {
        w.write_record(t.names().iter().map(|n| t.col(n).text(r)))?;
    }
    w.flush()?;
    Ok(())
}
