use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// MOTHER, for a child with an episode other than a V3/V4 short break, must be 0 or 1
    /// when given; not given for a male; given for a female looked after during the year;
    /// and is flagged for a female with care leaver data but no episode in the year. From
    /// 2024-25 male and female are SEX M and F (the validator still tests 1 and 2).
    /// Flags the Header rows and the care leaver rows involved.
    code: "165",
    message: "Data entry for mother status is invalid.",
    fields: ["MOTHER", "SEX", "ACTIV", "ACCOM", "IN_TOUCH", "DECOM"],
    tables: [Header, Episodes, Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (header, eps, oc3) = (cx.t(T::Header), cx.t(T::Episodes), cx.t(T::Oc3));
    for (child, rows) in eps.by_child() {
        one_child(cx, f, true, rows, header.rows_of(child), oc3.rows_of(child));
    }
    // Rows without a CHILD meet in the validator's merges as one more child.
    let (e, h, o) = (
        rows_without_child(eps),
        rows_without_child(header),
        rows_without_child(oc3),
    );
    one_child(cx, f, false, e, h, o);
}

fn one_child(cx: &Ctx, f: &mut Flags<T>, named: bool, eps_rows: &[u32], h_rows: &[u32], o_rows: &[u32]) {
    let (male, female) = if cx.year >= Y2024_25 {
        ("M", "F")
    } else {
        ("1", "2")
    };
    let (header, eps, oc3) = (cx.t(T::Header), cx.t(T::Episodes), cx.t(T::Oc3));
    let (decom, dec, ls) = (eps.col("DECOM"), eps.col("DEC"), eps.col("LS"));
    let (mother, sex) = (header.col("MOTHER"), header.col("SEX"));
    let rows: Vec<usize> = eps_rows
        .iter()
        .map(|&r| r as usize)
        .filter(|&r| !matches!(ls.str(r), Some("V3" | "V4")))
        .collect();
    if rows.is_empty() {
        return;
    }
    // Looked after at some point in the year (an open episode counts to the year end);
    // the validator's per-child count is empty for a missing CHILD.
    let in_year = named
        && rows.iter().any(|&r| {
            let ended = dec.date(r).unwrap_or(cx.end);
            ended >= cx.start && decom.date(r).is_some_and(|d| d <= cx.end)
        });
    let has_oc3 = |o: usize| any_present(oc3, &["IN_TOUCH", "ACTIV", "ACCOM"], o);
    for &h in h_rows {
        let h = h as usize;
        let given = mother.is_present(h);
        let is_female = sex.str(h) == Some(female);
        let invalid = !matches!(mother.str(h), Some("0" | "1"));
        let always = (given && (invalid || sex.str(h) == Some(male)))
            || (!given && is_female && in_year);
        let with_oc3 = given && is_female && !in_year;
        let mut hit = always;
        for &o in o_rows {
            let o = o as usize;
            if always || (with_oc3 && has_oc3(o)) {
                hit = true;
                f.flag(T::Oc3, o);
            }
        }
        if hit {
            f.flag(T::Header, h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    /// Children 1-7 in the year ending 31 March `y`.
    fn data(male: &str, female: &str, y: i32) -> crate::ssda903::Tables {
        let header = format!(
            "CHILD,SEX,MOTHER\n1,{female},\n2,{male},1\n3,{female},2\n4,{female},1\n5,{female},1\n6,{female},\n7,{male},"
        );
        let (p, pp) = (y - 1, y - 2);
        let eps = format!(
            "CHILD,DECOM,DEC,LS\n1,01/05/{p},,C2\n2,01/05/{p},,C2\n3,01/05/{p},,C2\n\
             4,01/01/{pp},01/02/{pp},C2\n5,01/05/{p},,C2\n6,01/05/{p},,V3\n7,01/05/{p},,C2"
        );
        tables(&[
            (T::Episodes, &eps),
            (T::Header, &header),
            (T::Oc3, "CHILD,IN_TOUCH,ACTIV,ACCOM\n4,YES,F1,B1\n2,,,\n5,YES,,"),
        ])
    }

    #[test]
    fn mother_status_by_sex_codes() {
        let mut want = rows(T::Header, &[0, 1, 2, 3]);
        want.extend(rows(T::Oc3, &[0, 1]));
        assert_eq!(flagged(RULES, Y2025_26, &data("M", "F", 2026)), want);
        assert_eq!(flagged(RULES, Y2023_24, &data("1", "2", 2024)), want);
        // From 2024-25 the old codes mean nothing: only the invalid MOTHER value counts.
        assert_eq!(
            flagged(RULES, Y2025_26, &data("1", "2", 2026)),
            rows(T::Header, &[2])
        );
    }
}
