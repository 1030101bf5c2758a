use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Ending care to stay with former foster carers (REC E45/E46) needs a U1-U6 (foster)
    /// placement.
    code: "516",
    message: "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.",
    fields: ["REC", "PLACE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Episodes, |t, r| {
        matches!(t.col("REC").str(r), Some("E45" | "E46"))
            && !matches!(
                t.col("PLACE").str(r),
                Some("U1" | "U2" | "U3" | "U4" | "U5" | "U6")
            )
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn former_foster_carers_need_foster_placement() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,REC,PLACE\n1,E45,K2\n2,E46,\n3,E45,U6\n4,E11,K2",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
