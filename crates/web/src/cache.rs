//! What the pages serve, computed once per snapshot (at startup and after an import, off the
//! request path): every indicator's 24-month series and breakdowns, the children behind each
//! figure, the work lists and each child's allocation. Requests only read it.

use std::collections::HashMap;
use std::sync::Arc;

use indicators::benchmarks::{compare, BenchmarkSet, Comparison};
use indicators::compute::Unit;
use indicators::index::Groups;
use indicators::worklists::{self, Item};
use indicators::{
    breakdown, catalogue, evaluate_all, monthly_points, By, Figure, Indicator, Params, Prepared,
};
use model::{CaseModel, Date};

/// Months in each trend series.
pub const SERIES_MONTHS: u32 = 24;

/// One indicator, computed.
pub struct IndicatorData {
    pub ind: &'static Indicator,
    /// Month ends, oldest first.
    pub series: Vec<(Date, Figure)>,
    /// The units behind the latest figure.
    pub units: Vec<Unit>,
    pub breakdowns: Vec<(By, Vec<(String, Figure)>)>,
    pub benchmark: Option<Comparison>,
}

impl IndicatorData {
    pub fn latest(&self) -> Option<&Figure> {
        self.series.last().map(|(_, f)| f)
    }
}

/// A snapshot, ready to serve.
pub struct Computed {
    pub snapshot: i64,
    pub model: CaseModel,
    pub as_at: Date,
    pub person_ix: HashMap<String, u32>,
    pub team_ids: Vec<String>,
    pub team_names: Vec<String>,
    pub worker_names: Vec<String>,
    /// Each worker's index in `worker_names`, by professional id.
    pub worker_ix: HashMap<String, u32>,
    /// Each child's allocated team and worker at the as-at date.
    pub allocation: Vec<(Option<u32>, Option<u32>)>,
    /// Each child's rows of the tables its journey shows.
    pub journey_rows: JourneyRows,
    pub indicators: Vec<IndicatorData>,
    pub worklist: Vec<Item>,
    /// Seconds the computation took.
    pub seconds: f64,
}

impl Computed {
    /// Computes everything for `model` (CPU work: call it from a blocking task).
    pub fn build(
        snapshot: i64,
        model: CaseModel,
        benchmarks: &BenchmarkSet,
        soon_days: i64,
    ) -> Computed {
        let t0 = std::time::Instant::now();
        let as_at = model.la.as_at;
        let params = Params::default();
        let (allocation, indicators, worklist) = {
            let p = Prepared::new(&model);
            let allocation: Vec<_> = (0..p.people.len() as u32)
                .map(|c| p.allocation(c, as_at).unwrap_or((None, None)))
                .collect();
            let inds: Vec<&'static Indicator> = catalogue().iter().collect();
            let points = monthly_points(as_at, SERIES_MONTHS, params.period_months);
            let results = evaluate_all(&p, &params, &inds, &points);
            let year = if as_at.month() >= 4 {
                as_at.year() + 1
            } else {
                as_at.year()
            };
            let indicators = inds
                .iter()
                .zip(results)
                .map(|(&ind, mut series)| {
                    let units = series.last_mut().map(|e| std::mem::take(&mut e.units));
                    let units = units.unwrap_or_default();
                    let breakdowns = By::ALL
                        .iter()
                        .map(|&by| (by, breakdown(&p, ind, &units, by)))
                        .collect();
                    let series: Vec<(Date, Figure)> =
                        series.iter().map(|e| (e.point.as_at, e.figure)).collect();
                    let live = series.last().and_then(|(_, f)| f.value);
                    let benchmark = ind.twin.and_then(|twin| {
                        compare(
                            benchmarks,
                            &twin,
                            ind.polarity,
                            &model.la.la_code,
                            year,
                            live,
                        )
                    });
                    IndicatorData {
                        ind,
                        series,
                        units,
                        breakdowns,
                        benchmark,
                    }
                })
                .collect();
            let worklist = worklists::at(&p, &params, as_at, soon_days);
            (allocation, indicators, worklist)
        };
        let t = &model.tables;
        let person_ix: HashMap<String, u32> = t
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.pers_person_id.as_str().to_string(), i as u32))
            .collect();
        let journey_rows = JourneyRows::build(t, &person_ix);
        Computed {
            snapshot,
            as_at,
            person_ix,
            journey_rows,
            team_ids: t
                .teams
                .iter()
                .map(|x| x.dept_team_id.as_str().to_string())
                .collect(),
            team_names: t.teams.iter().map(|x| x.dept_team_name.clone()).collect(),
            worker_names: t
                .professionals
                .iter()
                .map(|w| {
                    w.prof_professional_name
                        .clone()
                        .unwrap_or_else(|| w.prof_professional_id.as_str().to_string())
                })
                .collect(),
            worker_ix: t
                .professionals
                .iter()
                .enumerate()
                .map(|(i, w)| (w.prof_professional_id.as_str().to_string(), i as u32))
                .collect(),
            allocation,
            indicators,
            worklist,
            seconds: t0.elapsed().as_secs_f64(),
            model,
        }
    }

    pub fn indicator(&self, id: &str) -> Option<&IndicatorData> {
        self.indicators.iter().find(|d| d.ind.id == id)
    }

    pub fn person_id(&self, child: u32) -> &str {
        self.model.tables.people[child as usize]
            .pers_person_id
            .as_str()
    }

    /// The team id a child is allocated to at the as-at date.
    pub fn child_team_id(&self, child: u32) -> Option<&str> {
        self.allocation[child as usize]
            .0
            .map(|t| self.team_ids[t as usize].as_str())
    }

    pub fn team_name(&self, team: Option<u32>) -> &str {
        team.map_or("Not allocated", |t| self.team_names[t as usize].as_str())
    }

    pub fn worker_name(&self, worker: Option<u32>) -> &str {
        worker.map_or("Not allocated", |w| self.worker_names[w as usize].as_str())
    }
}

