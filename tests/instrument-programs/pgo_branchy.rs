// `classify`'s branch is taken for one input in ten: a profile of this run must say so.
use std::hint::black_box;

#[inline(never)]
fn classify(x: u64) -> u64 {
    if x % 10 == 0 { black_box(x * 3 + 1) } else { black_box(x / 2) }
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let mut sum = 0u64;
    for i in 0..n {
        sum = sum.wrapping_add(classify(black_box(i)));
    }
    println!("{sum}");
}
