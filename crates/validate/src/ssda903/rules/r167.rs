use super::prelude::*;

const CODES: &[&str] = &["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"];

pub const RULES: &[Rule] = &[rule! {
    /// A review with a date needs a valid participation code (PN0-PN7); a row without a
    /// review date must not have one.
    code: "167",
    message: "Data entry for participation is invalid or blank.",
    fields: ["REVIEW_CODE"],
    tables: [Reviews],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Reviews);
    let (review, code) = (t.col("REVIEW"), t.col("REVIEW_CODE"));
    for r in t.rows() {
        let ok = if review.is_present(r) {
            code.str(r).is_some_and(|c| CODES.contains(&c))
        } else {
            !code.is_present(r)
        };
        if !ok {
            f.flag(T::Reviews, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn code_with_review_only() {
        let t = tables(&[(
            T::Reviews,
            "CHILD,REVIEW,REVIEW_CODE\n1,01/05/2025,PN1\n2,01/05/2025,\n3,01/05/2025,PN8\n4,,\n5,,PN1\n6,bad,PN0",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Reviews, &[1, 2, 4]));
    }
}
