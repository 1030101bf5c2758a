use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every child in UASC must have a Header record, or nothing else about them can be
    /// checked. As the validator merges on CHILD, a row with no CHILD matches a Header row
    /// with no CHILD.
    code: "INT09",
    message: "Internal Check: Child in UASC does not exist in Header.",
    fields: ["CHILD"],
    tables: [Header, Uasc],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    int_child_not_in_header(cx, f, T::Uasc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn children_missing_from_header() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2010\n2,01/01/2011"),
            (T::Uasc, "CHILD,DOB,DUC\n1,,\n3,,\n2,,\n3,,\n,,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Uasc, &[1, 3, 4]));
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2010\n,01/01/2011"),
            (T::Uasc, "CHILD,DOB,DUC\n1,,\n,,"),
        ]);
        assert_eq!(flagged(RULES, Y2022_23, &t), vec![]);
    }
}
