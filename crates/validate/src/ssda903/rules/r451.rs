use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An open episode (no DEC, no REC) with legal status D1: freeing orders could not be
    /// applied for after 30 December 2005. Withdrawn from 2024-25.
    code: "451",
    message: "Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.",
    fields: ["DEC", "REC", "LS"],
    tables: [Episodes],
    years: Y2022_23..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let e = cx.t(T::Episodes);
    let (dec, rec, ls) = (e.col("DEC"), e.col("REC"), e.col("LS"));
    for r in e.rows() {
        if !dec.is_present(r) && !rec.is_present(r) && ls.str(r) == Some("D1") {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_d1_episodes() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,LS,DEC,REC\n1,D1,,\n2,D1,01/01/2020,\n3,D1,,X1\n4,C2,,",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[0]));
    }
}
