use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child with HEALTH_CHECK = 1 must also have the immunisation, teeth check, health
    /// assessment and substance misuse fields completed.
    code: "547",
    message: "Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
    fields: ["HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Oc2, |t, r| {
        t.col("HEALTH_CHECK").str(r) == Some("1") && oc2_health_incomplete(t, r)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn health_check_needs_health_fields() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\n\
             1,1,1,1,1,1\n2,1,,1,1,1\n3,1,1,1,1,\n4,0,,,,\n5,,,,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[1, 2]));
    }
}
