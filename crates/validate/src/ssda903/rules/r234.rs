use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child under 10 at the start of an episode cannot have changed placement because of
    /// custody (REASON_PLACE_CHANGE CUSTOD). Dates are read as pandas reads them with
    /// `dayfirst=True` and no format, which accepts more forms than dd/mm/yyyy.
        code: "234",
        message: "A child aged under 10 can not change placement due to being admitted to custody",
        fields: ["REASON_PLACE_CHANGE", "DOB"],
    tables: [Episodes, Header],
        years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, h) = (cx.t(T::Episodes), cx.t(T::Header));
    let (child, decom, reason) = (eps.col("CHILD"), eps.col("DECOM"), eps.col("REASON_PLACE_CHANGE"));
    let dob = h.col("DOB");
    for r in eps.rows() {
        if reason.str(r) != Some("CUSTOD") {
            continue;
        }
        let (Some(c), Some(start)) = (child.str(r), decom.str(r).and_then(parse_dayfirst_date)) else {
            continue;
        };
        for &hr in h.rows_of(c) {
            let dob10 = dob.str(hr as usize).and_then(parse_dayfirst_date).and_then(|d| plus_years(d, 10));
            if dob10.is_some_and(|d| d > start) {
                f.flag(T::Episodes, r);
                f.flag(T::Header, hr as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn custody_under_10() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2016\n2,01/06/2015\n3,2016-06-01"),
            (
                T::Episodes,
                "CHILD,DECOM,REASON_PLACE_CHANGE\n1,01/05/2025,CUSTOD\n2,01/06/2025,CUSTOD\n1,01/05/2025,CARPL\n3,1/5/2025,CUSTOD",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Header, 0), (T::Header, 2), (T::Episodes, 0), (T::Episodes, 3)]
        );
    }
}
