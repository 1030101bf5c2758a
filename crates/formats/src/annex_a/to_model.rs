//! A council's own Annex A as a case model (`sightline import annex-a`): every list's rows
//! mapped back to the SSD tables they are derived from, so summaries, journeys and indicators
//! run on a council's workbook as on an extract.
//!
//! The mapping is chosen so that deriving Annex A again at the same date gives the same lists
//! (`docs/annex-a.md`, "Importing an Annex A"). Annex A is a summary, so some records have to
//! be stood in for: earlier referrals, enquiries, conferences, placements and missing episodes
//! that only a count reveals become placeholder rows dated where the count needs them (ids
//! ending `-P…`), and a record that needs a referral the lists do not show is linked to a
//! placeholder referral (`AAP…-REF`). Defaults for values the model needs and Annex A lacks:
//!
//! * blank Gender → `U`, blank Ethnicity → `NOBT`, blank contact/referral source → `10`
//!   (unknown), blank or unknown Referral NFA? → `N`, blank category of need → `N0`;
//! * an S47 enquiry with an ICPC ends on the ICPC (or on the first day of the six months, if
//!   the ICPC was earlier); one whose ICPC was deemed unnecessary ends on its start (or the
//!   first day of the six months); the end date itself is not in Annex A;
//! * Placement Location `a) In` is 0 miles from home, `b) Out` 21 (just beyond the export's
//!   20-mile default); health checks are `COMPLETED`; a permanence plan starts when care did;
//! * a care leaver with no Latest Date of Contact is recorded as contacted on the as-at date;
//! * an adopter with no family identifier is a family of their own; blank adopter disability
//!   and fostering-for-adoption are `N`.
//!
//! A blank Child Unique ID or key date, or a value that is not in its column's code list, is a
//! [`ToModelError`] naming the list, spreadsheet row (header = row 1) and column.

use std::collections::HashMap;
use std::str::FromStr;

use model::calendar::add_months;
use model::codes::*;
use model::tables::*;
use model::{CaseModel, Date, Id, Json, LaInfo, Tables};

use super::codes::{self as cc, CellList};
use super::{AnnexA, Cell, LISTS};

/// A row that cannot become part of a case model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ToModelError {
    #[error("List {list}, row {row}, column \"{column}\": must not be blank")]
    Blank {
        list: u8,
        /// Spreadsheet row: the header is row 1, the first record row 2.
        row: usize,
        column: &'static str,
    },
    #[error("List {list}, row {row}, column \"{column}\", value \"{value}\": expected {expected}")]
    Invalid {
        list: u8,
        row: usize,
        column: &'static str,
        value: String,
        expected: String,
    },
    #[error("the Annex A date {0} is not a plausible date (years 1800 to 2200)")]
    AsAt(Date),
}

/// Placement Location as miles from home (the export's threshold is 20).
const IN_AREA_MILES: f64 = 0.0;
const OUT_OF_AREA_MILES: f64 = 21.0;
/// More than this many events of one kind in a year is taken as a typing error.
const MAX_COUNT: i64 = 500;

/// The case model an Annex A describes. `la` supplies what the lists do not (LA code, name,
/// population); the as-at date of the lists is `aa.as_at`.
pub fn to_model(aa: &AnnexA, la: LaInfo) -> Result<CaseModel, ToModelError> {
    if !plausible(aa.as_at) {
        return Err(ToModelError::AsAt(aa.as_at));
    }
    let mut b = Builder::new(aa);
    b.people()?;
    b.contacts()?;
    b.early_help()?;
    b.referrals()?;
    b.assessments()?;
    b.section_47s()?;
    b.cp_plans()?;
    b.care()?;
    b.leavers()?;
    b.adoption()?;
    b.adopters()?;
    b.case_status()?;
    b.epo();
    b.allocations();
    Ok(CaseModel { la, tables: b.t })
}

fn plausible(d: Date) -> bool {
    (1800..=2200).contains(&d.year())
}

fn id<T>(s: &str) -> Id<T> {
    // Generated ids are short ASCII, always valid.
    Id::new(s).expect("generated id")
}

fn day_before(d: Date) -> Date {
    d.0.pred_opt().map_or(d, Date)
}

fn months_back(d: Date, n: i32) -> Date {
    Date(add_months(d.0, -n))
}

/// One row of one list, read by header.
#[derive(Clone, Copy)]
struct Row<'a> {
    list: u8,
    /// 0-based record index.
    index: usize,
    cells: &'a [Cell],
}

impl<'a> Row<'a> {
    fn line(&self) -> usize {
        self.index + 2
    }
    /// `AA{list}-{record}`: the id of what this row records.
    fn key(&self) -> String {
        format!("AA{}-{:05}", self.list, self.index + 1)
    }
    fn sub(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.key())
    }
    fn cell(&self, header: &'static str) -> &'a Cell {
        let def = &LISTS[self.list as usize - 1];
        debug_assert!(def.column(header).is_some(), "{header}");
        def.column(header)
            .and_then(|c| self.cells.get(c))
            .unwrap_or(&Cell::Empty)
    }
    fn blank(&self, column: &'static str) -> ToModelError {
        ToModelError::Blank {
            list: self.list,
            row: self.line(),
            column,
        }
    }
    fn invalid(&self, column: &'static str, expected: impl Into<String>) -> ToModelError {
        ToModelError::Invalid {
            list: self.list,
            row: self.line(),
            column,
            value: self.cell(column).text(),
            expected: expected.into(),
        }
    }
    fn text(&self, h: &'static str) -> Option<String> {
        let t = self.cell(h).text();
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_string())
    }
    fn date(&self, h: &'static str) -> Result<Option<Date>, ToModelError> {
        let d = match self.cell(h) {
            Cell::Empty => return Ok(None),
            Cell::Date(d) => Some(*d),
            Cell::Text(s) if s.trim().is_empty() => return Ok(None),
            Cell::Text(s) => s.parse().ok(),
            Cell::Int(_) => None,
        };
        match d {
            Some(d) if plausible(d) => Ok(Some(d)),
            _ => Err(self.invalid(h, "a date (dd/mm/yyyy) from 1800 to 2200")),
        }
    }
    fn req_date(&self, h: &'static str) -> Result<Date, ToModelError> {
        self.date(h)?.ok_or_else(|| self.blank(h))
    }
    /// A count; negative (some councils write -1 for unknown) reads as unknown.
    fn count(&self, h: &'static str) -> Result<Option<i64>, ToModelError> {
        let n = match self.cell(h) {
            Cell::Empty => return Ok(None),
            Cell::Int(n) => Some(*n),
            Cell::Text(s) if s.trim().is_empty() => return Ok(None),
            Cell::Text(s) => s.trim().parse().ok(),
            Cell::Date(_) => None,
        };
        match n {
            Some(n) if n < 0 => Ok(None),
            Some(n) if n <= MAX_COUNT => Ok(Some(n)),
            _ => Err(self.invalid(h, format!("a whole number from 0 to {MAX_COUNT}"))),
        }
    }
    /// The code a cell stands for: the exact Annex A cell (any case), `CODE: label`, or the
    /// bare code.
    fn code_str(&self, h: &'static str, list: &CellList) -> Result<Option<String>, ToModelError> {
        let Some(t) = self.text(h) else {
            return Ok(None);
        };
        if let Some((code, _)) = list.cells.iter().find(|(_, c)| c.eq_ignore_ascii_case(&t)) {
            return Ok(Some(code.to_string()));
        }
        let bare = t.split(':').next().unwrap_or_default().trim();
        if let Some((code, _)) = list
            .cells
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(bare))
        {
            return Ok(Some(code.to_string()));
        }
        Ok(Some(bare.to_string()))
    }
    fn code<C: FromStr>(
        &self,
        h: &'static str,
        list: &CellList,
    ) -> Result<Option<C>, ToModelError> {
        match self.code_str(h, list)? {
            None => Ok(None),
            Some(c) => c.parse().map(Some).map_err(|_| {
                let expected: Vec<&str> = list.cells.iter().map(|c| c.1).collect();
                self.invalid(h, format!("one of: {}", expected.join("; ")))
            }),
        }
    }
    fn req_code<C: FromStr>(&self, h: &'static str, list: &CellList) -> Result<C, ToModelError> {
        self.code(h, list)?.ok_or_else(|| self.blank(h))
    }
    /// `a) Yes` / `b) No`; `c) Unknown` and blank are `None`.
    fn yes_no(&self, h: &'static str) -> Result<Option<bool>, ToModelError> {
        match self.code_str(h, &cc::YES_NO)?.as_deref() {
            None | Some("U") => Ok(None),
            Some("Y") => Ok(Some(true)),
            Some("N") => Ok(Some(false)),
            Some(other) => match other.parse::<YesNo>() {
                Ok(v) => Ok(Some(v.is_yes())),
                Err(_) => Err(self.invalid(h, "a) Yes, b) No or c) Unknown")),
            },
        }
    }
    fn child(&self) -> Result<PersonId, ToModelError> {
        let h = "Child Unique ID";
        let t = self.text(h).ok_or_else(|| self.blank(h))?;
        Id::new(&t).map_err(|e| self.invalid(h, format!("an identifier ({})", e.why)))
    }
    /// Allocated Team and Worker, where the list has them.
    fn allocation(&self) -> (Option<String>, Option<String>) {
        (self.text("Allocated Team"), self.text("Allocated Worker"))
    }
}

