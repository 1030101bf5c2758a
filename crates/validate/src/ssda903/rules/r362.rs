use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An emergency protection order (L2), counted over consecutive L2 episodes (an open one
    /// to the end of the year), may last at most 21 days.
    code: "362",
    message: "Emergency protection order (EPO) lasted longer than 21 days",
    fields: ["DECOM", "LS", "DEC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| status_runs_longer_than(cx, f, "L2", 21)),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn epo_over_21_days() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,LS\n1,01/05/2025,11/05/2025,L2\n1,11/05/2025,23/05/2025,L2\n2,01/05/2025,22/05/2025,L2\n3,01/03/2026,,L2\n4,bad,01/06/2025,L2",
        )]);
        // 1: 22 days over two episodes; 2: exactly 21; 3: open, 30 days.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1, 3]));
    }
}
