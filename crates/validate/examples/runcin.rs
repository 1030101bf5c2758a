//! Validates a CIN census XML and writes issues.csv (plus, with --summary DIR, the error and
//! child summaries): a light way to run the rules while developing them.
//!
//! cargo run -p validate --example runcin -- FILE.xml [--year 2026] [--la CODE] --out FILE

use validate::cin::{self, report, Ctx};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let Some(file) = args.first() else {
        eprintln!("usage: runcin FILE.xml [--year 2026] [--la CODE] [--summary DIR] --out FILE");
        std::process::exit(2);
    };
    let tables = match cin::read_xml(std::path::Path::new(file)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    // The pack defaults to the Header's collection year.
    let year: u16 = opt("--year")
        .or_else(|| {
            tables
                .get(cin::T::Header)
                .col("Year")
                .str(0)
                .map(String::from)
        })
        .and_then(|y| y.trim().parse().ok())
        .unwrap_or(2026);
    let la = opt("--la");
    let out = opt("--out").unwrap_or_else(|| "issues.csv".into());
    let cx = Ctx::new(&tables, year, la.as_deref());
    let t = std::time::Instant::now();
    let r = report::validate(&cx);
    eprintln!(
        "{} rules ({}), {} issues, {} failed in {:?}",
        r.rules_run,
        r.year,
        r.issues.len(),
        r.failed.len(),
        t.elapsed()
    );
    for (code, why) in &r.failed {
        eprintln!("FAILED {code}: {why}");
    }
    r.write_issues_csv(std::fs::File::create(out).expect("out"))
        .expect("write");
    if let Some(dir) = opt("--summary") {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).expect("summary dir");
        r.write_error_summary_csv(std::fs::File::create(dir.join("error_summary.csv")).expect("f"))
            .expect("write");
        r.write_child_summary_csv(
            &cx,
            std::fs::File::create(dir.join("child_summary.csv")).expect("f"),
        )
        .expect("write");
    }
}