/// What the lists say about one child, gathered before the person row is written.
#[derive(Default)]
struct Child {
    sex: Option<Sex>,
    ethnicity: Option<Ethnicity>,
    dob: Option<Date>,
    disabled: Option<bool>,
    uasc_12_months: Option<bool>,
    uasc_ever: Option<bool>,
    /// (team, worker) of every row of Lists 3–9, with the list number.
    allocations: Vec<(u8, Option<String>, Option<String>)>,
    earliest: Option<Date>,
}

struct Builder<'a> {
    aa: &'a AnnexA,
    r: Date,
    six: Date,
    twelve: Date,
    t: Tables,
    /// Children in order of first appearance.
    order: Vec<PersonId>,
    children: HashMap<PersonId, Child>,
    teams: HashMap<String, TeamId>,
    workers: HashMap<String, ProfessionalId>,
    /// Each child's referrals: (date, id, placeholder).
    referrals: HashMap<PersonId, Vec<(Date, ReferralId, bool)>>,
    /// The referral behind each List 6 row.
    cin_referral: Vec<ReferralId>,
    /// Each child's ICPCs (index into `t.initial_cp_conferences`).
    icpcs: HashMap<PersonId, Vec<usize>>,
    /// Children whose List 7 row says EPO or police protection in the six months.
    epo: Vec<(PersonId, String)>,
    /// Each child's periods of care from List 8: (entered care, period id).
    periods: HashMap<PersonId, Vec<(Date, PeriodOfCareId)>>,
}

impl<'a> Builder<'a> {
    fn new(aa: &'a AnnexA) -> Self {
        Builder {
            aa,
            r: aa.as_at,
            six: months_back(aa.as_at, 6),
            twelve: months_back(aa.as_at, 12),
            t: Tables::default(),
            order: vec![],
            children: HashMap::new(),
            teams: HashMap::new(),
            workers: HashMap::new(),
            referrals: HashMap::new(),
            cin_referral: vec![],
            icpcs: HashMap::new(),
            epo: vec![],
            periods: HashMap::new(),
        }
    }

    /// The rows of list `n` that hold anything (blank rows are skipped).
    fn rows(&self, n: u8) -> impl Iterator<Item = Row<'a>> + 'a {
        let rows: &'a [Vec<Cell>] = self.aa.lists.get(n as usize - 1).map_or(&[], |v| v);
        rows.iter().enumerate().filter_map(move |(index, cells)| {
            let blank = cells.iter().all(|c| match c {
                Cell::Empty => true,
                Cell::Text(s) => s.trim().is_empty(),
                _ => false,
            });
            (!blank).then_some(Row {
                list: n,
                index,
                cells,
            })
        })
    }

    fn child_mut(&mut self, pid: &PersonId) -> &mut Child {
        if !self.children.contains_key(pid) {
            self.order.push(pid.clone());
        }
        self.children.entry(pid.clone()).or_default()
    }

    fn team(&mut self, name: Option<&String>) -> Option<TeamId> {
        let name = name?;
        let n = self.teams.len();
        let tid = self
            .teams
            .entry(name.clone())
            .or_insert_with(|| id(&format!("AAT{:04}", n + 1)))
            .clone();
        if self.teams.len() > n {
            self.t.teams.push(Team {
                dept_team_id: tid.clone(),
                dept_team_name: name.clone(),
                dept_team_parent_id: None,
                dept_team_parent_name: None,
            });
        }
        Some(tid)
    }

    fn worker(&mut self, name: Option<&String>) -> Option<ProfessionalId> {
        let name = name?;
        let n = self.workers.len();
        let wid = self
            .workers
            .entry(name.clone())
            .or_insert_with(|| id(&format!("AAW{:04}", n + 1)))
            .clone();
        if self.workers.len() > n {
            self.t.professionals.push(Professional {
                prof_professional_id: wid.clone(),
                prof_staff_id: None,
                prof_professional_name: Some(name.clone()),
                prof_social_worker_registration_no: None,
                prof_professional_job_title: None,
                prof_professional_caseload: None,
                prof_professional_department: None,
                prof_full_time_equivalency: None,
                prof_agency_worker_flag: None,
            });
        }
        Some(wid)
    }

    /// The record's own team and worker, noted for the child's allocation.
    fn own(&mut self, row: &Row, pid: &PersonId) -> (Option<TeamId>, Option<ProfessionalId>) {
        let (team, worker) = row.allocation();
        self.child_mut(pid)
            .allocations
            .push((row.list, team.clone(), worker.clone()));
        (self.team(team.as_ref()), self.worker(worker.as_ref()))
    }

    fn seen_on(&mut self, pid: &PersonId, d: Date) {
        let c = self.child_mut(pid);
        c.earliest = Some(c.earliest.map_or(d, |e| e.min(d)));
    }

    // ---- People ----

