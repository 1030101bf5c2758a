//! Grouping model rows by a key, for the derivations that walk a child's records. The maps
//! hash with foldhash (hashbrown's default): the keys are our own IDs, not untrusted input
//! that could be chosen to collide, and SipHash would cost a large share of a derivation.

use hashbrown::HashMap;
use std::hash::Hash;

/// Rows of a table by key, in model order within each key.
pub(crate) fn index<'a, T, K: Hash + Eq>(
    rows: &'a [T],
    key: impl Fn(&'a T) -> K,
) -> HashMap<K, Vec<&'a T>> {
    let mut m: HashMap<K, Vec<&'a T>> = HashMap::new();
    for r in rows {
        m.entry(key(r)).or_default().push(r);
    }
    m
}

/// The rows under `key` (none if the key is absent).
pub(crate) fn rows<'m, 'a, T>(
    m: &'m HashMap<&str, Vec<&'a T>>,
    key: &str,
) -> impl Iterator<Item = &'a T> + 'm {
    m.get(key).map_or(&[][..], |v| v.as_slice()).iter().copied()
}

/// Rows of a table by their unique key (the last row wins if a key repeats).
pub(crate) fn by_key<'a, T>(
    rows: &'a [T],
    key: impl Fn(&'a T) -> &'a str,
) -> HashMap<&'a str, &'a T> {
    rows.iter().map(|r| (key(r), r)).collect()
}

/// Binds each name to its expression's value, the expressions evaluated in parallel on
/// rayon's pool: for derivations that build many independent indexes before they start.
macro_rules! par_let {
    ($($name:ident $(: $ty:ty)? = $e:expr;)*) => {
        $(let mut $name $(: Option<$ty>)? = None;)*
        rayon::scope(|s| {
            $(
                let slot = &mut $name;
                s.spawn(move |_| *slot = Some($e));
            )*
        });
        $(let $name = $name.expect("par_let: every slot is filled when the scope ends");)*
    };
}
pub(crate) use par_let;
