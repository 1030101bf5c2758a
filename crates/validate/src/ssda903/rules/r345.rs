use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A care leaver the authority is in touch with (IN_TOUCH YES) has real activity and
    /// accommodation codes, not 0.
        code: "345",
        message: "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.",
        fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Oc3],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc3);
    let (touch, activ, accom) = (t.col("IN_TOUCH"), t.col("ACTIV"), t.col("ACCOM"));
    for r in t.rows() {
        if touch.str(r) == Some("YES") && (activ.str(r) == Some("0") || accom.str(r) == Some("0"))
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
    fn in_touch_has_codes() {
        let t = tables(&[(
            T::Oc3,
            "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,0,B\n2,YES,F1,0\n3,YES,F1,B\n4,NO,0,0\n5,YES,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0, 1]));
    }
}