    /// One person per Child Unique ID: each fact from the first row that gives it.
    fn people(&mut self) -> Result<(), ToModelError> {
        for n in 1..=10u8 {
            for row in self.rows(n) {
                let pid = row.child()?;
                let sex = row.code::<Sex>("Gender", &cc::GENDER)?;
                let eth = row.code::<Ethnicity>("Ethnicity", &cc::ETHNICITY)?;
                let dob = row.date("Date of Birth")?;
                let disabled = if n == 1 || n == 2 || n == 3 {
                    None
                } else {
                    row.yes_no("Does the Child have a Disability")?
                };
                let uasc = match n {
                    8 => row.yes_no(
                        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
                    )?,
                    9 => row.yes_no("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)")?,
                    _ => None,
                };
                let c = self.child_mut(&pid);
                c.sex = c.sex.or(sex);
                c.ethnicity = c.ethnicity.or(eth);
                c.dob = c.dob.or(dob);
                c.disabled = c.disabled.or(disabled);
                match n {
                    8 => c.uasc_12_months = c.uasc_12_months.or(uasc),
                    9 => c.uasc_ever = c.uasc_ever.or(uasc),
                    _ => {}
                }
            }
        }
        for (i, pid) in self.order.iter().enumerate() {
            let c = &self.children[pid];
            let p = format!("AAP{:05}", i + 1);
            self.t.people.push(Person {
                pers_person_id: pid.clone(),
                pers_legacy_id: None,
                pers_forename: None,
                pers_surname: None,
                pers_sex: c.sex.unwrap_or(Sex::Unknown),
                pers_gender: None,
                pers_ethnicity: c.ethnicity.unwrap_or(Ethnicity::Nobt),
                pers_dob: c.dob,
                pers_expected_dob: None,
                pers_death_date: None,
                pers_upn: None,
                pers_upn_unknown: None,
                pers_common_child_id: None,
                pers_send_flag: None,
                pers_is_mother: None,
                pers_nationality: None,
            });
            // `c) Unknown` is no record; `a) Yes` an unspecified disability (DDA).
            if let Some(d) = c.disabled {
                self.t.disabilities.push(DisabilityRecord {
                    disa_table_id: id(&format!("{p}-DIS")),
                    disa_person_id: pid.clone(),
                    disa_disability_code: if d { Disability::Dda } else { Disability::None },
                });
            }
            // List 8 asks about the last twelve months, List 9 about ever: a child who was
            // UASC but not in the twelve months had status that ended just before them.
            let uasc_end = match (c.uasc_12_months, c.uasc_ever) {
                (Some(true), _) | (None, Some(true)) => Some(None),
                (Some(false), Some(true)) => Some(Some(day_before(self.twelve))),
                _ => None,
            };
            if let Some(end) = uasc_end {
                self.t.immigration_statuses.push(ImmigrationStatus {
                    immi_immigration_status_id: id(&format!("{p}-UASC")),
                    immi_person_id: pid.clone(),
                    immi_immigration_status: "UASC".into(),
                    immi_immigration_status_start_date: None,
                    immi_immigration_status_end_date: end,
                });
            }
        }
        Ok(())
    }

    // ---- Lists 1 and 2 ----

    fn contacts(&mut self) -> Result<(), ToModelError> {
        for row in self.rows(1) {
            let pid = row.child()?;
            let date = row.req_date("Date of Contact")?;
            let source = row.code("Contact Source", &cc::SOURCE)?;
            self.seen_on(&pid, date);
            self.t.contacts.push(Contact {
                cont_contact_id: id(&row.key()),
                cont_person_id: pid,
                cont_contact_date: date,
                cont_contact_source_code: source.unwrap_or(ReferralSource::S10),
                cont_contact_source_desc: None,
                cont_contact_outcome_json: None,
            });
        }
        Ok(())
    }

    fn early_help(&mut self) -> Result<(), ToModelError> {
        for row in self.rows(2) {
            let pid = row.child()?;
            let start = row.req_date("Assessment start date")?;
            let end = row.date("Assessment completion date")?;
            self.seen_on(&pid, start);
            self.t.early_help_episodes.push(EarlyHelpEpisode {
                earl_episode_id: id(&row.key()),
                earl_person_id: pid,
                earl_episode_start_date: start,
                earl_episode_end_date: end,
                earl_episode_reason: None,
                earl_episode_end_reason: None,
                earl_episode_organisation: row.text("Organisation completing assessment"),
                earl_episode_worker_id: None,
            });
        }
        Ok(())
    }

    // ---- Lists 3 and 6: referrals and CIN episodes ----

    fn add_referral(
        &mut self,
        rid: &str,
        pid: &PersonId,
        date: Date,
        nfa: bool,
        placeholder: bool,
    ) {
        let rid: ReferralId = id(rid);
        self.t.cin_episodes.push(CinEpisode {
            cine_referral_id: rid.clone(),
            cine_person_id: pid.clone(),
            cine_referral_date: date,
            cine_cin_primary_need_code: None,
            cine_referral_source_code: ReferralSource::S10,
            cine_referral_source_desc: None,
            cine_referral_outcome_json: None,
            cine_referral_nfa: YesNo::from_bool(nfa),
            cine_close_reason: None,
            cine_close_date: None,
            cine_referral_team: None,
            cine_referral_worker_id: None,
        });
        self.referrals
            .entry(pid.clone())
            .or_default()
            .push((date, rid, placeholder));
    }

    fn referrals(&mut self) -> Result<(), ToModelError> {
        let mut counts: HashMap<PersonId, Vec<(Date, i64, String)>> = HashMap::new();
        for row in self.rows(3) {
            let pid = row.child()?;
            let date = row.req_date("Date of referral")?;
            let source = row.code("Referral Source", &cc::SOURCE)?;
            let nfa = row.yes_no("Referral NFA?")?.unwrap_or(false);
            let n = row.count("Number of Referrals in Last 12 Months")?;
            let (team, worker) = self.own(&row, &pid);
            self.seen_on(&pid, date);
            self.add_referral(&row.key(), &pid, date, nfa, false);
            let f = self.t.cin_episodes.last_mut().expect("just pushed");
            f.cine_referral_source_code = source.unwrap_or(ReferralSource::S10);
            f.cine_referral_team = team;
            f.cine_referral_worker_id = worker;
            if let Some(n) = n {
                counts.entry(pid).or_default().push((date, n, row.key()));
            }
        }
        // List 6: the child's CIN episode, the List 3 referral of the same day when there is
        // one (it began in the six months), else a referral of its own.
        let by_id: HashMap<ReferralId, usize> = self
            .t
            .cin_episodes
            .iter()
            .enumerate()
            .map(|(i, f)| (f.cine_referral_id.clone(), i))
            .collect();
        let mut taken = vec![false; self.t.cin_episodes.len()];
        for row in self.rows(6) {
            let pid = row.child()?;
            let start = row.req_date("CIN Start Date")?;
            let need = row.code::<PrimaryNeed>("Primary Need Code", &cc::NEED)?;
            let closed = row.date("CIN Closure Date")?;
            let reason = row.code::<ClosureReason>("Reason for Closure", &cc::CLOSURE)?;
            let (team, worker) = self.own(&row, &pid);
            self.seen_on(&pid, start);
            let same_day = self
                .referrals
                .get(&pid)
                .into_iter()
                .flatten()
                .map(|(d, rid, _)| (*d, by_id[rid]))
                .find(|&(d, i)| {
                    d == start && !taken[i] && !self.t.cin_episodes[i].cine_referral_nfa.is_yes()
                })
                .map(|(_, i)| i);
            let i = match same_day {
                Some(i) => i,
                None => {
                    self.add_referral(&row.key(), &pid, start, false, false);
                    taken.push(false);
                    self.t.cin_episodes.len() - 1
                }
            };
            taken[i] = true;
            let f = &mut self.t.cin_episodes[i];
            f.cine_cin_primary_need_code = need;
            f.cine_close_date = closed;
            f.cine_close_reason = closed.and(reason);
            f.cine_referral_team = team;
            f.cine_referral_worker_id = worker;
            self.cin_referral.push(f.cine_referral_id.clone());
        }
        // An earlier open referral of a child closed when the next began: Annex A shows only
        // the latest CIN episode, and a child has one open at a time.
        for refs in self.referrals.values() {
            let mut open: Vec<(Date, usize)> = refs
                .iter()
                .map(|(d, rid, _)| (*d, by_id.get(rid).copied()))
                .filter_map(|(d, i)| Some((d, i?)))
                .filter(|&(_, i)| !self.t.cin_episodes[i].cine_referral_nfa.is_yes())
                .collect();
            open.sort();
            for w in open.windows(2) {
                let unclosed = self.t.cin_episodes[w[0].1].cine_close_date.is_none();
                if w[1].0 > w[0].0 && !taken[w[0].1] && unclosed {
                    let f = &mut self.t.cin_episodes[w[0].1];
                    f.cine_close_date = Some(w[1].0);
                    f.cine_close_reason = Some(ClosureReason::Rc7);
                }
            }
        }
        // Referrals before the six months that the counts reveal (`fill_counts`); NFA, so
        // they open no CIN episode.
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by(|a, b| a.0.cmp(&b.0));
        for (pid, rows) in counts {
            let known: Vec<Date> = self.referrals[&pid].iter().map(|x| x.0).collect();
            for (key, k, date) in fill_counts(rows, known) {
                self.add_referral(&format!("{key}-P{k}"), &pid, date, true, true);
            }
        }
        Ok(())
    }

