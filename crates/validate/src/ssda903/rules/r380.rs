use super::prelude::*;

const TEMPORARY: &[&str] = &["T0", "T1", "T2", "T3", "T4"];

pub const RULES: &[Rule] = &[rule! {
    /// A temporary placement (T0–T4) can only follow a change of placement (RNE P or B),
    /// never start a period of care.
    code: "380",
    message: "A period of care cannot start with a temporary placement.",
    fields: ["PLACE", "RNE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (place, rne) = (t.col("PLACE"), t.col("RNE"));
        flag_where(cx, f, T::Episodes, |_, r| {
            is_in(place, r, TEMPORARY) && !is_in(rne, r, &["P", "B"])
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn temporary_placement_needs_p_or_b() {
        let t = tables(&[(T::Episodes, "CHILD,PLACE,RNE\n1,T0,S\n2,T4,P\n3,T1,B\n4,T2,\n5,U1,S")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 3]));
    }
}
