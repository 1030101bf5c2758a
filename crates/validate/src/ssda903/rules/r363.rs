use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child assessment order (L3) may last at most 7 days, summed over the child's
    /// adjoining L3 episodes (taken in input order, as the reference does).
    code: "363",
    message: "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
    fields: ["LS", "DECOM", "DEC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| status_periods_longer_than(cx, f, "L3", 7)),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn cao_over_seven_days() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,LS\n1,01/05/2025,05/05/2025,L3\n1,05/05/2025,09/05/2025,L3\n2,01/05/2025,08/05/2025,L3\n3,25/03/2026,,L3\n4,01/05/2025,bad,L3\n4,01/05/2025,20/05/2025,C2",
        )]);
        // 1: 4 + 4 days; 2: exactly 7; 3: open, 6 days; 4: no valid end.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }

    #[test]
    fn periods_follow_input_order() {
        // Sorted by date these would be two periods of 4 days; in input order the second
        // does not start after the first ended, so they form one period of 8 days.
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,LS\n1,10/05/2025,14/05/2025,L3\n1,01/05/2025,05/05/2025,L3",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
