//! Grades, judgements and frameworks: the closed vocabularies of Ofsted inspections.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Ofsted's four-point scale. Ordered best first, so `max` is the weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Grade {
    Outstanding,
    Good,
    /// "Requires improvement to be good" (ILACS); "Requires improvement" (SIF, some 2018 ILACS).
    RequiresImprovement,
    Inadequate,
}

impl Grade {
    pub const ALL: [Grade; 4] = [
        Grade::Outstanding,
        Grade::Good,
        Grade::RequiresImprovement,
        Grade::Inadequate,
    ];

    /// Reads every spelling seen in reports and scraped files: any case, "Requires
    /// improvement", "requires improvement to be good", "require improvement" (from "services
    /// in X require improvement"), "are inadequate", a trailing full stop. `None` for anything
    /// else, including the scrapers' markers (`data_unreadable`, `to requires improvement`).
    pub fn parse(s: &str) -> Option<Grade> {
        let s = s
            .trim()
            .trim_end_matches(['.', ',', ';', ':'])
            .trim()
            .to_lowercase();
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let s = s
            .strip_prefix("are ")
            .or_else(|| s.strip_prefix("is "))
            .unwrap_or(&s);
        match s {
            "outstanding" => Some(Grade::Outstanding),
            "good" => Some(Grade::Good),
            "inadequate" => Some(Grade::Inadequate),
            "requires improvement"
            | "requires improvement to be good"
            | "require improvement"
            | "require improvement to be good"
            | "requires improvement to be good." => Some(Grade::RequiresImprovement),
            _ => None,
        }
    }

    /// The published wording (ILACS form for "requires improvement").
    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovement => "Requires improvement to be good",
            Grade::Inadequate => "Inadequate",
        }
    }

    /// The wording of a report of that era: the SIF printed "Requires improvement".
    pub fn label_in(self, era: Option<Era>) -> &'static str {
        match (self, era) {
            (Grade::RequiresImprovement, Some(Era::Sif)) => "Requires improvement",
            _ => self.label(),
        }
    }

    /// Short code for tables: `O`, `G`, `RI`, `I`.
    pub fn short(self) -> &'static str {
        match self {
            Grade::Outstanding => "O",
            Grade::Good => "G",
            Grade::RequiresImprovement => "RI",
            Grade::Inadequate => "I",
        }
    }
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The kind of inspection activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Framework {
    /// Single inspection framework, 2013–2018 (a re-inspection has no LSCB review).
    Sif,
    SifReinspection,
    /// ILACS standard inspection (about two weeks).
    IlacsStandard,
    /// ILACS short inspection (about one week).
    IlacsShort,
    /// ILACS graded inspection whose type the source does not say.
    Ilacs,
    FocusedVisit,
    MonitoringVisit,
    Jtai,
}

impl Framework {
    pub fn label(self) -> &'static str {
        match self {
            Framework::Sif => "SIF",
            Framework::SifReinspection => "SIF re-inspection",
            Framework::IlacsStandard => "ILACS standard",
            Framework::IlacsShort => "ILACS short",
            Framework::Ilacs => "ILACS",
            Framework::FocusedVisit => "focused visit",
            Framework::MonitoringVisit => "monitoring visit",
            Framework::Jtai => "JTAI",
        }
    }

    /// Graded activities give judgements; visits and JTAIs do not.
    pub fn is_graded(self) -> bool {
        !matches!(
            self,
            Framework::FocusedVisit | Framework::MonitoringVisit | Framework::Jtai
        )
    }

    pub fn is_sif(self) -> bool {
        matches!(self, Framework::Sif | Framework::SifReinspection)
    }

    /// Parses the labels above and the scrapers' `short` / `standard`.
    pub fn parse(s: &str) -> Option<Framework> {
        let s = s.trim().to_lowercase();
        Some(match s.as_str() {
            "sif" => Framework::Sif,
            "sif re-inspection" | "sif reinspection" => Framework::SifReinspection,
            "standard" | "ilacs standard" | "standard inspection" => Framework::IlacsStandard,
            "short" | "ilacs short" | "short inspection" => Framework::IlacsShort,
            "ilacs" => Framework::Ilacs,
            "focused visit" | "focused" => Framework::FocusedVisit,
            "monitoring visit" | "monitoring" => Framework::MonitoringVisit,
            "jtai" | "joint targeted area inspection" => Framework::Jtai,
            _ => return None,
        })
    }
}

/// Which judgement table a graded inspection has; chosen by the inspection's start date
/// (spec §3: Bradford, inspected Nov 2022 and published Jan 2023, has the 2018 layout).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Era {
    /// Overall, help and protection, looked after and permanence (adoption, care leavers), leadership, LSCB.
    Sif,
    /// Leaders, help and protection, children in care and care leavers (combined), overall.
    Ilacs2018,
    /// Leaders, help and protection, children in care, care leavers, overall.
    Ilacs2023,
    /// As 2023 without overall effectiveness.
    Ilacs2026,
}

/// First fieldwork day with a separate care-leavers judgement.
pub fn care_leavers_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date")
}

/// First fieldwork day without an overall effectiveness judgement.
pub fn no_overall_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 1).expect("valid date")
}

impl Era {
    /// The ILACS era of an inspection that started on `start`.
    pub fn ilacs(start: NaiveDate) -> Era {
        if start >= no_overall_from() {
            Era::Ilacs2026
        } else if start >= care_leavers_from() {
            Era::Ilacs2023
        } else {
            Era::Ilacs2018
        }
    }

