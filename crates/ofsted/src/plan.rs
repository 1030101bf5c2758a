//! The improvement plan: findings (from a report read in, or typed in) → actions (owner, due
//! date, status, RAG, evidence) → linked indicators (ids from `indicators::catalogue()`).
//!
//! **The RAG rule** (an action's colour, unless someone set it by hand):
//! * Complete → Green.
//! * Blocked, or past its due date and not complete (overdue) → Red.
//! * Not started with 28 days or fewer to its due date, or any linked indicator moving the
//!   wrong way → Amber.
//! * Otherwise → Green.
//!
//! A hand-set RAG wins (a lead may know more than the dates show), but an overdue action is
//! flagged as overdue whatever its colour.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days before the due date at which a not-started action turns Amber.
pub const AMBER_DAYS: i64 = 28;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    NotStarted,
    InProgress,
    Blocked,
    Complete,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Blocked,
        Status::Complete,
    ];
    pub fn id(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Blocked => "blocked",
            Status::Complete => "complete",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Blocked => "Blocked",
            Status::Complete => "Complete",
        }
    }
    /// Accepts the id, the label, or the label with `-`/`_` for spaces, any case.
    pub fn parse(s: &str) -> Option<Status> {
        let n = s.trim().to_lowercase().replace(['-', ' '], "_");
        Status::ALL.into_iter().find(|x| x.id() == n)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rag {
    Red,
    Amber,
    Green,
}

impl Rag {
    pub fn id(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
        }
    }
    pub fn parse(s: &str) -> Option<Rag> {
        match s.trim().to_lowercase().as_str() {
            "red" | "r" => Some(Rag::Red),
            "amber" | "a" => Some(Rag::Amber),
            "green" | "g" => Some(Rag::Green),
            _ => None,
        }
    }
}

/// Where a finding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FindingKind {
    /// "What needs to improve" / area for improvement.
    Improvement,
    /// Area for priority action / priority and immediate action.
    PriorityAction,
}

impl FindingKind {
    pub fn id(self) -> &'static str {
        match self {
            FindingKind::Improvement => "improvement",
            FindingKind::PriorityAction => "priority_action",
        }
    }
    pub fn parse(s: &str) -> Option<FindingKind> {
        match s.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "improvement" => Some(FindingKind::Improvement),
            "priority_action" | "priority" => Some(FindingKind::PriorityAction),
            _ => None,
        }
    }
}

/// A finding the council must act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: i64,
    pub la_code: String,
    pub kind: FindingKind,
    pub text: String,
    /// National framework tag, e.g. "Outcome 4, national framework".
    pub tag: Option<String>,
    /// The report it came from ("typed in" when entered by hand).
    pub source: String,
    pub created_at: String,
}

/// A dated note of evidence, with an optional link (a document, a dashboard).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub at: String,
    pub note: String,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: i64,
    pub finding_id: i64,
    pub description: String,
    pub owner: String,
    pub due: NaiveDate,
    pub status: Status,
    /// Set by hand; `None` means the RAG rule decides.
    pub rag_override: Option<Rag>,
    pub evidence: Vec<Evidence>,
    /// Indicator ids from `indicators::catalogue()`.
    pub indicators: Vec<String>,
}

impl Action {
    /// Past its due date and not complete.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status != Status::Complete && self.due < today
    }

    /// The RAG rule of the module documentation; `worsening` says whether any linked
    /// indicator is moving the wrong way.
    pub fn rag(&self, today: NaiveDate, worsening: bool) -> Rag {
        if let Some(r) = self.rag_override {
            return r;
        }
        computed_rag(self.status, self.due, today, worsening)
    }
}

/// The RAG rule without a hand-set colour.
pub fn computed_rag(status: Status, due: NaiveDate, today: NaiveDate, worsening: bool) -> Rag {
    match status {
        Status::Complete => Rag::Green,
        Status::Blocked => Rag::Red,
        _ if due < today => Rag::Red,
        Status::NotStarted if (due - today).num_days() <= AMBER_DAYS => Rag::Amber,
        _ if worsening => Rag::Amber,
        _ => Rag::Green,
    }
}

/// The whole plan of one LA (or of every LA when read unfiltered).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub findings: Vec<Finding>,
    pub actions: Vec<Action>,
}

impl Plan {
    pub fn actions_of(&self, finding: i64) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(move |a| a.finding_id == finding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_rag_rule() {
        let today = d("2026-06-01");
        use Status::*;
        assert_eq!(
            computed_rag(Complete, d("2026-01-01"), today, true),
            Rag::Green
        );
        assert_eq!(
            computed_rag(Blocked, d("2027-01-01"), today, false),
            Rag::Red
        );
        assert_eq!(
            computed_rag(InProgress, d("2026-05-31"), today, false),
            Rag::Red
        );
        assert_eq!(
            computed_rag(NotStarted, d("2026-06-29"), today, false),
            Rag::Amber
        );
        assert_eq!(
            computed_rag(NotStarted, d("2026-06-30"), today, false),
            Rag::Green
        );
        assert_eq!(
            computed_rag(InProgress, d("2026-06-10"), today, false),
            Rag::Green
        );
        assert_eq!(
            computed_rag(InProgress, d("2026-09-10"), today, true),
            Rag::Amber
        );
        assert_eq!(
            computed_rag(InProgress, d("2026-06-01"), today, false),
            Rag::Green
        );
        let mut a = Action {
            id: 1,
            finding_id: 1,
            description: "x".into(),
            owner: "o".into(),
            due: d("2026-05-01"),
            status: InProgress,
            rag_override: Some(Rag::Amber),
            evidence: vec![],
            indicators: vec![],
        };
        assert_eq!(a.rag(today, false), Rag::Amber);
        assert!(a.overdue(today));
        a.status = Complete;
        assert!(!a.overdue(today));
        assert_eq!(Status::parse("In progress"), Some(InProgress));
        assert_eq!(Status::parse("not-started"), Some(NotStarted));
        assert_eq!(Status::parse("done"), None);
    }
}
