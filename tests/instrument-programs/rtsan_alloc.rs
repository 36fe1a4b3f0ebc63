// A function marked nonblocking allocates when built with `--cfg alloc`, which the realtime
// sanitizer must report.
#![feature(sanitize)]
use std::hint::black_box;

#[sanitize(realtime = "nonblocking")]
#[inline(never)]
fn in_realtime_context(v: &mut Vec<u64>, x: u64) -> u64 {
    if cfg!(alloc) {
        v.push(x);
    }
    black_box(x * 2)
}

fn main() {
    let mut v = Vec::with_capacity(0);
    println!("{}", in_realtime_context(&mut v, black_box(21)));
}