    /// The judgements a report of this era carries.
    pub fn judgements(self) -> &'static [Judgement] {
        use Judgement::*;
        match self {
            Era::Sif => &[
                Overall,
                HelpAndProtection,
                LookedAfterPermanence,
                Adoption,
                CareLeavers,
                LeadershipManagementGovernance,
                Lscb,
            ],
            Era::Ilacs2018 => &[Leaders, HelpAndProtection, InCareAndCareLeavers, Overall],
            Era::Ilacs2023 => &[Leaders, HelpAndProtection, InCare, CareLeavers, Overall],
            Era::Ilacs2026 => &[Leaders, HelpAndProtection, InCare, CareLeavers],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Era::Sif => "SIF",
            Era::Ilacs2018 => "ILACS 2018 (four judgements)",
            Era::Ilacs2023 => "ILACS 2023 (five judgements)",
            Era::Ilacs2026 => "ILACS 2026 (no overall effectiveness)",
        }
    }
}

/// One judgement of a graded inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Judgement {
    /// Overall effectiveness (ILACS, to March 2026) or the SIF overall judgement.
    Overall,
    /// ILACS: the impact of leaders on social work practice with children and families.
    Leaders,
    /// The experiences and progress of children who need help and protection (SIF 1 too).
    HelpAndProtection,
    /// ILACS from 2023: children in care.
    InCare,
    /// ILACS 2018–2022: children in care and care leavers, one judgement.
    InCareAndCareLeavers,
    /// ILACS from 2023, and SIF 2.2 (experiences and progress of care leavers).
    CareLeavers,
    /// SIF 2: children looked after and achieving permanence.
    LookedAfterPermanence,
    /// SIF 2.1: adoption performance.
    Adoption,
    /// SIF 3: leadership, management and governance.
    LeadershipManagementGovernance,
    /// SIF: review of the Local Safeguarding Children Board.
    Lscb,
}

impl Judgement {
    pub const ALL: [Judgement; 10] = [
        Judgement::Overall,
        Judgement::Leaders,
        Judgement::HelpAndProtection,
        Judgement::InCare,
        Judgement::InCareAndCareLeavers,
        Judgement::CareLeavers,
        Judgement::LookedAfterPermanence,
        Judgement::Adoption,
        Judgement::LeadershipManagementGovernance,
        Judgement::Lscb,
    ];

    /// Stable identifier (JSON, store, CLI).
    pub fn id(self) -> &'static str {
        match self {
            Judgement::Overall => "overall",
            Judgement::Leaders => "leaders",
            Judgement::HelpAndProtection => "help_and_protection",
            Judgement::InCare => "in_care",
            Judgement::InCareAndCareLeavers => "in_care_and_care_leavers",
            Judgement::CareLeavers => "care_leavers",
            Judgement::LookedAfterPermanence => "looked_after_permanence",
            Judgement::Adoption => "adoption",
            Judgement::LeadershipManagementGovernance => "leadership_management_governance",
            Judgement::Lscb => "lscb",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Judgement::Overall => "Overall effectiveness",
            Judgement::Leaders => "Impact of leaders",
            Judgement::HelpAndProtection => "Help and protection",
            Judgement::InCare => "Children in care",
            Judgement::InCareAndCareLeavers => "Children in care and care leavers",
            Judgement::CareLeavers => "Care leavers",
            Judgement::LookedAfterPermanence => "Looked after and permanence",
            Judgement::Adoption => "Adoption performance",
            Judgement::LeadershipManagementGovernance => "Leadership, management and governance",
            Judgement::Lscb => "LSCB",
        }
    }

    pub fn from_id(s: &str) -> Option<Judgement> {
        Judgement::ALL.into_iter().find(|j| j.id() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_published_spelling() {
        for s in [
            "Requires improvement to be good",
            "Requires improvement",
            "require improvement",
            "Requires Improvement",
            "requires improvement to be good.",
            "  Requires improvement to\nbe good ",
            "are requires improvement",
        ] {
            assert_eq!(Grade::parse(s), Some(Grade::RequiresImprovement), "{s}");
        }
        assert_eq!(Grade::parse("are inadequate"), Some(Grade::Inadequate));
        let ri = Grade::RequiresImprovement;
        assert_eq!(ri.label_in(Some(Era::Sif)), "Requires improvement");
        assert_eq!(
            ri.label_in(Some(Era::Ilacs2018)),
            "Requires improvement to be good"
        );
        assert_eq!(Grade::parse("Good."), Some(Grade::Good));
        assert_eq!(Grade::parse("OUTSTANDING"), Some(Grade::Outstanding));
        for s in [
            "",
            "data_unreadable",
            "to requires improvement",
            "adequate",
            "nan",
        ] {
            assert_eq!(Grade::parse(s), None, "{s}");
        }
    }

    #[test]
    fn eras_by_start_date() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(Era::ilacs(d(2022, 11, 21)), Era::Ilacs2018);
        assert_eq!(Era::ilacs(d(2023, 1, 9)), Era::Ilacs2023);
        assert_eq!(Era::ilacs(d(2026, 3, 30)), Era::Ilacs2023);
        assert_eq!(Era::ilacs(d(2026, 4, 27)), Era::Ilacs2026);
        assert!(!Era::Ilacs2026.judgements().contains(&Judgement::Overall));
    }
}
