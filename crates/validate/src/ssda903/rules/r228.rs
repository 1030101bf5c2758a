use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode cannot end after its provider's Ofsted registration ended; an open
    /// episode (or one whose end date is not a date) is taken to run to 31 March.
        code: "228",
        message: "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]",
        fields: ["URN", "DEC"],
    tables: [Episodes, ProviderInfo],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, p) = (cx.t(T::Episodes), cx.t(T::ProviderInfo));
    let (urn, dec) = (eps.col("URN"), eps.col("DEC"));
    let reg_end = p.col("REG_END");
    let lookup = provider_rows(cx);
    for r in eps.rows() {
        let Some(u) = real_urn(urn.str(r)) else { continue };
        let end = dec.date(r).unwrap_or(cx.end);
        let after = lookup.get(u).is_some_and(|prs| {
            prs.iter()
                .any(|&pr| reg_end.date(pr).is_some_and(|reg| end > reg))
        });
        if after {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ends_after_registration_ended() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,URN,DEC\n1,100,02/01/2025\n2,100,01/01/2025\n3,100,\n4,200,\n5,300,",
            ),
            (T::ProviderInfo, "URN,REG_END\n100,01/01/2025\n200,31/03/2026"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
