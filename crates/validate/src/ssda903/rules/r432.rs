use super::prelude::*;

const LEFT_CARE: &[&str] = &[
    "E2", "E3", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9", "E11", "E12", "E13", "E14", "E15",
    "E16", "E17", "E41", "E45", "E46", "E47", "E48",
];

pub const RULES: &[Rule] = &[rule! {
    /// After an episode ending the child's care (REC E…), the child's next episode (in
    /// DECOM order) starts a new period of care (RNE S).
    code: "432",
    message: "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.",
    fields: ["RNE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (rec, rne) = (eps.col("REC"), eps.col("RNE"));
    for_each_previous_episode(eps, |prev, cur| {
        if is_in(rec, prev, LEFT_CARE) && rne.str(cur) != Some("S")
        {
            f.flag(T::Episodes, cur);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn after_leaving_care_a_new_period() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,REC,RNE\n1,01/07/2025,,P\n1,01/05/2025,E11,S\n2,01/05/2025,E2,S\n2,01/07/2025,,S\n3,01/05/2025,X1,S\n3,01/07/2025,,P\n4,01/05/2025,E13,S\n4,bad,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 7]));
    }
}
