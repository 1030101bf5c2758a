use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child newly recorded as a mother (MOTHER 1, last year 0) cannot have had her first
    /// child before this collection year: flags a valid MC_DOB before 1 April.
    code: "626",
    message: "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.",
    fields: ["MOTHER", "MC_DOB"],
    tables: [Header, HeaderLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (head, last) = (cx.t(T::Header), cx.t(T::HeaderLast));
    let last_by = merge_groups(last);
    let (mother, mc) = (head.col("MOTHER"), head.col("MC_DOB"));
    let l_mother = last.col("MOTHER");
    for r in head.rows() {
        let Some(m) = mc.date(r) else { continue };
        if mother.number(r) != Some(1.0) || m >= cx.start {
            continue;
        }
        let was_not = last_by.get(merge_key(head, r)).is_some_and(|rows| {
            rows.iter().any(|&l| l_mother.number(l as usize) == Some(0.0))
        });
        if was_not {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn new_mother_with_old_child() {
        let t = tables(&[
            (
                T::Header,
                "CHILD,MOTHER,MC_DOB\n1,1,01/01/2025\n2,1,01/04/2025\n3,1,01/01/2025\n4,0,01/01/2025",
            ),
            (T::HeaderLast, "CHILD,MOTHER\n1,0\n2,0\n3,1\n4,0"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
