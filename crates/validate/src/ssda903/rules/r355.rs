use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode that ends the day it starts lasted less than 24 hours. The texts are
    /// compared as given, so an episode with neither date is flagged too (as the reference
    /// does: both read "nan").
        code: "355",
        message: "Episode appears to have lasted for less than 24 hours",
        fields: ["DECOM", "DEC"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (decom, dec) = (t.col("DECOM"), t.col("DEC"));
    for r in t.rows() {
        if pd_str(decom, r) == pd_str(dec, r) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn same_day_episodes() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC\n1,01/01/2020,01/01/2020\n2,01/01/2020,02/01/2020\n3,,\n4,01/01/2020,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
