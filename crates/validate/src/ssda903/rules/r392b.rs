use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every episode other than respite (V3, V4) needs both a home and a placement
    /// postcode, unless the child is or was UASC (this year's or last year's Header or
    /// UASC data, when they carry the flag).
    code: "392b",
    message: "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]",
    fields: ["HOME_POST", "PL_POST"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let uasc = uasc_children(cx).unwrap_or_default();
    let t = cx.t(T::Episodes);
    let (child, ls, home_post, pl_post) = (t.col("CHILD"), t.col("LS"), t.col("HOME_POST"), t.col("PL_POST"));
    flag_where(cx, f, T::Episodes, |_, r| {
        !uasc.contains(child.text(r))
            && !is_in(ls, r, &["V3", "V4"])
            && (!home_post.is_present(r) || !pl_post.is_present(r))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    const EPS: &str = "CHILD,LS,HOME_POST,PL_POST\n1,C2,AB1 1AA,\n1,C2,AB1 1AA,CD1 1AA\n2,V4,,\n3,C2,,CD1 1AA";

    #[test]
    fn postcodes_needed_unless_uasc() {
        let t = tables(&[
            (T::Episodes, EPS),
            (T::Header, "CHILD,UASC\n1,0\n3,0"),
            (T::HeaderLast, "CHILD,UASC\n3,1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
        // Without UASC information nobody is excused.
        let t = tables(&[(T::Episodes, EPS)]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 3]));
    }
}
