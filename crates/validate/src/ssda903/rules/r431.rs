use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A new period of care (RNE S) must start after the child's previous episode (in
    /// DECOM order) ended; starting on or before that day means it is not a new period.
    code: "431",
    message: "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
    fields: ["RNE", "DECOM"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (decom, dec, rne) = (eps.col("DECOM"), eps.col("DEC"), eps.col("RNE"));
    for_each_previous_episode(eps, |prev, cur| {
        if rne.str(cur) == Some("S")
            && matches!((decom.date(cur), dec.date(prev)), (Some(s), Some(e)) if s <= e)
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
    fn new_period_on_the_day_the_last_ended() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,RNE\n1,01/06/2025,,S\n1,01/05/2025,01/06/2025,S\n2,01/05/2025,01/06/2025,S\n2,02/06/2025,,S\n3,01/05/2025,01/06/2025,S\n3,01/06/2025,,P",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
