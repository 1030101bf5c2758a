use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A Section 47 enquiry with an initial conference must have a start date, not after
    /// the conference.
    code: "8615",
    kind: Error,
    message: "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference",
    fields: ["S47ActualStartDate", "DateOfInitialCPC"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Section47);
        let (start, icpc) = (t.col("S47ActualStartDate"), t.col("DateOfInitialCPC"));
        for r in t.rows() {
            let bad = match (start.iso_date(r), icpc.iso_date(r)) {
                (Some(s), Some(c)) => s > c,
                (None, Some(_)) => true,
                _ => false,
            };
            if bad {
                h.flag(T::Section47, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn start_missing_or_after_conference() {
        let t = tables(&[(
            T::Section47,
            "LAchildID,S47ActualStartDate,DateOfInitialCPC\nA,2025-05-02,2025-05-01\nB,,2025-05-01\nC,2025-05-01,2025-05-01\nD,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[0, 1]));
    }
}
