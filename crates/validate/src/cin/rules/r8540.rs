use super::prelude::*;

const CODES: &[&str] = &[
    "NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA",
];

pub const RULES: &[Rule] = &[rule! {
    /// For a child with a date of birth and a CIN episode whose ReferralNFA is "false" or
    /// "0", every disability must be a valid code; a child with no disability rows fails
    /// too. The child's identifiers row, those episodes and the invalid disability rows
    /// are flagged (joined on LAchildID, as the validator does).
    ///
    /// Known difference: the reference never reports this rule. Its identifiers and
    /// CINdetails locations come out under a `ROW_ID_x` column, building the issue
    /// locations raises, and its context drops every location of the rule.
    code: "8540",
    kind: Error,
    message: "Child’s disability is missing or invalid (see Disability table)",
    fields: ["Disability", "PersonBirthDate", "ReferralNFA"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let ids = cx.t(T::ChildIdentifiers);
        let nfa = cx.t(T::CinDetails).col("ReferralNFA");
        let code = cx.t(T::Disabilities).col("Disability");
        for r in ids.rows() {
            if ids.col("PersonBirthDate").iso_date(r).is_none() {
                continue;
            }
            let child = ids.col("LAchildID").text(r);
            let episodes: Vec<u32> = cx
                .rows_of(T::CinDetails, child)
                .iter()
                .copied()
                .filter(|&e| matches!(nfa.str(e as usize), Some("false" | "0")))
                .collect();
            if episodes.is_empty() {
                continue;
            }
            let all = cx.rows_of(T::Disabilities, child);
            let bad: Vec<u32> = all
                .iter()
                .copied()
                .filter(|&d| !code.str(d as usize).is_some_and(|c| CODES.contains(&c)))
                .collect();
            if all.is_empty() || !bad.is_empty() {
                h.flag(T::ChildIdentifiers, r);
                h.flag_rows(T::CinDetails, episodes);
                h.flag_rows(T::Disabilities, bad);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn invalid_or_missing_disability() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,PersonBirthDate\nA,2020-01-01\nB,2020-01-01\nC,2020-01-01\nD,"),
            (T::CinDetails, "LAchildID,ReferralNFA\nA,0\nB,false\nC,true\nD,0"),
            (T::Disabilities, "LAchildID,Disability\nA,MOB\nA,XYZ\nC,XYZ\nD,XYZ"),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            locs(&[(T::ChildIdentifiers, &[0, 1]), (T::CinDetails, &[0, 1]), (T::Disabilities, &[1])])
        );
    }
}
