use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child with an episode closed because the child died (RC2) should have a date of
    /// death: the child's identifiers row and those episodes are queried.
    code: "8585Q",
    kind: Query,
    message: "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death",
    fields: ["ReasonForClosure", "PersonDeathDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let ids = cx.t(T::ChildIdentifiers);
        let reason = cx.t(T::CinDetails).col("ReasonForClosure");
        for r in ids.rows() {
            if ids.col("PersonDeathDate").iso_date(r).is_some() {
                continue;
            }
            for &e in cx.rows_of(T::CinDetails, ids.col("LAchildID").text(r)) {
                if reason.str(e as usize) == Some("RC2") {
                    h.flag(T::ChildIdentifiers, r);
                    h.flag(T::CinDetails, e as usize);
                }
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn died_without_a_death_date() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,PersonDeathDate\nA,\nB,2025-06-01"),
            (T::CinDetails, "LAchildID,ReasonForClosure\nA,RC1\nA,RC2\nB,RC2"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), locs(&[(T::ChildIdentifiers, &[0]), (T::CinDetails, &[1])]));
    }
}
