use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The Header ReferenceDate must be given and be 31 March of the Header's Year. A Year
    /// that does not make a date (missing, not four digits) fails any reference date.
    code: "100",
    kind: Error,
    message: "Reference Date is incorrect",
    fields: ["ReferenceDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Header);
        for r in t.rows() {
            let expected = t
                .col("Year")
                .str(r)
                .and_then(|y| crate::table::parse_dmy(&format!("31/03/{y}")));
            let actual = t.col("ReferenceDate").iso_date(r);
            if actual.is_none() || actual != expected {
                h.flag(T::Header, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn reference_date_is_31_march_of_the_year() {
        let ok = tables(&[(T::Header, "Year,ReferenceDate\n2026,2026-03-31")]);
        assert_eq!(flagged(RULES, Y2025_26, &ok), vec![]);
        let bad = tables(&[(
            T::Header,
            "Year,ReferenceDate\n2026,2026-03-30\n2026,\nxx,2026-03-31",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &bad), rows(T::Header, &[0, 1, 2]));
    }
}
