//! Helpers written with the rules of group 1; move any that another group also needs
//! into `mod.rs`.

#[allow(unused_imports)]
use super::*;
use crate::table::Column;

/// The rows with no CHILD, which pandas merges on CHILD match with each other (the group
/// `Table::by_child` leaves out).
pub fn rows_without_child(t: &Table) -> &[u32] {
    t.by_child().without_child()
}

/// Whether any of `cols` is present in row `r`.
pub fn any_present(t: &Table, cols: &[&str], r: usize) -> bool {
    cols.iter().any(|c| t.col(c).is_present(r))
}

/// Whether all of `cols` are present in row `r`.
pub fn all_present(t: &Table, cols: &[&str], r: usize) -> bool {
    cols.iter().all(|c| t.col(c).is_present(r))
}

/// `df[col].astype(str) == value`: a missing cell reads "nan".
pub fn str_eq(c: &Column, r: usize, value: &str) -> bool {
    c.str(r).unwrap_or("nan") == value
}

/// The order numpy's default `argsort(kind="quicksort")` puts `keys` in (numpy 1.24's
/// introsort: median-of-three quicksort, insertion sort up to 16 items, heapsort past the
/// depth limit), which is not stable: pandas `sort_values` uses it, so ties come out in the
/// order the validator sees them.
pub fn np_argsort<K: Ord>(keys: &[K]) -> Vec<usize> {
    super::h5::numpy_argsort(keys.len(), |a, b| keys[a] < keys[b])
}

/// pandas `sort_values` order (ascending, `na_position="last"`) of optional keys: the
/// present keys in numpy quicksort order, then the missing ones in input order.
pub fn pd_sort_order<K: Ord + Copy>(keys: &[Option<K>]) -> Vec<usize> {
    let present: Vec<usize> = (0..keys.len()).filter(|&i| keys[i].is_some()).collect();
    let vals: Vec<K> = present.iter().filter_map(|&i| keys[i]).collect();
    let mut out: Vec<usize> = np_argsort(&vals).into_iter().map(|i| present[i]).collect();
    out.extend((0..keys.len()).filter(|&i| keys[i].is_none()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small linear congruential generator, the same in the Python that produced the
    /// expected orders below.
    fn lcg(n: usize, modulo: u64) -> Vec<u64> {
        let mut x: u64 = 12345;
        (0..n)
            .map(|_| {
                x = (x * 1103515245 + 12345) % 2147483648;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn argsort_sorts() {
        for (n, m) in [
            (0, 3),
            (1, 3),
            (5, 2),
            (17, 3),
            (100, 5),
            (1000, 7),
            (3000, 1),
        ] {
            let v = lcg(n, m);
            let o = np_argsort(&v);
            assert_eq!(o.len(), n);
            assert!(o.windows(2).all(|w| v[w[0]] <= v[w[1]]));
        }
    }

    /// Checksums (sum of position × index, mod 1e9+7) and first items of
    /// `np.argsort(kind="quicksort")` on the same data, from numpy 1.24.
    #[test]
    fn argsort_matches_numpy() {
        let cases: &[(usize, u64, u64, [usize; 8])] = &[
            (17, 3, 1066, [14, 7, 10, 0, 2, 13, 12, 11]),
            (100, 5, 228865, [27, 60, 61, 48, 64, 68, 70, 74]),
            (1000, 7, 252836398, [293, 955, 99, 933, 102, 914, 800, 577]),
            (
                3000,
                1,
                403978817,
                [0, 1994, 1995, 1996, 1997, 1998, 1999, 2000],
            ),
            (
                5000,
                50,
                284783681,
                [3348, 3296, 2318, 2312, 4484, 3340, 96, 3362],
            ),
            (
                20000,
                400,
                129859455,
                [18990, 5902, 9102, 30, 4814, 4574, 6366, 15998],
            ),
        ];
        for &(n, m, sum, first) in cases {
            let o = np_argsort(&lcg(n, m));
            let got = o
                .iter()
                .enumerate()
                .fold(0u64, |acc, (i, &x)| (acc + (i * x) as u64) % 1_000_000_007);
            assert_eq!((got, &o[..8]), (sum, &first[..]), "n={n} m={m}");
        }
    }

    #[test]
    fn plus_years_clamps_leap_days() {
        assert_eq!(
            plus_years(Date::ymd(2020, 2, 29), 1),
            Some(Date::ymd(2021, 2, 28))
        );
        assert_eq!(
            plus_years(Date::ymd(2020, 2, 29), 4),
            Some(Date::ymd(2024, 2, 29))
        );
    }

    /// Times each rule of the pack on a CSV return: `H1_TIMING_DIR=/dir cargo test -p
    /// validate timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn timing() {
        let Ok(dir) = std::env::var("H1_TIMING_DIR") else {
            return;
        };
        let mut t = crate::ssda903::Tables::default();
        crate::ssda903::read_csv_dir(std::path::Path::new(&dir), false, &mut t).unwrap();
        t.derive_header_uasc();
        let cx = Ctx::new(&t, 2026, Some("E09000027"), crate::ssda903::FileFormat::Csv);
        let mut times = Vec::new();
        for rule in crate::ssda903::pack(2026) {
            crate::ssda903::run_rule(rule, &cx);
        }
        for rule in crate::ssda903::pack(2026) {
            let start = std::time::Instant::now();
            crate::ssda903::run_rule(rule, &cx);
            times.push((start.elapsed(), rule.code));
        }
        times.sort();
        for (d, c) in times.iter().rev().take(12) {
            eprintln!("{c}: {d:?}");
        }
    }
}
