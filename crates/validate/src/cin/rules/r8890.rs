use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A Section 47 enquiry must not start while another enquiry of the same CIN episode is
    /// ongoing: on or after the other's start and on or before its initial conference, or,
    /// when the other has no conference date and its ICPCnotRequired is not true (`1` or
    /// `true`, any case), on or before the reference date. As in the validator, enquiries
    /// without a valid start date are ignored, and two enquiries with the same start and
    /// conference dates are not compared (the validator's way of not comparing an enquiry
    /// with itself). Both enquiries are flagged.
    code: "8890",
    kind: Error,
    message: "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
    fields: ["S47ActualStartDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Section47);
        let (start, cpc) = (t.col("S47ActualStartDate"), t.col("DateOfInitialCPC"));
        let not_required = t.col("ICPCnotRequired");
        for rows in by_episode(cx, T::Section47).values() {
            for &r in rows {
                let Some(s) = start.iso_date(r) else { continue };
                for &q in rows {
                    let Some(other) = start.iso_date(q) else { continue };
                    let end = cpc.iso_date(q);
                    if s == other && cpc.iso_date(r) == end {
                        continue;
                    }
                    let ongoing = match end {
                        Some(e) => s <= e,
                        None => {
                            let waived = not_required
                                .str(q)
                                .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
                            !waived && cx.reference.is_some_and(|rd| s <= rd)
                        }
                    };
                    if s >= other && ongoing {
                        h.flag(T::Section47, r);
                        h.flag(T::Section47, q);
                    }
                }
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn enquiry_starting_during_another() {
        let t = tables(&[(
            T::Section47,
            "LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC,ICPCnotRequired\n\
             A,1,2025-05-01,2025-05-20,0\n\
             A,1,2025-05-20,,0\n\
             B,1,2025-05-01,,TRUE\n\
             B,1,2025-06-01,,1\n\
             C,1,2025-05-01,,\n\
             C,2,2025-06-01,,\n\
             D,1,2025-05-01,2025-05-10,\n\
             D,1,2025-05-01,2025-05-10,\n\
             E,1,2025-05-01,,\n\
             E,1,2025-06-01,,",
        )]);
        // A: the second starts on the first's conference; E: the first is still open.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[0, 1, 8, 9]));
    }
}
