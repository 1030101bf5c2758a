//! The fuzzing harness both returns' fuzz tests share: a proptest runner that counts the
//! inputs it ran and the rule-pack runs they made, and reports them with the time taken.

use proptest::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

thread_local! {
    /// Pack runs on this test's thread.
    static PACK_RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts one run of a year's pack.
pub fn pack_ran() {
    PACK_RUNS.with(|p| p.set(p.get() + 1));
}

/// Inputs per test: the environment variable `var`, else a few seconds' worth.
pub fn cases(var: &str) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

/// Runs `cases` inputs from `strategy` through `test`, then prints how many ran (executions),
/// the pack runs they made and how long they took.
pub fn fuzz<S: Strategy>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value)) {
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let ran = AtomicUsize::new(0);
    let packs = AtomicUsize::new(0);
    let t0 = std::time::Instant::now();
    let result = runner.run(&strategy, |v| {
        ran.fetch_add(1, Relaxed);
        let before = PACK_RUNS.with(|p| p.get());
        test(v);
        packs.fetch_add(PACK_RUNS.with(|p| p.get()) - before, Relaxed);
        Ok(())
    });
    eprintln!(
        "{name}: {} executions ({} pack runs) in {:.1}s",
        ran.load(Relaxed),
        packs.load(Relaxed),
        t0.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}
