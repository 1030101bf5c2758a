use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// After an episode ending because the child died (E2) or reached 18 (E15) the child
    /// has no later episode (in DECOM order; episodes without a valid DECOM sort last).
    code: "437",
    message: "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
    fields: ["REC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (decom, rec) = (eps.col("DECOM"), eps.col("REC"));
    for_each_child_sorted(eps, |r| nat_last_key(decom.date(r)), |rows| {
        // Every episode but the child's last has a later one.
        for &cur in rows.iter().take(rows.len().saturating_sub(1)) {
            if decom.date(cur).is_some() && is_in(rec, cur, &["E2", "E15"]) {
                f.flag(T::Episodes, cur);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn nothing_after_death_or_eighteen() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,REC\n1,01/06/2025,\n1,01/05/2025,E2\n2,01/05/2025,E15\n3,01/05/2025,E15\n3,bad,\n4,bad,E2\n4,01/05/2025,X1",
        )]);
        // 3: a later episode without a valid DECOM still counts; 4: the E2 episode has no
        // valid DECOM itself.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 3]));
    }
}
