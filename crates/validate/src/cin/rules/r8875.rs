use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An initial child protection conference (Section 47 DateOfInitialCPC) is not held at
    /// a weekend.
    code: "8875",
    kind: Error,
    message: "The Date of Initial Child Protection Conference cannot be a weekend",
    fields: ["DateOfInitialCPC"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let cpc = cx.t(T::Section47).col("DateOfInitialCPC");
        for r in cx.t(T::Section47).rows() {
            // Day 0 of the epoch (1970-01-01) was a Thursday: +3 makes Monday 0.
            if cpc.iso_date(r).is_some_and(|d| (d.to_epoch_days() + 3).rem_euclid(7) >= 5) {
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
    fn conference_at_a_weekend() {
        // 2025-06-06 is a Friday.
        let t = tables(&[(
            T::Section47,
            "LAchildID,DateOfInitialCPC\nA,2025-06-06\nB,2025-06-07\nC,2025-06-08\nD,2025-06-09\nE,\nF,1969-12-28",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[1, 2, 5]));
    }
}
