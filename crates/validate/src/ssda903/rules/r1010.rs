use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child whose last episode last year (latest valid DECOM) was still open should have
    /// episodes this year: flags OC3 rows of such children with no episode this year.
    code: "1010",
    message: "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.",
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Episodes, EpisodesLast, Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, last, oc3) = (cx.t(T::Episodes), cx.t(T::EpisodesLast), cx.t(T::Oc3));
    let (decom, dec) = (last.col("DECOM"), last.col("DEC"));
    let mut open = hashbrown::HashSet::new();
    for (key, rows) in merge_groups(last).iter() {
        let valid = rows.iter().filter_map(|&r| decom.date(r as usize).map(|d| (d, r)));
        // The final row after a stable sort by DECOM; every row without a CHILD is final.
        let finals: Vec<u32> = if key.is_empty() {
            valid.map(|(_, r)| r).collect()
        } else {
            valid.max().map(|(_, r)| r).into_iter().collect()
        };
        if finals.iter().any(|&r| !dec.is_present(r as usize)) {
            open.insert(key);
        }
    }
    let current = merge_groups(eps);
    for r in oc3.rows() {
        let key = merge_key(oc3, r);
        if !current.contains(key) && open.contains(key) {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_last_year_no_episodes_now() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM\n3,01/04/2025"),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC\n1,01/04/2024,\n1,01/05/2024,01/06/2024\n2,01/04/2024,01/05/2024\n2,01/05/2024,\n3,01/04/2024,\n4,X,",
            ),
            (T::Oc3, "CHILD,IN_TOUCH\n1,YES\n2,YES\n3,YES\n4,YES"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[1]));
    }
}
