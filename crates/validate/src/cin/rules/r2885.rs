use super::prelude::*;
use hashbrown::HashSet;

/// For plans starting in the census period: where the episode has Section 47 records
/// needing a conference (ICPCnotRequired not "1"), the plan must start on one of their
/// conference dates; otherwise on one of the episode's CINdetails conference dates. A
/// plan matching none is flagged, and so are the conference records of an episode where
/// no plan matches any of them.
fn check(cx: &Ctx, h: &mut Hits) {
    let plans = cx.t(T::ChildProtectionPlans);
    let start = plans.col("CPPstartDate");
    let s47 = cx.t(T::Section47);
    let not_required = s47.col("ICPCnotRequired");
    let mut needing: hashbrown::HashMap<(&str, &str), Vec<usize>> = by_episode(cx, T::Section47);
    for rows in needing.values_mut() {
        rows.retain(|&r| not_required.str(r) != Some("1"));
    }
    let details = by_episode(cx, T::CinDetails);
    let mut in_period = by_episode(cx, T::ChildProtectionPlans);
    for rows in in_period.values_mut() {
        rows.retain(|&r| start.iso_date(r).is_some_and(|d| cx.in_period(d)));
    }
    let none = Vec::new();
    for (key, cpps) in in_period.iter().filter(|(_, v)| !v.is_empty()) {
        let s47s = needing.get(key).unwrap_or(&none);
        let (table, conf_rows, conf) = if s47s.is_empty() {
            (T::CinDetails, details.get(key).unwrap_or(&none), cx.t(T::CinDetails).col("DateOfInitialCPC"))
        } else {
            (T::Section47, s47s, s47.col("DateOfInitialCPC"))
        };
        let dates: HashSet<Date> = conf_rows.iter().filter_map(|&r| conf.iso_date(r)).collect();
        let mut any = false;
        for &p in cpps {
            if start.iso_date(p).is_some_and(|d| dates.contains(&d)) {
                any = true;
            } else {
                h.flag(T::ChildProtectionPlans, p);
            }
        }
        if !any {
            for &r in conf_rows {
                h.flag(table, r);
            }
        }
    }
}

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan starting in the census period must start on the day of its
    /// initial child protection conference.
    code: "2885",
    kind: Error,
    message: "Child protection plan shown as starting a different day to the initial child protection conference.",
    fields: ["CPPstartDate", "DateOfInitialCPC"],
    years: Y2022_23..=Y2026_27,
    check: check,
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn plan_starts_on_the_conference_day() {
        let t = tables(&[
            (
                T::ChildProtectionPlans,
                "LAchildID,CINdetailsID,CPPstartDate\nA,1,2025-05-01\nB,1,2025-06-01\nC,1,2025-07-01\nD,1,2024-01-01\nE,1,2025-08-01",
            ),
            (
                T::Section47,
                "LAchildID,CINdetailsID,DateOfInitialCPC,ICPCnotRequired\nA,1,2025-05-01,\nB,1,2025-06-02,\nC,1,2025-07-02,1",
            ),
            (
                T::CinDetails,
                "LAchildID,CINdetailsID,DateOfInitialCPC\nA,1,\nB,1,2025-06-01\nC,1,2025-07-02\nD,1,\nE,1,2025-08-01",
            ),
        ]);
        let mut want = rows(T::ChildProtectionPlans, &[1, 2]);
        want.extend(rows(T::CinDetails, &[2]));
        want.extend(rows(T::Section47, &[1]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
