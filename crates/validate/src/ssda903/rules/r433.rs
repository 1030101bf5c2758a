use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode continuing a period of care (RNE P, L, T, U, B) must start on the day the
    /// child's previous episode (in DECOM, DEC order) ended: the two cells' text must match.
    code: "433",
    message: "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.",
    fields: ["RNE", "DECOM"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (decom, dec, rne) = (eps.col("DECOM"), eps.col("DEC"), eps.col("RNE"));
    for_each_child_sorted(eps, |r| (nat_last_key(decom.date(r)), nat_last_key(dec.date(r))), |rows| {
        for w in rows.windows(2) {
            let (prev, cur) = (w[0], w[1]);
            if is_in(rne, cur, &["P", "L", "T", "U", "B"])
                && !py_eq(dec.str(prev), decom.str(cur))
            {
                f.flag(T::Episodes, cur);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn continuation_starts_when_the_last_ended() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,RNE\n1,01/06/2025,,P\n1,01/05/2025,01/06/2025,S\n2,01/05/2025,31/05/2025,S\n2,01/06/2025,,L\n3,01/05/2025,,S\n3,01/06/2025,,T\n4,01/05/2025,1/6/2025,S\n4,01/06/2025,,U\n5,01/06/2025,,B",
        )]);
        // 4: the same day written differently does not match (text comparison); 5 has no
        // previous episode.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[3, 5, 7]));
    }
}
