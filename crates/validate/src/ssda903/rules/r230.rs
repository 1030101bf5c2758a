use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// From 29 October 2023 an H5 placement in England needs a real Ofsted URN (not blank or
    /// XXXXXXX). "Outside England" is a placement LA starting N, W or S; an underived
    /// placement LA reads "nan" and so counts as outside, as in the reference.
        code: "230",
        message: "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.",
        fields: ["PLACE", "DEC", "URN"],
    tables: [Episodes],
    postcode_lookup: true,
        years: Y2023_24..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (place, dec, urn, pl_la) = (t.col("PLACE"), t.col("DEC"), t.col("URN"), t.col("PL_LA"));
    let from = Date::ymd(2023, 10, 29);
    for r in t.rows() {
        let outside = pl_la
            .str(r)
            .unwrap_or("NAN")
            .to_uppercase()
            .starts_with(['N', 'W', 'S']);
        if place.str(r) == Some("H5")
            && dec.date(r).is_none_or(|d| d >= from)
            && real_urn(urn.str(r)).is_none()
            && !outside
        {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn h5_needs_urn() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,DEC,URN,PL_LA\n1,H5,,,E09000027\n2,H5,28/10/2023,,E09000027\n3,H5,,XXXXXXX,E09000027\n4,H5,,,\n5,H5,,123,E09000027\n6,H5,,,WAL",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[0, 2]));
    }
}
