//@ run-fail
//@ compile-flags: -g
//@ run-env: RUST_BACKTRACE=full
//@ opt-levels: 0 3
//@ lto: fat thin
// RUST_BACKTRACE=full with full debuginfo (addresses masked): a panic under a generic method, a
// `dyn Fn` callback and an iterator adapter, with variables of many types live across the calls.

use std::collections::BTreeMap;

struct Ledger<T> {
    entries: BTreeMap<u32, T>,
}

impl<T: Copy + Into<u64>> Ledger<T> {
    #[inline(never)]
    fn total(&self, check: &dyn Fn(u64) -> bool) -> u64 {
        self.entries.values().map(|&v| {
            let v: u64 = v.into();
            if !check(v) {
                panic!("entry {v} rejected");
            }
            v
        }).sum()
    }
}

fn main() {
    let entries: BTreeMap<u32, u16> = (1..6).map(|k| (k, (k * 7) as u16)).collect();
    let ledger = Ledger { entries };
    let name = String::from("audit");
    let limits = (10u64, Some(30u64));
    println!("{name}: {}", ledger.total(&|v| v < 100));
    ledger.total(&|v| limits.1.is_none_or(|l| v <= l));
}
