use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A home or placement postcode that is given must be a real postcode: one the postcode
    /// lookup finds (the derived columns HOME_POST_FOUND / PL_POST_FOUND, non-empty when
    /// found; while the input does not supply them, no postcode is found, as the reference
    /// reports with an empty lookup).
    code: "392c",
    message: "Postcode(s) provided are invalid.",
    fields: ["HOME_POST", "PL_POST"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (home, home_found) = (t.col("HOME_POST"), t.col(HOME_POST_FOUND));
        let (pl, pl_found) = (t.col("PL_POST"), t.col(PL_POST_FOUND));
        flag_where(cx, f, T::Episodes, |_, r| {
            (home.is_present(r) && !home_found.is_present(r))
                || (pl.is_present(r) && !pl_found.is_present(r))
        })
    }),
}];

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
    fn nothing_found_without_lookup() {
        let t = tables(&[(T::Episodes, "CHILD,HOME_POST,PL_POST\n1,AB1 1AA,CD1 1AA\n2,,\n3,,CD1 1AA")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
