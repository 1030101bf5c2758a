use super::prelude::*;

const TEMPORARY: &[&str] = &["T0", "T1", "T2", "T3", "T4"];

pub const RULES: &[Rule] = &[rule! {
    /// A temporary placement (T0–T4) that ends must end with a change of placement (REC
    /// X1), not with the end of care.
    code: "381",
    message: "A period of care cannot end with a temporary placement.",
    fields: ["PLACE", "REC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (rec, place) = (t.col("REC"), t.col("PLACE"));
        flag_where(cx, f, T::Episodes, |_, r| {
            let rec = rec.str(r);
            is_in(place, r, TEMPORARY) && rec.is_some() && rec != Some("X1")
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn temporary_placement_cannot_end_care() {
        let t = tables(&[(T::Episodes, "CHILD,PLACE,REC\n1,T0,E11\n2,T4,X1\n3,T1,\n4,U1,E2")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
