use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A primary need code, when given, must be N0 to N9.
    code: "8650",
    kind: Error,
    message: "Primary Need Code invalid (see Primary Need table in CIN census code set)",
    fields: ["PrimaryNeedCode"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        const CODES: &[&str] = &["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"];
        flag_where(cx, h, T::CinDetails, "PrimaryNeedCode", |v| !CODES.contains(&v))
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn need_codes() {
        let t = tables(&[(T::CinDetails, "LAchildID,PrimaryNeedCode\nA,N0\nB,N10\nC,\nD,n1")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[1, 3]));
    }
}
