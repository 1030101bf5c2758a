use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A temporary placement for an unspecified reason (T4) may last at most seven days;
    /// closed episodes of children with a Header DOB only.
    code: "379",
    message: "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
    fields: ["DECOM", "PLACE"],
    tables: [Episodes, Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| placement_longer_than(cx, f, "T4", 7)),
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
                "CHILD,DECOM,DEC,PLACE\n1,01/05/2025,09/05/2025,T4\n2,01/05/2025,08/05/2025,T4\n1,01/05/2025,,T4\n3,01/05/2025,01/01/2026,T4\n4,01/05/2025,01/01/2026,T4\n1,01/05/2025,01/01/2026,U1",
            ),
        ]);
        // 7 days exactly is allowed; open episodes and children without a Header row
        // with a valid DOB are not checked.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