/// A snapshot's DfE validation (SSDA903 and CIN census), as the validation page shows it.
#[derive(Clone)]
pub enum Validation {
    Running,
    Done(Arc<Vec<store::validation::ReturnValidation>>),
    Failed(String),
}

/// The validation of `snapshot`: what is known now, starting the computation in the
/// background the first time it is asked for (the served snapshot's model is reused; any
/// other is loaded from the store).
pub fn validation(state: &crate::Shared, snapshot: i64) -> Validation {
    let Ok(mut all) = state.validations.lock() else {
        return Validation::Failed("the validation cache is unavailable".into());
    };
    if let Some(v) = all.get(&snapshot) {
        return v.clone();
    }
    all.insert(snapshot, Validation::Running);
    drop(all);
    let st = state.clone();
    tokio::spawn(async move {
        let result = async {
            let model = match st.computed().filter(|c| c.snapshot == snapshot) {
                Some(c) => ModelRef::Served(c),
                None => ModelRef::Loaded(Box::new(
                    st.store.load(snapshot).await.map_err(|e| e.to_string())?,
                )),
            };
            tokio::task::spawn_blocking(move || store::validation::validate_model(model.get()))
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())
        }
        .await;
        let v = match result {
            Ok(r) => Validation::Done(Arc::new(r)),
            Err(e) => {
                tracing::warn!("validating snapshot {snapshot}: {e}");
                Validation::Failed(e)
            }
        };
        if let Ok(mut all) = st.validations.lock() {
            all.insert(snapshot, v);
        }
    });
    Validation::Running
}

/// The served snapshot's model, or one loaded for the purpose.
enum ModelRef {
    Served(Arc<Computed>),
    Loaded(Box<CaseModel>),
}

impl ModelRef {
    fn get(&self) -> &CaseModel {
        match self {
            ModelRef::Served(c) => &c.model,
            ModelRef::Loaded(m) => m,
        }
    }
}

/// Declares [`JourneyRows`]: one group per table, each keyed by its person id column.
macro_rules! journey_rows {
    ($($table:ident: $person:ident),* $(,)?) => {
        /// Each child's rows of the tables a journey shows, grouped once per snapshot, so a
        /// journey reads its own rows instead of scanning every table on each request.
        pub struct JourneyRows {
            $(pub $table: Groups,)*
            /// Looked-after reviews name only the period of care; grouped by its child.
            pub cla_reviews: Groups,
        }

        impl JourneyRows {
            fn build(t: &model::Tables, person_ix: &HashMap<String, u32>) -> JourneyRows {
                let n = t.people.len();
                let child = |id: &str| person_ix.get(id).copied();
                let period_child: HashMap<&str, u32> = t
                    .cla_episodes
                    .iter()
                    .filter_map(|e| Some((e.clae_cla_id.as_str(), child(e.clae_person_id.as_str())?)))
                    .collect();
                JourneyRows {
                    $($table: Groups::build(n, &t.$table, |r| child(r.$person.as_str()), |_| 0),)*
                    cla_reviews: Groups::build(
                        n,
                        &t.cla_reviews,
                        |r| period_child.get(r.clar_cla_id.as_str()).copied(),
                        |_| 0,
                    ),
                }
            }
        }
    };
}

journey_rows! {
    contacts: cont_person_id,
    cin_episodes: cine_person_id,
    assessments: cina_person_id,
    cin_plans: cinp_person_id,
    s47_enquiries: s47e_person_id,
    initial_cp_conferences: icpc_person_id,
    cp_plans: cppl_person_id,
    cp_visits: cppv_person_id,
    cp_reviews: cppr_person_id,
    cla_episodes: clae_person_id,
    placements: clap_person_id,
    cla_visits: clav_person_id,
    health_checks: clah_person_id,
    missing_episodes: miss_person_id,
    care_leavers: clea_person_id,
    involvements: invo_person_id,
}
