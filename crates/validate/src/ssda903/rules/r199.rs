use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child adopted from care (an episode ending E11/E12) should not come back into care:
    /// flags this year's episodes that start after an earlier adoption, using this year's
    /// and (when loaded) last year's episodes ordered by start date.
        code: "199",
        message: "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]",
        fields: ["CHILD"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let cur = cx.t(T::Episodes);
    let last = cx.t(T::EpisodesLast);
    for (child, rows) in cur.by_child() {
        // (start, is this year's, row), in concatenation order: this year's rows first.
        let mut eps: Vec<(Date, Option<usize>, bool)> = Vec::new();
        for (t, is_cur) in [(cur, true), (last, false)] {
            let (decom, rec) = (t.col("DECOM"), t.col("REC"));
            let rs: &[u32] = if is_cur { rows } else { t.rows_of(child) };
            for &r in rs {
                let r = r as usize;
                if let Some(d) = decom.date(r) {
                    let adopted = matches!(rec.str(r), Some("E11" | "E12"));
                    eps.push((d, is_cur.then_some(r), adopted));
                }
            }
        }
        eps.sort_by_key(|e| e.0);
        let mut adoptions = 0;
        for (_, row, adopted) in eps {
            adoptions += usize::from(adopted);
            if adoptions > 0 && !(adoptions == 1 && adopted) {
                if let Some(r) = row {
                    f.flag(T::Episodes, r);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn episodes_after_adoption() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,REC\n1,01/06/2025,X1\n2,01/06/2025,E11\n2,01/09/2025,X1\n3,01/01/2026,E12\n3,01/02/2026,E11",
            ),
            (T::EpisodesLast, "CHILD,DECOM,REC\n1,01/06/2024,E11\n2,01/06/2023,X1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 4]));
    }
}
