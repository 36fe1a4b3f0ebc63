//@ lto: fat thin
// What LTO must keep although no code refers to it: a constructor placed in `.init_array` and
// kept by `#[used]` alone, a `#[no_mangle]` function reached only through a declaration, and a
// static only read through a raw pointer.
use std::sync::atomic::{AtomicU32, Ordering};

static STARTED: AtomicU32 = AtomicU32::new(0);

extern "C" fn before_main() {
    STARTED.store(7, Ordering::Relaxed);
}

#[used]
#[unsafe(link_section = ".init_array")]
static CONSTRUCTOR: extern "C" fn() = before_main;

#[unsafe(no_mangle)]
pub extern "C" fn lto_constructor_exported(x: u32) -> u32 {
    x * 3 + STARTED.load(Ordering::Relaxed)
}

mod by_name {
    unsafe extern "C" {
        pub fn lto_constructor_exported(x: u32) -> u32;
    }
}

static TABLE: [u8; 4] = *b"LTO!";

fn main() {
    println!("constructor ran: {}", STARTED.load(Ordering::Relaxed));
    println!("exported by name: {}", unsafe { by_name::lto_constructor_exported(std::hint::black_box(5)) });
    let p = std::hint::black_box(TABLE.as_ptr());
    println!("table: {}", String::from_utf8_lossy(unsafe { std::slice::from_raw_parts(p, 4) }));
}
