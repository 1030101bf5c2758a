use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode's URN, when given and not XXXXXXX, must be in the Ofsted provider lists
    /// loaded with the return; skipped when no provider lists were loaded.
    code: "1008",
    message: "Ofsted Unique Reference Number (URN) is not valid.",
    fields: ["URN"],
    tables: [Episodes, ProviderInfo],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let providers = cx.t(T::ProviderInfo);
    let col = providers.col("URN");
    let known: hashbrown::HashSet<&str> =
        providers.rows().filter_map(|r| col.str(r)).collect();
    let eps = cx.t(T::Episodes);
    let urn = eps.col("URN");
    for r in eps.rows() {
        if let Some(u) = urn.str(r) {
            if u != "XXXXXXX" && !known.contains(u) {
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
    fn unknown_urn() {
        let t = tables(&[
            (T::Episodes, "CHILD,URN\n1,SC123456\n2,XXXXXXX\n3,\n4,SC999999"),
            (T::ProviderInfo, "URN,PLACE_CODES\nSC123456,K2"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[3]));
    }
}
