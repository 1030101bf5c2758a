use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A Section 47 enquiry needing a conference (ICPCnotRequired "false" or "0") that
    /// started more than 15 working days before the reference date should have one.
    code: "8675Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.",
    fields: ["DateOfInitialCPC", "S47ActualStartDate", "ICPCnotRequired"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let Some(limit) = cx.working_day_limit(15) else { return };
        let t = cx.t(T::Section47);
        let (start, icpc, not_required) =
            (t.col("S47ActualStartDate"), t.col("DateOfInitialCPC"), t.col("ICPCnotRequired"));
        for r in t.rows() {
            if icpc.iso_date(r).is_none()
                && matches!(not_required.str(r), Some("false" | "0"))
                && start.iso_date(r).is_some_and(|s| s < limit)
            {
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
    fn enquiry_without_conference() {
        // The limit for 31 March 2026 is 11 March.
        let t = tables(&[(
            T::Section47,
            "LAchildID,S47ActualStartDate,DateOfInitialCPC,ICPCnotRequired\nA,2026-03-10,,false\nB,2026-03-11,,0\nC,2026-01-01,,1\nD,2026-01-01,2026-01-10,0",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[0]));
    }
}
