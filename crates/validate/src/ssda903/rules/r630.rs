use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child entering care this year with RNE 'S' needs previous-permanence details: flags
    /// the episode when the child has no PrevPerm row, or a row with PREV_PERM blank, or a
    /// row with PREV_PERM other than Z1 and LA_PERM or DATE_PERM blank.
    code: "630",
    message: "Information on previous permanence option should be returned.",
    fields: ["RNE"],
    tables: [Episodes, PrevPerm],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, pp) = (cx.t(T::Episodes), cx.t(T::PrevPerm));
    let pp_by = merge_groups(pp);
    let (rne, decom) = (eps.col("RNE"), eps.col("DECOM"));
    let (prev, la, date) = (pp.col("PREV_PERM"), pp.col("LA_PERM"), pp.col("DATE_PERM"));
    for r in eps.rows() {
        if rne.str(r) != Some("S") || decom.date(r).is_none_or(|d| d < cx.start) {
            continue;
        }
        let bad = match pp_by.get(merge_key(eps, r)) {
            None => true,
            Some(rows) => rows.iter().any(|&p| {
                let p = p as usize;
                !prev.is_present(p)
                    || (prev.str(p) != Some("Z1") && !(la.is_present(p) && date.is_present(p)))
            }),
        };
        if bad {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn missing_previous_permanence() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE\n1,01/05/2025,S\n2,01/05/2025,S\n3,01/05/2025,S\n4,01/05/2025,S\n5,01/05/2024,S\n6,01/05/2025,P\n7,01/05/2025,S",
            ),
            (
                T::PrevPerm,
                "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n2,Z1,,\n3,P1,,01/01/2020\n4,,,\n7,P1,800,01/01/2020",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 3]));
    }
}
