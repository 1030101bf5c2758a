use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child who is 18 before the collection ends and still looked after (no DEC) must be
    /// accommodated under V2 in a community home (K2).
    code: "359",
    message: "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.",
    fields: ["DEC", "LS", "PLACE"],
    tables: [Header, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    // Some merged Header DOB + 18 is before the end iff the earliest is.
    let dobs = dob_stats(cx.t(T::Header));
    let t = cx.t(T::Episodes);
    let (ls, place, dec, child) = (t.col("LS"), t.col("PLACE"), t.col("DEC"), t.col("CHILD"));
    flag_where(cx, f, T::Episodes, |_, r| {
        let section_20_community_home =
            ls.str(r) == Some("V2") && place.str(r) == Some("K2");
        !dec.is_present(r)
            && !section_20_community_home
            && dobs
                .get(child.text(r))
                .and_then(|s| s.min)
                .is_some_and(|d| plus_years_clamped(d, 18) < cx.end)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_episode_after_eighteen() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2008\n2,31/03/2008\n3,01/01/2008"),
            (
                T::Episodes,
                "CHILD,DEC,LS,PLACE\n1,,C2,U1\n1,,V2,K2\n1,01/01/2026,C2,U1\n2,,C2,U1\n3,,V2,K1\n4,,C2,U1",
            ),
        ]);
        // 2 turns 18 on the last day: DOB + 18 is not before the end.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 4]));
    }
}
