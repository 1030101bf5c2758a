use super::prelude::*;

/// Derived Episodes columns the postcode lookup supplies: non-empty when HOME_POST /
/// PL_POST is found in the ONS postcode directory (the reference's lookup).
pub const HOME_POST_FOUND: &str = "HOME_POST_FOUND";
pub const PL_POST_FOUND: &str = "PL_POST_FOUND";

pub const RULES: &[Rule] = &[rule! {
    /// A home or placement postcode that is given must be a real postcode: one found by the
    /// postcode lookup (columns HOME_POST_FOUND / PL_POST_FOUND); until the lookup supplies
    /// them, one of the UK postcode shape.
    code: "392c",
    message: "Postcode(s) provided are invalid.",
    fields: ["HOME_POST", "PL_POST"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Episodes, |t, r| {
        [("HOME_POST", HOME_POST_FOUND), ("PL_POST", PL_POST_FOUND)]
            .iter()
            .any(|&(post, found)| {
                let Some(pc) = t.col(post).str(r) else { return false };
                if t.has(found) {
                    !t.col(found).is_present(r)
                } else {
                    !postcode_shaped(pc)
                }
            })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn lookup_decides_when_present() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,HOME_POST,PL_POST,HOME_POST_FOUND,PL_POST_FOUND\n1,AB1 1AA,CD1 1AA,1,1\n2,AB1 1AA,ZZ9 9ZZ,1,\n3,,,,\n4,XX,,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 3]));
    }

    #[test]
    fn shape_without_lookup() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,HOME_POST,PL_POST\n1,AB1 1AA,CD11AA\n2,AB1 1AA,NOT A PC\n3,,\n4,1234,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 3]));
    }
}
