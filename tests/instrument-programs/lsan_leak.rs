// Loses the only pointer to a heap allocation when built with `--cfg leak`.
use std::hint::black_box;

#[inline(never)]
fn allocate() {
    let p = Box::into_raw(Box::new([1u8; 64]));
    black_box(p as usize);
    if !cfg!(leak) {
        drop(unsafe { Box::from_raw(p) });
    }
}

fn main() {
    allocate();
    println!("done");
}
