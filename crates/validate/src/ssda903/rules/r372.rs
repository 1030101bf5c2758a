use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child in youth custody or prison (R5) must be at least 10 at DECOM (closed episodes
    /// only, as the reference checks).
    code: "372",
    message: "Child in youth custody or prison should be at least 10.",
    fields: ["DECOM", "PLACE"],
    tables: [Episodes, Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| placed_under_age(cx, f, "R5", 10)),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn placed_under_age() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,02/05/2000\n2,01/05/2000\n3,01/01/2000\n4,bad"),
            (
                T::Episodes,
                "CHILD,DECOM,DEC,PLACE\n1,01/05/2010,01/06/2030,R5\n2,01/05/2010,01/06/2030,R5\n1,01/05/2010,,R5\n1,01/05/2010,01/06/2030,Z1\n4,01/05/2001,01/06/2030,R5\n5,01/05/2001,01/06/2030,R5",
            ),
        ]);
        // 1 is a day short of 10 at DECOM; 2 turns 10 on DECOM; open episodes, children
        // without a valid DOB and other placements are not checked.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
