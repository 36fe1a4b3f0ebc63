// Reads one element past a Vec's allocation when run with the argument `overflow`;
// AddressSanitizer must stop it with a heap-buffer-overflow report.
use std::hint::black_box;

fn main() {
    let overflow = std::env::args().nth(1).as_deref() == Some("overflow");
    let v: Vec<u32> = black_box((0..8).collect());
    let index = if overflow { v.len() } else { v.len() - 1 };
    let x = unsafe { std::ptr::read_volatile(v.as_ptr().add(black_box(index))) };
    println!("read {x}");
}
