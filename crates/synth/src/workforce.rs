//! Teams and workers, sized to the authority, and the deterministic choice of who is allocated.

use model::codes::YesNo;
use model::tables::{Professional, ProfessionalId, Team, TeamId};
use model::{Id, Tables};

use crate::Config;

/// The kinds of team a case passes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamKind {
    FrontDoor,
    Assessment,
    Safeguarding,
    ChildrenInCare,
    LeavingCare,
    Disabled,
    Adoption,
    EarlyHelp,
}

const KINDS: &[(TeamKind, &str, &str, u64)] = &[
    // kind, team name stem, parent service, children (0-17) per team, rounded up
    (
        TeamKind::FrontDoor,
        "Front Door (MASH)",
        "Early Help and Front Door",
        200_000,
    ),
    (
        TeamKind::EarlyHelp,
        "Early Help",
        "Early Help and Front Door",
        60_000,
    ),
    (
        TeamKind::Assessment,
        "Assessment",
        "Children's Social Care",
        30_000,
    ),
    (
        TeamKind::Safeguarding,
        "Safeguarding and Family Support",
        "Children's Social Care",
        15_000,
    ),
    (
        TeamKind::Disabled,
        "Disabled Children",
        "Children's Social Care",
        120_000,
    ),
    (
        TeamKind::ChildrenInCare,
        "Children in Care",
        "Corporate Parenting",
        25_000,
    ),
    (
        TeamKind::LeavingCare,
        "Leaving Care",
        "Corporate Parenting",
        60_000,
    ),
    (
        TeamKind::Adoption,
        "Adoption and Permanence",
        "Corporate Parenting",
        200_000,
    ),
];

/// Practitioners per team.
const TEAM_SIZE: u64 = 8;

pub struct Workforce {
    teams: Vec<(TeamKind, TeamId, String, String)>,
    /// Workers of each team, same order as `teams`.
    workers: Vec<Vec<ProfessionalId>>,
}

impl Workforce {
    pub fn new(cfg: &Config) -> Self {
        let mut teams = vec![];
        let mut workers = vec![];
        let mut n = 0;
        for &(kind, name, parent, per) in KINDS {
            let count = cfg.population.div_ceil(per).max(1);
            for k in 1..=count {
                n += 1;
                let id = Id::new(format!("T{n:03}")).expect("team id");
                let label = if count > 1 {
                    format!("{name} {k}")
                } else {
                    name.to_string()
                };
                workers.push(
                    (1..=TEAM_SIZE)
                        .map(|w| Id::new(format!("W{n:03}{w:02}")).expect("worker id"))
                        .collect(),
                );
                teams.push((kind, id, label, parent.to_string()));
            }
        }
        Workforce { teams, workers }
    }

    /// The team and worker allocated for `(child, salt)`: spread evenly and reproducibly.
    pub fn allocate(&self, kind: TeamKind, child: u64, salt: u64) -> (TeamId, ProfessionalId) {
        let of_kind: Vec<usize> = (0..self.teams.len())
            .filter(|&i| self.teams[i].0 == kind)
            .collect();
        let h = mix(child.wrapping_mul(0x9E37_79B9) ^ salt);
        let t = of_kind[(h % of_kind.len() as u64) as usize];
        let w = &self.workers[t];
        (
            self.teams[t].1.clone(),
            w[((h >> 20) % w.len() as u64) as usize].clone(),
        )
    }

    /// Writes teams and professionals (with caseloads at the as-at date) into the model.
    pub fn write_into(&self, tables: &mut Tables, cfg: &Config) {
        let parents: Vec<String> = {
            let mut p: Vec<String> = self.teams.iter().map(|t| t.3.clone()).collect();
            p.sort();
            p.dedup();
            p
        };
        for (i, p) in parents.iter().enumerate() {
            tables.teams.push(Team {
                dept_team_id: Id::new(format!("S{:02}", i + 1)).expect("service id"),
                dept_team_name: p.clone(),
                dept_team_parent_id: None,
                dept_team_parent_name: None,
            });
        }
        let mut caseload = std::collections::HashMap::<&str, i64>::new();
        for inv in &tables.involvements {
            let open = inv.invo_involvement_start_date <= cfg.as_at
                && inv.invo_involvement_end_date.is_none_or(|e| e > cfg.as_at);
            if let (true, Some(p)) = (open, &inv.invo_professional_id) {
                *caseload.entry(p.as_str()).or_default() += 1;
            }
        }
        let mut professionals = vec![];
        for (ti, (_, id, name, parent)) in self.teams.iter().enumerate() {
            let pi = parents.iter().position(|p| p == parent).unwrap_or(0);
            tables.teams.push(Team {
                dept_team_id: id.clone(),
                dept_team_name: name.clone(),
                dept_team_parent_id: Some(Id::new(format!("S{:02}", pi + 1)).expect("id")),
                dept_team_parent_name: Some(parent.clone()),
            });
            for (wi, w) in self.workers[ti].iter().enumerate() {
                let k = mix(ti as u64 * 131 + wi as u64 + cfg.seed);
                let title = if wi == 0 {
                    "Team Manager"
                } else if wi < 3 {
                    "Senior Social Worker"
                } else {
                    "Social Worker"
                };
                professionals.push(Professional {
                    prof_professional_id: w.clone(),
                    prof_staff_id: Some(format!("STAFF{}", &w.as_str()[1..])),
                    prof_professional_name: Some(format!(
                        "{} {}",
                        crate::names::FORENAMES_F[(k % 20) as usize],
                        crate::names::surname(k >> 8)
                    )),
                    prof_social_worker_registration_no: Some(format!(
                        "SW9{:05}",
                        (k >> 16) % 100_000
                    )),
                    prof_professional_job_title: Some(title.into()),
                    prof_professional_caseload: Some(
                        caseload.get(w.as_str()).copied().unwrap_or(0),
                    ),
                    prof_professional_department: Some(id.clone()),
                    prof_full_time_equivalency: Some(if k.is_multiple_of(7) { 0.6 } else { 1.0 }),
                    prof_agency_worker_flag: Some(YesNo::from_bool(k.is_multiple_of(6))),
                });
            }
        }
        tables.professionals = professionals;
    }
}

/// A 64-bit mixer (splitmix64 finaliser): turns structured inputs into well-spread values.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}
