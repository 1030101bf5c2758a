//! Care leavers at their 17th–21st birthdays (spec §5.4), as the 903's OC3 table reports them,
//! and pathway plans.

use model::codes::{CareLeaverEligibility, InTouch, Suitability};
use model::tables::CareLeaver;
use model::Date;

use super::unit;
use crate::compute::{Point, Unit};
use crate::index::{months, Prepared};
use crate::params::Params;

/// What a care leaver's information around a birthday says.
struct AtBirthday<'a> {
    child: u32,
    birthday: Date,
    /// The contact nearest the birthday in the window; None: the council was not in touch.
    contact: Option<&'a CareLeaver>,
}

/// Care leavers whose birthday at one of `ages` fell in the period, with the contact nearest
/// it (from `leaver_days_before_birthday` before to `leaver_days_after_birthday` after, as the
/// 903 export takes it). At 17 and 18 a young person still looked after on or after the
/// birthday is not a care leaver. Those who died or returned home (RHOM) are left out when
/// `leaver_exclude_died_rhom` (the DfE's exclusions).
fn cohort<'a>(p: &'a Prepared, params: &Params, at: Point, ages: &[i32]) -> Vec<AtBirthday<'a>> {
    let t = &p.model.tables.care_leavers;
    let mut out = Vec::new();
    for child in 0..p.people.len() as u32 {
        let contacts = p.care_leavers.of(child);
        if contacts.is_empty() {
            continue;
        }
        let Some(dob) = p.people[child as usize].dob else {
            continue;
        };
        // The 903 reports the first of the 17th–21st birthdays in its year.
        let Some((age, birthday)) = (17..=21)
            .map(|n| (n, months(dob, 12 * n)))
            .find(|&(_, b)| at.contains(b))
        else {
            continue;
        };
        if !ages.contains(&age) {
            continue;
        }
        // Care ceasing on the birthday itself still counts as looked after on it, as the DfE's
        // rule 1016 and the 903 export have it (the reference validator flags OC3 data for
        // such a young person), so the two agree.
        if age <= 18
            && p.episodes_of(child).any(|e| {
                e.clae_cla_episode_start_date <= at.as_at
                    && e.clae_cla_episode_ceased_date.is_none_or(|c| c >= birthday)
            })
        {
            continue;
        }
        let window = |d: Date| {
            d >= birthday.plus_days(-params.leaver_days_before_birthday)
                && d <= birthday.plus_days(params.leaver_days_after_birthday)
                && d <= at.as_at
        };
        let contact = contacts
            .iter()
            .map(|&i| &t[i as usize])
            .filter(|c| window(c.clea_care_leaver_latest_contact))
            .min_by_key(|c| birthday.days_until(c.clea_care_leaver_latest_contact).abs());
        if params.leaver_exclude_died_rhom
            && contact.is_some_and(|c| {
                matches!(c.clea_care_leaver_in_touch, InTouch::Died | InTouch::Rhom)
            })
        {
            continue;
        }
        out.push(AtBirthday {
            child,
            birthday,
            contact,
        });
    }
    out
}

fn measure(
    p: &Prepared,
    params: &Params,
    at: Point,
    ages: &[i32],
    hit: impl Fn(&CareLeaver) -> bool,
) -> Vec<Unit> {
    cohort(p, params, at, ages)
        .into_iter()
        .map(|b| {
            let ok = b.contact.is_some_and(&hit);
            // Held by the leaver's own team and worker where the contact names them.
            unit(
                p,
                b.child,
                b.contact
                    .and_then(|c| c.clea_care_leaver_allocated_team.as_ref()),
                b.contact
                    .and_then(|c| c.clea_care_leaver_worker_id.as_ref()),
                b.birthday,
                ok,
                None,
            )
        })
        .collect()
}

const YOUNG: &[i32] = &[17, 18];
const OLDER: &[i32] = &[19, 20, 21];

fn in_touch(c: &CareLeaver) -> bool {
    c.clea_care_leaver_in_touch == InTouch::Yes
}
fn suitable(c: &CareLeaver) -> bool {
    c.clea_care_leaver_accom_suitable == Some(Suitability::Suitable)
}
fn eet(c: &CareLeaver) -> bool {
    c.clea_care_leaver_activity.is_some_and(|a| a.is_eet())
}

pub fn in_touch_17_18(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    measure(p, params, at, YOUNG, in_touch)
}
pub fn in_touch_19_21(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    measure(p, params, at, OLDER, in_touch)
}
pub fn suitable_17_18(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    measure(p, params, at, YOUNG, suitable)
}
pub fn suitable_19_21(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    measure(p, params, at, OLDER, suitable)
}
pub fn eet_17_18(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    measure(p, params, at, YOUNG, eet)
}
pub fn eet_19_21(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    measure(p, params, at, OLDER, eet)
}

/// Current care leavers (relevant or former relevant, last contact within
/// `leaver_current_months`, not dead, not returned home, not refusing or no longer needing
/// services) whose pathway plan was reviewed within `pathway_review_months`.
pub fn pathway_reviewed(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let t = &p.model.tables.care_leavers;
    let mut out = Vec::new();
    let current_since = months(at.as_at, -(params.leaver_current_months as i32));
    let reviewed_since = months(at.as_at, -(params.pathway_review_months as i32));
    for child in 0..p.people.len() as u32 {
        let rows: Vec<&CareLeaver> = p
            .care_leavers
            .of(child)
            .iter()
            .map(|&i| &t[i as usize])
            .filter(|c| c.clea_care_leaver_latest_contact <= at.as_at)
            .collect();
        let Some(latest) = rows.last() else {
            continue;
        };
        let eligible = matches!(
            latest.clea_care_leaver_eligibility,
            CareLeaverEligibility::Relevant | CareLeaverEligibility::FormerRelevant
        );
        // Refusing contact (REFU) leaves them out too, as documented above ("not refusing").
        let active = !matches!(
            latest.clea_care_leaver_in_touch,
            InTouch::Died | InTouch::Rhom | InTouch::Nreq | InTouch::Refu
        );
        if !eligible || !active || latest.clea_care_leaver_latest_contact < current_since {
            continue;
        }
        let reviewed = rows
            .iter()
            .filter_map(|c| c.clea_pathway_plan_review_date)
            .filter(|&d| d <= at.as_at)
            .max();
        let u = unit(
            p,
            child,
            latest.clea_care_leaver_allocated_team.as_ref(),
            latest.clea_care_leaver_worker_id.as_ref(),
            at.as_at,
            reviewed.is_some_and(|d| d >= reviewed_since),
            reviewed.map(|d| d.days_until(at.as_at)),
        );
        out.push(u);
    }
    out
}
