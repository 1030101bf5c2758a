use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child placed for adoption (A3/A4) comes straight from a foster or adoption
    /// placement (A3-A6, U1-U6), unless this is the child's first episode.
        code: "336",
        message: "Child does not have a foster placement immediately prior to being placed for adoption.",
        fields: ["PLACE"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

const PREVIOUS: &[&str] = &["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (place, decom) = (t.col("PLACE"), t.col("DECOM"));
    for rows in t.by_child().values() {
        let sorted = sorted_by_date(t, rows, "DECOM");
        // A child with no valid start is skipped (the reference fails on it).
        if sorted.first().is_none_or(|&r| decom.date(r as usize).is_none()) {
            continue;
        }
        for pair in sorted.windows(2) {
            let (prev, r) = (pair[0] as usize, pair[1] as usize);
            if matches!(place.str(r), Some("A3" | "A4"))
                && !place.str(prev).is_some_and(|p| PREVIOUS.contains(&p))
            {
                f.flag(T::Episodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adoption_follows_foster_placement() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,PLACE\n1,01/02/2025,A3\n1,01/01/2025,K2\n2,01/01/2025,A4\n3,01/01/2025,U1\n3,01/02/2025,A4\n4,01/01/2025,K2\n4,,A3\n5,,K2\n5,BAD,A3",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 6]));
    }
}
