use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An initial conference must be recorded at CINdetails or Section 47 level, not both:
    /// the same date on a child's CINdetails and one of the child's Section 47 records flags
    /// both (the validator matches them by child, whatever the episode).
    code: "2884",
    kind: Error,
    message: "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one",
    fields: ["DateOfInitialCPC"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let cin = cx.t(T::CinDetails).col("DateOfInitialCPC");
        let s47 = cx.t(T::Section47).col("DateOfInitialCPC");
        for (child, rows) in cx.by_child(T::CinDetails) {
            let others = cx.rows_of(T::Section47, child);
            for &c in rows {
                let Some(d) = cin.iso_date(c as usize) else { continue };
                for &s in others {
                    if s47.iso_date(s as usize) == Some(d) {
                        h.flag(T::CinDetails, c as usize);
                        h.flag(T::Section47, s as usize);
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
    fn flags_the_same_conference_at_both_levels() {
        let t = tables(&[
            (T::CinDetails, "LAchildID,CINdetailsID,DateOfInitialCPC\nA,1,2025-05-01\nB,1,2025-05-01\nC,1,"),
            (T::Section47, "LAchildID,CINdetailsID,DateOfInitialCPC\nA,2,2025-05-01\nB,1,2025-05-02\nC,1,"),
        ]);
        let mut want = rows(T::CinDetails, &[0]);
        want.extend(rows(T::Section47, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
