use super::prelude::*;
use hashbrown::HashSet;

pub const RULES: &[Rule] = &[rule! {
    /// The placement distance derived from the home and placement postcodes must be from 0
    /// to 999.9 miles, except for children identified as UASC this year or last (from the
    /// Header's UASC flag, or the UASC table when there is no Header).
    code: "164",
    message: "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
    fields: ["PL_DISTANCE"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

/// Adds the children a Header (or, without one, a UASC table) marks as UASC; false when
/// neither source can say who is UASC.
fn uasc_children<'a>(cx: &Ctx<'a>, header: T, uasc: T, out: &mut HashSet<Option<&'a str>>) -> bool {
    if let Some(h) = cx.get(header) {
        let (child, flag) = (h.col("CHILD"), h.col("UASC"));
        out.extend(h.rows().filter(|&r| flag.str(r) == Some("1")).map(|r| child.str(r)));
        h.has("UASC")
    } else if let Some(u) = cx.get(uasc) {
        let child = u.col("CHILD");
        let others: Vec<&Column> =
            u.names().iter().filter(|n| *n != "CHILD").map(|n| u.col(n)).collect();
        out.extend(
            u.rows()
                .filter(|&r| others.iter().any(|c| c.is_present(r)))
                .map(|r| child.str(r)),
        );
        true
    } else {
        false
    }
}

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let mut uasc = HashSet::new();
    let this_year = uasc_children(cx, T::Header, T::Uasc, &mut uasc);
    let last_year = uasc_children(cx, T::HeaderLast, T::UascLast, &mut uasc);
    if !this_year && !last_year {
        return;
    }
    let eps = cx.t(T::Episodes);
    let (child, distance) = (eps.col("CHILD"), eps.col("PL_DISTANCE"));
    for r in eps.rows() {
        if uasc.contains(&child.str(r)) {
            continue;
        }
        if distance.number(r).is_some_and(|d| !(0.0..=999.9).contains(&d)) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn distance_in_range_unless_uasc() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,PL_DISTANCE\n1,12.5\n1,1000.0\n2,-1\n3,2000\n4,\n5,999.9",
            ),
            (T::Header, "CHILD,UASC\n1,0\n2,0\n3,1"),
            (T::UascLast, "CHILD,SEX,DOB,DUC\n2,M,,\n1,,,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }

    #[test]
    fn needs_a_uasc_source() {
        let t = tables(&[
            (T::Episodes, "CHILD,PL_DISTANCE\n1,1000.0"),
            (T::Header, "CHILD,SEX\n1,M"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), vec![]);
        let t = tables(&[
            (T::Episodes, "CHILD,PL_DISTANCE\n1,1000.0"),
            (T::Uasc, "CHILD,SEX,DOB,DUC\n2,M,,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
