use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A care leaver under 18 at the start of the year cannot live in a foyer (ACCOM T).
    /// "Under 18" is the reference's: fewer than 18 average years (6574.365 days) between
    /// the date of birth and 1 April. The reference fails on an OC3 date of birth that is
    /// not a date; we skip that row.
        code: "347",
        message: "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
        fields: ["PLACE", "DEC", "URN"],
    tables: [Oc3],
        years: Y2023_24..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc3);
    let (accom, dob) = (t.col("ACCOM"), t.col("DOB"));
    for r in t.rows() {
        if accom.str(r) != Some("T") {
            continue;
        }
        // numpy's 18 "Y" is 18 x 365.2425 days = 6574.365: under it means 6574 days or fewer.
        if dob.date(r).is_some_and(|d| d.days_until(cx.start) <= 6574) {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn foyer_under_18() {
        // 2025-26 starts 01/04/2025: 01/04/2007 is 6575 days before, 02/04/2007 6574.
        let t = tables(&[(
            T::Oc3,
            "CHILD,DOB,ACCOM\n1,01/04/2007,T\n2,02/04/2007,T\n3,02/04/2007,B\n4,BAD,T",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[1]));
    }
}
