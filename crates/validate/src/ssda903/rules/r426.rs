use super::prelude::*;
use hashbrown::HashMap;

pub const RULES: &[Rule] = &[rule! {
    /// A child cannot have both respite statuses (V3 and V4) in one year: all the child's
    /// V3 and V4 episodes are flagged.
    code: "426",
    message: "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.",
    fields: ["LS"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (child, ls) = (eps.col("CHILD"), eps.col("LS"));
    // Merged on CHILD as the reference does, so a missing CHILD matches another.
    let mut seen: HashMap<&str, (bool, bool)> = HashMap::new();
    for r in eps.rows() {
        let e = seen.entry(child.text(r)).or_default();
        match ls.str(r) {
            Some("V3") => e.0 = true,
            Some("V4") => e.1 = true,
            _ => {}
        }
    }
    let t = cx.t(T::Episodes);
    let (ls, child) = (t.col("LS"), t.col("CHILD"));
    flag_where(cx, f, T::Episodes, |_, r| {
        is_in(ls, r, &["V3", "V4"])
            && seen.get(child.text(r)) == Some(&(true, true))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn both_respite_statuses() {
        let t = tables(&[(T::Episodes, "CHILD,LS\n1,V3\n1,C2\n1,V4\n2,V3\n2,V3\n3,V4")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
