use super::prelude::*;
use model::calendar::add_years;

pub const RULES: &[Rule] = &[rule! {
    /// A child over 25 at the reference date should not have an episode open past their
    /// 25th birthday (closed after it, or not closed): the child and those episodes are
    /// queried.
    code: "8775Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: Child is over 25 years old",
    fields: ["PersonBirthDate", "CINclosureDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let Some(rd) = cx.reference else { return };
        let limit = Date::from(add_years(rd.naive(), -25));
        let ids = cx.t(T::ChildIdentifiers);
        let closed = cx.t(T::CinDetails).col("CINclosureDate");
        for r in ids.rows() {
            let Some(born) = ids.col("PersonBirthDate").iso_date(r) else { continue };
            if born >= limit {
                continue;
            }
            let at25 = Date::from(add_years(born.naive(), 25));
            for &e in cx.rows_of(T::CinDetails, ids.col("LAchildID").text(r)) {
                if closed.iso_date(e as usize).is_none_or(|c| c > at25) {
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
    fn over_25() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,PersonBirthDate\nA,2000-01-01\nB,2001-04-01"),
            (
                T::CinDetails,
                "LAchildID,CINclosureDate\nA,2025-01-01\nA,2025-01-02\nA,\nB,",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            locs(&[(T::ChildIdentifiers, &[0]), (T::CinDetails, &[1, 2])])
        );
    }
}
