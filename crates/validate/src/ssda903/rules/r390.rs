use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode ending in adoption (REC E11, E12) must be a placement for adoption
    /// (PLACE A3–A6).
    code: "390",
    message: "Reason episode ceased is adopted but child has not been previously placed for adoption.",
    fields: ["PLACE", "REC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (rec, place) = (t.col("REC"), t.col("PLACE"));
        flag_where(cx, f, T::Episodes, |_, r| {
            is_in(rec, r, &["E11", "E12"])
                && !is_in(place, r, &["A3", "A4", "A5", "A6"])
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adoption_needs_adoptive_placement() {
        let t = tables(&[(T::Episodes, "CHILD,REC,PLACE\n1,E11,U1\n2,E12,A5\n3,E12,\n4,E2,U1")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
