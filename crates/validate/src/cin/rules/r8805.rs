use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A closed CIN episode needs a reason for closure.
    code: "8805",
    kind: Error,
    message: "A CIN case cannot have a CIN closure date without a Reason for Closure",
    fields: ["CINclosureDate", "ReasonForClosure"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::CinDetails);
        for r in t.rows() {
            if t.col("CINclosureDate").iso_date(r).is_some() && !t.col("ReasonForClosure").is_present(r) {
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
    fn closed_without_reason() {
        let t = tables(&[(T::CinDetails, "LAchildID,CINclosureDate,ReasonForClosure\nA,2025-05-01,\nB,2025-05-01,RC1\nC,,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[0]));
    }
}
