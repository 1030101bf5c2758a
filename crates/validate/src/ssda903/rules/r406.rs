use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child who is or was UASC (this year's or last year's Header or UASC data) has no
    /// placement distance; without any UASC flag in the data nobody can be identified.
    code: "406",
    message: "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]",
    fields: ["PL_DISTANCE"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let Some(uasc) = uasc_children(cx) else { return };
    let t = cx.t(T::Episodes);
    let (child, pl_distance) = (t.col("CHILD"), t.col("PL_DISTANCE"));
    flag_where(cx, f, T::Episodes, |_, r| {
        uasc.contains(child.text(r)) && pl_distance.is_present(r)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn no_distance_for_uasc() {
        let t = tables(&[
            (T::Episodes, "CHILD,PL_DISTANCE\n1,3.2\n2,4.0\n3,5.5\n3,"),
            (T::Uasc, "CHILD,SEX,DOB,DUC\n1,M,,\n2,,,"),
            (T::HeaderLast, "CHILD,UASC\n3,1"),
        ]);
        // Without this year's Header the UASC table is used: 2's row has no values.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