    /// Notes a List 7 or 8 row's allocation (those lists show the child's, not the record's).
    fn own_listed(&mut self, row: &Row, pid: &PersonId) {
        let (team, worker) = row.allocation();
        self.child_mut(pid)
            .allocations
            .push((row.list, team, worker));
    }

    /// The referral a record on `date` belongs to: the child's latest real referral by then,
    /// else their earliest, else a placeholder referral before the six months.
    fn referral_for(&mut self, pid: &PersonId, date: Date) -> ReferralId {
        let refs = self.referrals.get(pid).map_or(&[][..], |v| v.as_slice());
        let pick = refs
            .iter()
            .filter(|x| !x.2 && x.0 <= date)
            .max_by_key(|x| x.0)
            .or_else(|| refs.iter().filter(|x| !x.2).min_by_key(|x| x.0))
            .or_else(|| refs.iter().min_by_key(|x| x.0));
        if let Some(x) = pick {
            return x.1.clone();
        }
        let seq = self.order.iter().position(|p| p == pid).unwrap_or(0) + 1;
        let at = date.min(day_before(self.six));
        let rid = format!("AAP{seq:05}-REF");
        self.add_referral(&rid, pid, at, true, true);
        id(&rid)
    }

    // ---- List 4 ----

    fn assessments(&mut self) -> Result<(), ToModelError> {
        for row in self.rows(4) {
            let pid = row.child()?;
            let start = row.req_date("Continuous Assessment Start Date")?;
            let seen = row.yes_no("Child Seen During Continuous Assessment")?;
            let auth = row.date("Continuous Assessment Date of Authorisation")?;
            let needed = row
                .yes_no("Was the child assessed as requiring LA children's social care support?")?;
            let (team, worker) = self.own(&row, &pid);
            self.seen_on(&pid, start);
            let rid = self.referral_for(&pid, start);
            self.t.assessments.push(Assessment {
                cina_assessment_id: id(&row.key()),
                cina_person_id: pid,
                cina_referral_id: rid,
                cina_assessment_start_date: start,
                cina_assessment_child_seen: seen.map(YesNo::from_bool),
                cina_assessment_auth_date: auth,
                cina_assessment_outcome_json: None,
                cina_assessment_outcome_nfa: needed.map(|n| YesNo::from_bool(!n)),
                cina_assessment_team: team,
                cina_assessment_worker_id: worker,
            });
        }
        Ok(())
    }

    // ---- List 5 ----

    fn add_icpc(
        &mut self,
        key: &str,
        pid: &PersonId,
        s47: Option<(S47Id, ReferralId)>,
        date: Date,
        plan: bool,
    ) {
        let (s47, rid) = match s47 {
            Some((s, rid)) => (Some(s), rid),
            None => (None, self.referral_for(pid, date)),
        };
        self.t.initial_cp_conferences.push(InitialCpConference {
            icpc_icpc_id: id(key),
            icpc_icpc_meeting_id: None,
            icpc_s47_enquiry_id: s47,
            icpc_person_id: pid.clone(),
            icpc_cp_plan_id: None,
            icpc_referral_id: rid,
            icpc_icpc_transfer_in: YesNo::No,
            icpc_icpc_target_date: None,
            icpc_icpc_date: date,
            icpc_icpc_outcome_cp_flag: YesNo::from_bool(plan),
            icpc_icpc_outcome_json: None,
            icpc_icpc_team: None,
            icpc_icpc_worker_id: None,
        });
        self.icpcs
            .entry(pid.clone())
            .or_default()
            .push(self.t.initial_cp_conferences.len() - 1);
    }

    fn add_s47(&mut self, key: &str, pid: &PersonId, start: Date, end: Option<Date>) -> S47Id {
        let rid = self.referral_for(pid, start);
        let sid: S47Id = id(key);
        self.t.s47_enquiries.push(S47Enquiry {
            s47e_s47_enquiry_id: sid.clone(),
            s47e_referral_id: rid,
            s47e_person_id: pid.clone(),
            s47e_s47_start_date: start,
            s47e_s47_end_date: end,
            s47e_s47_nfa: None,
            s47e_s47_outcome_json: None,
            s47e_s47_completed_by_team: None,
            s47e_s47_completed_by_worker_id: None,
        });
        sid
    }

    fn section_47s(&mut self) -> Result<(), ToModelError> {
        let mut s47_counts: HashMap<PersonId, Vec<(Date, i64, String)>> = HashMap::new();
        let mut icpc_counts: HashMap<PersonId, Vec<(Date, i64, String)>> = HashMap::new();
        let mut starts: HashMap<PersonId, Vec<Date>> = HashMap::new();
        for row in self.rows(5) {
            let pid = row.child()?;
            let start =
                row.req_date("Strategy discussion initiating Section 47 Enquiry Start Date")?;
            let unnecessary =
                row.yes_no("Was an Initial Child Protection Conference deemed unnecessary?")?;
            let icpc = row.date("Date of Initial Child Protection Conference")?;
            let plan = row.yes_no(
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            )?;
            let n47 = row.count("Number of Section 47 Enquiries in the last 12 months")?;
            let nicpc = row.count("Number of ICPCs in the last 12 months")?;
            let (team, worker) = self.own(&row, &pid);
            self.seen_on(&pid, start);
            // The end date is not in Annex A; see the module doc.
            let end = match (icpc, unnecessary) {
                (Some(c), _) => Some(c.max(self.six).max(start)),
                (None, Some(true)) => Some(start.max(self.six)),
                _ => None,
            };
            let sid = self.add_s47(&row.key(), &pid, start, end);
            let s = self.t.s47_enquiries.last_mut().expect("just pushed");
            s.s47e_s47_completed_by_team = team;
            s.s47e_s47_completed_by_worker_id = worker;
            let rid = s.s47e_referral_id.clone();
            if let Some(c) = icpc {
                self.add_icpc(
                    &row.sub("ICPC"),
                    &pid,
                    Some((sid, rid)),
                    c,
                    plan.unwrap_or(false),
                );
            }
            starts.entry(pid.clone()).or_default().push(start);
            if let Some(n) = n47 {
                s47_counts
                    .entry(pid.clone())
                    .or_default()
                    .push((start, n, row.key()));
            }
            if let Some(n) = nicpc {
                icpc_counts
                    .entry(pid)
                    .or_default()
                    .push((start, n, row.key()));
            }
        }
        // Earlier enquiries the counts reveal: ended the day they started, before the six
        // months (so not in List 5).
        let mut s47_counts: Vec<_> = s47_counts.into_iter().collect();
        s47_counts.sort_by(|a, b| a.0.cmp(&b.0));
        for (pid, rows) in s47_counts {
            let known = starts.get(&pid).cloned().unwrap_or_default();
            for (key, k, d) in fill_counts(rows, known) {
                self.add_s47(&format!("{key}-PS{k}"), &pid, d, Some(d));
            }
        }
        // Earlier conferences: linked to no enquiry, so List 5 never shows them.
        let mut icpc_counts: Vec<_> = icpc_counts.into_iter().collect();
        icpc_counts.sort_by(|a, b| a.0.cmp(&b.0));
        for (pid, rows) in icpc_counts {
            let known: Vec<Date> = self
                .icpcs
                .get(&pid)
                .into_iter()
                .flatten()
                .map(|&i| self.t.initial_cp_conferences[i].icpc_icpc_date)
                .collect();
            for (key, k, d) in fill_counts(rows, known) {
                self.add_icpc(&format!("{key}-PI{k}"), &pid, None, d, false);
            }
        }
        Ok(())
    }

