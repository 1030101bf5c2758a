use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A date UASC status ceased implies the child is UASC: Header UASC must be 1. Skipped
    /// when the Header has no UASC indicator.
        code: "303",
        message: "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.",
        fields: ["DUC", "UASC"],
    tables: [Uasc, Header],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (h, u) = (cx.t(T::Header), cx.t(T::Uasc));
    if !h.has("UASC") {
        return;
    }
    let (child, flag) = (h.col("CHILD"), h.col("UASC"));
    let duc = u.col("DUC");
    for r in h.rows() {
        let Some(c) = child.str(r) else { continue };
        // `pd.to_numeric(UASC) != 1`.
        if flag.number(r) == Some(1.0) {
            continue;
        }
        for &ur in u.rows_of(c) {
            if duc.is_present(ur as usize) {
                f.flag(T::Uasc, ur as usize);
                f.flag(T::Header, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn duc_needs_uasc() {
        let t = tables(&[
            (T::Header, "CHILD,UASC\n1,0\n2,1\n3,\n4,0"),
            (T::Uasc, "CHILD,SEX,DOB,DUC\n1,M,01/01/2008,01/01/2026\n2,M,01/01/2008,01/01/2026\n3,M,01/01/2008,X\n4,M,01/01/2008,"),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Header, 0), (T::Header, 2), (T::Uasc, 0), (T::Uasc, 2)]
        );
    }
}
