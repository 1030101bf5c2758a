use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A girl (SEX 2, the code before 2024-25) who ceased to be looked after in the year
        /// (DEC in the year, REC given and not X1, LS not V3/V4) needs MOTHER completed.
        code: "607",
        message: "Child ceased to be looked after in the year, but mother field has not been completed.",
        fields: ["DEC", "REC", "MOTHER", "LS", "SEX"],
        tables: [Episodes, Header],
        years: Y2022_23..=Y2023_24,
        check: Check::Custom(|cx, f| check(cx, f, "2")),
    },
    rule! {
        /// A girl (SEX F from 2024-25) who ceased to be looked after in the year (DEC in the
        /// year, REC given and not X1, LS not V3/V4) needs MOTHER completed.
        code: "607",
        message: "Child ceased to be looked after in the year, but mother field has not been completed.",
        fields: ["DEC", "REC", "MOTHER", "LS", "SEX"],
        tables: [Episodes, Header],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, "F")),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, female: &str) {
    let (eps, head) = (cx.t(T::Episodes), cx.t(T::Header));
    let head_by = merge_groups(head);
    let (dec, rec, ls) = (eps.col("DEC"), eps.col("REC"), eps.col("LS"));
    let (sex, mother) = (head.col("SEX"), head.col("MOTHER"));
    for r in eps.rows() {
        let ceased = dec.date(r).is_some_and(|d| cx.start <= d && d <= cx.end)
            && rec.str(r).is_some_and(|c| c != "X1")
            && !matches!(ls.str(r), Some("V3" | "V4"));
        if !ceased {
            continue;
        }
        for &h in head_by.rows(merge_key(eps, r)) {
            let h = h as usize;
            if sex.str(h) == Some(female) && !mother.is_present(h) {
                f.flag(T::Episodes, r);
                f.flag(T::Header, h);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ceased_girl_without_mother_field() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DEC,REC,LS\n1,01/06/2025,E4A,C2\n2,01/06/2025,X1,C2\n3,01/06/2025,E4A,V3\n4,01/06/2024,E4A,C2\n5,01/06/2025,E4A,C2",
            ),
            (T::Header, "CHILD,SEX,MOTHER\n1,F,\n2,F,\n3,F,\n4,F,\n5,F,0\n6,2,"),
        ]);
        let mut want = rows(T::Header, &[0]);
        want.extend(rows(T::Episodes, &[0]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
        let old = tables(&[
            (T::Episodes, "CHILD,DEC,REC,LS\n1,01/06/2023,E4A,C2\n2,01/06/2023,E4A,C2"),
            (T::Header, "CHILD,SEX,MOTHER\n1,2,\n2,F,"),
        ]);
        let mut want = rows(T::Header, &[0]);
        want.extend(rows(T::Episodes, &[0]));
        want.sort();
        assert_eq!(flagged(RULES, Y2023_24, &old), want);
    }
}
