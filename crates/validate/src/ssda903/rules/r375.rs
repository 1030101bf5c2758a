use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A temporary placement for hospitalisation (T1) may last at most six weeks (42 days);
    /// closed episodes of children with a Header DOB only, as the reference checks.
    code: "375",
    message: "Hospitalisation coded as a temporary placement exceeds six weeks.",
    fields: ["DECOM", "PLACE"],
    tables: [Episodes, Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| placement_longer_than(cx, f, "T1", 42)),
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
                "CHILD,DECOM,DEC,PLACE\n1,01/05/2025,13/06/2025,T1\n2,01/05/2025,12/06/2025,T1\n1,01/05/2025,,T1\n3,01/05/2025,01/01/2026,T1\n4,01/05/2025,01/01/2026,T1\n1,01/05/2025,01/01/2026,U1",
            ),
        ]);
        // 42 days exactly is allowed; open episodes and children without a Header row
        // with a valid DOB are not checked.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
