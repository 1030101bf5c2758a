use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A Section 47 initial conference date, when given, must fall within the census period.
    code: "8715",
    kind: Error,
    message: "Date of Initial Child Protection Conference must fall within the census year",
    fields: ["DateOfInitialCPC", "ReferenceDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        if cx.reference.is_some() {
            flag_outside_period(cx, h, T::Section47, "DateOfInitialCPC");
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn conference_outside_the_census_year() {
        let t = tables(&[(
            T::Section47,
            "LAchildID,DateOfInitialCPC\nA,2025-04-01\nB,2025-03-31\nC,2026-04-01\nD,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[1, 2]));
    }
}
