use super::prelude::*;
use hashbrown::{HashMap, HashSet};

pub const RULES: &[Rule] = &[rule! {
    /// Care leaver details (OC3) are only for relevant or former relevant children: flags OC3
    /// rows of children who were not looked after for at least 91 days since their 14th
    /// birthday and a day since their 16th (this and last year's episodes, V3/V4 respite
    /// excluded, the final open episode counted to 31 March, children over 20 left out), or
    /// whose latest episode ended in adoption. Follows the reference's reading of the
    /// combined episodes, whose row numbers repeat between the two years (see below).
    code: "1001",
    message: "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Episodes, Oc3, Header, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

/// One episode of the two years, labelled by its row number in its own table (so labels
/// repeat across the years, as in the reference's concatenated frame); `id` numbers the
/// merge key (CHILD, a missing one being key "").
#[derive(Clone, Copy)]
struct Ep<'a> {
    label: u32,
    id: u32,
    decom: Option<Date>,
    dec: Option<Date>,
    ls: Option<&'a str>,
    rec: Option<&'a str>,
}

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (cur, prev, oc3, head) = (
        cx.t(T::Episodes),
        cx.t(T::EpisodesLast),
        cx.t(T::Oc3),
        cx.t(T::Header),
    );
    if cur.is_empty() || prev.is_empty() || oc3.is_empty() || head.is_empty() {
        return;
    }
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut all = Vec::with_capacity(cur.len() + prev.len());
    for t in [cur, prev] {
        let (decom, dec, ls, rec) = (t.col("DECOM"), t.col("DEC"), t.col("LS"), t.col("REC"));
        for r in t.rows() {
            let next = ids.len() as u32;
            let id = *ids.entry(merge_key(t, r)).or_insert(next);
            all.push(Ep {
                label: r as u32,
                id,
                decom: decom.date(r),
                dec: dec.date(r),
                ls: ls.str(r),
                rec: rec.str(r),
            });
        }
    }
    let n = ids.len();
    let missing_id = ids.get("").copied();
    // sort_values("DEC") (numpy quicksort), then drop duplicate (CHILD, DECOM), keep first.
    let decs: Vec<Option<Date>> = all.iter().map(|e| e.dec).collect();
    let mut seen = HashSet::new();
    let mut eps: Vec<Ep> = pandas_sort_order(&decs, true)
        .into_iter()
        .filter_map(|i| all.get(i).copied())
        .filter(|e| seen.insert((e.id, e.decom)))
        .collect();

    // Each child's latest episode (first in this order with the greatest DECOM), by label.
    // The reference raises for a child without a valid DECOM; such a child is skipped.
    let mut latest: Vec<Option<(Date, u32)>> = vec![None; n];
    for e in &eps {
        let Some(d) = e.decom else { continue };
        if Some(e.id) == missing_id {
            continue;
        }
        if let Some(slot) = latest.get_mut(e.id as usize) {
            if slot.is_none_or(|(best, _)| d > best) {
                *slot = Some((d, e.label));
            }
        }
    }
    let labels = cur.len().max(prev.len());
    let mut latest_labels = vec![false; labels];
    for &(_, l) in latest.iter().flatten() {
        if let Some(x) = latest_labels.get_mut(l as usize) {
            *x = true;
        }
    }
    let is_latest = |l: u32| latest_labels.get(l as usize).copied().unwrap_or(false);
    for e in eps.iter_mut() {
        if e.dec.is_none() && is_latest(e.label) {
            e.dec = Some(cx.end);
        }
    }

    // Header: valid DOB, under 20 at 31 March.
    let dob = head.col("DOB");
    let mut births: Vec<Vec<(Date, Date)>> = vec![Vec::new(); n];
    for h in head.rows() {
        let Some(b) = dob.date(h) else { continue };
        if plus_years(b, 20).is_none_or(|d| d <= cx.end) {
            continue;
        }
        let Some(&id) = ids.get(merge_key(head, h)) else {
            continue;
        };
        if let (Some(d14), Some(d16), Some(slot)) =
            (plus_years(b, 14), plus_years(b, 16), births.get_mut(id as usize))
        {
            slot.push((d14, d16));
        }
    }
    let born = |e: &Ep| births.get(e.id as usize).map_or(&[][..], Vec::as_slice);
    // Respite (V3/V4) rows are dropped by label, taking any row sharing the label with them.
    let mut respite = vec![false; labels];
    for e in &eps {
        if matches!(e.ls, Some("V3" | "V4")) && !born(e).is_empty() {
            if let Some(x) = respite.get_mut(e.label as usize) {
                *x = true;
            }
        }
    }
    let kept = |e: &&Ep| {
        !respite.get(e.label as usize).copied().unwrap_or(false) && !born(e).is_empty()
    };
    if !eps.iter().any(|e| kept(&e)) {
        return;
    }
    let mut totals: Vec<Option<(i64, i64)>> = vec![None; n];
    for e in eps.iter().filter(kept) {
        if Some(e.id) == missing_id {
            continue;
        }
        let days = |from: Date| {
            let from = e.decom.map_or(from, |d| d.max(from));
            e.dec.map_or(0, |end| from.days_until(end).max(0))
        };
        let Some(slot) = totals.get_mut(e.id as usize) else {
            continue;
        };
        let t = slot.get_or_insert((0, 0));
        for &(d14, d16) in born(e) {
            t.0 += days(d14);
            t.1 += days(d16);
        }
    }
    let mut adopted = vec![false; n];
    for e in &eps {
        if is_latest(e.label) && matches!(e.rec, Some("E11" | "E12")) {
            if let Some(a) = adopted.get_mut(e.id as usize) {
                *a = true;
            }
        }
    }
    for r in oc3.rows() {
        let key = merge_key(oc3, r);
        let id = ids.get(key).map(|&i| i as usize);
        let relevant = !key.is_empty()
            && id
                .and_then(|i| totals.get(i).copied().flatten())
                .is_some_and(|(t14, t16)| t14 >= 91 && t16 >= 1);
        let was_adopted = id.is_some_and(|i| adopted.get(i).copied().unwrap_or(false));
        if was_adopted || !relevant {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn not_relevant_or_adopted() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,DEC,LS,REC\n\
                 1,01/04/2025,01/09/2025,C2,E4A\n\
                 2,01/04/2025,10/04/2025,C2,E4A\n\
                 3,01/04/2025,01/09/2025,C2,E11\n\
                 4,01/04/2025,,C2,",
            ),
            (T::EpisodesLast, "CHILD,DECOM,DEC,LS,REC\n9,01/04/2024,02/04/2024,C2,E4A"),
            (
                T::Header,
                "CHILD,DOB\n1,01/01/2009\n2,01/01/2009\n3,01/01/2009\n4,01/01/2009\n5,01/01/2000",
            ),
            (T::Oc3, "CHILD,IN_TOUCH\n1,YES\n2,YES\n3,YES\n4,YES\n5,YES"),
        ]);
        // 1: 153 days after 16; 2: 9 days; 3: adopted; 4: open to 31 March; 5: over 20.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[1, 2, 4]));
    }

    #[test]
    fn empty_table_skips() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM,DEC,LS,REC\n1,01/04/2025,10/04/2025,C2,E4A"),
            (T::EpisodesLast, "CHILD,DECOM,DEC,LS,REC"),
            (T::Header, "CHILD,DOB\n1,01/01/2009"),
            (T::Oc3, "CHILD,IN_TOUCH\n1,YES"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), vec![]);
    }
}
