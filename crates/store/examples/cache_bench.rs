//! Times the parts of loading a snapshot: reading the cache value, decoding it, and loading
//! from the tables instead. `cargo run --release -p store --example cache_bench -- sqlite://F.db 1`
use std::time::Instant;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let store = store::Store::open(&args[1]).await.unwrap();
    let id: i64 = args.get(2).map_or(1, |s| s.parse().unwrap());
    // Rewrites a missing or stale cache first.
    let t = Instant::now();
    store.load(id).await.unwrap();
    println!("load {:.2}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let bytes: Vec<u8> =
        sqlx::query_scalar("SELECT model FROM snapshot_cache WHERE snapshot_id = $1")
            .bind(id)
            .fetch_one(store.pool())
            .await
            .unwrap();
    let read = t.elapsed();
    let t = Instant::now();
    let tables = store::cache::decode(&bytes).unwrap();
    let decode = t.elapsed();
    let t = Instant::now();
    let again = store::cache::encode(&tables);
    let encode = t.elapsed();
    println!(
        "{} bytes: read {:.2}s, decode {:.2}s, encode {:.2}s",
        bytes.len(),
        read.as_secs_f64(),
        decode.as_secs_f64(),
        encode.as_secs_f64()
    );
    assert_eq!(again.len(), bytes.len());
}
