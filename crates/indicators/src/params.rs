//! The choices the specification leaves open (`csc-data-spec.md`, marked UNCERTAIN) and the
//! local practice standards, as parameters. The defaults are documented in
//! `docs/indicators.md`; each can be changed with `sightline indicators --param NAME=VALUE`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Params {
    /// Length of the period an events indicator counts, ending at the as-at date.
    pub period_months: u32,
    /// A re-referral is a referral with an earlier referral of the same child on or after
    /// this many calendar months before it (spec §5.2: `prev >= this − 12 months`, `prev < this`).
    pub rereferral_months: u32,
    /// Whether an earlier referral that ended in no further action makes a re-referral
    /// (spec §7.5 asks whether prior NFA referrals count; the DfE counts all referrals).
    pub rereferral_counts_nfa: bool,
    /// Working days within which an assessment counts as timely (45, statutory guidance).
    pub assessment_working_days: i64,
    /// Working days from the section 47 start to the ICPC (15).
    pub icpc_working_days: i64,
    /// "Second plan within N years": the earlier plan ended on or after this many years
    /// before the new plan started (spec §5.2, UNCERTAIN; implemented as stated there).
    pub second_plan_years: u32,
    /// First CP review due this many months after the plan starts (Working Together: 3).
    pub cp_first_review_months: u32,
    /// Later CP reviews due this many months after the previous one (6).
    pub cp_review_interval_months: u32,
    /// CP visits: the last visit is within this many days of the as-at date (10; LAs also
    /// use 15).
    pub cp_visit_days: i64,
    /// Whether `cp_visit_days` are working days (true) or calendar days.
    pub cp_visit_working_days: bool,
    /// Count only visits where the child was seen.
    pub visits_require_seen: bool,
    /// Children in care: a visit within this many calendar days of the last one (6 weeks).
    pub cla_visit_interval_days: i64,
    /// Children in care: the first visit in a new placement within this many days (7).
    pub cla_first_visit_days: i64,
    /// Count moves to and from temporary placements (T0–T4) as placements (spec §5.3 note A:
    /// DfE's treatment is not stated; default counts them like any other change).
    pub count_temporary_moves: bool,
    /// Months of continuous care before long-term stability is measured (30 = 2.5 years).
    pub long_term_care_months: u32,
    /// Years in the same placement that make it stable (2).
    pub long_term_placement_years: u32,
    /// Long-term stability is measured for children under this age (16).
    pub long_term_under_age: u8,
    /// Health assessment up to date: months allowed since the last one for under-5s (6) …
    pub health_months_under5: u32,
    /// … and for children aged 5 and over (12).
    pub health_months_5plus: u32,
    /// The initial health assessment is due within this many working days of entering care (20).
    pub initial_health_working_days: i64,
    /// SDQ measure: children aged from … (DfE: 5) …
    pub sdq_min_age: u8,
    /// … to (16) at the as-at date.
    pub sdq_max_age: u8,
    /// Care leavers: information counts if recorded from this many days before the birthday
    /// (92, "around the birthday", as the 903 export) …
    pub leaver_days_before_birthday: i64,
    /// … to this many days after it (31).
    pub leaver_days_after_birthday: i64,
    /// Leave out care leavers who died or returned home for 6 months or more (RHOM), as the
    /// DfE's care leaver statistics do (spec §5.4).
    pub leaver_exclude_died_rhom: bool,
    /// Pathway plans reviewed within this many months (6).
    pub pathway_review_months: u32,
    /// A care leaver counts as current if their last contact is within this many months.
    pub leaver_current_months: u32,
    /// Adoption measures A1, A10, A2 average over children adopted in this many years (3).
    pub adoption_years: u32,
    /// "Many social workers": this many different workers or more in 12 months (3).
    pub many_workers: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            period_months: 12,
            rereferral_months: 12,
            rereferral_counts_nfa: true,
            assessment_working_days: 45,
            icpc_working_days: 15,
            second_plan_years: 2,
            cp_first_review_months: 3,
            cp_review_interval_months: 6,
            cp_visit_days: 10,
            cp_visit_working_days: true,
            visits_require_seen: true,
            cla_visit_interval_days: 42,
            cla_first_visit_days: 7,
            count_temporary_moves: true,
            long_term_care_months: 30,
            long_term_placement_years: 2,
            long_term_under_age: 16,
            health_months_under5: 6,
            health_months_5plus: 12,
            initial_health_working_days: 20,
            sdq_min_age: 5,
            sdq_max_age: 16,
            leaver_days_before_birthday: 92,
            leaver_days_after_birthday: 31,
            leaver_exclude_died_rhom: true,
            pathway_review_months: 6,
            leaver_current_months: 12,
            adoption_years: 3,
            many_workers: 3,
        }
    }
}

impl Params {
    /// Sets one parameter from `NAME=VALUE` text (the CLI's `--param`).
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (name, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("`{assignment}`: expected NAME=VALUE"))?;
        let mut json = serde_json::to_value(&*self).map_err(|e| e.to_string())?;
        let slot = json
            .get_mut(name.trim())
            .ok_or_else(|| format!("unknown parameter `{}`", name.trim()))?;
        let parsed: serde_json::Value = serde_json::from_str(value.trim())
            .map_err(|_| format!("`{}`: `{value}` is not a number or true/false", name.trim()))?;
        if std::mem::discriminant(slot) != std::mem::discriminant(&parsed) {
            return Err(format!(
                "`{}`: `{value}` is not a valid value (expected something like {slot})",
                name.trim()
            ));
        }
        *slot = parsed;
        *self = serde_json::from_value(json)
            .map_err(|e| format!("`{}`: `{value}`: {e}", name.trim()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_changes_one_parameter_and_rejects_bad_input() {
        let mut p = Params::default();
        p.set("cp_visit_days=15").unwrap();
        assert_eq!(p.cp_visit_days, 15);
        p.set("count_temporary_moves = false").unwrap();
        assert!(!p.count_temporary_moves);
        assert!(p.set("nope=1").unwrap_err().contains("unknown parameter"));
        assert!(p.set("cp_visit_days=true").is_err());
        assert!(p.set("many_workers=-1").is_err());
        assert!(p.set("cp_visit_days").is_err());
        assert_eq!(p.cp_visit_days, 15);
    }
}
