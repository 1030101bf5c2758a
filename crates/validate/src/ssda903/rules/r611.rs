use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A mother (MOTHER 1) needs the date of birth of her first child (MC_DOB).
    code: "611",
    message: "Date of birth field is blank, but child is a mother.",
    fields: ["MOTHER", "MC_DOB"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let (mother, mc_dob) = (t.col("MOTHER"), t.col("MC_DOB"));
    for r in t.rows() {
        if mother.str(r) == Some("1") && !mc_dob.is_present(r) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn mother_without_child_dob() {
        let t = tables(&[(T::Header, "CHILD,MOTHER,MC_DOB\n1,1,\n2,1,01/01/2020\n3,0,\n4,,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
