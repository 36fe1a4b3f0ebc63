// Branches on an uninitialized byte when built with `--cfg uninit`. (std itself is not
// instrumented, so the program avoids passing data through it.)
use std::hint::black_box;
use std::mem::MaybeUninit;

fn main() {
    let mut bytes = MaybeUninit::<[u8; 16]>::uninit();
    let p = bytes.as_mut_ptr() as *mut u8;
    unsafe { p.write(1) };
    let i = if cfg!(uninit) { 5 } else { 0 };
    let x = unsafe { p.add(black_box(i)).read() };
    std::process::exit(if black_box(x) == 1 { 0 } else { 3 })
}
