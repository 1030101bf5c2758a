use super::prelude::*;
use model::calendar::{add_months, add_years};

/// Children born on or before `cutoff` with an episode going on to further action
/// (ReferralNFA "0" or "false" in any case) and neither a UPN nor a UPN-unknown reason
/// UN2-UN7 (UN1 included, any case).
fn check(cx: &Ctx, h: &mut Hits, cutoff: Date) {
    let ids = cx.t(T::ChildIdentifiers);
    let nfa = cx.t(T::CinDetails).col("ReferralNFA");
    for r in ids.rows() {
        if ids.col("PersonBirthDate").iso_date(r).is_none_or(|b| b > cutoff) {
            continue;
        }
        let further = cx
            .rows_of(T::CinDetails, ids.col("LAchildID").text(r))
            .iter()
            .any(|&e| {
                nfa.str(e as usize)
                    .is_some_and(|v| v == "0" || v.to_lowercase() == "false")
            });
        let reason = ids.col("UPNunknown").str(r).map(str::to_uppercase);
        let explained = matches!(
            reason.as_deref(),
            Some("UN2" | "UN3" | "UN4" | "UN5" | "UN6" | "UN7")
        );
        if further && !ids.col("UPN").is_present(r) && !explained {
            h.flag(T::ChildIdentifiers, r);
        }
    }
}

pub const RULES: &[Rule] = &[
    rule! {
        /// Before 2024-25: children born on or before the reference date less 6 years.
        code: "8770Q",
        kind: Query,
        message: "Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old",
        fields: ["UPNunknown"],
        years: Y2022_23..=Y2023_24,
        check: |cx, h| {
            if let Some(rd) = cx.reference {
                check(cx, h, Date::from(add_years(rd.naive(), -6)));
            }
        },
    },
    rule! {
        /// From 2024-25: children of school age, born on or before the school start date
        /// (reference date + 4 months + 31 days, as the validator's `DateOffset`) less 6
        /// years. The query is on children with an episode going on to further action.
        code: "8770Q",
        kind: Query,
        message: "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.",
        fields: ["UPNunknown"],
        years: Y2024_25..=Y2026_27,
        check: |cx, h| {
            if let Some(rd) = cx.reference {
                let school = Date::from(add_months(rd.naive(), 4)).plus_days(31);
                check(cx, h, Date::from(add_years(school.naive(), -6)));
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn school_age_child_without_upn() {
        // School start for 31 March 2026 is 31 August 2026; less 6 years: 31 August 2020.
        let t = tables(&[
            (
                T::ChildIdentifiers,
                "LAchildID,PersonBirthDate,UPN,UPNunknown\nA,2020-08-31,,UN1\nB,2020-09-01,,\nC,2015-01-01,,UN2\nD,2015-01-01,X1,\nE,2015-01-01,,",
            ),
            (T::CinDetails, "LAchildID,ReferralNFA\nA,0\nB,0\nC,0\nD,0\nE,true"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[0]));
    }
}
