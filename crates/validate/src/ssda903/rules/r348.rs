use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A care leaver reported last year as having died cannot be reported otherwise this
    /// year.
        code: "348",
        message: "Care leaver has previously been reported as having died. ",
        fields: ["IN_TOUCH"],
    tables: [Oc3, Oc3Last],
        years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (t, last) = (cx.t(T::Oc3), cx.t(T::Oc3Last));
    let (child, touch) = (t.col("CHILD"), t.col("IN_TOUCH"));
    let touch_last = last.col("IN_TOUCH");
    for r in t.rows() {
        let Some(c) = child.str(r) else { continue };
        let died_before = last
            .rows_of(c)
            .iter()
            .any(|&l| touch_last.str(l as usize) == Some("DIED"));
        if died_before && touch.str(r) != Some("DIED") {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn died_last_year() {
        let t = tables(&[
            (T::Oc3, "CHILD,IN_TOUCH\n1,YES\n2,DIED\n3,\n4,YES"),
            (T::Oc3Last, "CHILD,IN_TOUCH\n1,DIED\n2,DIED\n3,DIED\n4,YES"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0, 2]));
    }
}
