use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every episode other than respite (V3, V4) needs a placement distance (derived from
    /// the postcodes), unless the child is or was UASC (this year's or last year's Header
    /// or UASC data). Without any UASC flag in the data the reference cannot tell, and
    /// flags nothing.
    code: "392a",
    message: "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]",
    fields: ["PL_DISTANCE"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let Some(uasc) = uasc_children(cx) else { return };
    let t = cx.t(T::Episodes);
    let (child, ls, pl_distance) = (t.col("CHILD"), t.col("LS"), t.col("PL_DISTANCE"));
    flag_where(cx, f, T::Episodes, |_, r| {
        !uasc.contains(child.text(r))
            && !is_in(ls, r, &["V3", "V4"])
            && !pl_distance.is_present(r)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    const EPS: &str = "CHILD,LS,PL_DISTANCE\n1,C2,\n1,C2,3.2\n2,V3,\n3,C2,\n4,C2,";

    #[test]
    fn distance_needed_unless_uasc() {
        let t = tables(&[
            (T::Episodes, EPS),
            (T::Header, "CHILD,UASC\n1,0\n3,1\n4,0"),
            (T::UascLast, "CHILD,SEX,DOB,DUC\n4,M,,"),
        ]);
        // 3 is UASC this year; 4 was last year (Header_last absent, UASC_last used).
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }

    #[test]
    fn nothing_without_uasc_information() {
        let t = tables(&[(T::Episodes, EPS), (T::Header, "CHILD,SEX\n1,M")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[]));
    }

    #[test]
    fn blank_uasc_rows_mean_no_uasc_children() {
        // With no Header this year, only UASC rows with a value besides CHILD count; when
        // none has one the reference crashes (it cannot add a column to an empty frame).
        // We treat it as no UASC child this year and still use last year's Header.
        let t = tables(&[
            (T::Episodes, EPS),
            (T::Uasc, "CHILD,SEX,DOB,DUC\n1,,,"),
            (T::HeaderLast, "CHILD,UASC\n3,1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 4]));
    }
}
