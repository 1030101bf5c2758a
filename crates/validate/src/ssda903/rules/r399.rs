use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child looked after only under respite (every episode V3 or V4) has no MOTHER,
    /// review date or participation code: the child's episodes, Header rows and Reviews
    /// rows are flagged as the reference's merge of the three tables finds them.
    code: "399",
    message: "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.",
    fields: ["MOTHER", "LS", "REVIEW", "REVIEW_CODE"],
    tables: [Episodes, Header, Reviews],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, header, reviews) = (cx.t(T::Episodes), cx.t(T::Header), cx.t(T::Reviews));
    let ls = eps.col("LS");
    let mother = header.col("MOTHER");
    let (review, code) = (reviews.col("REVIEW"), reviews.col("REVIEW_CODE"));
    let has_review = |r: usize| review.is_present(r) || code.is_present(r);
    for (child, rows) in eps.by_child() {
        if !rows.iter().all(|&r| is_in(ls, r as usize, &["V3", "V4"])) {
            continue;
        }
        let hs = header.rows_of(child);
        let rs = reviews.rows_of(child);
        let any_mother = hs.iter().any(|&h| mother.is_present(h as usize));
        let any_review = rs.iter().any(|&r| has_review(r as usize));
        if any_mother || any_review {
            f.flag_rows(T::Episodes, rows.iter().copied());
        }
        for &h in hs {
            if mother.is_present(h as usize) || any_review {
                f.flag(T::Header, h as usize);
            }
        }
        for &r in rs {
            if has_review(r as usize) || any_mother {
                f.flag(T::Reviews, r as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn respite_only_children_have_no_mother_or_reviews() {
        let t = tables(&[
            (T::Episodes, "CHILD,LS\n1,V3\n1,V4\n2,V3\n2,C2\n3,V3\n4,V4"),
            (T::Header, "CHILD,MOTHER\n1,\n2,1\n3,1\n4,"),
            (
                T::Reviews,
                "CHILD,REVIEW,REVIEW_CODE\n1,01/05/2025,PN1\n1,,\n2,01/05/2025,PN1\n3,,\n4,,",
            ),
        ]);
        // 1: a review flags the episodes, the Header row and that review (not the empty
        // one); 2 has a non-respite episode; 3: MOTHER flags the episode, Header row and
        // even an empty review row; 4 is clean.
        let mut want = rows(T::Header, &[0, 2]);
        want.extend(rows(T::Episodes, &[0, 1, 4]));
        want.extend(rows(T::Reviews, &[0, 3]));
        want.sort();
        let mut got = flagged(RULES, Y2025_26, &t);
        got.sort();
        assert_eq!(got, want);
    }
}
