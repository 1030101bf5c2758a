use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The first child's date of birth cannot change between years: flags a Header row whose
    /// MC_DOB (as text; blank included) differs from an MC_DOB given last year for the child.
    code: "624",
    message: "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
    fields: ["MC_DOB"],
    tables: [Header, HeaderLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (head, last) = (cx.t(T::Header), cx.t(T::HeaderLast));
    let last_by = merge_groups(last);
    let (mc, l_mc) = (head.col("MC_DOB"), last.col("MC_DOB"));
    for r in head.rows() {
        let differs = last_by.get(merge_key(head, r)).is_some_and(|rows| {
            rows.iter().any(|&l| {
                l_mc.str(l as usize)
                    .is_some_and(|prev| mc.str(r) != Some(prev))
            })
        });
        if differs {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn first_child_dob_changed() {
        let t = tables(&[
            (T::Header, "CHILD,MC_DOB\n1,01/01/2020\n2,02/01/2020\n3,\n4,01/01/2020\n5,01/01/2020"),
            (T::HeaderLast, "CHILD,MC_DOB\n1,01/01/2020\n2,01/01/2020\n3,01/01/2020\n4,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1, 2]));
    }
}
