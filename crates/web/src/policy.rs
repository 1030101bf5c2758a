//! Who may do what: the one place the server decides. Handlers state the [`Action`] they
//! perform through the [`crate::auth::Need`] extractor, and child-level data passes through
//! [`Scope`]; templates only show what they are given.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Users, imports and the audit log, and all data.
    Admin,
    /// All data, child-level included.
    Analyst,
    /// Aggregates, and child-level data of their own teams' children.
    Manager,
    /// Aggregates only, with small numbers (1–4) suppressed: for councillors.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Analyst, Role::Manager, Role::Viewer];

    pub fn name(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Analyst => "analyst",
            Role::Manager => "manager",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::Analyst => "Analyst",
            Role::Manager => "Team manager",
            Role::Viewer => "Viewer (aggregates only)",
        }
    }
}

/// What a request does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Dashboards and indicator figures.
    ViewAggregates,
    /// Lists of children, journeys, work lists (further limited by [`Scope`]).
    ViewChildren,
    /// Snapshots, their provenance and validation.
    ViewData,
    /// Imports and recomputing the served snapshot.
    ManageImports,
    ManageUsers,
    ViewAudit,
    /// The improvement plan: findings, actions and their linked indicators (no child data).
    ViewPlan,
    /// Adding findings and actions to the plan, and updating actions.
    EditPlan,
}

/// Whether `role` may perform `action`.
pub fn permits(role: Role, action: Action) -> bool {
    use Action::*;
    match (role, action) {
        (_, ViewPlan) => return true,
        (Role::Admin | Role::Analyst, EditPlan) => return true,
        (_, EditPlan) => return false,
        _ => {}
    }
    match role {
        Role::Admin | Role::Analyst if action == ViewAggregates || action == ViewChildren => true,
        Role::Admin => true,
        Role::Analyst => action == ViewData,
        Role::Manager => matches!(action, ViewAggregates | ViewChildren),
        Role::Viewer => action == ViewAggregates,
    }
}

/// Whether figures built on 1–4 children or records must be hidden from this role.
pub fn suppresses_small_numbers(role: Role) -> bool {
    role == Role::Viewer
}

/// Which children a user may see, by their currently allocated team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Teams(Vec<String>),
    Nobody,
}

impl Scope {
    pub fn of(role: Role, teams: &[String]) -> Scope {
        match role {
            Role::Admin | Role::Analyst => Scope::All,
            Role::Manager => Scope::Teams(teams.to_vec()),
            Role::Viewer => Scope::Nobody,
        }
    }

    /// Whether a child allocated to `team` (a team id; none when unallocated) is visible.
    /// Unallocated children are for analysts: a manager sees only their teams' children.
    pub fn allows(&self, team: Option<&str>) -> bool {
        match self {
            Scope::All => true,
            Scope::Teams(ts) => team.is_some_and(|t| ts.iter().any(|x| x == t)),
            Scope::Nobody => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_manage_users_and_read_the_audit_log() {
        for r in Role::ALL {
            assert_eq!(permits(r, Action::ManageUsers), r == Role::Admin);
            assert_eq!(permits(r, Action::ViewAudit), r == Role::Admin);
        }
    }

    #[test]
    fn viewers_see_aggregates_only() {
        assert!(permits(Role::Viewer, Action::ViewAggregates));
        assert!(!permits(Role::Viewer, Action::ViewChildren));
        assert!(!permits(Role::Viewer, Action::ViewData));
        assert!(permits(Role::Manager, Action::ViewChildren));
        assert!(!permits(Role::Manager, Action::ViewData));
        assert!(permits(Role::Analyst, Action::ViewData));
        assert!(suppresses_small_numbers(Role::Viewer));
        assert!(!suppresses_small_numbers(Role::Manager));
    }

    #[test]
    fn everyone_reads_the_plan_and_only_analysts_and_admins_edit_it() {
        for r in Role::ALL {
            assert!(permits(r, Action::ViewPlan));
            assert_eq!(
                permits(r, Action::EditPlan),
                matches!(r, Role::Admin | Role::Analyst),
                "{r:?}"
            );
        }
    }

    #[test]
    fn managers_see_their_own_teams_children() {
        let s = Scope::of(Role::Manager, &["T1".into()]);
        assert!(s.allows(Some("T1")));
        assert!(!s.allows(Some("T2")));
        assert!(!s.allows(None));
        assert!(Scope::of(Role::Analyst, &[]).allows(None));
        assert!(!Scope::of(Role::Viewer, &[]).allows(Some("T1")));
    }
}
