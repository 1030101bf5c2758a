use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode ending with a transfer to adult social care (REC E7) must end on or after
    /// the child's 16th birthday. As in the reference, a missing DEC, Header row or DOB
    /// also flags the episode.
    code: "389",
    message: "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.",
    fields: ["REC"],
    tables: [Episodes, Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| super::r387::under_age_at_dec(cx, f, &["E7"], 16, false)),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adult_care_under_sixteen() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2009\n2,02/06/2009"),
            (
                T::Episodes,
                "CHILD,DEC,REC\n1,01/06/2025,E7\n2,01/06/2025,E7\n1,,E7\n3,01/06/2025,E7\n2,01/06/2025,E5",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2, 3]));
    }
}
