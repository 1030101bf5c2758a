use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A young person whose 17th birthday falls in the collection year cannot be recorded as
    /// living with former foster carers (OC3 ACCOM Z1/Z2). The date of birth is the Header's.
    /// (The reference stops with an error when the Header repeats a child with OC3 data; here
    /// any Header row of the child counts.)
    code: "3001",
    message: "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
    fields: ["REC"],
    tables: [Header, Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let h = cx.t(T::Header);
    let dob = h.col("DOB");
    let turns_17 = |rows: &mut dyn Iterator<Item = usize>| {
        rows.filter_map(|r| dob.date(r))
            .any(|d| (cx.start..=cx.end).contains(&add_years(d, 17)))
    };
    let missing = turns_17(&mut h.rows().filter(|&r| child_of(h, r).is_none()));
    let oc3 = cx.t(T::Oc3);
    for r in oc3.rows() {
        if !matches!(oc3.col("ACCOM").str(r), Some("Z1" | "Z2")) {
            continue;
        }
        let hit = match child_of(oc3, r) {
            Some(c) => turns_17(&mut h.rows_of(c).iter().map(|&r| r as usize)),
            None => missing,
        };
        if hit {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn seventeenth_birthday_with_former_foster_carers() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/04/2008\n2,31/03/2008\n3,31/03/2009\n4,01/06/2008"),
            (T::Oc3, "CHILD,ACCOM\n1,Z1\n2,Z2\n3,Z1\n4,T1\n5,Z1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0, 2]));
    }

    #[test]
    fn repeated_header_child_does_not_stop_the_rule() {
        // The reference raises here; any Header row of the child counts.
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2000\n1,01/06/2008"),
            (T::Oc3, "CHILD,ACCOM\n1,Z1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0]));
    }
}
