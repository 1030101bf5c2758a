use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's missing periods must not overlap: ordered by end date (start date when
    /// open), a period may not follow one that is still open or ends after it starts.
    code: "574",
    message: "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.",
    fields: ["MIS_START", "MIS_END"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| flag_overlaps(cx, f, T::Missing, "MIS_START", "MIS_END")),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_or_overlapping() {
        let t = tables(&[(
            T::Missing,
            "CHILD,MIS_START,MIS_END\n\
             1,01/05/2025,10/05/2025\n\
             1,05/05/2025,20/05/2025\n\
             2,01/05/2025,\n\
             2,03/05/2025,04/05/2025\n\
             3,01/05/2025,02/05/2025\n\
             3,02/05/2025,03/05/2025\n\
             4,01/05/2025,X\n\
             4,01/06/2025,02/06/2025",
        )]);
        // child 1: second overlaps the first; child 2: the open period sorts first by its
        // start (01/05) and the next starts while it is open; child 3 touches only;
        // child 4: an invalid end reads as open.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[1, 3, 7]));
    }
}
