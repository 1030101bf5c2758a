use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every episode of a child except the latest must have ended (DEC and REC both given).
    /// The latest is the last in the validator's sort by start date: an episode with no
    /// valid start sorts last, and ties fall in numpy's (unstable) quicksort order.
    code: "142",
    message: "A new episode has started, but the previous episode has not ended.",
    fields: ["DEC", "REC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (decom, dec, rec) = (eps.col("DECOM"), eps.col("DEC"), eps.col("REC"));
    // The validator blanks DECOM via a "01/01/1901" placeholder, which also blanks a real
    // start on that day.
    let placeholder = Date::ymd(1901, 1, 1);
    let keys: Vec<Option<Date>> = eps
        .rows()
        .map(|r| decom.date(r).filter(|&d| d != placeholder))
        .collect();
    let mut position = vec![0usize; keys.len()];
    for (pos, r) in pd_sort_order(&keys).into_iter().enumerate() {
        position[r] = pos;
    }
    for rows in eps.by_child().values() {
        let Some(&last) = rows.iter().max_by_key(|&&r| position[r as usize]) else {
            continue;
        };
        for &r in rows {
            let r = r as usize;
            let open = dec.date(r).is_none() || !rec.is_present(r);
            if r != last as usize && open && keys[r].is_some() {
                f.flag(T::Episodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn earlier_episodes_must_end() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,REC\n1,01/06/2025,,\n1,01/01/2025,,\n1,01/03/2025,bad,E11\n\
             2,01/01/2025,01/02/2025,E11\n2,01/02/2025,,\n3,01/01/2025,,\n3,,,\n,01/01/2025,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2, 5]));
    }
}
