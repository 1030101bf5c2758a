use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A care leaver who has died or returned home (IN_TOUCH DIED/RHOM) has activity and
    /// accommodation coded 0; anything else, blank included, is flagged.
        code: "344",
        message: "The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.",
        fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Oc3],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc3);
    let (touch, activ, accom) = (t.col("IN_TOUCH"), t.col("ACTIV"), t.col("ACCOM"));
    for r in t.rows() {
        if matches!(touch.str(r), Some("DIED" | "RHOM"))
            && (activ.str(r) != Some("0") || accom.str(r) != Some("0"))
        {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn died_or_home_has_zero_codes() {
        let t = tables(&[(
            T::Oc3,
            "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,DIED,0,0\n2,RHOM,F1,0\n3,DIED,0,\n4,YES,F1,B",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[1, 2]));
    }
}
