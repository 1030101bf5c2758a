use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// REC X1 (episode ends, a new one begins) needs a next episode starting the day this
    /// one ends; another REC with such a next episode should be X1; and the child's last
    /// episode cannot end with X1. Episodes in DECOM order, an invalid DECOM read as
    /// 01/01/1901 as in the reference.
    code: "388",
    message: "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
    fields: ["REC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (decom, dec, rec) = (eps.col("DECOM"), eps.col("DEC"), eps.col("REC"));
    let filler = Date::ymd(1901, 1, 1);
    let start = |r: usize| decom.date(r).unwrap_or(filler);
    for rows in eps.by_child().values() {
        let mut rows: Vec<usize> = rows.iter().map(|&r| r as usize).collect();
        rows.sort_by_key(|&r| start(r));
        for (i, &r) in rows.iter().enumerate() {
            let Some(end) = dec.date(r) else { continue };
            let x1 = rec.str(r) == Some("X1");
            let bad = match rows.get(i + 1) {
                Some(&next) => {
                    let joined = end == start(next);
                    (x1 && !joined) || (!x1 && rec.is_present(r) && joined)
                }
                None => x1,
            };
            if bad {
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
    fn x1_needs_a_continuation() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,REC
1,01/05/2025,01/06/2025,X1
1,02/06/2025,01/07/2025,E11
2,01/05/2025,01/06/2025,E4A
2,01/06/2025,,
3,01/05/2025,01/06/2025,X1
4,01/05/2025,01/06/2025,X1
4,01/06/2025,,
5,bad,01/01/1901,E2
5,01/05/2025,,",
        )]);
        // 1: X1 but the next starts a day later; 2: E4A but the next starts that day; 3:
        // last episode ends X1; 5: the invalid DECOM sorts first, read as 01/01/1901.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 4]));
    }
}
