// Reads past a static array (AddressSanitizer registers globals from a module constructor)
// when built with `--cfg overflow`, and past a Vec in a function that turns AddressSanitizer
// off, which must go unreported.
#![feature(sanitize)]
use std::hint::black_box;

static TABLE: [u32; 4] = [1, 2, 3, 4];

#[sanitize(address = "off")]
#[inline(never)]
fn unchecked_read(v: &[u32], i: usize) -> u32 {
    unsafe { *black_box(v.as_ptr().add(i)) }
}

fn main() {
    let v: Vec<u32> = black_box(vec![7; 8]);
    black_box(unchecked_read(&v, black_box(8)));
    let i = black_box(if cfg!(overflow) { 4 } else { 3 });
    println!("{}", unsafe { std::ptr::read_volatile(TABLE.as_ptr().add(i)) });
}
