use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every social worker episode needs a social worker ID, a start date and a reason.
    code: "SW03STG1",
    message: "For each social worker episode, information should be complete.",
    fields: ["SW_ID", "SW_DECOM", "SW_REASON"],
    tables: [SwEpisodes],
    years: Y2023_24..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        if !["SW_ID", "SW_DECOM", "SW_REASON"].iter().all(|c| sw.col(c).is_present(r)) {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn all_three_items() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_ID,SW_DECOM,SW_REASON\n1,SW1,X,Y\n2,,X,Y\n3,SW1,,Y\n4,SW1,X,",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::SwEpisodes, &[1, 2, 3]));
    }
}
