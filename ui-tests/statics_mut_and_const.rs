//@ lto: fat thin
// Statics (immutable, mut, with interior mutability, referencing other statics), consts,
// promoted constants, static arrays of fn pointers and strings, relocations in static data.
use std::hint::black_box as bb;
use std::sync::atomic::{AtomicUsize, Ordering};

static GREETING: &str = "hello";
static TABLE: [u32; 5] = [1, 10, 100, 1000, 10000];
static REF_TO_TABLE: &[u32] = &TABLE;
static mut COUNTER: u64 = 0;
static mut BUF: [u8; 8] = [0; 8];
static CALLS: AtomicUsize = AtomicUsize::new(0);
const LIMIT: usize = TABLE.len() * 2;
const SQUARES: [u64; 6] = { let mut a = [0; 6]; let mut i = 0; while i < 6 { a[i] = (i * i) as u64; i += 1; } a };

fn double(x: i32) -> i32 { x * 2 }
fn negate(x: i32) -> i32 { -x }
static OPS: [(&str, fn(i32) -> i32); 2] = [("double", double), ("negate", negate)];

struct Config { name: &'static str, values: &'static [i16], nested: &'static Config2 }
struct Config2 { flag: bool, f: f32 }
static CONFIG: Config = Config { name: "cfg", values: &[-1, 2, -3], nested: &Config2 { flag: true, f: 0.5 } };

#[inline(never)]
fn bump() -> u64 {
    CALLS.fetch_add(1, Ordering::Relaxed);
    unsafe {
        COUNTER += 3;
        COUNTER
    }
}

fn promoted() -> &'static [u8; 3] { &[7, 8, 9] }

fn main() {
    println!("{GREETING} {:?} {:?} {LIMIT} {SQUARES:?}", TABLE, REF_TO_TABLE);
    for _ in 0..bb(4) { bump(); }
    println!("{} {}", unsafe { *(&raw const COUNTER) }, CALLS.load(Ordering::Relaxed));
    unsafe {
        let b = &raw mut BUF;
        (*b)[bb(3)] = 42;
        (*b)[7] = 1;
        println!("{:?}", *b);
    }
    for (name, f) in OPS.iter() { print!("{}={} ", name, f(bb(21))); }
    println!();
    println!("{} {:?} {} {}", CONFIG.name, CONFIG.values, CONFIG.nested.flag, CONFIG.nested.f);
    println!("{:?} {}", promoted(), std::ptr::eq(promoted(), promoted()) || true);
    let s: &'static str = bb(GREETING);
    println!("{}", s.len() + TABLE[bb(4)] as usize);
}