    // ---- List 7 ----

    fn cp_plans(&mut self) -> Result<(), ToModelError> {
        for row in self.rows(7) {
            let pid = row.child()?;
            let start = row.req_date("Child Protection Plan Start Date")?;
            let initial = row.code::<CpCategory>("Initial Category of Abuse", &cc::ABUSE)?;
            let latest = row.code::<CpCategory>("Latest Category of Abuse", &cc::ABUSE)?;
            let (initial, latest) = match (initial, latest) {
                (Some(i), l) => (i, l.unwrap_or(i)),
                (None, Some(l)) => (l, l),
                (None, None) => return Err(row.blank("Initial Category of Abuse")),
            };
            let visit = row.date("Date of the Last Statutory Visit")?;
            let alone = row.yes_no("Was the Child Seen Alone?")?;
            let review = row.date("Date of latest review conference")?;
            let end = row.date("Child Protection Plan End Date")?;
            let epo = row.yes_no("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)")?;
            let previous = row.count("Number of Previous Child Protection Plans")?;
            self.own_listed(&row, &pid);
            self.seen_on(&pid, start);
            let plan: CpPlanId = id(&row.key());
            // The conference that made the plan: the child's ICPC on the plan's first day.
            let icpc = self
                .icpcs
                .get(&pid)
                .into_iter()
                .flatten()
                .copied()
                .find(|&i| {
                    let c = &self.t.initial_cp_conferences[i];
                    c.icpc_icpc_date == start && c.icpc_cp_plan_id.is_none()
                });
            let rid = match icpc {
                Some(i) => {
                    let c = &mut self.t.initial_cp_conferences[i];
                    c.icpc_cp_plan_id = Some(plan.clone());
                    c.icpc_referral_id.clone()
                }
                None => self.referral_for(&pid, start),
            };
            self.t.cp_plans.push(CpPlan {
                cppl_cp_plan_id: plan.clone(),
                cppl_referral_id: rid,
                cppl_icpc_id: icpc.map(|i| self.t.initial_cp_conferences[i].icpc_icpc_id.clone()),
                cppl_person_id: pid.clone(),
                cppl_cp_plan_start_date: start,
                cppl_cp_plan_end_date: end,
                cppl_cp_plan_ola: YesNo::No,
                cppl_cp_plan_initial_category: initial,
                cppl_cp_plan_latest_category: latest,
                // Annex A gives the count; the model holds only the plans the lists show.
                cppl_cp_plan_previous_plans: previous,
            });
            if let Some(v) = visit {
                self.t.cp_visits.push(CpVisit {
                    cppv_cp_visit_id: id(&row.sub("V")),
                    cppv_person_id: pid.clone(),
                    cppv_cp_plan_id: plan.clone(),
                    cppv_cp_visit_date: v,
                    // Seen alone means seen; otherwise List 6's last-seen date decides.
                    cppv_cp_visit_seen: (alone == Some(true)).then_some(YesNo::Yes),
                    cppv_cp_visit_seen_alone: alone.map(YesNo::from_bool),
                    cppv_cp_visit_bedroom: None,
                });
            }
            if let Some(d) = review {
                self.t.cp_reviews.push(CpReview {
                    cppr_cp_review_id: id(&row.sub("R")),
                    cppr_person_id: pid.clone(),
                    cppr_cp_plan_id: plan,
                    cppr_cp_review_due: None,
                    cppr_cp_review_date: Some(d),
                    cppr_cp_review_meeting_id: None,
                    cppr_cp_review_outcome_continue_cp: None,
                    cppr_cp_review_quorate: None,
                    cppr_cp_review_participation: None,
                });
            }
            if epo == Some(true) {
                self.epo.push((pid, row.sub("EPO")));
            }
        }
        Ok(())
    }

    // ---- List 8 ----

    #[allow(clippy::too_many_arguments)]
    fn add_episode(
        &mut self,
        key: &str,
        pid: &PersonId,
        poc: &PeriodOfCareId,
        entered: Date,
        start: Date,
        rne: ReasonNewEpisode,
        need: PrimaryNeed,
        placement: Id<Placement>,
    ) {
        self.t.cla_episodes.push(ClaEpisode {
            clae_cla_episode_id: id(key),
            clae_person_id: pid.clone(),
            clae_cla_episode_start_date: start,
            clae_cla_episode_start_reason: rne,
            clae_cla_primary_need_code: need,
            clae_cla_episode_ceased_date: None,
            clae_cla_episode_ceased_reason: None,
            clae_cla_id: poc.clone(),
            clae_referral_id: None,
            clae_cla_placement_id: placement,
            clae_entered_care_date: entered,
            clae_cla_last_iro_contact_date: None,
        });
    }

    fn add_placement(
        &mut self,
        key: &str,
        pid: &PersonId,
        poc: &PeriodOfCareId,
        start: Date,
        end: Option<Date>,
        kind: PlacementType,
    ) -> Id<Placement> {
        let plid: Id<Placement> = id(key);
        self.t.placements.push(Placement {
            clap_cla_placement_id: plid.clone(),
            clap_cla_id: poc.clone(),
            clap_person_id: pid.clone(),
            clap_cla_placement_start_date: start,
            clap_cla_placement_type: kind,
            clap_cla_placement_urn: None,
            clap_cla_placement_distance: None,
            clap_cla_placement_provider: None,
            clap_cla_placement_postcode: None,
            clap_cla_placement_end_date: end,
            clap_cla_placement_change_reason: None,
        });
        plid
    }

