use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN closure date, when given, must fall within the census period.
    code: "8620",
    kind: Error,
    message: "CIN Closure Date present and does not fall within the Census year",
    fields: ["CINclosureDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| flag_outside_period(cx, h, T::CinDetails, "CINclosureDate"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn closure_outside_the_census_year() {
        let t = tables(&[(
            T::CinDetails,
            "LAchildID,CINclosureDate\nA,2025-04-01\nB,2025-03-31\nC,2026-04-01\nD,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[1, 2]));
    }
}
