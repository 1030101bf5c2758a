//! A monthly series (`evaluate_all`) gives, at every point, exactly what evaluating that point
//! alone gives — including the dated indicators, whose units a series computes once for all
//! time and slices by period.

use indicators::compute::Unit;
use indicators::{catalogue, evaluate, evaluate_all, monthly_points, Params, Prepared};
use model::Date;

fn sorted(mut units: Vec<Unit>) -> Vec<String> {
    let mut keys: Vec<String> = units.drain(..).map(|u| format!("{u:?}")).collect();
    keys.sort();
    keys
}

#[test]
fn series_matches_each_point_alone() {
    let cfg = synth::Config::new(8_000, 11, Date::ymd(2026, 3, 31));
    let g = synth::generate(&cfg, &|_, _| {});
    let p = Prepared::new(&g.model);
    let params = Params::default();
    let all: Vec<_> = catalogue().iter().collect();
    let points = monthly_points(Date::ymd(2026, 3, 31), 13, 12);
    let series = evaluate_all(&p, &params, &all, &points);
    let mut units = 0;
    for (ind, row) in all.iter().zip(&series) {
        assert_eq!(row.len(), points.len(), "{}", ind.id);
        for (e, &pt) in row.iter().zip(&points) {
            assert_eq!(e.point, pt);
            let alone = evaluate(&p, &params, ind, pt);
            assert_eq!(e.figure, alone.figure, "{} at {:?}", ind.id, pt.as_at);
            units += e.units.len();
            assert_eq!(
                sorted(e.units.clone()),
                sorted(alone.units),
                "{} at {:?}",
                ind.id,
                pt.as_at
            );
        }
    }
    assert!(
        units > 10_000,
        "the authority is too small to test: {units} units"
    );
}
