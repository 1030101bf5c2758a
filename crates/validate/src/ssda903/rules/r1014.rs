use super::prelude::*;
use hashbrown::{HashMap, HashSet};

pub const RULES: &[Rule] = &[rule! {
    /// A care leaver (OC3 information given) with no episode open during the year should not
    /// carry UASC information: the UASC rows and the completed OC3 rows of a UASC child whose
    /// episodes all fall outside the year are flagged.
    code: "1014",
    message: "UASC information is not required for care leavers",
    fields: ["ACTIV", "ACCOM", "IN_TOUCH", "DUC"],
    tables: [Uasc, Episodes, Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let e = cx.t(T::Episodes);
    let (decom, dec, child) = (e.col("DECOM"), e.col("DEC"), e.col("CHILD"));
    // Children with episodes, and whether any is in the year (an episode with no valid DEC
    // counts as open).
    let mut in_year: HashMap<&str, bool> = HashMap::new();
    for r in e.rows() {
        let Some(c) = child.str(r) else { continue };
        let started = decom.date(r).is_some_and(|d| d <= cx.end);
        let open = match dec.date(r) {
            Some(d) => d >= cx.start,
            None => true,
        };
        *in_year.entry(c).or_insert(false) |= started && open;
    }
    let uasc = cx.t(T::Uasc);
    let oc3 = cx.t(T::Oc3);
    let provided =
        |r: usize| ["ACTIV", "ACCOM", "IN_TOUCH"].iter().any(|c| oc3.col(c).is_present(r));
    let leavers: HashSet<&str> = in_year
        .iter()
        .filter(|(c, any)| !**any && !uasc.rows_of(c).is_empty())
        .map(|(c, _)| *c)
        .collect();
    for c in leavers {
        let completed: Vec<u32> = oc3
            .rows_of(c)
            .iter()
            .copied()
            .filter(|&r| provided(r as usize))
            .collect();
        if !completed.is_empty() {
            f.flag_rows(T::Oc3, completed);
            f.flag_rows(T::Uasc, uasc.rows_of(c).iter().copied());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn uasc_care_leavers() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM,DEC\n1,01/01/2020,01/02/2020\n2,01/01/2020,\n3,01/01/2020,01/02/2020\n4,01/01/2020,01/02/2020\n4,01/01/2020,31/02/2025"),
            (T::Uasc, "CHILD,DUC\n1,\n2,\n3,\n4,\n1,"),
            (T::Oc3, "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,,\n2,YES,,\n3,,,\n4,,F2,"),
        ]);
        let mut want = rows(T::Uasc, &[0, 4]);
        want.extend(rows(T::Oc3, &[0]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
