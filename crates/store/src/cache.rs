//! A snapshot's case model kept in one binary value beside its tables, so loading a snapshot
//! is one read and a decode rather than rebuilding 37 tables from millions of database rows
//! (15 s of a 600,000-child export before; see BENCHMARKS.md). The tables stay the record:
//! the cache is written in the import's own transaction, is keyed by a fingerprint of the
//! model's shape, and is ignored (and rebuilt) when the fingerprint does not match.

use model::{Table, TableSource, TableVisitor, Tables};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

/// Bump when the encoding changes in a way the fingerprint cannot see.
const FORMAT: &str = "sightline-model-cache-3";

/// Identifies the model's shape: every table's name and columns, and the encoding.
pub fn fingerprint() -> String {
    struct V(Sha256);
    impl TableVisitor for V {
        fn visit<T: Table>(&mut self, _: &[T]) {
            self.0.update(T::NAME.as_bytes());
            for c in T::COLUMNS {
                self.0
                    .update(format!("|{}:{:?}", c.name, c.kind).as_bytes());
            }
            self.0.update(b"\n");
        }
    }
    let mut v = V(Sha256::new());
    v.0.update(FORMAT.as_bytes());
    Tables::default().visit(&mut v);
    hex::encode(v.0.finalize())
}

/// Every table in turn: name length, name, byte length, LZ4-compressed postcard bytes of its
/// rows.
pub fn encode(tables: &Tables) -> Vec<u8> {
    struct V(Vec<u8>);
    impl TableVisitor for V {
        fn visit<T: Table>(&mut self, rows: &[T]) {
            let plain = postcard::to_allocvec(rows).expect("in-memory encoding cannot fail");
            let body = lz4_flex::compress_prepend_size(&plain);
            self.0.extend((T::NAME.len() as u32).to_le_bytes());
            self.0.extend(T::NAME.as_bytes());
            self.0.extend((body.len() as u64).to_le_bytes());
            self.0.extend(body);
        }
    }
    let mut v = V(Vec::new());
    tables.visit(&mut v);
    v.0
}

#[derive(Debug, thiserror::Error)]
#[error("snapshot cache is unreadable: {0}")]
pub struct CacheError(String);

type AnyRows = Box<dyn std::any::Any + Send>;

/// Decodes what `encode` wrote, every table on rayon's pool at once.
pub fn decode(bytes: &[u8]) -> Result<Tables, CacheError> {
    let mut parts: HashMap<&str, &[u8]> = HashMap::new();
    let mut rest = bytes;
    fn take<'a>(n: usize, rest: &mut &'a [u8]) -> Result<&'a [u8], CacheError> {
        if rest.len() < n {
            return Err(CacheError("truncated".into()));
        }
        let (a, b) = rest.split_at(n);
        *rest = b;
        Ok(a)
    }
    while !rest.is_empty() {
        let n = u32::from_le_bytes(take(4, &mut rest)?.try_into().expect("4 bytes"));
        let name = std::str::from_utf8(take(n as usize, &mut rest)?)
            .map_err(|e| CacheError(e.to_string()))?;
        let len = u64::from_le_bytes(take(8, &mut rest)?.try_into().expect("8 bytes"));
        let len = usize::try_from(len).map_err(|e| CacheError(e.to_string()))?;
        parts.insert(name, take(len, &mut rest)?);
    }
    let decoded: Mutex<HashMap<&'static str, Result<AnyRows, String>>> = Mutex::default();
    // Visiting an empty model only walks the table types; each visit queues that table's decode.
    struct Spawn<'s, 'a> {
        scope: &'a rayon::Scope<'s>,
        parts: &'s HashMap<&'s str, &'s [u8]>,
        out: &'s Mutex<HashMap<&'static str, Result<AnyRows, String>>>,
    }
    impl<'s> TableVisitor for Spawn<'s, '_> {
        fn visit<T: Table>(&mut self, _: &[T]) {
            let (parts, out) = (self.parts, self.out);
            self.scope.spawn(move |_| {
                let rows: Result<AnyRows, String> = match parts.get(T::NAME) {
                    Some(body) => lz4_flex::decompress_size_prepended(body)
                        .map_err(|e| format!("{}: {e}", T::NAME))
                        .and_then(|plain| {
                            postcard::from_bytes::<Vec<T>>(&plain)
                                .map(|v| Box::new(v) as AnyRows)
                                .map_err(|e| format!("{}: {e}", T::NAME))
                        }),
                    None => Err(format!("{} is missing", T::NAME)),
                };
                out.lock()
                    .expect("no panics while held")
                    .insert(T::NAME, rows);
            });
        }
    }
    rayon::scope(|scope| {
        Tables::default().visit(&mut Spawn {
            scope,
            parts: &parts,
            out: &decoded,
        })
    });
    struct Take(HashMap<&'static str, Result<AnyRows, String>>);
    impl TableSource for Take {
        type Error = CacheError;
        fn table<T: Table>(&mut self) -> Result<Vec<T>, CacheError> {
            let rows = self
                .0
                .remove(T::NAME)
                .ok_or_else(|| CacheError(format!("{} was not decoded", T::NAME)))?
                .map_err(CacheError)?;
            rows.downcast::<Vec<T>>()
                .map(|b| *b)
                .map_err(|_| CacheError(format!("{}: wrong type", T::NAME)))
        }
    }
    Tables::assemble(&mut Take(decoded.into_inner().expect("decoders finished")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_round_trips_and_damage_is_an_error() {
        let g = synth::generate(
            &synth::Config::new(300, 5, model::Date::ymd(2026, 3, 31)),
            &|_, _| {},
        );
        let bytes = encode(&g.model.tables);
        let back = decode(&bytes).expect("decodes");
        assert_eq!(encode(&back), bytes);
        assert!(decode(&bytes[..bytes.len() / 2]).is_err());
        assert_eq!(fingerprint().len(), 64);
    }
}
