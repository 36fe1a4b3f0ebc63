//! The library of the LTO tests (tests/lto.rs): what must survive internalization and
//! cross-crate optimization when a program is linked with it under LTO.

use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};

pub static CALLS: AtomicU32 = AtomicU32::new(0);
static mut TABLE: [u64; 8] = [3, 1, 4, 1, 5, 9, 2, 6];

thread_local! {
    pub static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Small and not `#[inline]`; the library is built with `-Zcross-crate-inline-threshold=never`,
/// so only LTO can inline it into another crate (tests/lto.rs checks that it does).
pub fn compute(x: u64) -> u64 {
    CALLS.fetch_add(1, Ordering::Relaxed);
    x.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17) ^ unsafe { TABLE[(x % 8) as usize] }
}

pub fn bump_table(i: usize) {
    unsafe { TABLE[i % 8] += 1 }
}

/// Counts its own depth in a thread local.
pub fn nested(n: u32) -> u32 {
    DEPTH.with(|d| d.set(d.get() + 1));
    if n == 0 { DEPTH.with(|d| d.get()) } else { nested(n - 1) }
}

pub fn checked_double(x: i32) -> i32 {
    if x < 0 {
        panic!("negative input {x}");
    }
    x * 2
}

pub trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        "shape".into()
    }
}

pub struct Square(pub f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
    fn name(&self) -> String {
        format!("square {}", self.0)
    }
}

pub fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

/// Generic: instantiated in the program's crate.
pub fn largest<T: PartialOrd + Copy>(v: &[T]) -> T {
    let mut best = v[0];
    for &x in v {
        if x > best {
            best = x;
        }
    }
    best
}

/// Set by a constructor that nothing refers to: only `#[used]` keeps it.
pub static INIT_RAN: AtomicU32 = AtomicU32::new(0);

extern "C" fn init() {
    INIT_RAN.store(42, Ordering::Relaxed);
}

#[used]
#[unsafe(link_section = ".init_array")]
static INIT: extern "C" fn() = init;

/// Exported under its own name: must stay visible after internalization.
#[unsafe(no_mangle)]
pub extern "C" fn ltolib_exported(x: u32) -> u32 {
    x + 1000
}
