use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A Section 47 enquiry needing a conference (ICPCnotRequired "0") that has not had one
    /// must have started within the census period.
    code: "8740",
    kind: Error,
    message: "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year",
    fields: ["S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Section47);
        let (start, icpc, not_required) =
            (t.col("S47ActualStartDate"), t.col("DateOfInitialCPC"), t.col("ICPCnotRequired"));
        let (Some(from), Some(to)) = (cx.start, cx.end) else { return };
        for r in t.rows() {
            if icpc.iso_date(r).is_none()
                && not_required.str(r) == Some("0")
                && start.iso_date(r).is_some_and(|d| d < from || d > to)
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
    fn enquiry_awaiting_conference_started_in_year() {
        let t = tables(&[(
            T::Section47,
            "LAchildID,S47ActualStartDate,DateOfInitialCPC,ICPCnotRequired\nA,2025-03-31,,0\nB,2025-04-01,,0\nC,2025-03-31,,1\nD,2025-03-31,2025-04-03,0",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[0]));
    }
}
