use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode cannot start on or after the day its provider's Ofsted registration ended.
        code: "227",
        message: "Ofsted Unique reference number (URN) is not valid for the episode start date.",
        fields: ["URN", "DECOM"],
    tables: [Episodes, ProviderInfo],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, p) = (cx.t(T::Episodes), cx.t(T::ProviderInfo));
    let (urn, decom) = (eps.col("URN"), eps.col("DECOM"));
    let reg_end = p.col("REG_END");
    let lookup = provider_rows(cx);
    for r in eps.rows() {
        let Some(u) = real_urn(urn.str(r)) else { continue };
        let Some(start) = decom.date(r) else { continue };
        let ended = lookup.get(u).is_some_and(|prs| {
            prs.iter()
                .any(|&pr| reg_end.date(pr).is_some_and(|end| start >= end))
        });
        if ended {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn starts_after_registration_ended() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,URN,DECOM\n1,100,01/01/2025\n2,100,31/12/2024\n3,200,01/01/2025\n4,300,01/01/2025",
            ),
            (T::ProviderInfo, "URN,REG_END\n100,01/01/2025\n300,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
