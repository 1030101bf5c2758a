use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Police protection (L1), counted over consecutive L1 episodes (an open one to the end
    /// of the year), may last at most 72 hours: more than 3 days flags the whole run.
    code: "361",
    message: "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.",
    fields: ["DECOM", "LS", "DEC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| status_runs_longer_than(cx, f, "L1", 3)),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn police_protection_over_three_days() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,LS\n1,01/05/2025,03/05/2025,L1\n1,03/05/2025,06/05/2025,L1\n2,01/05/2025,04/05/2025,L1\n3,01/05/2025,05/05/2025,L1\n4,28/03/2026,,L1\n5,01/05/2025,02/05/2025,L1\n5,10/05/2025,12/05/2025,L1",
        )]);
        // 1: a 5-day run of two episodes; 3: 4 days; 4: open, 3 days to 31 March.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1, 3]));
    }

    #[test]
    fn run_continues_across_another_status_as_the_reference_does() {
        // The chain test looks at the next episode of any status: row 0 ends when row 1
        // starts, so row 2 joins row 0's run (1 May to 10 May).
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,LS\n1,01/05/2025,02/05/2025,L1\n1,02/05/2025,08/05/2025,C2\n1,08/05/2025,10/05/2025,L1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
