use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child with an episode other than respite (V3, V4) needs a UPN (or an unknown-UPN
    /// code) in the Header.
    code: "442",
    message: "Unique Pupil Number (UPN) field is not completed.",
    fields: ["UPN"],
    tables: [Episodes, Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let ls = eps.col("LS");
    let looked_after = texts_where(eps, "CHILD", |r| !is_in(ls, r, &["V3", "V4"]));
    let t = cx.t(T::Header);
    let (child, upn) = (t.col("CHILD"), t.col("UPN"));
    flag_where(cx, f, T::Header, |_, r| {
        looked_after.contains(child.text(r)) && !upn.is_present(r)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn upn_needed() {
        let t = tables(&[
            (T::Header, "CHILD,UPN\n1,\n2,UN1\n3,\n4,"),
            (T::Episodes, "CHILD,LS\n1,C2\n2,C2\n3,V3\n3,V4"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
