use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child in the Header with neither episodes nor care leaver (OC3) information cannot
    /// be validated further; Episodes and OC3 count as empty when not supplied.
    code: "EPI",
    message: "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]",
    fields: ["CHILD"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let keys = child_keys(&[cx.t(T::Episodes), cx.t(T::Oc3)]);
    f.flag_rows(T::Header, rows_missing_from(cx.t(T::Header), &keys));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn children_without_episodes_or_oc3() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,\n2,\n3,\n,"),
            (T::Episodes, "CHILD,DECOM\n1,"),
            (T::Oc3, "CHILD,ACCOM\n2,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[2, 3]));
        let t = tables(&[(T::Header, "CHILD,DOB\n1,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
