use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A temporary placement while the usual foster carer is on holiday (T3) may last at most
    /// three weeks; closed episodes of children with a Header DOB only.
    code: "376",
    message: "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.",
    fields: ["DECOM", "PLACE"],
    tables: [Episodes, Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| placement_longer_than(cx, f, "T3", 21)),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn temporary_placement_too_long() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2015\n2,01/01/2015\n3,bad"),
            (
                T::Episodes,
                "CHILD,DECOM,DEC,PLACE\n1,01/05/2025,23/05/2025,T3\n2,01/05/2025,22/05/2025,T3\n1,01/05/2025,,T3\n3,01/05/2025,01/01/2026,T3\n4,01/05/2025,01/01/2026,T3\n1,01/05/2025,01/01/2026,U1",
            ),
        ]);
        // 21 days exactly is allowed; open episodes and children without a Header row
        // with a valid DOB are not checked.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
