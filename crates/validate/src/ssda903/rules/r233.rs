use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The reason for a placement change belongs to an episode that has ended: an open
    /// episode (no DEC) has none. The reference reads a `DATE_EPISODE_CEASED` column that
    /// does not exist and fails; we read DEC.
        code: "233",
        message: "Reason for placement change is not required when the episode has not ceased.",
        fields: ["REASON_PLACE_CHANGE"],
    tables: [Episodes],
        years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (dec, reason) = (t.col("DEC"), t.col("REASON_PLACE_CHANGE"));
    for r in t.rows() {
        if !dec.is_present(r) && reason.is_present(r) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn reason_on_open_episode() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DEC,REASON_PLACE_CHANGE\n1,,CARPL\n2,01/01/2026,CARPL\n3,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