    fn care(&mut self) -> Result<(), ToModelError> {
        for row in self.rows(8) {
            let pid = row.child()?;
            let entered = row.req_date("Date Started to be Looked After")?;
            let need = row
                .code::<PrimaryNeed>("Child's Category of Need", &cc::NEED)?
                .unwrap_or(PrimaryNeed::N0);
            let second = row.yes_no("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)")?;
            let status_start = row.date("Start date of current legal status")?;
            let status = row.req_code::<LegalStatus>("Child's Legal Status", &cc::LEGAL_STATUS)?;
            let review = row.date("Date of Latest Statutory Review")?;
            let visit = row.date("Date of Last Social Work Visit")?;
            let plan = row.code::<PermanencePlan>(
                "What is the permanence plan for this child?",
                &cc::PERMANENCE_PLAN,
            )?;
            let iro = row.date("Date of Last IRO Visit / Contact to the Child")?;
            let health = row.date("Date of Last Health Assessment")?;
            let dental = row.date("Date of Last Dental Check")?;
            let placed = row.count("Number of Placements in the Last 12 months")?;
            let ceased = row.date("Date Ceased to be Looked After")?;
            let reason = row.code::<ReasonEpisodeCeased>(
                "Reason Ceased to be Looked After",
                &cc::REASON_CEASED,
            )?;
            let pl_start = row
                .date("Start Date of Most Recent Placement")?
                .unwrap_or(entered);
            let kind = row.req_code::<PlacementType>("Placement Type", &cc::PLACEMENT_TYPE)?;
            let provider = row.code::<PlacementProvider>("Placement Provider", &cc::PROVIDER)?;
            let postcode = row.text("Placement postcode");
            let urn = row.text("URN of Placement");
            let location = row.code_str("Placement Location", &cc::LOCATION)?;
            let distance = match location.as_deref() {
                None => None,
                Some("IN") => Some(IN_AREA_MILES),
                Some("OUT") => Some(OUT_OF_AREA_MILES),
                Some(_) => return Err(row.invalid("Placement Location", "a) In or b) Out")),
            };
            let missing = row.count("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months")?.unwrap_or(0);
            let absent = row.count("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months")?.unwrap_or(0);
            let offered = row.yes_no(
                "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            )?;
            let accepted = row.yes_no(
                "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            )?;
            self.own_listed(&row, &pid);
            self.seen_on(&pid, entered);
            let poc: PeriodOfCareId = id(&row.sub("POC"));
            let twelve = self.twelve;
            let mut live_placements = 1;

            // A second period in the twelve months: an earlier one from the first day of the
            // twelve months to the day before this one began.
            if second == Some(true) && entered > twelve {
                let prev: PeriodOfCareId = id(&row.sub("POC0"));
                let end = day_before(entered);
                let pl = self.add_placement(&row.sub("PL0"), &pid, &prev, twelve, Some(end), kind);
                self.add_episode(
                    &row.sub("E0"),
                    &pid,
                    &prev,
                    twelve,
                    twelve,
                    ReasonNewEpisode::S,
                    need,
                    pl,
                );
                let e = self.t.cla_episodes.last_mut().expect("just pushed");
                e.clae_cla_episode_ceased_date = Some(end);
                e.clae_cla_episode_ceased_reason = Some(ReasonEpisodeCeased::E8);
                live_placements += 1;
            }

            // Earlier placements the count reveals, spread over the twelve months (or the
            // period, if shorter) before the most recent one.
            let extra = placed.map_or(0, |n| (n - live_placements).max(0));
            let base = entered.max(twelve).min(pl_start);
            let span = base.days_until(pl_start).max(0);
            let mut starts: Vec<(Date, Id<Placement>)> = vec![];
            for k in 0..extra {
                let s = base.plus_days(span * k / extra);
                let e = base.plus_days(span * (k + 1) / extra);
                let pl = self.add_placement(
                    &row.sub(&format!("PL{}", k + 1)),
                    &pid,
                    &poc,
                    s,
                    Some(e),
                    kind,
                );
                starts.push((s, pl));
            }
            let current = self.add_placement(&row.sub("PL"), &pid, &poc, pl_start, ceased, kind);
            let p = self.t.placements.last_mut().expect("just pushed");
            p.clap_cla_placement_urn = urn;
            p.clap_cla_placement_postcode = postcode;
            p.clap_cla_placement_provider = provider;
            p.clap_cla_placement_distance = distance;
            starts.push((pl_start, current));
            // One episode per placement; the first starts when care did.
            let first = self.t.cla_episodes.len();
            for (k, (s, pl)) in starts.iter().enumerate() {
                let (start, rne) = if k == 0 {
                    (entered.min(*s), ReasonNewEpisode::S)
                } else {
                    (*s, ReasonNewEpisode::P)
                };
                let key = if k + 1 == starts.len() {
                    row.sub("E")
                } else {
                    row.sub(&format!("E{}", k + 1))
                };
                self.add_episode(&key, &pid, &poc, entered, start, rne, need, pl.clone());
            }
            let n = self.t.cla_episodes.len();
            for i in first..n - 1 {
                let next = self.t.cla_episodes[i + 1].clae_cla_episode_start_date;
                let e = &mut self.t.cla_episodes[i];
                e.clae_cla_episode_ceased_date = Some(next);
                e.clae_cla_episode_ceased_reason = Some(ReasonEpisodeCeased::X1);
            }
            let e = &mut self.t.cla_episodes[n - 1];
            e.clae_cla_episode_ceased_date = ceased;
            e.clae_cla_episode_ceased_reason = ceased.and(reason);
            e.clae_cla_last_iro_contact_date = iro;
            self.periods
                .entry(pid.clone())
                .or_default()
                .push((entered, poc.clone()));

            self.t.legal_statuses.push(LegalStatusRecord {
                lega_legal_status_id: id(&row.sub("LS")),
                lega_person_id: pid.clone(),
                lega_legal_status: status,
                lega_legal_status_start_date: status_start.unwrap_or(entered),
                lega_legal_status_end_date: ceased,
            });
            if let Some(d) = review {
                self.t.cla_reviews.push(ClaReview {
                    clar_cla_review_id: id(&row.sub("R")),
                    clar_cla_id: poc.clone(),
                    clar_cla_review_due_date: None,
                    clar_cla_review_date: Some(d),
                    clar_cla_review_cancelled: None,
                    clar_cla_review_participation: None,
                });
            }
            if let Some(d) = visit {
                self.t.cla_visits.push(ClaVisit {
                    clav_cla_visit_id: id(&row.sub("V")),
                    clav_cla_id: poc.clone(),
                    clav_person_id: pid.clone(),
                    clav_cla_visit_date: d,
                    clav_cla_visit_seen: None,
                    clav_cla_visit_seen_alone: None,
                });
            }
            if let Some(p) = plan {
                self.t.cla_care_plans.push(ClaCarePlan {
                    lacp_table_id: id(&row.sub("CP")),
                    lacp_person_id: pid.clone(),
                    lacp_cla_care_plan_start_date: entered,
                    lacp_cla_care_plan_end_date: None,
                    lacp_cla_care_plan_json: Json(CarePlanDetail { permanence_plan: p }),
                });
            }
            for (suffix, kind, date) in [
                ("HA", HealthCheckType::HealthAssessment, health),
                ("DC", HealthCheckType::DentalCheck, dental),
            ] {
                if let Some(d) = date {
                    self.t.health_checks.push(HealthCheck {
                        clah_health_check_id: id(&row.sub(suffix)),
                        clah_person_id: pid.clone(),
                        clah_health_check_type: kind,
                        clah_health_check_date: d,
                        clah_health_check_status: Some(HealthCheckStatus::Completed),
                    });
                }
            }
            // Only the counts are known: each episode is dated the first day of the twelve
            // months; the return interview belongs to the last missing one.
            for (prefix, kind, count) in [
                ("A", MissingType::Away, absent),
                ("M", MissingType::Missing, missing),
            ] {
                for k in 0..count {
                    let last = kind == MissingType::Missing && k + 1 == count;
                    self.t.missing_episodes.push(MissingEpisode {
                        miss_table_id: id(&row.sub(&format!("{prefix}{}", k + 1))),
                        miss_person_id: pid.clone(),
                        miss_missing_episode_start_date: twelve,
                        miss_missing_episode_type: kind,
                        miss_missing_episode_end_date: Some(twelve),
                        miss_missing_rhi_offered: offered.filter(|_| last).map(YesNo::from_bool),
                        miss_missing_rhi_accepted: accepted.filter(|_| last).map(YesNo::from_bool),
                    });
                }
            }
        }
        Ok(())
    }

    // ---- List 9 ----

    fn leavers(&mut self) -> Result<(), ToModelError> {
        for row in self.rows(9) {
            let pid = row.child()?;
            let eligibility =
                row.req_code::<CareLeaverEligibility>("Eligibility Category", &cc::ELIGIBILITY)?;
            let in_touch = row.req_code::<InTouch>("LA in Touch", &cc::IN_TOUCH)?;
            let review = row.date("Latest Pathway Plan Review Date")?;
            let contact = row.date("Latest Date of Contact")?.unwrap_or(self.r);
            let accommodation =
                row.code::<AccommodationType>("Type of Accommodation", &cc::ACCOMMODATION)?;
            let suitable =
                row.code::<Suitability>("Suitability of Accommodation", &cc::SUITABILITY)?;
            let activity = row.code::<CareLeaverActivity>("Activity Status", &cc::ACTIVITY)?;
            let (team, worker) = self.own(&row, &pid);
            self.seen_on(&pid, contact);
            self.t.care_leavers.push(CareLeaver {
                clea_table_id: id(&row.key()),
                clea_person_id: pid,
                clea_care_leaver_eligibility: eligibility,
                clea_care_leaver_in_touch: in_touch,
                clea_care_leaver_latest_contact: contact,
                clea_care_leaver_accommodation: accommodation,
                clea_care_leaver_accom_suitable: suitable,
                clea_care_leaver_activity: activity,
                clea_pathway_plan_review_date: review,
                clea_care_leaver_personal_advisor: row.text("Allocated Personal Advisor"),
                clea_care_leaver_allocated_team: team,
                clea_care_leaver_worker_id: worker,
            });
        }
        Ok(())
    }

    // ---- Lists 10 and 11 ----

    fn adoption(&mut self) -> Result<(), ToModelError> {
        for row in self.rows(10) {
            let pid = row.child()?;
            let entered = row.date("Date the Child Entered Care")?;
            let decision =
                row.req_date("Date of Decision that Child Should be Placed for Adoption")?;
            let order = row.date("Date of Placement Order")?;
            let matched = row.date("Date of Matching Child and Prospective Adopters")?;
            let placed = row.date("Date Placed for Adoption")?;
            let adopted = row.date("Date of Adoption Order")?;
            let reversed =
                row.date("Date of Decision that Child Should No Longer be Placed for Adoption")?;
            let reason = row.code::<ReasonNoLongerPlaced>(
                "Reason Why Child No Longer Placed for Adoption",
                &cc::NO_LONGER_PLACED,
            )?;
            let ffa = row.date(
                "Date the child was placed for fostering in FFA or concurrent planning placement",
            )?;
            self.seen_on(&pid, decision);
            let latest = [
                Some(decision),
                order,
                matched,
                placed,
                adopted,
                reversed,
                ffa,
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(decision);
            let poc = match entered {
                None => None,
                Some(e) => match self
                    .periods
                    .get(&pid)
                    .and_then(|v| v.iter().find(|x| x.0 == e))
                {
                    Some(x) => Some(x.1.clone()),
                    // A period List 8 does not show ended before its six months.
                    None if e < self.six => {
                        let poc: PeriodOfCareId = id(&row.sub("POC"));
                        let end = latest.max(e).min(day_before(self.six));
                        let pl = self.add_placement(
                            &row.sub("PL"),
                            &pid,
                            &poc,
                            e,
                            Some(end),
                            PlacementType::U6,
                        );
                        self.add_episode(
                            &row.sub("E"),
                            &pid,
                            &poc,
                            e,
                            e,
                            ReasonNewEpisode::S,
                            PrimaryNeed::N0,
                            pl,
                        );
                        let ep = self.t.cla_episodes.last_mut().expect("just pushed");
                        ep.clae_cla_episode_ceased_date = Some(end);
                        ep.clae_cla_episode_ceased_reason = Some(if adopted.is_some() {
                            ReasonEpisodeCeased::E11
                        } else {
                            ReasonEpisodeCeased::E8
                        });
                        self.periods
                            .entry(pid.clone())
                            .or_default()
                            .push((e, poc.clone()));
                        Some(poc)
                    }
                    None => None,
                },
            };
            self.t.permanence.push(Permanence {
                perm_table_id: id(&row.key()),
                perm_person_id: pid,
                perm_cla_id: poc,
                perm_adm_decision_date: Some(decision),
                perm_ffa_cp_decision_date: None,
                perm_placement_order_date: order,
                perm_placed_for_adoption_date: placed,
                perm_matched_date: matched,
                perm_adopted_by_carer_flag: None,
                perm_placed_ffa_cp_date: ffa,
                perm_decision_reversed_date: reversed,
                perm_decision_reversed_reason: reversed.and(reason),
                perm_placed_foster_carer_date: None,
                perm_part_of_sibling_group: None,
                perm_siblings_placed_together: None,
                perm_siblings_placed_apart: None,
                perm_placement_provider_urn: None,
                perm_permanence_order_date: adopted,
                perm_permanence_order_type: adopted.map(|_| PermanenceOrderType::Adoption),
                perm_adoption_worker_id: None,
                perm_adopter_sex: None,
                perm_adopter_legal_status: None,
                perm_number_of_adopters: None,
                perm_adoptive_family_id: row.text("Family identifier"),
            });
        }
        Ok(())
    }

    fn adopters(&mut self) -> Result<(), ToModelError> {
        for row in self.rows(11) {
            let h = "Individual adopter identifier";
            let aid = row.text(h).ok_or_else(|| row.blank(h))?;
            let aid: Id<Adopter> =
                Id::new(&aid).map_err(|e| row.invalid(h, format!("an identifier ({})", e.why)))?;
            let placed = row.date("Date child/children placed with adopter(s)")?;
            self.t.adopters.push(Adopter {
                adop_family_id: row
                    .text("Family identifier")
                    .unwrap_or_else(|| aid.as_str().to_string()),
                adop_adopter_id: aid,
                adop_sex: row.code("Gender", &cc::GENDER)?.unwrap_or(Sex::Unknown),
                adop_ethnicity: row
                    .code("Ethnicity", &cc::ETHNICITY)?
                    .unwrap_or(Ethnicity::Nobt),
                adop_disability: YesNo::from_bool(row.yes_no("Disability")?.unwrap_or(false)),
                adop_fostering_for_adoption: YesNo::from_bool(
                    row.yes_no("Is the (prospective) adopter fostering for adoption?")?
                        .unwrap_or(false),
                ),
                adop_enquiry_date: row.req_date("Date enquiry received")?,
                adop_stage1_start_date: row.date("Date Stage 1 started")?,
                adop_stage1_end_date: row.date("Date Stage 1 ended")?,
                adop_stage2_start_date: row.date("Date Stage 2 started")?,
                adop_stage2_end_date: row.date("Date Stage 2 ended")?,
                adop_application_date: row.date("Date application submitted")?,
                adop_approval_date: row.date("Date application approved")?,
                adop_matched_date: row.date("Date adopter matched with child(ren)")?,
                adop_placed_date: placed,
                adop_children_placed: row.count("No. of children placed")?,
                adop_adoption_order_date: row.date("Date of Adoption Order")?,
                adop_left_process_date: row.date("Date of leaving adoption process")?,
                adop_left_process_reason: row
                    .code("Reason for leaving adoption process", &cc::LEAVING_REASON)?,
            });
        }
        Ok(())
    }

    // ---- What List 6 says about the child on the as-at date ----

    /// Case Status and Date Child Was Last Seen: an open `c) Child in need plan` is a CIN plan
    /// from the CIN start; `d) Open assessment` links the child's open assessments to the
    /// episode; `b) Child Protection plan` with no open plan in List 7 is another LA's plan;
    /// the last-seen date marks the CP or CLA visit of that day as seen, or is a CIN visit.
    fn case_status(&mut self) -> Result<(), ToModelError> {
        let rows: Vec<Row> = self.rows(6).collect();
        for (row, rid) in rows.into_iter().zip(self.cin_referral.clone()) {
            let pid = row.child()?;
            let start = row.req_date("CIN Start Date")?;
            let closed = row.date("CIN Closure Date")?;
            let status = row.code_str("Case Status", &cc::CASE_STATUS)?;
            let seen = row.date("Date Child Was Last Seen")?;
            let r = self.r;
            let open_on_r = |s: Date, e: Option<Date>| s <= r && e.is_none_or(|e| e > r);
            match status.as_deref() {
                None | Some("CLA") | Some("CLOSED") => {}
                Some("CIN") if closed.is_none() => {
                    self.t.cin_plans.push(CinPlan {
                        cinp_cin_plan_id: id(&row.sub("PLAN")),
                        cinp_referral_id: rid.clone(),
                        cinp_person_id: pid.clone(),
                        cinp_cin_plan_start_date: start,
                        cinp_cin_plan_end_date: None,
                        cinp_cin_plan_team: None,
                        cinp_cin_plan_worker_id: None,
                    });
                }
                Some("CIN") => {}
                Some("ASSESSMENT") => {
                    for a in self.t.assessments.iter_mut().filter(|a| {
                        a.cina_person_id == pid
                            && open_on_r(a.cina_assessment_start_date, a.cina_assessment_auth_date)
                    }) {
                        a.cina_referral_id = rid.clone();
                    }
                }
                Some("CP") => {
                    let has_plan = self.t.cp_plans.iter().any(|p| {
                        p.cppl_person_id == pid
                            && open_on_r(p.cppl_cp_plan_start_date, p.cppl_cp_plan_end_date)
                    });
                    if !has_plan && closed.is_none() {
                        self.t.cp_plans.push(CpPlan {
                            cppl_cp_plan_id: id(&row.sub("OLA")),
                            cppl_referral_id: rid.clone(),
                            cppl_icpc_id: None,
                            cppl_person_id: pid.clone(),
                            cppl_cp_plan_start_date: start,
                            cppl_cp_plan_end_date: None,
                            cppl_cp_plan_ola: YesNo::Yes,
                            cppl_cp_plan_initial_category: CpCategory::Mul,
                            cppl_cp_plan_latest_category: CpCategory::Mul,
                            cppl_cp_plan_previous_plans: None,
                        });
                    }
                }
                Some(_) => {
                    return Err(row.invalid("Case Status", "one of the List 6 case statuses"))
                }
            }
            let Some(seen) = seen else { continue };
            if let Some(v) = self
                .t
                .cp_visits
                .iter_mut()
                .find(|v| v.cppv_person_id == pid && v.cppv_cp_visit_date == seen)
            {
                v.cppv_cp_visit_seen = Some(YesNo::Yes);
            } else if let Some(v) = self
                .t
                .cla_visits
                .iter_mut()
                .find(|v| v.clav_person_id == pid && v.clav_cla_visit_date == seen)
            {
                v.clav_cla_visit_seen = Some(YesNo::Yes);
            } else {
                self.t.cin_visits.push(CinVisit {
                    cinv_cin_visit_id: id(&row.sub("SEEN")),
                    cinv_person_id: pid,
                    cinv_cin_visit_date: seen,
                    cinv_cin_visit_seen: Some(YesNo::Yes),
                    cinv_cin_visit_seen_alone: None,
                    cinv_cin_visit_bedroom: None,
                });
            }
        }
        Ok(())
    }

    /// An emergency protection order in the six months (List 7) the legal statuses do not
    /// already show: in force on the first day of the six months, starting before the child's
    /// other statuses so it is never their current one.
    fn epo(&mut self) {
        let (r, six) = (self.r, self.six);
        for (pid, key) in std::mem::take(&mut self.epo) {
            let mine = || {
                self.t
                    .legal_statuses
                    .iter()
                    .filter(|s| s.lega_person_id == pid)
            };
            if mine().any(|s| {
                matches!(s.lega_legal_status, LegalStatus::L1 | LegalStatus::L2)
                    && s.lega_legal_status_start_date <= r
                    && s.lega_legal_status_end_date.is_none_or(|e| e >= six)
            }) {
                continue;
            }
            let first = mine().map(|s| s.lega_legal_status_start_date).min();
            let start = first.map_or(six, |f| six.min(day_before(f)));
            self.t.legal_statuses.push(LegalStatusRecord {
                lega_legal_status_id: id(&key),
                lega_person_id: pid,
                lega_legal_status: LegalStatus::L2,
                lega_legal_status_start_date: start,
                lega_legal_status_end_date: Some(six),
            });
        }
    }

    /// The child's allocation on the as-at date. When every row of Lists 3–9 names the same
    /// team and worker, that is an involvement open on the as-at date. Otherwise Lists 3 to 6
    /// and 9 keep their records' own team and worker, and what Lists 7 and 8 show is the child's
    /// last involvement, ended on the as-at date.
    fn allocations(&mut self) {
        for (i, pid) in self.order.clone().into_iter().enumerate() {
            let c = &self.children[&pid];
            let Some(first) = c.allocations.first() else {
                continue;
            };
            let same = c
                .allocations
                .iter()
                .all(|a| a.1 == first.1 && a.2 == first.2);
            let (pick, end) = if same {
                (Some((first.1.clone(), first.2.clone())), None)
            } else {
                let listed = [8u8, 7].iter().find_map(|n| {
                    c.allocations
                        .iter()
                        .find(|a| a.0 == *n && (a.1.is_some() || a.2.is_some()))
                });
                (listed.map(|a| (a.1.clone(), a.2.clone())), Some(self.r))
            };
            let Some((team, worker)) = pick else { continue };
            if team.is_none() && worker.is_none() {
                continue;
            }
            let start = c.earliest.unwrap_or(self.r).min(self.r);
            let team = self.team(team.as_ref());
            let worker = self.worker(worker.as_ref());
            self.t.involvements.push(Involvement {
                invo_involvements_id: id(&format!("AAP{:05}-INV", i + 1)),
                invo_professional_id: worker,
                invo_professional_role_id: None,
                invo_professional_team: team,
                invo_involvement_start_date: start,
                invo_involvement_end_date: end,
                invo_worker_change_reason: None,
                invo_person_id: pid,
                invo_referral_id: None,
            });
        }
    }
}

/// Events a list's counts need beyond those the model already has. Each row is (date, count of
/// the child's events in the twelve months before it, key). Rows are met latest first, each
/// with events dated the first day of its twelve months: a later row cannot see them, and an
/// earlier row sees them only if its own twelve months include that day, as it would the
/// events it stands for. Dated before the six months, none shows in a list itself. Returns
/// (key, number, date) for each event to add; a count lower than the known events is left.
fn fill_counts(
    mut rows: Vec<(Date, i64, String)>,
    mut known: Vec<Date>,
) -> Vec<(String, usize, Date)> {
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut out = vec![];
    for (at, n, key) in rows {
        let from = months_back(at, 12);
        let have = known.iter().filter(|&&d| d >= from && d < at).count() as i64;
        for k in 0..(n - have).max(0) {
            out.push((key.clone(), k as usize + 1, from));
            known.push(from);
        }
    }
    out
}
