//@ compile-flags: -Cforce-frame-pointers=yes -Cno-redzone=yes -Zplt=yes
//@ opt-levels: 0 2 3
// Frame pointers everywhere, no red zone below the stack pointer, calls through the PLT: deep
// recursion, unwinding through frames and leaf functions using stack space must all still work.
use std::hint::black_box as bb;

#[inline(never)]
fn leaf(xs: [u64; 16]) -> u64 {
    xs.iter().enumerate().map(|(i, x)| x.rotate_left(i as u32)).fold(0, |a, b| a ^ b)
}

#[inline(never)]
fn recurse(n: u64) -> u64 {
    if n == 0 { leaf([bb(1); 16]) } else { recurse(n - 1).wrapping_mul(31).wrapping_add(n) }
}

#[inline(never)]
fn fails(n: u32) -> u32 {
    if n == 3 { panic!("boom at {n}") } else { n + fails(n + 1) }
}

fn main() {
    println!("recurse: {}", recurse(bb(10_000)));
    std::panic::set_hook(Box::new(|_| {}));
    let caught = std::panic::catch_unwind(|| fails(bb(0)));
    println!("caught: {}", caught.is_err());
    println!("leaf: {}", leaf([bb(7); 16]));
}
