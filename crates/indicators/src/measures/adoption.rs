//! The adoption scorecard's timeliness measures (spec §5.5), over children adopted in the
//! `adoption_years` ending at the as-at date.

use model::codes::{LegalStatus, YesNo};
use model::tables::{ClaEpisode, Permanence};
use model::Date;

use super::allocated;
use crate::compute::{Point, Unit};
use crate::index::{months, Prepared};
use crate::params::Params;

/// A child adopted in the window: the period of care that ended in adoption.
struct Adopted<'a> {
    child: u32,
    adopted_on: Date,
    /// The episodes of that period of care, in date order.
    period: Vec<&'a ClaEpisode>,
    permanence: Option<&'a Permanence>,
}

fn adopted<'a>(p: &'a Prepared, params: &Params, at: Point) -> Vec<Adopted<'a>> {
    let from = months(at.as_at, -12 * params.adoption_years as i32).plus_days(1);
    let perms = &p.model.tables.permanence;
    let mut out = Vec::new();
    for child in 0..p.people.len() as u32 {
        let Some(last) = p.episodes_of(child).find(|e| {
            e.clae_cla_episode_ceased_reason
                .is_some_and(|r| r.is_adoption())
                && e.clae_cla_episode_ceased_date
                    .is_some_and(|d| d >= from && d <= at.as_at)
        }) else {
            continue;
        };
        let period: Vec<&ClaEpisode> = p
            .episodes_of(child)
            .filter(|e| e.clae_cla_id == last.clae_cla_id)
            .collect();
        let permanence = p
            .permanence
            .of(child)
            .iter()
            .map(|&i| &perms[i as usize])
            .find(|r| {
                r.perm_cla_id
                    .as_ref()
                    .is_none_or(|c| *c == last.clae_cla_id)
            });
        out.push(Adopted {
            child,
            adopted_on: last.clae_cla_episode_ceased_date.expect("found by it"),
            period,
            permanence,
        });
    }
    out
}

impl Adopted<'_> {
    fn entered_care(&self) -> Date {
        self.period[0].clae_entered_care_date
    }
    /// The day the child moved in with the adoptive family: the first placement for adoption
    /// (A3–A6) of the period, or the recorded date placed for adoption.
    fn placed_for_adoption(&self, p: &Prepared) -> Option<Date> {
        self.period
            .iter()
            .find(|e| p.placement_type(e).is_some_and(|t| t.is_adoption()))
            .map(|e| e.clae_cla_episode_start_date)
            .or_else(|| {
                self.permanence
                    .and_then(|r| r.perm_placed_for_adoption_date)
            })
    }
}

fn mean_days(
    p: &Prepared,
    params: &Params,
    at: Point,
    days: impl Fn(&Adopted) -> Option<i64>,
) -> Vec<Unit> {
    adopted(p, params, at)
        .iter()
        .filter_map(|a| {
            let d = days(a)?;
            Some(allocated(p, a.child, a.adopted_on, true, Some(d)))
        })
        .collect()
}

/// A1: mean days from entering care to moving in with the adoptive family.
pub fn a1(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    mean_days(p, params, at, |a| {
        Some(a.entered_care().days_until(a.placed_for_adoption(p)?))
    })
}

/// A10: as A1, but for a child adopted by their foster carers the clock stops when they moved
/// in with those carers as foster carers.
pub fn a10(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    mean_days(p, params, at, |a| {
        let by_carer = a
            .permanence
            .is_some_and(|r| r.perm_adopted_by_carer_flag == Some(YesNo::Yes));
        let end = if by_carer {
            a.permanence
                .and_then(|r| r.perm_placed_foster_carer_date)
                .or_else(|| a.placed_for_adoption(p))?
        } else {
            a.placed_for_adoption(p)?
        };
        Some(a.entered_care().days_until(end).max(0))
    })
}

/// A2: mean days from court authority to place (placement or freeing order: the start of legal
/// status E1 or D1 in the period of care) to the match with the adopters; 0 if matched first.
/// Children with no such order or not placed for adoption are left out.
pub fn a2(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let statuses = &p.model.tables.legal_statuses;
    mean_days(p, params, at, |a| {
        a.placed_for_adoption(p)?;
        let start = a.entered_care();
        let authority = p
            .legal_statuses
            .of(a.child)
            .iter()
            .map(|&i| &statuses[i as usize])
            .find(|s| {
                matches!(s.lega_legal_status, LegalStatus::E1 | LegalStatus::D1)
                    && s.lega_legal_status_start_date >= start
                    && s.lega_legal_status_start_date <= a.adopted_on
            })?
            .lega_legal_status_start_date;
        let matched = a.permanence?.perm_matched_date?;
        Some(authority.days_until(matched).max(0))
    })
}
