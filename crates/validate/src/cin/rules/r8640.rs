use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A reason for closure, when given, must be RC1 to RC9.
    code: "8640",
    kind: Error,
    message: "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
    fields: ["ReasonForClosure"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        const CODES: &[&str] = &["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"];
        flag_where(cx, h, T::CinDetails, "ReasonForClosure", |v| !CODES.contains(&v))
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn closure_reasons() {
        let t = tables(&[(T::CinDetails, "LAchildID,ReasonForClosure\nA,RC1\nB,RC10\nC,\nD,rc1")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[1, 3]));
    }
}
