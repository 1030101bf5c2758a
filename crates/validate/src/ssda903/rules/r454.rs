use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A placement more than 350 miles from home is implausible within the UK, except
    /// the 999.9 code used for placements abroad.
    code: "454",
    message: "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
    fields: ["PL_DISTANCE"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let e = cx.t(T::Episodes);
    let dist = e.col("PL_DISTANCE");
    for r in e.rows() {
        if dist.number(r).is_some_and(|d| d > 350.0 && d != 999.9) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn over_350_miles() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PL_DISTANCE\n1,350.1\n2,350\n3,999.9\n4,\n5,12.5\n6,1000",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 5]));
    }
}
