//! `sightline bench web`: the web application under concurrent clients on a generated
//! authority — dashboard, an indicator page and the work list, each request timed.
//!
//! Target (issue 8): 32 concurrent clients on a 60,000-child authority, p95 under 50 ms.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::progress::Bars;

/// One GET with `Connection: close`; returns the status and the time to the last byte.
fn get(addr: SocketAddr, path: &str, cookie: &str) -> Result<(u16, Duration)> {
    let t0 = Instant::now();
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let head = String::from_utf8_lossy(&raw[..raw.len().min(32)]).to_string();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .context("no HTTP status")?;
    Ok((status, t0.elapsed()))
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

pub fn run(population: u64, seed: u64, clients: usize, requests: usize, bars: &Bars) -> Result<()> {
    let rt = crate::runtime()?;
    let dir = std::env::temp_dir().join(format!("sightline-bench-web-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let result = rt.block_on(async {
        let bar = bars.bar("Simulating children", 0);
        let cfg = synth::Config::new(population, seed, model::Date::ymd(2026, 3, 31));
        let g = synth::generate(&cfg, &|done, total| {
            bar.set_length(total);
            bar.set_position(done);
        });
        bar.finish_and_clear();
        let store = store::Store::open(&url).await?;
        let meta = store::ImportMeta {
            kind: "ssd",
            source: "bench web",
            label: None,
        };
        store
            .import(&g.model.tables, &g.model.la, &[], meta, &|_, _, _| {})
            .await?;
        drop(g);
        // A session made directly in the store: the benchmark times pages, not sign-in.
        let hash =
            web::auth::hash_password(&web::auth::random_password()).map_err(anyhow::Error::msg)?;
        let user = store
            .create_web_user("bench", &hash, "analyst", &[], false)
            .await?;
        let token = web::auth::random_token();
        let now = web::auth::now();
        store
            .create_web_session(
                &web::auth::sha256_hex(&token),
                user,
                &web::auth::random_token(),
                now,
                now + 3600,
            )
            .await?;
        let options = web::Options {
            bind: "127.0.0.1:0".into(),
            poll_seconds: 3600,
            ..web::Options::default()
        };
        let running = web::start(store, options).await?;
        let t0 = Instant::now();
        let computed = loop {
            if let Some(c) = running.state.computed() {
                break c;
            }
            if t0.elapsed() > Duration::from_secs(1800) {
                bail!("the snapshot was not computed within 30 minutes");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        eprintln!(
            "{population} children: snapshot computed in {:.1}s ({} work-list items)",
            computed.seconds,
            computed.worklist.len()
        );
        let indicator = computed.indicators[0].ind.id;
        let paths = [
            "/".to_string(),
            format!("/indicators/{indicator}"),
            "/worklists".to_string(),
        ];
        let addr = running.addr;
        let cookie = format!("sl_session={token}");
        let timed = tokio::task::spawn_blocking(move || {
            let wall = Instant::now();
            let threads: Vec<_> = (0..clients)
                .map(|k| {
                    let paths = paths.clone();
                    let cookie = cookie.clone();
                    // Each request: its page, its time, and whether it failed (an answer
                    // other than 200, or a connection error); failures are counted, not fatal.
                    std::thread::spawn(move || -> Vec<(usize, Duration, bool)> {
                        (0..requests)
                            .map(|i| {
                                let p = (k + i) % paths.len();
                                let t0 = Instant::now();
                                match get(addr, &paths[p], &cookie) {
                                    Ok((status, d)) => (p, d, status != 200),
                                    Err(_) => (p, t0.elapsed(), true),
                                }
                            })
                            .collect()
                    })
                })
                .collect();
            let mut all = vec![];
            for t in threads {
                all.extend(t.join().map_err(|_| anyhow::anyhow!("a client panicked"))?);
            }
            Ok::<_, anyhow::Error>((paths, all, wall.elapsed()))
        })
        .await??;
        running.task.abort();
        Ok::<_, anyhow::Error>(timed)
    });
    let _ = std::fs::remove_dir_all(&dir);
    let (paths, all, wall) = result?;
    println!(
        "| page | requests | p50 ms | p95 ms | p99 ms | max ms | errors |  ({clients} clients, {:.0} requests/s)",
        all.len() as f64 / wall.as_secs_f64()
    );
    println!("|---|---|---|---|---|---|---|");
    for (i, p) in paths.iter().enumerate() {
        let mut d: Vec<Duration> = all.iter().filter(|x| x.0 == i).map(|x| x.1).collect();
        let errors = all.iter().filter(|x| x.0 == i && x.2).count();
        d.sort();
        println!(
            "| `{p}` | {} | {:.1} | {:.1} | {:.1} | {:.1} | {errors} |",
            d.len(),
            percentile(&d, 0.5),
            percentile(&d, 0.95),
            percentile(&d, 0.99),
            percentile(&d, 1.0)
        );
    }
    Ok(())
}
