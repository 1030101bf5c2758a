use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A reason for closure needs a closure date.
    code: "8810",
    kind: Error,
    message: "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
    fields: ["ReasonForClosure", "CINclosureDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::CinDetails);
        for r in t.rows() {
            if t.col("ReasonForClosure").is_present(r) && t.col("CINclosureDate").iso_date(r).is_none() {
                h.flag(T::CinDetails, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn reason_without_closure() {
        let t = tables(&[(T::CinDetails, "LAchildID,CINclosureDate,ReasonForClosure\nA,,RC1\nB,2025-05-01,RC1\nC,,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[0]));
    }
}
