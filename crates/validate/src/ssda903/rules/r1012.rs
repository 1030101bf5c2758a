use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child with no episode this year should have no other current-year records (adoption,
    /// missing, reviews, AD1, previous permanence, OC2); each such row is flagged. A row with
    /// no CHILD counts as matching an episode with no CHILD, as the validator's merge does.
    code: "1012",
    message: "No other data should be returned for OC3 children who had no episodes in the current year",
    fields: ["CHILD"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let keys = child_keys(&[cx.t(T::Episodes)]);
    for t in [T::PlacedAdoption, T::Missing, T::Reviews, T::Ad1, T::PrevPerm, T::Oc2] {
        if let Some(table) = cx.get(t) {
            f.flag_rows(t, rows_missing_from(table, &keys));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn records_without_episodes() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM\n1,01/05/2025\n2,01/06/2025"),
            (T::Missing, "CHILD,MISSING\n1,M\n3,M\n,A"),
            (T::Oc2, "CHILD,DOB\n3,\n2,"),
        ]);
        let mut want = rows(T::Missing, &[1, 2]);
        want.extend(rows(T::Oc2, &[0]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
        let t = tables(&[(T::Episodes, "CHILD,DECOM\n1,01/05/2025"), (T::Oc2, "CHILD,DOB\n1,")]);
        assert_eq!(flagged(RULES, Y2022_23, &t), vec![]);
    }
}
