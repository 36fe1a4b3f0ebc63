//@ edition: 2024
// Edition 2024 semantics: let chains, tail-expression temporaries dropped before locals,
// if-let scrutinee temporaries dropped before the else branch, `unsafe extern` blocks,
// RPIT capturing all in-scope lifetimes, unsafe attributes, and `gen`-free iterators.
use std::cell::RefCell;

struct Loud(&'static str);
impl Drop for Loud { fn drop(&mut self) { println!("drop {}", self.0); } }
impl Loud { fn get(&self) -> Option<u8> { println!("get {}", self.0); Some(1) } }

unsafe extern "C" {
    safe fn abs(x: i32) -> i32;
    unsafe fn labs(x: i64) -> i64;
}

#[unsafe(no_mangle)]
pub extern "C" fn edition2024_exported(x: u8) -> u8 { x.wrapping_add(1) }

fn tail_temporary() -> usize {
    let c = RefCell::new(vec![1, 2, 3]);
    // In 2024 the temporary `Ref` is dropped before `c`; in 2021 this was a borrow error.
    c.borrow().len()
}

fn words(s: &str) -> impl Iterator<Item = &str> { s.split(' ').filter(|w| !w.is_empty()) }

fn main() {
    let v = Some(5);
    let w: Result<u8, ()> = Ok(3);
    if let Some(a) = v && let Ok(b) = w && a > b {
        println!("chain {a} {b}");
    }
    if let Some(x) = Loud("scrutinee").get() && x == 2 {
        println!("not here");
    } else {
        println!("else branch");
    }
    println!("{}", tail_temporary());
    println!("{} {}", abs(-4), unsafe { labs(-5_000_000_000) });
    println!("{}", edition2024_exported(std::hint::black_box(255)));
    println!("{:?}", words("  a bb  ccc ").collect::<Vec<_>>());
    let r = match Loud("match").get() { Some(n) => n + 1, None => 0 };
    println!("{r}");
}
