use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A Section 47 enquiry is expected on a CIN episode that has an assessment: each
    /// Section 47 record of an episode without one is queried.
    code: "2991Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode",
    fields: ["CINdetailsID"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let assessed = by_episode(cx, T::Assessments);
        for (key, rows) in by_episode(cx, T::Section47) {
            if !assessed.contains_key(&key) {
                h.flag_rows(T::Section47, rows.iter().map(|&r| r as u32));
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn section_47_without_assessment() {
        let t = tables(&[
            (T::Assessments, "LAchildID,CINdetailsID\nA,1"),
            (T::Section47, "LAchildID,CINdetailsID\nA,1\nA,2\nB,1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[1, 2]));
    }
}
