// main's stack buffer, whose address escapes, goes to the unsafe stack under SafeStack.
use std::hint::black_box;

#[inline(never)]
fn fill(buf: &mut [u8; 64]) -> u32 {
    for (i, b) in black_box(&mut *buf).iter_mut().enumerate() {
        *b = i as u8;
    }
    buf.iter().map(|&b| b as u32).sum()
}

fn main() {
    let mut buf = [0u8; 64];
    println!("{}", fill(&mut buf));
}
