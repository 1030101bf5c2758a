use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child remanded under PACE (J2) may be held in LA accommodation for at most 21
    /// days, summed over the child's adjoining J2 episodes (in input order).
    code: "364",
    message: "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.",
    fields: ["LS", "DECOM", "DEC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| status_periods_longer_than(cx, f, "J2", 21)),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn pace_over_21_days() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,LS\n1,01/05/2025,11/05/2025,J2\n1,11/05/2025,23/05/2025,J2\n2,01/05/2025,22/05/2025,J2\n3,01/03/2026,,J2",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1, 3]));
    }
}
