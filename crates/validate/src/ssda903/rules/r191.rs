use super::prelude::*;

const FIELDS: &[&str] = &["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"];

pub const RULES: &[Rule] = &[rule! {
    /// A child looked after continuously for 12 months at 31 March needs the OC2 items
    /// (immunisations, teeth check, health assessment, substance misuse) completed; a child
    /// with no OC2 row at all is flagged on their earliest episode.
    code: "191",
    message: "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.",
    fields: ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "CHILD"],
    tables: [Oc2, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let cla = cla_children(cx);
    let oc2 = cx.t(T::Oc2);
    let child = oc2.col("CHILD");
    for r in oc2.rows() {
        if child.str(r).is_some_and(|c| cla.contains(c)) && !all_present(oc2, FIELDS, r) {
            f.flag(T::Oc2, r);
        }
    }
    // The earliest episode (first of the earliest DECOMs) of each such child without OC2.
    // The validator raises when a child has no valid DECOM at all; such a child is never
    // continuously looked after, so leaving them out changes nothing else.
    let eps = cx.t(T::Episodes);
    let decom = eps.col("DECOM");
    for (c, rows) in eps.by_child() {
        if !cla.contains(c) || !oc2.rows_of(c).is_empty() {
            continue;
        }
        let first = rows
            .iter()
            .filter_map(|&r| decom.date(r as usize).map(|d| (d, r)))
            .min();
        if let Some((_, r)) = first {
            f.flag(T::Episodes, r as usize);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn items_needed_for_cla() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2024,S,C2,,\n2,01/06/2023,S,C2,01/01/2024,X1\n\
                 2,01/01/2024,P,C2,,\n3,01/06/2025,S,C2,,\n4,01/01/2024,S,C2,,\n4,01/01/2024,P,C2,,",
            ),
            (
                T::Oc2,
                "CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\n\
                 1,1,1,1,\n3,,,,\n1,1,1,1,0",
            ),
        ]);
        let mut want = rows(T::Episodes, &[1, 4]);
        want.extend(rows(T::Oc2, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }

    #[test]
    fn child_without_a_valid_start_is_skipped() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM,RNE,LS,DEC,REC\n1,,S,C2,,\n2,01/01/2024,S,C2,,"),
            (T::Oc2, "CHILD,IMMUNISATIONS\n9,1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
