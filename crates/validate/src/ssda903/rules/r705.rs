use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's DoLOs must not overlap: ordered by end date (start date when open), a DoLO
    /// may not follow one that is still open or ends after it starts.
    code: "705",
    message: "A DoLO cannot start when the previous DoLO is still open.",
    fields: ["DOLO_START", "DOLO_END"],
    tables: [DoLo],
    years: Y2026_27..=Y2026_27,
    check: Check::Custom(|cx, f| flag_overlaps(cx, f, T::DoLo, "DOLO_START", "DOLO_END")),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_or_overlapping() {
        let t = tables(&[(
            T::DoLo,
            "CHILD,DOLO_START,DOLO_END\n1,01/05/2026,10/05/2026\n1,05/05/2026,20/05/2026\n2,01/05/2026,02/05/2026\n2,02/05/2026,",
        )]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLo, &[1]));
    }
}
