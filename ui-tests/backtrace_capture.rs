//@ compile-flags: -Cdebuginfo=line-directives-only
//@ opt-levels: 0 3
// A `std::backtrace::Backtrace` captured in user code resolves the same frames (printed to
// stderr, which is compared between the backends; paths and addresses vary by machine).
//@ run-env: RUST_LIB_BACKTRACE=1
use std::backtrace::{Backtrace, BacktraceStatus};

#[inline(never)]
fn deep(n: u32) -> Backtrace {
    if n == 0 { Backtrace::capture() } else { deep(n - 1) }
}

fn main() {
    let bt = deep(std::env::args().count() as u32 + 1);
    println!("captured: {}", bt.status() == BacktraceStatus::Captured);
    eprintln!("{bt}");
}
