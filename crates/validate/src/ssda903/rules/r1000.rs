use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child who died in care (an episode with REC E2 this year, or last year when that
    /// return is loaded) should have no care leaver (OC3) row: flags those OC3 rows.
    code: "1000",
    message: "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]",
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Episodes, Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let mut died = hashbrown::HashSet::new();
    for t in [T::Episodes, T::EpisodesLast] {
        let Some(eps) = cx.get(t) else { continue };
        let rec = eps.col("REC");
        died.extend(
            eps.rows()
                .filter(|&r| rec.str(r) == Some("E2"))
                .map(|r| merge_key(eps, r)),
        );
    }
    let oc3 = cx.t(T::Oc3);
    for r in oc3.rows() {
        if died.contains(merge_key(oc3, r)) {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn died_in_care() {
        let t = tables(&[
            (T::Episodes, "CHILD,REC\n1,E2\n2,E4A\n3,"),
            (T::EpisodesLast, "CHILD,REC\n3,E2"),
            (T::Oc3, "CHILD,IN_TOUCH\n1,YES\n2,YES\n3,YES\n4,YES"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0, 2]));
        let t = tables(&[
            (T::Episodes, "CHILD,REC\n1,E2\n2,E4A\n3,"),
            (T::Oc3, "CHILD,IN_TOUCH\n1,YES\n2,YES\n3,YES\n4,YES"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0]));
    }
}
